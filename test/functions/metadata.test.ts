/**
 * The metadata Excel registers, as built into dist/ (`npm test` runs `npm run build` first), against the
 * frozen contract of FUNCTIONS.md, written out here by hand: ids, parameter names and order, optional
 * flags, ranges and results. Workbooks store these ids and argument positions, so any drift is a break.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Metadata } from "./functionsJson";

const DIST = join(__dirname, "../../dist");
function read(name: string): Metadata {
  const file = join(DIST, name);
  if (!existsSync(file)) throw new Error(`dist/${name} is missing: run \`npm run build\` first (npm test does), then this test.`);
  return JSON.parse(readFileSync(file, "utf8")) as Metadata;
}

/** FUNCTIONS.md: required arguments, then [optional] ones; ranges; a matrix result. */
interface Contract {
  required: string[];
  optional: string[];
  ranges?: string[];
  matrixResult?: true;
}
const LCC_ARGS: Contract = {
  required: ["price", "annualKWh", "electricityPrice", "years", "discountRate"],
  optional: [
    "installation",
    "annualMaintenance",
    "residualValue",
    "endOfLifeCost",
    "energyEscalation",
    "maintenanceEscalation",
    "quantity",
    "timing",
    "escalationBase",
  ],
};
const CONTRACT: Record<string, Contract> = {
  LCC: LCC_ARGS,
  LCCBREAKDOWN: { ...LCC_ARGS, matrixResult: true },
  PVFACTOR: { required: ["discountRate", "years"], optional: ["escalation", "timing", "escalationBase"] },
  EAC: { required: ["lifeCycleCost", "discountRate", "years"], optional: ["timing"] },
  CO2COST: {
    required: ["annualKWh", "emissionFactor", "co2Price", "years", "discountRate"],
    optional: ["co2Escalation", "timing", "quantity"],
  },
  TEC: { required: ["pOff", "pSleep", "pLongIdle", "pShortIdle"], optional: ["deviceType", "spec"] },
  TECDISPLAY: { required: ["pOn", "pSleep"], optional: [] },
  ENERGYUSE: { required: ["powerW", "hoursPerDay"], optional: ["daysPerYear"], ranges: ["powerW", "hoursPerDay"] },
  CO2USE: { required: ["annualKWh", "years", "emissionFactor"], optional: ["quantity"] },
  CO2SHARE: { required: ["embodiedKg", "annualKWh", "years", "emissionFactor"], optional: [] },
  CO2ANNUAL: { required: ["embodiedKg", "annualUseKg", "years"], optional: [] },
  LIFEEXTENSION: { required: ["embodiedKg", "annualUseKg", "currentYears", "extendedYears"], optional: [] },
  RESIDUALVALUE: { required: ["price", "ageYears"], optional: ["model", "parameter", "floor"] },
  PRICESCORE: { required: ["value", "bestValue", "maxPoints"], optional: ["method", "worstValue"] },
  REPAIRCOST: {
    required: ["annualRepair", "coveredYears", "years", "discountRate"],
    optional: ["escalation", "timing", "escalationBase", "quantity"],
  },
};

/** A1 … XFD1048576 or R1C1 forms: Excel would read such a name as a cell reference. */
const CELL_ADDRESS = /^([A-Za-z]{1,3}[0-9]+|R[0-9]*C[0-9]*)$/i;

/** A dot-separated part of a name that is itself a cell address (CO2 in CO2.KOSTEN): column of up to three letters, row number. */
const CELL_PART = /^[A-Z]{1,3}[0-9]+$/i;

const FILES = ["functions.json", "functions-nl.json", "functions-fr.json"];

describe.each(FILES)("dist/%s", (file) => {
  const byId = () => new Map(read(file).functions.map((f) => [f.id, f]));

  test("has exactly the 15 GPP ids, in the order of functions.json", () => {
    const ids = read(file).functions.map((f) => f.id);
    expect([...ids].sort()).toEqual(Object.keys(CONTRACT).sort());
    expect(ids).toEqual(read("functions.json").functions.map((f) => f.id));
  });

  test.each(Object.entries(CONTRACT))("%s: parameters, optional flags, ranges and result as FUNCTIONS.md", (id, c) => {
    const f = byId().get(id)!;
    expect(f.parameters.map((p) => p.name)).toEqual([...c.required, ...c.optional]);
    expect(f.parameters.filter((p) => p.optional).map((p) => p.name)).toEqual(c.optional);
    expect(f.parameters.filter((p) => p.dimensionality === "matrix").map((p) => p.name)).toEqual(c.ranges ?? []);
    expect(f.parameters.some((p) => p.repeating)).toBe(false);
    // "any": the functions judge each argument themselves, so a wrong one gets a message naming it.
    expect(f.parameters.map((p) => p.type)).toEqual(f.parameters.map(() => "any"));
    expect(f.result).toEqual(c.matrixResult ? { type: "number", dimensionality: "matrix" } : { type: "number" });
    // Pure, synchronous, non-volatile: no options (volatile, stream, requiresAddress …) at all.
    expect(f.options).toBeUndefined();
  });

  test("every function and parameter has a name Excel cannot mistake for a cell, and a description", () => {
    for (const f of read(file).functions) {
      expect([f.id, CELL_ADDRESS.test(f.name)]).toEqual([f.id, false]);
      expect([f.id, f.name.split(".").filter((part) => CELL_PART.test(part))]).toEqual([f.id, []]);
      expect([f.id, /^\p{L}[\p{L}0-9._]{2,}$/u.test(f.name)]).toEqual([f.id, true]);
      expect([f.id, (f.description ?? "").length > 10]).toEqual([f.id, true]);
      for (const p of f.parameters) {
        expect([f.id, p.name, CELL_ADDRESS.test(p.name)]).toEqual([f.id, p.name, false]);
        expect([f.id, p.name, (p.description ?? "").length > 5]).toEqual([f.id, p.name, true]);
      }
    }
  });
});

test("nl and fr carry the same ids, parameters and results as functions.json, with their own descriptions", () => {
  const en = read("functions.json").functions;
  for (const file of ["functions-nl.json", "functions-fr.json"]) {
    read(file).functions.forEach((f, i) => {
      expect(f.id).toBe(en[i].id);
      expect(f.parameters.length).toBe(en[i].parameters.length);
      expect(f.parameters.map(({ description: _d, ...p }) => p)).toEqual(en[i].parameters.map(({ description: _d, ...p }) => p));
      expect(f.result).toEqual(en[i].result);
      expect([file, f.id, f.description === en[i].description]).toEqual([file, f.id, false]);
    });
  }
});
