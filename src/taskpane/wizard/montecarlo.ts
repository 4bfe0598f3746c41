/** Runs a Monte Carlo job in a Web Worker where there is one, else in the page (jsdom tests, odd hosts). */
import type { RankingProbability } from "../../engine/sensitivity";
import { type MonteCarloJob, runJob } from "./monteCarloJob";

export async function runMonteCarlo(job: MonteCarloJob): Promise<RankingProbability> {
  if (typeof Worker === "undefined") return runJob(job);
  try {
    const { startWorker } = await import("./startWorker");
    const worker = startWorker();
    return await new Promise<RankingProbability>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<RankingProbability>) => resolve(e.data);
      worker.onerror = (e) => reject(e);
      worker.postMessage(job);
    }).finally(() => worker.terminate());
  } catch {
    // A worker blocked by policy still gets an answer, only on the UI thread.
    return runJob(job);
  }
}
