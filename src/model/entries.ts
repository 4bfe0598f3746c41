/**
 * Typed-in entries: what the user typed, or a workbook cell or a CSV file held, as text, to and from the
 * model's values. Entries stay text (a half-finished or wrong entry survives a reload and is flagged again
 * rather than lost); this module is the one converter between them and Parameters, Bids and circular inputs.
 * parseNumber is the one place where text becomes a number; numberText the one where a number becomes text.
 */
import { LIMITS, type Check, amount, atMost, energy, firstError, isNumber, nonNegative, positive, years } from "../engine/checks";
import type { DomainError } from "../engine/result";
import type { Language } from "../i18n/core";
import {
  type Bid,
  type BidField,
  type ComparisonKind,
  type FieldRange,
  SCENARIO_FIELDS,
  SCENARIO_KINDS,
  type ScenarioKind,
  bidFields,
  emptyBid,
} from "./bid";
import type { CircularInputs, Scenario } from "./circular";
import { type NumberLocale, numberText, parseNumber, readNumber } from "./numbers";
import { type OptionWords, optionCode } from "./optionWords";
import { DEFAULT_PARAMETERS, PERCENT_KEYS, type Parameters, validateParameters } from "./parameters";
import { type CriteriaSettings, checkCriteria } from "./criteria/settings";
import { type Answer, CATALOGUE, type CriterionId } from "./criteria/catalogue";
import { answerEntry, parseAnswer } from "./criteria/answers";

/** Entries as typed (text), keyed by field name. */
export type Entries = Readonly<Record<string, string>>;

export interface FieldError {
  /** Row number (1-based, in the source) for bids; undefined for parameters. */
  readonly row?: number;
  readonly field: string;
  readonly error: DomainError;
}

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

// ---- text → number, number → text

export { type NumberLocale, type NumberOptions, numberText, parseNumber, readNumber } from "./numbers";

export const percentText = (fraction: number, lang: Language): string => `${numberText(fraction * 100, lang)} %`;

/** Any field's value (typed, or read from a cell) as its entry: percent fields as "4 %"; blanks stay blank. */
export function entryText(key: string, value: unknown, lang: Language): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return PERCENT_KEYS.has(key) ? percentText(value, lang) : numberText(value, lang);
  return String(value);
}

// ---- values → entries

/** A parameter value as the Parameters step shows it. */
export function parameterText(key: keyof Parameters, value: Parameters[keyof Parameters], lang: Language): string {
  if (key === "criteria") return criteriaEntry(value as CriteriaSettings);
  if (key === "electricityPricePerKWh" && value === 0) return ""; // no default: the procurer enters it
  return entryText(key, value, lang);
}

/** The criteria settings as their entry: the JSON of CRITERIA.md §2, "" for none. */
export const criteriaEntry = (settings: CriteriaSettings): string => (settings.length ? JSON.stringify(settings) : "");

/**
 * The criteria entry back into settings: "" is none; the valid settings are kept and the first problem is
 * the field's error (the Criteria step words each problem at its input with checkCriteria).
 */
export function criteriaFromEntry(
  text: string | undefined,
  context?: Pick<Parameters, "qualityPoints" | "requiredWarrantyYears" | "requiredSparePartsYears">,
): { settings: CriteriaSettings; error?: DomainError } {
  if (text === undefined || text.trim() === "") return { settings: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { settings: [], error: { kind: "type", argument: "criteria", rule: "criteriaInvalid", detail: "JSON" } };
  }
  const checked = checkCriteria(json, context);
  const first = checked.issues.find((i) => i.severity === "error");
  return {
    settings: checked.settings,
    error: first ? { kind: "type", argument: first.path, rule: "criteriaInvalid", detail: first.rule } : undefined,
  };
}

export function defaultParameterEntries(lang: Language): Entries {
  const keys = Object.keys(DEFAULT_PARAMETERS) as (keyof Parameters)[];
  return Object.fromEntries(keys.map((k) => [k, parameterText(k, DEFAULT_PARAMETERS[k], lang)]));
}

