/**
 * Circular commitments (LCC-METHOD §12): the horizon an offer is costed over, the warranty it is held
 * to, the repairs once no warranty covers it, and whether it meets the authority's requirements.
 */
import { LIMITS, amount, atMost, firstError, isNumber, nonNegative, rateChecks, years } from "./checks";
import { type DiscountSettings, type EscalationBase, type Timing, pvFactor } from "./discounting";
import { type Result, finite } from "./result";

/**
 * §12.1: H = min(L, N). A declared life beyond the authority's period earns nothing (value beyond N
 * enters only as the residual value at H); a blank (undefined or null) declared life means N.
 */
export function horizonYears(evaluationYears: number, declaredLifeYears?: number | null): number {
  return declaredLifeYears === undefined || declaredLifeYears === null ? evaluationYears : Math.min(declaredLifeYears, evaluationYears);
}

/** §12.1: offers compare on EAC over their own H as soon as one horizon is shorter than N; else on LCC. */
export function comparesOnEac(horizons: readonly number[], evaluationYears: number): boolean {
  return horizons.some((h) => h < evaluationYears);
}

/** The warranty side of an offer (§12.2); per unit. */
export interface WarrantyOffer {
  /** W: years included in the price; blank → 0. */
  readonly warrantyYears?: number;
  /** X: price per unit of each extra year; undefined → no extension offered. */
  readonly extraWarrantyYearPrice?: number;
}

/**
 * Wc, the years the warranty covers once the authority's requirement is bought: max(W, min(Wr, H)) when
 * an extension is offered and Wr > 0, else W.
 */
export function coveredWarrantyYears(offer: WarrantyOffer, requiredWarrantyYears: number, horizon: number): number {
  const w = offer.warrantyYears ?? 0;
  const extensible = offer.extraWarrantyYearPrice !== undefined && requiredWarrantyYears > 0;
  return extensible ? Math.max(w, Math.min(requiredWarrantyYears, horizon)) : w;
}

/** Top-up per unit, paid at t = 0: (Wc − W) · X. */
export function warrantyTopUpPerUnit(offer: WarrantyOffer, coveredYears: number): number {
  return (coveredYears - (offer.warrantyYears ?? 0)) * (offer.extraWarrantyYearPrice ?? 0);
}

/**
 * PVF_m(H) − PVF_m(min(Wc, H)): the present value of 1 per year in the years no warranty covers, with
 * the maintenance escalation and the same timing and partial-year rules as every annual stream.
 */
export function outOfWarrantyFactor(settings: DiscountSettings, horizon: number, coveredYears: number, escalation = 0): number {
  return pvFactor(settings, horizon, escalation) - pvFactor(settings, Math.min(coveredYears, horizon), escalation);
}

const coveredYearsChecks = [isNumber, nonNegative, atMost(LIMITS.years)];
const quantityChecks = [isNumber, nonNegative, atMost(LIMITS.quantity)];

/**
 * GPP.REPAIRCOST: present value of the repairs expected once no warranty covers the device,
 * annualRepair × quantity × (PVFACTOR(years) − PVFACTOR(min(coveredYears, years))).
 */
export function repairCost(
  annualRepair: number,
  coveredYears: number,
  serviceYears: number,
  discountRate: number,
  escalation = 0,
  timing: Timing = "end",
  escalationBase: EscalationBase = "flat",
  quantity = 1,
): Result<number> {
  const error = firstError(
    ["annualRepair", annualRepair, amount],
    ["coveredYears", coveredYears, coveredYearsChecks],
    ["years", serviceYears, years],
    ["discountRate", discountRate, rateChecks],
    ["escalation", escalation, rateChecks],
    ["quantity", quantity, quantityChecks],
  );
  if (error) return { ok: false, error };
  return finite(
    annualRepair * quantity * outOfWarrantyFactor({ discountRate, timing, escalationBase }, serviceYears, coveredYears, escalation),
  );
}

/** The requirements of §12.2–§12.3 an offer is checked against. */
export type Requirement = "warrantyYears" | "sparePartsYears";

/** Why an offer fails: the requirement, the value required (capped at H for warranty) and the answer. */
export interface ComplianceReason {
  readonly requirement: Requirement;
  readonly required: number;
  readonly answer: number;
}

export interface Compliance {
  readonly compliant: boolean;
  readonly reasons: readonly ComplianceReason[];
}

export interface CommitmentRequirements {
  /** Wr; 0 = no requirement. */
  readonly requiredWarrantyYears?: number;
  /** Sr; 0 = no requirement. */
  readonly requiredSparePartsYears?: number;
}

export interface CommitmentOffer extends WarrantyOffer {
  /** S; blank → 0. */
  readonly sparePartsYears?: number;
}

/**
 * §12.2–§12.4: compliant on warranty ⇔ Wr = 0 or Wc ≥ min(Wr, H); on spare parts ⇔ Sr = 0 or S ≥ Sr.
 * Reasons are values; the faces word them in the user's language.
 */
export function commitmentCompliance(req: CommitmentRequirements, offer: CommitmentOffer, horizon: number): Compliance {
  const reasons: ComplianceReason[] = [];
  const wr = req.requiredWarrantyYears ?? 0;
  if (wr > 0) {
    const target = Math.min(wr, horizon);
    const covered = coveredWarrantyYears(offer, wr, horizon);
    if (covered < target) reasons.push({ requirement: "warrantyYears", required: target, answer: covered });
  }
  const sr = req.requiredSparePartsYears ?? 0;
  const s = offer.sparePartsYears ?? 0;
  if (sr > 0 && s < sr) reasons.push({ requirement: "sparePartsYears", required: sr, answer: s });
  return { compliant: reasons.length === 0, reasons };
}
