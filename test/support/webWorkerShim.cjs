// A Node worker thread dressed as a Web Worker's inside (self is the global scope, with onmessage and
// postMessage), then the worker module loaded as the browser would load it. Its TypeScript is compiled
// on require by the TypeScript compiler to CommonJS (a dynamic import() becoming a require, as in the
// jest tests), since ES module loader hooks do not reach worker threads on every Node version.
// See nodeWorker.ts.
const { readFileSync } = require("node:fs");
const { parentPort, workerData } = require("node:worker_threads");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
  });
  module._compile(outputText, filename);
};

globalThis.self = globalThis;
globalThis.postMessage = (data, options) => parentPort.postMessage(data, options && options.transfer);
Object.defineProperty(globalThis, "onmessage", {
  configurable: true,
  set(handler) {
    parentPort.removeAllListeners("message");
    parentPort.on("message", (data) => handler({ data }));
  },
});
require(workerData.module);
