/**
 * The Office.js writer: inserts a template into the open workbook in two round trips whatever the number
 * of bids. Sync 1 reads the sheet, name and table names to pick free ones; sync 2 carries everything else
 * (values and formulas as 2-D arrays, tables after values, names, formats, validation, charts, protection)
 * with calculation suspended. It only ever adds sheets, so no existing cell is overwritten.
 *
 * Requirement sets: ExcelApi 1.8 (range.dataValidation). Also used: 1.7 (freezePanes, series
 * setXAxisValues, chart title setFormula), 1.6 (suspendApiCalculationUntilNextSync), 1.4 (names.add,
 * settings.add), 1.2 (format.protection, worksheet.protection, columnWidth, rowHeight, merge), 1.1 (the
 * rest). Page setup (worksheet.pageLayout, verticalPageBreaks) needs 1.9: where Excel lacks it, the
 * workbook is written without it.
 */
import { cellText } from "../../model/displayText";
import { cellAddress, parseRange, sheetRef } from "../address";
import { MARGIN_INCHES } from "../layout";
import { buildPlan, choosePlacement } from "../buildPlan";
import { TEMPLATE_SETTING_KEY } from "../names";
import { type CellPlan, type PlanCell, type PrintPlan, ROLE_STYLE, type Style, type Validation, isFormula } from "../plan";
import type { ProductGroup } from "../../model";
import type { Placement, SheetKey, TemplateInput } from "../types";

export interface WriteReport {
  readonly template: ProductGroup;
  readonly version: string;
  /** The sheet names actually used (may carry " (2)"). */
  readonly sheets: Placement["sheetNames"];
  /** Added to every workbook and table name ("" for the first template in a workbook). */
  readonly nameSuffix: string;
  readonly tableName: string;
  readonly rows: number;
  readonly syncs: number;
}

/** Excel.run, or a stand-in with the same shape (tests). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
const officeRun: ExcelRun = (batch) => Excel.run(batch);

/**
 * Literal text is written with Excel's apostrophe prefix: "=HYPERLINK(…)" from a CSV, "0012" or "1-2"
 * stay text instead of becoming a formula, a number or a date.
 */
export function officeCell(cell: PlanCell): string | number | boolean {
  if (cell === null) return "";
  if (isFormula(cell)) return `=${cell.formula}`;
  if (typeof cell === "string") return cell === "" ? "" : `'${cellText(cell)}`;
  return cell;
}

/** Column width in points from a width in characters (Calibri 11: about 7 px per character). */
const points = (chars: number) => Math.round(chars * 5.6 + 5);

function applyStyle(range: Excel.Range, style: Style, height: number, width: number): void {
  const role = style.role ? ROLE_STYLE[style.role] : {};
  if (style.numberFormat) range.numberFormat = Array.from({ length: height }, () => Array<string>(width).fill(style.numberFormat!));
  if (role.fill) range.format.fill.color = role.fill;
  if (role.bold) range.format.font.bold = true;
  if (role.italic) range.format.font.italic = true;
  if (role.size) range.format.font.size = role.size;
  if (role.color) range.format.font.color = role.color;
  if (style.wrap) range.format.wrapText = true;
  if (style.locked !== undefined) range.format.protection.locked = style.locked;
}

export function applyValidation(dv: Excel.DataValidation, v: Validation): void {
  if (v.list) dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
  else if (v.decimal) {
    const { min = 0, max } = v.decimal;
    dv.rule = {
      decimal:
        max === undefined ? { formula1: min, operator: "GreaterThanOrEqualTo" } : { formula1: min, formula2: max, operator: "Between" },
    };
  }
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  if (v.error) dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message };
}

/** Whether this Excel has worksheet.pageLayout (ExcelApi 1.9). */
export const supportsPageLayout = (): boolean =>
  typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.9") === true;

const INCH = 72;

/** The plan's page setup, as the .xlsx writer writes it: A4 landscape, area, titles, fit or scale, breaks, footer. */
function applyPrint(ws: Excel.Worksheet, print: PrintPlan): void {
  const layout = ws.pageLayout;
  layout.orientation = "Landscape";
  layout.paperSize = "A4";
  layout.leftMargin = MARGIN_INCHES * INCH;
  layout.rightMargin = MARGIN_INCHES * INCH;
  // verticalFitToPages 0: as many pages tall as the rows need (fitToHeight="0" in the file format).
  layout.zoom = print.fitToWidth ? { horizontalFitToPages: print.fitToWidth, verticalFitToPages: 0 } : { scale: print.scale ?? 100 };
  if (print.area) layout.setPrintArea(print.area);
  if (print.titleRows) layout.setPrintTitleRows(print.titleRows.replace(/(\d+)/g, "$$$1"));
  if (print.titleColumns) layout.setPrintTitleColumns(print.titleColumns.replace(/([A-Z]+)/g, "$$$1"));
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = print.footer.left;
  footer.centerFooter = print.footer.center;
  footer.rightFooter = print.footer.right;
  for (const col of print.columnBreaks) ws.verticalPageBreaks.add(cellAddress(col, 0));
}

