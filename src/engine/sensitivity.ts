/**
 * Sensitivity of a ranking to uncertain inputs: one-way swings (tornado), break-even values and a Monte
 * Carlo probability of ranking first. Generic over the outcome: the caller passes a function that prices
 * the alternatives (the model's own evaluation), so no LCC formula is restated here.
 */
import { seededRandom, triangular } from "./random";
import { countBelow } from "./scoring";

export interface Range {
  readonly low: number;
  readonly high: number;
}

/** A stated uncertainty: the base case (also the most likely value) and the range around it. */
export interface UncertainInput extends Range {
  readonly base: number;
}

export interface TornadoBar {
  /** Position of the input in the list given to tornado(). */
  readonly index: number;
  readonly atLow: number;
  readonly atHigh: number;
  /** |atHigh − atLow|: the bars are sorted by it, widest first. */
  readonly swing: number;
}

/** Moves one input at a time to its low and high end, the others at base, and records the outcome. */
export function tornado(
  inputs: readonly UncertainInput[],
  outcome: (x: readonly number[]) => number,
): { base: number; bars: TornadoBar[] } {
  const base = inputs.map((i) => i.base);
  const at = (index: number, value: number) => outcome(base.map((b, j) => (j === index ? value : b)));
  const bars = inputs.map((input, index) => {
    const atLow = at(index, input.low);
    const atHigh = at(index, input.high);
    return { index, atLow, atHigh, swing: Math.abs(atHigh - atLow) };
  });
  return { base: outcome(base), bars: bars.sort((a, b) => b.swing - a.swing) };
}

/**
 * Where f changes sign in [low, high]: a crossing, where f passes through zero (the outcomes tie), or a
 * step, where f jumps over zero without ever being zero (a residual-value curve that drops to nothing at
 * the end of its range). Only a crossing is a break-even.
 */
export interface SignChange {
  readonly x: number;
  readonly kind: "crossing" | "step";
}

/**
 * Every sign change of f in [low, high]. Scans `segments` equal steps for a change of sign, then bisects
 * each to full precision, so it also finds crossings of curves that are not straight (discount rate,
 * service life); a change whose bracket keeps f far from zero after bisection is a step.
 */
export function signChanges(f: (x: number) => number, low: number, high: number, segments = 64): SignChange[] {
  const found: SignChange[] = [];
  let x0 = low;
  let f0 = f(x0);
  for (let k = 1; k <= segments; k++) {
    const x1 = low + ((high - low) * k) / segments;
    const f1 = f(x1);
    if (f0 === 0) found.push({ x: x0, kind: "crossing" });
    else if (f0 * f1 < 0) found.push(bisect(f, x0, x1, f0, f1));
    x0 = x1;
    f0 = f1;
  }
  if (f0 === 0) found.push({ x: x0, kind: "crossing" });
  return found;
}

/** Every x in [low, high] where f passes through zero (e.g. runner-up's LCC minus winner's as the electricity price varies). */
export function breakEvens(f: (x: number) => number, low: number, high: number, segments = 64): number[] {
  return signChanges(f, low, high, segments)
    .filter((c) => c.kind === "crossing")
    .map((c) => c.x);
}

/**
 * Bisects a bracketed sign change. A continuous f is near zero at the end; one that still differs from
 * zero by more than a millionth of the bracket's size on both sides of a vanishing interval jumped.
 */
function bisect(f: (x: number) => number, a: number, b: number, fa: number, fb: number): SignChange {
  const size = Math.max(Math.abs(fa), Math.abs(fb));
  for (let i = 0; i < 200 && b - a > 1e-12 * Math.max(1, Math.abs(a)); i++) {
    const m = (a + b) / 2;
    const fm = f(m);
    if (fm === 0) return { x: m, kind: "crossing" };
    if (fa * fm < 0) [b, fb] = [m, fm];
    else [a, fa] = [m, fm];
  }
  const tolerance = 1e-6 * Math.max(size, 1e-300);
  const jumped = Math.abs(fa) > tolerance && Math.abs(fb) > tolerance;
  return { x: (a + b) / 2, kind: jumped ? "step" : "crossing" };
}

/** The break-even value nearest to the base case, or null when the outcomes never tie over the whole interval. */
export function nearestBreakEven(f: (x: number) => number, base: number, low: number, high: number): number | null {
  return nearest(breakEvens(f, low, high), base);
}

/** The value nearest to base, or null for none. */
export function nearest(values: readonly number[], base: number): number | null {
  if (!values.length) return null;
  return values.reduce((best, r) => (Math.abs(r - base) < Math.abs(best - base) ? r : best));
}

/** What a Monte Carlo ranking needs to know about the comparison; values are "lower is better". */
export interface RankingModel {
  readonly alternatives: number;
  /** Drawn once per draw and shared by all alternatives (discount rate, electricity price…). */
  readonly shared: readonly UncertainInput[];
  /** Drawn for each alternative separately (e.g. real energy use against the declared value). */
  readonly perAlternative: readonly UncertainInput[];
  /** Writes each alternative's value into `out`; `own` holds perAlternative draws, alternative by alternative. */
  evaluate(shared: Float64Array, own: Float64Array, out: Float64Array): void;
}

export interface RankingProbability {
  readonly draws: number;
  /** Share of draws in which each alternative ranks first (ties share the draw). */
  readonly firstShare: number[];
  /** Average competition rank of each alternative (1 = best). */
  readonly meanRank: number[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const draw = (u: number, r: UncertainInput) => triangular(u, r.low, clamp(r.base, r.low, r.high), r.high);

/** How often a long run reports how far it is (draws), so a worker can show progress. */
export const PROGRESS_EVERY = 250;

/**
 * Probability of ranking first over `draws` triangular draws of the stated ranges; same seed, same answer.
 * Ranks with one sort per draw: an offer's competition rank is 1 + the number of strictly lower values,
 * found by binary search in the sorted draw (n log n, where comparing every pair was n²).
 */
export function rankingProbability(
  model: RankingModel,
  draws: number,
  seed: number,
  onProgress?: (done: number) => void,
): RankingProbability {
  const n = model.alternatives;
  const m = model.perAlternative.length;
  const random = seededRandom(seed);
  const shared = new Float64Array(model.shared.length);
  const own = new Float64Array(n * m);
  const values = new Float64Array(n);
  const sorted = new Float64Array(n);
  const first = new Float64Array(n);
  const rankSum = new Float64Array(n);
  for (let k = 0; k < draws; k++) {
    for (let j = 0; j < shared.length; j++) shared[j] = draw(random(), model.shared[j]);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) own[i * m + j] = draw(random(), model.perAlternative[j]);
    model.evaluate(shared, own, values);
    sorted.set(values);
    sorted.sort(); // numeric for typed arrays; NaN last
    const best = sorted[0];
    const ties = Number.isNaN(best) ? 0 : countBelow(sorted, best, true);
    for (let i = 0; i < n; i++) {
      if (values[i] === best) first[i] += 1 / ties;
      rankSum[i] += 1 + countBelow(sorted, values[i]);
    }
    if (onProgress && (k + 1) % PROGRESS_EVERY === 0) onProgress(k + 1);
  }
  return { draws, firstShare: Array.from(first, (c) => c / draws), meanRank: Array.from(rankSum, (s) => s / draws) };
}
