/**
 * A bad-input matrix for every GPP function and every argument: text, empty, boolean, a 2 x 2 range,
 * negative, zero, 1e308, an unknown option. Each gives the documented code (#VALUE! for a wrong type,
 * #NUM! for a number outside its domain) with a message naming the argument, or a finite number where
 * the value is legitimate. No call throws.
 */
import { type GppId, GPP_IDS, callAsExcel } from "../../src/functions/functions";
import { setMessageLanguage } from "../../src/functions/errors";
import { err, outcome } from "./call";

const V = "#VALUE!";
const N = "#NUM!";
const OK = "number";

/** What each kind of argument accepts: [label, bad or edge value, expected outcome]. */
type Case = readonly [string, unknown, string];
/** The three edges every number is tried at, with what each gives for this kind. */
const edges = (negative: string, zero: string, huge: string): Case[] => [
  ["negative", -1, negative],
  ["zero", 0, zero],
  ["1e308", 1e308, huge],
];
const KINDS: Record<string, Case[]> = {
  // amounts, kWh, W, kg, quantities, days: not negative, bounded above (LIMITS)
  bounded: edges(N, OK, N),
  years: edges(N, N, N),
  rate: [
    ["-100 %", -1, N],
    ["below -100 %", -2, N],
    ['"4" typed for 4 %', 4, N],
    ["1e308", 1e308, N],
    ["zero", 0, OK],
    ["negative real rate", -0.01, OK],
  ],
  share: [...edges(N, OK, N), ['"20" typed for 20 %', 20, N]],
  points: edges(N, N, OK),
  age: edges(N, OK, OK),
  // An LCC may be 0 or negative (residual value above the price); "range" scores it.
  signed: edges(OK, OK, N),
  anyNumber: edges(OK, OK, OK),
  worst: edges(N, N, OK),
  option: [
    ["unknown option", "bogus", V],
    ["a number", 3, V],
  ],
};

interface Arg {
  readonly name: string;
  readonly kind: keyof typeof KINDS;
  readonly optional?: true;
}
const req = (name: string, kind: keyof typeof KINDS): Arg => ({ name, kind });
const opt = (name: string, kind: keyof typeof KINDS): Arg => ({ name, kind, optional: true });

const LCC_ARGS: Arg[] = [
  req("price", "bounded"),
  req("annualKWh", "bounded"),
  req("electricityPrice", "bounded"),
  req("years", "years"),
  req("discountRate", "rate"),
  opt("installation", "bounded"),
  opt("annualMaintenance", "bounded"),
  opt("residualValue", "bounded"),
  opt("endOfLifeCost", "bounded"),
  opt("energyEscalation", "rate"),
  opt("maintenanceEscalation", "rate"),
  opt("quantity", "bounded"),
  opt("timing", "option"),
  opt("escalationBase", "option"),
];

/** Valid arguments per function (every optional one given), and what each argument is. */
const FUNCTIONS: Record<Exclude<GppId, "ENERGYUSE">, { base: unknown[]; args: Arg[] }> = {
  LCC: { base: [750, 30, 0.2, 5, 0.04, 20, 15, 80, 10, 0.03, 0.02, 100, "end", "flat"], args: LCC_ARGS },
  LCCBREAKDOWN: { base: [750, 30, 0.2, 5, 0.04, 20, 15, 80, 10, 0.03, 0.02, 100, "end", "flat"], args: LCC_ARGS },
  PVFACTOR: {
    base: [0.04, 5, 0.02, "end", "flat"],
    args: [
      req("discountRate", "rate"),
      req("years", "years"),
      opt("escalation", "rate"),
      opt("timing", "option"),
      opt("escalationBase", "option"),
    ],
  },
  EAC: {
    base: [80193.71, 0.04, 5, "end"],
    args: [req("lifeCycleCost", "anyNumber"), req("discountRate", "rate"), req("years", "years"), opt("timing", "option")],
  },
  CO2COST: {
    base: [30, 0.23, 100, 5, 0.04, 0.01, "end", 100],
    args: [
      req("annualKWh", "bounded"),
      req("emissionFactor", "bounded"),
      req("co2Price", "bounded"),
      req("years", "years"),
      req("discountRate", "rate"),
      opt("co2Escalation", "rate"),
      opt("timing", "option"),
      opt("quantity", "bounded"),
    ],
  },
  TEC: {
    base: [1, 1.7, 10, 10, "notebook", "EU617"],
    args: [
      req("pOff", "bounded"),
      req("pSleep", "bounded"),
      req("pLongIdle", "bounded"),
      req("pShortIdle", "bounded"),
      opt("deviceType", "option"),
      opt("spec", "option"),
    ],
  },
  TECDISPLAY: { base: [15, 0.3], args: [req("pOn", "bounded"), req("pSleep", "bounded")] },
  CO2USE: {
    base: [30, 5, 0.23, 100],
    args: [req("annualKWh", "bounded"), req("years", "years"), req("emissionFactor", "bounded"), opt("quantity", "bounded")],
  },
  CO2SHARE: {
    base: [181, 20, 4, 0.23],
    args: [req("embodiedKg", "bounded"), req("annualKWh", "bounded"), req("years", "years"), req("emissionFactor", "bounded")],
  },
  CO2ANNUAL: { base: [181, 4.6, 4], args: [req("embodiedKg", "bounded"), req("annualUseKg", "bounded"), req("years", "years")] },
  LIFEEXTENSION: {
    base: [181, 4.6, 4, 6],
    args: [req("embodiedKg", "bounded"), req("annualUseKg", "bounded"), req("currentYears", "years"), req("extendedYears", "years")],
  },
  // "linear" so that parameter (the service life) is needed and judged.
  RESIDUALVALUE: {
    base: [750, 4, "linear", 6, 0.1],
    args: [req("price", "bounded"), req("ageYears", "age"), opt("model", "option"), req("parameter", "years"), opt("floor", "share")],
  },
  // "range" so that worstValue is needed and judged.
  PRICESCORE: {
    base: [90000, 80000, 40, "range", 120000],
    args: [
      req("value", "signed"),
      req("bestValue", "signed"),
      req("maxPoints", "points"),
      opt("method", "option"),
      req("worstValue", "worst"),
    ],
  },
  REPAIRCOST: {
    base: [40, 3, 5, 0.04, 0.02, "mid", "nist", 100],
    // coveredYears 0 = no warranty at all: every year is repaired.
    args: [
      req("annualRepair", "bounded"),
      req("coveredYears", "bounded"),
      req("years", "years"),
      req("discountRate", "rate"),
      opt("escalation", "rate"),
      opt("timing", "option"),
      opt("escalationBase", "option"),
      opt("quantity", "bounded"),
    ],
  },
};

