/**
 * A workbook a procurer can attach to an award report (issue 7 §4): page setup on every sheet, coded
 * cells in the workbook's language, native charts in the .xlsx, and the printout as LibreOffice makes it
 * (pdftotext finds the charts' titles; the first printed page of the Dutch Parameters and Results sheets
 * and the chart pages are rendered to PNG under test-artifacts/ for a person to look at).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { LANGUAGES, type Language } from "../../src/i18n";
import {
  type Bid,
  type CircularInputs,
  DEFAULT_PARAMETERS,
  type Parameters,
  PRODUCT_GROUPS,
  type ProductGroup,
  parseBidsCsv,
  wordKey,
} from "../../src/model";
import { type CellPlan, buildPlan } from "../../src/templates";
import { absolute, sheetRef } from "../../src/templates/address";
import { codeFields, codeWord } from "../../src/templates/codes";
import { t } from "../../src/templates/text";
import { sheetPaths } from "../../src/templates/xlsx/charts";
import { planToXlsx } from "../../src/templates/xlsx/writeXlsx";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { printToPdf, recalculate, requirePoppler } from "./libreoffice";
import { presetCriteria } from "../../src/model/criteria";

const ROOT = resolve(__dirname, "../..");
const ARTIFACTS = join(ROOT, "test-artifacts");
const EXAMPLE_BIDS: Bid[] = parseBidsCsv(readFileSync(join(ROOT, "examples/bids.csv"), "utf8"), "computers").bids;
const EXAMPLE_PARAMETERS: Parameters = {
  ...DEFAULT_PARAMETERS,
  ...JSON.parse(readFileSync(join(ROOT, "examples/parameters.json"), "utf8")),
};
const CIRCULAR: CircularInputs = JSON.parse(readFileSync(join(ROOT, "examples/circular.json"), "utf8"));

/** Every template in every language, with offers whose codes are all non-default (refurbished, desktop…). */
function inputFor(template: ProductGroup, language: Language) {
  const parameters: Parameters = {
    ...referenceParameters,
    parameterSetName: "Raamovereenkomst ICT & AV",
    parameterSetVersion: "2026-1",
    timing: "mid",
    escalationBase: "nist",
    rateType: "nominal",
    scoringMethod: "range",
    residualValueRule: "none",
    includeExternalities: true,
    country: "custom",
    emissionFactorKgPerKWh: 0.3,
  };
  if (template === "circular") return { template, language, parameters, circular: CIRCULAR };
  const bids =
    template === "imaging"
      ? [
          { ...bidA, deviceType: "mfd" as const, condition: "refurbished" as const, tecKWhPerWeek: 1.2 },
          { ...bidB, deviceType: "copier" as const, tecKWhPerWeek: 0.9 },
        ]
      : [
          { ...bidA, condition: "refurbished" as const },
          { ...bidB, deviceType: "monitor" as const },
        ];
  return { template, language, parameters, bids };
}

const cases = PRODUCT_GROUPS.flatMap((template) => LANGUAGES.map((language) => ({ template, language })));
const written = new Map<string, { plan: CellPlan; zip: JSZip; file: string }>();
const work = mkdtempSync(join(tmpdir(), "lcc-print-"));
const key = (template: string, language: string) => `${template}-${language}`;

beforeAll(async () => {
  for (const { template, language } of cases) {
    const plan = buildPlan(inputFor(template, language));
    const bytes = await planToXlsx(plan);
    const file = join(work, `${key(template, language)}.xlsx`);
    writeFileSync(file, bytes);
    written.set(key(template, language), { plan, zip: await JSZip.loadAsync(bytes), file });
  }
});

const text = (zip: JSZip, path: string) => zip.file(path)!.async("string");

