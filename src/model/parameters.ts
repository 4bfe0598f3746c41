/**
 * The general inputs of one comparison (LCC-METHOD §2.1), with their defaults, units, rules and sources, and
 * the country presets. PARAMETER_FIELDS is the one definition: the model's validation, the Parameters sheet
 * (rows, units, validation), the wizard's inputs and the typed-in entries all read it.
 */
import { LIMITS, type Check, atMost, firstError, fraction, isNumber, nonNegative, positive, rateChecks } from "../engine/checks";
import { type EscalationBase, ESCALATION_BASES, type Timing, TIMINGS } from "../engine/discounting";
import { type ScoringMethod, SCORING_METHODS } from "../engine/scoring";
import { type ResidualValueRule, RESIDUAL_VALUE_RULES } from "../engine/residualValue";
import type { FieldUnit, ProductGroup } from "./bid";
import type { FieldError } from "./entries";
import type { CriteriaSettings } from "./criteria/settings";

export type CountryCode = "BE" | "NL" | "FR" | "DE" | "EU27";
export const COUNTRIES: readonly CountryCode[] = ["BE", "NL", "FR", "DE", "EU27"];
export { type ResidualValueRule, RESIDUAL_VALUE_RULES };
export type RateType = "real" | "nominal";
export const RATE_TYPES: readonly RateType[] = ["real", "nominal"];
/** A country not in the presets: the procurer enters the emission factor. */
export const CUSTOM_COUNTRY = "custom";

export interface Parameters {
  /** Framework agreements: the central buyer names and versions the parameter set. */
  readonly parameterSetName: string;
  readonly parameterSetVersion: string;
  readonly currency: string;
  readonly country: CountryCode | "custom";
  readonly discountRate: number;
  readonly rateType: RateType;
  readonly evaluationYears: number;
  /** Excl. VAT for public bodies that recover it. No default: it must be entered (see ELECTRICITY_PRICE_HINT). */
  readonly electricityPricePerKWh: number;
  readonly energyEscalation: number;
  readonly maintenanceEscalation: number;
  readonly emissionFactorKgPerKWh: number;
  readonly co2PricePerTonne: number;
  readonly co2Escalation: number;
  readonly timing: Timing;
  readonly escalationBase: EscalationBase;
  /** Art. 68(2): only when announced in the tender documents. */
  readonly includeExternalities: boolean;
  readonly scoringMethod: ScoringMethod;
  /** Maximum points for price (LCC) and for quality in the MEAT award. */
  readonly pricePoints: number;
  readonly qualityPoints: number;
  /** Range method only: the bounds announced in the tender; 0 = use the lowest and highest offer. */
  readonly rangeBestValue: number;
  readonly rangeWorstValue: number;
  /**
   * §12.6: a blank residual value follows the device type's curve for new offers (notebook: laptop; tablet,
   * smartphone: tablet; others and refurbished: 0), or counts as 0 (`none`: only guaranteed buy-back prices).
   * It replaces the former `residualCurve`, which applied one curve to every offer.
   */
  readonly residualValueRule: ResidualValueRule;
  /** §12.2 Wr: warranty years the authority requires (capped at each offer's horizon); 0 = none. */
  readonly requiredWarrantyYears: number;
  /** §12.2 Rr: expected repair cost per unit and year once no warranty covers the device. */
  readonly outOfWarrantyRepairPerYear: number;
  /** §12.3 Sr: years of spare parts the authority requires; 0 = none. */
  readonly requiredSparePartsYears: number;
  /** §12.6: certified data erasure per unit at H, for offers whose take-back does not include it. */
  readonly dataErasureCostPerUnit: number;
  /** Hours-of-use model (§2.6): working days on which the on/sleep hours apply; other days are off. */
  readonly useDaysPerYear: number;
  /** Imaging equipment (§2.7): the authority's print volume and paper, the same for every offer. */
  readonly monoPagesPerYear: number;
  readonly colourPagesPerYear: number;
  readonly paperCostPerPage: number;
  readonly duplexShare: number;
  /**
   * CRITERIA.md §2: the circular criteria the authority sets for this tender (role, threshold, points…);
   * a criterion not listed is off. Default none: the comparison is the LCC and the free quality points.
   * Not a PARAMETER_FIELDS row (a list, checked by checkCriteria): the Criteria sheet and step hold it.
   */
  readonly criteria: CriteriaSettings;
}

