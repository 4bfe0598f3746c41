/**
 * Criteria answers typed in LibreOffice: the §4 form (Dutch) filled with the offers' Bids fields, then its
 * criteria answers typed by LibreOffice Calc itself (cycles as a number, "ja", a label) and the file saved
 * by it as .xlsx, imports as the §4 offers; a word LibreOffice typed that is no answer refuses the form.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bid, Parameters } from "../../src/model";
import { importBidForms } from "../../src/templates/bidForm/readBidForm";
import { formsReport } from "../../src/templates/bidForm/texts";
import { writeBidForm } from "../../src/templates/bidForm/writeBidForm";
import { SECTION_4, SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { referenceParameters } from "../fixtures/referenceBids";
import { cellOf, fillForm } from "./forms";
import { fillWithLibreOffice } from "./libreofficeFill";

const P: Parameters = {
  ...referenceParameters,
  qualityPoints: 60,
  criteria: SECTION_4,
  parameterSetName: "Laptops 2027",
  parameterSetVersion: "3",
};
const [, Q, R] = SECTION_4_BIDS;

describe("criteria answers typed in LibreOffice", () => {
  let files: { name: string; bytes: Uint8Array }[];
  let form: Awaited<ReturnType<typeof writeBidForm>>;

  beforeAll(async () => {
    form = await writeBidForm("computers", P, "nl", { rows: 10 });
    const dir = mkdtempSync(join(tmpdir(), "bidform-lo-criteria-"));
    const noAnswers = (b: Bid): Bid => ({ ...b, criteria: {} });
    const q = join(dir, "q.xlsx");
    const r = join(dir, "r.xlsx");
    writeFileSync(q, await fillForm(form.bytes, form.stamp, { supplier: Q.supplier, bids: [noAnswers(Q)] }));
    writeFileSync(r, await fillForm(form.bytes, form.stamp, { supplier: R.supplier, bids: [noAnswers(R)] }));
    const at = (id: string) => cellOf(form.stamp, id);
    fillWithLibreOffice([
      {
        in: q,
        out: join(dir, "q-lo.xlsx"),
        sheet: "Offerte",
        cells: { [at("batteryCycles")]: 1200, [at("label")]: "TCO Certified", [at("takeBack")]: "ja" },
      },
      {
        in: r,
        out: join(dir, "r-lo.xlsx"),
        sheet: "Offerte",
        cells: { [at("batteryCycles")]: 300, [at("label")]: "geen", [at("refurbishmentQuality")]: "ja" },
      },
      {
        in: r,
        out: join(dir, "r-bad.xlsx"),
        sheet: "Offerte",
        cells: { [at("batteryCycles")]: 300, [at("label")]: "geen", [at("refurbishmentQuality")]: "misschien" },
      },
    ]);
    files = ["q-lo.xlsx", "r-lo.xlsx", "r-bad.xlsx"].map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  }, 300_000);

  it("imports the answers LibreOffice typed as the §4 offers", async () => {
    const batch = await importBidForms(files.slice(0, 2), "computers", P, "nl");
    expect(formsReport(batch, "nl").slice(-1)).toEqual(["2 van 2 formulieren ingelezen, 0 geweigerd; toe te voegen offertes: 2."]);
    expect(batch.bids).toEqual([
      { ...Q, qualityPoints: 0, criteria: { batteryCycles: 1200, label: "TCO Certified", takeBack: true } },
      { ...R, qualityPoints: 0, criteria: { batteryCycles: 300, label: "none", refurbishmentQuality: true } },
    ]);
  });

  it("refuses a word that is no yes or no, at its cell, in Dutch", async () => {
    const batch = await importBidForms(files.slice(2), "computers", P, "nl");
    expect(batch.bids).toEqual([]);
    expect(formsReport(batch, "nl").slice(0, 2)).toEqual([
      "r-bad.xlsx: geweigerd, niets ingelezen.",
      `  r-bad.xlsx, blad „Offerte”, cel ${cellOf(form.stamp, "refurbishmentQuality")}: Kwaliteit van de refurbishment (ja/nee) moet een van deze waarden zijn: ja, nee.`,
    ]);
  });
});
