/**
 * A workbook written with an adopted framework set, recalculated by LibreOffice: the Parameters sheet shows
 * the set's value beside each parameter and a native formula comparing the two (so a value edited later in
 * the workbook shows as a deviation, or stops showing once put back), the fingerprint, and the count of
 * deviations; the Results summary names the fingerprint and the deviations.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Language } from "../../src/i18n";
import type { ParameterSet } from "../../src/model/parameterSet";
import { buildPlan } from "../../src/templates";
import { t } from "../../src/templates/text";
import { planToXlsx } from "../../src/templates/xlsx/writeXlsx";
import { bidA, bidB } from "../fixtures/referenceBids";
import { recalculate } from "./../templates/libreoffice";
import { referenceSet } from "./sets";

jest.setTimeout(180_000);

let set: ParameterSet;
const books = new Map<string, ExcelJS.Workbook>();

/** A cell's value; a formula's result (exceljs leaves out an empty text result, so none reads as ""). */
const resultOf = (v: unknown): unknown => (v && typeof v === "object" && "formula" in v ? ((v as { result?: unknown }).result ?? "") : v);

/** Label in column A → the row's cells B.. as values (formula results after LibreOffice). */
function rowsByLabel(sheet: ExcelJS.Worksheet): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label !== "string") return;
    const cells = [2, 3, 4, 5, 6, 7].map((c) => resultOf(row.getCell(c).value));
    if (!out.has(label)) out.set(label, cells);
  });
  return out;
}

const sheetOf = (book: ExcelJS.Workbook, start: string) => book.worksheets.find((w) => w.name.startsWith(start))!;

beforeAll(async () => {
  set = await referenceSet("ICT 2026");
  const dir = mkdtempSync(join(tmpdir(), "framework-book-"));
  const files: Record<string, string> = {};
  const write = async (id: string, lang: Language, parameters = set.parameters, edit?: (wb: ExcelJS.Workbook) => void) => {
    const bytes = await planToXlsx(buildPlan({ template: "computers", parameters, bids: [bidA, bidB], language: lang, framework: set }));
    const file = join(dir, `${id}.xlsx`);
    if (edit) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      edit(wb);
      await wb.xlsx.writeFile(file);
    } else writeFileSync(file, bytes);
    files[id] = file;
  };
  const deviating = { ...set.parameters, discountRate: 0.03, electricityPricePerKWh: 0.25 };
  await write("unchanged", "en");
  await write("deviating", "en", deviating);
  await write("deviating-nl", "nl", deviating);
  // Edited after writing, as a participant would in Excel: the discount rate put back to the set's 4 %, the evaluation period changed.
  await write("edited", "en", deviating, (wb) => {
    const sheet = sheetOf(wb, "LCC Parameters");
    sheet.eachRow((row) => {
      if (row.getCell(1).value === t("en", "param.discountRate")) row.getCell(2).value = 0.04;
      if (row.getCell(1).value === t("en", "param.evaluationYears")) row.getCell(2).value = 7;
    });
  });
  const ids = Object.keys(files);
  const out = recalculate(
    ids.map((id) => files[id]),
    join(dir, "out"),
  );
  for (const [i, id] of ids.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out[i]);
    books.set(id, wb);
  }
});

describe("the workbook of a comparison that adopted a framework set", () => {
  it("shows the set's values and no deviation when nothing changed", () => {
    const rows = rowsByLabel(sheetOf(books.get("unchanged")!, "LCC Parameters"));
    expect(rows.get("Discount rate")).toEqual([0.04, null, expect.anything(), expect.anything(), 0.04, ""]); // a percentage has no unit beside it;
    expect(rows.get("Fingerprint")?.[0]).toBe(set.fingerprint);
    expect(rows.get("Publisher")?.[0]).toBe("Central Buying Office");
    expect(rows.get("Local values allowed")?.[0]).toBe("Electricity price, excl. VAT");
    expect(rows.get("Deviations")?.[0]).toBe("Unchanged");
    const results = rowsByLabel(sheetOf(books.get("unchanged")!, "LCC Results"));
    expect(results.get("Parameter set fingerprint")?.[0]).toBe(set.fingerprint);
    expect(results.get("Deviations from the parameter set")?.[0]).toBe("Unchanged");
  });

  it("marks each deviation by a formula, a local value as allowed, and counts them", () => {
    const sheet = sheetOf(books.get("deviating")!, "LCC Parameters");
    const rows = rowsByLabel(sheet);
    expect(rows.get("Discount rate")?.slice(4)).toEqual([0.04, "differs from the framework"]);
    expect(rows.get("Electricity price, excl. VAT")?.slice(4)).toEqual([0.2, "local value (allowed)"]);
    expect(rows.get("Country preset")?.slice(4)).toEqual([expect.any(String), ""]);
    expect(rows.get("Evaluation period")?.slice(4)).toEqual([5, ""]);
    // Every parameter row's check, exactly: two marked, every other one blank.
    const marked: string[] = [];
    sheet.eachRow((row) => {
      const result = resultOf(row.getCell(7).value);
      if (typeof result === "string" && result && row.number > 4) marked.push(`${String(row.getCell(1).value)}: ${result}`);
    });
    expect(marked).toEqual(["Discount rate: differs from the framework", "Electricity price, excl. VAT: local value (allowed)"]);
    expect(rows.get("Deviations")?.[0]).toBe("Values that differ: 1; local values: 1");
    expect(rowsByLabel(sheetOf(books.get("deviating")!, "LCC Results")).get("Deviations from the parameter set")?.[0]).toBe(
      "Values that differ: 1; local values: 1",
    );
  });

  it("follows edits made in the workbook (native formulas, not written verdicts)", () => {
    const rows = rowsByLabel(sheetOf(books.get("edited")!, "LCC Parameters"));
    expect(rows.get("Discount rate")?.slice(4)).toEqual([0.04, ""]);
    expect(rows.get("Evaluation period")?.slice(4)).toEqual([5, "differs from the framework"]);
    expect(rows.get("Deviations")?.[0]).toBe("Values that differ: 1; local values: 1");
  });

  it("speaks the workbook's language (Dutch)", () => {
    const book = books.get("deviating-nl")!;
    const rows = rowsByLabel(sheetOf(book, t("nl", "sheet.parameters")));
    expect(rows.get(t("nl", "param.discountRate"))?.[5]).toBe("wijkt af van de raamovereenkomst");
    expect(rows.get("Vingerafdruk")?.[0]).toBe(set.fingerprint);
    expect(rows.get("Afwijkingen")?.[0]).toBe("Afwijkende waarden: 1; lokale waarden: 1");
    const results = rowsByLabel(sheetOf(book, t("nl", "sheet.results")));
    expect(results.get("Vingerafdruk van de parameterset")?.[0]).toBe(set.fingerprint);
  });
});

describe("a locked framework workbook", () => {
  it("protects the Parameters sheet and leaves only the set's local values open", async () => {
    const bytes = await planToXlsx(
      buildPlan({ template: "computers", parameters: set.parameters, bids: [bidA], language: "en", framework: set, lockParameters: true }),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = sheetOf(wb, "LCC Parameters");
    const open: string[] = [];
    sheet.eachRow((row) => {
      if (row.number > 4 && row.getCell(2).protection?.locked === false) open.push(String(row.getCell(1).value));
    });
    expect(open).toEqual(["Electricity price, excl. VAT"]);
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  });
});
