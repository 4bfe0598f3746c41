/**
 * The *Tender text* sheet: the tender annex (src/model/tender/annex.ts) as worksheet rows, so a workbook
 * writer can add it next to the comparison. Pure: one row per heading, paragraph, formula, list item and
 * table row, each with its cells' text and a style hint; the writer picks fonts, fills and column widths.
 * The same structure renders the .docx (src/templates/docx/annexDocx.ts), so the two never differ in text.
 */
import { translate } from "../i18n";
import type { TenderAnnex } from "../model/tender/annex";

export type TenderRowStyle = "title" | "subtitle" | "heading1" | "heading2" | "paragraph" | "formula" | "bullet" | "tableHeader" | "tableRow" | "blank";

export interface TenderSheetRow {
  /** One cell for text, one per column for a table row. */
  readonly cells: readonly string[];
  readonly style: TenderRowStyle;
}

/** The sheet's name in the annex's language (at most 31 characters, as Excel allows). */
export const tenderSheetName = (annex: TenderAnnex): string => translate(annex.language, "tender", "sheet.name");

/** The annex as rows, top to bottom; a blank row before each main heading and after each table. */
export function tenderSheetRows(annex: TenderAnnex): TenderSheetRow[] {
  const rows: TenderSheetRow[] = [{ cells: [annex.title], style: "title" }, ...annex.subtitle.map((s): TenderSheetRow => ({ cells: [s], style: "subtitle" }))];
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
