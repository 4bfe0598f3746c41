/**
 * The participant's call-off workbook (the Call-off view's download, callOffWorkbookInput): its Bids table is
 * the framework's catalogue whatever the Offers step holds, its Call-off sheet holds the quantities typed (by
 * product), its Parameters are the set's values with the participant's own only where the set leaves them
 * local. LibreOffice's recalculation of that workbook equals the pane's call-off (computeCallOff), line by
 * line and in total, also when the comparison changed a value the set does not leave local.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { webcrypto } from "node:crypto";
import ExcelJS from "exceljs";
import { xlsxBytes } from "../../src/host/xlsxJob";
import { computeCallOff, productKey } from "../../src/model/callOff";
import { type ParameterSet, publishParameterSet } from "../../src/model/parameterSet";
import { callOffWorkbookInput } from "../../src/taskpane/wizard/framework/callOffWorkbook";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { recalculate } from "../templates/libreoffice";

if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
jest.setTimeout(300_000);

const notebookC = { ...bidB, supplier: "Supplier C", product: "Notebook C", price: 910, tecKWhPerYear: 14, embodiedKgCO2e: 250 };
let set: ParameterSet;
beforeAll(async () => {
  set = await publishParameterSet(
    referenceParameters,
    { name: "ICT framework 2027", version: "1.0", date: "2026-12-03", publisher: "CPB", local: ["electricityPricePerKWh"] },
    { kind: "computers", bids: [bidA, bidB, notebookC] },
  );
});

// The participant's own electricity price (local: taken) and discount rate (not local: not taken).
const current = { ...referenceParameters, electricityPricePerKWh: 0.31, discountRate: 0.07 };
// Typed in the pane: B left blank, a wrong quantity for C (not whole: not counted), a product gone from the set.
const typed = { [productKey(bidA)]: "30", [productKey(bidB)]: "", [productKey(notebookC)]: "2.5", "Supplier Z | Gone | new": "9" };
const valid = { ...typed, [productKey(notebookC)]: "12" };

it("lists the catalogue, not the Offers step's offers, with the quantities in the Call-off sheet and the set's values", async () => {
  const input = callOffWorkbookInput(set, typed, current, "en")!;
  expect(input.bids.map((b) => b.product)).toEqual(["Notebook A", "Notebook B", "Notebook C"]);
  expect(input.callOffQuantities).toEqual([30, null, null]);
  expect(input.parameters.electricityPricePerKWh).toBe(0.31);
  expect(input.parameters.discountRate).toBe(referenceParameters.discountRate);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await xlsxBytes(input)) as unknown as ArrayBuffer);
  const callOff = book.getWorksheet("LCC Call-off")!;
  expect([5, 6, 7, 8].map((r) => callOff.getCell(`B${r}`).value)).toEqual([30, null, null, null]);
  const bids = book.getWorksheet("LCC Bids")!;
  const cells: unknown[] = [];
  bids.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
  expect(cells.filter((v) => typeof v === "string" && /^Notebook [A-Z]$/.test(v))).toEqual(["Notebook A", "Notebook B", "Notebook C"]);
  expect(callOffWorkbookInput({ ...set, offers: undefined }, typed, current, "en")).toBeNull();
});

it("LibreOffice's recalculation of the call-off workbook equals the pane's call-off, line by line and in total", async () => {
  const input = callOffWorkbookInput(set, valid, current, "nl")!;
  const model = computeCallOff(set, valid, current, "nl");
  expect(model.lines.map((l) => l.quantity)).toEqual([30, 12]);
  const dir = mkdtempSync(join(tmpdir(), "calloff-book-"));
  const file = join(dir, "afroep.xlsx");
  writeFileSync(file, await xlsxBytes(input));
  const [out] = recalculate([file], join(dir, "out"));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const ws = book.getWorksheet("LCC Afroep")!;
  const close = (actual: unknown, expected: number) => {
    expect(typeof actual).toBe("number");
    expect(Math.abs((actual as number) - expected) / Math.max(1, Math.abs(expected))).toBeLessThanOrEqual(1e-9);
  };
  const figures = (row: number) => ["C", "D", "E", "F", "G", "H"].map((c) => ws.getCell(`${c}${row}`).result);
  const rowOf = { [productKey(bidA)]: 5, [productKey(notebookC)]: 7 };
  for (const l of model.lines) {
    const expected = [l.lcc, l.costPerYear, l.productionCo2Kg, l.useCo2Kg, l.purchase, l.runningPerYear];
    figures(rowOf[l.key]).forEach((v, i) => close(v, expected[i]));
  }
  // B's row counts 0; the totals row follows the Bids table's 10 rows.
  expect(figures(6)).toEqual([0, 0, 0, 0, 0, 0]);
  const t = model.totals;
  figures(15).forEach((v, i) => close(v, [t.lcc, t.costPerYear, t.productionCo2Kg, t.useCo2Kg, t.purchase, t.runningPerYear][i]));
});