describe("page setup on every sheet", () => {
  it.each(cases)(
    "$template in $language: landscape, A4, print area, repeated header row, footer with sheet, parameter set and page",
    async ({ template, language }) => {
      const { plan, zip } = written.get(key(template, language))!;
      const workbook = await text(zip, "xl/workbook.xml");
      const paths = await sheetPaths(zip);
      for (const [index, s] of plan.sheets.entries()) {
        const xml = await text(zip, paths.get(s.name)!);
        expect(xml).toMatch(/<pageSetup\b[^>]*paperSize="9"[^>]*orientation="landscape"/);
        const footer = /<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)?.[1].replace(/&amp;/g, "&");
        expect(footer).toBe(
          `&L&A&C${t(language, "print.parameterSet", { name: "Raamovereenkomst ICT && AV", version: "2026-1" })}&R${t(language, "print.page", { page: "&P", pages: "&N" })}`,
        );
        const named = (name: string) =>
          new RegExp(`<definedName name="${name}" localSheetId="${index}">([^<]*)</definedName>`)
            .exec(workbook)?.[1]
            .replace(/&apos;/g, "'");
        if (s.hidden)
          expect(named("_xlnm.Print_Area")).toBeUndefined(); // LibreOffice would print a hidden sheet that has one
        else expect(named("_xlnm.Print_Area")).toBe(`${sheetRef(s.name)}${absolute(s.print!.area!)}`);
        if (s.key !== "helper")
          expect(named("_xlnm.Print_Titles")).toBe(`${sheetRef(s.name)}${s.print!.titleRows!.replace(/(\d+)/g, "$$$1")}`);
        if (s.print!.fitToWidth) {
          // Fit to one page wide, as many tall as needed.
          expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
          expect(xml).toMatch(/<pageSetup\b[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
        }
      }
    },
  );

  it.each(["computers", "imaging"] as const)(
    "%s: Results print four pages wide at one legible scale, each page led by the offer names",
    async (template) => {
      const { plan, zip } = written.get(key(template, "nl"))!;
      const results = plan.sheets.find((s) => s.key === "results")!;
      const xml = await text(zip, (await sheetPaths(zip)).get(results.name)!);
      const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"\/>/g)].map((m) => Number(m[1]));
      expect(breaks).toEqual(results.print!.columnBreaks);
      expect(breaks).toHaveLength(3);
      expect(xml).not.toMatch(/<pageSetUpPr fitToPage="1"/);
      expect(Number(/<pageSetup\b[^>]*scale="(\d+)"/.exec(xml)![1])).toBeGreaterThanOrEqual(70);
      const columns = new Map(plan.results.columns.map((c) => [c.column, c.key]));
      const letter = (i: number) => plan.results.columns[i].column;
      expect([0, ...breaks].map((c) => columns.get(letter(c)))).toEqual(["offer", "repeat.2", "repeat.3", "repeat.4"]);
      // The award figures (and who complies) on the first page, the costs on the second, the CO2 on the third, the reasons and inputs on the fourth.
      const pageOf = (k: string) => [0, ...breaks].filter((b) => plan.results.columns.findIndex((c) => c.key === k) >= b).length;
      expect(["compliant", "meatScore", "breakdown.total", "useCo2Kg", "reasons"].map(pageOf)).toEqual([1, 1, 2, 3, 4]);
    },
  );

  it.each(LANGUAGES)(
    "every criterion on (in %s): the points per criterion print on pages of their own, the scale stays legible",
    async (language) => {
      const criteria = presetCriteria("ambitious").map((s) =>
        s.role === "off" || s.role === "clause" ? { ...s, role: "award" as const, points: 1 } : s,
      );
      const plan = buildPlan({ template: "computers", language, parameters: { ...referenceParameters, criteria }, bids: [bidA, bidB] });
      const results = plan.sheets.find((s) => s.key === "results")!;
      const xml = await text(await JSZip.loadAsync(await planToXlsx(plan)), "xl/worksheets/sheet3.xml");
      expect(Number(/<pageSetup\b[^>]*scale="(\d+)"/.exec(xml)![1])).toBeGreaterThanOrEqual(70);
      const breaks = results.print!.columnBreaks;
      expect(breaks).toHaveLength(6); // four pages and three of points for 18 criteria
      const keys = plan.results.columns.map((c) => c.key);
      expect(breaks.map((b) => keys[b])).toEqual(["repeat.2", "repeat.3", "repeat.4", "repeat.5", "repeat.6", "repeat.7"]);
      expect(keys.filter((k) => k.startsWith("points."))).toHaveLength(18);
    },
  );
});

describe("header rows and widths", () => {
  it.each(cases)(
    "$template in $language: no header word is wider than its column, and the header row has room for every line",
    ({ template, language }) => {
      const { plan } = written.get(key(template, language))!;
      for (const s of plan.sheets.filter((x) => x.key !== "helper")) {
        for (const style of s.styles.filter((x) => x.style.role === "header" && x.style.wrap)) {
          const row = Number(/\d+/.exec(style.range)![0]) - 1;
          const block = s.blocks.find((b) => Number(/\d+/.exec(b.anchor)![0]) - 1 === row && b.rows[0].length > 2)!;
          const headers = block.rows[0].map((h) => (typeof h === "string" ? h : ""));
          headers.forEach((h, i) => {
            const longest = Math.max(...h.split(/\s+/).map((w) => w.length));
            expect({ header: h, fits: longest + 1 <= s.columnWidths[i] }).toEqual({ header: h, fits: true });
          });
          const height = s.rowHeights.find((r) => r.row === row)?.height ?? 15;
          const lines = Math.max(...headers.map((h, i) => Math.ceil(h.length / Math.max(1, s.columnWidths[i] - 2))));
          expect(height).toBeGreaterThanOrEqual(lines * 13);
        }
      }
    },
  );
});

describe("codes in the workbook's language", () => {
  let recalculated: Map<string, string>;
  beforeAll(() => {
    const files = cases.filter((c) => c.language !== "en").map((c) => written.get(key(c.template, c.language))!.file);
    const out = join(work, "recalculated");
    mkdirSync(out, { recursive: true });
    recalculated = new Map(recalculate(files, out).map((f, i) => [files[i], f]));
  });

  it.each(cases.filter((c) => c.language !== "en"))(
    "$template in $language: no English code in any cell or validation list",
    async ({ template, language }) => {
      const { plan, zip, file } = written.get(key(template, language))!;
      // Codes whose word differs in this language (a Dutch "Laptop" is the code's own word).
      const english = new Map(
        codeFields(template).flatMap((f) =>
          f.codes.filter((c) => wordKey(codeWord(language, f.key, c)) !== wordKey(c)).map((c) => [wordKey(c), `${f.key}:${c}`]),
        ),
      );
      expect(english.size).toBeGreaterThanOrEqual(8);
      const found: string[] = [];
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(recalculated.get(file)!);
      const helper = plan.sheets.find((s) => s.key === "helper")!.name;
      wb.eachSheet((ws) => {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value && typeof cell.value === "object" && "result" in cell.value ? cell.value.result : cell.value;
            if (typeof v !== "string") return;
            // The hidden helper keeps the codes the formulas compare (its code column and code cells): its words column is checked.
            if (ws.name === helper && Number(cell.col) !== 6) return;
            const shown = ws.name === helper ? v.slice(v.indexOf(":") + 1) : v;
            if (english.has(wordKey(shown))) found.push(`${ws.name}!${cell.address} = ${v}`);
          }),
        );
      });
      const paths = await sheetPaths(zip);
      for (const s of plan.sheets) {
        const xml = await text(zip, paths.get(s.name)!);
        for (const m of xml.matchAll(/<dataValidation type="list"[^>]*sqref="([^"]+)"[^>]*>[\s\S]*?<formula1>"([^<]*)"<\/formula1>/g)) {
          for (const item of m[2].split(","))
            if (english.has(wordKey(item.replace(/&apos;/g, "'")))) found.push(`${s.name}!${m[1]} list: ${item}`);
        }
      }
      expect(found).toEqual([]);
      // And the words are there: the validation lists offer them.
      const lists = (await Promise.all(plan.sheets.map(async (s) => text(zip, paths.get(s.name)!)))).join("");
      expect(lists).toContain(codeWord(language, "rateType", "nominal"));
    },
  );
});

