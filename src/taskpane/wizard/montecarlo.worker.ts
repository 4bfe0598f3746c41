/** Web Worker: the 10 000 draws run off the UI thread, so the pane never freezes (Office restarts a pane that hangs). */
import { type MonteCarloJob, type MonteCarloMessage, runJob } from "./monteCarloJob";

const post = (message: MonteCarloMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<MonteCarloJob>) => {
  post({ result: runJob(event.data, (done) => post({ done })) });
};
