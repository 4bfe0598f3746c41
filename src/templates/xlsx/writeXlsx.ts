/**
 * The .xlsx writer (exceljs): applies a cell plan to a new workbook, for downloads, the CLI and the
 * LibreOffice parity tests. Same sheets, names, table, formats, validation, notes, protection, page setup
 * and charts as the Office.js writer; the charts and the column page breaks, which exceljs cannot write,
 * are added to the package afterwards (charts.ts). Formulas carry no cached value, so a spreadsheet
 * computes them on open.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellText, isFormulaLike } from "../../model/displayText";
import { absolute, parseRange, sheetRef, cellAddress } from "../address";
import { buildPlan } from "../buildPlan";
import { MARGIN_INCHES } from "../layout";
import { type CellPlan, type PlanCell, type PrintPlan, ROLE_STYLE, type Style, type Validation, isFormula } from "../plan";
import { addCharts, sheetPaths } from "./charts";
import type { SheetKey, TemplateInput } from "../types";

/** exceljs keeps validation per sheet in a model its typings do not declare. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: object): void } };

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function cellValue(cell: PlanCell): ExcelJS.CellValue {
  // A string stays a string cell whatever it starts with: exceljs writes formulas only from { formula }.
  if (isFormula(cell)) return { formula: cell.formula, date1904: false };
  return typeof cell === "string" ? cellText(cell) : cell;
}

/** Excel's built-in "@" (Text) format, the marker of cells that must get the quote prefix. */
const TEXT_FORMAT = "@";
const TEXT_FORMAT_ID = 49;


/**
 * exceljs cannot write the quote prefix, so the formats of marked cells get it here: "=SUM(A1)" from an
 * offer name stays text when someone edits the cell in Excel, as the Office.js writer's apostrophe does.
 */
