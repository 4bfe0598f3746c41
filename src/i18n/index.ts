/**
 * User-visible text: one table per language (en, nl, fr), kept in one folder per language and split by
 * the face that uses it (errors, functions, wizard, templates) so each part stays readable and each
 * bundle carries only what it shows (functions.js imports ./errors alone).
 * English is the reference: a key missing in nl or fr fails the type check (and would fall back to English).
 */
import { type Language, type Table, lookup } from "./core";
import { criteriaTables } from "./criteria";
import { errorTables } from "./errors";
import enBidform from "./en/bidform.json";
import frBidform from "./fr/bidform.json";
import nlBidform from "./nl/bidform.json";
import enFunctions from "./en/functions.json";
import enSources from "./en/sources.json";
import enTemplates from "./en/templates.json";
import enTender from "./en/tender.json";
import enWizard from "./en/wizard.json";
import frFunctions from "./fr/functions.json";
import frSources from "./fr/sources.json";
import frTemplates from "./fr/templates.json";
import frTender from "./fr/tender.json";
import frWizard from "./fr/wizard.json";
import nlFunctions from "./nl/functions.json";
import nlSources from "./nl/sources.json";
import nlTemplates from "./nl/templates.json";
import nlTender from "./nl/tender.json";
import nlWizard from "./nl/wizard.json";

export * from "./core";
export { describeError, errorText } from "./errors";

/** sources: where a default or preset comes from (citations), shown by the wizard and the templates; tender: the tender annex; bidform: the bidders' form. */
export type Section = "errors" | "functions" | "wizard" | "templates" | "sources" | "criteria" | "tender" | "bidform";
export const SECTIONS: readonly Section[] = ["errors", "functions", "wizard", "templates", "sources", "criteria", "tender", "bidform"];

// `satisfies typeof en`: a key (at any depth) of the English table missing in nl or fr fails the type check.
const tables: Record<Section, Record<Language, Table>> = {
  errors: errorTables,
  functions: { en: enFunctions, nl: nlFunctions satisfies typeof enFunctions, fr: frFunctions satisfies typeof enFunctions },
  wizard: { en: enWizard, nl: nlWizard satisfies typeof enWizard, fr: frWizard satisfies typeof enWizard },
  templates: { en: enTemplates, nl: nlTemplates satisfies typeof enTemplates, fr: frTemplates satisfies typeof enTemplates },
  sources: { en: enSources, nl: nlSources satisfies typeof enSources, fr: frSources satisfies typeof enSources },
  criteria: criteriaTables,
  tender: { en: enTender, nl: nlTender satisfies typeof enTender, fr: frTender satisfies typeof enTender },
  bidform: { en: enBidform, nl: nlBidform satisfies typeof enBidform, fr: frBidform satisfies typeof enBidform },
};

/** A key of the templates' table (src/i18n/en/templates.json). */
export type TemplateKey = keyof typeof enTemplates;
/** A key of the tender annex's table (src/i18n/en/tender.json). */
export type TenderKey = keyof typeof enTender;

export function sectionOf(lang: Language, section: Section): Table {
  return tables[section][lang];
}

export function translate(lang: Language, section: Section, key: string, values?: Record<string, string | number>): string {
  return lookup(tables[section], lang, key, values);
}
