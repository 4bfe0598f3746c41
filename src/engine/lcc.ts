/**
 * Financial life-cycle cost of one offer (LCC-METHOD §2.2, §12): acquisition and any warranty top-up at
 * t = 0, annual energy and maintenance streams discounted and escalated, repairs in the years no
 * warranty covers, one-off costs in their year if within the horizon, end-of-life cost (with data
 * erasure when the take-back lacks it) and residual value at t = H, discounted, not escalated.
 * `years` is the offer's horizon H (see horizonYears). Amounts are per unit; results are for `quantity`.
 */
import { type Check, LIMITS, amount, atMost, energy, firstError, isNumber, nonNegative, rateChecks, years } from "./checks";
import { type WarrantyOffer, coveredWarrantyYears, outOfWarrantyFactor, warrantyTopUpPerUnit } from "./commitments";
import { type DiscountSettings, discountFactor, endOfPeriodFactor, escalationFactor, pvFactor } from "./discounting";
import { type Result, fail, ok } from "./result";

export interface LccParameters extends DiscountSettings {
  readonly years: number;
  readonly electricityPricePerKWh: number;
  readonly energyEscalation?: number;
  /** Escalation of maintenance, consumables and one-off costs. */
  readonly maintenanceEscalation?: number;
  /** Wr (§12.2): warranty years the authority requires, capped at the horizon; 0 = none. */
  readonly requiredWarrantyYears?: number;
  /** Rr (§12.2): expected repair cost per unit and year once no warranty covers the device. */
  readonly outOfWarrantyRepairPerYear?: number;
  /** §12.6: certified data erasure per unit, at t = H, for offers whose take-back does not include it. */
  readonly dataErasureCostPerUnit?: number;
}

export interface OneOffCost {
  /** Year of use in which it is paid (1 = first year); e.g. a battery in year 4. */
  readonly year: number;
  readonly amount: number;
}

/** warrantyYears (W, included) and extraWarrantyYearPrice (X, undefined = no extension) per unit. */
export interface BidCosts extends WarrantyOffer {
  readonly price: number;
  readonly installation?: number;
  readonly annualKWh: number;
  readonly annualMaintenance?: number;
  /** Imaging: toner, ink, paper and per-page service, EUR per year (escalates like maintenance). */
  readonly annualConsumables?: number;
  /** Battery replacement and upgrades ("Battery and upgrades"); a year beyond the horizon is not paid. */
  readonly oneOffCosts?: readonly OneOffCost[];
  /** Resale value at the end of the evaluation period, in money of that year: enters as revenue. */
  readonly residualValue?: number;
  readonly endOfLifeCost?: number;
  /** The take-back includes certified data erasure (blank = no): no erasure cost at H. */
  readonly takeBackWithDataErasure?: boolean;
  readonly quantity?: number;
}

/** Present values in the workbook currency for the whole quantity; residualValue is negative. */
export interface LccBreakdown {
  readonly acquisitionCost: number;
  /** "Warranty extension": years bought on top of the included warranty to meet Wr, at t = 0. */
  readonly warrantyExtensionCost: number;
  readonly energyCost: number;
  readonly maintenanceCost: number;
  readonly consumablesCost: number;
  /** "Repairs after warranty". */
  readonly repairCost: number;
  /** "Battery and upgrades". */
  readonly oneOffCost: number;
  readonly endOfLifeCost: number;
  readonly residualValue: number;
  readonly total: number;
}

/** Present value of 1 paid in a year of use, escalated like maintenance (battery, upgrades). */
const oneOffFactor = (p: LccParameters, year: number) =>
  escalationFactor(p.maintenanceEscalation ?? 0, year, p.escalationBase) * discountFactor(p.discountRate, year, p.timing);
const repairFactor = (p: LccParameters, covered: number) => outOfWarrantyFactor(p, p.years, covered, p.maintenanceEscalation ?? 0);

/** A factor of a whole year is kept in `cache` once computed; any other year is computed each time. */
function remembered(cache: number[], year: number, p: LccParameters, compute: (p: LccParameters, year: number) => number): number {
  return Number.isInteger(year) && year <= LIMITS.years ? (cache[year] ??= compute(p, year)) : compute(p, year);
}

