/**
 * A whole comparison: every figure of the Results sheet, per bid, from Parameters and Bids. This is the
 * oracle the template formulas (recalculated by LibreOffice) and the wizard's figures are tested against,
 * so each step here has a one-line Excel counterpart in src/templates.
 */
import { type BidCosts, computeLcc, type LccBreakdown, type LccParameters } from "../engine/lcc";
import { commitmentCompliance, comparesOnEac, coveredWarrantyYears, horizonYears } from "../engine/commitments";
import { computeCo2Cost } from "../engine/externalities";
import { pvFactor } from "../engine/discounting";
import { annualKWhFromWeekly } from "../engine/energy";
import { imagingAnnualRunningCost } from "../engine/imaging";
import { defaultResidualValue } from "../engine/residualValue";
import { priceScore, rankAmongCompliant } from "../engine/scoring";
import { type DomainError, type Result, fail, ok } from "../engine/result";
import type { Bid, ComparisonKind } from "./bid";
import type { Parameters } from "./parameters";
import { type CriteriaOffer, type CriterionScore, type OfferReason, scoreOffers } from "./criteria/scoring";
import { effectiveCommitments } from "./criteria/settings";

export interface BidResult {
  readonly annualKWh: number;
  /** H = min(declared service life, evaluation period) (§12.1): the horizon of its LCC. */
  readonly horizonYears: number;
  /** Wc (§12.2): the years a warranty covers once the required extension is bought. */
  readonly coveredWarrantyYears: number;
  /** §12.4 and CRITERIA.md §3.4: meets the warranty and spare-parts requirements and every required criterion; if not, see `reasons`. */
  readonly compliant: boolean;
  /** One list: the commitments' reasons (§12.4), the criteria's, then a mini-competition's supplier check, in that order. */
  readonly reasons: readonly BidReason[];
  readonly residualValuePerUnit: number;
  readonly annualRunningCostPerUnit: number;
  readonly breakdown: LccBreakdown;
  readonly lccPerUnit: number;
  /** Whole quantity over the horizon. */
  readonly useCo2Kg: number;
  readonly productionCo2Kg: number;
  readonly productionShare: number;
  /** Per unit and year of service. */
  readonly annualisedFootprintKg: number;
  readonly externalCo2Cost: number;
  readonly lccWithExternalities: number;
  /** The LCC the award uses: with externalities only when Parameters.includeExternalities. */
  readonly awardLcc: number;
  readonly equivalentAnnualCost: number;
  /** What is ranked and scored: the award LCC, or its EAC when some horizon is shorter than the period. */
  readonly comparisonValue: number;
  /** Against the best compliant offer. */
  readonly differenceToBest: number;
  readonly differenceToBestShare: number;
  /**
   * Rank, price score, MEAT score and MEAT rank of a compliant offer; NaN ("not a number": none) for an
   * offer that fails a requirement (§12.4), which is listed with its reasons but neither ranked nor scored.
   * See `ranked` / isRanked.
   */
  readonly rank: number;
  readonly priceScore: number;
  /** The offer's free quality points (other criteria, e.g. service), as entered. */
  readonly qualityPoints: number;
  /** CRITERIA.md §3: every requirement and award criterion that is on, with its answer, pass and points. */
  readonly criteria: readonly CriterionScore[];
  /** Σ points of the award criteria; NaN for an offer that is not ranked. */
  readonly criteriaPoints: number;
  /** min(criteria points + quality points, Parameters qualityPoints); NaN for an offer that is not ranked. */
  readonly qualityTotal: number;
  /** Price score + quality total. */
  readonly meatScore: number;
  readonly meatRank: number;
}

/** A mini-competition under a framework agreement is limited to its suppliers: an offer from another is not ranked. */
export interface FrameworkSupplierReason {
  readonly requirement: "frameworkSupplier";
  readonly supplier: string;
}

/** Why an offer is not ranked: the commitments' and criteria's reasons, and a supplier outside the framework. */
export type BidReason = OfferReason | FrameworkSupplierReason;

export interface ComparisonOptions {
  /** A mini-competition: only offers of these suppliers (the framework's) are ranked; absent, every supplier may be. */
  readonly suppliers?: readonly string[];
}

export interface ComparisonResult {
  /** Every offer, in the order given, compliant or not. */
  readonly bids: readonly BidResult[];
  /** True when a ranked offer's horizon is shorter than the period, so offers are compared on equivalent annual cost. */
  readonly comparesEac: boolean;
  /** The best value among compliant offers (0 when none is compliant). */
  readonly bestValue: number;
}

/** §12.4: an offer that meets every requirement has a rank and scores; the others do not. */
export const isRanked = (r: BidResult): boolean => r.compliant;

