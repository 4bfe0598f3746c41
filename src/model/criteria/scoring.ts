/**
 * Scoring and compliance of the circular criteria (CRITERIA.md §3), pure: per offer, whether it is
 * compliant and why not, the points of each award criterion, the criteria points and the quality total.
 * The warranty and spare-parts requirements are the LCC commitments' own check (LCC-METHOD §12.2–12.4,
 * engine/commitments.ts), so an offer has ONE list of reasons: the commitments' and the criteria's.
 * Settings are assumed checked (checkCriteria); the offer is any object with the answers needed here,
 * so a Bid that carries these fields is scored as it is.
 */
import { type ComplianceReason, commitmentCompliance } from "../../engine/commitments";
import { type Answer, CATALOGUE, type Criterion, type CriterionId, LABELS, type Label, appliesTo } from "./catalogue";
import { type CriteriaContext, type CriteriaSettings, type CriterionSetting, effectiveCommitments } from "./settings";

/** The answers to the criteria that have no Bids field of their own, by criterion id; absent or null = no answer. */
export type CriteriaAnswers = Readonly<Partial<Record<CriterionId, Answer>>>;

/** What scoring reads of an offer: a Bid with these fields fits as it is. */
export interface CriteriaOffer {
  readonly deviceType: string;
  readonly condition: string;
  /** Shared with the LCC (LCC-METHOD §12.2): W; blank → 0. */
  readonly warrantyYears?: number | null;
  /** X; blank → no extension offered. */
  readonly extraWarrantyYearPrice?: number | null;
  /** §12.3: S; blank → 0. */
  readonly sparePartsYears?: number | null;
  /** §12.6: the `dataErasure` criterion's answer. */
  readonly takeBackWithDataErasure?: boolean | null;
  /** Every other criterion's answer. */
  readonly criteria?: CriteriaAnswers;
  /** The offer's free quality points (other criteria, e.g. service). */
  readonly qualityPoints?: number;
}

/** Why an offer fails a requirement of the criteria (the commitments' reasons are ComplianceReason). */
export interface CriterionReason {
  readonly requirement: "criterion";
  readonly criterion: CriterionId;
  /** noAnswer: blank; below / above: a number on the wrong side of the threshold; no: yes was required; notAccepted: a label not accepted. */
  readonly problem: "noAnswer" | "below" | "above" | "no" | "notAccepted";
  readonly answer: Answer;
  /** below: the threshold. */
  readonly required?: number;
  /** notAccepted: the labels accepted (empty: any label but none). */
  readonly accepted?: readonly Label[];
}

/** One list of reasons per offer: LCC commitments (warrantyYears, sparePartsYears) and criteria. */
export type OfferReason = ComplianceReason | CriterionReason;

/** One criterion that is a requirement or an award for this offer. */
export interface CriterionScore {
  readonly id: CriterionId;
  readonly role: "requirement" | "award";
  /** False: the criterion does not apply to this device type or condition (§3.2) and counts as met. */
  readonly applicable: boolean;
  readonly answer: Answer;
  /** Requirement: whether it passes. */
  readonly passed?: boolean;
  /** Award: the points earned and the most there are. */
  readonly points?: number;
  readonly maxPoints?: number;
}

export interface OfferCriteria {
  readonly compliant: boolean;
  readonly reasons: readonly OfferReason[];
  /** Every requirement and award criterion, in catalogue order. */
  readonly scores: readonly CriterionScore[];
  /** Points per award criterion (what the offer's answers earn, also shown for a non-compliant offer). */
  readonly points: Readonly<Partial<Record<CriterionId, number>>>;
  /** Σ award points; null for a non-compliant offer, which gets no scores (LCC-METHOD §12.4). */
  readonly criteriaPoints: number | null;
  /** min(criteriaPoints + the offer's quality points, Parameters qualityPoints); null when not compliant. */
  readonly qualityTotal: number | null;
}

