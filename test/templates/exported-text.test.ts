/**
 * Offer text in the written .xlsx: formula-like text carries the quote prefix (so editing it in Excel keeps
 * it text), text over Excel's 32 767-character cell limit is cut with a visible mark, bidi controls are
 * stripped, and a 10 000-character name widens its column only up to a bound.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { emptyBid } from "../../src/model";
import { CUT_MARK, EXCEL_CELL_LIMIT, cellText } from "../../src/model/displayText";
import { buildPlan } from "../../src/templates";
import { officeCell } from "../../src/templates/office/writeToExcel";
import { planToXlsx } from "../../src/templates/xlsx/writeXlsx";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";

const LONG = "L".repeat(40_000);
const REVERSED = "\u202EredivorP\u202C Ltd \u2066x\u2069\u200F";

async function written(supplier: string, product: string) {
  const plan = buildPlan({ template: "computers", parameters: referenceParameters, bids: [{ ...bidA, supplier, product }, bidB] });
  const bytes = await planToXlsx(plan);
  const zip = await JSZip.loadAsync(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const bidsName = plan.sheets.find((s) => s.key === "bids")!.name;
  const bidsIndex = plan.sheets.findIndex((s) => s.key === "bids") + 1;
  return { zip, ws: wb.getWorksheet(bidsName)!, sheetXml: await zip.file(`xl/worksheets/sheet${bidsIndex}.xml`)!.async("string") };
}

/** The cellXfs entries of styles.xml, in order: a cell's s="n" is the n-th. */
async function cellFormats(zip: JSZip): Promise<string[]> {
  const styles = await zip.file("xl/styles.xml")!.async("string");
  return [.../<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(styles)![0].matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
}

const styleIndex = (sheetXml: string, address: string): number =>
  Number(new RegExp(`<c r="${address}"[^>]*\\bs="(\\d+)"`).exec(sheetXml)![1]);

describe("offer text in the written workbook", () => {
  it("gives formula-like text (=, +, -, @) the quote prefix, and plain text none", async () => {
    const { zip, ws, sheetXml } = await written('=HYPERLINK("http://example.org","x")', "@SUM(1+1)");
    const xfs = await cellFormats(zip);
    // Row 5 is the first offer (header on row 4); A is the supplier, B the product.
    expect(ws.getCell("A5").value).toBe('=HYPERLINK("http://example.org","x")');
    expect(ws.getCell("B5").value).toBe("@SUM(1+1)");
    expect(xfs[styleIndex(sheetXml, "A5")]).toContain('quotePrefix="1"');
    expect(xfs[styleIndex(sheetXml, "B5")]).toContain('quotePrefix="1"');
    expect(ws.getCell("A6").value).toBe("Supplier B");
    expect(xfs[styleIndex(sheetXml, "A6")]).not.toContain("quotePrefix");
    expect(sheetXml).not.toMatch(/<c r="[AB]5"[^>]*>\s*<f>/);
  });

  it.each(["+cmd", "-2+3"])("quotes %s as well", async (name) => {
    const { zip, ws, sheetXml } = await written(name, "Model");
    expect(ws.getCell("A5").value).toBe(name);
    expect((await cellFormats(zip))[styleIndex(sheetXml, "A5")]).toContain('quotePrefix="1"');
  });

  it("cuts a 40 000-character name at Excel's limit with a visible mark and strips bidi controls", async () => {
    const { ws } = await written(LONG, REVERSED);
    const cut = ws.getCell("A5").value as string;
    expect(cut).toHaveLength(EXCEL_CELL_LIMIT);
    expect(cut.endsWith(CUT_MARK)).toBe(true);
    expect(cut.startsWith("LLLL")).toBe(true);
    expect(ws.getCell("B5").value).toBe("redivorP Ltd x");
  });

  it("widens a column for a long name only up to a bound, even when a name has 10 000 characters", async () => {
    const widths = async (supplier: string) => (await written(supplier, "Model")).ws.columns.map((c) => c.width ?? 0);
    const [short, long] = [await widths("Supplier A"), await widths("S".repeat(10_000))];
    expect(long.length).toBe(short.length);
    expect(Math.max(...long)).toBeLessThanOrEqual(40);
    // Only the supplier's column grows; names shorter than it fit whole (issue 7: offer names not cut).
    expect(long.filter((w, i) => w !== short[i])).toHaveLength(1);
  });

  it("writes the same text through the Office.js path (apostrophe prefix, cut, no bidi controls)", () => {
    expect(officeCell(REVERSED)).toBe("'redivorP Ltd x");
    expect(officeCell(LONG)).toBe(`'${cellText(LONG)}`);
    expect(cellText(LONG)).toHaveLength(EXCEL_CELL_LIMIT);
    expect(cellText("=1+1")).toBe("=1+1");
  });

  it("leaves text within the limit whole", () => {
    const exact = "x".repeat(EXCEL_CELL_LIMIT);
    expect(cellText(exact)).toBe(exact);
    expect(cellText(emptyBid("computers").supplier)).toBe("");
  });
});
