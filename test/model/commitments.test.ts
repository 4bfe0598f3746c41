/**
 * LCC-METHOD §12.7 through the model (evaluateComparison, evaluateScenarios, parseBid): every reference
 * case to 1e-6 relative, compliance and its reasons, the bad inputs of issue 8, and the properties a
 * procurer relies on (fast-check): a declared life beyond the period never helps, a longer warranty at the
 * same price never hurts, the LCC rises with the out-of-warranty repair cost.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Bid,
  type BidResult,
  type CircularInputs,
  type Parameters,
  evaluateComparison,
  evaluateScenarios,
  parseBid,
  rankedView,
} from "../../src/model";
import { bidA, bidB, referenceParameters, refurbishedC4 } from "../fixtures/referenceBids";

const rel = (actual: number, expected: number, tolerance = 1e-6) => {
  const d = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1);
  if (d > tolerance) throw new Error(`${actual} differs from ${expected} by ${d} (relative)`);
};
/** The §12.7 figures are rounded to the cent: equal to within half a cent, i.e. far below 1e-6 relative of 80 000. */
const cents = (actual: number, expected: number) => rel(actual, expected, 0.005 / Math.abs(expected));

function compare(p: Parameters, bids: Bid[]): BidResult[] {
  const r = evaluateComparison(p, bids, "computers");
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return [...r.value.bids];
}

const C1 = { ...referenceParameters, requiredWarrantyYears: 5 };
const A1: Bid = { ...bidA, warrantyYears: 3, extraWarrantyYearPrice: 25 };
const B1: Bid = { ...bidB, warrantyYears: 5, batteryReplacementCost: 90, batteryReplacementYear: 4 };

