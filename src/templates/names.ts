/**
 * Every workbook-scoped name and table name a template creates, in one place. A writer that finds one of
 * them taken adds a suffix to all ("_2"), so a second template in the same workbook never overwrites the
 * first; the wizard reads the first set back with these constants.
 */
import { DEFAULT_PARAMETERS, PARAMETER_FIELDS, type ScalarParameter } from "../model";

/** Parameters of the Parameters sheet: the model's general inputs plus the factor used when country = custom. */
export type ParameterKey = ScalarParameter | "customEmissionFactor";

const pascal = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1);

/** "discountRate" → "LCC_DiscountRate". */
export const parameterName = (key: ParameterKey): string => `LCC_${pascal(key)}`;

export const HELPER_NAMES = {
  years: "LCC_Years",
  /** The word → code table: "field:word" keys and their codes (src/templates/codes.ts). */
  codeKeys: "LCC_CodeKeys",
  codes: "LCC_Codes",
  timingShift: "LCC_TimingShift",
  escalationShift: "LCC_EscalationShift",
} as const;

export const PRESET_NAMES = {
  countries: "LCC_PresetCountries",
  emissionFactors: "LCC_PresetEmissionFactors",
  sources: "LCC_PresetSources",
  dates: "LCC_PresetDates",
} as const;

/** Comparison-level figures on the Results sheet. */
export const SUMMARY_NAMES = {
  comparesEac: "LCC_ComparesEac",
  bestValue: "LCC_BestValue",
  worstValue: "LCC_WorstValue",
  scoreBest: "LCC_ScoreBest",
  scoreWorst: "LCC_ScoreWorst",
  newAnnualisedCo2: "LCC_NewAnnualisedCo2",
} as const;

/** The device in use (circular template). */
export const DEVICE_NAMES = {
  currentDeviceEmbodiedKgCO2e: "LCC_CurrentDeviceEmbodiedKgCO2e",
  currentAgeYears: "LCC_CurrentAgeYears",
} as const;

export const TABLE_NAMES = { bids: "LCC_Bids", scenarios: "LCC_Scenarios" } as const;

/** Workbook setting holding { template, version, sheets, nameSuffix } of the last template written. */
export const TEMPLATE_SETTING_KEY = "CircularICT.template";

/** Parameters with codes (options, or yes/no): the sheet shows a word, a helper cell holds its code. */
export const CODED_PARAMETERS: ReadonlySet<string> = new Set(
  PARAMETER_FIELDS.filter((f) => f.options || typeof DEFAULT_PARAMETERS[f.key] === "boolean").map((f) => f.key),
);

/** "LCC_RateType" → "LCC_RateTypeCode": the helper cell with the code of the word shown. */
export const codeName = (key: ParameterKey): string => `${parameterName(key)}Code`;

/** Resolves names with the writer's suffix and sheet references with the writer's sheet names. */
export interface Refs {
  name(base: string): string;
  /** The cell the procurer fills in (a word for a coded parameter). */
  param(key: ParameterKey): string;
  /** What formulas use: the code of a coded parameter, else the cell itself. */
  value(key: ParameterKey): string;
}

export function refsFor(suffix: string): Refs {
  const name = (base: string) => `${base}${suffix}`;
  return {
    name,
    param: (key) => name(parameterName(key)),
    value: (key) => name(CODED_PARAMETERS.has(key) ? codeName(key) : parameterName(key)),
  };
}
