/**
 * The Tender text sheet as an optional sheet of the comparison templates (buildPlan with tenderText): in
 * the plan after the template's own sheets, the annex's rows as text, and in the downloaded .xlsx.
 */
import ExcelJS from "exceljs";
import { LANGUAGES } from "../../src/i18n";
import { tenderAnnex } from "../../src/model/tender/annex";
import { buildPlan, choosePlacement, writeTemplateXlsx } from "../../src/templates";
import { isFormula } from "../../src/templates/plan";
import { tenderSheetRows } from "../../src/templates/tenderSheet";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";

const P = { ...referenceParameters, parameterSetName: "Laptops 2027", parameterSetVersion: "2" };

describe("Tender text sheet in the plan", () => {
  it("is not there unless asked for, and never in the circular template", () => {
    expect(buildPlan({ template: "computers", parameters: P }).sheets.map((s) => s.key)).toEqual([
      "parameters",
      "bids",
      "results",
      "criteria",
      "helper",
    ]);
    expect(buildPlan({ template: "circular", parameters: P, tenderText: true }).sheets.map((s) => s.key)).toEqual([
      "parameters",
      "scenarios",
      "results",
      "helper",
    ]);
  });

  it.each(LANGUAGES)("holds the annex's rows as text, in %s", (lang) => {
    const plan = buildPlan({ template: "imaging", parameters: P, language: lang, tenderText: true });
    expect(plan.sheets.map((s) => s.key)).toEqual(["parameters", "bids", "results", "criteria", "helper", "tender"]);
    const sheet = plan.sheets.find((s) => s.key === "tender")!;
    expect(sheet.name).toBe({ en: "Tender text", nl: "Bestektekst", fr: "Texte du cahier des charges" }[lang]);
    const rows = tenderSheetRows(tenderAnnex("imaging", P, lang));
    // One block per non-blank row, at its row, with the row's text (a bullet marked as in the annex's text).
    const written = sheet.blocks.map((b) => [b.anchor, b.rows[0].map((c) => (isFormula(c) ? `=${c.formula}` : c))]);
    const expected = rows.flatMap((r, i) => (r.cells.length ? [[`A${i + 1}`, r.style === "bullet" ? [`• ${r.cells[0]}`] : r.cells]] : []));
    expect(written).toEqual(expected);
    expect(sheet.hidden).toBeFalsy();
    expect(sheet.protect).toBeFalsy();
    expect(sheet.styles.find((s) => s.range === "A1:" + String.fromCharCode(64 + sheet.columnWidths.length) + "1")?.style.role).toBe(
      "title",
    );
    // The parameters' figures are in it: the discount rate of the reference (4 %).
    expect(sheet.blocks.some((b) => String(b.rows[0][0]).match(/\b4 %/))).toBe(true);
    expect(sheet.print?.footer.center).toContain("Laptops 2027");
  });

  it("gets a free name next to a sheet of the same name", () => {
    const placement = choosePlacement({ template: "computers", language: "fr", tenderText: true }, ["Texte du cahier des charges"], []);
    expect(placement.sheetNames.tender).toBe("Texte du cahier des charges (2)");
  });
});

describe("Tender text sheet in the .xlsx", () => {
  it("is written by the exceljs writer after the comparison, every line as a string cell", async () => {
    const bytes = await writeTemplateXlsx({ template: "computers", parameters: P, bids: [bidA, bidB], language: "nl", tenderText: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Bestektekst");
    if (!ws) throw new Error("no Bestektekst sheet");
    expect(wb.worksheets.map((w) => w.name).indexOf("Bestektekst")).toBe(wb.worksheets.length - 1);
    const annex = tenderAnnex("computers", P, "nl");
    expect(ws.getCell("A1").value).toBe(annex.title);
    const column = ws.getColumn(1).values.filter((v): v is string => typeof v === "string");
    for (const h of annex.blocks.filter((b) => b.kind === "heading")) expect(column).toContain(h.text);
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => c.type === ExcelJS.ValueType.Formula && formulas.push(c.address)));
    expect(formulas).toEqual([]);
    expect(ws.getCell("A1").font?.bold).toBe(true);
  });
});
