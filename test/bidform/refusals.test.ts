/**
 * Returned forms that are refused, each with file, sheet, cell and reason in the user's language, and
 * nothing imported from them: a form of another tender, version, settings or product group; a changed
 * protected cell; a missing answer; text in a number cell; an offer already in the Bids table. Text that
 * looks like a formula stays text, on the way in and in the comparison workbook.
 */
import ExcelJS from "exceljs";
import { describeError } from "../../src/i18n";
import { type Parameters, emptyBid } from "../../src/model";
import { type FormImport, type FormsImport } from "../../src/model/bidForm";
import { importBidForms } from "../../src/templates/bidForm/readBidForm";
import { describeFormProblem, formReport, formsReport, tf } from "../../src/templates/bidForm/texts";
import { writeBidForm } from "../../src/templates/bidForm/writeBidForm";
import { bidHeaders } from "../../src/templates/bidHeaders";
import { writeXlsx } from "../../src/templates/xlsx/writeXlsx";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { cellOf, fillForm, fixedCellOf } from "./forms";

const P: Parameters = { ...referenceParameters, parameterSetName: "Laptops 2027", parameterSetVersion: "2" };
const HEADERS_NL = bidHeaders("computers", "nl");

const refusedOf = (batch: FormsImport): Extract<FormImport, { ok: false }> => {
  const r = batch.results[0];
  if (r.ok) throw new Error("the form was imported");
  expect(batch.bids).toEqual([]);
  return r;
};

async function formFor(parameters: Parameters, kind: "computers" | "imaging" = "computers", lang: "en" | "nl" | "fr" = "nl") {
  return writeBidForm(kind, parameters, lang, { rows: 10 });
}

describe("a form of another tender, version or settings", () => {
  it.each<[string, Partial<Parameters>, RegExp]>([
    [
      "another tender",
      { parameterSetName: "Laptops 2026" },
      /hoort bij de opdracht „Laptops 2026” \(versie 2\), niet bij „Laptops 2027” \(versie 2\)/,
    ],
    ["another version", { parameterSetVersion: "1" }, /hoort bij versie 1 van „Laptops 2027”; deze vergelijking gebruikt versie 2/],
    [
      "other settings",
      { electricityPricePerKWh: 0.25 },
      /werd gemaakt voor „Laptops 2027” versie 2 met andere instellingen \(vingerafdruk sha256:[0-9a-f]{12}…, nu sha256:[0-9a-f]{12}…\)/,
    ],
  ])("refuses a form of %s and says which", async (_what, change, message) => {
    const form = await formFor({ ...P, ...change });
    const bytes = await fillForm(form.bytes, form.stamp, { supplier: "Supplier A", bids: [bidA] });
    const refused = refusedOf(await importBidForms([{ name: "a.xlsx", bytes }], "computers", P, "nl"));
    expect(refused.problems).toHaveLength(1);
    expect(describeFormProblem(refused.problems[0], "nl")).toMatch(new RegExp(`^a\\.xlsx: dit formulier ${message.source}`));
  });

  it("refuses an imaging form in a computers comparison", async () => {
    const form = await formFor(P, "imaging", "fr");
    const bytes = await fillForm(form.bytes, form.stamp, { supplier: "Supplier A" });
    const refused = refusedOf(await importBidForms([{ name: "printers.xlsx", bytes }], "computers", P, "en"));
    expect(describeFormProblem(refused.problems[0], "en")).toBe(
      "printers.xlsx: this form is for imaging equipment; this comparison is for computers and monitors.",
    );
  });

  it("refuses a workbook that is no bid form, and a file that is no workbook", async () => {
    const comparison = await writeXlsx({ template: "computers", parameters: P, language: "en", bids: [bidA] });
    const batch = await importBidForms(
      [
        { name: "comparison.xlsx", bytes: comparison },
        { name: "notes.xlsx", bytes: new TextEncoder().encode("not a zip") },
      ],
      "computers",
      P,
      "en",
    );
    expect(batch.refused).toBe(2);
    const [a, b] = batch.results.map((r) => (r.ok ? "" : describeFormProblem(r.problems[0], "en")));
    expect(a).toBe("comparison.xlsx: this is not a bid form of this tool (its stamp is missing or damaged).");
    expect(b).toMatch(/^notes\.xlsx: not a readable \.xlsx file \(.+\)\.$/);
  });
});

