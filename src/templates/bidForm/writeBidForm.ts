/**
 * The bid form as an .xlsx for bidders (exceljs; browser and Node): one sheet "Offer" (in the form's
 * language) with the instructions, the bidder's name and one row per offered product; a unit in every header,
 * a list or a number range on every input cell, input cells unlocked and the sheet protected; and a
 * veryHidden stamp sheet naming the tender, its parameter-set version and the fingerprint of its settings.
 * Every column comes from BID_FIELDS (src/model/bidForm.ts): a new Bids field is on the next form as is.
 */
import ExcelJS from "exceljs";
import type { Language } from "../../i18n";
import type { ComparisonKind, Parameters } from "../../model";
import {
  type BidFormLayout,
  type BidFormStamp,
  DEFAULT_FORM_ROWS,
  type FixedCell,
  STAMP_SHEET,
  a1,
  bidFormLayout,
  formCriteria,
  formStamp,
  stampRows,
  tenderIdentity,
} from "../../model/bidForm";
import { type Criterion, LABELS, criterionOf, criterionQuestion, labelName } from "../../model/criteria";
import { criteriaText } from "../../i18n/criteria";
import { isFormulaLike } from "../../model/displayText";
import { bidColumns } from "../comparison";
import { ROLE_STYLE } from "../plan";
import { FIELD_UNITS, NUMBER_FORMATS, tBuilt } from "../text";
import { withQuotePrefix } from "../xlsx/writeXlsx";
import { bidFormTexts, groupName, tf } from "./texts";

/** exceljs keeps validation per sheet in a model its typings do not declare. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: object): void } };

export interface BidFormOptions {
  /** Offer rows on the form (1 to MAX_FORM_ROWS); DEFAULT_FORM_ROWS when absent. */
  readonly rows?: number;
}

export interface BidForm {
  readonly bytes: Uint8Array;
  readonly stamp: BidFormStamp;
  readonly layout: BidFormLayout;
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const TEXT_FORMAT = "@";
/** Excel's limits on a validation's input message: 32 characters of title, 255 of text. */
const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const FIXED_STYLE: Record<FixedCell["role"], Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14 } },
  hint: { font: { italic: true, color: { argb: argb(ROLE_STYLE.hint.color!) } } },
  label: { font: { bold: true } },
  marker: { font: { italic: true, size: 9, color: { argb: argb(ROLE_STYLE.hint.color!) } } },
  header: {
    font: { bold: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(ROLE_STYLE.header.fill!) } },
    alignment: { wrapText: true, vertical: "top" },
  },
};

const inputStyle = (numFmt: string): Partial<ExcelJS.Style> => ({
  numFmt,
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(ROLE_STYLE.input.fill!) } },
  protection: { locked: false },
});

/** A column's note (the Bids table's), or none when the text tables have none for a new field yet. */
function noteOf(lang: Language, key: string): string | undefined {
  const note = tBuilt(lang, `bidNote.${key}`);
  return note === `bidNote.${key}` ? undefined : note;
}

/** Text written so that it can never run: a string cell, and formula-like text with the Text format and quote prefix (the layout's texts are already cut to a cell). */
function writeText(cell: ExcelJS.Cell, text: string, style: Partial<ExcelJS.Style> = {}): void {
  cell.value = text;
  cell.style = isFormulaLike(text) ? { ...style, numFmt: TEXT_FORMAT } : style;
}

