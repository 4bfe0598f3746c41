import { SHARED_INPUTS, comparisonPricing, defaultRanges } from "../../src/model/uncertainty";
import { RANGE_KEYS, marginAnalysis, monteCarloOrder, rangeBase, readRanges, searchInterval } from "../../src/model/sensitivityView";
import { bidA, bidB, expectedReference, referenceParameters as p } from "../fixtures/referenceBids";
import type { Parameters } from "../../src/model";

/** The default ranges typed back as plain numbers, as the panel starts. */
const typed = (over: Record<string, string> = {}) => {
  const r = defaultRanges(p);
  return {
    ...Object.fromEntries(
      RANGE_KEYS.flatMap((k) => [
        [`${k}.low`, String(r[k].low)],
        [`${k}.high`, String(r[k].high)],
      ]),
    ),
    ...over,
  };
};

describe("readRanges", () => {
  it("reads the default ranges back and finds them valid", () => {
    const { ranges, invalid } = readRanges(typed(), p);
    expect(invalid).toEqual([]);
    expect(ranges.discountRate).toEqual({ low: 0.02, high: 0.06 });
    expect(ranges.serviceLifeShiftYears).toEqual({ low: -1, high: 1 });
  });

  it("flags a range that misses its base case, a negative rate or share, and an unreadable number", () => {
    const { invalid } = readRanges(
      typed({ "discountRate.low": "0.05", "energyUseShare.low": "-0.1", "electricityPricePerKWh.high": "abc" }),
      p,
    );
    expect(invalid).toEqual(["discountRate", "electricityPricePerKWh", "energyUseShare"]);
  });

  it("lets only the service-life shift go below zero", () => {
    expect(readRanges(typed({ "serviceLifeShiftYears.low": "-3" }), p).invalid).toEqual([]);
    expect(rangeBase("serviceLifeShiftYears", p)).toBe(0);
    expect(rangeBase("energyUseShare", p)).toBe(1);
    expect(rangeBase("electricityPricePerKWh", p)).toBe(0.2);
  });
});

describe("searchInterval", () => {
  it("searches rates from zero to 30 points above, prices up to ten times (at least 2 EUR/kWh), shifts up to 20 years", () => {
    expect(searchInterval("discountRate", p, -3)).toEqual([0, 0.04 + 0.3]);
    expect(searchInterval("discountRate", { ...p, discountRate: -0.01 }, -3)).toEqual([-0.01, -0.01 + 0.3]);
    expect(searchInterval("electricityPricePerKWh", p, -3)).toEqual([0, 2]);
    expect(searchInterval("electricityPricePerKWh", { ...p, electricityPricePerKWh: 0.5 }, -3)).toEqual([0, 5]);
    expect(searchInterval("serviceLifeShiftYears", p, -4.5)).toEqual([-4.5, 20]);
  });
});

describe("marginAnalysis on the reference notebooks", () => {
  const pricing = comparisonPricing(p, [bidA, bidB], "computers", "lcc", defaultRanges(p));
  const a = marginAnalysis(pricing, p);
  const marginAt = (x: readonly number[]) => {
    const v = pricing.valuesAt(x[0], x[1], x[2]);
    return v[a.runnerUp] - v[a.winner];
  };
  const base = pricing.shared.map((u) => u.base);

  it("names Bid B the winner by the LCC difference of REFERENCE-CASES.md", () => {
    expect([a.winner, a.runnerUp]).toEqual([1, 0]);
    expect(a.base).toBeCloseTo(expectedReference.A.lcc - expectedReference.B.lcc, 2);
  });

  it("gives one bar per shared input, widest swing first, each the margin with that input at its ends", () => {
    expect(a.bars.map((b) => b.index).sort()).toEqual([0, 1, 2]);
    for (let i = 1; i < a.bars.length; i++) expect(a.bars[i - 1].swing).toBeGreaterThanOrEqual(a.bars[i].swing);
    for (const bar of a.bars) {
      const u = pricing.shared[bar.index];
      expect(bar.atLow).toBeCloseTo(marginAt(base.map((b, j) => (j === bar.index ? u.low : b))), 9);
      expect(bar.atHigh).toBeCloseTo(marginAt(base.map((b, j) => (j === bar.index ? u.high : b))), 9);
    }
    expect(a.scale).toBe(Math.max(Math.abs(a.base), ...a.bars.flatMap((b) => [Math.abs(b.atLow), Math.abs(b.atHigh)])));
  });

  it("puts each break-even where the margin vanishes, within its search interval", () => {
    expect(a.breakEven.map((b) => b.key)).toEqual([...SHARED_INPUTS]);
    // A higher discount rate favours A's cheaper purchase, and so do shorter lives: both cross within reach.
    expect(a.breakEven.filter((b) => b.value !== null).map((b) => b.key)).toEqual(["discountRate", "serviceLifeShiftYears"]);
    for (const [j, b] of a.breakEven.entries()) {
      expect([b.lo, b.hi]).toEqual(searchInterval(b.key, p, pricing.lowestLifeShift));
      if (b.value === null) continue;
      expect(b.value).toBeGreaterThanOrEqual(b.lo);
      expect(b.value).toBeLessThanOrEqual(b.hi);
      expect(Math.abs(marginAt(base.map((x, k) => (k === j ? b.value! : x))))).toBeLessThan(1e-6 * Math.abs(a.base));
    }
  });

  it("finds no break-even where the winner leads across the whole interval", () => {
    // Bid B also saves on maintenance and residual value, so even free electricity leaves it ahead.
    const price = a.breakEven.find((b) => b.key === "electricityPricePerKWh")!;
    expect(price.value).toBeNull();
    for (const x of [price.lo, (price.lo + price.hi) / 2, price.hi]) expect(marginAt([p.discountRate, x, 0])).toBeGreaterThan(0);
  });
});