/** Queues the whole plan; nothing here reads from Excel, so it needs no sync of its own. */
export function queuePlan(context: Excel.RequestContext, plan: CellPlan, pageLayout = supportsPageLayout()): void {
  const wb = context.workbook;
  const added = new Map<SheetKey, Excel.Worksheet>();
  for (const s of plan.sheets) {
    const ws = wb.worksheets.add(s.name);
    added.set(s.key, ws);
    for (const block of s.blocks) {
      const { col, row } = parseRange(block.anchor);
      ws.getRangeByIndexes(row, col, block.rows.length, block.rows[0].length).formulas = block.rows.map((cells) => cells.map(officeCell));
    }
    for (const { range, style } of s.styles) {
      const r = parseRange(range);
      applyStyle(ws.getRangeByIndexes(r.row, r.col, r.height, r.width), style, r.height, r.width);
    }
    s.columnWidths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = points(w)));
    for (const { row, height } of s.rowHeights) ws.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = height;
    for (const range of s.merges) ws.getRange(range).merge(false);
    if (pageLayout && s.print) applyPrint(ws, s.print);
    if (s.freezeRows) ws.freezePanes.freezeRows(s.freezeRows);
    // Notes need ExcelApi 1.18: in Excel the same help is each input cell's prompt (input message).
    for (const v of s.validations) applyValidation(ws.getRange(v.range).dataValidation, v);
  }
  for (const t of plan.tables) {
    const table = added.get(t.sheet)!.tables.add(t.range, true);
    table.name = t.name;
    table.style = "TableStyleLight1";
  }
  for (const n of plan.names) wb.names.add(n.name, added.get(n.sheet)!.getRange(n.range), n.comment);
  for (const c of plan.charts) {
    const ws = added.get(c.sheet)!;
    const chart = ws.charts.add(c.type, ws.getRange(c.data), "Columns");
    chart.title.text = c.title;
    // The title follows the comparison (per year when service lives differ).
    if (c.titleCell)
      chart.title.setFormula(
        `=${sheetRef(plan.sheets.find((x) => x.key === c.sheet)!.name)}${c.titleCell.replace(/([A-Z]+)(\d+)/, "$$$1$$$2")}`,
      );
    for (let i = 0; i < c.seriesCount; i++) chart.series.getItemAt(i).setXAxisValues(ws.getRange(c.categories));
    chart.setPosition(c.topLeft, c.bottomRight);
  }
  for (const s of plan.sheets) {
    const ws = added.get(s.key)!;
    if (s.hidden) ws.visibility = "Hidden";
    if (s.protect)
      ws.protection.protect({
        allowFormatColumns: true,
        allowFormatRows: true,
        allowEditObjects: true,
        allowAutoFilter: true,
        allowSort: true,
      });
  }
  added.get(plan.activeSheet)!.activate();
}

/**
 * The stamp the writer leaves in the workbook settings (TEMPLATE_SETTING_KEY), as JSON. The language tells the
 * pane which words the workbook's coded cells show (codes.ts); `scored`, which criteria its Results score, so
 * the pane says when one switched on later is not.
 */
export const templateStamp = (plan: CellPlan, placement: Placement): string =>
  JSON.stringify({
    template: plan.template,
    version: plan.version,
    language: plan.language,
    sheets: placement.sheetNames,
    nameSuffix: placement.nameSuffix,
    ...(plan.scored ? { scored: plan.scored } : {}),
  });

/**
 * Both writers: one Excel.run of two syncs. Sync 1 reads the sheet names (with `names`, also the workbook's
 * name and table names) and plans the template under names that are free; `queue` queues what to write from
 * that plan, and sync 2 carries it.
 */
async function writePlanned<T>(
  run: ExcelRun,
  input: TemplateInput,
  names: boolean,
  queue: (context: Excel.RequestContext, plan: CellPlan, placement: Placement) => T,
): Promise<T> {
  return run(async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets.load("items/name");
    const taken = names ? [wb.names.load("items/name"), wb.tables.load("items/name")] : [];
    await context.sync();
    const placement = choosePlacement(
      input,
      sheets.items.map((s) => s.name),
      taken.flatMap((c) => c.items.map((x) => x.name)),
    );
    const written = queue(context, buildPlan(input, placement), placement);
    await context.sync();
    return written;
  });
}

export async function writeTemplateToExcel(
  input: TemplateInput,
  run: ExcelRun = officeRun,
  pageLayout = supportsPageLayout(),
): Promise<WriteReport> {
  return writePlanned(run, input, true, (context, plan, placement) => {
    context.application.suspendApiCalculationUntilNextSync();
    queuePlan(context, plan, pageLayout);
    const table = plan.tables[0];
    context.workbook.settings.add(TEMPLATE_SETTING_KEY, templateStamp(plan, placement));
    return {
      template: plan.template,
      version: plan.version,
      sheets: placement.sheetNames,
      nameSuffix: placement.nameSuffix,
      tableName: table.name,
      rows: plan.results.rowCount,
      syncs: 2,
    };
  });
}

/**
 * Only the Tender text sheet, into a workbook that already holds the comparison (the pane updates that
 * one in place): one new sheet with a free name, nothing else touched; 2 syncs.
 */
export async function writeTenderTextToExcel(
  input: TemplateInput,
  run: ExcelRun = officeRun,
  pageLayout = supportsPageLayout(),
): Promise<string> {
  return writePlanned(run, { ...input, tenderText: true }, false, (context, plan) => {
    const tender = plan.sheets.filter((s) => s.key === "tender");
    if (!tender.length) throw new Error(`The ${input.template} template has no Tender text sheet`);
    queuePlan(context, { ...plan, sheets: tender, names: [], tables: [], charts: [], activeSheet: "tender" }, pageLayout);
    return tender[0].name;
  });
}
