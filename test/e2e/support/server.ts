/**
 * A tiny static file server for the production build, on 127.0.0.1 and an ephemeral port (plain http: the
 * browser treats 127.0.0.1 as a secure context, so localStorage, workers and downloads behave as on https).
 * No directory listings, no path escapes, no caching, nothing but GET and HEAD.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

const ROOT = resolve(__dirname, "..", "..", "..");

/** The build the browser tests load: dist/ (npm test builds it first), or E2E_DIST for a build elsewhere. */
export function distDir(): string {
  const dir = resolve(ROOT, process.env.E2E_DIST ?? "dist");
  for (const page of ["index.html", "taskpane.html", "taskpane.js", "functions.js"]) {
    if (!existsSync(join(dir, page))) throw new Error(`${join(dir, page)} is missing: run \`npm run build\` first (npm test does).`);
  }
  return dir;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

export interface StaticServer {
  /** "http://127.0.0.1:<port>/" */
  readonly url: string;
  /** Paths served, in order (the test's own record; the browser-side guard is in guard.ts). */
  readonly served: readonly string[];
  close(): Promise<void>;
}

export async function serveStatic(root: string = distDir()): Promise<StaticServer> {
  const base = resolve(root);
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    served.push(path);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`not found: ${path}`);
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": body.length,
      "Cache-Control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    served,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
