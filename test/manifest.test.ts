/**
 * manifest.xml, checked offline (the Microsoft validator is a web service): well-formedness with xmllint,
 * schema element order, resid resolution, https everywhere, the shared-runtime wiring, locale overrides,
 * icons, and the production URL rewrite the build applies (ADDIN_PUBLIC_URL).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { DEV_ORIGIN, normalisePublicUrl, officeVersion, rewriteManifestUrls, setManifestVersion } from "../scripts/manifest-url.cjs";

const ROOT = join(__dirname, "..");
const SOURCE = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const LOCALES = ["nl-nl", "nl-be", "fr-fr", "fr-be"];
const PUBLIC = "https://lcc.example.eu/";

function parse(xml: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`manifest XML ${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  if (!doc.documentElement) throw new Error("manifest has no root element");
  return doc.documentElement;
}
const kids = (el: Element): Element[] => Array.from(el.children);
const names = (el: Element): string[] => kids(el).map((c) => c.localName ?? "");
function child(el: Element, name: string): Element {
  const found = kids(el).filter((c) => c.localName === name);
  if (found.length !== 1) throw new Error(`<${el.localName}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}
const path = (el: Element, ...steps: string[]): Element => steps.reduce(child, el);
const all = (el: Element, name: string): Element[] => Array.from(el.getElementsByTagNameNS("*", name));
const attr = (el: Element, name: string): string => {
  const value = el.getAttribute(name);
  if (value === null) throw new Error(`<${el.localName}> lacks ${name}=`);
  return value;
};
const overrides = (el: Element): Record<string, string> =>
  Object.fromEntries(
    kids(el)
      .filter((c) => c.localName === "Override")
      .map((o) => [attr(o, "Locale"), attr(o, "Value")]),
  );

/** Resource tables: kind -> id -> element. */
function resources(root: Element) {
  const res = path(root, "VersionOverrides", "Resources");
  const table = (group: string) => new Map(kids(child(res, group)).map((e) => [attr(e, "id"), e]));
  const strings = new Map([...table("ShortStrings"), ...table("LongStrings")]);
  return { images: table("Images"), urls: table("Urls"), strings, short: table("ShortStrings"), long: table("LongStrings") };
}

