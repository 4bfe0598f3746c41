/**
 * The cell plan: a template with its inputs, resolved into sheets of 2-D cell arrays, workbook names,
 * tables, formats, validation, notes, protection and charts. Pure data; the Office.js and the exceljs
 * writers each apply it, so the workbook in Excel and the downloaded file cannot drift apart.
 */
import type { ProductGroup } from "../model";
import type { SheetKey } from "./types";
import type { Language } from "../i18n";
import type { CriterionId } from "../model/criteria/catalogue";

/** A formula is written without its leading "=", in English (invariant) syntax with comma separators. */
export interface Formula {
  readonly formula: string;
}
/** Every string is literal text: a writer must never let a string become a formula (CSV injection). */
export type PlanCell = null | number | string | boolean | Formula;

export const isFormula = (cell: PlanCell): cell is Formula => typeof cell === "object" && cell !== null;

export interface Block {
  /** Top-left cell, e.g. "A5". */
  readonly anchor: string;
  readonly rows: readonly (readonly PlanCell[])[];
}

/** What a cell is for; each writer maps a role to one fill and font (see ROLE_STYLE). */
export type CellRole = "title" | "hint" | "header" | "section" | "input" | "formula" | "label" | "summary" | "warning";

export const ROLE_STYLE: Record<
  CellRole,
  { readonly fill?: string; readonly bold?: boolean; readonly italic?: boolean; readonly size?: number; readonly color?: string }
> = {
  title: { bold: true, size: 14 },
  hint: { italic: true, color: "#595959" },
  header: { fill: "#D9E1F2", bold: true },
  section: { bold: true, color: "#1F4E78" },
  // Inputs: pale yellow, the usual "type here" colour; formulas: pale grey-blue, locked.
  input: { fill: "#FFF2CC" },
  formula: { fill: "#EDF1F7" },
  label: {},
  // The award summary at the top of Results, and the warning that stands out in print as on screen.
  summary: { bold: true, size: 12 },
  warning: { bold: true, color: "#C00000" },
};

export interface Style {
  readonly role?: CellRole;
  readonly numberFormat?: string;
  /** Locked cells cannot be edited once the sheet is protected (every cell is locked unless told). */
  readonly locked?: boolean;
  readonly wrap?: boolean;
}

export interface StyledRange {
  readonly range: string;
  readonly style: Style;
}

export interface Validation {
  readonly range: string;
  readonly list?: readonly string[];
  readonly decimal?: { readonly min?: number; readonly max?: number };
  /** Input help shown when the cell is selected (Excel's input message; at most 255 characters). */
  readonly prompt?: { readonly title: string; readonly message: string };
  readonly error?: { readonly title: string; readonly message: string };
}

export interface Note {
  readonly address: string;
  readonly text: string;
}

/**
 * How a sheet prints: landscape, its print area, rows (and columns) repeated on every page, and either
 * fit to `fitToWidth` pages wide, or a fixed `scale` with page breaks before `columnBreaks` (Excel and
 * LibreOffice ignore manual breaks when fitting to pages). Footer texts use Excel's codes (&A sheet
 * name, &P page, &N pages; a literal & is &&).
 */
export interface PrintPlan {
  /** None for a hidden sheet: LibreOffice would print a hidden sheet that has one. */
  readonly area?: string;
  /** 1-based rows, "4:4". */
  readonly titleRows?: string;
  /** Columns, "A:B". */
  readonly titleColumns?: string;
  readonly fitToWidth?: number;
  /** Percent, with fitToWidth absent. */
  readonly scale?: number;
  /** 0-based columns a new page starts at. */
  readonly columnBreaks: readonly number[];
  readonly footer: { readonly left: string; readonly center: string; readonly right: string };
}

export interface RowHeight {
  /** 0-based. */
  readonly row: number;
  /** Points. */
  readonly height: number;
}

export interface SheetPlan {
  readonly key: SheetKey;
  readonly name: string;
  readonly blocks: readonly Block[];
  readonly styles: readonly StyledRange[];
  readonly validations: readonly Validation[];
  readonly notes: readonly Note[];
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  readonly freezeRows?: number;
  readonly hidden?: boolean;
  readonly protect?: boolean;
  /** Rows whose wrapped text needs more than one line. */
  readonly rowHeights: readonly RowHeight[];
  /** Merged ranges ("A5:L5"), for wrapped text wider than one column. */
  readonly merges: readonly string[];
  readonly print?: PrintPlan;
}

/** A workbook-scoped name for a cell or range of one sheet. */
export interface NamePlan {
  readonly name: string;
  readonly sheet: SheetKey;
  readonly range: string;
  readonly comment?: string;
}

export interface TablePlan {
  readonly sheet: SheetKey;
  readonly name: string;
  /** Header row included. */
  readonly range: string;
  readonly headers: readonly string[];
}

export interface ChartPlan {
  readonly sheet: SheetKey;
  /** The title as written now; `titleCell` (same sheet) holds the formula it follows afterwards. */
  readonly title: string;
  readonly titleCell?: string;
  readonly type: "ColumnStacked" | "ColumnClustered";
  /** Header row + data rows of adjacent columns, one series per column. */
  readonly data: string;
  readonly seriesCount: number;
  readonly categories: string;
  readonly topLeft: string;
  readonly bottomRight: string;
}

/** Where each result figure sits, so tests and the wizard can read results back by key. */
export interface ResultsLayout {
  readonly sheet: SheetKey;
  /** Excel row number (1-based) of the first result row; row i of the input table is firstRow + i. */
  readonly firstRow: number;
  readonly rowCount: number;
  readonly columns: readonly { readonly key: string; readonly column: string }[];
  readonly summary: readonly { readonly key: string; readonly address: string }[];
}

export interface CellPlan {
  readonly template: ProductGroup;
  readonly version: string;
  readonly language: Language;
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
  readonly tables: readonly TablePlan[];
  readonly charts: readonly ChartPlan[];
  readonly results: ResultsLayout;
  /** Computers and imaging: the criteria the Results sheet scores (those on when written); a criterion switched on later is not. */
  readonly scored?: readonly CriterionId[];
  /** The sheet to show first. */
  readonly activeSheet: SheetKey;
}
