/**
 * Every worked value of REFERENCE-CASES.md through the GPP functions, called as Excel calls them
 * (1e-6 relative, or the rounding shown).
 */
import { callAsExcel, eac, energyUse, lcc, lccBreakdown, pvfactor } from "../../src/functions/functions";
import { expectClose, npv } from "../engine/close";
import { PV_CONVENTIONS, PV_FACTORS } from "../fixtures/pvFactors";
import { num } from "./call";

// GPP.LCC(price, annualKWh, electricityPrice, years, discountRate, installation, annualMaintenance,
//         residualValue, endOfLifeCost, energyEscalation, maintenanceEscalation, quantity)
const BID_A = [750, 30, 0.2, 5, 0.04, 20, 15, 80, 0, 0.03, 0.02, 100];
const BID_B = [800, 18, 0.2, 5, 0.04, 20, 10, 120, 0, 0.03, 0.02, 100];

describe("LCC: two notebook bids, 100 units (the cheaper purchase loses)", () => {
  test("GPP.LCC(750, 30, 0.2, 5, 0.04, 20, 15, 80, 0, 0.03, 0.02, 100) = 80 193.71; bid B = 78 460.98", () => {
    expectClose(lcc(750, 30, 0.2, 5, 0.04, 20, 15, 80, 0, 0.03, 0.02, 100), 80193.71, 2);
    expectClose(num("LCC", BID_B), 78460.98, 2);
  });

  test.each([
    ["A", BID_A, [77000, 2829.67, 6939.45, 0, -6575.42, 80193.71]],
    ["B", BID_B, [82000, 1697.8, 4626.3, 0, -9863.13, 78460.98]],
  ])("GPP.LCCBREAKDOWN bid %s: six columns, the first five sum to the total = GPP.LCC", (_bid, args, expected) => {
    const r = callAsExcel("LCCBREAKDOWN", args) as number[][];
    expect(r).toHaveLength(1);
    expect(r[0]).toHaveLength(6);
    r[0].forEach((v, i) => expectClose(v, expected[i], 2));
    const [acquisition, energy, maintenance, endOfLife, residual, total] = r[0];
    expect(Math.abs(acquisition + energy + maintenance + endOfLife + residual - total)).toBeLessThan(1e-9);
    expect(total).toBe(num("LCC", args));
  });

  test("omitted optional arguments (null) take the documented defaults; so do empty cells", () => {
    expect(lcc(750, 30, 0.2, 5, 0.04)).toBe(lcc(750, 30, 0.2, 5, 0.04, 0, 0, 0, 0, 0, 0, 1, "end", "flat"));
    expect(lcc(750, 30, 0.2, 5, 0.04, null, null, null, null, null, null, null, null, null)).toBe(lcc(750, 30, 0.2, 5, 0.04));
    expect(lcc(750, 30, 0.2, 5, 0.04, "", "", "", "", "", "", "", "", "")).toBe(lcc(750, 30, 0.2, 5, 0.04));
    expect(lccBreakdown(750, 30, 0.2, 5, 0.04)).toEqual([[750, expect.any(Number), 0, 0, -0, expect.any(Number)]]);
  });

  test("a single cell passed as a 1 x 1 range, and a formatted-number data type, read as their number", () => {
    const plain = num("LCC", BID_A);
    expect(
      num(
        "LCC",
        BID_A.map((v) => [[v]]),
      ),
    ).toBe(plain);
    expect(
      num(
        "LCC",
        BID_A.map((v) => ({ type: "FormattedNumber", basicValue: v, numberFormat: "0.00" })),
      ),
    ).toBe(plain);
  });

  test("text options are case-insensitive", () => {
    expect(num("LCC", [...BID_A, " END ", "Flat"])).toBe(num("LCC", BID_A));
    expect(num("PVFACTOR", [0.04, 5, 0, "Begin"])).toBe(num("PVFACTOR", [0.04, 5, 0, "begin"]));
  });

  test("use-phase CO2 over 5 y: 3.4500 t and 2.0700 t (GPP.CO2USE, kg)", () => {
    expectClose(num("CO2USE", [30, 5, 0.23, 100]) / 1000, 3.45, 4);
    expectClose(num("CO2USE", [18, 5, 0.23, 100]) / 1000, 2.07, 4);
  });

  test('GPP.CO2COST(30, 0.23, 100, 5, 0.04, 0, "end", 100) = 307.18; bid B 184.31; LCC incl. external cost', () => {
    const a = num("CO2COST", [30, 0.23, 100, 5, 0.04, 0, "end", 100]);
    const b = num("CO2COST", [18, 0.23, 100, 5, 0.04, 0, "end", 100]);
    expectClose(a, 307.18, 2);
    expectClose(b, 184.31, 2);
    expectClose(num("LCC", BID_A) + a, 80500.89, 2);
    expectClose(num("LCC", BID_B) + b, 78645.29, 2);
  });

  test("GPP.PRICESCORE(80193.71, 78460.98, 40) = 39.1357; the best bid gets 40.0000", () => {
    expectClose(num("PRICESCORE", [80193.71, 78460.98, 40]), 39.1357, 4);
    expectClose(num("PRICESCORE", [78460.98, 78460.98, 40]), 40, 4);
  });

  test("Excel cross-check: =77000+NPV(4%, 2100, 2148, 2197.14, 2247.4482, −5701.0465) = GPP.LCC", () => {
    expectClose(77000 + npv(0.04, [2100, 2148, 2197.14, 2247.4482, -5701.0465]), num("LCC", BID_A), 2);
  });
});

