/**
 * The one mapping from domain errors to Excel errors: real CustomFunctions.Error objects when the Excel
 * runtime is there (a stand-in global here), plain { code, message } under Node; a bug in a function
 * body still ends as an Excel error with a message.
 */
import { lcc, lccBreakdown } from "../../src/functions/functions";
import { isExcelError, setMessageLanguage, toExcelError, unexpectedError } from "../../src/functions/errors";
import { thrownBy } from "./call";

/** What the Excel runtime provides: an ErrorCode enum of the Excel codes and an Error class. */
class FakeRuntimeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const runtime = { Error: FakeRuntimeError, ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!" } };
const g = globalThis as { CustomFunctions?: unknown };

beforeAll(() => setMessageLanguage("en"));
afterEach(() => delete g.CustomFunctions);

test("without the Excel runtime: a plain object with the code and the message", () => {
  expect(toExcelError({ kind: "type", argument: "price", rule: "notANumber" })).toEqual({
    code: "#VALUE!",
    message: "price must be a number.",
  });
  expect(toExcelError({ kind: "domain", argument: "years", rule: "positive" })).toEqual({
    code: "#NUM!",
    message: "years must be greater than 0.",
  });
});

test("inside Excel: a single-value function throws a real CustomFunctions.Error, #VALUE! for kind type and #NUM! for kind domain", () => {
  g.CustomFunctions = runtime;
  const value = thrownBy(() => lcc("abc", 30, 0.2, 5, 0.04));
  expect(value).toBeInstanceOf(FakeRuntimeError);
  expect(value).toEqual(new FakeRuntimeError("#VALUE!", "price must be a number."));
  const num = thrownBy(() => lcc(750, 30, 0.2, 0, 0.04));
  expect(num).toBeInstanceOf(FakeRuntimeError);
  expect(num).toEqual(new FakeRuntimeError("#NUM!", "years must be greater than 0."));
  expect(isExcelError(num)).toBe(true);
});

test("inside Excel: an array function returns the errors inside its row, it does not throw", () => {
  g.CustomFunctions = runtime;
  const row = lccBreakdown(750, 30, 0.2, 0, 0.04) as unknown[][];
  expect(row[0]).toHaveLength(6);
  row[0].forEach((cell) => expect(cell).toEqual(new FakeRuntimeError("#NUM!", "years must be greater than 0.")));
  row[0].forEach((cell) => expect(cell).toBeInstanceOf(FakeRuntimeError));
});

test("an unexpected exception in a function body becomes #VALUE! with a message, never a raw exception", () => {
  const explosive = {
    get basicValue(): never {
      throw new Error("boom");
    },
  };
  expect(thrownBy(() => lcc(explosive, 30, 0.2, 5, 0.04))).toEqual({
    code: "#VALUE!",
    message: "GPP.LCC could not compute a result (boom). Please report this together with the formula.",
  });
  expect(unexpectedError("TEC", "odd")).toEqual({
    code: "#VALUE!",
    message: expect.stringContaining("GPP.TEC could not compute a result (odd)"),
  });
  g.CustomFunctions = runtime;
  expect(lccBreakdown(explosive, 30, 0.2, 5, 0.04)).toEqual([
    Array(6).fill(
      new FakeRuntimeError("#VALUE!", "GPP.LCCBREAKDOWN could not compute a result (boom). Please report this together with the formula."),
    ),
  ]);
});
