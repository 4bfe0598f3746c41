/**
 * Runs a Monte Carlo job in a Web Worker where there is one, else in the page (jsdom tests, odd hosts).
 * Progress comes back as draws done; aborting the signal stops the worker at once (it is terminated, so
 * a run over thousands of offers need not finish) and rejects with an AbortError.
 */
import type { RankingProbability } from "../../engine/sensitivity";
import { type MonteCarloJob, type MonteCarloMessage, runJob } from "./monteCarloJob";

const aborted = () => new DOMException("Monte Carlo run cancelled", "AbortError");

export async function runMonteCarlo(
  job: MonteCarloJob,
  onProgress?: (done: number) => void,
  signal?: AbortSignal,
): Promise<RankingProbability> {
  if (signal?.aborted) throw aborted();
  if (typeof Worker === "undefined") return runJob(job, onProgress);
  let worker: Worker;
  try {
    const { startWorker } = await import("./startWorker");
    worker = startWorker();
  } catch {
    // A worker blocked by policy still gets an answer, only on the UI thread.
    return runJob(job, onProgress);
  }
  let stop = () => {};
  return new Promise<RankingProbability>((resolve, reject) => {
    stop = () => reject(aborted());
    signal?.addEventListener("abort", stop, { once: true });
    worker.onmessage = (e: MessageEvent<MonteCarloMessage>) => {
      if ("result" in e.data) resolve(e.data.result);
      else onProgress?.(e.data.done);
    };
    worker.onerror = (e) => reject(e);
    worker.postMessage(job);
  }).finally(() => {
    signal?.removeEventListener("abort", stop);
    worker.terminate();
  });
}
