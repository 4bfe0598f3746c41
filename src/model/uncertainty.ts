/**
 * The stated uncertainty ranges of a comparison and a fast pricing of its offers under any draw of them,
 * for the sensitivity view and the Monte Carlo ranking. It prices with the engine's lccCalculator and the
 * same per-bid inputs as evaluateComparison (a test checks they agree), computing discount factors once
 * per service life rather than once per offer: 10 000 draws × 1 000 offers must take well under 2 s.
 */
import { pvFactor } from "../engine/discounting";
import { type BidCosts, lccCalculator } from "../engine/lcc";
import { residualCurveFor, residualValue } from "../engine/residualValue";
import type { Range, RankingModel, UncertainInput } from "../engine/sensitivity";
import type { Bid, ComparisonKind } from "./bid";
import {
  annualKWhOf,
  annualRunningCostOf,
  bidLccParametersOf,
  commitmentCostsOf,
  criteriaOf,
  externalCo2CostOf,
  horizonOf,
  lccParametersOf,
  priceScores,
} from "./evaluate";
import type { Parameters } from "./parameters";

export type RankBy = "lcc" | "meat";

export interface UncertaintyRanges {
  readonly discountRate: Range;
  readonly electricityPricePerKWh: Range;
  /** Years added to every offer's service life, so offers keep their relative lives. */
  readonly serviceLifeShiftYears: Range;
  /** Real energy use as a share of the declared value, drawn for each offer separately. */
  readonly energyUseShare: Range;
}

/** The shared inputs in the order RankingModel.shared and valuesAt take them. */
export const SHARED_INPUTS = ["discountRate", "electricityPricePerKWh", "serviceLifeShiftYears"] as const;
export type SharedInput = (typeof SHARED_INPUTS)[number];

/** A starting point the procurer is expected to adjust: ±2 points of rate, ±30 % price, ±1 year, ±20 % energy. */
export function defaultRanges(p: Parameters): UncertaintyRanges {
  return {
    discountRate: { low: Math.max(0, p.discountRate - 0.02), high: p.discountRate + 0.02 },
    electricityPricePerKWh: { low: p.electricityPricePerKWh * 0.7, high: p.electricityPricePerKWh * 1.3 },
    serviceLifeShiftYears: { low: -1, high: 1 },
    energyUseShare: { low: 0.8, high: 1.2 },
  };
}

/** A shorter life than this makes no sense to price: shifts are capped so every offer keeps half a year. */
const SHORTEST_LIFE = 0.5;

export interface ComparisonPricing extends RankingModel {
  readonly base: readonly number[];
  /** Values to rank (lower is better): award LCC or EAC, or minus the MEAT total when ranking by MEAT. */
  valuesAt(discountRate: number, electricityPrice: number, lifeShift: number, energyShare?: ArrayLike<number>): number[];
  /** The lowest life shift that keeps every offer at SHORTEST_LIFE or more. */
  readonly lowestLifeShift: number;
}

/** The residual curves a blank residual value may follow (§12.6), by index (-1: none, so 0). */
const CURVES = ["laptop", "tablet"] as const;
const shareOf = (curve: (typeof CURVES)[number], age: number): number => {
  const r = residualValue(1, age, curve);
  return r.ok ? r.value : 0;
};

/**
 * The offers to price are the ranked ones: a caller leaves out offers that fail a requirement (§12.4),
 * judged once on the base case. A life shift moves every declared life (blank: the period), and each
 * offer is costed over min(shifted life, period) (§12.1).
 */
