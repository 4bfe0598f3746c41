/**
 * Codes and the words a workbook shows for them. A workbook in Dutch or French shows "reëel", "oui",
 * "neuf" where the model keeps "real", "yes", "new"; reading a cell or a CSV value back accepts the code or
 * any language's word, whatever the case, spacing or accents. The words come from the faces (they own the
 * text tables: src/templates/codes.ts); the codes from the field tables, so a new option is read as soon as
 * it has a word.
 */

/** Field key → word (as wordKey makes it) → code. */
export type OptionWords = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** "Reëel" → "reeel", "Thin client" → "thinclient". */
export const wordKey = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/** The code a value names for a field with these options, or undefined when it names none. */
export function optionCode(field: string, options: readonly string[], value: unknown, words?: OptionWords): string | undefined {
  const key = wordKey(String(value ?? ""));
  if (!key) return undefined;
  const code = options.find((o) => wordKey(o) === key) ?? words?.[field]?.[key];
  return code !== undefined && options.includes(code) ? code : undefined;
}