describe("break-even under MEAT: where the award decision flips", () => {
  // A leads on quality by one point and B on cost: the total scores are close, so each input can flip the award.
  const bids = [
    { ...bidA, qualityPoints: 41 },
    { ...bidB, qualityPoints: 40 },
  ];
  const pricing = comparisonPricing(p, bids, "computers", "meat", defaultRanges(p));
  const a = marginAnalysis(pricing, p);
  const scoresAt = (j: number, x: number) => {
    const v = pricing.valuesAt(
      ...([p.discountRate, p.electricityPricePerKWh, 0].map((b, k) => (k === j ? x : b)) as [number, number, number]),
    );
    return v.map((s) => -s); // MEAT values are minus the total score
  };

  it("measures the lead in points and puts every break-even where the two total scores tie", () => {
    expect([a.winner, a.runnerUp]).toEqual([0, 1]);
    const [sa, sb] = scoresAt(0, p.discountRate);
    expect(a.base).toBeCloseTo(sa - sb, 9);
    expect(a.base).toBeLessThan(1); // points, not euros
    // Both offers serve the whole period: a longer life counts no extra year (§12.1), so the life shift decides nothing.
    const life = a.breakEven.find((b) => b.key === "serviceLifeShiftYears")!;
    expect([life.value, life.step]).toEqual([null, null]);
    const flips = a.breakEven.filter((b) => b.key !== "serviceLifeShiftYears");
    expect(flips.every((b) => b.value !== null && b.step === null)).toBe(true);
    for (const b of flips) {
      const j = a.breakEven.indexOf(b);
      const [x, y] = scoresAt(j, b.value!);
      expect(Math.abs(x - y)).toBeLessThan(1e-9);
      // Just past the break-even the runner-up has the higher total: the award decision flips there.
      const beyond = b.value! + (b.value! > [p.discountRate, p.electricityPricePerKWh, 0][j] ? 1e-3 : -1e-3);
      const [x2, y2] = scoresAt(j, beyond);
      expect(y2).toBeGreaterThan(x2);
    }
  });
});

describe("a residual-value curve that drops to zero is a step, never a break-even", () => {
  // X states no residual value (the laptop curve, 13.5 % of the price at 7 years, nothing after); Y states 0.
  // X is cheaper while the curve gives it resale value; past 7 years it costs more, without ever tying.
  // Both declare 5 years within a 10-year period, so a shift of the lives changes the years counted (§12.1).
  const x = { ...bidA, product: "X", price: 1000, residualValue: null, tecKWhPerYear: 20, annualMaintenance: 10, serviceLifeYears: 5 };
  const y = { ...bidA, product: "Y", price: 900, residualValue: 0, tecKWhPerYear: 20, annualMaintenance: 10, serviceLifeYears: 5 };
  const q: Parameters = { ...p, evaluationYears: 10 };
  it.each(["lcc", "meat"] as const)("ranked by %s", (rankBy) => {
    const pricing = comparisonPricing(q, [x, y], "computers", rankBy, defaultRanges(q));
    const a = marginAnalysis(pricing, q);
    expect([a.winner, a.runnerUp]).toEqual([0, 1]);
    const life = a.breakEven.find((b) => b.key === "serviceLifeShiftYears")!;
    expect(life.value).toBeNull();
    // The lives are 5 years: the curve ends at 7, a shift of +2.
    expect(life.step).toBeCloseTo(2, 6);
    const lead = (shift: number) => {
      const v = pricing.valuesAt(q.discountRate, q.electricityPricePerKWh, shift);
      return v[1] - v[0];
    };
    expect(lead(1.999)).toBeGreaterThan(0);
    expect(lead(2.001)).toBeLessThan(0);
    // Far from zero on both sides of the step: nothing ties there (euros a year: lives shorter than the period put both on EAC).
    expect(Math.min(Math.abs(lead(1.999)), Math.abs(lead(2.001)))).toBeGreaterThan(rankBy === "lcc" ? 10 : 0.05);
  });
});

describe("Monte Carlo list order", () => {
  it("puts the offers by probability of ranking first, then by mean rank, then as entered", () => {
    expect(monteCarloOrder({ draws: 10, firstShare: [0.2, 0.5, 0, 0, 0.3], meanRank: [2, 1.5, 3.9, 3.1, 2.2] })).toEqual([1, 4, 0, 3, 2]);
    expect(monteCarloOrder({ draws: 10, firstShare: [0, 0, 1], meanRank: [2.5, 2.5, 1] })).toEqual([2, 0, 1]);
  });
});
