/**
 * The authority's criteria settings for one tender (CRITERIA.md §2): a list of { id, role, threshold,
 * points, worst, best, levels }, filled from a preset and edited. Criteria not listed are off. The one
 * validator serves the CLI (`criteria` in --parameters JSON: paths such as `criteria[2].worst`), the
 * Criteria sheet (index → row) and the wizard (id + field): every problem names where it is.
 */
import { labelOfName } from "./answers";
import {
  CATALOGUE,
  type Criterion,
  type CriterionId,
  LABELS,
  type Label,
  type Preset,
  type PresetSetting,
  ROLES,
  type Role,
  criterionOf,
} from "./catalogue";

/** One criterion's setting: its id with a preset's role and numbers. */
export interface CriterionSetting extends PresetSetting {
  readonly id: CriterionId;
}

export type CriteriaSettings = readonly CriterionSetting[];

/** The Parameters the criteria are checked against (LCC-METHOD §12.2–12.3 and the quality maximum). */
export interface CriteriaContext {
  /** Parameters `qualityPoints`: the cap of award points plus the offers' free quality points. */
  readonly qualityPoints: number;
  /** Wr, Sr: when > 0 they are the warranty and spare-parts requirement thresholds (CRITERIA.md §1). */
  readonly requiredWarrantyYears?: number;
  readonly requiredSparePartsYears?: number;
}

/** Every problem a setting can have; each has its wording under `issue.<rule>` in criteria.json. */
export const CRITERIA_RULES = [
  "notAList",
  "notAnObject",
  "unknownKey",
  "idMissing",
  "unknownCriterion",
  "duplicateCriterion",
  "unknownRole",
  "notANumber",
  "outOfRange",
  "thresholdMissing",
  "pointsMissing",
  "pointsNegative",
  "worstBestMissing",
  "worstEqualsBest",
  "bestNotBetter",
  "levelsMissing",
  "levelsNotAnObject",
  "unknownLabel",
  "levelOutOfRange",
  "noLabelAccepted",
  "unusedField",
  "thresholdFromParameters",
  "pointsAboveQualityMaximum",
] as const;
export type CriteriaRule = (typeof CRITERIA_RULES)[number];

/**
 * One problem with the settings. `path` is the JSON path (criteria[2].worst); `index` and `field` let the
 * Criteria sheet name its row and column and the wizard its input. Warnings do not stop the comparison.
 */
export interface CriteriaIssue {
  readonly severity: "error" | "warning";
  readonly path: string;
  readonly index?: number;
  readonly field?: string;
  readonly rule: CriteriaRule;
  /** Filled into the message: the value given, the valid ones, a limit. */
  readonly values?: Readonly<Record<string, string | number>>;
}

export interface CheckedCriteria {
  /** Every valid entry (an entry with an error is left out; `ok` says whether any error was found). */
  readonly settings: CriterionSetting[];
  readonly issues: CriteriaIssue[];
  readonly ok: boolean;
}

const KEYS = ["id", "role", "threshold", "points", "worst", "best", "levels"] as const;
type Key = (typeof KEYS)[number];
export type SettingField = Exclude<Key, "id" | "role">;

/**
 * The fields a criterion's role uses (besides id and role): what the wizard shows and the sheet fills for a
 * row. A field given for a role that does not use it is a warning, never dropped silently, so a face that
 * keeps the numbers of a switched-off criterion passes only these.
 */
export function usedFields(c: Criterion, role: Role): readonly SettingField[] {
  if (role === "requirement") return c.answer === "number" ? ["threshold"] : c.answer === "label" ? ["levels"] : [];
  if (role === "award")
    return c.answer === "number" ? ["points", "worst", "best"] : c.answer === "label" ? ["points", "levels"] : ["points"];
  return [];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const show = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? String(v)));

/**
 * Checks settings as read from JSON, a sheet or the wizard (any shape), and returns the valid ones with
 * every problem at its path. `context` adds the cross-checks with the Parameters: award points above the
 * quality maximum (a warning: the cap applies) and thresholds replaced by Wr / Sr.
 */