export async function withQuotePrefix(xlsx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const path = "xl/styles.xml";
  const styles = await zip.file(path)!.async("string");
  const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/;
  const patched = styles.replace(cellXfs, (xfs) => xfs.replace(new RegExp(`<xf numFmtId="${TEXT_FORMAT_ID}"`, "g"), `<xf numFmtId="${TEXT_FORMAT_ID}" quotePrefix="1"`));
  if (patched === styles) return xlsx;
  zip.file(path, patched);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * The workbook's font: Arial 10 instead of exceljs's Calibri 11 (a theme font). LibreOffice prints Arial
 * with Liberation Sans, which has the same widths, while a missing Calibri falls back to a wider font;
 * so the column widths and page breaks chosen here hold in Excel and LibreOffice alike.
 */
async function withPrintFont(zip: JSZip): Promise<void> {
  const path = "xl/styles.xml";
  const styles = await zip.file(path)!.async("string");
  const patched = styles.replace(/<fonts\b[^>]*>\s*<font>[\s\S]*?<\/font>/, (head) =>
    head.replace(/<scheme val="minor"\/>/, "").replace(/<sz val="11"\/>/, '<sz val="10"/>').replace(/<name val="Calibri"\/>/, '<name val="Arial"/>'),
  );
  zip.file(path, patched);
}

/** A4 landscape; the print area, titles and fit (or scale) of the plan; the footer on every page. */
function pageSetup(ws: ExcelJS.Worksheet, print: PrintPlan): void {
  const titleColumns = print.titleColumns ? { printTitlesColumn: print.titleColumns } : {};
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: "landscape",
    paperSize: 9,
    // exceljs puts a $ before each column only: "A$1:E$40" becomes the absolute $A$1:$E$40.
    ...(print.area ? { printArea: print.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2") } : {}),
    ...(print.titleRows ? { printTitlesRow: print.titleRows } : {}),
    ...titleColumns,
    ...(print.fitToWidth ? { fitToPage: true, fitToWidth: print.fitToWidth, fitToHeight: 0 } : { fitToPage: false, scale: print.scale ?? 100 }),
    margins: { left: MARGIN_INCHES, right: MARGIN_INCHES, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  const { left, center, right } = print.footer;
  ws.headerFooter = { ...ws.headerFooter, oddFooter: `&L${left}&C${center}&R${right}` };
}

/** Manual page breaks between columns (exceljs writes row breaks only): <colBreaks> after the footer. */
async function withColumnBreaks(zip: JSZip, plan: CellPlan): Promise<void> {
  const paths = await sheetPaths(zip);
  for (const s of plan.sheets) {
    const breaks = s.print?.columnBreaks ?? [];
    const path = paths.get(s.name);
    if (!breaks.length || !path) continue;
    const xml = await zip.file(path)!.async("string");
    const element = `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join("")}</colBreaks>`;
    const after = /<\/headerFooter>|<headerFooter\b[^>]*\/>|<\/rowBreaks>/g;
    let at = -1;
    for (let m = after.exec(xml); m; m = after.exec(xml)) at = m.index + m[0].length;
    if (at < 0) throw new Error(`no footer to put the column breaks after in ${path}`);
    zip.file(path, `${xml.slice(0, at)}${element}${xml.slice(at)}`);
  }
}

/**
 * The most offers one .xlsx is written with: every offer adds a Results row of ~3.7 KB of formulas and
 * exceljs holds the whole workbook in memory, about 150 KB per offer while writing (5 000 offers: ~0.8 GB,
 * `npm run bench`). Above it the CLI refuses with this number rather than run out of memory.
 */
export const MAX_XLSX_OFFERS = 5_000;

type CellStyle = Partial<ExcelJS.Style>;

/** See withPrintFont. */
const PRINT_FONT = { name: "Arial", size: 10 } as const;

/**
 * Cell styles shared between cells: exceljs looks a style up by object identity, so one object per
 * distinct style keeps a 20 000-row workbook from hashing a new font and fill for each of its cells.
 * A shared object is never changed afterwards: cells get a new merged one (cell setters would mutate it).
 */
class StylePool {
  private readonly pool = new Map<string, CellStyle>();
  private intern(style: CellStyle): CellStyle {
    const key = JSON.stringify(style);
    const known = this.pool.get(key);
    if (known) return known;
    this.pool.set(key, style);
    return style;
  }
  restyle(cell: ExcelJS.Cell, style: Style): void {
    cell.style = this.merged(cell.style, style);
  }
  private merged(current: CellStyle, style: Style): CellStyle {
    const role = style.role ? ROLE_STYLE[style.role] : {};
    const next: CellStyle = { ...current };
    if (style.numberFormat) next.numFmt = style.numberFormat;
    if (role.fill) next.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(role.fill) } };
    if (role.bold || role.italic || role.size || role.color)
      next.font = { name: PRINT_FONT.name, size: role.size ?? PRINT_FONT.size, bold: role.bold, italic: role.italic, color: role.color ? { argb: argb(role.color) } : undefined };
    if (style.locked !== undefined) next.protection = { locked: style.locked };
    if (style.wrap) next.alignment = { wrapText: true, vertical: "top" };
    return this.intern(next);
  }
}

function validationOf(v: Validation): object {
  const help = v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {};
  const error = v.error ? { showErrorMessage: true, errorStyle: "stop", errorTitle: v.error.title, error: v.error.message } : {};
  if (v.list) return { type: "list", allowBlank: true, formulae: [`"${v.list.join(",")}"`], ...help, ...error };
  if (v.decimal) {
    const { min = 0, max } = v.decimal;
    const rule = max === undefined ? { operator: "greaterThanOrEqual", formulae: [min] } : { operator: "between", formulae: [min, max] };
    return { type: "decimal", allowBlank: true, ...rule, ...help, ...error };
  }
  return { type: "any", ...help };
}

export async function planToXlsx(plan: CellPlan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Circular ICT";
  wb.title = plan.template;
  // The version stamp (workbook settings in the Office.js writer) goes into the file's keywords.
  wb.keywords = `circular-ict-template;${plan.template};${plan.version}`;
  const sheets = new Map<SheetKey, ExcelJS.Worksheet>();
  const styles = new StylePool();
  for (const s of plan.sheets) {
    const ws = wb.addWorksheet(s.name, {
      state: s.hidden ? "hidden" : "visible",
      views: s.freezeRows ? [{ state: "frozen", ySplit: s.freezeRows }] : [],
    });
    sheets.set(s.key, ws);
    const formulaLike: ExcelJS.Cell[] = [];
    for (const block of s.blocks) {
      const { col, row } = parseRange(block.anchor);
      block.rows.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (cell === null) return;
          const target = ws.getCell(cellAddress(col + c, row + r));
          target.value = cellValue(cell);
          if (typeof cell === "string" && isFormulaLike(cell)) formulaLike.push(target);
        }),
      );
    }
    for (const { range, style } of s.styles) {
      const r = parseRange(range);
      for (let y = 0; y < r.height; y++)
        for (let x = 0; x < r.width; x++) styles.restyle(ws.getCell(cellAddress(r.col + x, r.row + y)), style);
    }
    // After the column styles: formula-like text gets the Text format, the marker withQuotePrefix looks for.
    for (const c of formulaLike) styles.restyle(c, { numberFormat: TEXT_FORMAT });
    s.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const { row, height } of s.rowHeights) ws.getRow(row + 1).height = height;
    for (const range of s.merges) ws.mergeCells(range);
    if (s.print) pageSetup(ws, s.print);
    for (const v of s.validations) (ws as WithValidations).dataValidations.add(v.range, validationOf(v));
    for (const n of s.notes) ws.getCell(n.address).note = n.text;
  }
  for (const table of plan.tables) {
    const ws = sheets.get(table.sheet)!;
    const r = parseRange(table.range);
    const rows = Array.from({ length: r.height - 1 }, (_, y) => table.headers.map((_h, x) => ws.getCell(cellAddress(r.col + x, r.row + 1 + y)).value));
    ws.addTable({
      name: table.name,
      ref: cellAddress(r.col, r.row),
      headerRow: true,
      style: { theme: "TableStyleLight1", showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
  for (const n of plan.names) wb.definedNames.add(`${sheetRef(sheets.get(n.sheet)!.name)}${absolute(n.range)}`, n.name);
  for (const s of plan.sheets) {
    if (s.protect) await sheets.get(s.key)!.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: plan.sheets.findIndex((s) => s.key === plan.activeSheet), visibility: "visible" }];
  const zip = await JSZip.loadAsync(await withQuotePrefix(new Uint8Array(await wb.xlsx.writeBuffer())));
  await withPrintFont(zip);
  await withColumnBreaks(zip, plan);
  await addCharts(zip, plan);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export const writeXlsx = (input: TemplateInput): Promise<Uint8Array> => planToXlsx(buildPlan(input));
