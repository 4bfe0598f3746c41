/**
 * Test helper: a pane worker module (src/taskpane/wizard/*.worker.ts) run in a real Node worker thread
 * behind the Web Worker interface offThread uses (onmessage, onerror, postMessage, terminate), so a test
 * sends a job off the test's thread exactly as the pane does: the request and the answer cross a thread
 * boundary by structured clone.
 */
import { join } from "node:path";
import { Worker as NodeWorker } from "node:worker_threads";
import { offThread } from "../../src/host/offThread";

export interface WebLikeWorker {
  onmessage: ((e: { data: unknown }) => void) | null;
  onmessageerror: (() => void) | null;
  onerror: ((e: { preventDefault?(): void; message: string }) => void) | null;
  postMessage(data: unknown): void;
  terminate(): void;
  /** What the thread posted back, and the errors it raised: a test checks the work was done there. */
  readonly replies: unknown[];
  readonly errors: string[];
}

export function startNodeWorker(module: string): WebLikeWorker {
  const thread = new NodeWorker(join(__dirname, "webWorkerShim.cjs"), { workerData: { module } });
  const worker: WebLikeWorker = {
    onmessage: null,
    onmessageerror: null,
    onerror: null,
    postMessage: (data) => thread.postMessage(data),
    terminate: () => void thread.terminate(),
    replies: [],
    errors: [],
  };
  thread.on("message", (data: unknown) => {
    worker.replies.push(data);
    worker.onmessage?.({ data });
  });
  thread.on("messageerror", () => worker.onmessageerror?.());
  thread.on("error", (e: Error) => {
    worker.errors.push(e.message);
    worker.onerror?.({ message: e.message });
  });
  return worker;
}

/**
 * While `work` runs, counts the turns this thread's event loop takes (setImmediate after setImmediate):
 * many turns mean the thread was free while the work went on elsewhere. A count, not a time.
 */
export async function countTurnsDuring<T>(work: Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let done = false;
  const spin = (): void => {
    if (done) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    return { value: await work, turns };
  } finally {
    done = true;
  }
}

/**
 * offThread(start, request, here) as the pane calls it, the worker being `module` in a Node worker thread
 * (offThread runs the job here where there is no Worker: one stands in while it runs). `byWorker`: the answer
 * came from the thread, not from offThread's fallback on this thread.
 */
export async function offThreadInNode<Req, Res>(
  module: string,
  request: Req,
  here: (request: Req) => Res | Promise<Res>,
): Promise<{ value: Res; byWorker: boolean; errors: string[] }> {
  const global = globalThis as { Worker?: unknown };
  const had = global.Worker;
  global.Worker = function Worker() {};
  const started: WebLikeWorker[] = [];
  const start = () => {
    started.push(startNodeWorker(module));
    return started[0] as unknown as Worker;
  };
  try {
    const value = await offThread(start, request, here);
    return { value, byWorker: started.length === 1 && started[0].replies.length === 1, errors: started.flatMap((w) => w.errors) };
  } finally {
    global.Worker = had;
  }
}
