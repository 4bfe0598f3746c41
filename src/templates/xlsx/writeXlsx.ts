/**
 * The .xlsx writer: applies a cell plan to a new workbook, for downloads, the CLI and the LibreOffice
 * parity tests. Same sheets, names, table, formats, validation, notes, protection, page setup and charts
 * as the Office.js writer. exceljs writes the package around empty sheets; the cells (with their shared
 * strings and formats, cells.ts), the charts and the column page breaks, which exceljs cannot write or
 * would hold in memory as objects, are put into it afterwards. Formulas carry no cached value, so a
 * spreadsheet computes them on open.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { absolute, parseRange, sheetRef, cellAddress } from "../address";
import { buildPlan } from "../buildPlan";
import { MARGIN_INCHES } from "../layout";
import { type CellPlan, type PrintPlan, type Validation } from "../plan";
import { CellFormats, SharedStrings, sheetData, xmlText } from "./cells";
import { addCharts, sheetPaths } from "./charts";
import type { SheetKey, TemplateInput } from "../types";

/** exceljs keeps validation per sheet in a model its typings do not declare. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: object): void } };

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
  const patched = styles.replace(cellXfs, (xfs) =>
    xfs.replace(new RegExp(`<xf numFmtId="${TEXT_FORMAT_ID}"`, "g"), `<xf numFmtId="${TEXT_FORMAT_ID}" quotePrefix="1"`),
  );
  if (patched === styles) return xlsx;
  zip.file(path, patched);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
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
    ...(print.fitToWidth
      ? { fitToPage: true, fitToWidth: print.fitToWidth, fitToHeight: 0 }
      : { fitToPage: false, scale: print.scale ?? 100 }),
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
 * The most offers one .xlsx is written with. The cells are written as XML row by row (cells.ts), but
 * every offer still adds a Results row of ~12 KB of formula XML, held uncompressed (and copied once)
 * until the package is zipped, besides the plan: 20 000 offers take ~0.95 GB at peak and ~30 s in the
 * CLI (`npm run bench`). Above it the CLI refuses with this number rather than run out of memory.
 */
export const MAX_XLSX_OFFERS = 20_000;

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
  // exceljs writes the sheets without their cells (cells.ts writes those), so it holds no offer rows.
  const sheets = new Map<SheetKey, ExcelJS.Worksheet>();
  for (const s of plan.sheets) {
    const ws = wb.addWorksheet(s.name, {
      state: s.hidden ? "hidden" : "visible",
      views: s.freezeRows ? [{ state: "frozen", ySplit: s.freezeRows }] : [],
    });
    sheets.set(s.key, ws);
    s.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const range of s.merges) ws.mergeCells(range);
    if (s.print) pageSetup(ws, s.print);
    for (const v of s.validations) (ws as WithValidations).dataValidations.add(v.range, validationOf(v));
    for (const n of s.notes) ws.getCell(n.address).note = n.text;
  }
  // Tables get their header row only here; their range is set to the plan's once written (withCells).
  for (const table of plan.tables) {
    const ws = sheets.get(table.sheet)!;
    const r = parseRange(table.range);
    ws.addTable({
      name: table.name,
      ref: cellAddress(r.col, r.row),
      headerRow: true,
      style: { theme: "TableStyleLight1", showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows: [],
    });
  }
  // One text cell, so that exceljs writes the shared strings part (and its relationship) withCells fills.
  sheets.get(plan.sheets[0].key)!.getCell("A1").value = "-";
  for (const n of plan.names) wb.definedNames.add(`${sheetRef(sheets.get(n.sheet)!.name)}${absolute(n.range)}`, n.name);
  for (const s of plan.sheets) {
    if (s.protect)
      await sheets.get(s.key)!.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: plan.sheets.findIndex((s) => s.key === plan.activeSheet),
      visibility: "visible",
    },
  ];
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  await withColumnBreaks(zip, plan);
  await addCharts(zip, plan);
  await withCells(zip, plan);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const encoder = new TextEncoder();

/** Text as UTF-8, a chunk at a time: no string as long as a sheet of 100 000 offers is built. */
function* utf8(chunks: Iterable<string>): Generator<Uint8Array> {
  for (const chunk of chunks) yield encoder.encode(chunk);
}

/** One buffer of parts, each let go once copied. */
function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    out.set(parts[i], at);
    at += parts[i].length;
    parts[i] = EMPTY;
  }
  return out;
}
const EMPTY = new Uint8Array(0);

/** Puts the plan's cells into the sheets exceljs wrote, with their shared strings and formats; sets the tables' ranges. */
async function withCells(zip: JSZip, plan: CellPlan): Promise<void> {
  const paths = await sheetPaths(zip);
  const formats = new CellFormats();
  const strings = new SharedStrings();
  for (const s of plan.sheets) {
    const path = paths.get(s.name)!;
    const xml = await zip.file(path)!.async("string");
    const data = /<sheetData\/>|<sheetData>[\s\S]*<\/sheetData>/.exec(xml);
    if (!data) throw new Error(`no <sheetData> in ${path}`);
    const rows = sheetData(s, plan, formats, strings);
    const parts: Uint8Array[] = [EMPTY];
    let next = rows.next();
    for (; !next.done; next = rows.next()) {
      parts.push(encoder.encode(next.value));
      // A pause every few MB: a worker answers (a heap sample, a cancel) while a sheet of many offers is written.
      if (parts.length % 8 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    parts[0] = encoder.encode(xml.slice(0, data.index).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${next.value}"/>`));
    parts.push(encoder.encode(xml.slice(data.index + data[0].length)));
    zip.file(path, concat(parts));
  }
  for (const path of Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f))) {
    const xml = await zip.file(path)!.async("string");
    const table = plan.tables.find((t) => xml.includes(` name="${xmlText(t.name)}"`));
    if (table) zip.file(path, xml.replace(/(<table\b[^>]*?\sref=|<autoFilter\b[^>]*?\sref=)"[^"]*"/g, `$1"${table.range}"`));
  }
  zip.file("xl/styles.xml", formats.xml());
  zip.file("xl/sharedStrings.xml", concat([...utf8(strings.xml())]));
}

export const writeXlsx = (input: TemplateInput): Promise<Uint8Array> => planToXlsx(buildPlan(input));
