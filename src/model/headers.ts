/**
 * Which Bids field a column header names. A column goes by its field key or by any label the workbook or
 * the wizard writes for it, in any language, with or without the unit suffix: "Prijs per stuk (EUR)",
 * "Price per unit" and "price" all name the price. Case, spacing, punctuation and accents do not matter.
 * The labels come from the faces (they own the text tables); the fields from BID_FIELDS, so a new field is
 * matched as soon as it has a label.
 */
import { type ComparisonKind, bidFields } from "./bid";

/** Field key → the labels it goes by (every language, as written, units included or not). */
export type HeaderNames = Readonly<Record<string, readonly string[]>>;

/** "Prijs per stuk (€)" → "prijsperstuk"; "Coût fin de vie" → "coutfindevie". */
export const headerKey = (header: string): string =>
  header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\(.*?\)/g, "")
    .replace(/[^a-z0-9]/g, "");

/** The field each header names (undefined: none) for one kind of comparison. */
export function matchHeaders(headers: readonly string[], kind: ComparisonKind, names: HeaderNames = {}): (string | undefined)[] {
  const byKey = new Map<string, string>();
  for (const { key } of bidFields(kind))
    for (const name of [key, ...(names[key] ?? [])]) if (headerKey(name)) byKey.set(headerKey(name), key);
  return headers.map((h) => (headerKey(h) ? byKey.get(headerKey(h)) : undefined));
}
