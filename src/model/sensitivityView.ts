/**
 * What the Sensitivity panel shows, computed without React: the ranges as typed (each must hold its base
 * case), the winner's margin over the runner-up as one shared input moves across its range (tornado), the
 * value of each input at which the two would tie and swap places (break-even; under MEAT, where the award
 * decision flips), and the order of the Monte Carlo list.
 */
import { type RankingProbability, type TornadoBar, type UncertainInput, nearest, signChanges, tornado } from "../engine/sensitivity";
import type { Parameters } from "./parameters";
import { parseNumber } from "./entries";
import { type ComparisonPricing, SHARED_INPUTS, type SharedInput, type UncertaintyRanges } from "./uncertainty";

export type RangeKey = keyof UncertaintyRanges;
export const RANGE_KEYS: readonly RangeKey[] = ["discountRate", "electricityPricePerKWh", "serviceLifeShiftYears", "energyUseShare"];
/** Ranges typed as percentages (a rate, a share of the declared energy use). */
export const PERCENT_RANGES: ReadonlySet<RangeKey> = new Set<RangeKey>(["discountRate", "energyUseShare"]);

/** The base case each range must contain: the parameters' own values, no life shift, the declared energy use. */
export function rangeBase(key: RangeKey, p: Parameters): number {
  if (key === "discountRate") return p.discountRate;
  if (key === "electricityPricePerKWh") return p.electricityPricePerKWh;
  return key === "serviceLifeShiftYears" ? 0 : 1;
}

/**
 * The ranges from the texts typed as "<key>.low" and "<key>.high", and the keys whose range misses its base
 * case or goes below zero (only the life shift may be negative).
 */
export function readRanges(entries: Readonly<Record<string, string>>, p: Parameters): { ranges: UncertaintyRanges; invalid: RangeKey[] } {
  const invalid: RangeKey[] = [];
  const ranges = {} as Record<RangeKey, { low: number; high: number }>;
  for (const k of RANGE_KEYS) {
    const low = parseNumber(entries[`${k}.low`]);
    const high = parseNumber(entries[`${k}.high`]);
    const base = rangeBase(k, p);
    if (!(low <= base && base <= high) || (k !== "serviceLifeShiftYears" && low < 0)) invalid.push(k);
    ranges[k] = { low, high };
  }
  return { ranges, invalid };
}

/** Where to look for a break-even: wide, but within what the model can price. */
export function searchInterval(key: SharedInput, p: Parameters, lowestShift: number): [number, number] {
  if (key === "discountRate") return [Math.min(0, p.discountRate), p.discountRate + 0.3];
  if (key === "electricityPricePerKWh") return [0, Math.max(2, p.electricityPricePerKWh * 10)];
  return [lowestShift, 20];
}

export interface BreakEven {
  readonly key: SharedInput;
  /**
   * The value nearest the base case at which the runner-up catches up (the costs, or under MEAT the total
   * scores, tie: the award decision flips there), or null when they never tie within [lo, hi].
   */
  readonly value: number | null;
  /**
   * Where the order jumps without the two ever tying, nearest the base case: a residual-value curve that
   * drops to zero at the end of its range. Never reported as a break-even; null when there is none.
   */
  readonly step: number | null;
  readonly lo: number;
  readonly hi: number;
}

export interface MarginAnalysis {
  /** Indices of the winner and the runner-up in the base case. */
  readonly winner: number;
  readonly runnerUp: number;
  /** The runner-up's value minus the winner's (positive: the winner leads) in the base case. */
  readonly base: number;
  /** One bar per shared input, widest swing first; bar.index points into SHARED_INPUTS and `shared`. */
  readonly bars: readonly TornadoBar[];
  /** The largest margin in absolute value, base case included: the half-width of every bar's axis. */
  readonly scale: number;
  readonly breakEven: readonly BreakEven[];
  readonly shared: readonly UncertainInput[];
}

/** The winner's margin over the runner-up across each shared input's range, and where it would vanish. */
export function marginAnalysis(pricing: ComparisonPricing, p: Parameters): MarginAnalysis {
  const [winner, runnerUp] = pricing.base.map((_, i) => i).sort((a, b) => pricing.base[a] - pricing.base[b]);
  const margin = (x: readonly number[]) => {
    const v = pricing.valuesAt(x[0], x[1], x[2]);
    return v[runnerUp] - v[winner];
  };
  const baseInputs = pricing.shared.map((u) => u.base);
  const { base, bars } = tornado(pricing.shared, margin);
  const breakEven = SHARED_INPUTS.map((key, j) => {
    const [lo, hi] = searchInterval(key, p, pricing.lowestLifeShift);
    const at = (x: number) => margin(baseInputs.map((b, k) => (k === j ? x : b)));
    const changes = signChanges(at, lo, hi);
    const of = (kind: "crossing" | "step") =>
      nearest(
        changes.filter((c) => c.kind === kind).map((c) => c.x),
        baseInputs[j],
      );
    return { key, value: of("crossing"), step: of("step"), lo, hi };
  });
  const scale = Math.max(...bars.map((b) => Math.max(Math.abs(b.atLow), Math.abs(b.atHigh))), Math.abs(base));
  return { winner, runnerUp, base, bars, scale, breakEven, shared: pricing.shared };
}

/** The offers as the Monte Carlo list shows them: most often first, then the best mean rank, then the order of entry. */
export function monteCarloOrder(result: RankingProbability): number[] {
  return result.firstShare
    .map((_, i) => i)
    .sort((a, b) => result.firstShare[b] - result.firstShare[a] || result.meanRank[a] - result.meanRank[b] || a - b);
}
