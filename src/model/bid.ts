/**
 * One offer (one row of the Bids table). All money and energy is PER UNIT; `quantity` scales it.
 * A blank (null) has a meaning: no TEC → compute from mode powers and hours; no residual value → the
 * curve of the device type for new offers, else 0 (LCC-METHOD §12.6); no service life → the evaluation
 * period; no warranty, spare parts or battery → none (§12.2–§12.3). Also what is compared: the product groups,
 * and the options of the circular group.
 */
import { LIMITS } from "../engine/checks";
import type { CriteriaAnswers } from "./criteria/scoring";

export type ComparisonKind = "computers" | "imaging";

/** The product groups of the Start step, each a workbook template: the two EC LCC tools and the circular scenarios. */
export type ProductGroup = ComparisonKind | "circular";
export const PRODUCT_GROUPS: readonly ProductGroup[] = ["computers", "imaging", "circular"];
/** Product group → the Bids layout it uses (the circular group has options, not offers). */
export const kindOf = (group: ProductGroup): ComparisonKind => (group === "imaging" ? "imaging" : "computers");

/** The circular group's options (src/model/circular.ts evaluates them); here so entries need not load that. */
export type ScenarioKind = "extend" | "refurbished" | "new";
export const SCENARIO_KINDS: readonly ScenarioKind[] = ["extend", "refurbished", "new"];

/** The figures of each option, and of the device in use, as typed in the pane and written in the template. */
export const SCENARIO_FIELDS = [
  "upfrontCost",
  "serviceYears",
  "annualKWh",
  "annualMaintenance",
  "residualValue",
  "endOfLifeCost",
  "embodiedKgCO2e",
] as const;
export type ScenarioField = (typeof SCENARIO_FIELDS)[number];
export const DEVICE_FIELDS = ["currentAgeYears", "currentDeviceEmbodiedKgCO2e"] as const;