/** The form for one product group, from the comparison's Parameters, in `lang`. */
export async function writeBidForm(
  kind: ComparisonKind,
  parameters: Parameters,
  lang: Language,
  options: BidFormOptions = {},
): Promise<BidForm> {
  const identity = await tenderIdentity(kind, parameters);
  const rows = options.rows ?? DEFAULT_FORM_ROWS;
  const layout = bidFormLayout(
    kind,
    rows,
    (at) => bidFormTexts(kind, parameters, lang, identity.fingerprint, Math.max(1, rows), at),
    formCriteria(kind, parameters.criteria),
  );
  const sheetName = tf(lang, "sheet.offer");
  const stamp = formStamp(identity, layout, lang, sheetName);

  const wb = new ExcelJS.Workbook();
  wb.creator = "Circular ICT";
  wb.title = tf(lang, "title", { group: groupName(lang, kind) });
  wb.keywords = `circular-ict-bidform;${kind};${identity.fingerprint}`;
  const ws = wb.addWorksheet(sheetName);
  for (const c of layout.fixed) writeText(ws.getCell(a1(c.col, c.row)), c.text, FIXED_STYLE[c.role]);

  const supplier = ws.getCell(a1(layout.supplier.col, layout.supplier.row));
  supplier.style = inputStyle(TEXT_FORMAT);

  const ranges = bidColumns(kind);
  const last = layout.firstDataRow + layout.rows - 1;
  layout.columns.forEach((f, col) => {
    const unit = f.unit ? FIELD_UNITS[f.unit] : undefined;
    // One style object per column: exceljs shares it, so 10 000 rows do not make 10 000 styles.
    const style = inputStyle(f.kind === "text" ? TEXT_FORMAT : f.kind === "number" ? NUMBER_FORMATS[unit ?? "text"] : "General");
    for (let row = layout.firstDataRow; row <= last; row++) ws.getCell(a1(col, row)).style = style;
    const header = layout.fixed.find((c) => c.role === "header" && c.col === col)!.text;
    const note = noteOf(lang, f.key);
    if (note) ws.getCell(a1(col, layout.headerRow)).note = note;
    const help = note ? { showInputMessage: true, promptTitle: clip(header, 32), prompt: clip(note, 255) } : {};
    const error = {
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: clip(tf(lang, "validation.title"), 32),
      error: clip(tf(lang, "validation.message"), 255),
    };
    const range = `${a1(col, layout.firstDataRow)}:${a1(col, last)}`;
    const bounds = ranges.find((r) => r.key === f.key);
    let rule: object = { type: "any", ...help };
    if (f.options?.length) rule = { type: "list", allowBlank: true, formulae: [`"${f.options.join(",")}"`], ...help, ...error };
    else if (f.kind === "number") {
      const min = bounds?.min ?? 0;
      const between =
        bounds?.max === undefined
          ? { operator: "greaterThanOrEqual", formulae: [min] }
          : { operator: "between", formulae: [min, bounds.max] };
      rule = { type: "decimal", allowBlank: true, ...between, ...help, ...error };
    }
    (ws as WithValidations).dataValidations.add(range, rule);
    ws.getColumn(col + 1).width = f.kind === "text" ? 28 : 16;
  });
  // The criteria answer columns: yes/no and labels from a list in the form's words, numbers in the criterion's range.
  layout.criteria.forEach((fc, i) => {
    const col = layout.columns.length + i;
    const c = criterionOf(fc.id) as Criterion;
    const style = inputStyle(c.answer === "number" ? "General" : TEXT_FORMAT);
    for (let row = layout.firstDataRow; row <= last; row++) ws.getCell(a1(col, row)).style = style;
    const header = layout.fixed.find((x) => x.role === "header" && x.col === col)!.text;
    const question = criterionQuestion(lang, fc.id);
    ws.getCell(a1(col, layout.headerRow)).note = question;
    const words =
      c.answer === "yesNo"
        ? [criteriaText(lang, "answer.yes"), criteriaText(lang, "answer.no")]
        : c.answer === "label"
          ? LABELS.map((l) => labelName(lang, l))
          : undefined;
    const rule = words
      ? { type: "list", allowBlank: true, formulae: [`"${words.join(",")}"`] }
      : c.max === undefined
        ? { type: "decimal", allowBlank: true, operator: "greaterThanOrEqual", formulae: [c.min ?? 0] }
        : { type: "decimal", allowBlank: true, operator: "between", formulae: [c.min ?? 0, c.max] };
    (ws as WithValidations).dataValidations.add(`${a1(col, layout.firstDataRow)}:${a1(col, last)}`, {
      ...rule,
      showInputMessage: true,
      promptTitle: clip(header, 32),
      prompt: clip(question, 255),
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: clip(tf(lang, "validation.title"), 32),
      error: clip(tf(lang, "validation.message"), 255),
    });
    ws.getColumn(col + 1).width = c.answer === "label" ? 22 : 16;
  });
  // Column A also holds the bidder's name label, whose input cell is B.
  const label = layout.fixed.find((c) => c.role === "label")!.text;
  ws.getColumn(1).width = Math.max(ws.getColumn(1).width ?? 0, 28, label.length + 2);
  ws.getRow(layout.headerRow + 1).height = 45;
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  // The stamp: text only, on a sheet the bidder does not see (veryHidden: not even in Unhide).
  const st = wb.addWorksheet(STAMP_SHEET, { state: "veryHidden" });
  stampRows(stamp).forEach((cells, r) => cells.forEach((text, c) => writeText(st.getCell(a1(c, r)), text)));
  await st.protect("", { selectLockedCells: false, selectUnlockedCells: false });

  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  const bytes = await withQuotePrefix(new Uint8Array(await wb.xlsx.writeBuffer()));
  return { bytes, stamp, layout };
}
