/**
 * scripts/functions-locales.cjs: functions-nl.json and functions-fr.json derived from the generated
 * functions.json keep every id, parameter, type and flag, take names and descriptions from the tables,
 * and a missing or stale translation fails the build (unit level and in a real webpack compilation).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack from "webpack";
import type { Metadata } from "./functionsJson";

interface Locales {
  buildLocalizedMetadata(metadata: Metadata, dir: string, locales: string[]): Record<string, Metadata>;
  LocalizedFunctionsMetadataPlugin: new (options?: object) => webpack.WebpackPluginInstance;
}

const load = createRequire(__filename);
const locales = load("../../scripts/functions-locales.cjs") as Locales;
const { generateCustomFunctionsMetadata } = load("custom-functions-metadata/lib/generate") as {
  generateCustomFunctionsMetadata(input: string[]): Promise<{ metadataJson: string; errors: string[] }>;
};
const CustomFunctionsMetadataPlugin = load("custom-functions-metadata-plugin") as new (o: object) => webpack.WebpackPluginInstance;

const ROOT = resolve(__dirname, "../..");
const ENTRY = join(ROOT, "src/functions/functions.ts");
const TABLES = join(ROOT, "src/i18n");

let metadata: Metadata;
let scratch: string;

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata([ENTRY]);
  expect(r.errors).toEqual([]);
  metadata = JSON.parse(r.metadataJson) as Metadata;
});
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "gpp-locales-"));
  for (const lang of ["en", "nl", "fr"]) cpSync(join(TABLES, lang, "functions.json"), join(scratch, lang, "functions.json"));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Edits one table in the scratch copy. */
function editTable(
  lang: string,
  edit: (t: Record<string, Record<string, unknown> & { parameters: Record<string, unknown> }>) => void,
): void {
  const file = join(scratch, lang, "functions.json");
  const table = JSON.parse(readFileSync(file, "utf8"));
  edit(table);
  writeFileSync(file, JSON.stringify(table));
}

const problemsOf = (): string => {
  try {
    locales.buildLocalizedMetadata(metadata, scratch, ["nl", "fr"]);
    return "";
  } catch (e) {
    return (e as Error).message;
  }
};

test("the tables translate every function: same ids, parameters, types and flags; localised texts", () => {
  const out = locales.buildLocalizedMetadata(metadata, TABLES, ["nl", "fr"]);
  for (const lang of ["nl", "fr"] as const) {
    const table = JSON.parse(readFileSync(join(TABLES, lang, "functions.json"), "utf8"));
    expect(out[lang].functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    out[lang].functions.forEach((f, i) => {
      const en = metadata.functions[i];
      expect(f.result).toEqual(en.result);
      expect(f.parameters.map(({ description: _d, ...rest }) => rest)).toEqual(en.parameters.map(({ description: _d, ...rest }) => rest));
      expect(f.name).toBe(table[f.id].name);
      expect(f.description).toBe(table[f.id].description);
      expect(f.description).not.toBe(en.description);
      f.parameters.forEach((p) => expect(p.description).toBe(table[f.id].parameters[p.name]));
    });
  }
});

test("a missing translation fails with the language, function and field", () => {
  editTable("nl", (t) => delete t.LCC.parameters.price);
  editTable("fr", (t) => {
    delete t.TEC;
    t.EAC.description = " ";
  });
  const message = problemsOf();
  expect(message).toContain("nl: LCC.parameters.price is missing");
  expect(message).toContain("fr: no translation for TEC");
  expect(message).toContain("fr: EAC.description is missing");
});

test("stale entries and parameters that do not exist fail too", () => {
  editTable("nl", (t) => {
    t.OLDFUNCTION = { name: "OLDFUNCTION", description: "x", parameters: {} };
    t.LCC.parameters.prijs = "x";
  });
  const message = problemsOf();
  expect(message).toContain("nl: OLDFUNCTION is not a GPP function");
  expect(message).toContain("nl: LCC.parameters.prijs is not a parameter of LCC");
});

test("a localised name must be a valid Excel name, unique, and not a cell address", () => {
  // Each Dutch name given, next to the problem it must raise; none for a name that only starts like an address.
  const names: readonly (readonly [id: string, name: string, problem: string | undefined])[] = [
    ["LCC", "LCK2024", 'nl: LCC.name "LCK2024" looks like a cell address'], // column LCK, row 2024
    ["CO2SHARE", "CO2AANDEEL", undefined],
    ["EAC", "R1C1", 'nl: EAC.name "R1C1" looks like a cell address'],
    ["TEC", "1TEC", 'nl: TEC.name "1TEC" is not a valid Excel function name'],
    ["PVFACTOR", "CO2GEBRUIK", 'nl: CO2USE.name "CO2GEBRUIK" is also the name of PVFACTOR'], // the Dutch name of CO2USE
    ["CO2COST", "CO2.KOSTEN", 'nl: CO2COST.name "CO2.KOSTEN" has a part that is a cell address (CO2)'], // CO2: column CO, row 2
  ];
  editTable("nl", (t) => {
    for (const [id, name] of names) t[id].name = name;
  });
  const message = problemsOf();
  for (const [, name, problem] of names) {
    if (problem) expect(message).toContain(problem);
    else expect(message).not.toContain(name);
  }
});

test("the English table must say what the JSDoc says (en is the reference)", () => {
  editTable("en", (t) => {
    t.LCC.description = "Something else.";
    t.PVFACTOR.parameters.years = "Other words.";
  });
  const message = problemsOf();
  expect(message).toContain("en: LCC.description differs from the JSDoc");
  expect(message).toContain("en: PVFACTOR.parameters.years differs from the JSDoc");
});

describe("in a webpack compilation, after CustomFunctionsMetadataPlugin", () => {
  function compile(tables: string, out: string): Promise<webpack.Stats> {
    const compiler = webpack({
      mode: "development",
      devtool: false,
      context: ROOT,
      entry: { functions: ENTRY },
      output: { path: out, filename: "[name].js" },
      resolve: { extensions: [".ts", ".js"] },
      module: { rules: [{ test: /\.ts$/, loader: "ts-loader", exclude: /node_modules/, options: { transpileOnly: true } }] },
      plugins: [
        new CustomFunctionsMetadataPlugin({ output: "functions.json", input: ENTRY }),
        new locales.LocalizedFunctionsMetadataPlugin({ tables }),
      ],
    });
    return new Promise((done, fail) => compiler.run((e, stats) => (e || !stats ? fail(e) : compiler.close(() => done(stats)))));
  }

  test("emits functions-nl.json and functions-fr.json with the ids of functions.json", async () => {
    const out = join(scratch, "dist");
    const stats = await compile(TABLES, out);
    expect(stats.compilation.errors.map((e) => e.message)).toEqual([]);
    const ids = (name: string) => (JSON.parse(readFileSync(join(out, name), "utf8")) as Metadata).functions.map((f) => f.id);
    expect(ids("functions-nl.json")).toEqual(ids("functions.json"));
    expect(ids("functions-fr.json")).toEqual(ids("functions.json"));
  });

  test("fails the build when a translation is missing", async () => {
    editTable("fr", (t) => delete t.CO2SHARE.parameters.years);
    const stats = await compile(scratch, join(scratch, "dist"));
    expect(stats.hasErrors()).toBe(true);
    expect(stats.compilation.errors.map((e) => e.message).join("\n")).toContain("fr: CO2SHARE.parameters.years is missing");
  });
});
