/**
 * Equivalent annual cost: the constant yearly payment with the same present value as the life-cycle
 * cost. It makes offers with different service lives comparable (refurbished 3 y vs new 6 y), which a
 * plain LCC over different periods does not.
 */
import { firstError, isNumber, rateChecks, years } from "./checks";
import { type Timing, pvFactor } from "./discounting";
import { type Result, fail, ok } from "./result";

export function equivalentAnnualCost(
  lifeCycleCost: number,
  discountRate: number,
  serviceYears: number,
  timing: Timing = "end",
): Result<number> {
  const error = firstError(
    ["lifeCycleCost", lifeCycleCost, [isNumber]],
    ["discountRate", discountRate, rateChecks],
    ["years", serviceYears, years],
  );
  if (error) return { ok: false, error };
  const value = lifeCycleCost / pvFactor({ discountRate, timing }, serviceYears);
  return Number.isFinite(value) ? ok(value) : fail("domain", "result", "resultNotFinite");
}
