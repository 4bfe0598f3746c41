/**
 * External cost of use-phase CO2 (LCC-METHOD §2.2 PV_EXT). The EC tool counts only use-phase electricity
 * CO2 as an externality (§1), so embodied CO2 is reported but never monetised here.
 */
import { LIMITS, amount, atMost, energy, firstError, isNumber, nonNegative, rateChecks, years } from "./checks";
import { type DiscountSettings, pvFactor } from "./discounting";
import { type Result, fail, ok } from "./result";

export interface Co2CostInputs extends DiscountSettings {
  readonly annualKWh: number;
  /** kg CO2e per kWh. */
  readonly emissionFactor: number;
  /** Money per tonne CO2e. */
  readonly co2PricePerTonne: number;
  readonly years: number;
  readonly co2Escalation?: number;
  readonly quantity?: number;
}

export function computeCo2Cost(x: Co2CostInputs): number {
  const tonnesPerYear = (x.annualKWh * x.emissionFactor) / 1000;
  return (x.quantity ?? 1) * tonnesPerYear * x.co2PricePerTonne * pvFactor(x, x.years, x.co2Escalation ?? 0);
}

export function externalCo2Cost(x: Co2CostInputs): Result<number> {
  const error = firstError(
    ["annualKWh", x.annualKWh, energy],
    ["emissionFactor", x.emissionFactor, [isNumber, nonNegative, atMost(100)]],
    ["co2Price", x.co2PricePerTonne, amount],
    ["years", x.years, years],
    ["discountRate", x.discountRate, rateChecks],
    ["co2Escalation", x.co2Escalation ?? 0, rateChecks],
    ["quantity", x.quantity ?? 1, [isNumber, nonNegative, atMost(LIMITS.quantity)]],
  );
  if (error) return { ok: false, error };
  const value = computeCo2Cost(x);
  return Number.isFinite(value) ? ok(value) : fail("domain", "result", "resultNotFinite");
}