/**
 * The computation alone, for inputs already checked. The discount and escalation factors depend only
 * on the parameters, so a calculator computes them once and then prices any number of bids (ranking,
 * sensitivity, Monte Carlo) at a few multiplications each.
 */
export function lccCalculator(p: LccParameters): (bid: BidCosts) => LccBreakdown {
  const gm = p.maintenanceEscalation ?? 0;
  const energyFactor = pvFactor(p, p.years, p.energyEscalation ?? 0);
  const maintenanceFactor = pvFactor(p, p.years, gm);
  const end = endOfPeriodFactor(p.discountRate, p.years);
  const wr = p.requiredWarrantyYears ?? 0;
  const rr = p.outOfWarrantyRepairPerYear ?? 0;
  const erasure = p.dataErasureCostPerUnit ?? 0;
  // Bids share a handful of warranty terms and battery years: each factor of a whole year is computed
  // on first use and kept, so the commitments cost a lookup per bid, not a loop over the years.
  let oneOffByYear: number[] | undefined;
  let repairByYear: number[] | undefined;
  return (bid) => {
    const q = bid.quantity ?? 1;
    let oneOff = 0;
    const oneOffs = bid.oneOffCosts;
    if (oneOffs !== undefined)
      for (const c of oneOffs) if (c.year <= p.years) oneOff += c.amount * remembered((oneOffByYear ??= []), c.year, p, oneOffFactor);
    const extensible = bid.extraWarrantyYearPrice !== undefined;
    const covered = extensible || rr !== 0 ? coveredWarrantyYears(bid, wr, p.years) : 0;
    const acquisitionCost = q * (bid.price + (bid.installation ?? 0));
    const warrantyExtensionCost = extensible ? q * warrantyTopUpPerUnit(bid, covered) : 0;
    const energyCost = q * bid.annualKWh * p.electricityPricePerKWh * energyFactor;
    const maintenanceCost = q * (bid.annualMaintenance ?? 0) * maintenanceFactor;
    const consumablesCost = q * (bid.annualConsumables ?? 0) * maintenanceFactor;
    const repairCost = rr === 0 ? 0 : q * rr * remembered((repairByYear ??= []), covered, p, repairFactor);
    const oneOffCost = q * oneOff;
    const endOfLifeCost = q * ((bid.endOfLifeCost ?? 0) + (bid.takeBackWithDataErasure ? 0 : erasure)) * end;
    const residualValue = -q * (bid.residualValue ?? 0) * end;
    const total =
      acquisitionCost +
      warrantyExtensionCost +
      energyCost +
      maintenanceCost +
      consumablesCost +
      repairCost +
      oneOffCost +
      endOfLifeCost +
      residualValue;
    return {
      acquisitionCost,
      warrantyExtensionCost,
      energyCost,
      maintenanceCost,
      consumablesCost,
      repairCost,
      oneOffCost,
      endOfLifeCost,
      residualValue,
      total,
    };
  };
}

/** One bid under one set of parameters (see lccCalculator for many bids). */
export const computeLcc = (p: LccParameters, bid: BidCosts): LccBreakdown => lccCalculator(p)(bid);

const quantity: Check[] = [isNumber, nonNegative, atMost(LIMITS.quantity)];
const commitmentYears: Check[] = [isNumber, nonNegative, atMost(LIMITS.commitmentYears)];

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
    ["requiredWarrantyYears", p.requiredWarrantyYears ?? 0, commitmentYears],
    ["outOfWarrantyRepairPerYear", p.outOfWarrantyRepairPerYear ?? 0, amount],
    ["dataErasureCostPerUnit", p.dataErasureCostPerUnit ?? 0, amount],
    ["warrantyYears", bid.warrantyYears ?? 0, commitmentYears],
    ["extraWarrantyYearPrice", bid.extraWarrantyYearPrice ?? 0, amount],
    ...(bid.oneOffCosts ?? []).flatMap((c) => [
      ["oneOffCosts.year", c.year, years] as const,
      ["oneOffCosts.amount", c.amount, amount] as const,
    ]),
  );
  if (error) return { ok: false, error };
  const result = computeLcc(p, bid);
  return Number.isFinite(result.total) ? ok(result) : fail("domain", "result", "resultNotFinite");
}
