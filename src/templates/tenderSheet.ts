/**
 * The *Tender text* sheet: the tender annex (src/model/tender/annex.ts) as worksheet rows, so a workbook
 * writer can add it next to the comparison. Pure: one row per heading, paragraph, formula, list item and
 * table row, each with its cells' text and a style hint; the writer picks fonts, fills and column widths.
 * The same structure renders the .docx (src/templates/docx/annexDocx.ts), so the two never differ in text.
 */
import { translate } from "../i18n";
import type { TenderAnnex } from "../model/tender/annex";
import { SheetDraft } from "./draft";
import type { CellRole } from "./plan";

export type TenderRowStyle =
  "title" | "subtitle" | "heading1" | "heading2" | "paragraph" | "formula" | "bullet" | "tableHeader" | "tableRow" | "blank";

export interface TenderSheetRow {
  /** One cell for text, one per column for a table row. */
  readonly cells: readonly string[];
  readonly style: TenderRowStyle;
}

/** The sheet's name in the annex's language (at most 31 characters, as Excel allows). */
export const tenderSheetName = (annex: TenderAnnex): string => translate(annex.language, "tender", "sheet.name");

/** The annex as rows, top to bottom; a blank row before each main heading and after each table. */
export function tenderSheetRows(annex: TenderAnnex): TenderSheetRow[] {
  const rows: TenderSheetRow[] = [
    { cells: [annex.title], style: "title" },
    ...annex.subtitle.map((s): TenderSheetRow => ({ cells: [s], style: "subtitle" })),
  ];
  const blank = (): void => {
    if (rows[rows.length - 1]?.style !== "blank") rows.push({ cells: [], style: "blank" });
  };
  blank();
  for (const b of annex.blocks) {
    switch (b.kind) {
      case "heading":
        if (b.level === 1) blank();
        rows.push({ cells: [b.text], style: b.level === 1 ? "heading1" : "heading2" });
        break;
      case "paragraph":
      case "formula":
        rows.push({ cells: [b.text], style: b.kind });
        break;
      case "bullets":
        rows.push(...b.items.map((i): TenderSheetRow => ({ cells: [i], style: "bullet" })));
        break;
      case "table":
        rows.push({ cells: b.header, style: "tableHeader" }, ...b.rows.map((r): TenderSheetRow => ({ cells: r, style: "tableRow" })));
        blank();
        break;
    }
  }
  return rows;
}

/** Column widths (characters) of the sheet: a wide first column, then narrower ones for the annex's tables. */
const FIRST_WIDTH = 48;
const OTHER_WIDTH = 24;
const LINE_HEIGHT = 15;
const HINT_TO_ROLE: Record<TenderRowStyle, CellRole | undefined> = {
  title: "title",
  subtitle: "hint",
  heading1: "section",
  heading2: "section",
  paragraph: "label",
  formula: "formula",
  bullet: "label",
  tableHeader: "header",
  tableRow: "label",
  blank: undefined,
};

/**
 * The rows as a sheet of the comparison's workbook (an optional sheet of the computers and imaging
 * templates): text only, never a formula (the writers keep strings as text); each row of one cell spans
 * the table columns, wrapped, with room for its lines; table rows one cell per column. Not protected.
 */
export function tenderTextSheet(annex: TenderAnnex, name: string): SheetDraft {
  const rows = tenderSheetRows(annex);
  const d = new SheetDraft("tender", name, annex.language);
  const columns = Math.max(1, ...rows.map((r) => r.cells.length));
  d.columnWidths = [FIRST_WIDTH, ...Array.from({ length: columns - 1 }, () => OTHER_WIDTH)];
  const span = FIRST_WIDTH + OTHER_WIDTH * (columns - 1);
  rows.forEach((r, row) => {
    if (!r.cells.length) return;
    const text = r.style === "bullet" ? [`• ${r.cells[0]}`] : r.cells;
    d.write(0, row, [text]);
    const role = HINT_TO_ROLE[r.style];
    if (r.cells.length === 1) {
      if (columns > 1) d.merge(0, row, columns);
      d.style(0, row, columns, 1, { role, wrap: true });
      // About a character per unit of width; a line more for a heading's larger font is not needed.
      const lines = Math.ceil(text[0].length / span);
      if (lines > 1) d.rowHeight(row, lines * LINE_HEIGHT);
    } else {
      d.style(0, row, r.cells.length, 1, { role, wrap: true });
      const lines = Math.max(...r.cells.map((c, i) => Math.ceil(c.length / (i === 0 ? FIRST_WIDTH : OTHER_WIDTH))));
      if (lines > 1) d.rowHeight(row, lines * LINE_HEIGHT);
    }
  });
  return d;
}
