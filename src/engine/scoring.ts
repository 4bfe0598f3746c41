/** Price (or LCC) scoring in points, LCC-METHOD §6.2–§6.3; MEAT total = quality points + price points. */
import { LIMITS, atMost, firstError, isNumber, oneOf, positive } from "./checks";
import { type Result, fail, finite } from "./result";

export type ScoringMethod = "lowest" | "linear" | "range";
export const SCORING_METHODS: readonly ScoringMethod[] = ["lowest", "linear", "range"];

// Any sign: a residual value above the price makes an LCC small or negative, and "range" scores it.
const money = [isNumber, atMost(LIMITS.amountEUR)];

// Rounding in a sheet can leave the best bid a hair below "bestValue"; that is not an error.
const TOLERANCE = 1e-9;

/**
 * lowest: max × best / value; linear: max × (1 − (value − best)/best), not below 0;
 * range: max × (worst − value)/(worst − best), clamped to [0, max] because best and worst are the
 * bounds the tender announced, and a bid may fall outside them.
 */
export function priceScore(value: number, bestValue: number, maxPoints: number, method = "lowest", worstValue?: number): Result<number> {
  const error = firstError(["value", value, money], ["bestValue", bestValue, money], ["maxPoints", maxPoints, [isNumber, positive]]);
  if (error) return { ok: false, error };
  const m = oneOf("method", method, SCORING_METHODS);
  if (!m.ok) return m;
  if (m.value === "range") {
    if (worstValue === undefined) return fail("type", "worstValue", "required", "range");
    if (typeof worstValue !== "number" || Number.isNaN(worstValue)) return fail("type", "worstValue", "notANumber");
    if (worstValue <= bestValue) return fail("domain", "worstValue", "worstAboveBest");
    return finite(maxPoints * Math.min(1, Math.max(0, (worstValue - value) / (worstValue - bestValue))));
  }
  // Ratios to the best value only mean something when it is positive.
  if (bestValue <= 0) return fail("domain", "bestValue", "ratioNeedsPositive", m.value);
  if (value < bestValue * (1 - TOLERANCE)) return fail("domain", "value", "notBelowBest");
  const share = m.value === "lowest" ? bestValue / value : 1 - (value - bestValue) / bestValue;
  return finite(maxPoints * Math.min(1, Math.max(0, share)));
}

/** Competition ranks (1 = best, ties share a rank) of values where lower is better. */
export function rankAscending(values: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return values.map((v) => 1 + countBelow(sorted, v));
}

export function rankAmongCompliant(values: readonly number[], compliant: readonly boolean[]): (number | null)[] {
  const sorted = Float64Array.from(values.filter((_, i) => compliant[i])).sort();
  return values.map((v, i) => (compliant[i] ? 1 + countBelow(sorted, v) : null));
}

/**
 * In an ascending array: how many values are below x (or at most x when `orEqual`); NaN is below nothing.
 * Ranks by one sort and a binary search each (n log n), so 10 000 offers rank in milliseconds.
 */
export function countBelow(sorted: Float64Array, x: number, orEqual = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x || (orEqual && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
