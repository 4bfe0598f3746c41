/**
 * A form saved by another spreadsheet still imports: filled forms re-saved as .xlsx by LibreOffice headless
 * (soffice --convert-to) give the same offers, keep their protection and their hidden stamp; a form whose
 * header was changed is still refused after the round trip.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Parameters } from "../../src/model";
import { STAMP_SHEET } from "../../src/model/bidForm";
import { importBidForms } from "../../src/templates/bidForm/readBidForm";
import { formsReport } from "../../src/templates/bidForm/texts";
import { writeBidForm } from "../../src/templates/bidForm/writeBidForm";
import { bidHeaders } from "../../src/templates/bidHeaders";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { recalculate } from "../templates/libreoffice";
import { cellOf, fillForm, fixedCellOf } from "./forms";

const P: Parameters = { ...referenceParameters, parameterSetName: "Laptops 2027", parameterSetVersion: "2" };

describe("forms re-saved by LibreOffice", () => {
  let converted: string[];
  let form: Awaited<ReturnType<typeof writeBidForm>>;
  const product = "=cmd|' /C calc'!A0";
  const modes = {
    ...bidB,
    supplier: "Supplier C",
    product,
    onW: 12.5,
    onHoursPerDay: 8,
    sleepW: 1.25,
    sleepHoursPerDay: 6,
    offW: 0.3,
    tecKWhPerYear: null,
    serviceLifeYears: 6,
    embodiedKgCO2e: 310.75,
  };

  beforeAll(async () => {
    form = await writeBidForm("computers", P, "nl", { rows: 20 });
    const dir = mkdtempSync(join(tmpdir(), "bidform-lo-"));
    const out = join(dir, "out");
    mkdirSync(out);
    const files = {
      "a.xlsx": await fillForm(form.bytes, form.stamp, { supplier: bidA.supplier, bids: [bidA] }),
      "b.xlsx": await fillForm(form.bytes, form.stamp, { supplier: bidB.supplier, bids: [bidB] }),
      "c.xlsx": await fillForm(form.bytes, form.stamp, {
        supplier: "Supplier C",
        bids: [modes],
        cells: { [cellOf(form.stamp, "installation", 0)]: "20,00" },
      }),
      "renamed.xlsx": await fillForm(form.bytes, form.stamp, {
        supplier: bidA.supplier,
        bids: [bidA],
        cells: { [fixedCellOf(form.stamp, bidHeaders("computers", "nl").quantity)]: "Aantal" },
      }),
    };
    const paths = Object.entries(files).map(([name, bytes]) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    });
    converted = recalculate(paths, out);
  }, 300_000);

  it("imports the same offers", async () => {
    const files = converted.slice(0, 3).map((path) => ({ name: path.split("/").pop()!, bytes: readFileSync(path) }));
    const batch = await importBidForms(files, "computers", P, "nl");
    expect(formsReport(batch, "nl").slice(-1)).toEqual(["3 van 3 formulieren ingelezen, 0 geweigerd; toe te voegen offertes: 3."]);
    expect(batch.bids).toEqual([bidA, bidB, { ...modes, installation: 20 }]);
  });

  it("keeps the sheet protected, the inputs unlocked and the stamp hidden", async () => {
    const zip = await JSZip.loadAsync(readFileSync(converted[0]));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook).toMatch(new RegExp(`<sheet name="${STAMP_SHEET}"[^>]*state="(very)?[hH]idden"`));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<sheetProtection[^>]*sheet="(1|true)"/);
    expect(sheet).toContain("<dataValidation");
    // exceljs does not read back LibreOffice's cell protection: look at the cell's style in the XML.
    const xfs = [
      ...(await zip.file("xl/styles.xml")!.async("string"))
        .replace(/^[\s\S]*?<cellXfs[^>]*>|<\/cellXfs>[\s\S]*$/g, "")
        .matchAll(/<xf [\s\S]*?<\/xf>|<xf [^>]*\/>/g),
    ].map((m) => m[0]);
    const locked = (address: string): boolean => {
      const style = Number(new RegExp(`<c r="${address}"[^>]*? s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
      return !/locked="(false|0)"/.test(xfs[style]);
    };
    expect([cellOf(form.stamp, "price", 19), form.stamp.supplierCell, cellOf(form.stamp, "product", 0)].map(locked)).toEqual([
      false,
      false,
      false,
    ]);
    expect([fixedCellOf(form.stamp, "Aantal (stuks)"), "A1", cellOf(form.stamp, "price", 20)].map(locked)).toEqual([true, true, true]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(converted[0]) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(STAMP_SHEET)!.state).toMatch(/hidden/i);
  });

  it("still refuses a renamed header", async () => {
    const batch = await importBidForms([{ name: "renamed.xlsx", bytes: readFileSync(converted[3]) }], "computers", P, "nl");
    expect(batch.bids).toEqual([]);
    expect(formsReport(batch, "nl")[1]).toBe(
      `  renamed.xlsx, blad „Offerte”, cel ${fixedCellOf(form.stamp, "Aantal (stuks)")}: deze beveiligde cel werd gewijzigd: er hoort „Aantal (stuks)” te staan, er staat „Aantal”.`,
    );
  });
});
