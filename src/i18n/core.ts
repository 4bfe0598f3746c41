/** Language handling shared by every text table; no table is imported here, so each face bundles only its own. */
import type { DomainError } from "../engine/result";

export type Language = "en" | "nl" | "fr";
export const LANGUAGES: readonly Language[] = ["en", "nl", "fr"];

/** Flat string tables; functions.json nests objects per function id, read through sectionOf. */
export type Table = Record<string, unknown>;

export type Values = Record<string, string | number>;

/** Fills {name} placeholders. */
export function format(template: string, values: Values = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A key's text in one language, falling back to English; undefined when neither has it. */
export function lookupOptional(tables: Record<Language, Table>, lang: Language, key: string, values?: Values): string | undefined {
  const own = tables[lang][key];
  const text = typeof own === "string" ? own : tables.en[key];
  return typeof text === "string" ? format(text, values) : undefined;
}

/** Looks a key up in one language's table, falling back to English, then to the key itself. */
export function lookup(tables: Record<Language, Table>, lang: Language, key: string, values?: Values): string {
  return lookupOptional(tables, lang, key, values) ?? format(key, values);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * A count in words: "{key}.one", "{key}.other" (and whichever other CLDR form a language's table holds),
 * chosen by Intl.PluralRules and filled with {n}; a form the table lacks falls back to "other".
 */
export function lookupPlural(tables: Record<Language, Table>, lang: Language, key: string, n: number, values?: Values): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const all = { n, ...values };
  return lookupOptional(tables, lang, `${key}.${rules.select(n)}`, all) ?? lookup(tables, lang, `${key}.other`, all);
}

/** The keys of a table with plural forms, named without the form: "bids.summary" for "bids.summary.other". */
export type PluralKeyOf<K> = K extends `${infer Base}.other` ? Base : never;

/** Maps an Office display language such as "nl-BE" or "fr-FR" to one of ours. */
export function languageOf(locale: string | undefined): Language {
  const prefix = (locale ?? "en").slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(prefix) ? (prefix as Language) : "en";
}

/** The message a domain error shows, naming the argument and the rule, from the errors tables (src/i18n/<lang>/errors.json). */
export const describeErrorIn = (errorTables: Record<Language, Table>, error: DomainError, lang: Language): string =>
  lookup(errorTables, lang, error.rule, { arg: error.argument, detail: error.detail ?? "" });