/** The parameters that are one value each (a row of the Parameters sheet); `criteria` is a list of its own. */
export type ScalarParameter = Exclude<keyof Parameters, "criteria">;

/** Where a figure comes from: `key` names its wording in src/i18n/<lang>/sources.json. */
export interface Source {
  readonly key: string;
  readonly date: string;
}

/** Emission factors, kg CO2e/kWh: Boavizta factors.yml after Scarlat et al. 2022, 2019 data (LCC-METHOD §2.1, S9). */
export const COUNTRY_PRESETS: Record<CountryCode, { readonly emissionFactorKgPerKWh: number; readonly source: Source }> = {
  BE: { emissionFactorKgPerKWh: 0.23, source: { key: "boaviztaBE", date: "2019" } },
  NL: { emissionFactorKgPerKWh: 0.45, source: { key: "boaviztaNL", date: "2019" } },
  FR: { emissionFactorKgPerKWh: 0.098, source: { key: "boaviztaFR", date: "2019" } },
  DE: { emissionFactorKgPerKWh: 0.422, source: { key: "boaviztaDE", date: "2019" } },
  EU27: { emissionFactorKgPerKWh: 0.38, source: { key: "boaviztaEU27", date: "2019" } },
};

/**
 * No per-country electricity price is confirmed in LCC-METHOD, and an unsourced default is never shipped:
 * the procurer enters it; this is where to find it, with the EU range for orientation.
 */
export const ELECTRICITY_PRICE_HINT: Source = { key: "electricityPrice", date: "2024-04" };

export const DEFAULT_PARAMETERS: Parameters = {
  parameterSetName: "",
  parameterSetVersion: "",
  currency: "EUR",
  country: "EU27",
  discountRate: 0.04,
  rateType: "real",
  evaluationYears: 4,
  electricityPricePerKWh: 0,
  energyEscalation: 0.02,
  maintenanceEscalation: 0,
  emissionFactorKgPerKWh: COUNTRY_PRESETS.EU27.emissionFactorKgPerKWh,
  co2PricePerTonne: 100,
  co2Escalation: 0,
  timing: "end",
  escalationBase: "flat",
  includeExternalities: false,
  scoringMethod: "lowest",
  pricePoints: 40,
  qualityPoints: 60,
  rangeBestValue: 0,
  rangeWorstValue: 0,
  residualValueRule: "byDeviceType",
  requiredWarrantyYears: 0,
  outOfWarrantyRepairPerYear: 0,
  requiredSparePartsYears: 0,
  dataErasureCostPerUnit: 0,
  useDaysPerYear: 220,
  monoPagesPerYear: 0,
  colourPagesPerYear: 0,
  paperCostPerPage: 0.016,
  duplexShare: 0,
  criteria: [],
};

/**
 * The allowed values of a number, as one rule: the model runs `checks` (with their reasons); the Parameters
 * sheet validates the same bounds. `above`: the bound itself is not allowed (a rate of -100 %, 0 years).
 */
export interface NumberRule {
  readonly checks: readonly Check[];
  readonly min: number;
  readonly above?: boolean;
  readonly max?: number;
}
const RATE: NumberRule = { checks: rateChecks, min: -1, above: true, max: 1 };
const SHARE: NumberRule = { checks: [isNumber, fraction], min: 0, max: 1 };
const upTo = (max: number): NumberRule => ({ checks: [isNumber, nonNegative, atMost(max)], min: 0, max });
const aboveZeroUpTo = (max: number): NumberRule => ({ checks: [isNumber, positive, atMost(max)], min: 0, above: true, max });

