/**
 * Argument rules shared by every engine entry point, so that a rate, an amount or a number of years is
 * judged the same way in a worksheet function, a CSV row and the wizard.
 */
import { type DomainError, type Result, fail, ok } from "./result";

/** Upper bounds keep loops bounded and results finite; far above any real ICT tender. */
export const LIMITS = {
  years: 100,
  amountEUR: 1e12,
  kWh: 1e9,
  quantity: 1e7,
  powerW: 1e6,
  kgCO2e: 1e12,
  /** Warranty and spare-parts years (§12.2–§12.3): beyond 30 is a typing slip, not a commitment. */
  commitmentYears: 30,
} as const;

export type Check = (name: string, value: number) => DomainError | undefined;

const err = (r: Result<never>): DomainError | undefined => (r.ok ? undefined : r.error);

export const isNumber: Check = (name, value) =>
  typeof value !== "number" || Number.isNaN(value) ? err(fail("type", name, "notANumber")) : undefined;

export const atMost =
  (limit: number): Check =>
  (name, value) =>
    value > limit ? err(fail("domain", name, "atMost", String(limit))) : undefined;

export const nonNegative: Check = (name, value) => (value < 0 ? err(fail("domain", name, "nonNegative")) : undefined);

export const positive: Check = (name, value) => (value <= 0 ? err(fail("domain", name, "positive")) : undefined);

/** A rate (discount or escalation) as a fraction: above -100 %, and at most 100 % ("4" typed for "4 %"). */
export const rate: Check = (name, value) => {
  if (value <= -1) return err(fail("domain", name, "rateAboveMinus100"));
  if (value > 1) return err(fail("domain", name, "rateLooksLikePercent", String(value)));
  return undefined;
};

/** A share such as a duplex share or a floor: 0..1; 20 typed for 20 % is caught with the percent hint. */
export const fraction: Check = (name, value) => {
  if (value < 0) return err(fail("domain", name, "fractionZeroToOne"));
  if (value > 1) return err(fail("domain", name, "rateLooksLikePercent", String(value)));
  return undefined;
};

export const amount: Check[] = [isNumber, nonNegative, atMost(LIMITS.amountEUR)];
export const energy: Check[] = [isNumber, nonNegative, atMost(LIMITS.kWh)];
export const years: Check[] = [isNumber, positive, atMost(LIMITS.years)];
export const rateChecks: Check[] = [isNumber, rate];

/** Runs the checks of each [name, value, checks] triple in order and returns the first failure. */
export function firstError(...items: ReadonlyArray<readonly [string, number, readonly Check[]]>): DomainError | undefined {
  for (const [name, value, checks] of items) {
    for (const check of checks) {
      const e = check(name, value);
      if (e) return e;
    }
  }
  return undefined;
}

/** Case-insensitive enum parsing; the error lists the valid options. */
export function oneOf<T extends string>(name: string, value: string, options: readonly T[]): Result<T> {
  const found = options.find((o) => o.toLowerCase() === value.trim().toLowerCase());
  return found === undefined ? fail("type", name, "unknownOption", options.join(", ")) : ok(found);
}
