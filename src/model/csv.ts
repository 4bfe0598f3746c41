/**
 * Bids from CSV (papaparse): comma, semicolon or tab delimited, in UTF-8, UTF-16 (with BOM) or Windows-1252.
 * The header row is found below any title rows (a Bids sheet saved as CSV) and matched by name (headers.ts).
 * A file with a broken quote, a column given twice or a required column missing is refused as a whole, with
 * the reason; otherwise a bad row is reported with its reasons, never dropped, and unknown columns listed.
 */
import Papa from "papaparse";
import type { DomainError } from "../engine/result";
import { type Bid, type ComparisonKind, bidFields } from "./bid";
import { type FieldError, parseBid } from "./entries";
import { type HeaderNames, matchHeaders } from "./headers";
import type { NumberLocale } from "./numbers";
import type { OptionWords } from "./optionWords";
import { criterionOfName } from "./criteria/answers";
import { criterionOf } from "./criteria/catalogue";

export interface CsvOptions {
  /** How the file writes numbers; absent: what could be read two ways ("1.234") is refused. */
  readonly locale?: NumberLocale;
  /** The labels each field goes by, besides its key. */
  readonly names?: HeaderNames;
  /** The words options go by besides their codes (a workbook's "reëel", "neuf"). */
  readonly words?: OptionWords;
}

/** One line of offers: its text by field key, and the offer when every value is right. */
export interface CsvRow {
  readonly row: number;
  readonly record: Readonly<Record<string, string>>;
  readonly bid?: Bid;
}

export interface CsvBids {
  readonly bids: Bid[];
  /** Every offer line, good or bad, in file order: the wizard keeps a bad one as a flagged offer. */
  readonly rows: CsvRow[];
  /** Row by row: a value empty, not a number… (row = line in the file). */
  readonly errors: FieldError[];
  /** The file as a whole: a column missing or given twice, an unclosed quote, no header row. Nothing is imported then. */
  readonly problems: DomainError[];
  /** Headers that match no field: listed as ignored so a typo is not silently dropped. */
  readonly unknownColumns: string[];
}

/** The file's bytes as text: a BOM says UTF-8 or UTF-16; otherwise UTF-8 if it is valid, else Windows-1252. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const blankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === "");
const problem = (rule: DomainError["rule"], argument: string, detail?: string): DomainError => ({ kind: "type", argument, rule, detail });
/** Title rows come first in a sheet saved as CSV: the header row is the one naming the most fields. */
const HEADER_SEARCH_ROWS = 50;

/**
 * CRITERIA.md: a column no Bids field claims, named by a criterion's id or its en/nl/fr name ("Batterijcycli",
 * "Label"), holds its answers: keyed by the criterion's id, or by its Bids field (warranty → warrantyYears),
 * so a criterion given twice is a column given twice.
 */
function criterionKey(header: string): string | undefined {
  const id = criterionOfName(header);
  return id && (criterionOf(id)?.bidField ?? id);
}

export function parseBidsCsv(text: string, kind: ComparisonKind, options: CsvOptions = {}): CsvBids {
  const body = text.replace(/^\uFEFF/, "");
  // Blank lines are kept so row numbers are lines of the file, but they mislead papaparse's delimiter guess.
  const { delimiter } = Papa.parse<string[]>(body, {
    preview: HEADER_SEARCH_ROWS,
    skipEmptyLines: "greedy",
    delimitersToGuess: [";", ",", "\t"],
  }).meta;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimiter });
  const none = { bids: [], rows: [], errors: [], unknownColumns: [] };
  // A broken quote swallows the rest of the file into one cell: refuse rather than import half of it.
  const broken = parsed.errors.filter((e) => e.code !== "UndetectableDelimiter");
  if (broken.length) return { ...none, problems: broken.map((e) => problem("csvSyntax", String((e.row ?? 0) + 1), e.message)) };
  const lines = parsed.data;
  let headerIndex = -1;
  let best = 0;
  lines.slice(0, HEADER_SEARCH_ROWS).forEach((cells, i) => {
    const found = matchHeaders(cells, kind, options.names).filter(Boolean).length;
    if (found > best) [headerIndex, best] = [i, found];
  });
  if (headerIndex < 0) return { ...none, problems: [problem("noHeaderRow", "")] };
  const header = lines[headerIndex];
  const keys = matchHeaders(header, kind, options.names).map((k, i) => k ?? criterionKey(header[i]));
  const unknownColumns = header.filter((h, i) => keys[i] === undefined && h.trim() !== "");
  const problems: DomainError[] = [];
  keys.forEach((k, i) => {
    const first = keys.indexOf(k);
    if (k && first !== i) problems.push(problem("duplicateColumn", header[i], header[first]));
  });
  for (const f of bidFields(kind)) if (f.required && !f.nullable && !keys.includes(f.key)) problems.push(problem("columnMissing", f.key));
  if (problems.length) return { ...none, unknownColumns, problems };
  const bids: Bid[] = [];
  const rows: CsvRow[] = [];
  const errors: FieldError[] = [];
  lines.forEach((cells, i) => {
    if (i <= headerIndex || blankRow(cells)) return;
    const record: Record<string, string> = {};
    keys.forEach((k, c) => k && (record[k] = cells[c] ?? ""));
    const result = parseBid(record, kind, i + 1, options.locale, options.words); // the line as a spreadsheet numbers it
    if (result.bid) bids.push(result.bid);
    rows.push({ row: i + 1, record, bid: result.bid });
    errors.push(...result.errors);
  });
  return { bids, rows, errors, problems, unknownColumns };
}
