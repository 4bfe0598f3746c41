/**
 * Offers' answers to the criteria as typed in the wizard, held in a workbook cell or read from a CSV file:
 * a column or a field goes by the criterion's id or its name in English, Dutch or French; a label by its
 * name in any case ("epeat gold", and "geen" / "aucun" for none); yes/no as yes/no, ja/nee, oui/non (or
 * true/false, waar/onwaar, vrai/faux as spreadsheets export them). A wrong answer is reported at its row and
 * criterion with the valid answers, never dropped or guessed.
 */
import type { DomainError } from "../../engine/result";
import { criteriaWord, criteriaWordsOf as words } from "../../i18n/criteriaWords";
import type { Language } from "../../i18n/core";
import type { FieldError } from "../entries";
import { headerKey } from "../headers";
import { type NumberLocale, numberText, readNumber } from "../numbers";
import {
  type Answer,
  CATALOGUE,
  type Criterion,
  type CriterionId,
  LABELS,
  type Label,
  type SharedBidField,
  criterionOf,
} from "./catalogue";
import type { CriteriaAnswers } from "./scoring";
import { labelName } from "./words";

/** Normalised name → criterion id: the id and the name in every language. */
const BY_NAME = new Map<string, CriterionId>();
for (const c of CATALOGUE) for (const name of [c.id, ...words(`criterion.${c.id}.name`)]) BY_NAME.set(headerKey(name), c.id);

/** Which criterion a header or a name names (case, accents, spacing and a unit in brackets do not matter). */
export const criterionOfName = (name: string): CriterionId | undefined => (headerKey(name) ? BY_NAME.get(headerKey(name)) : undefined);

/** The criterion each header names, or undefined. */
export const matchCriteriaHeaders = (headers: readonly string[]): (CriterionId | undefined)[] => headers.map(criterionOfName);

const LABEL_BY_NAME = new Map<string, Label>();
for (const l of LABELS) LABEL_BY_NAME.set(headerKey(l), l);
for (const l of ["none", "equivalent"] as const) for (const w of words(`label.${l}`)) LABEL_BY_NAME.set(headerKey(w), l);

/** A label by its name in any case and spacing ("tco certified", "EPEAT-Gold"); "geen", "aucun" are none. */
export const labelOfName = (text: string): Label | undefined => LABEL_BY_NAME.get(headerKey(text));

const YES = new Set([...words("answer.yes"), ...words("answer.yesAlso")].map((w) => w.toLowerCase()));
const NO = new Set([...words("answer.no"), ...words("answer.noAlso")].map((w) => w.toLowerCase()));
/** The accepted yes/no words, for the message of a wrong one. */
export const YES_NO_WORDS: readonly string[] = [...YES, ...NO];

/** yes → true, nee → false, anything else undefined. */
export function yesNoOf(text: string): boolean | undefined {
  const w = text.trim().toLowerCase();
  return YES.has(w) ? true : NO.has(w) ? false : undefined;
}

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * One answer to one criterion: null for a blank, the value, or the reason it is not an answer of this
 * criterion's type (a number in its range, yes/no, or a label). `locale`: how the text writes numbers.
 */
export function parseAnswer(id: CriterionId, raw: unknown, locale?: NumberLocale): { value: Answer; error?: DomainError } {
  const c = criterionOf(id) as Criterion;
  if (blank(raw)) return { value: null };
  const text = typeof raw === "string" ? raw.trim() : String(raw);
  const wrong = (rule: DomainError["rule"], detail: string, kind: DomainError["kind"] = "type"): { value: Answer; error: DomainError } => ({
    value: null,
    error: { kind, argument: id, rule, detail },
  });
  if (c.answer === "yesNo") {
    const yes = typeof raw === "boolean" ? raw : yesNoOf(text);
    return yes === undefined ? wrong("unknownOption", YES_NO_WORDS.join(", ")) : { value: yes };
  }
  if (c.answer === "label") {
    const label = typeof raw === "string" ? labelOfName(raw) : undefined;
    return label === undefined ? wrong("unknownOption", LABELS.join(", ")) : { value: label };
  }
  // A share in % may carry its sign: "85 %" and "85" are both 85 %.
  const body = typeof raw === "string" && c.unit === "percent" ? text.replace(/\s*%$/, "") : raw;
  const n = readNumber(body, { locale, percent: false });
  if (typeof n !== "number") return wrong(n, text);
  if (c.min !== undefined && n < c.min) return wrong("nonNegative", String(c.min), "domain");
  if (c.max !== undefined && n > c.max) return wrong("atMost", String(c.max), "domain");
  return { value: n };
}

/** An answer as it is typed back (the wizard's input, a CSV cell): "3", "3,5" in nl, "ja", "EPEAT Gold", "" for none given. */
export function answerEntry(lang: Language, answer: Answer): string {
  if (answer === null) return "";
  if (typeof answer === "number") return numberText(answer, lang);
  if (typeof answer === "boolean") return criteriaWord(lang, answer ? "answer.yes" : "answer.no");
  return labelName(lang, answer);
}

/** The answers that are Bids fields (also costed in the LCC, LCC-METHOD §12): they go into the bid. */
export type SharedAnswers = { -readonly [K in SharedBidField]?: K extends "takeBackWithDataErasure" ? boolean | null : number | null };

export interface CriteriaRecord {
  /** The answers to the criteria that have no Bids field, by id (a Bid's `criteria`). */
  readonly answers: CriteriaAnswers;
  /** warranty, spareParts and dataErasure: their Bids fields. */
  readonly shared: SharedAnswers;
  /** At the row and the criterion: a wrong answer, or a criterion given in two columns. */
  readonly errors: FieldError[];
  /** Keys that name no criterion (a CSV's other columns: the Bids reader matches them). */
  readonly unknown: string[];
}

/**
 * One record (a CSV line, a Bids row, the wizard's entries) keyed by criterion ids or names in any
 * language, into answers. `row` numbers the errors (the line of the file).
 */
export function parseCriteriaRecord(
  record: Readonly<Record<string, unknown>>,
  options: { readonly row?: number; readonly locale?: NumberLocale } = {},
): CriteriaRecord {
  const answers: Partial<Record<CriterionId, Answer>> = {};
  const shared: SharedAnswers = {};
  const errors: FieldError[] = [];
  const unknown: string[] = [];
  const from = new Map<CriterionId, string>();
  for (const [key, raw] of Object.entries(record)) {
    const id = criterionOfName(key);
    if (!id) {
      unknown.push(key);
      continue;
    }
    const earlier = from.get(id);
    if (earlier !== undefined) {
      errors.push({ row: options.row, field: id, error: { kind: "type", argument: key, rule: "duplicateColumn", detail: earlier } });
      continue;
    }
    from.set(id, key);
    const { value, error } = parseAnswer(id, raw, options.locale);
    if (error) errors.push({ row: options.row, field: id, error });
    const field = (criterionOf(id) as Criterion).bidField;
    if (field === "takeBackWithDataErasure") shared[field] = value as boolean | null;
    else if (field) shared[field] = value as number | null;
    else answers[id] = value;
  }
  return { answers, shared, errors, unknown };
}
