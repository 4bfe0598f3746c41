/**
 * The Parameters step's layout: which parameter is asked in which section, in which order. What each one is
 * (unit, options, percent, product groups, rule) comes from the model's PARAMETER_FIELDS, and entries are
 * converted and checked by src/model/entries.ts.
 */
import type { Entries } from "../../model/entries";
import type { FieldUnit, ProductGroup } from "../../model/bid";
import { DEFAULT_PARAMETERS, type ScalarParameter, parameterField } from "../../model/parameters";
import { type EnergyMode, MODE_FIELDS } from "./defaults";

export type ParameterKey = ScalarParameter;
export type Section = "general" | "energy" | "award" | "imaging" | "commitments" | "advanced";

export interface ParameterInput {
  readonly key: ParameterKey;
  readonly kind: "number" | "percent" | "select" | "switch" | "text";
  readonly section: Section;
  readonly unit?: FieldUnit;
  readonly options?: readonly string[];
  /** Shown only for these product groups (all when absent). */
  readonly groups?: readonly ProductGroup[];
}

/** The Parameters step, in the order shown; the currency is the workbook's only. */
const LAYOUT: Record<Section, readonly ParameterKey[]> = {
  general: ["discountRate", "evaluationYears"],
  energy: ["electricityPricePerKWh", "energyEscalation", "country", "emissionFactorKgPerKWh", "co2PricePerTonne"],
  award: ["includeExternalities", "scoringMethod", "pricePoints", "qualityPoints", "rangeBestValue", "rangeWorstValue"],
  imaging: ["monoPagesPerYear", "colourPagesPerYear", "paperCostPerPage", "duplexShare"],
  commitments: ["requiredWarrantyYears", "outOfWarrantyRepairPerYear", "requiredSparePartsYears", "dataErasureCostPerUnit"],
  advanced: [
    "maintenanceEscalation",
    "co2Escalation",
    "rateType",
    "timing",
    "escalationBase",
    "residualValueRule",
    "useDaysPerYear",
    "parameterSetName",
    "parameterSetVersion",
  ],
};

/** The circular comparison does not read these, but the pane has always asked for them in every product group. */
const ASKED_IN_EVERY_GROUP: ReadonlySet<ParameterKey> = new Set([
  "evaluationYears",
  "co2PricePerTonne",
  "co2Escalation",
  "includeExternalities",
]);

function inputOf(key: ParameterKey, section: Section): ParameterInput {
  const field = parameterField(key);
  if (!field) throw new Error(`No parameter ${key}`);
  const fallback = DEFAULT_PARAMETERS[key];
  const kind =
    typeof fallback === "boolean"
      ? "switch"
      : field.options
        ? "select"
        : field.percent
          ? "percent"
          : typeof fallback === "number"
            ? "number"
            : "text";
  return { key, kind, section, unit: field.unit, options: field.options, groups: ASKED_IN_EVERY_GROUP.has(key) ? undefined : field.groups };
}

export const PARAMETER_INPUTS: readonly ParameterInput[] = (Object.keys(LAYOUT) as Section[]).flatMap((section) =>
  LAYOUT[section].map((key) => inputOf(key, section)),
);

export const isShown = (input: { groups?: readonly ProductGroup[] }, group: ProductGroup): boolean =>
  !input.groups || input.groups.includes(group);

export { type EnergyMode, MODE_FIELDS } from "./defaults";

/**
 * The user's choice when made in the pane ("energyMode", not a Bid field); for offers read from a file or a
 * workbook, mode powers when they are filled in and TEC is not (annualKWhOf gives TEC precedence).
 */
export function energyModeOf(e: Entries): EnergyMode {
  if (e.energyMode === "tec" || e.energyMode === "modes") return e.energyMode;
  return (e.tecKWhPerYear ?? "").trim() === "" && MODE_FIELDS.some((k) => (e[k] ?? "").trim() !== "") ? "modes" : "tec";
}
