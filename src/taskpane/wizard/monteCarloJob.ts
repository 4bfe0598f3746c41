/** One Monte Carlo run, as sent to the worker: plain data in, plain data out (structured-clone safe). */
import { type RankingProbability, rankingProbability } from "../../engine/sensitivity";
import type { Bid, ComparisonKind } from "../../model/bid";
import type { Parameters } from "../../model/parameters";
import { type RankBy, type UncertaintyRanges, comparisonPricing } from "../../model/uncertainty";

export const DRAWS = 10_000;
/** Fixed, so the same comparison gives the same probabilities in the pane, the report and the tests. */
export const SEED = 20240401;

export interface MonteCarloJob {
  readonly parameters: Parameters;
  readonly bids: readonly Bid[];
  readonly kind: ComparisonKind;
  readonly rankBy: RankBy;
  readonly ranges: UncertaintyRanges;
  readonly draws: number;
  readonly seed: number;
}

/** What the worker posts back: how many draws are done, then the result. */
export type MonteCarloMessage = { readonly done: number } | { readonly result: RankingProbability };

export function runJob(job: MonteCarloJob, onProgress?: (done: number) => void): RankingProbability {
  return rankingProbability(comparisonPricing(job.parameters, job.bids, job.kind, job.rankBy, job.ranges), job.draws, job.seed, onProgress);
}
