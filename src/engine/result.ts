/**
 * Domain errors as values. The engine never throws for bad input: it returns a DomainError that names
 * the argument and the rule broken, and each face (functions, wizard, templates) renders it in its own
 * way and language (see src/i18n).
 */

/** "type": wrong kind of value (Excel #VALUE!); "domain": a number outside its range (Excel #NUM!). */
export type ErrorKind = "type" | "domain";

export type Rule =
  | "notANumber"
  | "ambiguousThousands"
  | "wrongSeparators"
  | "percentNotAllowed"
  | "currencyInside"
  | "columnMissing"
  | "duplicateColumn"
  | "csvSyntax"
  | "noHeaderRow"
  | "needsWarrantyYears"
  | "required"
  | "missing"
  | "tecOrModes"
  | "nonNegative"
  | "positive"
  | "rateAboveMinus100"
  | "rateLooksLikePercent"
  | "fractionZeroToOne"
  | "atMost"
  | "unknownOption"
  | "sameShape"
  | "hoursPerDayAtMost24"
  | "tooManyCells"
  | "noWeightsForCombination"
  | "notBelowBest"
  | "ratioNeedsPositive"
  | "worstAboveBest"
  | "nothingToShare"
  | "resultNotFinite"
  // Framework parameter sets (src/model/parameterSet.ts).
  | "unknownParameter"
  | "notAParameterSet"
  | "newerFormat"
  | "fingerprintMismatch"
  | "residualCurveReplaced"
  // The criteria settings (src/model/criteria): detail is the problem's rule, argument its JSON path.
  | "criteriaInvalid";

export interface DomainError {
  readonly kind: ErrorKind;
  /** The argument (or field) name as the user sees it, e.g. "discountRate". */
  readonly argument: string;
  readonly rule: Rule;
  /** A limit or the list of valid options, for the message. */
  readonly detail?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (kind: ErrorKind, argument: string, rule: Rule, detail?: string): Result<never> => ({
  ok: false,
  error: detail === undefined ? { kind, argument, rule } : { kind, argument, rule, detail },
});

/** Turns a computed number into a result, refusing NaN and ±Infinity (e.g. overflow from 1e308 inputs). */
export function finite(value: number, argument = "result"): Result<number> {
  return Number.isFinite(value) ? ok(value) : fail("domain", argument, "resultNotFinite");
}
