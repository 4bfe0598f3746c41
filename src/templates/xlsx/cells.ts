/**
 * The cells of the .xlsx, written as XML row by row: <sheetData> of every sheet, the shared strings and
 * the cell formats (styles.xml). exceljs keeps every cell as objects (~150 KB per offer of the Results
 * and Bids rows), so a workbook of 5 000 offers took 0.8 GB; here a row is XML text as soon as it is
 * built and the bytes of a sheet are all that is held. exceljs still writes everything else (sheet
 * views, columns, merges, validation, notes, protection, page setup, tables, names) around empty sheets,
 * and writeXlsx puts these cells into them. Same values, formats and quote prefix as exceljs wrote them.
 */
import { cellText, isFormulaLike } from "../../model/displayText";
import { cellAddress, parseRange } from "../address";
import { type CellPlan, type PlanCell, ROLE_STYLE, type SheetPlan, type Style, isFormula } from "../plan";

/** A cell's format, as exceljs modelled it: a later style range replaces a part (font, fill…) whole. */
interface CellFormat {
  numFmt?: string;
  fill?: string;
  font?: { size: number; bold?: boolean; italic?: boolean; color?: string };
  locked?: boolean;
  wrap?: boolean;
}

/** See withPrintFont's note in writeXlsx: Arial 10, not a theme font. */
const FONT = { name: "Arial", size: 10 } as const;
/** Excel's built-in "@" (Text) format, the marker of cells that get the quote prefix. */
export const TEXT_FORMAT = "@";
/** Excel's built-in formats (ids below 164 need no <numFmt>). */
const BUILT_IN: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  [TEXT_FORMAT]: 49,
};

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** XML text as exceljs escapes it: the five entities, and characters XML cannot hold dropped. */
/* eslint-disable no-control-regex */
const INVALID = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
const SPECIAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F&<>"']/;
/* eslint-enable no-control-regex */
export const xmlText = (s: string): string =>
  !SPECIAL.test(s)
    ? s
    : s
        .replace(INVALID, "")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&apos;");

function withStyle(current: CellFormat, style: Style): CellFormat {
  const role = style.role ? ROLE_STYLE[style.role] : {};
  const next: CellFormat = { ...current };
  if (style.numberFormat) next.numFmt = style.numberFormat;
  if (role.fill) next.fill = role.fill;
  if (role.bold || role.italic || role.size || role.color)
    next.font = { size: role.size ?? FONT.size, bold: role.bold, italic: role.italic, color: role.color };
  if (style.locked !== undefined) next.locked = style.locked;
  if (style.wrap) next.wrap = true;
  return next;
}

/** The cell formats in use, each once: cellXfs index 0 is the default (no format). */
export class CellFormats {
  private readonly xfs = new Map<string, number>([["{}", 0]]);
  private readonly xfXml = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = new Map<string, number>([
    ['<font><color theme="1"/><family val="2"/><sz val="10"/><name val="Arial"/></font>', 0],
  ]);
  private readonly fills = new Map<string, number>([
    ['<fill><patternFill patternType="none"/></fill>', 0],
    ['<fill><patternFill patternType="gray125"/></fill>', 1],
  ]);

  private static indexOf(map: Map<string, number>, key: string, start = 0): number {
    let i = map.get(key);
    if (i === undefined) map.set(key, (i = start + map.size));
    return i;
  }