describe("§12.7 reference cases through evaluateComparison", () => {
  test("C0: no commitments, as R10a; the new lines are 0", () => {
    const [a, b] = compare(referenceParameters, [bidA, bidB]);
    cents(a.breakdown.total, 80193.71);
    cents(b.breakdown.total, 78460.98);
    expect([a.breakdown.warrantyExtensionCost, a.breakdown.repairCost, a.breakdown.oneOffCost]).toEqual([0, 0, 0]);
    expect([a.compliant, b.compliant, a.rank, b.rank]).toEqual([true, true, 2, 1]);
  });

  test("C1: the ranking flips to A (85 193.71 with a warranty extension of 5 000.00; B 86 625.11 with its battery 8 164.13)", () => {
    const [a, b] = compare(C1, [A1, B1]);
    cents(a.breakdown.warrantyExtensionCost, 5000);
    cents(a.breakdown.total, 85193.71);
    cents(b.breakdown.oneOffCost, 8164.13);
    cents(b.breakdown.total, 86625.11);
    expect([a.rank, b.rank]).toEqual([1, 2]);
    expect([a.coveredWarrantyYears, a.compliant, b.compliant]).toEqual([5, true, true]);
  });

  test("C2: repairs after A's 3-year warranty (PV 7 187.22) make 87 380.93; B 86 625.11 ranks first", () => {
    const [a, b] = compare({ ...referenceParameters, outOfWarrantyRepairPerYear: 40 }, [{ ...bidA, warrantyYears: 3 }, B1]);
    cents(a.breakdown.repairCost, 7187.22);
    cents(a.breakdown.total, 87380.93);
    expect(b.breakdown.repairCost).toBe(0);
    cents(b.breakdown.total, 86625.11);
    expect([a.rank, b.rank]).toEqual([2, 1]);
  });

  test("C3: A with 3 years and no extension is not ranked, with its reason; B ranks 1 and sets the best value", () => {
    const r = evaluateComparison(
      C1,
      [
        { ...bidA, warrantyYears: 3 },
        { ...bidB, warrantyYears: 5 },
      ],
      "computers",
    );
    if (!r.ok) throw new Error("failed");
    const [a, b] = r.value.bids;
    expect(a.compliant).toBe(false);
    expect(a.reasons).toEqual([{ requirement: "warrantyYears", required: 5, answer: 3 }]);
    expect([a.rank, a.priceScore, a.meatScore, a.meatRank].every(Number.isNaN)).toBe(true);
    cents(a.breakdown.total, 80193.71); // still shown, with its figures
    expect([b.rank, b.meatRank]).toEqual([1, 1]);
    expect(b.priceScore).toBe(40);
    expect(r.value.bestValue).toBe(b.comparisonValue);
    expect(rankedView(r.value)).toEqual({ result: { ...r.value, bids: [b] }, indices: [1] });
  });

  test("C4: a refurbished offer for 3 of 5 years puts every offer on EAC over its own H", () => {
    const r = evaluateComparison(referenceParameters, [bidA, refurbishedC4], "computers");
    if (!r.ok) throw new Error("failed");
    expect(r.value.comparesEac).toBe(true);
    const [a, x] = r.value.bids;
    expect([a.horizonYears, x.horizonYears]).toEqual([5, 3]);
    cents(a.equivalentAnnualCost, 18013.68);
    cents(x.breakdown.total, 50672.73);
    cents(x.equivalentAnnualCost, 18259.84);
    expect([a.rank, x.rank]).toEqual([1, 2]);
  });

  test("an offer that is not ranked does not move the ranked ones to EAC", () => {
    const shortAndFailing: Bid = { ...bidA, supplier: "Supplier S", serviceLifeYears: 3, warrantyYears: 1 };
    const r = evaluateComparison(C1, [{ ...bidA, warrantyYears: 5 }, shortAndFailing, { ...bidB, warrantyYears: 5 }], "computers");
    if (!r.ok) throw new Error("failed");
    expect(r.value.bids[1].compliant).toBe(false);
    expect(r.value.comparesEac).toBe(false);
    cents(r.value.bids[2].comparisonValue, 78460.98);
  });

  test("C5: declaring 8 years earns nothing: H = 5, the same LCC as A, and no switch to EAC", () => {
    const r = evaluateComparison(referenceParameters, [bidA, { ...bidA, serviceLifeYears: 8 }], "computers");
    if (!r.ok) throw new Error("failed");
    expect(r.value.comparesEac).toBe(false);
    expect(r.value.bids[1].horizonYears).toBe(5);
    rel(r.value.bids[1].breakdown.total, r.value.bids[0].breakdown.total, 1e-12);
    cents(r.value.bids[1].breakdown.total, 80193.71);
  });

  test("C6: data erasure 12 per unit when A's take-back lacks it: +986.31; none with erasure included", () => {
    const p = { ...referenceParameters, dataErasureCostPerUnit: 12 };
    const [without, withErasure] = compare(p, [bidA, { ...bidA, takeBackWithDataErasure: "yes" }]);
    cents(without.breakdown.total - 80193.71, 986.31);
    cents(withErasure.breakdown.total, 80193.71);
  });

  test("§12.5: the circular options of examples/circular.json (BE): extend 4.60, refurbished 14.60, new 40.34 kg/yr; the lifetime view 49.85 → 34.77 (−30.26 %) apart", () => {
    const inputs = JSON.parse(readFileSync(join(__dirname, "../../examples/circular.json"), "utf8")) as CircularInputs;
    const byKind = Object.fromEntries(evaluateScenarios(referenceParameters, inputs).map((s) => [s.kind, s]));
    cents(byKind.extend.annualisedCo2Kg, 4.6);
    cents(byKind.refurbished.annualisedCo2Kg, 14.6);
    cents(byKind.new.annualisedCo2Kg, 40.34);
    rel(byKind.extend.co2SavingVsNew, 1 - 4.6 / (181 / 5 + 18 * 0.23), 1e-12);
    expect(byKind.extend.co2SavingVsNew).toBeCloseTo(0.886, 3);
    expect(byKind.refurbished.co2SavingVsNew).toBeCloseTo(0.638, 3);
    const view = byKind.extend.lifetimeView!;
    cents(view.beforeKgPerYear, 49.85);
    cents(view.afterKgPerYear, 34.77);
    expect(view.saving).toBeCloseTo(0.3026, 4);
    expect(byKind.new.lifetimeView).toBeNull();
  });
});