/** The comparison restricted to the ranked (compliant) offers, with the indices they had: what rankings and award texts show. */
export function rankedView(result: ComparisonResult): { result: ComparisonResult; indices: number[] } {
  const indices = result.bids.flatMap((r, i) => (isRanked(r) ? [i] : []));
  return { result: { ...result, bids: indices.map((i) => result.bids[i]) }, indices };
}

/** §2.6: on/sleep hours on use days, off the rest of those days and all of the other days. */
export function annualKWhOf(bid: Bid, p: Parameters, kind: ComparisonKind): number {
  if (kind === "imaging") return annualKWhFromWeekly(bid.tecKWhPerWeek ?? 0);
  if (bid.tecKWhPerYear !== null) return bid.tecKWhPerYear;
  const on = bid.onHoursPerDay ?? 0;
  const sleep = bid.sleepHoursPerDay ?? 0;
  const offW = bid.offW ?? 0;
  const useDayWh = (bid.onW ?? 0) * on + (bid.sleepW ?? 0) * sleep + offW * (24 - on - sleep);
  return (useDayWh * p.useDaysPerYear + offW * 24 * (365 - p.useDaysPerYear)) / 1000;
}

/** §12.1: H = min(L, N); a declared life beyond the period earns nothing. */
export const horizonOf = (bid: Bid, p: Parameters): number => horizonYears(p.evaluationYears, bid.serviceLifeYears);

/** The bid's guaranteed value, or (blank) the device type's curve at H for a new offer, else 0 (§12.6). */
export function residualValueOf(bid: Bid, p: Parameters, horizon = horizonOf(bid, p)): number {
  if (bid.residualValue !== null) return bid.residualValue;
  const curve = defaultResidualValue(bid.price, horizon, bid.deviceType, bid.condition === "refurbished", p.residualValueRule);
  return curve.ok ? curve.value : 0;
}

export function annualRunningCostOf(bid: Bid, p: Parameters, kind: ComparisonKind): number {
  if (kind !== "imaging") return 0;
  return imagingAnnualRunningCost({
    monoPagesPerYear: p.monoPagesPerYear,
    colourPagesPerYear: p.colourPagesPerYear,
    monoCostPerPage: bid.monoCostPerPage,
    colourCostPerPage: bid.colourCostPerPage,
    paperCostPerPage: p.paperCostPerPage,
    duplexShare: p.duplexShare,
    serviceContractPerYear: bid.serviceContractPerYear,
  });
}

/** The discounting and prices of an LCC over `years`; the circular options use these alone. */
export const lccParametersOf = (p: Parameters, years: number): LccParameters => ({
  discountRate: p.discountRate,
  years,
  electricityPricePerKWh: p.electricityPricePerKWh,
  energyEscalation: p.energyEscalation,
  maintenanceEscalation: p.maintenanceEscalation,
  timing: p.timing,
  escalationBase: p.escalationBase,
});

/**
 * Wr and Sr as applied: the Parameters' own, else the threshold of the `warranty` / `spareParts` criterion
 * when it is a requirement (CRITERIA.md §1), so a required warranty is costed and checked alike.
 */
export const requiredCommitmentsOf = (p: Parameters): { requiredWarrantyYears: number; requiredSparePartsYears: number } =>
  p.criteria.length
    ? effectiveCommitments(p.criteria, p)
    : { requiredWarrantyYears: p.requiredWarrantyYears, requiredSparePartsYears: p.requiredSparePartsYears };

/** An offer's LCC parameters over its horizon: the above with the authority's commitments (§12.2, §12.6). */
export const bidLccParametersOf = (p: Parameters, years: number): LccParameters => ({
  ...lccParametersOf(p, years),
  requiredWarrantyYears: requiredCommitmentsOf(p).requiredWarrantyYears,
  outOfWarrantyRepairPerYear: p.outOfWarrantyRepairPerYear,
  dataErasureCostPerUnit: p.dataErasureCostPerUnit,
});

/** The commitments of a bid as the engine takes them: blank warranty 0, no extension, a battery as a one-off cost. */
export function commitmentCostsOf(
  bid: Bid,
): Pick<BidCosts, "warrantyYears" | "extraWarrantyYearPrice" | "oneOffCosts" | "takeBackWithDataErasure"> {
  const battery =
    bid.batteryReplacementCost !== null && bid.batteryReplacementYear !== null
      ? [{ year: bid.batteryReplacementYear, amount: bid.batteryReplacementCost }]
      : undefined;
  return {
    warrantyYears: bid.warrantyYears ?? 0,
    extraWarrantyYearPrice: bid.extraWarrantyYearPrice ?? undefined,
    oneOffCosts: battery,
    takeBackWithDataErasure: bid.takeBackWithDataErasure === "yes",
  };
}