/** The fields of a Bid as text; null (blank) keeps its documented meaning. */
export function bidEntries(bid: Bid, kind: ComparisonKind, lang: Language): Entries {
  const answers = Object.entries(bid.criteria ?? {}).flatMap(([id, a]) =>
    a === null || a === undefined ? [] : [[id, answerEntry(lang, a)]],
  );
  return Object.fromEntries([...bidFields(kind).map((f) => [f.key, entryText(f.key, bid[f.key], lang)]), ...answers]);
}

/** A new offer: defaults filled in, but what the offer must state (quantity, price…) left blank to be typed. */
export function newBidEntries(kind: ComparisonKind, lang: Language): Entries {
  const entries = { ...bidEntries(emptyBid(kind), kind, lang) };
  for (const f of bidFields(kind)) if (f.required && f.kind === "number") entries[f.key] = "";
  return entries;
}

// ---- entries → values, with field-level reasons

const RULES_BY_UNIT: Record<string, Check[]> = {
  units: [isNumber, positive, atMost(LIMITS.quantity)],
  W: [isNumber, nonNegative, atMost(LIMITS.powerW)],
  "h/day": [isNumber, nonNegative, atMost(24)],
  years: [isNumber, positive, atMost(LIMITS.years)],
  "kWh/yr": [isNumber, nonNegative, atMost(LIMITS.kWh)],
  "kWh/week": [isNumber, nonNegative, atMost(LIMITS.kWh)],
  kgCO2e: [isNumber, nonNegative, atMost(LIMITS.kgCO2e)],
};
const AMOUNT: Check[] = [isNumber, nonNegative, atMost(LIMITS.amountEUR)];

function parseField(f: BidField, raw: unknown, locale?: NumberLocale, words?: OptionWords): { value: unknown; error?: DomainError } {
  if (blank(raw)) {
    if (f.required && !f.nullable) return { value: null, error: { kind: "type", argument: f.key, rule: "missing" } };
    return { value: f.nullable ? null : (f.defaultValue ?? (f.kind === "number" ? 0 : "")) };
  }
  if (f.kind === "text") return { value: String(raw).trim() };
  if (f.kind === "enum") {
    // The code, a workbook's word for it in any language ("neuf", "gereviseerd"), or an alias (ja/nee, oui/non).
    const found = optionCode(f.key, f.options ?? [], raw, words) ?? f.aliases?.[String(raw).trim().toLowerCase()];
    const accepted = [...(f.options ?? []), ...Object.keys(f.aliases ?? {})].join(", ");
    return found ? { value: found } : { value: raw, error: { kind: "type", argument: f.key, rule: "unknownOption", detail: accepted } };
  }
  const n = readNumber(raw, { locale, percent: false });
  if (typeof n !== "number") return { value: raw, error: { kind: "type", argument: f.key, rule: n, detail: String(raw) } };
  const error = firstError([f.key, n, f.range ? rangeChecks(f.range) : (RULES_BY_UNIT[f.unit ?? ""] ?? AMOUNT)]);
  return { value: n, error };
}

/** A field's own bounds (warranty 0–30 years, a battery year above 0 and up to 30). */
const rangeChecks = (r: FieldRange): Check[] => [isNumber, r.above ? positive : nonNegative, atMost(r.max)];

/**
 * §12.2–§12.3 between fields: an extension price needs the warranty years it extends; a battery cost
 * needs its year and a year its cost. The message sits on the field to fill in.
 */
