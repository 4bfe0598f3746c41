/** Error messages only: what functions.js needs, without the pane's and templates' tables. */
import type { DomainError } from "../engine/result";
import { type Language, type Table, describeErrorIn, lookup } from "./core";
import en from "./en/errors.json";
import fr from "./fr/errors.json";
import nl from "./nl/errors.json";

// `satisfies`: a key of en missing in nl or fr fails the type check.
export const errorTables: Record<Language, Table> = { en, nl: nl satisfies typeof en, fr: fr satisfies typeof en };

export const errorText = (lang: Language, key: string, values?: Record<string, string | number>): string =>
  lookup(errorTables, lang, key, values);

/** The message a domain error shows, naming the argument and the rule. */
export function describeError(error: DomainError, lang: Language = "en"): string {
  return describeErrorIn(errorTables, error, lang);
}
