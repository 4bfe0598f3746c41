import fc from "fast-check";
import { emptyBid, evaluateComparison, rankedView, type Bid } from "../../src/model";
import { comparisonPricing, defaultRanges } from "../../src/model/uncertainty";
import { computerCostFields } from "../fixtures/arbitraryBids";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { randomComputerBids } from "../fixtures/randomBids";

const relClose = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe("comparisonPricing prices the base case exactly as evaluateComparison", () => {
  it("on the reference bids (LCC 80 193.71 and 78 460.98)", () => {
    const m = comparisonPricing(referenceParameters, [bidA, bidB], "computers", "lcc", defaultRanges(referenceParameters));
    expect(m.base[0]).toBeCloseTo(80193.71, 2);
    expect(m.base[1]).toBeCloseTo(78460.98, 2);
  });

  const bid = fc.record({ ...computerCostFields, qualityPoints: fc.integer({ min: 0, max: 60 }) });

  it("for random offers, service lives, residual curves, externalities and scoring methods", () => {
    fc.assert(
      fc.property(
        fc.array(bid, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom("lowest", "linear", "range"),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (drafts, includeExternalities, scoringMethod, discountRate) => {
          const p = { ...referenceParameters, includeExternalities, scoringMethod, discountRate };
          const bids: Bid[] = drafts.map((d) => ({ ...emptyBid("computers"), ...d }));
          const r = evaluateComparison(p, bids, "computers");
          if (!r.ok) return;
          const lcc = comparisonPricing(p, bids, "computers", "lcc", defaultRanges(p)).base;
          const meat = comparisonPricing(p, bids, "computers", "meat", defaultRanges(p)).base;
          r.value.bids.forEach((b, i) => {
            relClose(lcc[i], b.comparisonValue);
            relClose(-meat[i], b.meatScore);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps every offer at half a year or more when the life shift is large and negative", () => {
    const m = comparisonPricing(referenceParameters, [bidA, { ...bidB, serviceLifeYears: 3 }], "computers", "lcc", {
      ...defaultRanges(referenceParameters),
      serviceLifeShiftYears: { low: -10, high: 1 },
    });
    expect(m.lowestLifeShift).toBe(-2.5);
    expect(m.shared[2].low).toBe(-2.5);
    expect(m.valuesAt(0.04, 0.2, -2.5).every(Number.isFinite)).toBe(true);
  });
});

describe("comparisonPricing with the circular commitments (LCC-METHOD §12)", () => {
  it.each([
    ["end", "flat"],
    ["mid", "nist"],
    ["begin", "flat"],
  ] as const)(
    "prices seeded offers with warranty, repairs, battery, erasure and residual by type as evaluateComparison (%s, %s)",
    (timing, escalationBase) => {
      const p = {
        ...referenceParameters,
        timing,
        escalationBase,
        requiredWarrantyYears: 3,
        outOfWarrantyRepairPerYear: 30,
        dataErasureCostPerUnit: 10,
        includeExternalities: true,
      };
      const r = evaluateComparison(p, randomComputerBids(40, 2026, true, true), "computers");
      if (!r.ok) throw new Error("failed");
      const view = rankedView(r.value);
      const bids = view.indices.map((i) => randomComputerBids(40, 2026, true, true)[i]);
      for (const rankBy of ["lcc", "meat"] as const) {
        const base = comparisonPricing(p, bids, "computers", rankBy, defaultRanges(p)).base;
        view.result.bids.forEach((b, i) =>
          relClose(rankBy === "lcc" ? base[i] : -base[i], rankBy === "lcc" ? b.comparisonValue : b.meatScore),
        );
      }
    },
  );
});