function commitmentErrors(out: Readonly<Record<string, unknown>>, row?: number): FieldError[] {
  const errors: FieldError[] = [];
  if (out.extraWarrantyYearPrice !== null && out.warrantyYears === null) {
    errors.push({
      row,
      field: "extraWarrantyYearPrice",
      error: { kind: "type", argument: "extraWarrantyYearPrice", rule: "needsWarrantyYears" },
    });
  }
  if (out.batteryReplacementCost !== null && out.batteryReplacementYear === null) {
    errors.push({ row, field: "batteryReplacementYear", error: { kind: "type", argument: "batteryReplacementYear", rule: "missing" } });
  }
  if (out.batteryReplacementYear !== null && out.batteryReplacementCost === null) {
    errors.push({ row, field: "batteryReplacementCost", error: { kind: "type", argument: "batteryReplacementCost", rule: "missing" } });
  }
  return errors;
}

/** The criteria a Bid answers in `criteria` (the others are Bids fields). */
const ANSWERED_CRITERIA = CATALOGUE.filter((c) => !c.bidField);

/**
 * One record (keys = Bid field names) into a Bid, or the reasons it cannot be one. Cross-field rules:
 * computers need a TEC or mode powers; on + sleep hours fit in a day. Numbers are read in `locale` (absent:
 * only what reads the same in every locale). Options are read as codes or as `words` for them.
 */
export function parseBid(
  record: Readonly<Record<string, unknown>>,
  kind: ComparisonKind,
  row?: number,
  locale?: NumberLocale,
  words?: OptionWords,
): { bid?: Bid; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const out: Record<string, unknown> = {};
  for (const f of bidFields(kind)) {
    const { value, error } = parseField(f, record[f.key], locale, words);
    out[f.key] = value;
    if (error) errors.push({ row, field: f.key, error });
  }
  if (kind === "computers" && errors.length === 0) {
    if (out.tecKWhPerYear === null && out.onW === null && out.sleepW === null && out.offW === null) {
      errors.push({ row, field: "tecKWhPerYear", error: { kind: "type", argument: "tecKWhPerYear", rule: "tecOrModes" } });
    }
    const hours = ((out.onHoursPerDay as number | null) ?? 0) + ((out.sleepHoursPerDay as number | null) ?? 0);
    if (hours > 24)
      errors.push({
        row,
        field: "sleepHoursPerDay",
        error: { kind: "domain", argument: "onHoursPerDay + sleepHoursPerDay", rule: "hoursPerDayAtMost24", detail: String(hours) },
      });
  }
  // CRITERIA.md: the answers to criteria without a Bids field, keyed by criterion id (a CSV column by its
  // name is keyed so by csv.ts); warranty, spare parts and data erasure are the fields above.
  const criteria: Partial<Record<CriterionId, Answer>> = {};
  for (const c of ANSWERED_CRITERIA) {
    if (record[c.id] === undefined) continue;
    const { value, error } = parseAnswer(c.id, record[c.id], locale);
    if (error) errors.push({ row, field: c.id, error });
    else if (value !== null) criteria[c.id] = value;
  }
  if (Object.keys(criteria).length) out.criteria = criteria;
  // Fields already wrong keep their own message; the rules between fields judge the rest.
  const wrong = new Set(errors.map((e) => e.field));
  errors.push(...commitmentErrors(out, row).filter((e) => !wrong.has(e.field)));
  if (errors.length) return { errors };
  // Fields of the other template keep neutral values so every Bid has every key.
  const neutral = {
    tecKWhPerYear: null,
    onW: null,
    onHoursPerDay: null,
    sleepW: null,
    sleepHoursPerDay: null,
    offW: null,
    tecKWhPerWeek: null,
    monoCostPerPage: 0,
    colourCostPerPage: 0,
    serviceContractPerYear: 0,
  };
  return { bid: { ...neutral, ...out } as unknown as Bid, errors };
}

export interface Checked<T> {
  readonly value: T;
  /** Field name → the first thing wrong with it. */
  readonly errors: Readonly<Record<string, DomainError>>;
}

const byField = (errors: readonly FieldError[]): Record<string, DomainError> => {
  const out: Record<string, DomainError> = {};
  for (const e of errors) out[e.field] ??= e.error;
  return out;
};

