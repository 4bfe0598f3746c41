/** Residual (resale) value models, LCC-METHOD §5.2 [D]; fitted curves from WRAP (2013), §5.1. */
import { amount, firstError, fraction, isNumber, nonNegative, oneOf, rate, years } from "./checks";
import { type Result, fail, ok } from "./result";

export type ResidualModel = "laptop" | "tablet" | "linear" | "declining";
export const RESIDUAL_MODELS: readonly ResidualModel[] = ["laptop", "tablet", "linear", "declining"];

/** Laptop: 26 % at 2 y (geometric), then 0.877/yr to 20 % at 4 y, nothing after 7 y (spec literal 0.877). */
function laptopShare(age: number): number {
  if (age <= 2) return Math.pow(0.26, age / 2);
  return age <= 7 ? 0.26 * Math.pow(0.877, age - 2) : 0;
}

/** Tablet: 33 % at 2 y, 20 % at 3 y, nothing after 6 y. */
function tabletShare(age: number): number {
  if (age <= 2) return Math.pow(0.33, age / 2);
  return age <= 6 ? 0.33 * Math.pow(0.2 / 0.33, age - 2) : 0;
}

/**
 * Residual value after ageYears. `parameter` is the service life (linear) or the annual rate of decline
 * (declining); the laptop and tablet curves take none. The floor (share of price) applies to every model.
 */
export function residualValue(price: number, ageYears: number, model = "laptop", parameter?: number, floor = 0): Result<number> {
  const error = firstError(["price", price, amount], ["ageYears", ageYears, [isNumber, nonNegative]], ["floor", floor, [isNumber, fraction]]);
  if (error) return { ok: false, error };
  const m = oneOf("model", model, RESIDUAL_MODELS);
  if (!m.ok) return m;
  let share: number;
  switch (m.value) {
    case "laptop":
      share = laptopShare(ageYears);
      break;
    case "tablet":
      share = tabletShare(ageYears);
      break;
    case "linear": {
      if (parameter === undefined) return fail("type", "parameter", "required", "linear");
      const e = firstError(["parameter", parameter, years]);
      if (e) return { ok: false, error: e };
      share = 1 - ageYears / parameter;
      break;
    }
    case "declining": {
      if (parameter === undefined) return fail("type", "parameter", "required", "declining");
      const e = firstError(["parameter", parameter, [isNumber, nonNegative, rate]]);
      if (e) return { ok: false, error: e };
      share = Math.pow(1 - parameter, ageYears);
      break;
    }
  }
  return ok(price * Math.max(floor, share));
}
