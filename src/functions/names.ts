/**
 * The name Excel shows for a GPP function in a language (GPP.LEVENSCYCLUSKOSTEN in Dutch Excel for the id
 * LCC), from the functions tables the localized metadata is built from, so a message names the function
 * the way the user typed it. In the build a loader (scripts/function-names-loader.cjs) reduces each table
 * to its names, so functions.js carries no descriptions; here, in jest and tsx, the full tables load.
 */
import type { Language } from "../i18n/core";
import en from "../i18n/en/functions.json";
import fr from "../i18n/fr/functions.json";
import nl from "../i18n/nl/functions.json";

const tables: Record<Language, Record<string, unknown>> = { en, nl, fr };

export function functionName(lang: Language, id: string): string {
  const entry = tables[lang][id] ?? tables.en[id];
  const name = typeof entry === "object" && entry !== null && "name" in entry ? String(entry.name) : id;
  return `GPP.${name}`;
}