export function checkCriteria(input: unknown, context?: CriteriaContext, path = "criteria"): CheckedCriteria {
  const issues: CriteriaIssue[] = [];
  if (!Array.isArray(input)) {
    issues.push({ severity: "error", path, rule: "notAList" });
    return { settings: [], issues, ok: false };
  }
  const settings: CriterionSetting[] = [];
  const seen = new Map<string, number>();
  input.forEach((entry: unknown, index) => {
    const at = `${path}[${index}]`;
    const before = issues.length;
    const issue = (
      rule: CriteriaRule,
      field?: Key | `levels[${string}]`,
      values?: Record<string, string | number>,
      severity: "error" | "warning" = "error",
    ) => issues.push({ severity, path: field ? `${at}.${field}` : at, index, field, rule, values });
    if (!isObject(entry)) return issue("notAnObject", undefined, { value: show(entry) });
    for (const key of Object.keys(entry))
      if (!(KEYS as readonly string[]).includes(key)) issue("unknownKey", undefined, { key, valid: KEYS.join(", ") });
    const { id, role } = entry;
    if (id === undefined || id === null || id === "") return issue("idMissing", "id");
    const criterion = typeof id === "string" ? criterionOf(id) : undefined;
    if (!criterion) return issue("unknownCriterion", "id", { value: show(id), valid: CATALOGUE.map((c) => c.id).join(", ") });
    const first = seen.get(criterion.id);
    if (first !== undefined) return issue("duplicateCriterion", "id", { id: criterion.id, first: `${path}[${first}]` });
    seen.set(criterion.id, index);
    if (typeof role !== "string" || !(ROLES as readonly string[]).includes(role))
      return issue("unknownRole", "role", { value: show(role), valid: ROLES.join(", ") });
    const r = role as Role;
    const used = usedFields(criterion, r);
    for (const key of KEYS)
      if (key !== "id" && key !== "role" && entry[key] !== undefined && !(used as readonly Key[]).includes(key))
        issue("unusedField", key, { role: r }, "warning");

    const number = (key: "threshold" | "points" | "worst" | "best"): number | undefined => {
      const v = entry[key];
      if (v === undefined || v === null || !(used as readonly Key[]).includes(key)) return undefined;
      if (!isNum(v)) {
        issue("notANumber", key, { value: show(v) });
        return undefined;
      }
      if (key !== "points" && criterion.min !== undefined && criterion.max !== undefined && (v < criterion.min || v > criterion.max)) {
        issue("outOfRange", key, { value: v, min: criterion.min, max: criterion.max });
        return undefined;
      }
      return v;
    };
    const threshold = number("threshold");
    const points = number("points");
    const worst = number("worst");
    const best = number("best");
    const out: { -readonly [K in keyof CriterionSetting]: CriterionSetting[K] } = { id: criterion.id, role: r };

    if (r === "requirement" && criterion.answer === "number") {
      const fromParameters =
        (criterion.id === "warranty"
          ? context?.requiredWarrantyYears
          : criterion.id === "spareParts"
            ? context?.requiredSparePartsYears
            : undefined) ?? 0;
      if (threshold === undefined && entry.threshold == null && !(fromParameters > 0)) issue("thresholdMissing", "threshold");
      if (fromParameters > 0 && threshold !== undefined && threshold !== fromParameters)
        issue("thresholdFromParameters", "threshold", { value: threshold, parameter: fromParameters }, "warning");
      out.threshold = threshold;
    }
    if (r === "award") {
      if (points === undefined && entry.points == null) issue("pointsMissing", "points");
      else if (points !== undefined && points < 0) issue("pointsNegative", "points", { value: points });
      out.points = points;
      if (criterion.answer === "number") {
        if (entry.worst == null || entry.best == null) issue("worstBestMissing", entry.worst == null ? "worst" : "best");
        else if (worst !== undefined && best !== undefined) {
          if (worst === best) issue("worstEqualsBest", "best", { value: best });
          else if (criterion.higherIsBetter !== best > worst) issue("bestNotBetter", "best", { worst, best });
        }
        out.worst = worst;
        out.best = best;
      }
    }
    if (criterion.answer === "label" && (r === "award" || r === "requirement")) {
      const levels = entry.levels;
      if (levels === undefined || levels === null) {
        if (r === "award") issue("levelsMissing", "levels", { valid: LABELS.join(", ") });
      } else if (!isObject(levels)) issue("levelsNotAnObject", "levels", { value: show(levels) });
      else {
        const read: Partial<Record<Label, number>> = {};
        for (const [name, share] of Object.entries(levels)) {
          const label = labelOfName(name);
          if (!label) issue("unknownLabel", `levels[${JSON.stringify(name)}]`, { value: name, valid: LABELS.join(", ") });
          else if (!isNum(share)) issue("notANumber", `levels[${JSON.stringify(name)}]`, { value: show(share) });
          else if (share < 0 || share > 1) issue("levelOutOfRange", `levels[${JSON.stringify(name)}]`, { value: share });
          else read[label] = share;
        }
        if (r === "requirement" && Object.values(read).every((s) => !(s > 0))) issue("noLabelAccepted", "levels");
        out.levels = read;
      }
    }
    if (!issues.slice(before).some((i) => i.severity === "error")) settings.push(out);
  });
  if (context) {
    const sum = awardPointsSum(settings);
    if (sum > context.qualityPoints)
      issues.push({ severity: "warning", path, rule: "pointsAboveQualityMaximum", values: { sum, max: context.qualityPoints } });
  }
  return { settings, issues, ok: !issues.some((i) => i.severity === "error") };
}

/** The sum of the award criteria's points: the wizard's running sum against the quality points of the tender. */
export const awardPointsSum = (settings: CriteriaSettings): number =>
  settings.reduce((sum, s) => sum + (s.role === "award" ? (s.points ?? 0) : 0), 0);

/** Every criterion of the catalogue, in its order, as the preset sets it (CRITERIA.md §1); the authority edits the list. */
export function presetCriteria(preset: Preset): CriterionSetting[] {
  return CATALOGUE.map((c) => ({ id: c.id, ...c[preset], ...(c[preset].levels ? { levels: { ...c[preset].levels } } : {}) }));
}

/** The setting of one criterion; a criterion not listed is off. */
export function settingOf(settings: CriteriaSettings, id: CriterionId): CriterionSetting {
  return settings.find((s) => s.id === id) ?? { id, role: "off" };
}

/**
 * Wr and Sr as the comparison applies them: the Parameters' value when > 0, else the threshold of the
 * `warranty` / `spareParts` criterion when it is a requirement, else 0. evaluateComparison uses these for
 * both the warranty top-up and the compliance, so a requirement is costed and checked the same way.
 */
export function effectiveCommitments(
  settings: CriteriaSettings,
  context: Omit<CriteriaContext, "qualityPoints">,
): { requiredWarrantyYears: number; requiredSparePartsYears: number } {
  const threshold = (id: CriterionId): number => {
    const s = settingOf(settings, id);
    return s.role === "requirement" ? (s.threshold ?? 0) : 0;
  };
  const wr = context.requiredWarrantyYears ?? 0;
  const sr = context.requiredSparePartsYears ?? 0;
  return { requiredWarrantyYears: wr > 0 ? wr : threshold("warranty"), requiredSparePartsYears: sr > 0 ? sr : threshold("spareParts") };
}
