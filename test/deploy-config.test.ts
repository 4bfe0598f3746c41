/**
 * The ready host configurations in deploy/ say what `npm run serve:dist` does (scripts/serve-dist.cjs,
 * tested live in test/deploy.test.ts): CORS and no-store on the function metadata, no-store on the
 * manifest, nosniff everywhere, and nothing that would stop Office from framing the pane.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { headersFor } from "../scripts/serve-dist.cjs";

const DEPLOY = join(__dirname, "..", "deploy");
const read = (name: string): string => readFileSync(join(DEPLOY, name), "utf8");
const METADATA = ["functions.json", "functions-nl.json", "functions-fr.json"];

test("the reference server's rules, which every configuration below repeats", () => {
  for (const f of METADATA) expect(headersFor(f)).toMatchObject({ "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" });
  expect(headersFor("manifest.xml")).toMatchObject({ "Cache-Control": "no-store", "Content-Type": "application/xml; charset=utf-8" });
});

test("Azure Static Web Apps: routes for the metadata and the manifest, global nosniff", () => {
  const config = JSON.parse(read("staticwebapp.config.json")) as {
    globalHeaders: Record<string, string>;
    routes: { route: string; headers: Record<string, string> }[];
  };
  const route = (r: string) => config.routes.find((x) => x.route === r)?.headers;
  for (const f of METADATA) expect([f, route(`/${f}`)]).toEqual([f, { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" }]);
  expect(route("/manifest.xml")).toEqual({ "Cache-Control": "no-store" });
  expect(config.globalHeaders["X-Content-Type-Options"]).toBe("nosniff");
});

test("IIS web.config: a location per metadata file with CORS and no-store, and the manifest not cached", () => {
  const doc = new DOMParser().parseFromString(read("web.config"), "text/xml");
  const locations = Array.from(doc.getElementsByTagName("location"));
  const headersAt = (path: string) => {
    const loc = locations.find((l) => l.getAttribute("path") === path);
    return Object.fromEntries(
      Array.from(loc?.getElementsByTagName("add") ?? []).map((a) => [a.getAttribute("name"), a.getAttribute("value")]),
    );
  };
  for (const f of METADATA) expect([f, headersAt(f)]).toEqual([f, { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" }]);
  expect(headersAt("manifest.xml")).toEqual({ "Cache-Control": "no-store" });
});

test.each(["nginx.conf", "apache.htaccess"])("%s: metadata pattern with CORS and no-store, manifest no-store, nosniff", (name) => {
  const text = read(name);
  expect(text).toContain("functions(-[a-z]{2})?\\.json$");
  expect(text).toMatch(/Access-Control-Allow-Origin "\*"/);
  expect(text).toMatch(/manifest\.xml[\s\S]{0,80}Cache-Control "no-store"/);
  expect(text).toMatch(/X-Content-Type-Options "?nosniff/);
});

test.each(["nginx.conf", "apache.htaccess", "web.config", "staticwebapp.config.json"])(
  "%s never forbids framing (Office frames the pane)",
  (name) => {
    const settings = read(name)
      .split("\n")
      .filter((l) => !/^\s*(#|<!--)/.test(l) && !/Do not|Never/i.test(l))
      .join("\n");
    expect(settings).not.toMatch(/X-Frame-Options|frame-ancestors/i);
  },
);