/** Cases every argument shares: wrong types, and empty (an error when required, the default otherwise). */
const common = (a: Arg): Case[] => [
  ["text", "abc", V],
  ["number as text", "4", V],
  ["boolean", true, V],
  [
    "2 x 2 range",
    [
      [1, 2],
      [3, 4],
    ],
    V,
  ],
  ["empty (null)", null, a.optional ? OK : V],
  ['empty ("")', "", a.optional ? OK : V],
];

const with_ = (base: readonly unknown[], i: number, v: unknown) => base.map((b, j) => (j === i ? v : b));

beforeAll(() => setMessageLanguage("en"));

describe.each(Object.entries(FUNCTIONS))("GPP.%s", (id, { base, args }) => {
  const fid = id as GppId;
  test("the base arguments give a finite number", () => {
    expect(outcome(fid, base)).toBe(OK);
  });
  const rows = args.flatMap((a, i) =>
    [...common(a), ...KINDS[a.kind]].map(([label, value, expected]) => [a.name, label, expected, i, value] as const),
  );
  test.each(rows)("%s: %s → %s", (name, _label, expected, i, value) => {
    const got = outcome(fid, with_(base, i, value));
    expect(got).toBe(expected);
    if (expected !== OK) expect(err(fid, with_(base, i, value)).message).toContain(name);
  });
});

describe("GPP.ENERGYUSE ranges", () => {
  const P = [[15, 1, 0.3]];
  const H = [[8, 2, 14]];
  test.each([
    ["powerW", "a text cell", V, [[[15, "abc", 0.3]], H, 220]],
    ["powerW", "a boolean cell", V, [[[15, true, 0.3]], H, 220]],
    ["powerW", "a negative cell", N, [[[15, -1, 0.3]], H, 220]],
    ["powerW", "1e308 in a cell", N, [[[15, 1e308, 0.3]], H, 220]],
    ["hoursPerDay", "power with no hours beside it", V, [[[15, 1, 0.3]], [[8, 2, null]], 220]],
    ["hoursPerDay", "a text cell", V, [P, [[8, "2", 14]], 220]],
    ["hoursPerDay", "a negative cell", N, [P, [[8, -2, 14]], 220]],
    ["hoursPerDay", "more than 24 hours in total", N, [P, [[8, 2, 15]], 220]],
    ["hoursPerDay", "1e308 in a cell", N, [P, [[8, 1e308, 14]], 220]],
    ["powerW", "hours with no power beside them", V, [[[15, 1, null]], H, 220]],
    ["hoursPerDay", "fewer cells than powerW", V, [P, [[8, 2]], 220]],
    [
      "hoursPerDay",
      "same count, different shape (2 x 2 against 1 x 4)",
      V,
      [
        [[15, 1, 0.3, 0]],
        [
          [8, 2],
          [14, 0],
        ],
        220,
      ],
    ],
    ["powerW", "empty", V, [null, null, 220]],
    ["powerW", "a ragged matrix", V, [[[15, 1], [0.3]], H, 220]],
    ["daysPerYear", "text", V, [P, H, "abc"]],
    ["daysPerYear", "boolean", V, [P, H, true]],
    ["daysPerYear", "negative", N, [P, H, -1]],
    ["daysPerYear", "more than 366", N, [P, H, 367]],
    ["daysPerYear", "1e308", N, [P, H, 1e308]],
    [
      "daysPerYear",
      "a 2 x 2 range",
      V,
      [
        P,
        H,
        [
          [1, 2],
          [3, 4],
        ],
      ],
    ],
  ])("%s: %s → %s", (name, _label, expected, args) => {
    expect(outcome("ENERGYUSE", args)).toBe(expected);
    expect(err("ENERGYUSE", args).message).toContain(name);
  });
  test("daysPerYear omitted or zero is fine", () => {
    expect(outcome("ENERGYUSE", [P, H, null])).toBe(OK);
    expect(outcome("ENERGYUSE", [P, H, 0])).toBe(OK);
  });
});

