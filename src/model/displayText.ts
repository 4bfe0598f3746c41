/**
 * Offer text as shown and as written to a workbook: bidi controls stripped (a name holding U+202E would
 * display reversed in the ranking or a cell), and cut at Excel's cell limit with a visible mark.
 */

/** LRM/RLM, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069). */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Excel's limit for the text of one cell. */
export const EXCEL_CELL_LIMIT = 32_767;
/** Ends a text cut to fit a cell, so nobody takes it for the whole. */
export const CUT_MARK = "…[cut]";

export const stripBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, "");

/** Text for a workbook cell: no bidi controls, at most EXCEL_CELL_LIMIT characters, a cut one ending in CUT_MARK. */
export function cellText(text: string): string {
  const clean = stripBidiControls(text);
  return clean.length <= EXCEL_CELL_LIMIT ? clean : clean.slice(0, EXCEL_CELL_LIMIT - CUT_MARK.length) + CUT_MARK;
}

/** Text that a spreadsheet would run as a formula (=, +, -, @) is kept as literal text (formula injection). */
export const isFormulaLike = (text: string): boolean => /^[=+\-@\t\r]/.test(text);
