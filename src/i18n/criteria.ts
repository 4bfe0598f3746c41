/** The circular criteria's wording (names, questions, sources, reasons, settings problems): what src/model/criteria needs, without the other tables. */
import { type Language, type PluralKeyOf, type Table, type Values, lookup, lookupPlural } from "./core";
import en from "./en/criteria.json";
import fr from "./fr/criteria.json";
import nl from "./nl/criteria.json";

// `satisfies`: a key of en missing in nl or fr fails the type check.
export const criteriaTables: Record<Language, Table> = { en, nl: nl satisfies typeof en, fr: fr satisfies typeof en };

/** A key of the criteria table (src/i18n/en/criteria.json). */
export type CriteriaKey = keyof typeof en;
export type CriteriaPluralKey = PluralKeyOf<CriteriaKey>;

export const criteriaText = (lang: Language, key: CriteriaKey, values?: Values): string => lookup(criteriaTables, lang, key, values);

/** A key built from data the compiler cannot follow (`criterion.${id}.name`); test/model/criteria-text.test.ts sees every one. */
export const criteriaTextBuilt = (lang: Language, key: string, values?: Values): string => lookup(criteriaTables, lang, key, values);

export const criteriaPlural = (lang: Language, key: CriteriaPluralKey, n: number, values?: Values): string =>
  lookupPlural(criteriaTables, lang, key, n, values);
