/**
 * The comparison as the cells of a template written by src/templates: one workbook name per parameter
 * (LCC_DiscountRate…), the Bids or Scenarios table with its columns in template order, and for the circular
 * template the two cells of the device in use. Pure: the ExcelHost moves these values in and out.
 */
import type { Language } from "../i18n/core";
import { COUNTRY_PRESETS, type CountryCode, DEFAULT_PARAMETERS, type Parameters } from "../model/parameters";
import { BID_FIELDS, type ProductGroup, SCENARIO_KINDS, kindOf } from "../model/bid";
import { PARAMETER_FIELDS } from "../model/parameters";
import { type Entries, entryText, parseNumber } from "../model/entries";
import { SCENARIO_COLUMNS } from "../templates/circular";
import { bidColumns } from "../templates/comparison";
import { DEVICE_NAMES, type ParameterKey, TABLE_NAMES, refsFor } from "../templates/names";
import { CUSTOM_COUNTRY, YES_NO, parameterRowsOf } from "../templates/parametersSheet";
import { codeOfWord, codeWord, parameterCodeList } from "../templates/codes";
import { type CriterionId, criterionOf } from "../model/criteria/catalogue";
import { answerCell, answerText } from "./criteriaCells";
import type { SavedComparison } from "./types";

export type CellValue = string | number | boolean;

/** Whether a parameter is a number (as opposed to a code or a name). */
const isNumericParameter = (key: string): boolean => typeof DEFAULT_PARAMETERS[key as keyof Parameters] === "number";

/**
 * An entry as a cell value: a number when it parses, otherwise literal text. Text carries Excel's
 * apostrophe prefix, as the template writer does, so "=…" from an imported file never becomes a formula
 * and "0012" never a number (Excel drops the apostrophe from the value).
 */
export function cellValue(text: string | undefined, numeric: boolean): CellValue {
  const s = (text ?? "").trim();
  if (s === "") return "";
  if (numeric) {
    const n = parseNumber(s);
    if (Number.isFinite(n)) return n;
  }
  return `'${s}`;
}

/** The stamp the Office.js writer leaves in the workbook settings: which template, with which name suffix. */
export interface TemplateStamp {
  readonly template: ProductGroup;
  readonly nameSuffix: string;
  /** The language of the words its coded cells show; workbooks written before it was stamped show codes (English). */
  readonly language?: Language;
  /** The template version that wrote the workbook (TEMPLATE_VERSION), when stamped. */
  readonly version?: string;
  /** The Criteria sheet's name, when the template wrote one (workbooks written before criteria have none). */
  readonly criteriaSheet?: string;
  /** The criteria its Results sheet scores, when stamped (templates from this version on). */
  readonly scored?: readonly CriterionId[];
  /** The Call-off sheet's name, when the template wrote one (a framework set with awarded offers). */
  readonly callOffSheet?: string;
}

export function parseStamp(value: unknown): TemplateStamp | null {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!v || typeof v !== "object") return null;
  const { template, nameSuffix, language, version, sheets, scored } = v as Record<string, unknown>;
  const criteriaSheet = sheets && typeof sheets === "object" ? (sheets as Record<string, unknown>).criteria : undefined;
  const callOffSheet = sheets && typeof sheets === "object" ? (sheets as Record<string, unknown>).callOff : undefined;
  if (template !== "computers" && template !== "imaging" && template !== "circular") return null;
  return {
    template,
    nameSuffix: typeof nameSuffix === "string" ? nameSuffix : "",
    language: language === "nl" || language === "fr" ? language : "en",
    ...(typeof version === "string" ? { version } : {}),
    ...(typeof criteriaSheet === "string" && criteriaSheet ? { criteriaSheet } : {}),
    ...(Array.isArray(scored) ? { scored: scored.filter((id): id is CriterionId => typeof id === "string" && !!criterionOf(id)) } : {}),
    ...(typeof callOffSheet === "string" && callOffSheet ? { callOffSheet } : {}),
  };
}

/**
 * What template 1.1.0 added (LCC-METHOD §12): a workbook written before has neither these names nor these
 * Bids columns. The pane reads such a workbook with the defaults and blanks, says what differs, and widens
 * the Bids table when it has commitments to store.
 */