describe("a changed protected cell", () => {
  it("refuses a renamed header, naming the cell, what it should read and what it reads", async () => {
    const form = await formFor(P);
    const header = fixedCellOf(form.stamp, HEADERS_NL.price);
    const bytes = await fillForm(form.bytes, form.stamp, { supplier: "Supplier A", bids: [bidA], cells: { [header]: "Prijs" } });
    const refused = refusedOf(await importBidForms([{ name: "a.xlsx", bytes }], "computers", P, "nl"));
    expect(refused.problems.map((p) => describeFormProblem(p, "nl"))).toEqual([
      `a.xlsx, blad „Offerte”, cel ${header}: deze beveiligde cel werd gewijzigd: er hoort „Prijs per stuk (EUR)” te staan, er staat „Prijs”.`,
    ]);
  });

  it("refuses answers written outside the input cells, and a cleared instruction", async () => {
    const form = await formFor(P);
    const below = cellOf(form.stamp, "product", 10);
    const right = `AZ${form.stamp.firstDataRow + 1}`; // right of every input column
    const bytes = await fillForm(form.bytes, form.stamp, {
      supplier: "Supplier A",
      bids: [bidA],
      cells: { [below]: "Notebook Z", [right]: "see annex", A3: null },
    });
    const refused = refusedOf(await importBidForms([{ name: "a.xlsx", bytes }], "computers", P, "en"));
    const cells = refused.problems.map((p) => [p.cell, p.reason.kind === "form" ? p.reason.key : p.reason.error.rule]);
    expect(cells).toEqual([
      ["A3", "protectedCellEdited"],
      [right, "unexpectedCell"],
      [below, "unexpectedCell"],
    ]);
  });
});

describe("answers", () => {
  it("refuses a missing required answer and a missing bidder's name, cell by cell, and imports nothing of the form", async () => {
    const form = await formFor(P);
    const bytes = await fillForm(form.bytes, form.stamp, {
      bids: [bidA, { ...bidB, supplier: "" }],
      cells: { [cellOf(form.stamp, "price", 1)]: null },
    });
    const refused = refusedOf(await importBidForms([{ name: "b.xlsx", bytes }], "computers", P, "nl"));
    expect(refused.problems.map((p) => describeFormProblem(p, "nl"))).toEqual([
      `b.xlsx, blad „Offerte”, cel ${form.stamp.supplierCell}: de naam van de inschrijver is leeg: vul de naam van de onderneming in.`,
      `b.xlsx, blad „Offerte”, cel ${cellOf(form.stamp, "price", 1)}: ${describeError({ kind: "type", argument: HEADERS_NL.price, rule: "missing" }, "nl")}`,
    ]);
    expect(describeFormProblem(refused.problems[1], "nl")).toBe(
      `b.xlsx, blad „Offerte”, cel ${cellOf(form.stamp, "price", 1)}: Prijs per stuk (EUR) is leeg: vul een waarde in.`,
    );
  });

  it("refuses text in a number cell and an unknown code; reads a number typed as text in the form's language", async () => {
    const form = await formFor(P);
    const bytes = await fillForm(form.bytes, form.stamp, {
      supplier: "Supplier A",
      bids: [bidA, bidB],
      cells: {
        [cellOf(form.stamp, "price", 0)]: "ongeveer 750",
        [cellOf(form.stamp, "deviceType", 1)]: "laptop",
        [cellOf(form.stamp, "installation", 1)]: "20,50",
      },
    });
    const refused = refusedOf(await importBidForms([{ name: "a.xlsx", bytes }], "computers", P, "nl"));
    expect(refused.problems.map((p) => [p.cell, describeFormProblem(p, "nl").split(": ").slice(1).join(": ")])).toEqual([
      [cellOf(form.stamp, "price", 0), "Prijs per stuk (EUR) moet een getal zijn."],
      [
        cellOf(form.stamp, "deviceType", 1),
        `Soort apparaat moet een van deze waarden zijn: ${form.layout.columns[1].options!.join(", ")}.`,
      ],
    ]);
    const fixed = await fillForm(form.bytes, form.stamp, {
      supplier: "Supplier A",
      bids: [bidB],
      cells: { [cellOf(form.stamp, "installation", 0)]: "20,50" },
    });
    const ok = await importBidForms([{ name: "a.xlsx", bytes: fixed }], "computers", P, "nl");
    expect(ok.bids).toEqual([{ ...bidB, supplier: "Supplier A", installation: 20.5 }]);
  });

  it("takes a formula's computed value, and refuses a formula without one", async () => {
    const form = await formFor(P, "computers", "en");
    const price = cellOf(form.stamp, "price", 0);
    const computed = await fillForm(form.bytes, form.stamp, {
      supplier: "Supplier A",
      bids: [bidA],
      cells: { [price]: { formula: "700+50", result: 750 } },
    });
    expect((await importBidForms([{ name: "a.xlsx", bytes: computed }], "computers", P, "en")).bids).toEqual([bidA]);
    const bare = await fillForm(form.bytes, form.stamp, {
      supplier: "Supplier A",
      bids: [bidA],
      cells: { [price]: { formula: "700+50" } as ExcelJS.CellFormulaValue },
    });
    const refused = refusedOf(await importBidForms([{ name: "a.xlsx", bytes: bare }], "computers", P, "en"));
    expect(describeFormProblem(refused.problems[0], "en")).toBe(
      `a.xlsx, sheet “Offer”, cell ${price}: the cell holds a formula without a computed value: type the value.`,
    );
  });

  it("refuses a form with no offer", async () => {
    const form = await formFor(P);
    const bytes = await fillForm(form.bytes, form.stamp, { supplier: "Supplier A" });
    const refused = refusedOf(await importBidForms([{ name: "empty.xlsx", bytes }], "computers", P, "fr"));
    expect(formReport(refused, "fr")).toEqual(["empty.xlsx : refusé, rien n'a été importé.", "  empty.xlsx : aucune offre n'est remplie."]);
  });
});

