/**
 * Deployment as an IT department would do it, end to end on this machine: a production build with
 * ADDIN_PUBLIC_URL pointing at `npm run serve:dist` (https on localhost, a certificate made the way
 * `npm start` makes it), then every URL the built manifest names is fetched (200 and the right content
 * type), and the function metadata with an Origin header, as Excel on the web fetches it (CORS present,
 * never cached). The headers are the ones deploy/ configures for nginx, Apache, IIS and Azure.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import type { Server } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { localCertificates } from "../scripts/certs.cjs";
import { headersFor, resolveFile, serve } from "../scripts/serve-dist.cjs";

const ROOT = join(__dirname, "..");
const EXCEL_WEB = "https://excel.officeapps.live.com";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let tmp: string;
let server: Server;
let base: string;
let ca: Buffer;

function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "lcc-deploy-"));
  const certs = await localCertificates(join(tmp, "certs"));
  ca = readFileSync(join(certs, "ca.crt"));
  const dist = join(tmp, "dist");
  ({ server, url: base } = await serve({
    root: dist,
    port: 0,
    cert: readFileSync(join(certs, "localhost.crt")),
    key: readFileSync(join(certs, "localhost.key")),
  }));
  // The production build, as `npm run build` runs it, but for this server and into the temporary folder.
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", dist],
    { cwd: ROOT, env: { ...process.env, ADDIN_PUBLIC_URL: base }, maxBuffer: 64 * 1024 * 1024 },
  );
}, 900_000); // a production build; minutes on a busy two-core machine

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const EXPECTED_TYPE: Record<string, RegExp> = {
  png: /^image\/png$/,
  html: /^text\/html; charset=utf-8$/,
  js: /^text\/javascript; charset=utf-8$/,
  json: /^application\/json; charset=utf-8$/,
  xml: /^application\/xml; charset=utf-8$/,
};

test("every URL in the built manifest is on the server, answers 200 with the right content type", async () => {
  const manifest = await get(`${base}manifest.xml`);
  expect(manifest.status).toBe(200);
  expect(manifest.headers["content-type"]).toMatch(EXPECTED_TYPE.xml);
  const urls = [...new Set([...manifest.body.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map((m) => m[1]))];
  expect(urls.length).toBeGreaterThanOrEqual(9);
  expect(urls.filter((u) => !u.startsWith(base))).toEqual([]); // nothing left on localhost:3000
  for (const url of urls) {
    const r = await get(url);
    const ext = url.split(".").pop()!;
    expect([url, r.status, EXPECTED_TYPE[ext]?.test(String(r.headers["content-type"]))]).toEqual([url, 200, true]);
    expect([url, r.headers["x-content-type-options"]]).toEqual([url, "nosniff"]);
  }
  expect(urls).toEqual(
    expect.arrayContaining([
      `${base}taskpane.html`,
      `${base}functions.js`,
      `${base}functions.json`,
      `${base}functions-nl.json`,
      `${base}functions-fr.json`,
    ]),
  );
});

test("the function metadata answers Excel on the web's cross-origin fetch, and is never cached", async () => {
  for (const name of ["functions.json", "functions-nl.json", "functions-fr.json"]) {
    const r = await get(`${base}${name}`, { Origin: EXCEL_WEB });
    expect([name, r.status, r.headers["access-control-allow-origin"], r.headers["cache-control"]]).toEqual([name, 200, "*", "no-store"]);
    expect((JSON.parse(r.body) as { functions: unknown[] }).functions).toHaveLength(15);
  }
  const manifest = await get(`${base}manifest.xml`);
  expect(manifest.headers["cache-control"]).toBe("no-store");
  // Pages and scripts are revalidated (their names carry no hash); they need no CORS.
  const page = await get(`${base}taskpane.html`, { Origin: EXCEL_WEB });
  expect([page.headers["cache-control"], page.headers["access-control-allow-origin"]]).toEqual(["no-cache", undefined]);
});

test("nothing outside dist/ is served, and only GET, HEAD and OPTIONS are accepted", async () => {
  expect((await get(`${base}../package.json`)).status).toBe(404);
  expect((await get(`${base}%2e%2e/package.json`)).status).toBe(404);
  expect((await get(`${base}missing.js`)).status).toBe(404);
  expect((await get(`${base}functions.json`, {}, "POST")).status).toBe(405);
  const head = await get(`${base}functions.json`, { Origin: EXCEL_WEB }, "HEAD");
  expect([head.status, head.body, head.headers["access-control-allow-origin"]]).toEqual([200, "", "*"]);
  expect(resolveFile(join(tmp, "dist"), "/%E0%A4%A")).toBeUndefined();
});

test("headersFor: the rules deploy/ configures for other hosts", () => {
  expect(headersFor("functions-fr.json")).toMatchObject({ "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" });
  expect(headersFor("manifest.xml")).toMatchObject({ "Cache-Control": "no-store" });
  expect(headersFor("manifest.xml")["Access-Control-Allow-Origin"]).toBeUndefined();
  expect(headersFor("assets/icon-32.png")).toMatchObject({ "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" });
  expect(headersFor("taskpane.js")).toMatchObject({ "Cache-Control": "no-cache" });
});