describe("GPP.PVFACTOR: the PV-factor table, all four conventions", () => {
  test.each(PV_FACTORS)("discount %p, escalation %p, %p years", (d, g, n, expected) => {
    PV_CONVENTIONS.forEach(([timing, base], i) => expectClose(pvfactor(d, n, g, timing, base), expected[i], 6));
  });

  test("defaults: escalation 0, end of year, flat", () => {
    expect(pvfactor(0.04, 5)).toBe(pvfactor(0.04, 5, 0, "end", "flat"));
  });

  test("partial period: 100 × GPP.PVFACTOR(4 %, 4.5) = 404.085878", () => {
    expectClose(100 * num("PVFACTOR", [0.04, 4.5]), 404.085878, 6);
  });
});

test("GPP.EAC = life-cycle cost / GPP.PVFACTOR(rate, years, 0, timing)", () => {
  for (const timing of [null, "end", "begin", "mid"]) {
    expectClose(eac(80193.71, 0.04, 5, timing), 80193.71 / num("PVFACTOR", [0.04, 5, 0, timing]), 9);
  }
  expectClose(num("EAC", [80193.71, 0.04, 5]), 18013.6816, 4);
});

describe("energy", () => {
  test.each([
    ["EU 617/2013 notebook", [1, 1.7, 10, 10, "notebook", "EU617"], 33.0252],
    ["ENERGY STAR v7 notebook", [0.3, 0.6, 5, 7, "notebook", "ES7"], 25.2726],
    ["ENERGY STAR v7 desktop", [0.5, 1.5, 15, 20, "desktop", "ES7"], 83.658],
    ["ENERGY STAR v8 desktop", [0.5, 1.5, 15, 20, "desktop", "ES8"], 72.27],
    ["defaults: notebook, ES8", [0.3, 0.6, 5, 7], 25.2726],
  ])("GPP.TEC %s", (_name, args, kWh) => {
    expectClose(num("TEC", args), kWh, 4);
  });

  test("GPP.TECDISPLAY(15, 0.3) = 47.6982", () => {
    expectClose(num("TECDISPLAY", [15, 0.3]), 47.6982, 4);
  });

  test("GPP.ENERGYUSE({15,1,0.3}, {8,2,14}, 220) = 27.764, as rows, as columns, or a row against a column", () => {
    const row = (...v: number[]) => [v];
    const column = (...v: number[]) => v.map((x) => [x]);
    expectClose(energyUse(row(15, 1, 0.3), row(8, 2, 14), 220), 27.764, 3);
    expectClose(energyUse(column(15, 1, 0.3), column(8, 2, 14), 220), 27.764, 3);
    expectClose(energyUse(row(15, 1, 0.3), column(8, 2, 14), 220), 27.764, 3);
  });

  test("GPP.ENERGYUSE: scalars, the 365-day default, and a mode left empty on both sides", () => {
    expectClose(num("ENERGYUSE", [15, 8]), (15 * 8 * 365) / 1000, 9);
    expectClose(num("ENERGYUSE", [[[15, 1, 0.3, null]], [[8, 2, 14, ""]], 220]), 27.764, 3);
  });
});