  /** The cellXfs index of a format. */
  id(format: CellFormat): number {
    const key = JSON.stringify(format);
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const numFmtId = format.numFmt === undefined ? 0 : (BUILT_IN[format.numFmt] ?? CellFormats.indexOf(this.numFmts, format.numFmt, 164));
    const f = format.font;
    const fontId = f
      ? CellFormats.indexOf(
          this.fonts,
          `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}${f.color ? `<color rgb="${argb(f.color)}"/>` : ""}<sz val="${f.size}"/><name val="${FONT.name}"/></font>`,
        )
      : 0;
    const fillId = format.fill
      ? CellFormats.indexOf(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(format.fill)}"/></patternFill></fill>`)
      : 0;
    const attrs = [
      `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"`,
      format.numFmt !== undefined ? ' applyNumberFormat="1"' : "",
      f ? ' applyFont="1"' : "",
      format.fill ? ' applyFill="1"' : "",
      format.wrap ? ' applyAlignment="1"' : "",
      format.locked !== undefined ? ' applyProtection="1"' : "",
      // Formula-like text stays text when someone edits the cell, as the Office.js writer's apostrophe does.
      format.numFmt === TEXT_FORMAT ? ' quotePrefix="1"' : "",
    ].join("");
    const children = `${format.wrap ? '<alignment vertical="top" wrapText="1"/>' : ""}${format.locked !== undefined ? `<protection locked="${format.locked ? 1 : 0}"/>` : ""}`;
    const id = this.xfXml.push(children ? `<xf ${attrs}>${children}</xf>` : `<xf ${attrs}/>`) - 1;
    this.xfs.set(key, id);
    return id;
  }

  xml(): string {
    const list = (tag: string, items: Iterable<string>, extra = "") => {
      const all = [...items];
      return `<${tag} count="${all.length}"${extra}>${all.join("")}</${tag}>`;
    };
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">',
      numFmts.length ? list("numFmts", numFmts) : "",
      list("fonts", this.fonts.keys(), ' x14ac:knownFonts="1"'),
      list("fills", this.fills.keys()),
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      list("cellXfs", this.xfXml),
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
      "</styleSheet>",
    ].join("");
  }
}

/** The shared string table: each text once, cells refer to it by index. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;
  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    return i;
  }
  /** As chunks: 100 000 offers' names make one string too long to build at once. */
  *xml(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.index.size}">`;
    let chunk = "";
    for (const text of this.index.keys()) {
      chunk += /^\s|\n|\s$/.test(text) ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>` : `<si><t>${xmlText(text)}</t></si>`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}</sst>`;
  }
}

interface Span {
  readonly col: number;
  readonly row: number;
  readonly width: number;
  readonly height: number;
}
const covers = (s: Span, row: number) => row >= s.row && row < s.row + s.height;

/**
 * One sheet's cells as exceljs wrote them from the plan: block values (a later block wins), style ranges
 * applied in order, formula-like text given the Text format, cells merged into another taking that
 * cell's format and no value, a table's header row holding its column names. Yields <sheetData> in
 * chunks of rows and, at the end, the used range for <dimension>.
 */
