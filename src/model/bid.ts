/**
 * One offer (one row of the Bids table). All money and energy is PER UNIT; `quantity` scales it.
 * A blank (null) has a meaning: no TEC → compute from mode powers and hours; no residual value → the
 * authority's curve; no service life → the evaluation period. Also what is compared: the product groups,
 * and the options of the circular group.
 */
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
export const SCENARIO_FIELDS = ["upfrontCost", "serviceYears", "annualKWh", "annualMaintenance", "residualValue", "endOfLifeCost", "embodiedKgCO2e"] as const;
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

export const COMPUTER_DEVICE_TYPES = ["notebook", "desktop", "integrated", "thinclient", "workstation", "monitor", "tablet", "smartphone", "server"] as const;
export const IMAGING_DEVICE_TYPES = ["printer", "mfd", "copier", "scanner"] as const;
export type DeviceKind = (typeof COMPUTER_DEVICE_TYPES)[number] | (typeof IMAGING_DEVICE_TYPES)[number];
export const CONDITIONS = ["new", "refurbished"] as const;
export type Condition = (typeof CONDITIONS)[number];

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
  /** Resale value per unit at the end of service; null → Parameters.residualCurve. */
  readonly residualValue: number | null;
  readonly embodiedKgCO2e: number;
  /** Expected service life; null → the evaluation period. */
  readonly serviceLifeYears: number | null;
  readonly qualityPoints: number;
}

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

export interface BidField {
  readonly key: keyof Bid;
  readonly kind: FieldKind;
  readonly unit?: FieldUnit;
  readonly options?: readonly string[];
  /** A blank is an error (otherwise blank means the default or the documented null meaning). */
  readonly required: boolean;
  /** Blank numeric fields that are not nullable read as this. */
  readonly defaultValue?: number | string;
  readonly nullable?: boolean;
  readonly kinds: readonly ComparisonKind[];
}

const both: readonly ComparisonKind[] = ["computers", "imaging"];
const computers: readonly ComparisonKind[] = ["computers"];
const imaging: readonly ComparisonKind[] = ["imaging"];

/** The columns of the Bids table, in order: templates, CSV import and the wizard grid all read this. */
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
];

export const bidFields = (kind: ComparisonKind): BidField[] => BID_FIELDS.filter((f) => f.kinds.includes(kind));

/** A blank bid with every default filled in, for the wizard's "add offer". */
export function emptyBid(kind: ComparisonKind): Bid {
  const entries = bidFields(kind).map((f) => [f.key, f.nullable ? null : (f.defaultValue ?? (f.kind === "number" ? 0 : ""))]);
  const base = Object.fromEntries(BID_FIELDS.map((f) => [f.key, f.nullable ? null : f.kind === "number" ? 0 : ""]));
  return { ...base, ...Object.fromEntries(entries) } as unknown as Bid;
}
