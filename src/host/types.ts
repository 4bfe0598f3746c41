/**
 * The one small interface between the wizard and where it runs. The wizard never touches Office.js or
 * localStorage itself: it asks a Host to load, save and write, so the same app runs in Excel and in a
 * plain browser.
 */
import type { Language } from "../i18n/core";
import type { ProductGroup } from "../model/bid";
import type { Entries } from "../model/entries";
import type { TemplateInput as TemplateRequest } from "../templates/types";
import type { ParameterSet } from "../model/parameterSet";
import type { MethodChange } from "./savedFormat";
import type { CriterionId } from "../model/criteria/catalogue";

export type { MethodChange };

export type HostKind = "excel" | "standalone";
export type Theme = "light" | "dark";

/** What is kept between sessions: in Excel the workbook's cells, standalone the browser's localStorage. */
export interface SavedComparison {
  readonly group: ProductGroup;
  /** Keyed by Parameters field names. */
  readonly parameters: Entries;
  /** One record per offer, keyed by Bid field names. */
  readonly bids: readonly Entries[];
  /** Circular scenarios: "currentAgeYears", "currentDeviceEmbodiedKgCO2e" and "<scenario>.<field>". */
  readonly circular: Entries;
  /** The framework agreement's parameter set adopted in the Parameters step, as published (values, local fields, fingerprint). */
  readonly framework?: ParameterSet;
  /** The adopted set's values are read-only in the Parameters step, except its local fields. */
  readonly frameworkLocked?: boolean;
  /** With a set that has awarded offers: the call-off's quantities as typed, by product key (supplier | product | condition). */
  readonly callOff?: Entries;
  /** A mini-competition under the set: only offers of the framework's suppliers are ranked. */
  readonly miniCompetition?: boolean;
}

/**
 * A checked comparison, ready to be written as the template of its product group: the templates' request
 * with what the pane always knows, named by its group (templateRequest adds the rows).
 */
export type TemplateInput = Readonly<
  Required<Pick<TemplateRequest, "parameters" | "bids" | "language">> &
    Pick<TemplateRequest, "circular" | "tenderText" | "framework" | "lockParameters" | "callOffQuantities" | "miniCompetition"> & {
      group: ProductGroup;
    }
>;

/** Why the workbook cannot be read or written as the comparison's template right now. */
export type WorkbookProblem =
  | { readonly kind: "readFailed"; readonly message: string }
  | { readonly kind: "tableNotFound"; readonly table: string }
  | { readonly kind: "tableShape"; readonly table: string; readonly missing: readonly string[]; readonly duplicated: readonly string[] }
  | { readonly kind: "namesMissing"; readonly names: readonly string[] }
  /** A sheet the comparison keeps settings on (the Criteria sheet) was deleted or renamed. */
  | { readonly kind: "sheetMissing"; readonly sheet: string };

/**
 * Excel: a cell the pane was about to change that a colleague changed since the pane last read or wrote it
 * (co-authoring): the pane left the colleague's value there and wrote the rest.
 */
export interface SaveConflict {
  /** The part, as load paths name it: "parameters.discountRate", "bids.1.price", "criteria.batteryCycles.points", "circular.currentAgeYears". */
  readonly where: string;
  /**
   * Where in the workbook: a name ("LCC_DiscountRate"), a table cell with its offer ("'LCC Bids'!F7 (Supplier A – Notebook A)")
   * or a cell ("'LCC Criteria'!H8"); "" for a workbook setting (the framework set), which has no cell.
   */
  readonly cell: string;
  /** The colleague's value, now in the cell, and the pane's, not written; as the sheet shows them, in the pane's language ("5 %"; "" for blank). */
  readonly theirs: string;
  readonly mine: string;
}

/** Why a save wrote nothing on purpose (as opposed to failing). */
export type SaveRefusal =
  /** Standalone: stored data could not be read; it stays until the user starts a new comparison. */
  | { readonly reason: "unreadStoredData"; readonly backupKey?: string }
  /** Excel: the pane does not hold what is in the workbook, so writing could overwrite a colleague's work. */
  | { readonly reason: "notAttached"; readonly problem: WorkbookProblem };

/** Whether a save reached the host's storage (in Excel: only once the template is in the workbook). */
export interface SaveStatus {
  readonly stored: boolean;
  /** Offers beyond the rows of the workbook's Bids table: writing the template again (step 5) makes room. */
  readonly offersNotStored?: number;
  readonly refused?: SaveRefusal;
  /** Excel: cells a colleague changed that the pane did not overwrite, since the pane last read the workbook. */
  readonly conflicts?: readonly SaveConflict[];
  /**
   * Excel: criteria the pane counts (award or requirement) that the workbook's Results sheet does not score:
   * switched on after the template was written (no points or pass column), or their answer column was gone.
   * Writing the workbook again (step 6) scores them.
   */
  readonly unscoredCriteria?: readonly CriterionId[];
}