/** The groups of the Parameters sheet, in order. */
export type ParameterSection = "setup" | "discounting" | "energy" | "imaging" | "commitments" | "award";

export interface ParameterField {
  readonly key: ScalarParameter;
  readonly section: ParameterSection;
  /** Numbers only; a percent field has none (shown as "4 %"). */
  readonly unit?: FieldUnit;
  /** Shown and typed as a percentage ("4 %"), stored as a fraction. */
  readonly percent?: boolean;
  /** Numbers only: what the model accepts and the sheet validates. */
  readonly rule?: NumberRule;
  /** Codes to choose from. */
  readonly options?: readonly string[];
  /** The product groups whose comparison uses the field. */
  readonly groups: readonly ProductGroup[];
  /** Where the default comes from; the authority's own choice when absent. */
  readonly source?: Source;
}

const ALL: readonly ProductGroup[] = ["computers", "imaging", "circular"];
const TENDERS: readonly ProductGroup[] = ["computers", "imaging"];

/** The years every offer must cover (warranty, spare parts); 0 = no requirement. */
const requiredYears = (key: ScalarParameter): ParameterField => ({
  key,
  section: "commitments",
  unit: "years",
  rule: upTo(LIMITS.commitmentYears),
  groups: TENDERS,
  source: { key: "commitments", date: "2026" },
});

/** Every parameter, in the order of the Parameters sheet. */
export const PARAMETER_FIELDS: readonly ParameterField[] = [
  { key: "parameterSetName", section: "setup", groups: ALL },
  { key: "parameterSetVersion", section: "setup", groups: ALL },
  { key: "currency", section: "setup", groups: ALL },
  { key: "country", section: "setup", options: [...COUNTRIES, CUSTOM_COUNTRY], groups: ALL },
  {
    key: "emissionFactorKgPerKWh",
    section: "setup",
    unit: "kgCO2e/kWh",
    rule: upTo(100),
    groups: ALL,
    source: COUNTRY_PRESETS.EU27.source,
  },
  {
    key: "discountRate",
    section: "discounting",
    percent: true,
    rule: RATE,
    groups: ALL,
    source: { key: "discountRate", date: "2021 / 2012" },
  },
  { key: "rateType", section: "discounting", options: RATE_TYPES, groups: ALL },
  {
    key: "evaluationYears",
    section: "discounting",
    unit: "years",
    rule: aboveZeroUpTo(LIMITS.years),
    groups: TENDERS,
    source: { key: "evaluationYears", date: "v2.4.1" },
  },
  { key: "timing", section: "discounting", options: TIMINGS, groups: ALL, source: { key: "timing", date: "" } },
  { key: "escalationBase", section: "discounting", options: ESCALATION_BASES, groups: ALL, source: { key: "escalationBase", date: "" } },
  { key: "electricityPricePerKWh", section: "energy", unit: "EUR/kWh", rule: upTo(100), groups: ALL, source: ELECTRICITY_PRICE_HINT },
  {
    key: "energyEscalation",
    section: "energy",
    percent: true,
    rule: RATE,
    groups: ALL,
    source: { key: "designDefaultReal", date: "2026" },
  },
  {
    key: "maintenanceEscalation",
    section: "energy",
    percent: true,
    rule: RATE,
    groups: ALL,
    source: { key: "designDefaultReal", date: "2026" },
  },
  { key: "useDaysPerYear", section: "energy", unit: "days", rule: upTo(365), groups: ["computers"], source: { key: "useDays", date: "" } },
  {
    key: "co2PricePerTonne",
    section: "energy",
    unit: "EUR/t",
    rule: upTo(LIMITS.amountEUR),
    groups: TENDERS,
    source: { key: "co2Price", date: "2021" },
  },
  { key: "co2Escalation", section: "energy", percent: true, rule: RATE, groups: TENDERS },
  { key: "includeExternalities", section: "energy", groups: TENDERS },
  { key: "monoPagesPerYear", section: "imaging", unit: "pages/yr", rule: upTo(1e9), groups: ["imaging"] },
  { key: "colourPagesPerYear", section: "imaging", unit: "pages/yr", rule: upTo(1e9), groups: ["imaging"] },
  {
    key: "paperCostPerPage",
    section: "imaging",
    unit: "EUR/page",
    rule: upTo(100),
    groups: ["imaging"],
    source: { key: "paperCost", date: "" },
  },
  { key: "duplexShare", section: "imaging", percent: true, rule: SHARE, groups: ["imaging"] },
  requiredYears("requiredWarrantyYears"),
  { key: "outOfWarrantyRepairPerYear", section: "commitments", unit: "EUR/yr", rule: upTo(LIMITS.amountEUR), groups: TENDERS },
  requiredYears("requiredSparePartsYears"),
  { key: "dataErasureCostPerUnit", section: "commitments", unit: "EUR", rule: upTo(LIMITS.amountEUR), groups: TENDERS },
  {
    key: "residualValueRule",
    section: "award",
    options: RESIDUAL_VALUE_RULES,
    groups: TENDERS,
    source: { key: "residualValueRule", date: "2013" },
  },
  { key: "scoringMethod", section: "award", options: SCORING_METHODS, groups: TENDERS },
  { key: "pricePoints", section: "award", unit: "points", rule: upTo(1000), groups: TENDERS },
  { key: "qualityPoints", section: "award", unit: "points", rule: upTo(1000), groups: TENDERS },
  { key: "rangeBestValue", section: "award", unit: "EUR", rule: upTo(LIMITS.amountEUR), groups: TENDERS },
  { key: "rangeWorstValue", section: "award", unit: "EUR", rule: upTo(LIMITS.amountEUR), groups: TENDERS },
];

