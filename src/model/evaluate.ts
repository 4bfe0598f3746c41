/**
 * A whole comparison: every figure of the Results sheet, per bid, from Parameters and Bids. This is the
 * oracle the template formulas (recalculated by LibreOffice) and the wizard's figures are tested against,
 * so each step here has a one-line Excel counterpart in src/templates.
 */
import { computeLcc, type LccBreakdown, type LccParameters } from "../engine/lcc";
import { computeCo2Cost } from "../engine/externalities";
import { pvFactor } from "../engine/discounting";
import { annualKWhFromWeekly } from "../engine/energy";
import { imagingAnnualRunningCost } from "../engine/imaging";
import { residualValue as residualValueModel } from "../engine/residualValue";
import { priceScore, rankAscending } from "../engine/scoring";
import { type DomainError, type Result, fail, ok } from "../engine/result";
import type { Bid, ComparisonKind } from "./bid";
import type { Parameters } from "./parameters";

export interface BidResult {
  readonly annualKWh: number;
  /** The bid's own service life, or the evaluation period: the horizon of its LCC. */
  readonly horizonYears: number;
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
  /** What is ranked and scored: the award LCC, or its EAC when service lives differ. */
  readonly comparisonValue: number;
  readonly differenceToBest: number;
  readonly differenceToBestShare: number;
  readonly rank: number;
  readonly priceScore: number;
  readonly qualityPoints: number;
  readonly meatScore: number;
  readonly meatRank: number;
}

export interface ComparisonResult {
  readonly bids: readonly BidResult[];
  /** True when service lives differ, so offers are compared on equivalent annual cost. */
  readonly comparesEac: boolean;
  readonly bestValue: number;
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

export const horizonOf = (bid: Bid, p: Parameters): number => bid.serviceLifeYears ?? p.evaluationYears;

export function residualValueOf(bid: Bid, p: Parameters): number {
  if (bid.residualValue !== null) return bid.residualValue;
  const curve = residualValueModel(bid.price, horizonOf(bid, p), p.residualCurve);
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

export const lccParametersOf = (p: Parameters, years: number): LccParameters => ({
  discountRate: p.discountRate,
  years,
  electricityPricePerKWh: p.electricityPricePerKWh,
  energyEscalation: p.energyEscalation,
  maintenanceEscalation: p.maintenanceEscalation,
  timing: p.timing,
  escalationBase: p.escalationBase,
});

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

/** Everything about one bid that does not depend on the other bids. */
function evaluateOne(bid: Bid, p: Parameters, kind: ComparisonKind) {
  const annualKWh = annualKWhOf(bid, p, kind);
  const horizonYears = horizonOf(bid, p);
  const residualValuePerUnit = residualValueOf(bid, p);
  const annualRunningCostPerUnit = annualRunningCostOf(bid, p, kind);
  const breakdown = computeLcc(lccParametersOf(p, horizonYears), {
    price: bid.price,
    installation: bid.installation,
    annualKWh,
    annualMaintenance: bid.annualMaintenance,
    annualConsumables: annualRunningCostPerUnit,
    residualValue: residualValuePerUnit,
    endOfLifeCost: bid.endOfLifeCost,
    quantity: bid.quantity,
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
    const s = p.scoringMethod === "range" && rangeWorst <= rangeBest ? ok(p.pricePoints) : priceScore(v, p.scoringMethod === "range" ? rangeBest : bestValue, p.pricePoints, p.scoringMethod, rangeWorst);
    if (!s.ok) return s as { ok: false; error: DomainError };
    scores.push(s.value);
  }
  return ok(scores);
}

/**
 * Ranks and scores the bids. Inputs are assumed valid (see validateBid / validateParameters); a
 * non-positive value to score (possible with a very high residual value, §6.3) is a domain error.
 */
export function evaluateComparison(p: Parameters, bids: readonly Bid[], kind: ComparisonKind): Result<ComparisonResult> {
  const each = bids.map((b) => evaluateOne(b, p, kind));
  const horizons = each.map((e) => e.horizonYears);
  const comparesEac = horizons.length > 0 && Math.max(...horizons) !== Math.min(...horizons);
  const values = each.map((e) => (comparesEac ? e.equivalentAnnualCost : e.awardLcc));
  const scored = priceScores(p, values);
  if (!scored.ok) return scored;
  const scores = scored.value;
  const bestValue = values.length ? Math.min(...values) : 0;
  const ranks = rankAscending(values);
  const meat = each.map((_, i) => bids[i].qualityPoints + scores[i]);
  const meatRanks = rankAscending(meat.map((m) => -m));
  return ok({
    comparesEac,
    bestValue,
    bids: each.map((e, i) => ({
      ...e,
      comparisonValue: values[i],
      differenceToBest: values[i] - bestValue,
      differenceToBestShare: (values[i] - bestValue) / bestValue,
      rank: ranks[i],
      priceScore: scores[i],
      qualityPoints: bids[i].qualityPoints,
      meatScore: meat[i],
      meatRank: meatRanks[i],
    })),
  });
}