/** What a load could not take as stored; paths name the part ("bids.2.price", "parameters", "json"). */
export interface LoadReport {
  /** Read after a repair: a number or yes/no stored where text was expected became its text. */
  readonly repaired: readonly string[];
  /** Could not be read (kept in the backup standalone). */
  readonly unreadable: readonly string[];
  /** A product group this version does not know; the comparison opens with the default group. */
  readonly unknownGroup?: string;
  /** Stored by a newer version of the format: not opened, not overwritten. */
  readonly newerVersion?: number;
  /** Standalone: where a copy of the stored text is kept. */
  readonly backupKey?: string;
  /** Excel: why the workbook could not be read; nothing is written until a load succeeds. */
  readonly problem?: WorkbookProblem;
  /**
   * Read as stored, but an earlier version gave the figures another meaning (LCC-METHOD §12.6): standalone,
   * the stored parameter was brought up to date; in Excel, the workbook's own formulas still apply the old rule.
   */
  readonly methodChanges?: readonly MethodChange[];
  /** Excel: the workbook was written by an earlier template version (its Results lack the §12 lines). */
  readonly olderTemplate?: string;
  /** Excel: criteria on in the Criteria sheet that its Results sheet does not score (as SaveStatus.unscoredCriteria). */
  readonly unscoredCriteria?: readonly CriterionId[];
  /** Excel: cells that hold what the pane cannot read (a role word it does not know, text for points); never overwritten unless changed in the pane. */
  readonly unreadableCells?: readonly { readonly part: string; readonly cell: string; readonly value: string }[];
}

/** ok: read as stored (or nothing stored: comparison null); recovered: read in part; failed: nothing usable read. */
export interface LoadResult {
  readonly status: "ok" | "recovered" | "failed";
  readonly comparison: SavedComparison | null;
  readonly report: LoadReport;
}

export const CLEAN_REPORT: LoadReport = { repaired: [], unreadable: [] };

export interface WriteOutcome {
  /** workbook: written into the open workbook; download: an .xlsx file was offered to the browser. */
  readonly kind: "workbook" | "download";
  /** Excel: the comparison already in the workbook was brought up to date rather than written anew. */
  readonly updated?: boolean;
  readonly fileName?: string;
  /** Excel, written anew: the sheets added (the writer never overwrites; a second copy gets " (2)"). */
  readonly sheets?: readonly string[];
}

/** A table or range read from the workbook: first row as headers. */
export interface SourceTable {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** Excel only: offers can come from a table or range already in the workbook. */
export interface WorkbookSource {
  listTables(): Promise<string[]>;
  /** A table by name, or the current selection when name is null. */
  readTable(name: string | null): Promise<SourceTable>;
}

/** Excel: what protecting or unprotecting the Parameters sheet (and the Criteria sheet) did. */
export type ProtectOutcome =
  /** `criteria`: the Criteria sheet along with the Parameters sheet (a workbook written before criteria has none). */
  | { readonly kind: "done"; readonly protected: boolean; readonly criteria: boolean }
  /** No comparison template in the workbook yet: step 5 writes it. */
  | { readonly kind: "notWritten" }
  /** Office refused, most often a wrong password: its message. */
  | { readonly kind: "failed"; readonly message: string };

export interface Host {
  readonly kind: HostKind;
  /** BCP 47 locale of the UI: Office's display language, or the browser's. */
  readonly locale: string;
  readonly theme: Theme;
  /** Calls back when the theme changes; returns the unsubscribe function. */
  watchTheme(onChange: (theme: Theme) => void): () => void;
  /** Never rejects: what could not be read is in the report. */
  load(): Promise<LoadResult>;
  /**
   * Refuses (stored: false, refused) rather than write over data the pane has not read. Both hosts wait
   * for a pause in typing before storing; flush() stores a waiting save now.
   */
  save(comparison: SavedComparison): Promise<SaveStatus>;
  flush?(): Promise<SaveStatus>;
  /** Standalone: the user chose a new comparison, so saves may replace stored data that could not be read (its backup stays). */
  startNew?(): void;
  write(input: TemplateInput): Promise<WriteOutcome>;
  /**
   * Offers a file the pane made (the tender annex, a bid form) as a download. Absent where the host
   * cannot save a file from the pane (Excel on Windows and Mac): the pane then says so.
   */
  offerFile?(bytes: Uint8Array, fileName: string, type: string): Promise<void>;
  /** Standalone only: the language the user chose last time (Excel follows Office's display language). */
  readonly savedLanguage?: Language;
  saveLanguage?(language: Language): void;
  readonly workbook?: WorkbookSource;
  /** Excel: protect (or unprotect) the workbook's Parameters and Criteria sheets, with an optional password; `editable` parameters' cells stay open. */
  protectParameters?(protect: boolean, options?: { password?: string; editable?: readonly string[] }): Promise<ProtectOutcome>;
}