export const ADDED_PARAMETERS: ReadonlySet<string> = new Set(
  PARAMETER_FIELDS.filter((f) => f.section === "commitments" || f.key === "residualValueRule").map((f) => f.key),
);
export const ADDED_COLUMNS: ReadonlySet<string> = new Set(BID_FIELDS.filter((f) => f.group === "warrantyAndRepair").map((f) => f.key));
/** The workbook name of template 1.0.0's parameter that residualValueRule replaced (one curve for every blank residual value). */
export const formerResidualCurveName = (stamp: TemplateStamp): string => refsFor(stamp.nameSuffix).name("LCC_ResidualCurve");

/** The parameter cells a template has, by workbook name; the emission factor itself is a formula on the sheet. */
export function parameterNames(stamp: TemplateStamp): { key: ParameterKey; name: string }[] {
  const refs = refsFor(stamp.nameSuffix);
  return parameterRowsOf(stamp.template)
    .filter((r) => r.key !== "emissionFactorKgPerKWh")
    .map((r) => ({ key: r.key, name: refs.param(r.key) }));
}

export const tableName = (stamp: TemplateStamp): string =>
  refsFor(stamp.nameSuffix).name(stamp.template === "circular" ? TABLE_NAMES.scenarios : TABLE_NAMES.bids);

export const deviceNames = (stamp: TemplateStamp): { key: keyof typeof DEVICE_NAMES; name: string }[] =>
  (Object.keys(DEVICE_NAMES) as (keyof typeof DEVICE_NAMES)[]).map((key) => ({
    key,
    name: refsFor(stamp.nameSuffix).name(DEVICE_NAMES[key]),
  }));

/** The table's column keys, in order. */
export const columnKeys = (stamp: TemplateStamp): string[] =>
  stamp.template === "circular" ? SCENARIO_COLUMNS.map((c) => c.key) : bidColumns(kindOf(stamp.template)).map((c) => c.key);

const columnsOf = (stamp: TemplateStamp) => (stamp.template === "circular" ? SCENARIO_COLUMNS : bidColumns(kindOf(stamp.template)));
const numericColumn = (stamp: TemplateStamp, key: string): boolean => columnsOf(stamp).some((c) => c.key === key && c.kind === "number");
/** The codes of a list column (device type, condition, the option's kind). */
const columnCodes = (stamp: TemplateStamp, key: string): readonly string[] | undefined =>
  columnsOf(stamp).find((c) => c.key === key && c.kind === "enum")?.options;

const isYesNo = (key: string): boolean => typeof DEFAULT_PARAMETERS[key as keyof Parameters] === "boolean";

/** A code as the workbook shows it: the word of its language ("Reëel", "Oui"); anything else as it is. */
function shown(field: string, codes: readonly string[] | undefined, text: string, lang: Language): string {
  return codes?.includes(text) ? codeWord(lang, field, text) : text;
}

/** A cell of a coded field back to its code, whatever language's word it shows; anything else as it is. */
function codeText(field: string, codes: readonly string[] | undefined, value: unknown): unknown {
  return codes ? codeOfWord(field, codes, value) : value;
}

/** A preset country only while its factor is the preset's (as the Parameters sheet does); else custom. */
function countryCell(entries: Entries): string {
  const country = entries.country as CountryCode;
  const preset = COUNTRY_PRESETS[country];
  return preset && parseNumber(entries.emissionFactorKgPerKWh ?? "") === preset.emissionFactorKgPerKWh ? country : CUSTOM_COUNTRY;
}

/** A parameter's cell; coded parameters as the words of the workbook's language `lang`. */
export function parameterCell(key: ParameterKey, entries: Entries, lang: Language = "en"): CellValue {
  const codes = parameterCodeList(key);
  if (key === "country") return cellValue(shown(key, codes, countryCell(entries), lang), false);
  if (key === "customEmissionFactor") return cellValue(entries.emissionFactorKgPerKWh, true);
  if (isYesNo(key)) return cellValue(shown(key, codes, entries[key] === "true" ? YES_NO.yes : YES_NO.no, lang), false);
  return cellValue(codes ? shown(key, codes, (entries[key] ?? "").trim(), lang) : entries[key], isNumericParameter(key));
}

