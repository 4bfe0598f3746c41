/** The cell plan itself: wording in three languages, classic functions only, Excel's limits, coverage. */
import { LANGUAGES, type Language, sectionOf, translate } from "../../src/i18n";
import {
  DEFAULT_PARAMETERS,
  ELECTRICITY_PRICE_HINT,
  PRODUCT_GROUPS as TEMPLATE_KINDS,
  type ProductGroup as TemplateKind,
  evaluateComparison,
} from "../../src/model";
import { type CellPlan, PARAMETER_ROWS, buildPlan, parameterName } from "../../src/templates";
import { isFormula } from "../../src/templates/plan";
import { cellAddress, parseCell } from "../../src/templates/address";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { CATALOGUE } from "../../src/model/criteria";

const plans: [TemplateKind, Language, CellPlan][] = TEMPLATE_KINDS.flatMap((kind) =>
  LANGUAGES.map((lang): [TemplateKind, Language, CellPlan] => [kind, lang, buildPlan({ template: kind, language: lang })]),
);
const formulasOf = (plan: CellPlan) =>
  plan.sheets
    .flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()))
    .filter(isFormula)
    .map((f) => f.formula);
const stringsOf = (plan: CellPlan) => [
  ...plan.sheets.flatMap((s) => [
    s.name,
    ...s.notes.map((n) => n.text),
    ...s.validations.flatMap((v) => [v.prompt?.title, v.prompt?.message, v.error?.message]),
  ]),
  ...plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat())).filter((c): c is string => typeof c === "string"),
  ...plan.charts.map((c) => c.title),
];

/** Functions every Excel since 2007 and LibreOffice 7.4 compute (no LET, LAMBDA, XLOOKUP, dynamic arrays, GPP.*). */
const CLASSIC = new Set([
  "SUMPRODUCT",
  "POWER",
  "INT",
  "IF",
  "IFERROR",
  "INDEX",
  "MATCH",
  "MIN",
  "MAX",
  "RANK",
  "N",
  "NA",
  "ISNUMBER",
  "OR",
  "AND",
  "SUM",
  "COUNT",
  "SMALL",
  "LARGE",
  "FIXED",
  "MID",
  "SUBSTITUTE", // a reason's number with the workbook language's decimal sign (numberTextFormula)
  "EXACT", // a mini-competition: the offer's supplier among the framework's, as the model compares (case as typed)
  "TRIM",
]);

describe("template wording", () => {
  it("has the same keys in en, nl and fr", () => {
    const keys = (lang: Language) => Object.keys(sectionOf(lang, "templates")).sort();
    expect(keys("nl")).toEqual(keys("en"));
    expect(keys("fr")).toEqual(keys("en"));
  });

  it.each(plans)("%s in %s shows no untranslated key", (_kind, _lang, plan) => {
    const en = new Set(Object.keys(sectionOf("en", "templates")));
    expect(stringsOf(plan).filter((s) => s !== undefined && en.has(s))).toEqual([]);
  });
});

