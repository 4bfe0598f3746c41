/**
 * Bids from CSV (papaparse): comma, semicolon or tab delimited, decimal comma accepted, headers matched to
 * Bid field names case- and space-insensitively. A bad row is reported with its reasons, never dropped.
 */
import Papa from "papaparse";
import type { Bid, ComparisonKind } from "./bid";
import { type FieldError, parseBid } from "./entries";

export interface CsvBids {
  readonly bids: Bid[];
  readonly errors: FieldError[];
  /** Headers that match no field: shown to the user so a typo is not silently ignored. */
  readonly unknownColumns: string[];
}

const normalise = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, "");

export function parseBidsCsv(text: string, kind: ComparisonKind, knownKeys: readonly string[]): CsvBids {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy", delimitersToGuess: [";", ",", "\t"] });
  const [header = [], ...rows] = parsed.data;
  const byNorm = new Map(knownKeys.map((k) => [normalise(k), k]));
  const keys = header.map((h) => byNorm.get(normalise(h)));
  const unknownColumns = header.filter((_, i) => keys[i] === undefined);
  const bids: Bid[] = [];
  const errors: FieldError[] = [];
  rows.forEach((cells, i) => {
    const record: Record<string, string> = {};
    keys.forEach((k, c) => k && (record[k] = cells[c] ?? ""));
    const result = parseBid(record, kind, i + 2); // row 1 is the header, as a spreadsheet shows it
    if (result.bid) bids.push(result.bid);
    errors.push(...result.errors);
  });
  return { bids, errors, unknownColumns };
}
