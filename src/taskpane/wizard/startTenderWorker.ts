/**
 * Kept apart so that only a real browser loads it: webpack bundles the worker from this exact
 * `new Worker(new URL(…, import.meta.url))` form, which CommonJS test builds cannot compile.
 */
export const startTenderWorker = (): Worker => new Worker(new URL("./tender.worker.ts", import.meta.url));