describe("§12.6 residual value by device type", () => {
  const blank = (over: Partial<Bid>) => compare(referenceParameters, [{ ...bidA, residualValue: null, ...over }])[0].residualValuePerUnit;
  test("a new notebook follows the laptop curve; a desktop, a monitor, a printer-like type and any refurbished offer get 0", () => {
    expect(blank({})).toBeGreaterThan(0);
    expect(blank({ deviceType: "desktop" })).toBe(0);
    expect(blank({ deviceType: "monitor" })).toBe(0);
    expect(blank({ condition: "refurbished" })).toBe(0);
    expect(blank({ deviceType: "tablet" })).toBeGreaterThan(0);
  });
  test("residualValueRule none: only a guaranteed value counts", () => {
    expect(compare({ ...referenceParameters, residualValueRule: "none" }, [{ ...bidA, residualValue: null }])[0].residualValuePerUnit).toBe(
      0,
    );
    expect(compare({ ...referenceParameters, residualValueRule: "none" }, [bidA])[0].residualValuePerUnit).toBe(80);
  });
});

describe("bad input of the commitment fields", () => {
  const base = { supplier: "X", product: "Y", deviceType: "notebook", quantity: "10", price: "700", tecKWhPerYear: "20" };
  const rules = (extra: Record<string, string>) =>
    parseBid({ ...base, ...extra }, "computers", 7).errors.map((e) => [e.row, e.field, e.error.rule]);
  test.each([
    [{ warrantyYears: "-1" }, [[7, "warrantyYears", "nonNegative"]]],
    [{ warrantyYears: "31" }, [[7, "warrantyYears", "atMost"]]],
    [{ sparePartsYears: "-2" }, [[7, "sparePartsYears", "nonNegative"]]],
    [{ sparePartsYears: "40" }, [[7, "sparePartsYears", "atMost"]]],
    [{ batteryReplacementCost: "90", batteryReplacementYear: "0" }, [[7, "batteryReplacementYear", "positive"]]],
    [{ batteryReplacementCost: "90", batteryReplacementYear: "31" }, [[7, "batteryReplacementYear", "atMost"]]],
    [{ batteryReplacementCost: "90" }, [[7, "batteryReplacementYear", "missing"]]],
    [{ batteryReplacementYear: "4" }, [[7, "batteryReplacementCost", "missing"]]],
    [{ extraWarrantyYearPrice: "25" }, [[7, "extraWarrantyYearPrice", "needsWarrantyYears"]]],
    [{ takeBackWithDataErasure: "maybe" }, [[7, "takeBackWithDataErasure", "unknownOption"]]],
  ])("%p is flagged on its field", (extra, expected) => expect(rules(extra)).toEqual(expected));

  test.each([
    ["yes", "yes"],
    ["Ja", "yes"],
    ["oui", "yes"],
    ["NO", "no"],
    ["nee", "no"],
    ["non", "no"],
    ["", null],
  ])("take-back %p reads as %p", (text, value) =>
    expect(parseBid({ ...base, takeBackWithDataErasure: text }, "computers").bid?.takeBackWithDataErasure).toBe(value),
  );

  test("the message of a wrong yes/no lists the words accepted", () => {
    const [e] = parseBid({ ...base, takeBackWithDataErasure: "maybe" }, "computers").errors;
    expect(e.error.detail).toBe("yes, no, ja, nee, oui, non");
  });

  test("a complete set of commitments reads as typed", () => {
    const { bid } = parseBid(
      {
        ...base,
        warrantyYears: "3",
        extraWarrantyYearPrice: "25",
        sparePartsYears: "5",
        batteryReplacementCost: "90",
        batteryReplacementYear: "4",
        takeBackWithDataErasure: "ja",
      },
      "computers",
    );
    expect(bid).toMatchObject({
      warrantyYears: 3,
      extraWarrantyYearPrice: 25,
      sparePartsYears: 5,
      batteryReplacementCost: 90,
      batteryReplacementYear: 4,
      takeBackWithDataErasure: "yes",
    });
  });
});