describe("native charts in the .xlsx", () => {
  it.each(cases)(
    "$template in $language: two chart parts on the Results sheet, each series on the plan's ranges",
    async ({ template, language }) => {
      const { plan, zip } = written.get(key(template, language))!;
      const results = plan.sheets.find((s) => s.key === "results")!;
      const sheetXml = await text(zip, (await sheetPaths(zip)).get(results.name)!);
      const rels = await text(zip, (await sheetPaths(zip)).get(results.name)!.replace("worksheets/", "worksheets/_rels/") + ".rels");
      const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)![1];
      const drawing = new RegExp(`Id="${drawingId}"[^>]*Target="../drawings/([^"]+)"`).exec(rels)![1];
      const drawingRels = await text(zip, `xl/drawings/_rels/${drawing}.rels`);
      const charts = [...drawingRels.matchAll(/Target="..\/charts\/([^"]+)"/g)].map((m) => m[1]);
      expect(charts).toHaveLength(2);
      const types = await text(zip, "[Content_Types].xml");
      const ref = (a1: string) => `${sheetRef(results.name)}${absolute(a1)}`;
      for (const [i, name] of charts.entries()) {
        expect(types).toContain(`/xl/charts/${name}`);
        const xml = await text(zip, `xl/charts/${name}`);
        const plan1 = plan.charts[i];
        const vals = [...xml.matchAll(/<c:val><c:numRef><c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
        const data = plan1.data.split(":");
        const [from, to] = [/^[A-Z]+/.exec(data[0])![0], /^[A-Z]+/.exec(data[1])![0]];
        const row = (a: string) => Number(/\d+/.exec(a)![0]);
        const columns = plan.results.columns.map((c) => c.column);
        const expected = columns
          .slice(columns.indexOf(from), columns.indexOf(to) + 1)
          .map((c) => ref(`${c}${row(data[0]) + 1}:${c}${row(data[1])}`));
        expect(vals).toEqual(expected);
        const cats = [...xml.matchAll(/<c:cat><c:strRef><c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
        expect(new Set(cats)).toEqual(new Set([ref(plan1.categories)]));
        expect(xml).toContain(`<c:grouping val="${plan1.type === "ColumnStacked" ? "stacked" : "clustered"}"/>`);
      }
      if (template !== "circular") {
        // The charts show the chart-data columns: the eight (imaging: nine) cost lines, then use and production CO2.
        const keys = (c: CellPlan["charts"][number]) => {
          const [a, b] = c.data.split(":").map((x) => /^[A-Z]+/.exec(x)![0]);
          const cols = plan.results.columns.map((x) => x.column);
          return plan.results.columns.slice(cols.indexOf(a), cols.indexOf(b) + 1).map((x) => x.key);
        };
        expect(keys(plan.charts[0])).toEqual(
          [
            "acquisitionCost",
            "warrantyExtensionCost",
            "energyCost",
            "maintenanceCost",
            ...(template === "imaging" ? ["consumablesCost"] : []),
            "repairCost",
            "oneOffCost",
            "endOfLifeCost",
            "residualValue",
          ].map((k) => `chart.breakdown.${k}`),
        );
        expect(keys(plan.charts[1])).toEqual(["chart.useCo2Kg", "chart.productionCo2Kg"]);
      }
    },
  );
});

describe("the printout, as LibreOffice prints it", () => {
  // §12.1: a life shorter than the period (never a longer one) puts the offers on equivalent annual cost.
  const eacBids = EXAMPLE_BIDS.map((b, i) => ({ ...b, serviceLifeYears: i === 2 ? 3 : b.serviceLifeYears }));
  const printed: Record<string, { pdf: string; pages: string[] }> = {};

  beforeAll(async () => {
    requirePoppler();
    const files: Record<string, string> = {};
    const inputs = {
      "nl-computers": { template: "computers" as const, language: "nl" as const, parameters: EXAMPLE_PARAMETERS, bids: EXAMPLE_BIDS },
      "nl-computers-eac": { template: "computers" as const, language: "nl" as const, parameters: EXAMPLE_PARAMETERS, bids: eacBids },
      "fr-computers-no-price": {
        template: "computers" as const,
        language: "fr" as const,
        parameters: { ...EXAMPLE_PARAMETERS, electricityPricePerKWh: 0 },
        bids: EXAMPLE_BIDS,
      },
    };
    for (const [id, input] of Object.entries(inputs)) {
      files[id] = join(work, `${id}.xlsx`);
      writeFileSync(files[id], await planToXlsx(buildPlan(input)));
    }
    const out = join(work, "pdf");
    mkdirSync(out, { recursive: true });
    const pdfs = printToPdf(Object.values(files), out);
    Object.keys(files).forEach((id, i) => {
      const all = spawnSync("pdftotext", ["-layout", pdfs[i], "-"], { encoding: "utf8" }).stdout;
      printed[id] = { pdf: pdfs[i], pages: all.split("\f") };
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(files["nl-computers"], join(ARTIFACTS, "print-nl-computers.xlsx"));
    copyFileSync(pdfs[0], join(ARTIFACTS, "print-nl-computers.pdf"));
  }, 300_000);

  /** Renders one printed page to test-artifacts/<name>.png; returns its size in bytes. */
  const render = (pdf: string, page: number, name: string): number => {
    const base = join(ARTIFACTS, name);
    const run = spawnSync("pdftoppm", ["-png", "-r", "80", "-singlefile", "-f", String(page), "-l", String(page), pdf, base], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    return statSync(`${base}.png`).size;
  };
  /** The first page whose footer names the sheet (1-based). */
  const firstPage = (id: string, sheet: string) => printed[id].pages.findIndex((p) => p.includes(sheet)) + 1;

  it("draws both charts with their titles, the award summary on the first Results page, every page numbered", () => {
    const { pages, pdf } = printed["nl-computers"];
    const all = pages.join("\n");
    expect(all).toContain(t("nl", "chart.lccBreakdown"));
    expect(all).toContain(t("nl", "chart.co2"));
    const results = firstPage("nl-computers", t("nl", "sheet.results"));
    expect(pages[results - 1]).toContain(t("nl", "summary.winner"));
    expect(pages[results - 1]).toContain("Supplier C – Notebook C (refurbished) staat eerst op levenscycluskosten");
    const count = pages.filter((p) => p.trim()).length;
    for (let n = 1; n <= count; n++) expect(all).toContain(t("nl", "print.page", { page: n, pages: count }));
    // Results: the summary page, then the costs with the LCC chart, then the CO2 with its chart, all in one row of pages.
    expect(pages[results].includes(t("nl", "chart.lccBreakdown"))).toBe(true);
    expect(pages[results + 1].includes(t("nl", "chart.co2"))).toBe(true);
    expect(render(pdf, results + 1, "print-nl-results-lcc-chart")).toBeGreaterThan(20_000); // a chart, not a blank page
  });

  it("writes the first printed page of the Dutch Parameters and Results sheets as PNG", () => {
    const { pdf } = printed["nl-computers"];
    expect(render(pdf, firstPage("nl-computers", t("nl", "sheet.parameters")), "print-nl-parameters")).toBeGreaterThan(20_000);
    expect(render(pdf, firstPage("nl-computers", t("nl", "sheet.results")), "print-nl-results")).toBeGreaterThan(20_000);
  });

  it("shows per-year charts when service lives differ", () => {
    const all = printed["nl-computers-eac"].pages.join("\n");
    expect(all).toContain(t("nl", "chart.lccBreakdownPerYear"));
    expect(all).toContain(t("nl", "chart.co2PerYear"));
    expect(all).toContain(t("nl", "result.breakdown.acquisitionCost") + " (" + t("nl", "unit.currencyPerYear", { cur: "EUR" }) + ")");
  });

  it("prints the warning when the electricity price is blank", () => {
    const results = printed["fr-computers-no-price"].pages[firstPage("fr-computers-no-price", t("fr", "sheet.results")) - 1];
    // pdftotext may break the long line: compare without the line breaks.
    expect(results.replace(/\s+/g, " ")).toContain(t("fr", "summary.noElectricityPrice"));
    expect(printed["nl-computers"].pages.join(" ").replace(/\s+/g, " ")).not.toContain(t("nl", "summary.noElectricityPrice"));
  });
});
