/**
 * Returned bid forms, read with exceljs (browser and Node): each file's cells into a plain grid, then
 * checked by the model (src/model/bidForm.ts: stamp, protected cells, types, required answers). A file
 * that is not a workbook is refused like any other form, never thrown.
 */
import ExcelJS from "exceljs";
import type { Language } from "../../i18n";
import type { Bid, ComparisonKind, Parameters } from "../../model";
import { type FormGrid, type FormValue, type FormsImport, type ReturnedForm, formBatch, tenderIdentity } from "../../model/bidForm";
import { formExpectation } from "./texts";

export interface FormFile {
  /** As the report names it (the file name, without the folder). */
  readonly name: string;
  readonly bytes: Uint8Array | ArrayBuffer;
}

/** exceljs's cell value as the model's: rich text and hyperlinks as their text, shared formulas as formulas. */
function formValue(v: ExcelJS.CellValue | undefined): FormValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("error" in v) return { error: String(v.error) };
  if ("formula" in v || "sharedFormula" in v) {
    const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
    return {
      formula: f.formula ?? f.sharedFormula ?? "",
      result: f.result === undefined ? undefined : formValue(f.result as ExcelJS.CellValue),
    };
  }
  if ("hyperlink" in v) return formValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  return null;
}

function gridOf(ws: ExcelJS.Worksheet): FormGrid {
  const grid = new Map<number, Map<number, FormValue>>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = new Map<number, FormValue>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged cell's other parts repeat the master's value: read the master only.
      if (cell.isMerged && cell.master !== cell) return;
      const value = formValue(cell.value);
      if (value !== null) cells.set(c - 1, value);
    });
    if (cells.size) grid.set(r - 1, cells);
  });
  return grid;
}

/** One file's sheets as grids; an unreadable file says why. */
export async function readReturnedForm(file: FormFile): Promise<ReturnedForm> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { file: file.name, sheets: new Map(), unreadable: e instanceof Error ? e.message : String(e) };
  }
  return { file: file.name, sheets: new Map(wb.worksheets.map((ws) => [ws.name, gridOf(ws)])) };
}

/**
 * Returned forms for this comparison: every file read and checked; the offers of the accepted forms come
 * back to be appended (never over `existing`, which is only read to refuse an offer imported twice).
 * Files are read and checked one after the other, so the caller's page gets a turn between them.
 */
export async function importBidForms(
  files: readonly FormFile[],
  kind: ComparisonKind,
  parameters: Parameters,
  lang: Language,
  existing: readonly Bid[] = [],
): Promise<FormsImport> {
  const expected = formExpectation(await tenderIdentity(kind, parameters), lang);
  const batch = formBatch(expected, existing);
  // Checked as read: only one workbook is held at a time.
  for (const f of files) batch.add(await readReturnedForm(f));
  return batch.done();
}
