/**
 * LCC-METHOD §12.7: the circular commitments' reference cases (computed independently in Python) through
 * the engine, 1e-6 relative or the rounding shown; and GPP.REPAIRCOST's worked example (FUNCTIONS.md).
 */
import { readFileSync } from "fs";
import { join } from "path";
import {
  type BidCosts,
  type LccParameters,
  type Result,
  annualisedFootprint,
  circularOptionsCo2,
  commitmentCompliance,
  comparesOnEac,
  coveredWarrantyYears,
  defaultResidualValue,
  equivalentAnnualCost,
  horizonYears,
  lifeCycleCost,
  lifeExtensionSaving,
  rankAmongCompliant,
  repairCost,
  residualCurveFor,
  residualValue,
} from "../../src/engine";
import { expectClose } from "./close";

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected a value, got ${JSON.stringify(r.error)}`);
  return r.value;
};

/** R10a: d 4 %, N 5, electricity 0.20, ge 3 %, gm 2 %, qty 100 (end of year, flat base). */
const N = 5;
const r10a: LccParameters = {
  discountRate: 0.04,
  years: N,
  electricityPricePerKWh: 0.2,
  energyEscalation: 0.03,
  maintenanceEscalation: 0.02,
};
const A: BidCosts = { price: 750, installation: 20, annualKWh: 30, annualMaintenance: 15, residualValue: 80, quantity: 100 };
const B: BidCosts = { price: 800, installation: 20, annualKWh: 18, annualMaintenance: 10, residualValue: 120, quantity: 100 };
const battery90InYear4 = [{ year: 4, amount: 90 }];
const lcc = (p: LccParameters, bid: BidCosts) => value(lifeCycleCost(p, bid));

describe("§12.7 reference cases through the engine", () => {
  test("C0 (= R10a): no commitments, no new lines", () => {
    const a = lcc(r10a, A);
    expectClose(a.total, 80193.71, 2);
    expectClose(lcc(r10a, B).total, 78460.98, 2);
    expect([a.warrantyExtensionCost, a.repairCost, a.oneOffCost]).toEqual([0, 0, 0]);
  });

  test("C1: Wr 5; A buys 2 warranty years at 25 (5 000.00); B's battery of 90 in year 4 (PV 8 164.13)", () => {
    const p = { ...r10a, requiredWarrantyYears: 5 };
    const a = lcc(p, { ...A, warrantyYears: 3, extraWarrantyYearPrice: 25 });
    const b = lcc(p, { ...B, warrantyYears: 5, oneOffCosts: battery90InYear4 });
    expectClose(a.warrantyExtensionCost, 5000, 2);
    expectClose(a.total, 85193.71, 2);
    expectClose(b.oneOffCost, 8164.13, 2);
    expectClose(b.total, 86625.11, 2);
    expect(b.warrantyExtensionCost).toBe(0);
    expect(a.total).toBeLessThan(b.total); // the ranking flips to A
  });

  test("C2: Wr 0, Rr 40; A (W 3) pays repairs in years 4–5 (PV 7 187.22); B (W 5) none", () => {
    const p = { ...r10a, requiredWarrantyYears: 0, outOfWarrantyRepairPerYear: 40 };
    const a = lcc(p, { ...A, warrantyYears: 3 });
    const b = lcc(p, { ...B, warrantyYears: 5, oneOffCosts: battery90InYear4 });
    expectClose(a.repairCost, 7187.22, 2);
    expectClose(a.total, 87380.93, 2);
    expect(b.repairCost).toBe(0);
    expectClose(b.total, 86625.11, 2);
  });

  test("C3: Wr 5; A with W 3 and no extension offered is non-compliant (3 < 5), no rank; B ranks 1", () => {
    const req = { requiredWarrantyYears: 5 };
    const a = commitmentCompliance(req, { warrantyYears: 3 }, horizonYears(N));
    const b = commitmentCompliance(req, { warrantyYears: 5 }, horizonYears(N));
    expect(a).toEqual({ compliant: false, reasons: [{ requirement: "warrantyYears", required: 5, answer: 3 }] });
    expect(b).toEqual({ compliant: true, reasons: [] });
    const totals = [lcc({ ...r10a, ...req }, { ...A, warrantyYears: 3 }).total, lcc({ ...r10a, ...req }, { ...B, warrantyYears: 5 }).total];
    expectClose(totals[0], 80193.71, 2); // no top-up: A offered no extension
    expect(rankAmongCompliant(totals, [a.compliant, b.compliant])).toEqual([null, 1]);
  });

  test("a non-compliant offer does not set the best value, even when it is the cheapest", () => {
    expect(rankAmongCompliant([100, 300, 200, 200], [false, true, true, true])).toEqual([null, 3, 1, 1]);
  });

  test("C4: N 5, a refurbished offer for 3 years: every offer on EAC over its own H", () => {
    const refurbished: BidCosts = { price: 430, installation: 20, annualKWh: 25, annualMaintenance: 15, residualValue: 0, quantity: 100 };
    const hA = horizonYears(N, null);
    const hR = horizonYears(N, 3);
    expect([hA, hR]).toEqual([5, 3]);
    expect(comparesOnEac([hA, hR], N)).toBe(true);
    const lccR = lcc({ ...r10a, years: hR }, refurbished).total;
    expectClose(lccR, 50672.73, 2);
    expectClose(value(equivalentAnnualCost(lccR, r10a.discountRate, hR)), 18259.84, 2);
    expectClose(value(equivalentAnnualCost(lcc({ ...r10a, years: hA }, A).total, r10a.discountRate, hA)), 18013.68, 2);
  });

  test("C5: an offer identical to A declaring life 8 is costed over H = 5, the same as A", () => {
    const h = horizonYears(N, 8);
    expect(h).toBe(5);
    expect(comparesOnEac([horizonYears(N), h], N)).toBe(false);
    expectClose(lcc({ ...r10a, years: h }, A).total, 80193.71, 2);
  });

  test("C6: data erasure 12 per unit at H when the take-back lacks it (+986.31)", () => {
    const p = { ...r10a, dataErasureCostPerUnit: 12 };
    const without = lcc(p, A);
    expectClose(without.endOfLifeCost, 986.31, 2);
    expectClose(without.total - lcc(r10a, A).total, 986.31, 2);
    expect(lcc(p, { ...A, takeBackWithDataErasure: true }).total).toBe(lcc(r10a, A).total);
  });
});

describe("§12.5 circular options, examples/circular.json, EF 0.23 (BE)", () => {
  interface Scenario {
    kind: "extend" | "refurbished" | "new";
    serviceYears: number;
    annualKWh: number;
    embodiedKgCO2e: number;
  }
  const example = JSON.parse(readFileSync(join(__dirname, "../../examples/circular.json"), "utf8")) as {
    currentDeviceEmbodiedKgCO2e: number;
    currentAgeYears: number;
    scenarios: Scenario[];
  };
  const options = example.scenarios.map((s) => ({
    kind: s.kind,
    attributedProductionKg: s.embodiedKgCO2e,
    annualKWh: s.annualKWh,
    serviceYears: s.serviceYears,
  }));

  test("annualised from the decision on: extend 4.60, refurbished 14.60, new 40.34 kg/yr; savings 88.6 % and 63.8 %", () => {
    const byKind = Object.fromEntries(value(circularOptionsCo2(options, 0.23)).map((r) => [r.kind, r]));
    expectClose(byKind.extend.annualisedKg, 4.6, 2);
    expectClose(byKind.refurbished.annualisedKg, 14.6, 2);
    expectClose(byKind.new.annualisedKg, 40.34, 2);
    expectClose(byKind.extend.savingVsNew, 0.886, 3);
    expectClose(byKind.refurbished.savingVsNew, 0.638, 3);
    expect(byKind.new.savingVsNew).toBe(0);
  });

  test("the lifetime view of the kept device stays apart: 49.85 → 34.77 kg/yr, −30.26 % (GPP.LIFEEXTENSION(181, 4.6, 4, 6))", () => {
    const { currentDeviceEmbodiedKgCO2e: embodied, currentAgeYears: age } = example;
    const extend = example.scenarios.find((s) => s.kind === "extend")!;
    const annualUse = extend.annualKWh * 0.23;
    expectClose(value(annualisedFootprint(embodied, annualUse, age)), 49.85, 2);
    expectClose(value(annualisedFootprint(embodied, annualUse, age + extend.serviceYears)), 34.77, 2);
    expectClose(value(lifeExtensionSaving(181, 4.6, 4, 6)), 0.3026, 4);
  });

  test("no new option: no saving to report", () => {
    expect(value(circularOptionsCo2(options.slice(0, 2), 0.23)).map((r) => r.savingVsNew)).toEqual([null, null]);
  });
});

describe("GPP.REPAIRCOST", () => {
  test("=GPP.REPAIRCOST(40, 3, 5, 0.04, 0.02, , , 100) = 7 187.22", () => {
    expectClose(value(repairCost(40, 3, 5, 0.04, 0.02, "end", "flat", 100)), 7187.22, 2);
  });

  test("equals the repair line of the LCC under every convention, partial years included", () => {
    for (const timing of ["end", "begin", "mid"] as const)
      for (const escalationBase of ["flat", "nist"] as const)
        for (const [covered, years] of [
          [3, 5],
          [2.5, 4.5],
          [0, 3],
          [7, 5],
        ]) {
          const p = { ...r10a, years, timing, escalationBase, outOfWarrantyRepairPerYear: 40 };
          const line = lcc(p, { ...A, warrantyYears: covered }).repairCost;
          expect(Math.abs(value(repairCost(40, covered, years, 0.04, 0.02, timing, escalationBase, 100)) - line)).toBeLessThan(
            1e-9 * Math.max(1, line),
          );
        }
  });

  test("no repairs once the warranty covers the whole period", () => {
    expect(value(repairCost(40, 5, 5, 0.04, 0.02))).toBe(0);
    expect(value(repairCost(40, 8, 5, 0.04, 0.02))).toBe(0);
  });

  test.each([
    [[-1, 3, 5, 0.04], "annualRepair", "nonNegative"],
    [[40, -1, 5, 0.04], "coveredYears", "nonNegative"],
    [[40, 3, 0, 0.04], "years", "positive"],
    [[40, 3, 5, 4], "discountRate", "rateLooksLikePercent"],
    [[40, 3, 5, 0.04, -1], "escalation", "rateAboveMinus100"],
    [[40, 3, 5, 0.04, 0, "end", "flat", -2], "quantity", "nonNegative"],
    [[40, NaN, 5, 0.04], "coveredYears", "notANumber"],
  ] as const)("bad input %p → %s %s", (args, argument, rule) => {
    const [a, c, y, d, g = 0, t = "end", b = "flat", q = 1] = args as readonly [
      number,
      number,
      number,
      number,
      number?,
      "end"?,
      "flat"?,
      number?,
    ];
    const r = repairCost(a, c, y, d, g, t, b, q);
    expect(r.ok ? null : { argument: r.error.argument, rule: r.error.rule }).toEqual({ argument, rule });
  });
});

describe("§12.2–§12.3 rules", () => {
  test("covered years: the requirement is capped at H, and bought only when an extension is offered", () => {
    expect(coveredWarrantyYears({ warrantyYears: 2, extraWarrantyYearPrice: 30 }, 5, 3)).toBe(3);
    expect(coveredWarrantyYears({ warrantyYears: 2 }, 5, 3)).toBe(2);
    expect(coveredWarrantyYears({ warrantyYears: 4, extraWarrantyYearPrice: 30 }, 3, 5)).toBe(4);
    expect(coveredWarrantyYears({ extraWarrantyYearPrice: 30 }, 0, 5)).toBe(0);
  });

  test("the warranty requirement is judged against min(Wr, H): a 3-year offer meets Wr 5 over H = 3", () => {
    expect(commitmentCompliance({ requiredWarrantyYears: 5 }, { warrantyYears: 3 }, 3).compliant).toBe(true);
    expect(commitmentCompliance({ requiredWarrantyYears: 5 }, { warrantyYears: 2, extraWarrantyYearPrice: 10 }, 5).compliant).toBe(true);
  });

  test("spare parts: S ≥ Sr, blank S counts as 0; both reasons are listed", () => {
    expect(commitmentCompliance({ requiredSparePartsYears: 5 }, { sparePartsYears: 5 }, 5).compliant).toBe(true);
    expect(commitmentCompliance({ requiredSparePartsYears: 5, requiredWarrantyYears: 4 }, {}, 5)).toEqual({
      compliant: false,
      reasons: [
        { requirement: "warrantyYears", required: 4, answer: 0 },
        { requirement: "sparePartsYears", required: 5, answer: 0 },
      ],
    });
  });

  test("a battery due after the horizon is not paid; one due in year H is", () => {
    const bid = { ...B, oneOffCosts: battery90InYear4 };
    expect(lcc({ ...r10a, years: 3 }, bid).oneOffCost).toBe(0);
    expect(lcc({ ...r10a, years: 3.5 }, bid).oneOffCost).toBe(0);
    expectClose(lcc({ ...r10a, years: 4 }, bid).oneOffCost, 8164.13, 2);
  });

  test("lifeCycleCost names a bad commitment input", () => {
    const error = (p: LccParameters, bid: BidCosts) => {
      const r = lifeCycleCost(p, bid);
      return r.ok ? null : [r.error.argument, r.error.rule];
    };
    expect(error({ ...r10a, requiredWarrantyYears: 31 }, A)).toEqual(["requiredWarrantyYears", "atMost"]);
    expect(error(r10a, { ...A, warrantyYears: -1 })).toEqual(["warrantyYears", "nonNegative"]);
    expect(error(r10a, { ...A, extraWarrantyYearPrice: -5 })).toEqual(["extraWarrantyYearPrice", "nonNegative"]);
    expect(error({ ...r10a, outOfWarrantyRepairPerYear: NaN }, A)).toEqual(["outOfWarrantyRepairPerYear", "notANumber"]);
    expect(error({ ...r10a, dataErasureCostPerUnit: -1 }, A)).toEqual(["dataErasureCostPerUnit", "nonNegative"]);
  });
});

describe("§12.6 residual value by device type", () => {
  test.each([
    ["notebook", "laptop"],
    ["tablet", "tablet"],
    ["smartphone", "tablet"],
  ] as const)("a new %s uses the %s curve", (type, curve) => {
    expect(residualCurveFor(type, false, "byDeviceType")).toBe(curve);
    expect(value(defaultResidualValue(1000, 4, type, false))).toBe(value(residualValue(1000, 4, curve)));
    expect(value(defaultResidualValue(1000, 4, type, false))).toBeGreaterThan(0);
  });

  test.each(["desktop", "integrated", "thinclient", "workstation", "monitor", "server", "printer", "mfd", "copier", "scanner"])(
    "a new %s gets 0 (no sourced curve)",
    (type) => {
      expect(value(defaultResidualValue(1900, 4, type, false))).toBe(0);
    },
  );

  test("a refurbished offer, and any offer under the rule none, gets 0", () => {
    expect(value(defaultResidualValue(1000, 3, "notebook", true))).toBe(0);
    expect(value(defaultResidualValue(1000, 3, "notebook", false, "none"))).toBe(0);
  });

  test("the laptop curve is read at H: 26 % × 0.877² ≈ 20 % of the price after 4 years", () => {
    expectClose(value(defaultResidualValue(770, horizonYears(4, 6), "notebook", false)), 770 * 0.26 * 0.877 * 0.877, 6);
  });

  test("bad price or age is named", () => {
    const r = defaultResidualValue(-1, 4, "desktop", false);
    expect(r.ok ? null : r.error.argument).toBe("price");
  });
});