/** Entries into Parameters; every field with a problem gets its reason. The electricity price must be entered. */
export function parametersFromEntries(entries: Entries): Checked<Parameters> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_PARAMETERS) as (keyof Parameters)[]) {
    const fallback = DEFAULT_PARAMETERS[key];
    const text = entries[key];
    if (key === "criteria") continue;
    if (text === undefined) out[key] = fallback;
    else if (typeof fallback === "number") out[key] = parseNumber(text, { percent: PERCENT_KEYS.has(key) });
    else if (typeof fallback === "boolean") out[key] = text === "true";
    else out[key] = text;
  }
  const criteria = criteriaFromEntry(entries.criteria, out as unknown as Parameters);
  out.criteria = criteria.settings;
  const parameters = out as unknown as Parameters;
  const errors = byField(validateParameters(parameters));
  if (criteria.error) errors.criteria = criteria.error;
  // A cleared number is missing rather than "not a number", an ambiguous one says so; the price has no
  // default and 0 means not given.
  for (const key of Object.keys(out) as (keyof Parameters)[]) {
    if (typeof DEFAULT_PARAMETERS[key] !== "number" || entries[key] === undefined) continue;
    const text = entries[key].trim();
    const read = readNumber(text, { percent: PERCENT_KEYS.has(key) });
    if (text === "") errors[key] = { kind: "type", argument: key, rule: "missing" };
    else if (typeof read !== "number") errors[key] = { kind: "type", argument: key, rule: read, detail: text };
  }
  if (!(parameters.electricityPricePerKWh > 0) && !errors.electricityPricePerKWh) {
    errors.electricityPricePerKWh = { kind: "type", argument: "electricityPricePerKWh", rule: "missing" };
  }
  return { value: parameters, errors };
}

export function bidFromEntries(entries: Entries, kind: ComparisonKind, row?: number): { bid?: Bid; errors: Record<string, DomainError> } {
  const { bid, errors } = parseBid(entries, kind, row);
  return { bid, errors: byField(errors) };
}

const kg = [isNumber, nonNegative, atMost(LIMITS.kgCO2e)];
const SCENARIO_RULES = {
  upfrontCost: amount,
  serviceYears: years,
  annualKWh: energy,
  annualMaintenance: amount,
  residualValue: amount,
  endOfLifeCost: amount,
  embodiedKgCO2e: kg,
};
/** Blank means 0 for these; the others must be entered. */
const OPTIONAL = new Set<string>(["annualMaintenance", "residualValue", "endOfLifeCost"]);

/** Circular entries ("currentAgeYears", "extend.upfrontCost" …) into the device in use and its options. */
export function circularFromEntries(entries: Entries): Checked<CircularInputs> {
  const errors: Record<string, DomainError> = {};
  const read = (key: string, field: string, checks: typeof amount): number => {
    const text = (entries[key] ?? "").trim();
    if (text === "" && OPTIONAL.has(field)) return 0;
    if (text === "") {
      errors[key] = { kind: "type", argument: field, rule: "missing" };
      return NaN;
    }
    const n = parseNumber(text, { percent: false });
    const e = firstError([field, n, checks]);
    if (e) errors[key] = e;
    return n;
  };
  const currentAgeYears = read("currentAgeYears", "currentAgeYears", years);
  const currentDeviceEmbodiedKgCO2e = read("currentDeviceEmbodiedKgCO2e", "embodiedKgCO2e", kg);
  const scenarios: Scenario[] = SCENARIO_KINDS.map((kind: ScenarioKind) => {
    const s = Object.fromEntries(SCENARIO_FIELDS.map((f) => [f, read(`${kind}.${f}`, f, SCENARIO_RULES[f])]));
    return { kind, ...s } as unknown as Scenario;
  });
  return { value: { currentAgeYears, currentDeviceEmbodiedKgCO2e, scenarios }, errors };
}
