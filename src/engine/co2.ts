/** Use-phase and embodied CO2 (LCC-METHOD §4.1): kg CO2e unless a name says tonnes. */
import { LIMITS, atMost, energy, firstError, isNumber, nonNegative, years } from "./checks";
import { type Result, fail, finite, ok } from "./result";

const kg = [isNumber, nonNegative, atMost(LIMITS.kgCO2e)];
const emissionFactor = [isNumber, nonNegative, atMost(100)];
const quantity = [isNumber, nonNegative, atMost(LIMITS.quantity)];

/** Use-phase emissions over `years`, kg CO2e. */
export function useCo2Kg(annualKWh: number, serviceYears: number, kgPerKWh: number, units = 1): Result<number> {
  const error = firstError(
    ["annualKWh", annualKWh, energy],
    ["years", serviceYears, years],
    ["emissionFactor", kgPerKWh, emissionFactor],
    ["quantity", units, quantity],
  );
  return error ? { ok: false, error } : ok(annualKWh * serviceYears * kgPerKWh * units);
}

/** Production (embodied) share of life-cycle CO2 = embodied / (embodied + use), a fraction. */
export function productionShare(embodiedKg: number, annualKWh: number, serviceYears: number, kgPerKWh: number): Result<number> {
  const error = firstError(
    ["embodiedKg", embodiedKg, kg],
    ["annualKWh", annualKWh, energy],
    ["years", serviceYears, years],
    ["emissionFactor", kgPerKWh, emissionFactor],
  );
  if (error) return { ok: false, error };
  const whole = embodiedKg + annualKWh * serviceYears * kgPerKWh;
  return whole > 0 ? ok(embodiedKg / whole) : fail("domain", "embodiedKg", "nothingToShare");
}

/** Annualised footprint, kg CO2e per year of service: embodied amortised linearly plus yearly use. */
export function annualisedFootprint(embodiedKg: number, annualUseKg: number, serviceYears: number): Result<number> {
  const error = firstError(["embodiedKg", embodiedKg, kg], ["annualUseKg", annualUseKg, kg], ["years", serviceYears, years]);
  return error ? { ok: false, error } : finite(embodiedKg / serviceYears + annualUseKg);
}

/**
 * Relative cut in the annualised footprint when the service life goes from currentYears to
 * extendedYears: 1 − annual(extended) / annual(current); negative when the life is shortened.
 */
export function lifeExtensionSaving(embodiedKg: number, annualUseKg: number, currentYears: number, extendedYears: number): Result<number> {
  const error = firstError(
    ["embodiedKg", embodiedKg, kg],
    ["annualUseKg", annualUseKg, kg],
    ["currentYears", currentYears, years],
    ["extendedYears", extendedYears, years],
  );
  if (error) return { ok: false, error };
  const current = embodiedKg / currentYears + annualUseKg;
  if (current <= 0) return fail("domain", "embodiedKg", "nothingToShare");
  return finite(1 - (embodiedKg / extendedYears + annualUseKg) / current);
}

/** The circular options for one device need (§12.5): keep and repair it, buy refurbished, buy new. */
export type CircularOption = "extend" | "refurbished" | "new";

export interface CircularOptionCo2 {
  readonly kind: CircularOption;
  /**
   * Production attributed from the decision on: new → the device's production (PCF); refurbished → the
   * refurbishment only; extend → the repair or upgrade parts only (the kept device's production is
   * emitted whatever is decided).
   */
  readonly attributedProductionKg: number;
  readonly annualKWh: number;
  /** Years this option delivers (extend: the extra years). */
  readonly serviceYears: number;
}

export interface CircularOptionCo2Result {
  readonly kind: CircularOption;
  /** kg CO2e per year of service = (attributed production + annual kWh · EF · years) / years. */
  readonly annualisedKg: number;
  /** 1 − this / new; 0 for new itself; null when there is no new option to compare with. */
  readonly savingVsNew: number | null;
}

/**
 * §12.5: every option charged by one rule, so keep, refurbish and buy new compare fairly. The lifetime
 * view of the kept device (its original production over its whole life) is lifeExtensionSaving, apart.
 */
export function circularOptionsCo2(options: readonly CircularOptionCo2[], kgPerKWh: number): Result<CircularOptionCo2Result[]> {
  const efError = firstError(["emissionFactor", kgPerKWh, emissionFactor]);
  if (efError) return { ok: false, error: efError };
  const annual: number[] = [];
  for (const o of options) {
    const e = firstError(["annualKWh", o.annualKWh, energy]);
    if (e) return { ok: false, error: e };
    const r = annualisedFootprint(o.attributedProductionKg, o.annualKWh * kgPerKWh, o.serviceYears);
    if (!r.ok) return r;
    annual.push(r.value);
  }
  const newIndex = options.findIndex((o) => o.kind === "new");
  const newKg = newIndex >= 0 ? annual[newIndex] : 0;
  return ok(options.map((o, i) => ({ kind: o.kind, annualisedKg: annual[i], savingVsNew: newKg > 0 ? 1 - annual[i] / newKg : null })));
}