function xmllint(args: string[], input?: string): void {
  const run = spawnSync("xmllint", args, { input, encoding: "utf8" });
  if (run.error) throw new Error(`xmllint is required (apt-get install libxml2-utils): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`xmllint rejected the manifest:\n${run.stderr}`);
}

const root = parse(SOURCE);
const host = path(root, "VersionOverrides", "Hosts", "Host");
const res = resources(root);
const url = (resid: string) => attr(res.urls.get(resid) ?? fail(`no bt:Url ${resid}`), "DefaultValue");
function fail(message: string): never {
  throw new Error(message);
}

describe("manifest.xml structure", () => {
  test("is well-formed XML according to xmllint", () => {
    xmllint(["--noout", join(ROOT, "manifest.xml")]);
  });

  test("top-level elements follow the OfficeApp schema order", () => {
    const schema = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ];
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    expect(names(root)).toEqual(schema.filter((n) => names(root).includes(n)));
    // Every element of the schema but the optional AlternateId, AppDomains and AllowSnapshot.
    expect(names(root)).toEqual(schema.filter((n) => !["AlternateId", "AppDomains", "AllowSnapshot"].includes(n)));
  });

  test("identity, version, host and permissions", () => {
    expect(child(root, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(child(root, "Version").textContent).toBe(`${pkg.version}.0`);
    expect(child(root, "DefaultLocale").textContent).toBe("en-US");
    expect(kids(child(root, "Hosts")).map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(child(root, "Permissions").textContent).toBe("ReadWriteDocument");
    const sets = kids(path(root, "Requirements", "Sets")).map((s) => [attr(s, "Name"), attr(s, "MinVersion")]);
    expect(sets).toEqual([
      ["SharedRuntime", "1.1"],
      ["CustomFunctionsRuntime", "1.1"],
    ]);
  });

  test("<Runtimes> comes first under <Host>, with one long-lived runtime", () => {
    expect(host.getAttributeNS(XSI, "type")).toBe("Workbook");
    expect(names(host)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const runtimes = kids(child(host, "Runtimes"));
    expect(runtimes.map((r) => [r.localName, attr(r, "resid"), attr(r, "lifetime")])).toEqual([["Runtime", "Taskpane.Url", "long"]]);
    expect(names(child(host, "DesktopFormFactor"))).toEqual(["GetStarted", "FunctionFile", "ExtensionPoint"]);
  });

  test("has no <TaskpaneId> (it would open a second runtime)", () => {
    expect(all(root, "TaskpaneId")).toHaveLength(0);
    expect(SOURCE).not.toMatch(/TaskpaneId/);
  });

  test("every resid resolves to a resource of the right kind, and resource ids are unique and short", () => {
    const used = all(root, "*").filter((e) => e.hasAttribute("resid"));
    expect(used).toHaveLength(20);
    for (const e of used) {
      const resid = attr(e, "resid");
      const kind =
        e.localName === "Image"
          ? res.images
          : ["Runtime", "SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(e.localName ?? "")
            ? res.urls
            : res.strings;
      if (!kind.has(resid)) throw new Error(`<${e.localName} resid="${resid}"> does not resolve`);
    }
    const ids = [...res.images.keys(), ...res.urls.keys(), ...res.strings.keys()];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32); // schema limit for resid
    // Nothing unused either: every resource is referenced.
    expect(new Set(used.map((e) => attr(e, "resid")))).toEqual(new Set(ids));
  });

  test("every URL is https", () => {
    const urls = all(root, "*")
      .flatMap((e) =>
        Array.from(e.attributes)
          .filter((a) => !a.name.startsWith("xmlns"))
          .map((a) => a.value),
      )
      .filter((v) => /^[a-z][a-z0-9+.-]*:/i.test(v));
    expect(urls).toHaveLength(15);
    for (const u of urls) expect(u).toMatch(/^https:\/\/[^\s]+$/);
    expect(urls.filter((u) => !u.startsWith(DEV_ORIGIN))).toEqual([]); // one origin, so one setting moves all
  });

  test("the runtime, the functions page, the function file and the button share one resid", () => {
    const cf = path(host, "AllFormFactors", "ExtensionPoint");
    expect(cf.getAttributeNS(XSI, "type")).toBe("CustomFunctions");
    const desktop = child(host, "DesktopFormFactor");
    const buttons = all(desktop, "Control");
    expect(buttons).toHaveLength(1);
    const action = child(buttons[0], "Action");
    expect(action.getAttributeNS(XSI, "type")).toBe("ShowTaskpane");
    expect(names(action)).toEqual(["SourceLocation"]);
    const resids = [
      attr(path(host, "Runtimes", "Runtime"), "resid"),
      attr(path(cf, "Page", "SourceLocation"), "resid"),
      attr(child(desktop, "FunctionFile"), "resid"),
      attr(child(action, "SourceLocation"), "resid"),
    ];
    expect(resids).toEqual(["Taskpane.Url", "Taskpane.Url", "Taskpane.Url", "Taskpane.Url"]);
    expect(url("Taskpane.Url")).toBe("https://localhost:3000/taskpane.html");
    expect(attr(path(root, "DefaultSettings", "SourceLocation"), "DefaultValue")).toBe(url("Taskpane.Url"));
  });

  test("custom functions: script, metadata per locale, namespace GPP", () => {
    const cf = path(host, "AllFormFactors", "ExtensionPoint");
    expect(names(cf)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(url(attr(path(cf, "Script", "SourceLocation"), "resid"))).toBe("https://localhost:3000/functions.js");
    const metadata = res.urls.get(attr(path(cf, "Metadata", "SourceLocation"), "resid")) ?? fail("no metadata url");
    expect(attr(metadata, "DefaultValue")).toBe("https://localhost:3000/functions.json");
    expect(overrides(metadata)).toEqual({
      "nl-nl": "https://localhost:3000/functions-nl.json",
      "nl-be": "https://localhost:3000/functions-nl.json",
      "fr-fr": "https://localhost:3000/functions-fr.json",
      "fr-be": "https://localhost:3000/functions-fr.json",
    });
    const namespace = res.strings.get(attr(child(cf, "Namespace"), "resid")) ?? fail("no namespace string");
    expect(attr(namespace, "DefaultValue")).toBe("GPP");
    expect(overrides(namespace)).toEqual({}); // workbooks store GPP.<ID>: never per language
  });

  test("display name and description are translated for nl-nl, nl-be, fr-fr, fr-be", () => {
    const displayName = child(root, "DisplayName");
    const description = child(root, "Description");
    expect(attr(displayName, "DefaultValue")).toBe("Circular ICT — life-cycle costing");
    expect(Object.keys(overrides(displayName))).toEqual(LOCALES);
    expect(overrides(displayName)["nl-be"]).toBe("Circulaire ICT — levenscycluskosten");
    expect(overrides(displayName)["fr-fr"]).toBe("TIC circulaire — coût du cycle de vie");
    expect(Object.keys(overrides(description))).toEqual(LOCALES);
    for (const [el, max] of [
      [displayName, 125],
      [description, 250],
    ] as const) {
      for (const text of [attr(el, "DefaultValue"), ...Object.values(overrides(el))]) {
        expect(text.trim().length).toBeGreaterThan(10);
        expect(text.length).toBeLessThanOrEqual(max);
      }
    }
  });

  test("ribbon: one Circular ICT group on the Home tab, labels and tooltips translated", () => {
    const point = path(host, "DesktopFormFactor", "ExtensionPoint");
    expect(point.getAttributeNS(XSI, "type")).toBe("PrimaryCommandSurface");
    const tab = child(point, "OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    const group = child(tab, "Group");
    expect(attr(res.strings.get(attr(child(group, "Label"), "resid")) ?? fail("label"), "DefaultValue")).toBe("Circular ICT");
    const localised = [...res.strings.entries()].filter(([id]) => id !== "Functions.Namespace");
    expect(localised.map(([id]) => id).sort()).toEqual([
      "GetStarted.Description",
      "GetStarted.Title",
      "Group.Label",
      "OpenPane.Label",
      "OpenPane.Tooltip",
    ]);
    for (const [id, el] of localised) {
      const values = overrides(el);
      expect([id, Object.keys(values)]).toEqual([id, LOCALES]);
      for (const v of Object.values(values)) expect(v.trim()).not.toBe("");
      expect(values["fr-fr"]).not.toBe(attr(el, "DefaultValue"));
    }
    for (const [, el] of res.short)
      for (const v of [attr(el, "DefaultValue"), ...Object.values(overrides(el))]) expect(v.length).toBeLessThanOrEqual(125);
    for (const [, el] of res.long)
      for (const v of [attr(el, "DefaultValue"), ...Object.values(overrides(el))]) expect(v.length).toBeLessThanOrEqual(250);
  });

  test("icons are committed PNGs of the declared sizes", () => {
    const pngSize = (file: string): number[] => {
      const b = readFileSync(file);
      expect(b.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
      return [b.readUInt32BE(16), b.readUInt32BE(20)];
    };
    const fileOf = (u: string) => join(ROOT, u.slice(DEV_ORIGIN.length));
    expect(attr(child(root, "IconUrl"), "DefaultValue")).toBe("https://localhost:3000/assets/icon-32.png");
    expect(attr(child(root, "HighResolutionIconUrl"), "DefaultValue")).toBe("https://localhost:3000/assets/icon-64.png");
    expect(pngSize(fileOf(attr(child(root, "IconUrl"), "DefaultValue")))).toEqual([32, 32]);
    expect(pngSize(fileOf(attr(child(root, "HighResolutionIconUrl"), "DefaultValue")))).toEqual([64, 64]);
    const images = all(host, "Image");
    expect(images.length).toBe(6);
    for (const image of images) {
      const size = Number(attr(image, "size"));
      expect(pngSize(fileOf(attr(res.images.get(attr(image, "resid")) ?? fail("image"), "DefaultValue")))).toEqual([size, size]);
    }
    for (const size of [16, 32, 64, 80]) expect(pngSize(join(ROOT, `assets/icon-${size}.png`))).toEqual([size, size]);
  });
});

describe("production URLs (ADDIN_PUBLIC_URL)", () => {
  const devUrls = SOURCE.split(DEV_ORIGIN).length - 1;

  test("the rewrite replaces every localhost URL and keeps the manifest valid", () => {
    expect(devUrls).toBe(15);
    const out = rewriteManifestUrls(SOURCE, PUBLIC);
    expect(out).not.toMatch(/localhost/);
    expect(out.split(PUBLIC).length - 1).toBe(devUrls);
    xmllint(["--noout", "-"], out);
    const rewritten = resources(parse(out));
    expect(attr(rewritten.urls.get("Taskpane.Url")!, "DefaultValue")).toBe("https://lcc.example.eu/taskpane.html");
    expect(overrides(rewritten.urls.get("Functions.Metadata.Url")!)["fr-be"]).toBe("https://lcc.example.eu/functions-fr.json");
  });

  test("the public URL may carry a path; it must be https without query", () => {
    expect(normalisePublicUrl("https://example.org/lcc")).toBe("https://example.org/lcc/");
    expect(rewriteManifestUrls('<a b="https://localhost:3000/x.js"/>', "https://example.org/tools&more/")).toBe(
      '<a b="https://example.org/tools&amp;more/x.js"/>',
    );
    expect(() => normalisePublicUrl("http://lcc.example.eu/")).toThrow(/https/);
    expect(() => normalisePublicUrl("lcc.example.eu")).toThrow(/not a URL/);
    expect(() => normalisePublicUrl("https://lcc.example.eu/?v=1")).toThrow(/query/);
  });

  test("webpack.config.js applies the rewrite to dist/manifest.xml in production builds only", () => {
    // Runs the real config's copy transform in a child process (plain CommonJS, as webpack loads it).
    const probe = `
      const cfg = require("./webpack.config.js");
      const fs = require("fs");
      const src = fs.readFileSync("manifest.xml");
      const out = (mode) => {
        const c = cfg({}, { mode });
        const copy = c.plugins.find((p) => p.constructor.name === "CopyPlugin");
        const pattern = copy.patterns.find((p) => p.from === "manifest.xml");
        return pattern.transform(src, "manifest.xml").toString();
      };
      process.stdout.write(JSON.stringify({ production: out("production"), development: out("development") }));`;
    const run = (env: NodeJS.ProcessEnv) =>
      JSON.parse(execFileSync(process.execPath, ["-e", probe], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" })) as Record<
        string,
        string
      >;
    const withUrl = run({ ADDIN_PUBLIC_URL: PUBLIC });
    expect(withUrl.production).toBe(rewriteManifestUrls(SOURCE, PUBLIC));
    expect(withUrl.development).toBe(SOURCE);
    const { ADDIN_PUBLIC_URL: _ignored, ...rest } = process.env;
    expect(run({ ...rest, ADDIN_PUBLIC_URL: "" }).production).toBe(SOURCE);
  });

  test("the build writes <Version> from package.json, so each release invalidates Excel's metadata cache", () => {
    const probe = `
      const { manifestTransform } = require("./webpack.config.js");
      const src = require("fs").readFileSync("manifest.xml");
      process.stdout.write(JSON.stringify(["2.3.4", "10.0.17"].map((v) => manifestTransform("development", undefined, v)(src).toString())));`;
    const [a, b] = JSON.parse(execFileSync(process.execPath, ["-e", probe], { cwd: ROOT, encoding: "utf8" })) as string[];
    expect(child(parse(a), "Version").textContent).toBe("2.3.4.0");
    expect(child(parse(b), "Version").textContent).toBe("10.0.17.0");
    expect(a.replace("2.3.4.0", "0.1.0.0")).toBe(SOURCE.replace(/<Version>[^<]*</, "<Version>0.1.0.0<"));
    expect(() => officeVersion("1.0.0-beta.1")).toThrow(/major.minor.patch/);
    expect(() => setManifestVersion("<a/>", "1.0.0")).toThrow(/exactly one <Version>/);
  });

  test("dist/manifest.xml, when built, is the source with all URLs moved consistently", () => {
    const built = join(ROOT, "dist", "manifest.xml");
    if (!existsSync(built)) return; // no build yet: covered by test/build.test.ts, which demands one
    const text = readFileSync(built, "utf8");
    const pane = attr(resources(parse(text)).urls.get("Taskpane.Url")!, "DefaultValue");
    expect(pane).toMatch(/^https:\/\/.+\/taskpane\.html$/);
    const base = pane.slice(0, -"taskpane.html".length);
    expect(text).toBe(base === DEV_ORIGIN ? SOURCE : rewriteManifestUrls(SOURCE, base));
  });
});

describe("office-addin-manifest reads the manifest as Office tooling does (offline: its validate command needs a web service)", () => {
  test("identity, host, permissions and start page", () => {
    // The CLI, run in Node: its library pulls ESM-only modules that jest's CommonJS runtime cannot load.
    const cli = join(__dirname, "..", "node_modules", "office-addin-manifest", "cli.js");
    const run = spawnSync(process.execPath, [cli, "info", "manifest.xml"], { cwd: join(__dirname, ".."), encoding: "utf8" });
    expect(run.status).toBe(0);
    const field = (name: string) => new RegExp(`^\\s*${name}: (.*)$`, "m").exec(run.stdout)?.[1]?.trim();
    const id = /<Id>([^<]+)<\/Id>/.exec(readFileSync(join(__dirname, "..", "manifest.xml"), "utf8"))?.[1];
    expect(field("Id")).toBe(id);
    expect(field("Name")).toBe("Circular ICT — life-cycle costing");
    expect(field("Hosts")).toBe("Workbook");
    expect(field("Permissions")).toBe("ReadWriteDocument");
    expect(field("Source Location")).toBe("https://localhost:3000/taskpane.html");
  });
});
