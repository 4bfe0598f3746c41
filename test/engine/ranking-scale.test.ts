/**
 * The Monte Carlo ranking at scale: one sort per draw must give exactly what comparing every pair gave,
 * and the flat-array pricing must agree with evaluateComparison away from the base case too.
 */
import fc from "fast-check";
import { seededRandom, triangular } from "../../src/engine/random";
import { rankAmongCompliant, rankAscending } from "../../src/engine/scoring";
import {
  PROGRESS_EVERY,
  type RankingModel,
  type RankingProbability,
  type UncertainInput,
  rankingProbability,
} from "../../src/engine/sensitivity";
import { emptyBid, evaluateComparison, type Bid } from "../../src/model";
import { comparisonPricing, defaultRanges } from "../../src/model/uncertainty";
import { computerCostFields } from "../fixtures/arbitraryBids";
import { randomComputerBids } from "../fixtures/randomBids";
import { referenceParameters } from "../fixtures/referenceBids";

/** The former implementation (every pair compared, n² per draw), kept as the oracle. */
function pairwiseRanking(model: RankingModel, draws: number, seed: number): RankingProbability {
  const n = model.alternatives;
  const random = seededRandom(seed);
  const draw = (u: number, r: UncertainInput) => triangular(u, r.low, Math.min(r.high, Math.max(r.low, r.base)), r.high);
  const shared = new Float64Array(model.shared.length);
  const own = new Float64Array(n * model.perAlternative.length);
  const values = new Float64Array(n);
  const first = new Float64Array(n);
  const rankSum = new Float64Array(n);
  for (let k = 0; k < draws; k++) {
    model.shared.forEach((r, j) => (shared[j] = draw(random(), r)));
    for (let i = 0; i < n; i++) model.perAlternative.forEach((r, j) => (own[i * model.perAlternative.length + j] = draw(random(), r)));
    model.evaluate(shared, own, values);
    let best = Infinity;
    let ties = 0;
    for (let i = 0; i < n; i++) {
      if (values[i] < best) [best, ties] = [values[i], 1];
      else if (values[i] === best) ties++;
    }
    for (let i = 0; i < n; i++) {
      if (values[i] === best) first[i] += 1 / ties;
      let rank = 1;
      for (let j = 0; j < n; j++) if (values[j] < values[i]) rank++;
      rankSum[i] += rank;
    }
  }
  return { draws, firstShare: Array.from(first, (c) => c / draws), meanRank: Array.from(rankSum, (s) => s / draws) };
}

describe("Monte Carlo ranking with one sort per draw", () => {
  it("equals the pairwise ranking on 300 seeded offers, by LCC and by MEAT", () => {
    const bids = randomComputerBids(300, 5);
    for (const rankBy of ["lcc", "meat"] as const) {
      const model = comparisonPricing(referenceParameters, bids, "computers", rankBy, defaultRanges(referenceParameters));
      const fast = rankingProbability(model, 200, 99);
      expect(fast).toEqual(pairwiseRanking(model, 200, 99));
      expect(fast.firstShare.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it("equals the pairwise ranking with many exact ties and unpriceable (NaN) values", () => {
    // Values rounded to a few levels, so most draws have ties at the top and in the middle.
    const model: RankingModel = {
      alternatives: 40,
      shared: [{ low: 0, high: 3, base: 1 }],
      perAlternative: [{ low: 0, high: 4, base: 2 }],
      evaluate: (shared, own, out) => {
        for (let i = 0; i < out.length; i++) out[i] = i % 13 === 5 ? NaN : Math.round(shared[0] + own[i]);
      },
    };
    expect(rankingProbability(model, 500, 3)).toEqual(pairwiseRanking(model, 500, 3));
  });

  it("reports its progress every PROGRESS_EVERY draws", () => {
    const model = comparisonPricing(referenceParameters, randomComputerBids(5, 1), "computers", "lcc", defaultRanges(referenceParameters));
    const seen: number[] = [];
    rankingProbability(model, PROGRESS_EVERY * 3 + 10, 1, (done) => seen.push(done));
    expect(seen).toEqual([PROGRESS_EVERY, PROGRESS_EVERY * 2, PROGRESS_EVERY * 3]);
  });
});

describe("comparisonPricing away from the base case", () => {
  const bid = fc.record({ ...computerCostFields, endOfLifeCost: fc.double({ min: 0, max: 50, noNaN: true }) });

  it("prices a drawn rate, electricity price, life shift and energy share as evaluateComparison prices the changed offers", () => {
    fc.assert(
      fc.property(
        fc.array(bid, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        fc.integer({ min: -1, max: 2 }),
        fc.double({ min: 0.8, max: 1.2, noNaN: true }),
        (drafts, includeExternalities, discountRate, electricityPricePerKWh, shift, share) => {
          const p = { ...referenceParameters, includeExternalities };
          const bids: Bid[] = drafts.map((d) => ({ ...emptyBid("computers"), ...d }));
          const drawn = comparisonPricing(p, bids, "computers", "lcc", defaultRanges(p)).valuesAt(
            discountRate,
            electricityPricePerKWh,
            shift,
            bids.map(() => share),
          );
          const changed = bids.map((b) => ({
            ...b,
            serviceLifeYears: (b.serviceLifeYears ?? p.evaluationYears) + shift,
            tecKWhPerYear: b.tecKWhPerYear! * share,
          }));
          const r = evaluateComparison({ ...p, discountRate, electricityPricePerKWh }, changed, "computers");
          if (!r.ok) return;
          r.value.bids.forEach((b, i) =>
            expect(Math.abs(drawn[i] - b.comparisonValue)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b.comparisonValue))),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("competition ranks by one sort", () => {
  // The definition: 1 + how many values are strictly lower (ties share a rank); non-compliant offers get none.
  const oracle = (values: number[]) => values.map((v) => 1 + values.filter((w) => w < v).length);
  const values = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true })), { maxLength: 60 });

  it("rankAscending equals 1 + the number of lower values, ties included", () => {
    fc.assert(fc.property(values, (v) => expect(rankAscending(v)).toEqual(oracle(v))));
    expect(rankAscending([3, 1, 3, 2, 1])).toEqual([4, 1, 4, 3, 1]);
  });

  it("rankAmongCompliant ranks the compliant offers among themselves only", () => {
    fc.assert(
      fc.property(values, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (v, ok) => {
        const kept = v.filter((_, i) => ok[i]);
        const ranks = oracle(kept);
        let k = 0;
        expect(rankAmongCompliant(v, ok)).toEqual(v.map((_, i) => (ok[i] ? ranks[k++] : null)));
      }),
    );
    expect(rankAmongCompliant([5, 1, 3], [true, false, true])).toEqual([2, null, 1]);
  });
});
