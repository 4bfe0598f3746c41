/**
 * The wizard's entries (text as typed) to and from the model's types. Parsing and the rules themselves are
 * the model's (parseNumber, parseBid, validateParameters); this module only knows which field is shown
 * how, and adds the one rule the form needs on top: the electricity price must be entered.
 */
import { firstError, amount, energy, years, isNumber, nonNegative, atMost, LIMITS } from "../../engine/checks";
import type { DomainError } from "../../engine/result";
import { SCORING_METHODS } from "../../engine/scoring";
import { ESCALATION_BASES, TIMINGS } from "../../engine/discounting";
import type { Entries, ProductGroup } from "../../host/types";
import { type EnergyMode, MODE_FIELDS } from "./defaults";
import type { Bid, ComparisonKind } from "../../model/bid";
import { type CircularInputs, SCENARIO_KINDS, type Scenario, type ScenarioKind } from "../../model/circular";
import { COUNTRIES, DEFAULT_PARAMETERS, type Parameters } from "../../model/parameters";
import { type FieldError, parseBid, parseNumber, validateParameters } from "../../model/parse";

export type ParameterKey = keyof Parameters;
export type Section = "general" | "energy" | "award" | "imaging" | "advanced";

export interface ParameterInput {
  readonly key: ParameterKey;
  readonly kind: "number" | "percent" | "select" | "switch" | "text";
  readonly section: Section;
  readonly unit?: string;
  readonly options?: readonly string[];
  /** Shown only for these product groups (all when absent). */
  readonly groups?: readonly ProductGroup[];
}

const tenders: readonly ProductGroup[] = ["computers", "imaging"];

/** The Parameters step, in the order shown. */
export const PARAMETER_INPUTS: readonly ParameterInput[] = [
  { key: "discountRate", kind: "percent", section: "general" },
  { key: "evaluationYears", kind: "number", unit: "years", section: "general" },
  { key: "electricityPricePerKWh", kind: "number", unit: "EUR/kWh", section: "energy" },
  { key: "energyEscalation", kind: "percent", section: "energy" },
  { key: "country", kind: "select", options: [...COUNTRIES, "custom"], section: "energy" },
  { key: "emissionFactorKgPerKWh", kind: "number", unit: "kgCO2e/kWh", section: "energy" },
  { key: "co2PricePerTonne", kind: "number", unit: "EUR/t", section: "energy" },
  { key: "includeExternalities", kind: "switch", section: "award" },
  { key: "scoringMethod", kind: "select", options: SCORING_METHODS, section: "award", groups: tenders },
  { key: "pricePoints", kind: "number", unit: "points", section: "award", groups: tenders },
  { key: "qualityPoints", kind: "number", unit: "points", section: "award", groups: tenders },
  { key: "rangeBestValue", kind: "number", unit: "EUR", section: "award", groups: tenders },
  { key: "rangeWorstValue", kind: "number", unit: "EUR", section: "award", groups: tenders },
  { key: "monoPagesPerYear", kind: "number", unit: "pages/yr", section: "imaging", groups: ["imaging"] },
  { key: "colourPagesPerYear", kind: "number", unit: "pages/yr", section: "imaging", groups: ["imaging"] },
  { key: "paperCostPerPage", kind: "number", unit: "EUR/page", section: "imaging", groups: ["imaging"] },
  { key: "duplexShare", kind: "percent", section: "imaging", groups: ["imaging"] },
  { key: "maintenanceEscalation", kind: "percent", section: "advanced" },
  { key: "co2Escalation", kind: "percent", section: "advanced" },
  { key: "rateType", kind: "select", options: ["real", "nominal"], section: "advanced" },
  { key: "timing", kind: "select", options: TIMINGS, section: "advanced" },
  { key: "escalationBase", kind: "select", options: ESCALATION_BASES, section: "advanced" },
  { key: "residualCurve", kind: "select", options: ["laptop", "tablet"], section: "advanced", groups: tenders },
  { key: "useDaysPerYear", kind: "number", unit: "days", section: "advanced", groups: ["computers"] },
  { key: "parameterSetName", kind: "text", section: "advanced" },
  { key: "parameterSetVersion", kind: "text", section: "advanced" },
];

export const isShown = (input: { groups?: readonly ProductGroup[] }, group: ProductGroup): boolean => !input.groups || input.groups.includes(group);

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

/** Entries into Parameters; every field with a problem gets its reason. */
export function parametersFromEntries(entries: Entries): Checked<Parameters> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_PARAMETERS) as ParameterKey[]) {
    const fallback = DEFAULT_PARAMETERS[key];
    const text = entries[key];
    if (text === undefined) out[key] = fallback;
    else if (typeof fallback === "number") out[key] = parseNumber(text);
    else if (typeof fallback === "boolean") out[key] = text === "true";
    else out[key] = text;
  }
  const parameters = out as unknown as Parameters;
  const errors = byField(validateParameters(parameters));
  // A cleared number is missing rather than "not a number"; the price has no default and 0 means not given.
  for (const key of Object.keys(out) as ParameterKey[]) {
    if (typeof DEFAULT_PARAMETERS[key] === "number" && (entries[key] ?? "").trim() === "") errors[key] = { kind: "type", argument: key, rule: "missing" };
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

export { type EnergyMode, MODE_FIELDS } from "./defaults";

/**
 * The user's choice when made in the pane ("energyMode", not a Bid field); for offers read from a file or a
 * workbook, mode powers when they are filled in and TEC is not (annualKWhOf gives TEC precedence).
 */
export function energyModeOf(e: Entries): EnergyMode {
  if (e.energyMode === "tec" || e.energyMode === "modes") return e.energyMode;
  return (e.tecKWhPerYear ?? "").trim() === "" && MODE_FIELDS.some((k) => (e[k] ?? "").trim() !== "") ? "modes" : "tec";
}

// ---- circular scenarios

export const SCENARIO_FIELDS = ["upfrontCost", "serviceYears", "annualKWh", "annualMaintenance", "residualValue", "endOfLifeCost", "embodiedKgCO2e"] as const;
export type ScenarioField = (typeof SCENARIO_FIELDS)[number];
export const DEVICE_FIELDS = ["currentAgeYears", "currentDeviceEmbodiedKgCO2e"] as const;

export const SCENARIO_UNITS: Record<ScenarioField | (typeof DEVICE_FIELDS)[number], string> = {
  upfrontCost: "EUR",
  serviceYears: "years",
  annualKWh: "kWh/yr",
  annualMaintenance: "EUR/yr",
  residualValue: "EUR",
  endOfLifeCost: "EUR",
  embodiedKgCO2e: "kgCO2e",
  currentAgeYears: "years",
  currentDeviceEmbodiedKgCO2e: "kgCO2e",
};

const kg = [isNumber, nonNegative, atMost(LIMITS.kgCO2e)];
const SCENARIO_RULES = { upfrontCost: amount, serviceYears: years, annualKWh: energy, annualMaintenance: amount, residualValue: amount, endOfLifeCost: amount, embodiedKgCO2e: kg };
/** Blank means 0 for these; the others must be entered. */
const OPTIONAL = new Set<string>(["annualMaintenance", "residualValue", "endOfLifeCost"]);

export function circularFromEntries(entries: Entries): Checked<CircularInputs> {
  const errors: Record<string, DomainError> = {};
  const read = (key: string, field: string, checks: typeof amount): number => {
    const text = (entries[key] ?? "").trim();
    if (text === "" && OPTIONAL.has(field)) return 0;
    if (text === "") {
      errors[key] = { kind: "type", argument: field, rule: "missing" };
      return NaN;
    }
    const n = parseNumber(text);
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