/** The answer an offer gives to a criterion: its Bids field when it has one, else its entry in `criteria`. */
export function answerOf(offer: CriteriaOffer, criterion: Criterion): Answer {
  const raw = criterion.bidField ? offer[criterion.bidField] : offer.criteria?.[criterion.id];
  if (raw === undefined || raw === null) return null;
  if (criterion.answer === "number") return typeof raw === "number" && Number.isFinite(raw) ? raw : null;
  if (criterion.answer === "yesNo") return typeof raw === "boolean" ? raw : null;
  return typeof raw === "string" ? raw : null;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** §3.1 and §3.3: the points of one award criterion for an answer. */
function awardPoints(c: Criterion, s: CriterionSetting, answer: Answer, labelExempt: boolean): number {
  const points = s.points ?? 0;
  if (c.answer === "label") return labelExempt ? points : typeof answer === "string" ? points * (s.levels?.[answer as Label] ?? 0) : 0;
  if (c.answer === "yesNo") return answer === true ? points : 0;
  if (typeof answer !== "number" || s.worst === undefined || s.best === undefined || s.worst === s.best) return 0;
  return points * clamp01((answer - s.worst) / (s.best - s.worst));
}

/** §3.1 and §3.3: why a requirement fails, or undefined when it passes. */
function requirementFailure(c: Criterion, s: CriterionSetting, answer: Answer, labelExempt: boolean): CriterionReason | undefined {
  const fail = (problem: CriterionReason["problem"], extra: Partial<CriterionReason> = {}): CriterionReason => ({
    requirement: "criterion",
    criterion: c.id,
    problem,
    answer,
    ...extra,
  });
  if (c.answer === "label" && labelExempt) return undefined;
  if (answer === null) return fail("noAnswer");
  if (c.answer === "yesNo") return answer === true ? undefined : fail("no");
  if (c.answer === "label") {
    const levels = s.levels;
    // In the catalogue's order, as the workbook lists them, whatever order the settings name them in.
    const accepted = levels ? LABELS.filter((l) => (levels[l] ?? 0) > 0) : [];
    const ok = levels ? accepted.includes(answer as Label) : answer !== "none";
    return ok ? undefined : fail("notAccepted", { accepted });
  }
  if (s.threshold === undefined || typeof answer !== "number") return undefined;
  const ok = c.higherIsBetter === false ? answer <= s.threshold : answer >= s.threshold;
  return ok ? undefined : fail(c.higherIsBetter === false ? "above" : "below", { required: s.threshold });
}

/** The settings prepared once for many offers: the criteria that are on, with their catalogue rows. */
interface Prepared {
  readonly on: readonly { readonly c: Criterion; readonly s: CriterionSetting }[];
  readonly commitments: { readonly requiredWarrantyYears: number; readonly requiredSparePartsYears: number };
  readonly qualityPoints: number;
}

function prepare(settings: CriteriaSettings, context: CriteriaContext): Prepared {
  const byId = new Map(settings.map((s) => [s.id, s]));
  const on = CATALOGUE.flatMap((c) => {
    const s = byId.get(c.id);
    return s && (s.role === "requirement" || s.role === "award") ? [{ c, s }] : [];
  });
  return { on, commitments: effectiveCommitments(settings, context), qualityPoints: context.qualityPoints };
}

const REFURBISHMENT = CATALOGUE.find((c) => c.id === "refurbishmentQuality") as Criterion;

function score(p: Prepared, offer: CriteriaOffer, horizonYears: number): OfferCriteria {
  // §12.2–12.3 with the criteria's thresholds where the Parameters set none: one check, one reason each.
  const commitments = commitmentCompliance(
    p.commitments,
    {
      warrantyYears: offer.warrantyYears ?? undefined,
      extraWarrantyYearPrice: offer.extraWarrantyYearPrice ?? undefined,
      sparePartsYears: offer.sparePartsYears ?? undefined,
    },
    horizonYears,
  );
  const reasons: OfferReason[] = [...commitments.reasons];
  const scores: CriterionScore[] = [];
  const points: Partial<Record<CriterionId, number>> = {};
  let criteriaPoints = 0;
  // §3.3: a refurbished offer with a documented refurbishment meets the label criterion.
  const labelExempt = offer.condition === "refurbished" && answerOf(offer, REFURBISHMENT) === true;
  for (const { c, s } of p.on) {
    const answer = answerOf(offer, c);
    const applicable = appliesTo(c, offer.deviceType, offer.condition);
    if (s.role === "award") {
      const max = s.points ?? 0;
      const earned = applicable ? awardPoints(c, s, answer, c.id === "label" && labelExempt) : max;
      points[c.id] = earned;
      criteriaPoints += earned;
      scores.push({ id: c.id, role: "award", applicable, answer, points: earned, maxPoints: max });
    } else {
      // warranty and spareParts: checked above as commitments, against the same threshold.
      const failure =
        !applicable || c.bidField === "warrantyYears" || c.bidField === "sparePartsYears"
          ? undefined
          : requirementFailure(c, s, answer, c.id === "label" && labelExempt);
      if (failure) reasons.push(failure);
      const commitmentFailed =
        (c.bidField === "warrantyYears" || c.bidField === "sparePartsYears") &&
        commitments.reasons.some((r) => r.requirement === c.bidField);
      scores.push({ id: c.id, role: "requirement", applicable, answer, passed: !failure && !commitmentFailed });
    }
  }
  const compliant = reasons.length === 0;
  const qualityTotal = Math.min(criteriaPoints + (offer.qualityPoints ?? 0), p.qualityPoints);
  return {
    compliant,
    reasons,
    scores,
    points,
    criteriaPoints: compliant ? criteriaPoints : null,
    qualityTotal: compliant ? qualityTotal : null,
  };
}

/**
 * One offer against the tender's criteria. `horizonYears` is the offer's H (LCC-METHOD §12.1), which caps
 * the warranty requirement; absent: not capped.
 */
export function scoreOffer(
  settings: CriteriaSettings,
  offer: CriteriaOffer,
  context: CriteriaContext,
  horizonYears = Infinity,
): OfferCriteria {
  return score(prepare(settings, context), offer, horizonYears);
}

/** Every offer, the settings prepared once; `horizons[i]` is offer i's H (absent: not capped). */
export function scoreOffers(
  settings: CriteriaSettings,
  offers: readonly CriteriaOffer[],
  context: CriteriaContext,
  horizons?: readonly number[],
): OfferCriteria[] {
  const p = prepare(settings, context);
  return offers.map((o, i) => score(p, o, horizons?.[i] ?? Infinity));
}
