/** Residual (resale) value models, LCC-METHOD §5.2 [D]; fitted curves from WRAP (2013), §5.1. */
import { amount, firstError, fraction, isNumber, nonNegative, oneOf, rate, years } from "./checks";
import { type Result, fail, finite, ok } from "./result";

export type ResidualModel = "laptop" | "tablet" | "linear" | "declining";
export const RESIDUAL_MODELS: readonly ResidualModel[] = ["laptop", "tablet", "linear", "declining"];

/**
 * The fitted curves as data (the workbook templates write the same numbers into their formulas):
 * share^(age / atYears) up to atYears, then share × yearlyFactor^(age − atYears), nothing after zeroAfter.
 * Laptop: 26 % at 2 y, then 0.877/yr to 20 % at 4 y (spec literal 0.877), nothing after 7 y.
 * Tablet: 33 % at 2 y, 20 % at 3 y, nothing after 6 y.
 */
export const RESIDUAL_CURVES = {
  laptop: { share: 0.26, atYears: 2, yearlyFactor: 0.877, zeroAfter: 7 },
  tablet: { share: 0.33, atYears: 2, yearlyFactor: 0.2 / 0.33, zeroAfter: 6 },
} as const;

function curveShare(curve: (typeof RESIDUAL_CURVES)[keyof typeof RESIDUAL_CURVES], age: number): number {
  if (age <= curve.atYears) return Math.pow(curve.share, age / curve.atYears);
  return age <= curve.zeroAfter ? curve.share * Math.pow(curve.yearlyFactor, age - curve.atYears) : 0;
}

/**
 * Residual value after ageYears. `parameter` is the service life (linear) or the annual rate of decline
 * (declining); the laptop and tablet curves take none. The floor (share of price) applies to every model.
 */
export function residualValue(price: number, ageYears: number, model = "laptop", parameter?: number, floor = 0): Result<number> {
  const error = firstError(
    ["price", price, amount],
    ["ageYears", ageYears, [isNumber, nonNegative]],
    ["floor", floor, [isNumber, fraction]],
  );
  if (error) return { ok: false, error };
  const m = oneOf("model", model, RESIDUAL_MODELS);
  if (!m.ok) return m;
  let share: number;
  switch (m.value) {
    case "laptop":
      share = curveShare(RESIDUAL_CURVES.laptop, ageYears);
      break;
    case "tablet":
      share = curveShare(RESIDUAL_CURVES.tablet, ageYears);
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
  return finite(price * Math.max(floor, share));
}

/** §12.6: blank residual values follow the device type's curve (byDeviceType) or count as 0 (none). */
export type ResidualValueRule = "byDeviceType" | "none";
export const RESIDUAL_VALUE_RULES: readonly ResidualValueRule[] = ["byDeviceType", "none"];

/** Device types with a sourced resale curve (S36 covers laptops and tablets only). */
const CURVE_BY_DEVICE_TYPE: Readonly<Record<string, "laptop" | "tablet">> = { notebook: "laptop", tablet: "tablet", smartphone: "tablet" };

/** The curve a blank residual value uses: new offers of a type with a sourced curve only, else none. */
export function residualCurveFor(deviceType: string, refurbished: boolean, rule: ResidualValueRule): "laptop" | "tablet" | null {
  if (rule === "none" || refurbished) return null;
  return CURVE_BY_DEVICE_TYPE[deviceType.trim().toLowerCase()] ?? null;
}

/** Residual value per unit at age H when the bidder guarantees none: the type's curve, or 0. */
export function defaultResidualValue(
  price: number,
  ageYears: number,
  deviceType: string,
  refurbished: boolean,
  rule: ResidualValueRule = "byDeviceType",
): Result<number> {
  const curve = residualCurveFor(deviceType, refurbished, rule);
  if (curve !== null) return residualValue(price, ageYears, curve);
  const error = firstError(["price", price, amount], ["ageYears", ageYears, [isNumber, nonNegative]]);
  return error ? { ok: false, error } : ok(0);
}
