/**
 * The names a Bids column goes by, from the text tables: the workbook's header (with and without its unit)
 * and the wizard's label, in every language. The CLI and the wizard's imports match headers with these
 * (model/headers.ts); the CLI names a field by its workbook header.
 */
import { LANGUAGES, type Language, translate } from "../i18n";
import type { ComparisonKind, HeaderNames } from "../model";
import { bidColumns } from "./comparison";
import { headerWithUnit, tBuilt, unitLabel } from "./text";

export function bidHeaderNames(kind: ComparisonKind, currency = "EUR"): HeaderNames {
  const names: Record<string, string[]> = {};
  for (const c of bidColumns(kind)) {
    names[c.key] = LANGUAGES.flatMap((lang) => [
      bidHeader(lang, c.key, c.unit ? unitLabel(lang, c.unit, currency) : ""),
      translate(lang, "wizard", `bid.${c.key}`),
    ]);
  }
  return names;
}

const bidHeader = (lang: Language, key: string, unit: string): string => headerWithUnit(tBuilt(lang, `bid.${key}`), unit);

/** Field key → its Bids header exactly as the workbook writes it in `lang`, in column order. */
export const bidHeaders = (kind: ComparisonKind, lang: Language, currency = "EUR"): Record<string, string> =>
  Object.fromEntries(bidColumns(kind).map((c) => [c.key, bidHeader(lang, c.key, c.unit ? unitLabel(lang, c.unit, currency) : "")]));

/** The Bids header row exactly as the workbook writes it in `lang`. */
export const bidHeaderRow = (kind: ComparisonKind, lang: Language, currency = "EUR"): string[] =>
  Object.values(bidHeaders(kind, lang, currency));