/** §12.4: the offer against the authority's warranty and spare-parts requirements, over its horizon. */
export function complianceOf(bid: Bid, p: Parameters, horizon = horizonOf(bid, p)) {
  return commitmentCompliance(requiredCommitmentsOf(p), { ...commitmentCostsOf(bid), sparePartsYears: bid.sparePartsYears ?? 0 }, horizon);
}

/** Present value of the use-phase CO2 cost under the comparison's CO2 price and conventions. */
export function externalCo2CostOf(p: Parameters, annualKWh: number, years: number, quantity = 1, discountRate = p.discountRate): number {
  return computeCo2Cost({
    annualKWh,
    emissionFactor: p.emissionFactorKgPerKWh,
    co2PricePerTonne: p.co2PricePerTonne,
    years,
    discountRate,
    co2Escalation: p.co2Escalation,
    timing: p.timing,
    escalationBase: p.escalationBase,
    quantity,
  });
}

/** Everything about one bid that does not depend on the other bids (a framework call-off prices its lines with it). */
export function evaluateOne(bid: Bid, p: Parameters, kind: ComparisonKind) {
  const annualKWh = annualKWhOf(bid, p, kind);
  const horizonYears = horizonOf(bid, p);
  const residualValuePerUnit = residualValueOf(bid, p, horizonYears);
  const annualRunningCostPerUnit = annualRunningCostOf(bid, p, kind);
  const commitments = commitmentCostsOf(bid);
  const breakdown = computeLcc(bidLccParametersOf(p, horizonYears), {
    price: bid.price,
    installation: bid.installation,
    annualKWh,
    annualMaintenance: bid.annualMaintenance,
    annualConsumables: annualRunningCostPerUnit,
    residualValue: residualValuePerUnit,
    endOfLifeCost: bid.endOfLifeCost,
    quantity: bid.quantity,
    ...commitments,
  });
  const useCo2Kg = annualKWh * horizonYears * p.emissionFactorKgPerKWh * bid.quantity;
  const productionCo2Kg = bid.embodiedKgCO2e * bid.quantity;
  const lifeCo2 = useCo2Kg + productionCo2Kg;
  const externalCo2Cost = externalCo2CostOf(p, annualKWh, horizonYears, bid.quantity);
  const lccWithExternalities = breakdown.total + externalCo2Cost;
  const awardLcc = p.includeExternalities ? lccWithExternalities : breakdown.total;
  return {
    annualKWh,
    horizonYears,
    coveredWarrantyYears: coveredWarrantyYears(commitments, requiredCommitmentsOf(p).requiredWarrantyYears, horizonYears),
    residualValuePerUnit,
    annualRunningCostPerUnit,
    breakdown,
    lccPerUnit: bid.quantity > 0 ? breakdown.total / bid.quantity : 0,
    useCo2Kg,
    productionCo2Kg,
    productionShare: lifeCo2 > 0 ? productionCo2Kg / lifeCo2 : 0,
    annualisedFootprintKg: bid.embodiedKgCO2e / horizonYears + annualKWh * p.emissionFactorKgPerKWh,
    externalCo2Cost,
    lccWithExternalities,
    awardLcc,
    equivalentAnnualCost: awardLcc / pvFactor({ discountRate: p.discountRate, timing: p.timing }, horizonYears),
  };
}

/** A bid as the criteria read it: its answers, and its take-back with data erasure as yes/no. */
export const criteriaOfferOf = (bid: Bid): CriteriaOffer => ({
  deviceType: bid.deviceType,
  condition: bid.condition,
  warrantyYears: bid.warrantyYears,
  extraWarrantyYearPrice: bid.extraWarrantyYearPrice,
  sparePartsYears: bid.sparePartsYears,
  takeBackWithDataErasure: bid.takeBackWithDataErasure === null ? null : bid.takeBackWithDataErasure === "yes",
  criteria: bid.criteria,
  qualityPoints: bid.qualityPoints,
});

/** Every bid against the commitments and the criteria, over its horizon (CRITERIA.md §3.4). */
export const criteriaOf = (p: Parameters, bids: readonly Bid[], horizons: readonly number[]) =>
  scoreOffers(
    p.criteria,
    bids.map(criteriaOfferOf),
    { qualityPoints: p.qualityPoints, requiredWarrantyYears: p.requiredWarrantyYears, requiredSparePartsYears: p.requiredSparePartsYears },
    horizons,
  );

/** A mini-competition's offers from a supplier outside the framework: not compliant, with that reason last. */
function limitToSuppliers<
  J extends { compliant: boolean; reasons: readonly OfferReason[]; criteriaPoints: number | null; qualityTotal: number | null },