test("GPP.CO2SHARE(181, 20, 4, 0.23) = 0.9077 (use 18.4 kg)", () => {
  expectClose(num("CO2USE", [20, 4, 0.23]), 18.4, 4);
  expectClose(num("CO2SHARE", [181, 20, 4, 0.23]), 0.9077, 4);
});

test("GPP.CO2ANNUAL, GPP.LIFEEXTENSION and GPP.RESIDUALVALUE give the values of their formulas", () => {
  expectClose(num("CO2ANNUAL", [181, 4.6, 4]), 181 / 4 + 4.6, 12);
  expectClose(num("LIFEEXTENSION", [181, 4.6, 4, 6]), 1 - (181 / 6 + 4.6) / (181 / 4 + 4.6), 12);
  expectClose(num("LIFEEXTENSION", [181, 4.6, 6, 4]), 1 - (181 / 4 + 4.6) / (181 / 6 + 4.6), 12); // shortened: negative
  expectClose(num("RESIDUALVALUE", [750, 2]), 750 * 0.26, 9); // WRAP: 26 % at 2 years
  expectClose(num("RESIDUALVALUE", [750, 4]), 750 * 0.26 * 0.877 ** 2, 9);
  expectClose(num("RESIDUALVALUE", [750, 4, "linear", 6]), 750 * (1 - 4 / 6), 9);
  expectClose(num("RESIDUALVALUE", [750, 8, "linear", 6, 0.1]), 75, 9);
  expectClose(num("RESIDUALVALUE", [750, 3, "declining", 0.25]), 750 * 0.75 ** 3, 9);
  expectClose(num("PRICESCORE", [90000, 80000, 40, "range", 120000]), 30, 9);
  expectClose(num("PRICESCORE", [90000, 80000, 40, "linear"]), 40 * (1 - 10000 / 80000), 9);
});

describe("GPP.REPAIRCOST: repairs in the years no warranty covers (LCC-METHOD §12.2)", () => {
  test("GPP.REPAIRCOST(40, 3, 5, 0.04, 0.02, , , 100) = 7 187.22: years 4 and 5, escalated flat, discounted at year end", () => {
    const value = num("REPAIRCOST", [40, 3, 5, 0.04, 0.02, null, null, 100]);
    expectClose(value, 7187.22, 2);
    expectClose(value, 40 * 100 * (1.02 ** 3 / 1.04 ** 4 + 1.02 ** 4 / 1.04 ** 5), 9);
    // = annualRepair x quantity x (PVFACTOR(years) - PVFACTOR(coveredYears)), with the same escalation
    expectClose(value, 4000 * (num("PVFACTOR", [0.04, 5, 0.02]) - num("PVFACTOR", [0.04, 3, 0.02])), 9);
  });

  test("a warranty as long as the period or longer leaves nothing to repair; no warranty repairs every year", () => {
    expect(num("REPAIRCOST", [40, 5, 5, 0.04])).toBe(0);
    expect(num("REPAIRCOST", [40, 8, 5, 0.04])).toBe(0);
    expectClose(num("REPAIRCOST", [40, 0, 5, 0.04, 0.02, "mid", "nist"]), 40 * num("PVFACTOR", [0.04, 5, 0.02, "mid", "nist"]), 9);
  });

  test("omitted optional arguments take the documented defaults: no escalation, year end, flat, one unit", () => {
    expect(num("REPAIRCOST", [40, 3, 5, 0.04])).toBe(num("REPAIRCOST", [40, 3, 5, 0.04, 0, "end", "flat", 1]));
    expectClose(num("REPAIRCOST", [40, 3, 5, 0.04]), 40 * (1 / 1.04 ** 4 + 1 / 1.04 ** 5), 9);
  });
});
