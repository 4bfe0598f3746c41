/**
 * The Call-off sheet's quantity cells (templates/callOffSheet.ts): column B from row 5, one per row of the
 * Bids table. The pane keeps the quantities by product (productKey); in the workbook each sits on the line of
 * the Bids row that offers that product, so a quantity follows its product wherever the row is.
 */
import type { ComparisonKind } from "../model/bid";
import type { Bid } from "../model/bid";
import { callOffQuantitiesFor, productKey } from "../model/callOff";
import type { ParameterSet } from "../model/parameterSet";
import { type Entries, bidFromEntries } from "../model/entries";
import type { NumberLocale } from "../model/numbers";

/** 0-based row and column of the first quantity cell (B5). */
export const CALL_OFF_QUANTITY = { row: 4, col: 1 } as const;

/** The column of quantities for `rows` Bids rows. */
export const quantityColumn = (context: Excel.RequestContext, sheet: string, rows: number): Excel.Range =>
  context.workbook.worksheets.getItem(sheet).getRangeByIndexes(CALL_OFF_QUANTITY.row, CALL_OFF_QUANTITY.col, Math.max(1, rows), 1);

/** The product of each Bids row, null for a row whose offer cannot be read (it has no Results figures either). */
export const rowKeys = (bids: readonly Entries[], kind: ComparisonKind): (string | null)[] =>
  bids.map((e) => {
    const bid = bidFromEntries(e, kind).bid;
    return bid ? productKey(bid) : null;
  });

/** Quantities by product, as the cells hold them (a number as its text); blank cells are left out. */
export function quantitiesFromCells(values: readonly (readonly unknown[])[], keys: readonly (string | null)[]): Entries {
  const out: Record<string, string> = {};
  keys.forEach((key, i) => {
    const v = values[i]?.[0];
    if (key && v !== "" && v !== null && v !== undefined) out[key] = String(v);
  });
  return out;
}

/**
 * The cells for the pane's quantities, as the Write step fills them (callOffQuantitiesFor): a whole number above 0
 * typed for a product of the set's catalogue; blank for anything else (blank, 0, text, -3, 2.5, another product).
 */
export function quantityCells(
  set: ParameterSet | undefined,
  quantities: Entries | undefined,
  bids: readonly Entries[],
  rows: number,
  kind: ComparisonKind,
  locale: NumberLocale,
): (number | "")[] {
  const read = bids.slice(0, rows).map((e) => bidFromEntries(e, kind).bid);
  const valid = read.filter((b): b is Bid => !!b);
  const ordered = set?.offers && quantities ? callOffQuantitiesFor(set, quantities, valid, undefined, locale) : [];
  let next = 0;
  return Array.from({ length: rows }, (_, i) => (read[i] ? (ordered[next++] ?? "") : ""));
}
