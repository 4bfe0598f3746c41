import { breakEvens, nearestBreakEven, rankingProbability, signChanges, tornado, type RankingModel } from "../../src/engine/sensitivity";
import { seededRandom, triangular } from "../../src/engine/random";
import { pvFactor } from "../../src/engine/discounting";
import { comparisonPricing, defaultRanges, type UncertaintyRanges } from "../../src/model/uncertainty";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";

const zeroWidth = (p = referenceParameters): UncertaintyRanges => ({
  discountRate: { low: p.discountRate, high: p.discountRate },
  electricityPricePerKWh: { low: p.electricityPricePerKWh, high: p.electricityPricePerKWh },
  serviceLifeShiftYears: { low: 0, high: 0 },
  energyUseShare: { low: 1, high: 1 },
});

describe("seeded random numbers", () => {
  it("repeats with the same seed and stays in [0, 1)", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(seededRandom(8)()).not.toBe(xs[0]);
  });

  it("draws a triangular distribution with mean (low + mode + high) / 3", () => {
    const r = seededRandom(1);
    let sum = 0;
    const n = 50000;
    for (let i = 0; i < n; i++) sum += triangular(r(), 0.1, 0.2, 0.4);
    expect(sum / n).toBeCloseTo(0.7 / 3, 2);
    expect(triangular(0, 1, 2, 3)).toBe(1);
    expect(triangular(1, 1, 2, 3)).toBe(3);
    expect(triangular(0.3, 2, 2, 2)).toBe(2);
  });
});

describe("Monte Carlo ranking probability", () => {
  it("is 1 for the LCC winner when every range has zero width", () => {
    const model = comparisonPricing(referenceParameters, [bidA, bidB], "computers", "lcc", zeroWidth());
    const r = rankingProbability(model, 10000, 123);
    expect(r.firstShare).toEqual([0, 1]);
    expect(r.meanRank).toEqual([2, 1]);
  });

  it("gives the same answer for the same seed, and shares that add up to 1", () => {
    const close = { ...bidA, price: 733 }; // about 33 EUR above Bid B over 100 units
    const model = comparisonPricing(referenceParameters, [close, bidB], "computers", "lcc", defaultRanges(referenceParameters));
    const r1 = rankingProbability(model, 10000, 42);
    const r2 = rankingProbability(model, 10000, 42);
    expect(r1).toEqual(r2);
    expect(r1.firstShare[0] + r1.firstShare[1]).toBeCloseTo(1, 12);
    expect(r1.firstShare[0]).toBeGreaterThan(0.01);
    expect(r1.firstShare[0]).toBeLessThan(0.99);
  });

  it("splits exact ties evenly", () => {
    const model: RankingModel = { alternatives: 2, shared: [], perAlternative: [], evaluate: (_s, _o, out) => out.fill(5) };
    expect(rankingProbability(model, 10, 1).firstShare).toEqual([0.5, 0.5]);
  });
});

describe("break-even values", () => {
  it("finds the electricity price where two offers' LCCs cross at its analytic value", () => {
    // Bid A bought cheaper: it wins at 0.20 EUR/kWh; its higher energy use overtakes it at a higher price.
    const cheapA = { ...bidA, price: 700 };
    const model = comparisonPricing(referenceParameters, [cheapA, bidB], "computers", "lcc", zeroWidth());
    const gap = (pe: number) => {
      const [a, b] = model.valuesAt(referenceParameters.discountRate, pe, 0);
      return b - a;
    };
    // LCC is linear in the price: slope = quantity × (kWh A − kWh B) × energy PV factor.
    const slope = 100 * (30 - 18) * pvFactor({ discountRate: 0.04 }, 5, 0.03);
    const analytic = 0.2 + gap(0.2) / slope;
    const found = nearestBreakEven(gap, 0.2, 0, 2);
    expect(found).not.toBeNull();
    expect(found!).toBeCloseTo(analytic, 9);
    expect(analytic).toBeGreaterThan(0.2);
  });

  it("finds a crossing of a curve by bisection and reports none when the sign never changes", () => {
    const roots = breakEvens((x) => (x - 0.3) * (x - 0.7), 0, 1);
    expect(roots[0]).toBeCloseTo(0.3, 10);
    expect(roots[1]).toBeCloseTo(0.7, 10);
    expect(nearestBreakEven((x) => x * x + 1, 0, -5, 5)).toBeNull();
    expect(nearestBreakEven((x) => (x - 0.3) * (x - 0.7), 0.6, 0, 1)).toBeCloseTo(0.7, 10);
  });
});

describe("tornado", () => {
  it("moves one input at a time and sorts by swing", () => {
    const inputs = [
      { base: 1, low: 0, high: 2 },
      { base: 10, low: 5, high: 20 },
    ];
    const t = tornado(inputs, ([a, b]) => a + b);
    expect(t.base).toBe(11);
    expect(t.bars.map((b) => [b.index, b.atLow, b.atHigh, b.swing])).toEqual([
      [1, 6, 21, 15],
      [0, 10, 12, 2],
    ]);
  });
});

describe("sign changes: crossings and steps", () => {
  it("tells a curve passing through zero from one jumping over it", () => {
    const changes = signChanges((x) => (x < 0.6 ? 1 - x : -0.5), 0, 1);
    expect(changes).toHaveLength(1);
    expect(changes[0].kind).toBe("step");
    expect(changes[0].x).toBeCloseTo(0.6, 9);
    expect(breakEvens((x) => (x < 0.6 ? 1 - x : -0.5), 0, 1)).toEqual([]);
    const smooth = signChanges((x) => x - 0.25, 0, 1);
    expect(smooth.map((c) => c.kind)).toEqual(["crossing"]);
    expect(smooth[0].x).toBeCloseTo(0.25, 10);
  });

  it("finds a crossing and a step on the same curve, and the nearest break-even ignores the step", () => {
    const f = (x: number) => (x < 3 ? x - 1 : -2);
    expect(signChanges(f, 0, 5).map((c) => [c.kind, Number(c.x.toFixed(6))])).toEqual([
      ["crossing", 1],
      ["step", 3],
    ]);
    expect(nearestBreakEven(f, 2.9, 0, 5)).toBeCloseTo(1, 9);
  });
});
