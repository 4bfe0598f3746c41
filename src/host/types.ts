/**
 * The one small interface between the wizard and where it runs. The wizard never touches Office.js or
 * localStorage itself: it asks a Host to load, save and write, so the same app runs in Excel and in a
 * plain browser.
 */
import type { Language } from "../i18n/core";
import { PRODUCT_GROUPS, type ProductGroup } from "../model/bid";
import type { Entries } from "../model/entries";
import type { TemplateInput as TemplateRequest } from "../templates/types";

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
}

/**
 * A checked comparison, ready to be written as the template of its product group: the templates' request
 * with what the pane always knows, named by its group (templateRequest adds the rows).
 */
export type TemplateInput = Readonly<Required<Pick<TemplateRequest, "parameters" | "bids" | "language">> & Pick<TemplateRequest, "circular"> & { group: ProductGroup }>;

/** Whether a save reached the host's storage (in Excel: only once the template is in the workbook). */
export interface SaveStatus {
  readonly stored: boolean;
  /** Offers beyond the rows of the workbook's Bids table: writing the template again (step 5) makes room. */
  readonly offersNotStored?: number;
}

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

export interface Host {
  readonly kind: HostKind;
  /** BCP 47 locale of the UI: Office's display language, or the browser's. */
  readonly locale: string;
  readonly theme: Theme;
  /** Calls back when the theme changes; returns the unsubscribe function. */
  watchTheme(onChange: (theme: Theme) => void): () => void;
  load(): Promise<SavedComparison | null>;
  save(comparison: SavedComparison): Promise<SaveStatus>;
  write(input: TemplateInput): Promise<WriteOutcome>;
  /** Standalone only: the language the user chose last time (Excel follows Office's display language). */
  readonly savedLanguage?: Language;
  saveLanguage?(language: Language): void;
  readonly workbook?: WorkbookSource;
}

/** Checks a value read back from storage: another version or a hand edit must not crash the pane. */
export function asSavedComparison(value: unknown): SavedComparison | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  const entries = (x: unknown): x is Entries => !!x && typeof x === "object" && !Array.isArray(x) && Object.values(x).every((s) => typeof s === "string");
  if (!PRODUCT_GROUPS.includes(v.group as ProductGroup)) return null;
  if (!entries(v.parameters) || !entries(v.circular) || !Array.isArray(v.bids) || !v.bids.every(entries)) return null;
  return { group: v.group as ProductGroup, parameters: v.parameters, bids: v.bids, circular: v.circular };
}
