// `npm run serve:dist`: serves the production build (dist/) over https on localhost with the headers a
// production host must send. It is the reference for the configurations in deploy/ (README "Deployment")
// and what test/deploy.test.ts checks against a build made for it. Node's https module only; no server code
// is needed in production, only these headers.
"use strict";
const fs = require("node:fs");
const https = require("node:https");
const path = require("node:path");
const { localCertificates } = require("./certs.cjs");

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Function metadata: Excel on the web fetches it from its own origin, so it needs CORS. */
const isMetadata = (name) => /^functions(-[a-z]{2})?\.json$/.test(name);

/**
 * The headers for one file of dist/ (path relative to dist, with "/"). Manifest and metadata are never
 * cached (Excel must see a new version at once); pages and scripts are revalidated on every load (their
 * names carry no hash); icons may be cached for a day.
 */
function headersFor(relativePath) {
  const name = path.posix.basename(relativePath);
  const ext = path.posix.extname(name).toLowerCase();
  const headers = {
    "Content-Type": CONTENT_TYPES[ext] ?? "application/octet-stream",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
  if (isMetadata(name) || name === "manifest.xml") headers["Cache-Control"] = "no-store";
  else if (ext === ".html" || ext === ".js") headers["Cache-Control"] = "no-cache";
  else headers["Cache-Control"] = "public, max-age=86400";
  if (isMetadata(name)) headers["Access-Control-Allow-Origin"] = "*";
  return headers;
}

/** The file under root that a request path names, or undefined (outside root, missing, a directory). */
function resolveFile(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return undefined;
  }
  if (rel.endsWith("/")) rel += "index.html";
  const file = path.resolve(root, `.${rel}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return undefined;
  try {
    return fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

function handler(root) {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS") {
      res.writeHead(405, { Allow: "GET, HEAD, OPTIONS" }).end();
      return;
    }
    const file = resolveFile(root, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    const headers = headersFor(path.relative(root, file).split(path.sep).join("/"));
    if (req.method === "OPTIONS") {
      delete headers["Content-Type"];
      res.writeHead(204, { ...headers, "Access-Control-Allow-Methods": "GET, HEAD" }).end();
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { ...headers, "Content-Length": body.length });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}

/** Starts the server on localhost; resolves with the server and its base URL once it listens. */
function serve({ root, port = 3000, cert, key }) {
  const server = https.createServer({ cert, key }, handler(root));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", () => resolve({ server, url: `https://localhost:${server.address().port}/` }));
  });
}

async function main() {
  const root = path.resolve(__dirname, "..", "dist");
  const port = Number(process.env.PORT || 3000);
  if (!fs.existsSync(path.join(root, "manifest.xml"))) {
    console.error("serve:dist: dist/ has no build; run `npm run build` (with ADDIN_PUBLIC_URL for a public host) first.");
    process.exit(1);
  }
  (await import("./usage-data-off.mjs")).disableOfficeAddinUsageData(); // before office-addin-dev-certs runs
  const dir = process.env.ADDIN_CERT_DIR || (await localCertificates(path.resolve(__dirname, "..", ".certs")));
  const read = (name) => fs.readFileSync(path.join(dir, name));
  try {
    const { url } = await serve({ root, port, cert: read("localhost.crt"), key: read("localhost.key") });
    console.log(`dist/ is served at ${url} (this machine only) with the production headers. Ctrl-C stops it.`);
    console.log(`Trust ${path.join(dir, "ca.crt")} in your browser or Office, as for npm start.`);
  } catch (err) {
    console.error(`serve:dist: ${err && err.code === "EADDRINUSE" ? `port ${port} is in use (set PORT=...)` : err.message}`);
    process.exit(1);
  }
}

module.exports = { CONTENT_TYPES, headersFor, resolveFile, serve };
if (require.main === module) main();
