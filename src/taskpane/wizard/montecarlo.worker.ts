/** Web Worker: the 10 000 draws run off the UI thread, so the pane never freezes (Office restarts a pane that hangs). */
import { type MonteCarloJob, runJob } from "./monteCarloJob";

self.onmessage = (event: MessageEvent<MonteCarloJob>) => {
  self.postMessage(runJob(event.data));
};