>(
  judged: readonly J[],
  bids: readonly Bid[],
  suppliers: readonly string[] | undefined,
): (Omit<J, "reasons"> & { reasons: readonly BidReason[] })[] {
  if (!suppliers) return [...judged];
  const allowed = new Set(suppliers.map((x) => x.trim()));
  return judged.map((j, i) => {
    const supplier = bids[i].supplier.trim();
    if (allowed.has(supplier)) return j;
    const reason: FrameworkSupplierReason = { requirement: "frameworkSupplier", supplier };
    return { ...j, compliant: false, criteriaPoints: null, qualityTotal: null, reasons: [...j.reasons, reason] };
  });
}

/**
 * Price points of each value to rank (award LCC or EAC) under the tender's scoring method. Exported for
 * the Monte Carlo ranking, which scores thousands of draws with exactly these rules.
 */
export function priceScores(p: Parameters, values: readonly number[]): Result<number[]> {
  const bad = values.findIndex((v) => !(v > 0) || !Number.isFinite(v));
  if (bad >= 0) return fail("domain", `bid ${bad + 1}`, "positive");
  let bestValue = Infinity;
  let worstValue = -Infinity;
  for (const v of values) {
    bestValue = Math.min(bestValue, v);
    worstValue = Math.max(worstValue, v);
  }
  const rangeBest = p.rangeBestValue > 0 ? p.rangeBestValue : bestValue;
  const rangeWorst = p.rangeWorstValue > 0 ? p.rangeWorstValue : worstValue;
  const scores: number[] = [];
  for (const v of values) {
    // Equal offers under "range" have no spread: all get full points.
    const s =
      p.scoringMethod === "range" && rangeWorst <= rangeBest
        ? ok(p.pricePoints)
        : priceScore(v, p.scoringMethod === "range" ? rangeBest : bestValue, p.pricePoints, p.scoringMethod, rangeWorst);
    if (!s.ok) return s as { ok: false; error: DomainError };
    scores.push(s.value);
  }
  return ok(scores);
}

/**
 * Ranks and scores the bids. Inputs are assumed valid (see validateBid / validateParameters); a
 * non-positive value to score (possible with a very high residual value, §6.3) is a domain error.
 * §12.4: an offer failing a requirement keeps its figures but gets no rank and no scores, and the best
 * and worst values for scoring come from the compliant offers only.
 */
export function evaluateComparison(
  p: Parameters,
  bids: readonly Bid[],
  kind: ComparisonKind,
  options: ComparisonOptions = {},
): Result<ComparisonResult> {
  const one = bids.map((b) => evaluateOne(b, p, kind));
  // §12.4 and CRITERIA.md §3: one check gives compliance, reasons and the criteria's points; a
  // mini-competition adds the supplier to that one list, so an outsider is not ranked for the same reason path.
  const judged = limitToSuppliers(
    criteriaOf(
      p,
      bids,
      one.map((e) => e.horizonYears),
    ),
    bids,
    options.suppliers,
  );
  const each = one.map((e, i) => ({ ...e, compliant: judged[i].compliant, reasons: judged[i].reasons }));
  // The offers ranked decide the basis: one that is not ranked does not move the others to EAC.
  const compliant = each.map((e) => e.compliant);
  const comparesEac = comparesOnEac(
    each.filter((e) => e.compliant).map((e) => e.horizonYears),
    p.evaluationYears,
  );
  const values = each.map((e) => (comparesEac ? e.equivalentAnnualCost : e.awardLcc));
  const eligible = values.filter((_, i) => compliant[i]);
  const scored = priceScores(p, eligible);
  if (!scored.ok) return scored;
  const scores: number[] = [];
  let next = 0;
  for (const c of compliant) scores.push(c ? scored.value[next++] : NaN);
  const bestValue = eligible.length ? Math.min(...eligible) : 0;
  const ranks = rankAmongCompliant(values, compliant);
  const quality = judged.map((j) => (j.compliant ? (j.qualityTotal as number) : NaN));
  const meat = each.map((_, i) => quality[i] + scores[i]);
  const meatRanks = rankAmongCompliant(
    meat.map((m) => -m),
    compliant,
  );
  return ok({
    comparesEac,
    bestValue,
    bids: each.map((e, i) => ({
      ...e,
      comparisonValue: values[i],
      differenceToBest: values[i] - bestValue,
      differenceToBestShare: (values[i] - bestValue) / bestValue,
      rank: ranks[i] ?? NaN,
      priceScore: scores[i],
      qualityPoints: bids[i].qualityPoints,
      criteria: judged[i].scores,
      criteriaPoints: judged[i].criteriaPoints ?? NaN,
      qualityTotal: quality[i],
      meatScore: meat[i],
      meatRank: meatRanks[i] ?? NaN,
    })),
  });
}
