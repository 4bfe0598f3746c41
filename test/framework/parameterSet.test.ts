/** Framework parameter sets: a fingerprint that only the values decide, publish → verify → adopt → deviations, and the CLI. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describeError, translate } from "../../src/i18n";
import {
  DEFAULT_PARAMETERS,
  type ParameterSet,
  type Parameters,
  canonicalJson,
  deviationsFrom,
  fingerprintOf,
  parametersFromJson,
  publishParameterSet,
  verifyParameterSet,
} from "../../src/model";

const ROOT = resolve(__dirname, "../..");
const example = JSON.parse(readFileSync(join(ROOT, "examples/parameters.json"), "utf8")) as Partial<Parameters>;
const P: Parameters = { ...DEFAULT_PARAMETERS, ...example };
const INFO = {
  name: "Vlaanderen ICT 2027",
  version: "1.0",
  date: "2026-12-03",
  publisher: "Central purchasing body",
  local: ["electricityPricePerKWh" as const],
};

describe("canonical JSON and fingerprint", () => {
  it("sorts keys at every depth and writes numbers once", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 0.04, e: -0 }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"e":0,"f":0.04}]},"b":1}');
    expect(canonicalJson(JSON.parse('{"r": 4e-2}'))).toBe(canonicalJson({ r: 0.04 }));
    expect(() => canonicalJson({ x: NaN })).toThrow(/finite/);
  });

  it("is the SHA-256 of that canonical text, the same as node:crypto computes (no criteria: left out, as sets published before them)", async () => {
    expect(P.criteria).toEqual([]);
    const { criteria: _none, ...before } = P;
    void _none;
    const expected = createHash("sha256")
      .update(canonicalJson({ local: ["electricityPricePerKWh"], parameters: before }))
      .digest("hex");
    expect(await fingerprintOf(P, ["electricityPricePerKWh"])).toBe(`sha256:${expected}`);
  });

  it("does not depend on key order or number spelling, and changes with any value", async () => {
    const reordered = Object.fromEntries(Object.entries(P).reverse()) as unknown as Parameters;
    const respelled = JSON.parse(JSON.stringify(P).replace('"discountRate":0.04', '"discountRate":4e-2')) as Parameters;
    const base = await fingerprintOf(P);
    expect(await fingerprintOf(reordered)).toBe(base);
    expect(await fingerprintOf(respelled)).toBe(base);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<keyof Parameters>("discountRate", "electricityPricePerKWh", "evaluationYears", "pricePoints", "co2PricePerTonne"),
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        async (key, delta) => {
          const changed = { ...P, [key]: (P[key] as number) + delta };
          expect(await fingerprintOf(changed)).not.toBe(base);
        },
      ),
      { numRuns: 40 },
    );
    expect(await fingerprintOf(P, ["electricityPricePerKWh"])).not.toBe(base);
  });
});

describe("publish, verify, adopt, deviate", () => {
  it("a published set verifies and names itself in its parameters", async () => {
    const set = await publishParameterSet(P, INFO);
    expect(set.parameters.parameterSetName).toBe("Vlaanderen ICT 2027");
    expect(set.parameters.parameterSetVersion).toBe("1.0");
    expect(Object.keys(set.parameters).sort()).toEqual(Object.keys(DEFAULT_PARAMETERS).sort());
    const read = await verifyParameterSet(JSON.parse(JSON.stringify(set)));
    expect(read.ok).toBe(true);
  });

  it("a tampered value is refused with the two fingerprints", async () => {
    const set = await publishParameterSet(P, INFO);
    const tampered = { ...set, parameters: { ...set.parameters, discountRate: 0.06 } };
    const read = await verifyParameterSet(tampered);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0].rule).toBe("fingerprintMismatch");
    expect(describeError(read.problems[0], "nl")).toMatch(
      /^fingerprint klopt niet met de waarden: sha256:[0-9a-f]{64} ≠ sha256:[0-9a-f]{64}\. De waarden zijn na publicatie gewijzigd/,
    );
  });

  it("refuses a newer format, an unknown key and a bad value by their path", async () => {
    const set = await publishParameterSet(P, INFO);
    const rules = async (json: unknown) => {
      const read = await verifyParameterSet(json);
      return read.ok ? [] : read.problems.map((p) => [p.argument, p.rule]);
    };
    expect(await rules({ ...set, formatVersion: 2 })).toEqual([["formatVersion", "newerFormat"]]);
    expect(await rules({ ...set, format: "something else" })).toEqual([["format", "notAParameterSet"]]);
    expect(await rules({ ...set, parameters: { ...set.parameters, discountrate: 0.04 } })).toEqual([
      ["parameters.discountrate", "unknownParameter"],
    ]);
    expect(await rules({ ...set, parameters: { ...set.parameters, timing: "start" } })).toEqual([["parameters.timing", "unknownOption"]]);
    expect(await rules({ ...set, local: ["electricityPrice"] })).toEqual([["local[0]", "unknownParameter"]]);
    expect(await rules({ ...set, publisher: undefined })).toEqual([["publisher", "missing"]]);
    expect(await rules([1, 2])).toEqual([["file", "notAParameterSet"]]);
  });

  it("lists deviations exactly, local ones marked as allowed", async () => {
    const set = await publishParameterSet(P, INFO);
    const mine: Parameters = { ...set.parameters, electricityPricePerKWh: 0.31, discountRate: 0.05, parameterSetName: "renamed" };
    expect(deviationsFrom(set as ParameterSet, mine)).toEqual([
      { field: "discountRate", frameworkValue: 0.04, localValue: 0.05, allowed: false },
      { field: "electricityPricePerKWh", frameworkValue: 0.2, localValue: 0.31, allowed: true },
    ]);
    expect(deviationsFrom(set, set.parameters)).toEqual([]);
  });

  it("parametersFromJson takes the defaults for missing keys", () => {
    expect(parametersFromJson({ discountRate: 0.05 }).parameters).toEqual({ ...DEFAULT_PARAMETERS, discountRate: 0.05 });
  });
});

describe("npm run framework", () => {
  const work = mkdtempSync(join(tmpdir(), "framework-cli-"));
  const run = (...args: string[]) => spawnSync("npx", ["tsx", "scripts/framework-cli.ts", ...args], { cwd: ROOT, encoding: "utf8" });
  const out = join(work, "set.json");

  it("publishes a set that verifies, and refuses it once a value is changed", () => {
    const published = run(
      "publish",
      "--parameters",
      "examples/parameters.json",
      "--name",
      "Vlaanderen ICT 2027",
      "--version",
      "1.0",
      "--publisher",
      "CPB",
      "--date",
      "2026-12-03",
      "--local",
      "electricityPricePerKWh",
      "--out",
      out,
    );
    expect(published.stderr).toBe("");
    expect(published.status).toBe(0);
    const set = JSON.parse(readFileSync(out, "utf8")) as ParameterSet;
    expect(set).toMatchObject({
      format: "circular-ict-lcc/parameter-set",
      formatVersion: 1,
      name: "Vlaanderen ICT 2027",
      version: "1.0",
      date: "2026-12-03",
      publisher: "CPB",
      local: ["electricityPricePerKWh"],
    });
    expect(set.parameters.discountRate).toBe(0.04);
    expect(published.stdout).toContain(set.fingerprint);

    const ok = run("verify", out);
    expect([ok.status, ok.stdout.trim()]).toEqual([
      0,
      `${out}: "Vlaanderen ICT 2027" version 1.0 (2026-12-03, CPB): values match ${set.fingerprint}`,
    ]);

    writeFileSync(out, readFileSync(out, "utf8").replace('"evaluationYears": 5', '"evaluationYears": 6'));
    const bad = run("verify", out, "--lang", "fr");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${out}: fingerprint ne correspond pas aux valeurs : ${set.fingerprint} ≠ sha256:`);
  });

  it("refuses an unknown local parameter and a missing option", () => {
    const r = run(
      "publish",
      "--parameters",
      "examples/parameters.json",
      "--name",
      "x",
      "--version",
      "1",
      "--local",
      "electricityPrice",
      "--out",
      out,
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--local: electricityPrice is not a parameter; known:");
    const missing = run("publish", "--parameters", "examples/parameters.json", "--out", out);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("publish needs --parameters, --name, --version and --out");
  });

  it("the template CLI adopts a published set with --parameters, and refuses a tampered one", async () => {
    const setFile = join(work, "adopt.json");
    writeFileSync(setFile, JSON.stringify(await publishParameterSet({ ...P, discountRate: 0.025, evaluationYears: 6 }, INFO)));
    const xlsx = join(work, "adopted.xlsx");
    const adopted = spawnSync("npx", ["tsx", "scripts/template-cli.ts", "computers", "--parameters", setFile, "--out", xlsx], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(adopted.status).toBe(0);
    expect(adopted.stdout).toMatch(
      /^Parameter set "Vlaanderen ICT 2027" version 1\.0 \(Central purchasing body, 2026-12-03\), sha256:[0-9a-f]{64}$/m,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const values = book
      .getWorksheet(translate("en", "templates", "sheet.parameters"))!
      .getSheetValues()
      .flat()
      .filter((v) => v !== undefined && v !== null);
    expect(values).toContain("Vlaanderen ICT 2027");
    expect(values).toContain(0.025);
    expect(values).toContain(6);
    // The workbook compares with the set it was written from: its fingerprint is on the Parameters sheet.
    const written = JSON.parse(readFileSync(setFile, "utf8")) as ParameterSet;
    expect(values).toContain(written.fingerprint);
    expect(values).toContain(translate("en", "templates", "framework.header.check"));

    writeFileSync(setFile, readFileSync(setFile, "utf8").replace('"discountRate":0.025', '"discountRate":0.02'));
    const refused = spawnSync(
      "npx",
      ["tsx", "scripts/template-cli.ts", "computers", "--parameters", setFile, "--lang", "nl", "--out", xlsx + "2"],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("fingerprint klopt niet met de waarden");
  });
});