describe("formulas", () => {
  it.each(plans)("%s (%s) use classic functions only", (_kind, _lang, plan) => {
    const used = new Set(formulasOf(plan).flatMap((f) => [...f.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    expect([...used].filter((f) => !CLASSIC.has(f))).toEqual([]);
  });

  it("refer only to names the plan defines", () => {
    for (const [, , plan] of plans) {
      const defined = new Set(plan.names.map((n) => n.name));
      const used = new Set(formulasOf(plan).flatMap((f) => f.replace(/"[^"]*"/g, "").match(/\bLCC_\w+/g) ?? []));
      expect([...used].filter((n) => !defined.has(n))).toEqual([]);
    }
  });
});

describe("Excel's limits", () => {
  it.each(plans)("%s (%s): sheet names, input messages, lists and names fit", (_kind, _lang, plan) => {
    for (const s of plan.sheets) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[:\\/?*[\]]/);
      for (const v of s.validations) {
        expect(v.prompt?.title.length ?? 0).toBeLessThanOrEqual(32);
        expect(v.prompt?.message.length ?? 0).toBeLessThanOrEqual(255);
        expect(v.prompt?.message.endsWith("…") ?? false).toBe(false); // no help text is clipped
        expect((v.list ?? []).join(",").length).toBeLessThanOrEqual(255);
      }
      for (const b of s.blocks)
        for (const f of b.rows.flat().filter(isFormula))
          for (const literal of f.formula.match(/"[^"]*"/g) ?? []) expect(literal.length).toBeLessThanOrEqual(257);
    }
    const names = plan.names.map((n) => n.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^LCC_[A-Za-z0-9_]+$/);
  });
});

describe("content", () => {
  it("names every general input the model has, so a host can read them all back (the criteria: the Criteria sheet, a row each)", () => {
    const rows = PARAMETER_ROWS.filter((r) => "key" in r).map((r) => (r as { key: string }).key);
    expect(Object.keys(DEFAULT_PARAMETERS).filter((k) => !rows.includes(k))).toEqual(["criteria"]);
    const plan = buildPlan({ template: "computers" });
    const sheet = plan.sheets.find((s) => s.key === "criteria")!;
    const ids = sheet.blocks.flatMap((b) => b.rows.map((r) => r[0]));
    expect(CATALOGUE.every((c) => ids.includes(c.id))).toBe(true);
  });

  it("leaves the electricity price blank, citing where to find it", () => {
    const plan = buildPlan({ template: "computers" });
    const params = plan.sheets.find((s) => s.key === "parameters")!;
    const name = plan.names.find((n) => n.name === parameterName("electricityPricePerKWh"))!;
    const row = params.blocks.find((b) => b.anchor === `A${name.range.slice(1)}`)!.rows[0];
    expect(row[1]).toBeNull();
    expect(row[3]).toBe(translate("en", "sources", ELECTRICITY_PRICE_HINT.key));
    expect(String(row[3])).toContain("Eurostat nrg_pc_205");
  });

  it.each(["computers", "imaging"] as const)("has a Results column for every figure evaluateComparison gives (%s)", (kind) => {
    const r = evaluateComparison(referenceParameters, [bidA, bidB], kind);
    if (!r.ok) throw new Error("reference failed");
    const paths = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "object" && v !== null ? paths(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    // One-off costs (battery, repair) are not a Bid column, so always 0; computers have no consumables stream.
    // Warranty top-up and repairs (LCC-METHOD §12.2) get their columns when issue 8 is wired into the templates.
    const commitments = ["breakdown.warrantyExtensionCost", "breakdown.repairCost"];
    const absent = [
      ...commitments,
      ...(kind === "computers"
        ? ["breakdown.oneOffCost", "breakdown.consumablesCost", "annualRunningCostPerUnit"]
        : ["breakdown.oneOffCost"]),
    ];
    const columns = buildPlan({ template: kind, bids: [bidA, bidB] }).results.columns.map((c) => c.key);
    expect(paths(r.value.bids[0]).filter((p) => !columns.includes(p) && !absent.includes(p))).toEqual([]);
  });

  it("gives every bid row its own Results row and blank rows to add offers", () => {
    const plan = buildPlan({ template: "computers", bids: [bidA, bidB] });
    expect(plan.results.rowCount).toBe(10);
    expect(plan.tables[0].range).toBe("A4:Y14"); // 25 columns for computers (bidFields, the six of LCC-METHOD §12 last), header on row 4
  });
});

describe("a mini-competition's plan", () => {
  const suppliers = ["Supplier A", "Supplier B"];
  const outsider = { ...bidA, supplier: "Supplier X", product: "Notebook X" };
  const mini = (kind: "computers" | "imaging", language: Language) => {
    const input = { template: kind, parameters: referenceParameters, bids: [bidA, bidB, outsider], language };
    return { without: buildPlan(input), with: buildPlan({ ...input, miniCompetition: { suppliers } }) };
  };

  it.each(LANGUAGES)("in %s: classic functions, defined names, no untranslated key, Excel's literal limit", (lang) => {
    for (const kind of ["computers", "imaging"] as const) {
      const plan = mini(kind, lang).with;
      const used = new Set(
        formulasOf(plan).flatMap((f) => [...f.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])),
      );
      expect([...used].filter((f) => !CLASSIC.has(f))).toEqual([]);
      expect(used.has("EXACT")).toBe(true);
      const defined = new Set(plan.names.map((n) => n.name));
      const named = new Set(formulasOf(plan).flatMap((f) => f.replace(/"[^"]*"/g, "").match(/\bLCC_\w+/g) ?? []));
      expect([...named].filter((n) => !defined.has(n))).toEqual([]);
      const en = new Set(Object.keys(sectionOf("en", "templates")));
      expect(stringsOf(plan).filter((x) => x !== undefined && en.has(x))).toEqual([]);
      for (const f of formulasOf(plan)) for (const literal of f.match(/"[^"]*"/g) ?? []) expect(literal.length).toBeLessThanOrEqual(257);
    }
  });

  it("changes only the Parameters sheet (the suppliers' block), one name, and the Results' Compliant and Reasons (every row)", () => {
    const { without, with: plan } = mini("computers", "en");
    expect(plan.names.map((n) => n.name).filter((n) => !without.names.some((x) => x.name === n))).toEqual(["LCC_FrameworkSuppliers"]);
    const sheet = (p: CellPlan, key: string) => p.sheets.find((x) => x.key === key)!;
    const changed: string[] = [];
    sheet(plan, "results").blocks.forEach((b, i) => {
      const at = parseCell(b.anchor);
      b.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (JSON.stringify(cell) !== JSON.stringify(sheet(without, "results").blocks[i].rows[r][c]))
            changed.push(cellAddress(at.col + c, at.row + r));
        }),
      );
    });
    const cells = (key: string) => {
      const column = plan.results.columns.find((c) => c.key === key)!.column;
      return Array.from({ length: plan.results.rowCount }, (_, i) => `${column}${plan.results.firstRow + i}`);
    };
    expect(changed.sort()).toEqual([...cells("compliant"), ...cells("reasons")].sort());
    expect({ ...sheet(plan, "results"), blocks: [] }).toEqual({ ...sheet(without, "results"), blocks: [] });
    for (const key of ["bids", "criteria", "helper"]) expect(sheet(plan, key)).toEqual(sheet(without, key));
    expect([plan.results, plan.tables, plan.charts]).toEqual([without.results, without.tables, without.charts]);
  });

  it("without a supplier list, the plan is the one written before (no mini-competition key, no supplier name, no EXACT)", () => {
    const input = { template: "computers" as const, parameters: referenceParameters, bids: [bidA, bidB, outsider] };
    expect(buildPlan({ ...input, miniCompetition: undefined })).toEqual(buildPlan(input));
    const plain = buildPlan(input);
    expect(plain.names.some((n) => n.name === "LCC_FrameworkSuppliers")).toBe(false);
    expect(formulasOf(plain).some((f) => f.includes("EXACT("))).toBe(false);
    // The circular template has no offers: a supplier list leaves it as it is.
    expect(buildPlan({ template: "circular", miniCompetition: { suppliers } })).toEqual(buildPlan({ template: "circular" }));
  });
});