export const SCENARIO_UNITS: Record<ScenarioField | (typeof DEVICE_FIELDS)[number], FieldUnit> = {
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

export const COMPUTER_DEVICE_TYPES = [
  "notebook",
  "desktop",
  "integrated",
  "thinclient",
  "workstation",
  "monitor",
  "tablet",
  "smartphone",
  "server",
] as const;
export const IMAGING_DEVICE_TYPES = ["printer", "mfd", "copier", "scanner"] as const;
export type DeviceKind = (typeof COMPUTER_DEVICE_TYPES)[number] | (typeof IMAGING_DEVICE_TYPES)[number];
export const CONDITIONS = ["new", "refurbished"] as const;
export type Condition = (typeof CONDITIONS)[number];
/** A yes/no field of an offer; the workbook writes the same codes (Excel would translate TRUE/FALSE). */
export const YES_NO_OPTIONS = ["yes", "no"] as const;
export type YesNo = (typeof YES_NO_OPTIONS)[number];
/** What a yes/no field also accepts, in the languages of the tool. */
export const YES_NO_ALIASES: Readonly<Record<string, YesNo>> = { ja: "yes", nee: "no", oui: "yes", non: "no" };

export interface Bid {
  readonly supplier: string;
  readonly product: string;
  readonly deviceType: DeviceKind;
  readonly condition: Condition;
  readonly quantity: number;
  readonly price: number;
  readonly installation: number;
  /** Computers: typical energy consumption, kWh/year; null → from the mode powers below. */
  readonly tecKWhPerYear: number | null;
  readonly onW: number | null;
  readonly onHoursPerDay: number | null;
  readonly sleepW: number | null;
  readonly sleepHoursPerDay: number | null;
  /** Off power; applies to the rest of each use day and to whole non-use days. */
  readonly offW: number | null;
  /** Imaging: ENERGY STAR TEC, kWh/week. */
  readonly tecKWhPerWeek: number | null;
  readonly monoCostPerPage: number;
  readonly colourCostPerPage: number;
  readonly serviceContractPerYear: number;
  readonly annualMaintenance: number;
  readonly endOfLifeCost: number;
  /** Guaranteed resale or buy-back value per unit at H; null → the device type's curve for new offers, else 0 (§12.6). */
  readonly residualValue: number | null;
  /** Production CO2 attributed to this offer (§12.5): a refurbished offer's refurbishment only. */
  readonly embodiedKgCO2e: number;
  /** Declared service life L; null → the evaluation period. The LCC runs over H = min(L, N) (§12.1). */
  readonly serviceLifeYears: number | null;
  readonly qualityPoints: number;
  /** §12.2 W: warranty years included in the price; null → 0. */
  readonly warrantyYears: number | null;
  /** §12.2 X: price per unit of each extra warranty year; null → no extension offered. */
  readonly extraWarrantyYearPrice: number | null;
  /** §12.3 S: years spare parts are guaranteed; null → 0. */
  readonly sparePartsYears: number | null;
  /** §12.3: a battery (or upgrade) per unit, paid once in its year of use if within H; null → none. */
  readonly batteryReplacementCost: number | null;
  readonly batteryReplacementYear: number | null;
  /** §12.6: the take-back includes certified data erasure; null → no. */
  readonly takeBackWithDataErasure: YesNo | null;
  /**
   * CRITERIA.md: the answers to the circular criteria that have no field above, by criterion id (warranty,
   * spare parts and data erasure are the fields above); absent or null = not answered.
   */
  readonly criteria?: CriteriaAnswers;
}

/** The Bid fields that are one value each (a column of the Bids table); `criteria` holds many answers. */
export type BidKey = Exclude<keyof Bid, "criteria">;

export type FieldKind = "text" | "number" | "enum";
/** Units of bid and parameter fields; each has its wording in the pane and a unit of the template (FIELD_UNITS). */
export type FieldUnit =
  | "EUR"
  | "EUR/yr"
  | "EUR/page"
  | "EUR/kWh"
  | "EUR/t"
  | "kWh/yr"
  | "kWh/week"
  | "W"
  | "h/day"
  | "kgCO2e"
  | "kgCO2e/kWh"
  | "years"
  | "days"
  | "pages/yr"
  | "points"
  | "units";

/** The bounds of a number field when its unit's usual rule does not fit: from 0 (above 0 with `above`) to `max`. */
export interface FieldRange {
  readonly max: number;
  readonly above?: boolean;
}

/** The wizard shows these fields together, folded until one of them is used. */
export type FieldGroup = "warrantyAndRepair";

export interface BidField {
  readonly key: BidKey;
  readonly kind: FieldKind;
  readonly unit?: FieldUnit;
  readonly options?: readonly string[];
  /** Other words an enum accepts for its options (ja → yes). */
  readonly aliases?: Readonly<Record<string, string>>;
  readonly range?: FieldRange;
  readonly group?: FieldGroup;
  /** A blank is an error (otherwise blank means the default or the documented null meaning). */
  readonly required: boolean;
  /** Blank numeric fields that are not nullable read as this. */
  readonly defaultValue?: number | string;
  readonly nullable?: boolean;
  readonly kinds: readonly ComparisonKind[];
}

const both: readonly ComparisonKind[] = ["computers", "imaging"];
/** Warranty, spare-parts and battery years: beyond 30 is a typing slip, not a commitment (LIMITS.commitmentYears). */
const COMMITMENT_YEARS: FieldRange = { max: LIMITS.commitmentYears };
const computers: readonly ComparisonKind[] = ["computers"];
const imaging: readonly ComparisonKind[] = ["imaging"];

/** The columns of the Bids table, in order: templates, CSV import and the wizard grid all read this. */
/** Years a commitment covers (warranty, spare parts): blank means none stated. */
const commitmentYears = (key: BidField["key"]): BidField => ({
  key,
  kind: "number",
  unit: "years",
  range: COMMITMENT_YEARS,
  required: false,
  nullable: true,
  group: "warrantyAndRepair",
  kinds: both,
});

export const BID_FIELDS: readonly BidField[] = [
  { key: "supplier", kind: "text", required: true, kinds: both },
  { key: "product", kind: "text", required: true, kinds: both },
  { key: "deviceType", kind: "enum", options: COMPUTER_DEVICE_TYPES, required: true, defaultValue: "notebook", kinds: computers },
  { key: "deviceType", kind: "enum", options: IMAGING_DEVICE_TYPES, required: true, defaultValue: "mfd", kinds: imaging },
  { key: "condition", kind: "enum", options: CONDITIONS, required: false, defaultValue: "new", kinds: both },
  { key: "quantity", kind: "number", unit: "units", required: true, kinds: both },
  { key: "price", kind: "number", unit: "EUR", required: true, kinds: both },
  { key: "installation", kind: "number", unit: "EUR", required: false, defaultValue: 0, kinds: both },
  { key: "tecKWhPerYear", kind: "number", unit: "kWh/yr", required: false, nullable: true, kinds: computers },
  { key: "onW", kind: "number", unit: "W", required: false, nullable: true, kinds: computers },
  { key: "onHoursPerDay", kind: "number", unit: "h/day", required: false, nullable: true, kinds: computers },
  { key: "sleepW", kind: "number", unit: "W", required: false, nullable: true, kinds: computers },
  { key: "sleepHoursPerDay", kind: "number", unit: "h/day", required: false, nullable: true, kinds: computers },
  { key: "offW", kind: "number", unit: "W", required: false, nullable: true, kinds: computers },
  { key: "tecKWhPerWeek", kind: "number", unit: "kWh/week", required: true, nullable: true, kinds: imaging },
  { key: "monoCostPerPage", kind: "number", unit: "EUR/page", required: false, defaultValue: 0, kinds: imaging },
  { key: "colourCostPerPage", kind: "number", unit: "EUR/page", required: false, defaultValue: 0, kinds: imaging },
  { key: "serviceContractPerYear", kind: "number", unit: "EUR/yr", required: false, defaultValue: 0, kinds: imaging },
  { key: "annualMaintenance", kind: "number", unit: "EUR/yr", required: false, defaultValue: 0, kinds: both },
  { key: "endOfLifeCost", kind: "number", unit: "EUR", required: false, defaultValue: 0, kinds: both },
  { key: "residualValue", kind: "number", unit: "EUR", required: false, nullable: true, kinds: both },
  { key: "embodiedKgCO2e", kind: "number", unit: "kgCO2e", required: false, defaultValue: 0, kinds: both },
  { key: "serviceLifeYears", kind: "number", unit: "years", required: false, nullable: true, kinds: both },
  { key: "qualityPoints", kind: "number", unit: "points", required: false, defaultValue: 0, kinds: both },
  // §12.2–§12.3, §12.6: last, so a Bids table written by an earlier version is widened at its right end.
  commitmentYears("warrantyYears"),
  { key: "extraWarrantyYearPrice", kind: "number", unit: "EUR", required: false, nullable: true, group: "warrantyAndRepair", kinds: both },
  commitmentYears("sparePartsYears"),
  { key: "batteryReplacementCost", kind: "number", unit: "EUR", required: false, nullable: true, group: "warrantyAndRepair", kinds: both },
  {
    key: "batteryReplacementYear",
    kind: "number",
    unit: "years",
    range: { ...COMMITMENT_YEARS, above: true },
    required: false,
    nullable: true,
    group: "warrantyAndRepair",
    kinds: both,
  },
  {
    key: "takeBackWithDataErasure",
    kind: "enum",
    options: YES_NO_OPTIONS,
    aliases: YES_NO_ALIASES,
    required: false,
    nullable: true,
    group: "warrantyAndRepair",
    kinds: both,
  },
];

export const bidFields = (kind: ComparisonKind): BidField[] => BID_FIELDS.filter((f) => f.kinds.includes(kind));

/** A blank bid with every default filled in, for the wizard's "add offer". */
export function emptyBid(kind: ComparisonKind): Bid {
  const entries = bidFields(kind).map((f) => [f.key, f.nullable ? null : (f.defaultValue ?? (f.kind === "number" ? 0 : ""))]);
  const base = Object.fromEntries(BID_FIELDS.map((f) => [f.key, f.nullable ? null : f.kind === "number" ? 0 : ""]));
  return { ...base, ...Object.fromEntries(entries) } as unknown as Bid;
}
