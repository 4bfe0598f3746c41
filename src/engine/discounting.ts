/**
 * Discounting and escalation (LCC-METHOD §2.2–§2.4). A loop over the years rather than closed forms:
 * it handles d = 0, d = g, negative real rates and partial years without special cases.
 */

/** When in the year annual flows fall: end (Excel NPV), begin (Excel PV type 1) or mid-year. */
export type Timing = "end" | "begin" | "mid";
export const TIMINGS: readonly Timing[] = ["end", "begin", "mid"];

/** flat: year-1 cost = today's price, (1+g)^(t-1); nist: NIST Handbook 135 / ASTM E917, (1+g)^t. */
export type EscalationBase = "flat" | "nist";
export const ESCALATION_BASES: readonly EscalationBase[] = ["flat", "nist"];

export interface DiscountSettings {
  readonly discountRate: number;
  readonly timing?: Timing;
  readonly escalationBase?: EscalationBase;
}

/** Years by which a flow of year t comes earlier than the end of that year (discount exponent t − shift). */
export const TIMING_SHIFT: Record<Timing, number> = { end: 0, begin: 1, mid: 0.5 };

/** Escalation exponent is t − shift: flat pays today's price in year 1, nist escalates from the base date. */
export const ESCALATION_SHIFT: Record<EscalationBase, number> = { flat: 1, nist: 0 };

/** Discount factor of a flow in year t under the given timing. */
export function discountFactor(discountRate: number, t: number, timing: Timing = "end"): number {
  return Math.pow(1 + discountRate, -(t - TIMING_SHIFT[timing]));
}

/** Escalation factor of a base-year price in year t. */
export function escalationFactor(escalation: number, t: number, base: EscalationBase = "flat"): number {
  return Math.pow(1 + escalation, t - ESCALATION_SHIFT[base]);
}

/** Discount factor at the very end of the period (residual value, end-of-life cost): always (1+d)^-N. */
export function endOfPeriodFactor(discountRate: number, years: number): number {
  return Math.pow(1 + discountRate, -years);
}

/**
 * Present value of 1 per year (in base-year prices) over `years`, escalating at `escalation`:
 * the annuity factor every annual cost stream is multiplied by. A non-integer period (LCC-METHOD §2.4)
 * pays the fraction of the annual flow in year ⌈N⌉ with that year's timing.
 */
export function pvFactor(settings: DiscountSettings, years: number, escalation = 0): number {
  const { discountRate, timing = "end", escalationBase = "flat" } = settings;
  const whole = Math.floor(years);
  let sum = 0;
  for (let t = 1; t <= whole; t++) {
    sum += escalationFactor(escalation, t, escalationBase) * discountFactor(discountRate, t, timing);
  }
  const fraction = years - whole;
  if (fraction > 0) {
    const t = whole + 1;
    sum += fraction * escalationFactor(escalation, t, escalationBase) * discountFactor(discountRate, t, timing);
  }
  return sum;
}