describe("properties (fast-check)", () => {
  const offer = fc.record({
    price: fc.double({ min: 200, max: 2500, noNaN: true }),
    tecKWhPerYear: fc.double({ min: 5, max: 250, noNaN: true }),
    annualMaintenance: fc.double({ min: 0, max: 60, noNaN: true }),
    residualValue: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
    warrantyYears: fc.option(fc.integer({ min: 0, max: 8 })),
    extraWarrantyYearPrice: fc.option(fc.double({ min: 0, max: 80, noNaN: true })),
    quantity: fc.integer({ min: 1, max: 300 }),
  });
  const params = fc.record({
    evaluationYears: fc.constantFrom(3, 4, 4.5, 5, 6),
    requiredWarrantyYears: fc.integer({ min: 0, max: 6 }),
    outOfWarrantyRepairPerYear: fc.double({ min: 0, max: 80, noNaN: true }),
    maintenanceEscalation: fc.double({ min: 0, max: 0.05, noNaN: true }),
    scoringMethod: fc.constantFrom("lowest", "linear"),
  });
  // An extension price needs warranty years (the model refuses it otherwise): 0 then.
  const bidOf = (o: Partial<Bid>): Bid => {
    const b = { ...bidA, ...o } as Bid;
    return b.extraWarrantyYearPrice !== null && b.warrantyYears === null ? { ...b, warrantyYears: 0 } : b;
  };
  const score = (p: Parameters, bids: Bid[], i: number) => {
    const r = evaluateComparison(p, bids, "computers");
    return r.ok ? r.value.bids[i].priceScore : NaN;
  };

  test("a longer declared life beyond the period never improves an offer's score", () => {
    fc.assert(
      fc.property(params, offer, offer, fc.double({ min: 0, max: 10, noNaN: true }), (q, x, y, extra) => {
        const p = { ...referenceParameters, ...q };
        const [a, b] = [bidOf(x), bidOf(y)];
        const atPeriod = score(p, [{ ...a, serviceLifeYears: p.evaluationYears }, b], 0);
        const beyond = score(p, [{ ...a, serviceLifeYears: p.evaluationYears + extra }, b], 0);
        if (Number.isNaN(atPeriod)) return;
        expect(beyond).toBeLessThanOrEqual(atPeriod + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  test("a longer warranty at the same price never worsens an offer's score (nor lets it fall out of the ranking)", () => {
    fc.assert(
      fc.property(params, offer, offer, fc.integer({ min: 1, max: 5 }), (q, x, y, more) => {
        const p = { ...referenceParameters, ...q };
        const [a, b] = [bidOf(x), bidOf(y)];
        const w = a.warrantyYears ?? 0;
        const shorter = evaluateComparison(p, [{ ...a, warrantyYears: w }, b], "computers");
        const longer = evaluateComparison(p, [{ ...a, warrantyYears: w + more }, b], "computers");
        if (!shorter.ok || !longer.ok) return;
        const [s, l] = [shorter.value.bids[0], longer.value.bids[0]];
        expect(l.breakdown.total).toBeLessThanOrEqual(s.breakdown.total + 1e-9 * Math.abs(s.breakdown.total));
        if (s.compliant) {
          expect(l.compliant).toBe(true);
          expect(l.priceScore).toBeGreaterThanOrEqual(s.priceScore - 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("the LCC rises (never falls) with the out-of-warranty repair cost", () => {
    fc.assert(
      fc.property(params, offer, fc.double({ min: 0, max: 50, noNaN: true }), (q, x, step) => {
        const p = { ...referenceParameters, ...q };
        const a = bidOf(x);
        const low = compare(p, [a])[0].breakdown.total;
        const high = compare({ ...p, outOfWarrantyRepairPerYear: p.outOfWarrantyRepairPerYear + step }, [a])[0].breakdown.total;
        expect(high).toBeGreaterThanOrEqual(low - 1e-9 * Math.abs(low));
        if (
          step >= 0.01 &&
          (a.warrantyYears ?? 0) < p.evaluationYears &&
          !(a.extraWarrantyYearPrice !== null && p.requiredWarrantyYears >= p.evaluationYears)
        )
          expect(high).toBeGreaterThan(low);
      }),
      { numRuns: 200 },
    );
  });
});
