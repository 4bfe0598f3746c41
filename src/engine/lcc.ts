/**
 * Financial life-cycle cost of one offer (LCC-METHOD §2.2): acquisition at t = 0, annual energy and
 * maintenance streams discounted and escalated, one-off costs in their year, end-of-life cost and
 * residual value at t = N, discounted, not escalated. Amounts are per unit; results are for `quantity`.
 */
import { type Check, LIMITS, amount, atMost, energy, firstError, isNumber, nonNegative, rateChecks, years } from "./checks";
import { type DiscountSettings, discountFactor, endOfPeriodFactor, escalationFactor, pvFactor } from "./discounting";
import { type Result, fail, ok } from "./result";

export interface LccParameters extends DiscountSettings {
  readonly years: number;
  readonly electricityPricePerKWh: number;
  readonly energyEscalation?: number;
  /** Escalation of maintenance, consumables and one-off costs. */
  readonly maintenanceEscalation?: number;
}

export interface OneOffCost {
  /** Year of use in which it is paid (1 = first year); e.g. a battery in year 4. */
  readonly year: number;
  readonly amount: number;
}

export interface BidCosts {
  readonly price: number;
  readonly installation?: number;
  readonly annualKWh: number;
  readonly annualMaintenance?: number;
  /** Imaging: toner, ink, paper and per-page service, EUR per year (escalates like maintenance). */
  readonly annualConsumables?: number;
  readonly oneOffCosts?: readonly OneOffCost[];
  /** Resale value at the end of the evaluation period, in money of that year: enters as revenue. */
  readonly residualValue?: number;
  readonly endOfLifeCost?: number;
  readonly quantity?: number;
}

/** Present values in the workbook currency for the whole quantity; residualValue is negative. */
export interface LccBreakdown {
  readonly acquisitionCost: number;
  readonly energyCost: number;
  readonly maintenanceCost: number;
  readonly consumablesCost: number;
  readonly oneOffCost: number;
  readonly endOfLifeCost: number;
  readonly residualValue: number;
  readonly total: number;
}

/**
 * The computation alone, for inputs already checked. The discount and escalation factors depend only
 * on the parameters, so a calculator computes them once and then prices any number of bids (ranking,
 * sensitivity, Monte Carlo) at a few multiplications each.
 */
export function lccCalculator(p: LccParameters): (bid: BidCosts) => LccBreakdown {
  const energyFactor = pvFactor(p, p.years, p.energyEscalation ?? 0);
  const maintenanceFactor = pvFactor(p, p.years, p.maintenanceEscalation ?? 0);
  const end = endOfPeriodFactor(p.discountRate, p.years);
  const oneOffFactor = (year: number) => escalationFactor(p.maintenanceEscalation ?? 0, year, p.escalationBase) * discountFactor(p.discountRate, year, p.timing);
  return (bid) => {
    const q = bid.quantity ?? 1;
    let oneOff = 0;
    for (const c of bid.oneOffCosts ?? []) oneOff += c.amount * oneOffFactor(c.year);
    const acquisitionCost = q * (bid.price + (bid.installation ?? 0));
    const energyCost = q * bid.annualKWh * p.electricityPricePerKWh * energyFactor;
    const maintenanceCost = q * (bid.annualMaintenance ?? 0) * maintenanceFactor;
    const consumablesCost = q * (bid.annualConsumables ?? 0) * maintenanceFactor;
    const oneOffCost = q * oneOff;
    const endOfLifeCost = q * (bid.endOfLifeCost ?? 0) * end;
    const residualValue = -q * (bid.residualValue ?? 0) * end;
    const total = acquisitionCost + energyCost + maintenanceCost + consumablesCost + oneOffCost + endOfLifeCost + residualValue;
    return { acquisitionCost, energyCost, maintenanceCost, consumablesCost, oneOffCost, endOfLifeCost, residualValue, total };
  };
}

/** One bid under one set of parameters (see lccCalculator for many bids). */
export const computeLcc = (p: LccParameters, bid: BidCosts): LccBreakdown => lccCalculator(p)(bid);

const quantity: Check[] = [isNumber, nonNegative, atMost(LIMITS.quantity)];

/** Checks every input with the argument names of GPP.LCC, then computes. */
export function lifeCycleCost(p: LccParameters, bid: BidCosts): Result<LccBreakdown> {
  const error = firstError(
    ["price", bid.price, amount],
    ["annualKWh", bid.annualKWh, energy],
    ["electricityPrice", p.electricityPricePerKWh, amount],
    ["years", p.years, years],
    ["discountRate", p.discountRate, rateChecks],
    ["installation", bid.installation ?? 0, amount],
    ["annualMaintenance", bid.annualMaintenance ?? 0, amount],
    ["residualValue", bid.residualValue ?? 0, amount],
    ["endOfLifeCost", bid.endOfLifeCost ?? 0, amount],
    ["energyEscalation", p.energyEscalation ?? 0, rateChecks],
    ["maintenanceEscalation", p.maintenanceEscalation ?? 0, rateChecks],
    ["quantity", bid.quantity ?? 1, quantity],
    ["annualConsumables", bid.annualConsumables ?? 0, amount],
    ...(bid.oneOffCosts ?? []).flatMap((c) => [
      ["oneOffCosts.year", c.year, years] as const,
      ["oneOffCosts.amount", c.amount, amount] as const,
    ]),
  );
  if (error) return { ok: false, error };
  const result = computeLcc(p, bid);
  return Number.isFinite(result.total) ? ok(result) : fail("domain", "result", "resultNotFinite");
}
