/**
 * The BUILT functions bundle (dist/functions.js, `npm test` builds it first), evaluated as Excel would
 * load it: with a CustomFunctions stand-in that records the registrations, and without one (taskpane.html
 * opened in a plain browser). Microsoft's documented error paths: a single-value function throws its
 * CustomFunctions.Error; an array function (GPP.LCCBREAKDOWN) returns the errors inside the array.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { thrownBy } from "./call";

const BUNDLE = join(__dirname, "../../dist/functions.js");
function bundle(): string {
  if (!existsSync(BUNDLE)) throw new Error("dist/functions.js is missing: run `npm run build` first (npm test does).");
  return readFileSync(BUNDLE, "utf8");
}

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
type Fn = (...args: unknown[]) => unknown;

/** Evaluates the bundle with a CustomFunctions stand-in; returns what it registered, by id. */
function loadWithRuntime(): Map<string, Fn> {
  const registered = new Map<string, Fn>();
  const CustomFunctions = {
    Error: FakeError,
    ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!" },
    associate: (id: string, fn: Fn) => registered.set(id, fn),
  };
  runInNewContext(bundle(), { CustomFunctions, navigator: { language: "en-US" } });
  return registered;
}

test("outside Office (no CustomFunctions global) the bundle loads without an error and registers nothing", () => {
  const sandbox: Record<string, unknown> = { navigator: { language: "en-US" } };
  expect(() => runInNewContext(bundle(), sandbox)).not.toThrow();
  expect(sandbox.CustomFunctions).toBeUndefined();
});

test("inside Excel it registers all 15 GPP functions under their ids", () => {
  expect([...loadWithRuntime().keys()].sort()).toEqual([
    "CO2ANNUAL",
    "CO2COST",
    "CO2SHARE",
    "CO2USE",
    "EAC",
    "ENERGYUSE",
    "LCC",
    "LCCBREAKDOWN",
    "LIFEEXTENSION",
    "PRICESCORE",
    "PVFACTOR",
    "REPAIRCOST",
    "RESIDUALVALUE",
    "TEC",
    "TECDISPLAY",
  ]);
});

test("a single-value function returns its number, and throws a CustomFunctions.Error for bad input", () => {
  const fns = loadWithRuntime();
  const lcc = fns.get("LCC")!;
  expect(lcc(750, 30, 0.2, 5, 0.04)).toBeCloseTo(750 + 30 * 0.2 * ((1 - 1.04 ** -5) / 0.04), 9);
  const value = thrownBy(() => lcc("abc", 30, 0.2, 5, 0.04));
  expect(value).toBeInstanceOf(FakeError);
  expect(value).toEqual(new FakeError("#VALUE!", "price must be a number."));
  const num = thrownBy(() => fns.get("PVFACTOR")!(0.04, 0));
  expect(num).toEqual(new FakeError("#NUM!", "years must be greater than 0."));
});

test("the array function returns the errors inside its row and does not throw", () => {
  const breakdown = loadWithRuntime().get("LCCBREAKDOWN")!;
  const row = breakdown(750, 30, 0.2, 0, 0.04) as unknown[][];
  expect(row).toHaveLength(1);
  expect(row[0]).toHaveLength(6);
  for (const cell of row[0]) expect(cell).toEqual(new FakeError("#NUM!", "years must be greater than 0."));
  const good = breakdown(750, 30, 0.2, 5, 0.04) as number[][];
  expect(good[0][5]).toBeCloseTo(
    good[0].slice(0, 5).reduce((a, b) => a + b, 0),
    9,
  );
});