export function comparisonPricing(
  p: Parameters,
  bids: readonly Bid[],
  kind: ComparisonKind,
  rankBy: RankBy,
  ranges: UncertaintyRanges,
): ComparisonPricing {
  const n = bids.length;
  const kWh = Float64Array.from(bids, (b) => annualKWhOf(b, p, kind));
  const N = p.evaluationYears;
  const lives = bids.map((b) => b.serviceLifeYears ?? N);
  const distinct = [...new Set(lives)];
  const slot = Uint16Array.from(lives, (h) => distinct.indexOf(h));
  const lowestLifeShift = SHORTEST_LIFE - Math.min(...lives);
  // What does not change between draws, per unit of each offer, in flat arrays (1 000 offers × 10 000 draws).
  const quantity = Float64Array.from(bids, (b) => b.quantity);
  const upfront = Float64Array.from(bids, (b) => b.price + b.installation);
  const maintenance = Float64Array.from(bids, (b) => b.annualMaintenance);
  const consumables = Float64Array.from(bids, (b) => annualRunningCostOf(b, p, kind));
  // Data erasure (§12.6) is an end-of-life cost of every offer whose take-back lacks it.
  const endOfLife = Float64Array.from(bids, (b) => b.endOfLifeCost + (b.takeBackWithDataErasure === "yes" ? 0 : p.dataErasureCostPerUnit));
  const statedResidual = Float64Array.from(bids, (b) => b.residualValue ?? NaN);
  const curve = Int8Array.from(bids, (b) =>
    CURVES.indexOf(residualCurveFor(b.deviceType, b.condition === "refurbished", p.residualValueRule) as (typeof CURVES)[number]),
  );
  const price = Float64Array.from(bids, (b) => b.price);
  // CRITERIA.md §3.4: the quality total (the free quality points and the criteria's, capped) does not move with the draws.
  const quality = criteriaOf(
    p,
    bids,
    bids.map((b) => horizonOf(b, p)),
  ).map((c, i) => c.qualityTotal ?? bids[i].qualityPoints);
  // Warranty top-up, repairs after warranty and a battery depend on the horizon: priced per offer, only for
  // the offers that have them (the calculator keeps their factors by year).
  const commitment = bids.map((b): BidCosts | null => {
    const c = commitmentCostsOf(b);
    const used = c.extraWarrantyYearPrice !== undefined || c.oneOffCosts !== undefined || p.outOfWarrantyRepairPerYear > 0;
    // Its data erasure is in endOfLife[] already, so the probe's take-back includes it.
    return used
      ? {
          price: 0,
          annualKWh: 0,
          quantity: 1,
          warrantyYears: c.warrantyYears,
          extraWarrantyYearPrice: c.extraWarrantyYearPrice,
          oneOffCosts: c.oneOffCosts,
          takeBackWithDataErasure: true,
        }
      : null;
  });
  const probe: BidCosts = { price: 0, annualKWh: 0, quantity: 1 };
  const slots = distinct.length;
  const perKWh = new Float64Array(slots);
  const perMaintenance = new Float64Array(slots);
  const perConsumables = new Float64Array(slots);
  const perEndOfLife = new Float64Array(slots);
  const perResidual = new Float64Array(slots);
  const curveShare = Array.from(CURVES, () => new Float64Array(slots));
  const annuity = new Float64Array(slots);
  const calculators: ((bid: BidCosts) => { total: number })[] = new Array(slots);

  /**
   * The LCC is linear in each per-unit input for fixed parameters, so each service life's calculator is
   * asked once per draw for the present value of one unit of each input (kWh, EUR of maintenance…) and
   * every offer is then priced with a few multiplications, no objects. The residual-value curve is a share
   * of the price. A test checks the result against evaluateComparison.
   */
  function fill(
    out: Float64Array | number[],
    discountRate: number,
    electricityPrice: number,
    lifeShift: number,
    energyShare?: ArrayLike<number>,
  ): void {
    const q: Parameters = { ...p, discountRate, electricityPricePerKWh: electricityPrice };
    const years = distinct.map((life) => Math.max(SHORTEST_LIFE, Math.min(life + lifeShift, N)));
    const onEac = years.some((y) => y < N);
    for (let s = 0; s < slots; s++) {
      // Per unit of each input without any commitment; the commitments of each offer on a calculator of their own.
      const lcc = lccCalculator(lccParametersOf(q, years[s]));
      calculators[s] = lccCalculator(bidLccParametersOf(q, years[s]));
      // External CO2 cost is linear in kWh too: price one kWh per year once per service life.
      const co2 = p.includeExternalities ? externalCo2CostOf(p, 1, years[s], 1, discountRate) : 0;
      const unit = (over: Partial<BidCosts>) => lcc({ ...probe, ...over }).total;
      perKWh[s] = unit({ annualKWh: 1 }) + co2;
      perMaintenance[s] = unit({ annualMaintenance: 1 });
      perConsumables[s] = unit({ annualConsumables: 1 });
      perEndOfLife[s] = unit({ endOfLifeCost: 1 });
      perResidual[s] = unit({ residualValue: 1 });
      CURVES.forEach((c, k) => (curveShare[k][s] = shareOf(c, years[s])));
      annuity[s] = onEac ? pvFactor({ discountRate, timing: p.timing }, years[s]) : 1;
    }
    for (let i = 0; i < n; i++) {
      const s = slot[i];
      const residual = !Number.isNaN(statedResidual[i]) ? statedResidual[i] : curve[i] >= 0 ? price[i] * curveShare[curve[i]][s] : 0;
      const energy = kWh[i] * (energyShare ? energyShare[i] : 1);
      const committed = commitment[i];
      const perUnit =
        upfront[i] +
        energy * perKWh[s] +
        maintenance[i] * perMaintenance[s] +
        consumables[i] * perConsumables[s] +
        endOfLife[i] * perEndOfLife[s] +
        residual * perResidual[s] +
        (committed ? calculators[s](committed).total : 0);
      out[i] = (quantity[i] * perUnit) / annuity[s];
    }
    if (rankBy === "lcc") return;
    const scores = priceScores(p, Array.from(out));
    // A draw that makes an offer's LCC non-positive cannot be scored: rank on the LCC for that draw.
    if (scores.ok) for (let i = 0; i < n; i++) out[i] = -(scores.value[i] + quality[i]);
  }

  function valuesAt(discountRate: number, electricityPrice: number, lifeShift: number, energyShare?: ArrayLike<number>): number[] {
    const out = new Array<number>(n);
    fill(out, discountRate, electricityPrice, lifeShift, energyShare);
    return out;
  }

  const shared: UncertainInput[] = [
    { ...ranges.discountRate, base: p.discountRate },
    { ...ranges.electricityPricePerKWh, base: p.electricityPricePerKWh },
    { low: Math.max(lowestLifeShift, ranges.serviceLifeShiftYears.low), high: ranges.serviceLifeShiftYears.high, base: 0 },
  ];
  return {
    alternatives: bids.length,
    shared,
    perAlternative: [{ ...ranges.energyUseShare, base: 1 }],
    base: valuesAt(p.discountRate, p.electricityPricePerKWh, 0),
    lowestLifeShift,
    valuesAt,
    evaluate(x, own, out) {
      fill(out, x[0], x[1], x[2], own);
    },
  };
}