export function* sheetData(sheet: SheetPlan, plan: CellPlan, formats: CellFormats, strings: SharedStrings): Generator<string, string> {
  const blocks = sheet.blocks.map((b) => ({ at: parseRange(b.anchor), rows: b.rows }));
  const ranges = sheet.styles.map(({ range, style }) => ({ span: parseRange(range) as Span, style }));
  const heights = new Map(sheet.rowHeights.map((h) => [h.row, h.height]));
  const headers = new Map<number, { col: number; names: readonly string[] }>();
  for (const t of plan.tables)
    if (t.sheet === sheet.key) headers.set(parseRange(t.range).row, { col: parseRange(t.range).col, names: t.headers });

  const spans: Span[] = [
    ...blocks.map((b) => ({ col: b.at.col, row: b.at.row, width: Math.max(0, ...b.rows.map((r) => r.length)), height: b.rows.length })),
    ...ranges.map((r) => r.span),
  ];
  const rowSet = [...heights.keys(), ...headers.keys()];
  let top = Math.min(...spans.map((s) => s.row), ...rowSet);
  let bottom = Math.max(...spans.map((s) => s.row + s.height - 1), ...rowSet);

  /** The format (and its cellXfs index, plain and as text) of every column in a row, from the style ranges covering it; memoised per set of ranges. */
  interface RowFormats {
    readonly formats: CellFormat[];
    readonly ids: number[];
    readonly textIds: number[];
  }
  const byRanges = new Map<string, RowFormats>();
  const rowFormats = (row: number): RowFormats => {
    const active: number[] = [];
    ranges.forEach((r, i) => covers(r.span, row) && active.push(i));
    const key = active.join(",");
    let out = byRanges.get(key);
    if (!out) {
      const formats: CellFormat[] = [];
      for (const i of active) {
        const { span, style } = ranges[i];
        for (let c = span.col; c < span.col + span.width; c++) formats[c] = withStyle(formats[c] ?? {}, style);
      }
      out = { formats, ids: [], textIds: [] };
      byRanges.set(key, out);
    }
    return out;
  };
  const idAt = (f: RowFormats, col: number, text: boolean): number => {
    const memo = text ? f.textIds : f.ids;
    let id = memo[col];
    if (id === undefined) {
      const format = f.formats[col] ?? {};
      memo[col] = id = formats.id(text ? withStyle(format, { numberFormat: TEXT_FORMAT }) : format);
    }
    return id;
  };
  const valueAt = (row: number, col: number): PlanCell => {
    let v: PlanCell = null;
    for (const b of blocks) {
      const cell = b.rows[row - b.at.row]?.[col - b.at.col];
      if (cell !== undefined && cell !== null) v = cell;
    }
    return v;
  };
  /** Cells merged into another: its format, no value. */
  const merged = new Map<string, number>();
  /** Rows with merged cells, and where their last merge ends. */
  const mergedRows = new Map<number, number>();
  for (const range of sheet.merges) {
    const m = parseRange(range);
    const v = valueAt(m.row, m.col);
    const id = idAt(rowFormats(m.row), m.col, typeof v === "string" && isFormulaLike(v));
    for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) if (x || y) merged.set(`${m.row + y},${m.col + x}`, id);
    for (let y = 0; y < m.height; y++) mergedRows.set(m.row + y, Math.max(mergedRows.get(m.row + y) ?? 0, m.col + m.width));
    top = Math.min(top, m.row);
    bottom = Math.max(bottom, m.row + m.height - 1);
  }

  let minCol = Infinity;
  let maxCol = -1;
  let minRow = Infinity;
  let maxRow = -1;
  let chunk = "<sheetData>";
  for (let row = top; row <= bottom; row++) {
    const values: PlanCell[] = [];
    for (const b of blocks) {
      const cells = b.rows[row - b.at.row];
      if (cells) cells.forEach((cell, c) => void (cell !== null && (values[b.at.col + c] = cell)));
    }
    const header = headers.get(row);
    header?.names.forEach((name, x) => (values[header.col + x] = name));
    const rowFormat = rowFormats(row);
    const width = Math.max(values.length, rowFormat.formats.length, mergedRows.get(row) ?? 0);
    let cells = "";
    for (let col = 0; col < width; col++) {
      const mergedId = mergedRows.has(row) ? merged.get(`${row},${col}`) : undefined;
      const value = mergedId === undefined ? (values[col] ?? null) : null;
      const id = mergedId ?? idAt(rowFormat, col, typeof value === "string" && isFormulaLike(value));
      if (value === null && !id) continue;
      minCol = Math.min(minCol, col);
      maxCol = Math.max(maxCol, col);
      const ref = cellAddress(col, row);
      const s = id ? ` s="${id}"` : "";
      if (value === null) cells += `<c r="${ref}"${s}/>`;
      else if (isFormula(value)) cells += `<c r="${ref}"${s}><f>${xmlText(value.formula)}</f></c>`;
      else if (typeof value === "number") cells += `<c r="${ref}"${s}><v>${value}</v></c>`;
      else if (typeof value === "boolean") cells += `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
      else cells += `<c r="${ref}"${s} t="s"><v>${strings.id(cellText(value))}</v></c>`;
    }
    const height = heights.get(row);
    if (cells) {
      minRow = Math.min(minRow, row);
      maxRow = row;
    }
    if (!cells && height === undefined) continue;
    chunk += `<row r="${row + 1}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ""}>${cells}</row>`;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}</sheetData>`;
  return maxCol < 0 ? "A1" : `${cellAddress(minCol, minRow)}:${cellAddress(maxCol, maxRow)}`;
}
