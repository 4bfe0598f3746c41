/**
 * A criterion's name and a label's name in the user's language: the criteria words that reading answers and
 * a saved comparison need (src/i18n/criteriaWords.ts), apart from the rest of the wording in ./text.
 */
import { criteriaWord } from "../../i18n/criteriaWords";
import type { Language } from "../../i18n/core";
import type { CriterionId, Label } from "./catalogue";

export const criterionName = (lang: Language, id: CriterionId): string => criteriaWord(lang, `criterion.${id}.name`);

/** "none" and "equivalent" in the user's language; the labels themselves are names. */
export const labelName = (lang: Language, label: Label): string =>
  label === "none" ? criteriaWord(lang, "label.none") : label === "equivalent" ? criteriaWord(lang, "label.equivalent") : label;