/** Parameter cells back to entries; the factor shown is the custom one, or the preset's. */
export function parameterEntries(values: ReadonlyMap<ParameterKey, unknown>, lang: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of values) {
    if (key === "customEmissionFactor") continue;
    // Coded cells hold words in the workbook's language (or codes): back to codes, yes/no to true/false.
    const code = codeText(key, parameterCodeList(key), value);
    out[key] = isYesNo(key) ? String(code === YES_NO.yes) : entryText(key, code, lang);
  }
  const country = out.country as CountryCode | undefined;
  const preset = country ? COUNTRY_PRESETS[country] : undefined;
  const factor = preset ? preset.emissionFactorKgPerKWh : values.get("customEmissionFactor");
  if (factor !== undefined) out.emissionFactorKgPerKWh = entryText("emissionFactorKgPerKWh", factor, lang);
  return out;
}

/**
 * One table row per offer (or option), in column order, then its answers to the criteria of `answers` (the
 * table's answer columns); codes, yes/no and labels as the words of the workbook's language.
 */
export function tableRows(stamp: TemplateStamp, saved: SavedComparison, answers: readonly CriterionId[] = []): CellValue[][] {
  const keys = columnKeys(stamp);
  const lang = stamp.language ?? "en";
  const cell = (k: string, text: string | undefined) =>
    cellValue(shown(k, columnCodes(stamp, k), (text ?? "").trim(), lang), numericColumn(stamp, k));
  if (stamp.template !== "circular")
    return saved.bids.map((e) => [...keys.map((k) => cell(k, e[k])), ...answers.map((id) => answerCell(id, e[id], lang))]);
  return SCENARIO_KINDS.map((kind) => keys.map((k) => (k === "kind" ? cell(k, kind) : cellValue(saved.circular[`${kind}.${k}`], true))));
}

/** A row read from the workbook (template columns, then `answers`) as the pane would write it back, so an unchanged row compares equal. */
export function normaliseRow(
  stamp: TemplateStamp,
  row: readonly unknown[],
  lang: Language,
  answers: readonly CriterionId[] = [],
): CellValue[] {
  const keys = columnKeys(stamp);
  const book = stamp.language ?? "en";
  return [
    ...keys.map((k, i) => {
      const codes = columnCodes(stamp, k);
      return cellValue(shown(k, codes, entryText(k, codeText(k, codes, row[i]), lang), book), numericColumn(stamp, k));
    }),
    ...answers.map((id, j) => answerCell(id, answerText(id, row[keys.length + j], lang), book)),
  ];
}

const blankRow = (row: readonly unknown[]) => row.every((v) => v === "" || v === null || v === undefined);

/**
 * Table rows back to offer entries (blank rows skipped; answers keyed by criterion id, blank ones left out,
 * as bidEntries does) or to circular entries ("extend.upfrontCost").
 */
export function entriesFromRows(
  stamp: TemplateStamp,
  rows: readonly (readonly unknown[])[],
  lang: Language,
  answers: readonly CriterionId[] = [],
): { bids: Entries[]; circular: Record<string, string> } {
  const keys = columnKeys(stamp);
  if (stamp.template !== "circular") {
    const entry = (k: string, v: unknown) => entryText(k, codeText(k, columnCodes(stamp, k), v), lang);
    const record = (r: readonly unknown[]) =>
      Object.fromEntries([
        ...keys.map((k, i) => [k, entry(k, r[i])]),
        ...answers.map((id, j) => [id, answerText(id, r[keys.length + j], lang)]).filter(([, text]) => text !== ""),
      ]);
    return { bids: rows.filter((r) => !blankRow(r)).map(record), circular: {} };
  }
  const circular: Record<string, string> = {};
  for (const r of rows) {
    const kind = String(codeText("kind", columnCodes(stamp, "kind"), r[0]) ?? "");
    keys.forEach((k, i) => k !== "kind" && kind && (circular[`${kind}.${k}`] = entryText(k, r[i], lang)));
  }
  return { bids: [], circular };
}
