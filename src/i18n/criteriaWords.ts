/**
 * The few criteria words that reading an answer or a saved comparison needs in every language (each
 * criterion's name, yes/no, and the "none" / "equivalent" labels): what the pane's first download carries.
 * The rest of the criteria wording (questions, sources, reasons, settings problems) is in ./criteria and
 * comes with the steps that show it. webpack.config.js reduces the three tables imported here to these
 * keys (scripts/criteria-words-loader.cjs; test/i18n/criteriaWords.test.ts checks it keeps exactly these keys); the tables stay the
 * one source of the words.
 */
import { LANGUAGES, type Language, type Table, lookup } from "./core";
import en from "./en/criteria.json";
import fr from "./fr/criteria.json";
import nl from "./nl/criteria.json";

const tables: Record<Language, Table> = { en, nl, fr };

/** The keys this module reads, and all the loader keeps. */
export type CriteriaWordKey =
  `criterion.${string}.name` | "answer.yes" | "answer.no" | "answer.yesAlso" | "answer.noAlso" | "label.none" | "label.equivalent";

/** One word in one language (English when missing). */
export const criteriaWord = (lang: Language, key: CriteriaWordKey): string => lookup(tables, lang, key);

/** One word in every language that has it ("yes", "ja", "oui"). */
export const criteriaWordsOf = (key: CriteriaWordKey): string[] => LANGUAGES.map((l) => String(tables[l][key] ?? "")).filter(Boolean);
