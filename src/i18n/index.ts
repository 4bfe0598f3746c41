/**
 * User-visible text: one table per language (en, nl, fr), kept in one folder per language and split by
 * the face that uses it (errors, functions, wizard, templates) so each part stays readable.
 * English is the reference: a key missing in nl or fr falls back to English (a test lists such gaps).
 */
import type { DomainError } from "../engine/result";
import enErrors from "./en/errors.json";
import enFunctions from "./en/functions.json";
import enTemplates from "./en/templates.json";
import enWizard from "./en/wizard.json";
import frErrors from "./fr/errors.json";
import frFunctions from "./fr/functions.json";
import frTemplates from "./fr/templates.json";
import frWizard from "./fr/wizard.json";
import nlErrors from "./nl/errors.json";
import nlFunctions from "./nl/functions.json";
import nlTemplates from "./nl/templates.json";
import nlWizard from "./nl/wizard.json";

export type Language = "en" | "nl" | "fr";
export const LANGUAGES: readonly Language[] = ["en", "nl", "fr"];

export type Section = "errors" | "functions" | "wizard" | "templates";
export const SECTIONS: readonly Section[] = ["errors", "functions", "wizard", "templates"];

/** Flat string tables; functions.json may nest objects per function id, read through sectionOf. */
type Table = Record<string, unknown>;
const tables: Record<Language, Record<Section, Table>> = {
  en: { errors: enErrors, functions: enFunctions, wizard: enWizard, templates: enTemplates },
  nl: { errors: nlErrors, functions: nlFunctions, wizard: nlWizard, templates: nlTemplates },
  fr: { errors: frErrors, functions: frFunctions, wizard: frWizard, templates: frTemplates },
};

export function sectionOf(lang: Language, section: Section): Table {
  return tables[lang][section];
}

/** Fills {name} placeholders. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Looks a key up in a section, falling back to English, then to the key itself. */
export function translate(lang: Language, section: Section, key: string, values?: Record<string, string | number>): string {
  const own = tables[lang][section][key];
  const text = typeof own === "string" ? own : tables.en[section][key];
  return format(typeof text === "string" ? text : key, values);
}

/** The message a domain error shows, naming the argument and the rule. */
export function describeError(error: DomainError, lang: Language = "en"): string {
  return translate(lang, "errors", error.rule, { arg: error.argument, detail: error.detail ?? "" });
}

/** Maps an Office display language such as "nl-BE" or "fr-FR" to one of ours. */
export function languageOf(locale: string | undefined): Language {
  const prefix = (locale ?? "en").slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(prefix) ? (prefix as Language) : "en";
}
