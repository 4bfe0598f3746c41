/** The UI language for every component: translated text from wizard.json and numbers in the UI locale. */
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { DomainError } from "../../engine/result";
import {
  type Language,
  type PluralKeyOf,
  type Table,
  type Values,
  describeErrorIn,
  lookup,
  lookupOptional,
  lookupPlural,
} from "../../i18n/core";
import en from "../../i18n/en/wizard.json";
import enErrors from "../../i18n/en/errors.json";
import enSources from "../../i18n/en/sources.json";

/** Every text the pane shows, named as in the English table: a key missing there fails `tsc`. */
export type WizardKey = keyof typeof en;
/** A count in words with one entry per plural form ("bids.summary.one", "bids.summary.other"). */
export type WizardPluralKey = PluralKeyOf<WizardKey>;
/** A Dutch or French table that lacks a key of the English one does not type-check where it is loaded. */
type WizardTable = Record<WizardKey, string>;
type SourceTable = Record<keyof typeof enSources, string>;
type ErrorTable = Record<keyof typeof enErrors, string>;

/**
 * The pane's own tables only (not the functions' or templates'). English is built in (it is also every
 * key's fallback); Dutch and French are fetched when chosen, so the first download carries one table.
 * The error messages likewise (the custom functions keep all three, src/i18n/errors.ts).
 */
const loaded: Partial<Record<Language, WizardTable>> = { en };
const sources: Partial<Record<Language, SourceTable>> = { en: enSources };
const errors: Partial<Record<Language, ErrorTable>> = { en: enErrors };

export const hasLanguage = (lang: Language): boolean => loaded[lang] !== undefined;

/** A JSON module as webpack gives it (with default) or as jest does. */
const tableOf = <T,>(module: { default: T }): T => module.default ?? (module as unknown as T);

export async function loadLanguage(lang: Language): Promise<void> {
  if (loaded[lang]) return;
  const [wizard, cited, messages] =
    lang === "nl"
      ? await Promise.all([import("../../i18n/nl/wizard.json"), import("../../i18n/nl/sources.json"), import("../../i18n/nl/errors.json")])
      : await Promise.all([import("../../i18n/fr/wizard.json"), import("../../i18n/fr/sources.json"), import("../../i18n/fr/errors.json")]);
  sources[lang] = tableOf<SourceTable>(cited);
  errors[lang] = tableOf<ErrorTable>(messages);
  loaded[lang] = tableOf<WizardTable>(wizard);
}

const wizardTables = () => ({ en, nl: loaded.nl ?? en, fr: loaded.fr ?? en });

/** Any language's text for a key, typed or built from data (the column guess of a table import uses it). */
export const wizardText = (lang: Language, key: string, values?: Values): string => lookup(wizardTables(), lang, key, values);

const errorTables = (): Record<Language, Table> => ({ en: enErrors, nl: errors.nl ?? enErrors, fr: errors.fr ?? enErrors });

const sourceText = (lang: Language, key: string): string =>
  lookup({ en: enSources, nl: sources.nl ?? enSources, fr: sources.fr ?? enSources }, lang, key);

/** A full locale for number formatting when the host's locale is of another language. */
const DEFAULT_LOCALE: Record<Language, string> = { en: "en-GB", nl: "nl-NL", fr: "fr-FR" };

export function localeFor(lang: Language, hostLocale: string): string {
  return hostLocale.slice(0, 2).toLowerCase() === lang ? hostLocale : DEFAULT_LOCALE[lang];
}

export interface I18n {
  readonly lang: Language;
  readonly locale: string;
  t(key: WizardKey, values?: Values): string;
  /**
   * A key built from data the compiler cannot follow (a field or unit held as a string, an option value):
   * test/wizard/i18n.test.ts lists every key the data can build and checks the tables carry it.
   */
  tBuilt(key: string, values?: Values): string;
  /** A text that may not exist, such as a field's hint: undefined when no table has the key. */
  tOptional(key: string, values?: Values): string | undefined;
  /** A count in words, "1 offer" or "2 offers", by the language's plural rules; {n} is the count. */
  plural(key: WizardPluralKey, n: number, values?: Values): string;
  /** Where a default comes from (src/i18n/<lang>/sources.json). */
  source(key: string): string;
  /** Money with two decimals and the currency sign, as the locale writes it ("€80,193.71", "80 193,71 €"). */
  money(n: number, currency?: string): string;
  number(n: number, decimals?: number): string;
  /** Up to one decimal, none when whole ("3", "4.5"): years, counts. */
  short(n: number): string;
  percent(fraction: number, decimals?: number): string;
  /** A domain error in words, naming the field by its label rather than its code name. */
  error(error: DomainError, label: string): string;
}

export function makeI18n(lang: Language, locale: string): I18n {
  const t = (key: WizardKey, values?: Values) => wizardText(lang, key, values);
  const formats = new Map<string, Intl.NumberFormat>();
  const fmt = (key: string, options: Intl.NumberFormatOptions) => {
    let f = formats.get(key);
    if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, options)));
    return f;
  };
  return {
    lang,
    locale,
    t,
    tBuilt: (key, values) => lookup(wizardTables(), lang, key, values),
    tOptional: (key, values) => lookupOptional(wizardTables(), lang, key, values),
    plural: (key, n, values) => lookupPlural(wizardTables(), lang, key, n, values),
    source: (key) => sourceText(lang, key),
    money: (n, currency = "EUR") =>
      fmt(`m${currency}`, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n),
    number: (n, decimals = 2) => fmt(`n${decimals}`, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n),
    short: (n) => fmt("s", { maximumFractionDigits: 1 }).format(n),
    percent: (x, decimals = 1) =>
      fmt(`p${decimals}`, { style: "percent", minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(x),
    error: (error, label) =>
      // The price has no default, so an empty one gets directions to a source rather than "enter a value".
      error.argument === "electricityPricePerKWh" && error.rule === "missing"
        ? t("error.electricityPriceRequired")
        : describeErrorIn(errorTables(), { ...error, argument: label }, lang),
  };
}

const I18nContext = createContext<I18n>(makeI18n("en", "en-GB"));

export function I18nProvider({ lang, hostLocale, children }: { lang: Language; hostLocale: string; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang, localeFor(lang, hostLocale)), [lang, hostLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
