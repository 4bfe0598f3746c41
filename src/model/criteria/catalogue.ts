/**
 * The circular award criteria for ICT tenders (CRITERIA.md §1) as one data table: what each criterion asks,
 * of which devices, how it is answered, which way is better, the two presets and where it comes from.
 * Ids are frozen: workbooks, CSV files and saved comparisons use them. Wording (names, questions, sources)
 * is in src/i18n/<lang>/criteria.json under `criterion.<id>.*`; nothing here is shown as is.
 */
import { LIMITS } from "../../engine/checks";
import type { Condition, DeviceKind } from "../bid";

export const CRITERION_IDS = [
  "warranty",
  "spareParts",
  "sparePartsPriceList",
  "batteryCycles",
  "batteryReplaceable",
  "repairability",
  "upgradeable",
  "robustness",
  "softwareUpdates",
  "modularDesign",
  "label",
  "hazardousSubstances",
  "recycledPlastic",
  "packaging",
  "takeBack",
  "dataErasure",
  "refurbishmentQuality",
  "socialClause",
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export const AREAS = ["lifetime", "label", "substances", "endOfLife", "refurbished", "social"] as const;
export type CriterionArea = (typeof AREAS)[number];

/** requirement: pass/fail; award: points; clause: text the supplier signs, not scored; off: not used. */
export const ROLES = ["requirement", "award", "clause", "off"] as const;
export type Role = (typeof ROLES)[number];

/** A number (with its unit), yes/no, or one of LABELS. */
export type AnswerType = "number" | "yesNo" | "label";
/** Units of number answers; wording under `unit.<unit>` in criteria.json. */
export type AnswerUnit = "years" | "cycles" | "score" | "percent";

/** The accepted labels; "none" and "equivalent" (the bidder proves the label's criteria with a dossier) are translated. */
export const LABELS = [
  "none",
  "TCO Certified",
  "TCO Certified Edge",
  "EPEAT Bronze",
  "EPEAT Silver",
  "EPEAT Gold",
  "EU Ecolabel",
  "Blauer Engel",
  "equivalent",
] as const;
export type Label = (typeof LABELS)[number];

/** One answer: a number, yes (true) / no (false), or a label; null = no answer (blank). */
export type Answer = number | boolean | Label | null;

/** "all", or the device types it can apply to, or a condition (refurbishmentQuality: refurbished offers only). */
export type AppliesTo = "all" | { readonly deviceTypes: readonly DeviceKind[] } | { readonly condition: Condition };

/** A criterion's setting in a preset: its role and numbers (CRITERIA.md §2 without the id). */
export interface PresetSetting {
  readonly role: Role;
  /** Requirement on a number: the least answer that passes. */
  readonly threshold?: number;
  /** Award: the criterion's maximum points (≥ 0). */
  readonly points?: number;
  /** Award on a number: the answer worth 0 points and the answer worth full points. */
  readonly worst?: number;
  readonly best?: number;
  /** Label: each accepted label's share of the points (award) or acceptance when > 0 (requirement). */
  readonly levels?: Readonly<Partial<Record<Label, number>>>;
}

export interface Criterion {
  readonly id: CriterionId;
  readonly area: CriterionArea;
  readonly appliesTo: AppliesTo;
  readonly answer: AnswerType;
  /** Number answers only. */
  readonly unit?: AnswerUnit;
  /** Number answers only: the range an answer, threshold, worst or best may take. */
  readonly min?: number;
  readonly max?: number;
  /** Number answers only: true when a higher answer is better (all of the catalogue's numbers). */
  readonly higherIsBetter?: boolean;
  /** The Bids field the answer is (one answer feeds the LCC and the criterion, LCC-METHOD §12). */
  readonly bidField?: SharedBidField;
  readonly basis: PresetSetting;
  readonly ambitious: PresetSetting;
  /** Where it comes from: `criterion.<id>.source` in criteria.json (with [D] where it is our design). */
  readonly source: `criterion.${CriterionId}.source`;
}

/** Bid fields that answer a criterion and are also costed (LCC-METHOD §12.2, §12.3, §12.6). */
export type SharedBidField = "warrantyYears" | "sparePartsYears" | "takeBackWithDataErasure";

const BATTERY: AppliesTo = { deviceTypes: ["notebook", "tablet", "smartphone"] };
const EXTENSIBLE: AppliesTo = { deviceTypes: ["notebook", "desktop", "integrated", "workstation"] };
const YEARS = { answer: "number", unit: "years", min: 0, max: LIMITS.commitmentYears, higherIsBetter: true } as const;
const YES_NO = { answer: "yesNo" } as const;

/**
 * Label levels of the ambitious preset [D]: the §2 example (TCO Certified 1, EPEAT Gold 1, Silver 0.75,
 * Bronze 0.5, equivalent 1), with TCO Certified Edge, EU Ecolabel and Blauer Engel counted as full labels.
 */
export const DEFAULT_LABEL_LEVELS: Readonly<Partial<Record<Label, number>>> = {
  "TCO Certified": 1,
  "TCO Certified Edge": 1,
  "EPEAT Gold": 1,
  "EPEAT Silver": 0.75,
  "EPEAT Bronze": 0.5,
  "EU Ecolabel": 1,
  "Blauer Engel": 1,
  equivalent: 1,
};

const OFF: PresetSetting = { role: "off" };
const CLAUSE: PresetSetting = { role: "clause" };
const REQUIRED: PresetSetting = { role: "requirement" };
const award = (points: number, worst?: number, best?: number): PresetSetting =>
  worst === undefined ? { role: "award", points } : { role: "award", points, worst, best };

/**
 * CRITERIA.md §1, in its order. Preset points [D]: CRITERIA.md gives roles and ranges, not points; the
 * ambitious preset's award points sum to 40 and the basis preset's to 12, so both stay within the default
 * 60 quality points with room for the tender's own quality criteria (service, delivery).
 */
export const CATALOGUE: readonly Criterion[] = [
  {
    id: "warranty",
    area: "lifetime",
    appliesTo: "all",
    ...YEARS,
    bidField: "warrantyYears",
    basis: { role: "requirement", threshold: 3 },
    ambitious: award(6, 3, 5),
    source: "criterion.warranty.source",
  },
  {
    id: "spareParts",
    area: "lifetime",
    appliesTo: "all",
    ...YEARS,
    bidField: "sparePartsYears",
    basis: { role: "requirement", threshold: 5 },
    ambitious: award(4, 5, 7),
    source: "criterion.spareParts.source",
  },
  {
    id: "sparePartsPriceList",
    area: "lifetime",
    appliesTo: "all",
    ...YES_NO,
    basis: CLAUSE,
    ambitious: REQUIRED,
    source: "criterion.sparePartsPriceList.source",
  },
  {
    id: "batteryCycles",
    area: "lifetime",
    appliesTo: BATTERY,
    answer: "number",
    unit: "cycles",
    min: 0,
    max: 100_000,
    higherIsBetter: true,
    basis: { role: "requirement", threshold: 300 },
    ambitious: award(3, 300, 1000),
    source: "criterion.batteryCycles.source",
  },
  {
    id: "batteryReplaceable",
    area: "lifetime",
    appliesTo: BATTERY,
    ...YES_NO,
    basis: award(3),
    ambitious: award(3),
    source: "criterion.batteryReplaceable.source",
  },
  {
    id: "repairability",
    area: "lifetime",
    appliesTo: "all",
    answer: "number",
    unit: "score",
    min: 0,
    max: 10,
    higherIsBetter: true,
    basis: award(6, 5, 10),
    ambitious: award(6, 5, 10),
    source: "criterion.repairability.source",
  },
  {
    id: "upgradeable",
    area: "lifetime",
    appliesTo: EXTENSIBLE,
    ...YES_NO,
    basis: award(3),
    ambitious: award(3),
    source: "criterion.upgradeable.source",
  },
  {
    id: "robustness",
    area: "lifetime",
    appliesTo: BATTERY,
    ...YES_NO,
    basis: OFF,
    ambitious: award(2),
    source: "criterion.robustness.source",
  },
  {
    id: "softwareUpdates",
    area: "lifetime",
    appliesTo: "all",
    ...YEARS,
    basis: OFF,
    ambitious: award(3, 5, 8),
    source: "criterion.softwareUpdates.source",
  },
  {
    id: "modularDesign",
    area: "lifetime",
    appliesTo: "all",
    ...YES_NO,
    basis: OFF,
    ambitious: award(2),
    source: "criterion.modularDesign.source",
  },
  {
    id: "label",
    area: "label",
    appliesTo: "all",
    answer: "label",
    basis: REQUIRED,
    ambitious: { role: "award", points: 4, levels: DEFAULT_LABEL_LEVELS },
    source: "criterion.label.source",
  },
  {
    id: "hazardousSubstances",
    area: "substances",
    appliesTo: "all",
    ...YES_NO,
    basis: CLAUSE,
    ambitious: REQUIRED,
    source: "criterion.hazardousSubstances.source",
  },
  {
    id: "recycledPlastic",
    area: "substances",
    appliesTo: "all",
    answer: "number",
    unit: "percent",
    min: 0,
    max: 100,
    higherIsBetter: true,
    basis: OFF,
    ambitious: award(2, 0, 85),
    source: "criterion.recycledPlastic.source",
  },
  {
    id: "packaging",
    area: "endOfLife",
    appliesTo: "all",
    ...YES_NO,
    basis: CLAUSE,
    ambitious: award(2),
    source: "criterion.packaging.source",
  },
  {
    id: "takeBack",
    area: "endOfLife",
    appliesTo: "all",
    ...YES_NO,
    basis: CLAUSE,
    ambitious: REQUIRED,
    source: "criterion.takeBack.source",
  },
  {
    id: "dataErasure",
    area: "endOfLife",
    appliesTo: "all",
    ...YES_NO,
    bidField: "takeBackWithDataErasure",
    basis: REQUIRED,
    ambitious: REQUIRED,
    source: "criterion.dataErasure.source",
  },
  {
    id: "refurbishmentQuality",
    area: "refurbished",
    appliesTo: { condition: "refurbished" },
    ...YES_NO,
    basis: REQUIRED,
    ambitious: REQUIRED,
    source: "criterion.refurbishmentQuality.source",
  },
  {
    id: "socialClause",
    area: "social",
    appliesTo: "all",
    ...YES_NO,
    basis: CLAUSE,
    ambitious: CLAUSE,
    source: "criterion.socialClause.source",
  },
];

const BY_ID = new Map<string, Criterion>(CATALOGUE.map((c) => [c.id, c]));

/** The catalogue row of an id; undefined for an unknown id. */
export const criterionOf = (id: string): Criterion | undefined => BY_ID.get(id);

export const isCriterionId = (id: string): id is CriterionId => BY_ID.has(id);

/** §3.2: whether a criterion applies to an offer of this device type and condition. */
export function appliesTo(criterion: Criterion, deviceType: string, condition: string): boolean {
  const a = criterion.appliesTo;
  if (a === "all") return true;
  if ("condition" in a) return condition === a.condition;
  return (a.deviceTypes as readonly string[]).includes(deviceType);
}

export type Preset = "basis" | "ambitious";
export const PRESETS: readonly Preset[] = ["basis", "ambitious"];