describe("messages say what is wrong", () => {
  test('"4" typed for a 4 % rate: #NUM! with the percent hint', () => {
    for (const [id, args] of [
      ["LCC", [750, 30, 0.2, 5, 4]],
      ["PVFACTOR", [4, 5]],
      ["EAC", [1000, 4, 5]],
      ["CO2COST", [30, 0.23, 100, 5, 4]],
    ] as const) {
      const e = err(id, args);
      expect(e.code).toBe(N);
      expect(e.message).toBe("discountRate is 4, which is above 100 %: rates are fractions, so type 0.04 or 4 % for 4 %.");
    }
    expect(err("LCC", [750, 30, 0.2, 5, 0.04, 0, 0, 0, 0, 3]).message).toMatch(/^energyEscalation is 3, .*0\.04 or 4 %/);
  });

  test("text where a number is expected, and an empty required argument, name the argument", () => {
    expect(err("LCC", ["750 EUR", 30, 0.2, 5, 0.04])).toEqual({ code: V, message: "price must be a number." });
    expect(err("TEC", [1, null, 10, 10])).toEqual({ code: V, message: "pSleep is empty: enter a value." });
  });

  test("an unknown option lists the valid ones", () => {
    expect(err("LCC", [750, 30, 0.2, 5, 0.04, 0, 0, 0, 0, 0, 0, 1, "yearly"]).message).toBe("timing must be one of: end, begin, mid.");
    expect(err("TEC", [1, 1, 1, 1, "laptop"]).message).toBe(
      "deviceType must be one of: notebook, desktop, integrated, thinclient, workstation.",
    );
    expect(err("RESIDUALVALUE", [750, 4, "straight"]).message).toBe("model must be one of: laptop, tablet, linear, declining.");
    expect(err("PRICESCORE", [1, 1, 1, "cheapest"]).message).toBe("method must be one of: lowest, linear, range.");
  });

  test("domain rules of the engine come through with their argument", () => {
    expect(err("TEC", [1, 1, 1, 1, "thinclient", "EU617"])).toEqual({
      code: V,
      message: expect.stringMatching(/^deviceType: no confirmed mode weighting for thinclient\/EU617/),
    });
    expect(err("CO2SHARE", [0, 0, 4, 0.23])).toEqual({ code: N, message: expect.stringContaining("embodiedKg") });
    expect(err("PRICESCORE", [70000, 80000, 40])).toEqual({ code: N, message: expect.stringMatching(/^value is below bestValue/) });
    expect(err("PRICESCORE", [90000, 80000, 40, "range"])).toEqual({ code: V, message: "worstValue is required with range." });
    expect(err("RESIDUALVALUE", [750, 4, "declining"])).toEqual({ code: V, message: "parameter is required with declining." });
  });

  test("a result too large to represent is #NUM!, never Infinity", () => {
    expect(err("PVFACTOR", [-0.999999, 100])).toEqual({ code: N, message: expect.stringContaining("too large") });
  });

  test("messages follow the language set for the runtime", () => {
    setMessageLanguage("nl");
    expect(err("LCC", [750, 30, 0.2, 5, 4]).message).toBe(
      "discountRate is 4, meer dan 100 %: percentages zijn fracties, typ dus 0,04 of 4 % voor 4 %.",
    );
    setMessageLanguage("fr");
    expect(err("LCC", [null, 30, 0.2, 5, 0.04]).message).toBe("price est vide : saisissez une valeur.");
    setMessageLanguage("en");
  });
});

test("every function answers every kind of junk with a number or an error, never an exception", () => {
  const junk: unknown[] = [
    undefined,
    null,
    "",
    "x",
    true,
    false,
    NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1e308,
    5e-324,
    [],
    [[]],
    [[1, 2]],
    {},
    { basicValue: "x" },
    Symbol("s"),
    () => 1,
  ];
  for (const id of GPP_IDS) {
    for (const j of junk) {
      for (let i = 0; i < 14; i++) {
        const r = callAsExcel(
          id,
          Array.from({ length: i + 1 }, (_, k) => (k === i ? j : 1)),
        );
        const cells = Array.isArray(r) ? (r as unknown[][]).flat() : [r];
        for (const c of cells)
          expect(typeof c === "number" ? Number.isFinite(c) : typeof (c as { code?: unknown }).code === "string").toBe(true);
      }
    }
  }
});