describe("formula-like text", () => {
  it("stays text: imported as written, and a string cell (never a formula) in the comparison workbook", async () => {
    const form = await formFor(P, "computers", "en");
    const product = '=HYPERLINK("http://evil.example","Notebook A")';
    const supplier = "@SUM(1+1)";
    const bytes = await fillForm(form.bytes, form.stamp, { supplier, bids: [{ ...bidA, product }] });
    const batch = await importBidForms([{ name: "a.xlsx", bytes }], "computers", P, "en");
    expect(batch.bids).toEqual([{ ...bidA, supplier, product }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(await writeXlsx({ template: "computers", parameters: P, language: "en", bids: batch.bids })) as unknown as ArrayBuffer,
    );
    const values: unknown[] = [];
    wb.getWorksheet("LCC Bids")!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain(product);
    expect(values).toContain(supplier);
    expect(values.filter((v) => typeof v === "object" && v !== null && "formula" in v)).toEqual([]);
  });

  it("in the tender's name, is written to the form as text", async () => {
    const form = await formFor({ ...P, parameterSetName: "=1+1" }, "computers", "en");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(form.bytes) as unknown as ArrayBuffer);
    const stamp = wb.getWorksheet("CircularICT_Stamp")!;
    const cell = stamp.getCell("B4");
    expect(cell.value).toBe("=1+1");
    expect(cell.numFmt).toBe("@");
  });
});

describe("what is already there", () => {
  it("is never overwritten: an offer already in the Bids table or in an earlier form refuses the form", async () => {
    const form = await formFor(P, "computers", "en");
    const a = await fillForm(form.bytes, form.stamp, { supplier: bidA.supplier, bids: [bidA] });
    const b = await fillForm(form.bytes, form.stamp, { supplier: bidB.supplier, bids: [bidB] });
    const existing = Object.freeze([Object.freeze({ ...bidA })]);
    const batch = await importBidForms(
      [
        { name: "a.xlsx", bytes: a },
        { name: "b.xlsx", bytes: b },
        { name: "b-again.xlsx", bytes: b },
      ],
      "computers",
      P,
      "en",
      existing,
    );
    expect(batch.bids).toEqual([bidB]);
    expect(batch.refused).toBe(2);
    expect(formsReport(batch, "en")).toEqual([
      "a.xlsx: refused, nothing imported.",
      "  a.xlsx: “Notebook A” (new) of Supplier A is already in the Bids table or in another form.",
      "b.xlsx: 1 offer of Supplier B imported.",
      "b-again.xlsx: refused, nothing imported.",
      "  b-again.xlsx: “Notebook B” (new) of Supplier B is already in the Bids table or in another form.",
      "1 of 3 forms imported, 2 refused; offers to add: 1.",
    ]);
    expect(existing).toEqual([bidA]);
  });

  it("keeps a supplier's refurbished and new offer of one product apart", async () => {
    const form = await formFor(P, "computers", "en");
    const refurbished = { ...bidA, condition: "refurbished" as const, price: 420 };
    const bytes = await fillForm(form.bytes, form.stamp, { supplier: bidA.supplier, bids: [refurbished] });
    expect((await importBidForms([{ name: "r.xlsx", bytes }], "computers", P, "en", [bidA])).bids).toEqual([refurbished]);
    expect(tf("en", "sheet.offer")).toBe(form.stamp.sheet);
    expect(emptyBid("computers").qualityPoints).toBe(refurbished.qualityPoints);
  });
});
