/**
 * One CSV import, as sent to the CSV worker (csvImport.worker.ts) or run on this thread where there is no
 * worker: plain data in, plain data out (structured-clone safe). Reading 10 000 offers (papaparse, number
 * parsing, the entries each offer card shows, and each offer's check) takes seconds on a slow machine, so
 * it runs off the UI thread; the pane then only stores the offers and shows the report.
 */
import type { DomainError } from "../../engine/result";
import type { Language } from "../../i18n/core";
import type { ComparisonKind } from "../../model/bid";
import type { NumberLocale } from "../../model/numbers";
import { type Entries, type FieldError, bidEntries, bidFromEntries, newBidEntries } from "../../model/entries";

export interface CsvImportJob {
  readonly bytes: Uint8Array;
  readonly kind: ComparisonKind;
  /** The pane's language: the entries are written as the offer cards show numbers. */
  readonly lang: Language;
  /** How the file writes numbers; absent: what could be read two ways is refused. */
  readonly locale?: NumberLocale;
}

/** What the import report shows (CsvBids without the offers themselves). */
export interface CsvImportReport {
  /** Offer lines read, good or bad. */
  readonly rows: number;
  readonly errors: readonly FieldError[];
  readonly problems: readonly DomainError[];
  readonly unknownColumns: readonly string[];
}

export interface CsvImportResult {
  /** One per offer line, in file order: a bad line's text as read, so the card shows it flagged. */
  readonly offers: Entries[];
  /** Each offer's check, exactly as the pane's evaluation computes it from those entries (bidFromEntries). */
  readonly checks: ReturnType<typeof bidFromEntries>[];
  readonly report: CsvImportReport;
}

export async function importCsv(job: CsvImportJob): Promise<CsvImportResult> {
  // papaparse and the workbook's headers in every language come with the first import, not with the pane.
  const [{ parseBidsCsv, decodeCsv }, { bidHeaderNames }, { optionWords }] = await Promise.all([
    import("../../model/csv"),
    import("../../templates/bidHeaders"),
    import("../../templates/codes"),
  ]);
  const { kind, lang } = job;
  // Headers and list words ("Gereviseerd", "Neuf") as any of our workbooks write them, in any language.
  const result = parseBidsCsv(decodeCsv(job.bytes), kind, { locale: job.locale, names: bidHeaderNames(kind), words: optionWords() });
  const base = newBidEntries(kind, lang);
  const offers = result.rows.map((r) => (r.bid ? bidEntries(r.bid, kind, lang) : { ...base, ...r.record }));
  return {
    offers,
    checks: offers.map((entries) => bidFromEntries(entries, kind)),
    report: { rows: result.rows.length, errors: result.errors, problems: result.problems, unknownColumns: result.unknownColumns },
  };
}
