/**
 * One request answered by a fresh Web Worker, so heavy work (reading a CSV of 10 000 offers, writing the
 * .xlsx) never blocks the pane; the same function runs on this thread where there is no worker (jsdom
 * tests, Node) or where the worker cannot start (a policy blocking workers, its script failing to load).
 * The worker is terminated after its answer, so what it held (exceljs's workbook) is freed at once.
 */

/** What a worker posts back: its answer, or why the work failed (the same failure on this thread would throw). */
export type WorkerReply<T> = { readonly ok: T } | { readonly error: string };

/** Starts the worker: kept in its own module per worker, as webpack needs `new Worker(new URL(…, import.meta.url))`. */
export type WorkerStart = () => Worker | Promise<Worker>;

export async function offThread<Req, Res>(start: WorkerStart, request: Req, here: (request: Req) => Res | Promise<Res>): Promise<Res> {
  const onThisThread = () => Promise.resolve().then(() => here(request));
  if (typeof Worker === "undefined") return onThisThread();
  let worker: Worker;
  try {
    worker = await start();
  } catch {
    return onThisThread();
  }
  return new Promise<Res>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerReply<Res>>) => ("ok" in e.data ? resolve(e.data.ok) : reject(new Error(e.data.error)));
    worker.onmessageerror = () => reject(new Error("The worker's answer could not be read"));
    // The worker did not run (blocked, script missing) or died before answering: answer here instead.
    worker.onerror = (e) => {
      e.preventDefault?.();
      onThisThread().then(resolve, reject);
    };
    // Copied, not transferred: the request must still be here if the worker never starts.
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

/** The worker's side: answers each request with `work`, transferring what `transfer` names (an answer's bytes). */
export function answerRequests<Req, Res>(
  work: (request: Req) => Res | Promise<Res>,
  transfer: (answer: Res) => Transferable[] = () => [],
): void {
  const scope = self;
  scope.onmessage = async (event: MessageEvent<Req>) => {
    let answer: Res;
    try {
      answer = await work(event.data);
    } catch (e) {
      scope.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply<Res>);
      return;
    }
    scope.postMessage({ ok: answer } satisfies WorkerReply<Res>, { transfer: transfer(answer) });
  };
}
