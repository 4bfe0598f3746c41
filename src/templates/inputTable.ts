/**
 * An input Excel table (Bids, Scenarios): one row per offer or option, a header with units, input
 * formats, lists for codes, input help, cells left unlocked so a protected workbook still takes offers.
 */
import { columnLetter, rangeAddress, sheetRef } from "./address";
import { codeWord, codeWords } from "./codes";
import { headerRowPoints, headerWidth } from "./layout";
import type { SheetDraft, ValidationRule } from "./draft";
import type { Language } from "../i18n";
import type { PlanCell, TablePlan } from "./plan";
import { NUMBER_FORMATS, type UnitKey, headerWithUnit, tBuilt, unitLabel } from "./text";

export interface InputColumn {
  readonly key: string;
  readonly kind: "text" | "number" | "enum";
  readonly unit?: UnitKey;
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** A column not named by `key` in the templates' wording (a criterion's answer): its header and help. */
  readonly header?: string;
  readonly help?: string;
  /** Its validation list as written (the workbook's words), instead of coded `options`. */
  readonly list?: readonly string[];
}

/** Where the table's data sit, for formulas on other sheets ("'LCC Bids'!$F12"). */
export interface InputTableLayout {
  readonly firstRow: number;
  readonly rowCount: number;
  /** Reference to column `key` in data row i (0-based), from another sheet. */
  cell(key: string, i: number): string;
}

/**
 * What an input column's cells take: their rule (a list of the workbook's words, or a number within
 * bounds), input help and number format, in the workbook's language. The pane gives a column it adds to
 * the table later (a criterion switched on after the template was written) the same.
 */
export function inputCheck(
  lang: Language,
  c: InputColumn,
  labels: { readonly label: string; readonly note: string },
): { rule: ValidationRule; help: { title: string; message: string }; numberFormat: string } {
  const list = c.list ?? codeWords(lang, c.key, c.options ?? []);
  const rule = c.kind === "enum" ? { list } : c.kind === "number" ? { min: c.min ?? 0, max: c.max } : {};
  const help = { title: c.header ?? tBuilt(lang, `${labels.label}.${c.key}`), message: c.help ?? tBuilt(lang, `${labels.note}.${c.key}`) };
  return { rule, help, numberFormat: NUMBER_FORMATS[c.unit ?? "text"] };
}

export function inputTable(
  d: SheetDraft,
  headerRow: number,
  columns: readonly InputColumn[],
  rows: readonly (readonly PlanCell[])[],
  tableName: string,
  labels: { readonly label: string; readonly note: string },
  currency: string,
): { table: TablePlan; layout: InputTableLayout } {
  const lang = d.lang;
  const headers = columns.map((c) =>
    headerWithUnit(c.header ?? tBuilt(lang, `${labels.label}.${c.key}`), c.unit ? unitLabel(lang, c.unit, currency) : ""),
  );
  const listOf = (c: InputColumn): readonly string[] => c.list ?? codeWords(lang, c.key, c.options ?? []);
  const firstRow = headerRow + 1;
  // Codes as the words of the workbook's language ("gereviseerd"); formulas read them back with codeOf.
  const shown = rows.map((row) =>
    row.map((cell, i) => {
      const c = columns[i];
      return c?.kind === "enum" && typeof cell === "string" && c.options?.includes(cell) ? codeWord(lang, c.key, cell) : cell;
    }),
  );
  // Header and rows in one 2-D write: the table is then laid over values that are already there.
  d.write(0, headerRow, [headers, ...shown]);
  d.style(0, headerRow, columns.length, 1, { role: "header", wrap: true });
  columns.forEach((c, col) => {
    const check = inputCheck(lang, c, labels);
    d.style(col, firstRow, 1, rows.length, { role: "input", locked: false, numberFormat: check.numberFormat });
    d.note(col, headerRow, check.help.message);
    d.validate(col, firstRow, rows.length, check.rule, check.help);
  });
  // Headers wrap between words, never inside one; texts and the words of lists show whole.
  const longest = (i: number) => Math.max(0, ...shown.map((r) => (typeof r[i] === "string" ? String(r[i]).length : 0)));
  d.columnWidths = columns.map((c, i) =>
    c.kind === "number"
      ? headerWidth(headers[i], 10)
      : Math.min(
          40,
          Math.max(
            headerWidth(headers[i], 14),
            Math.ceil(Math.max(longest(i), ...(c.kind === "enum" ? listOf(c).map((w) => w.length) : [])) * 1.1) + 2,
          ),
        ),
  );
  d.rowHeight(headerRow, headerRowPoints(headers, d.columnWidths));
  d.freezeRows = firstRow;
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const prefix = sheetRef(d.name);
  return {
    table: { sheet: d.key, name: tableName, range: rangeAddress(0, headerRow, columns.length, rows.length + 1), headers },
    layout: {
      firstRow,
      rowCount: rows.length,
      cell: (key, i) => {
        const col = index.get(key);
        if (col === undefined) throw new Error(`no input column ${key}`);
        return `${prefix}$${columnLetter(col)}${firstRow + i + 1}`;
      },
    },
  };
}
