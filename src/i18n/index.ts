/**
 * User-visible text: one table per language (en, nl, fr), kept in one folder per language and split by
 * the face that uses it (errors, functions, wizard, templates) so each part stays readable and each
 * bundle carries only what it shows (functions.js imports ./errors alone).
 * English is the reference: a key missing in nl or fr falls back to English (a test lists such gaps).
 */
import { type Language, type Table, lookup } from "./core";
import { errorTables } from "./errors";
import enFunctions from "./en/functions.json";
import enSources from "./en/sources.json";
import enTemplates from "./en/templates.json";
import enWizard from "./en/wizard.json";
import frFunctions from "./fr/functions.json";
import frSources from "./fr/sources.json";
import frTemplates from "./fr/templates.json";
import frWizard from "./fr/wizard.json";
import nlFunctions from "./nl/functions.json";
import nlSources from "./nl/sources.json";
import nlTemplates from "./nl/templates.json";
import nlWizard from "./nl/wizard.json";

export * from "./core";
export { describeError, errorText } from "./errors";

/** sources: where a default or preset comes from (citations), shown by the wizard and the templates. */
export type Section = "errors" | "functions" | "wizard" | "templates" | "sources";
export const SECTIONS: readonly Section[] = ["errors", "functions", "wizard", "templates", "sources"];

const tables: Record<Section, Record<Language, Table>> = {
  errors: errorTables,
  functions: { en: enFunctions, nl: nlFunctions, fr: frFunctions },
  wizard: { en: enWizard, nl: nlWizard, fr: frWizard },
  templates: { en: enTemplates, nl: nlTemplates, fr: frTemplates },
  sources: { en: enSources, nl: nlSources, fr: frSources },
};

export function sectionOf(lang: Language, section: Section): Table {
  return tables[section][lang];
}

export function translate(lang: Language, section: Section, key: string, values?: Record<string, string | number>): string {
  return lookup(tables[section], lang, key, values);
}