export const parameterField = (key: ScalarParameter): ParameterField | undefined => PARAMETER_FIELDS.find((f) => f.key === key);

/** Where each default comes from. */
export const PARAMETER_SOURCES: Partial<Record<ScalarParameter, Source>> = Object.fromEntries(
  PARAMETER_FIELDS.filter((f) => f.source).map((f) => [f.key, f.source]),
);

/** Shown and typed as percentages ("4 %"), stored as fractions. */
export const PERCENT_KEYS: ReadonlySet<string> = new Set(PARAMETER_FIELDS.filter((f) => f.percent).map((f) => f.key));

/**
 * Every parameter against its rule, its options or its type (a yes/no is true or false, never "no"): the
 * wizard shows these inline, next to the field; the CLI refuses a --parameters file with them.
 */
export function validateParameters(p: Parameters): FieldError[] {
  const errors: FieldError[] = [];
  for (const { key, rule, options } of PARAMETER_FIELDS) {
    const value: unknown = p[key];
    const yesNo = typeof DEFAULT_PARAMETERS[key] === "boolean";
    const choices = options ?? (yesNo ? ["true", "false"] : undefined);
    const error = rule
      ? firstError([key, value as number, rule.checks])
      : choices && !(yesNo ? typeof value === "boolean" : options?.includes(value as string))
        ? ({ kind: "type", argument: key, rule: "unknownOption", detail: choices.join(", ") } as const)
        : undefined;
    if (error) errors.push({ field: key, error });
  }
  if (p.scoringMethod === "range" && p.rangeWorstValue > 0 && p.rangeWorstValue <= p.rangeBestValue) {
    errors.push({ field: "rangeWorstValue", error: { kind: "domain", argument: "rangeWorstValue", rule: "worstAboveBest" } });
  }
  return errors;
}
