/**
 * Bid forms, round trip: generate the form from the reference Parameters, fill it for the reference offers
 * as a bidder would, import it, and get exactly the offers back; the comparison's figures then are those
 * of REFERENCE-CASES.md. Also what the form itself carries: headers with units, lists and ranges,
 * unlocked inputs on a protected sheet, instructions, and the veryHidden stamp.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { LANGUAGES, type Language } from "../../src/i18n";
import { type Bid, type ComparisonKind, type Parameters, emptyBid, evaluateComparison, fingerprintOf } from "../../src/model";
import { STAMP_SHEET, bidFormFields, isRequiredAnswer } from "../../src/model/bidForm";
import { importBidForms } from "../../src/templates/bidForm/readBidForm";
import { formsReport, tf } from "../../src/templates/bidForm/texts";
import { writeBidForm } from "../../src/templates/bidForm/writeBidForm";
import { bidHeaders } from "../../src/templates/bidHeaders";
import { bidA, bidB, expectedReference, referenceParameters, closeToCent, expectReferenceBreakdown } from "../fixtures/referenceBids";
import { cellOf, fillForm } from "./forms";

const P: Parameters = { ...referenceParameters, parameterSetName: "Laptops 2027", parameterSetVersion: "2" };
const close = closeToCent;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe.each(LANGUAGES)("round trip in %s", (lang: Language) => {
  it("gives exactly the reference offers back, and the reference figures", async () => {
    const form = await writeBidForm("computers", P, lang, { rows: 10 });
    const a = await fillForm(form.bytes, form.stamp, { supplier: bidA.supplier, bids: [bidA] });
    const b = await fillForm(form.bytes, form.stamp, { supplier: bidB.supplier, bids: [bidB] });
    const result = await importBidForms(
      [
        { name: "a.xlsx", bytes: a },
        { name: "b.xlsx", bytes: b },
      ],
      "computers",
      P,
      lang,
    );
    expect(result.refused).toBe(0);
    expect(result.bids).toEqual([bidA, bidB]);

    const comparison = evaluateComparison(P, result.bids, "computers");
    if (!comparison.ok) throw new Error("comparison failed");
    const [ra, rb] = comparison.value.bids;
    for (const [r, e] of [
      [ra, expectedReference.A],
      [rb, expectedReference.B],
    ] as const) {
      expectReferenceBreakdown(r.breakdown, e);
      close(r.lccWithExternalities, e.lccExt);
      close(r.priceScore, e.score, 1e-4);
    }
    expect([ra.rank, rb.rank]).toEqual([2, 1]);
    expect(formsReport(result, lang)).toHaveLength(3);
  });
});

describe("one form, several offers of one bidder", () => {
  it("keeps the supplier's name on every offer, in row order, with blanks meaning what the Bids table means", async () => {
    const form = await writeBidForm("computers", P, "en", { rows: 5 });
    const modes: Bid = {
      ...emptyBid("computers"),
      supplier: "Refurb & Co",
      product: "Desktop R",
      deviceType: "desktop",
      condition: "refurbished",
      quantity: 20,
      price: 310.5,
      onW: 25,
      onHoursPerDay: 8,
      sleepW: 2,
      sleepHoursPerDay: 4,
      offW: 0.5,
      serviceLifeYears: 3,
      embodiedKgCO2e: 120.25,
    };
    const plain: Bid = { ...bidA, supplier: "Refurb & Co", product: "Notebook R", condition: "refurbished" };
    const bytes = await fillForm(form.bytes, form.stamp, { supplier: "  Refurb & Co ", bids: [modes, plain] });
    const result = await importBidForms([{ name: "refurb.xlsx", bytes }], "computers", P, "en");
    expect(result.bids).toEqual([modes, plain]);
    expect(result.results[0]).toMatchObject({ ok: true, supplier: "Refurb & Co" });
  });
});

describe.each<[ComparisonKind, Language]>([
  ["computers", "nl"],
  ["imaging", "fr"],
])("the %s form in %s", (kind, lang) => {
  let wb: ExcelJS.Workbook;
  let form: Awaited<ReturnType<typeof writeBidForm>>;
  beforeAll(async () => {
    form = await writeBidForm(kind, P, lang, { rows: 12 });
    wb = await load(form.bytes);
  });

  it("has one column per bidder's field of BID_FIELDS, headed as the Bids table with its unit", () => {
    const ws = wb.getWorksheet(tf(lang, "sheet.offer"))!;
    const fields = bidFormFields(kind);
    const headers = bidHeaders(kind, lang, P.currency);
    const row = ws.getRow(form.layout.headerRow + 1);
    expect(fields.map((_f, i) => row.getCell(i + 1).value)).toEqual(fields.map((f) => headers[f.key]));
    expect(fields.map((f) => f.key)).not.toContain("qualityPoints");
    expect(fields.map((f) => f.key)).not.toContain("supplier");
    expect(headers.price).toMatch(/\(EUR\)$/);
    const markers = ws.getRow(form.layout.headerRow);
    expect(fields.map((_f, i) => markers.getCell(i + 1).value)).toEqual(
      fields.map((f) => tf(lang, isRequiredAnswer(f) ? "required" : "optional")),
    );
  });

  it("validates every input column: codes from a list, numbers in their range", () => {
    const ws = wb.getWorksheet(tf(lang, "sheet.offer"))!;
    const fields = bidFormFields(kind);
    fields.forEach((f) => {
      const v = ws.getCell(cellOf(form.stamp, f.key, 11)).dataValidation;
      if (f.options) expect(v).toMatchObject({ type: "list", formulae: [`"${f.options.join(",")}"`] });
      else if (f.kind === "number") expect(v).toMatchObject({ type: "decimal", allowBlank: true });
      else expect(v?.type).toBe("any");
    });
    if (kind === "computers")
      expect(ws.getCell(cellOf(form.stamp, "onHoursPerDay")).dataValidation).toMatchObject({ operator: "between", formulae: [0, 24] });
    expect(ws.getCell(cellOf(form.stamp, "quantity", 12)).dataValidation).toBeUndefined();
  });

  it("unlocks the input cells only, and protects the sheet", async () => {
    const ws = wb.getWorksheet(tf(lang, "sheet.offer"))!;
    const { layout } = form;
    expect(ws.getCell(cellOf(form.stamp, "price", 0)).protection?.locked).toBe(false);
    expect(ws.getCell(cellOf(form.stamp, "product", 11)).protection?.locked).toBe(false);
    expect(ws.getCell(form.stamp.supplierCell).protection?.locked).toBe(false);
    for (const c of layout.fixed) expect(ws.getCell(c.row + 1, c.col + 1).protection?.locked).not.toBe(false);
    expect(ws.getCell(cellOf(form.stamp, "product", 12)).protection?.locked).not.toBe(false);
    const zip = await JSZip.loadAsync(form.bytes);
    const offerXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(offerXml).toMatch(/<sheetProtection[^>]*sheet="1"/);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toMatch(new RegExp(`<sheet [^>]*name="${STAMP_SHEET}" state="veryHidden"`));
  });

  it("gives the instructions in the form's language, with the tender, its version and the settings' fingerprint", async () => {
    const ws = wb.getWorksheet(tf(lang, "sheet.offer"))!;
    const fingerprint = await fingerprintOf(P);
    expect(ws.getCell("A2").value).toBe(
      tf(lang, "tender", { tender: "Laptops 2027", version: "2", fingerprint: `${fingerprint.slice(0, 19)}…` }),
    );
    const text = form.layout.fixed
      .filter((c) => c.role === "hint")
      .map((c) => c.text)
      .join("\n");
    expect(text).toContain(tf(lang, "instruction.supplier", { cell: form.stamp.supplierCell }));
    expect(text).toContain(lang === "fr" ? "5 ans" : "5 jaar");
    expect(text).toContain("4 %");
    const stamp = wb.getWorksheet(STAMP_SHEET)!;
    const values = new Map<string, unknown>();
    stamp.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(
      Object.fromEntries(
        [...values].filter(([k]) => ["group", "tenderName", "parameterSetVersion", "fingerprint", "language"].includes(k)),
      ),
    ).toEqual({
      group: kind,
      tenderName: "Laptops 2027",
      parameterSetVersion: "2",
      fingerprint,
      language: lang,
    });
  });
});
