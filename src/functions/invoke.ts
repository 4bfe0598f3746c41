/**
 * The safety net around every GPP function body: bad arguments and domain errors become Excel errors,
 * NaN or ±Infinity become #NUM!, and even a bug becomes an error with a message, so nothing throws into
 * Excel and no meaningless number reaches a cell.
 */
import { type DomainError, type Result, finite } from "../engine";
import { ArgumentProblem } from "./coerce";
import { type ExcelError, toExcelError, unexpectedError } from "./errors";

type Outcome = Result<number> | number;

function settle(outcome: Outcome): Result<number> {
  if (typeof outcome === "number") return finite(outcome);
  return outcome.ok ? finite(outcome.value) : outcome;
}

function firstNotFinite(values: readonly number[]): DomainError | undefined {
  for (const v of values) {
    const c = finite(v);
    if (!c.ok) return c.error;
  }
  return undefined;
}

function failure(id: string, e: unknown): ExcelError {
  return e instanceof ArgumentProblem ? toExcelError(e.problem) : unexpectedError(id, e);
}

/** One number, or an Excel error. */
export function scalar(id: string, compute: () => Outcome): number | ExcelError {
  try {
    const r = settle(compute());
    return r.ok ? r.value : toExcelError(r.error);
  } catch (e) {
    return failure(id, e);
  }
}

/**
 * A row of numbers. On failure every cell carries the error, so the row keeps its width and a cell that
 * refers to, say, the total column shows the error instead of an empty spill cell read as 0.
 */
export function row(id: string, width: number, compute: () => Result<readonly number[]>): (number | ExcelError)[][] {
  let error: ExcelError;
  try {
    const r = compute();
    if (r.ok) {
      const bad = firstNotFinite(r.value);
      if (!bad) return [[...r.value]];
      error = toExcelError(bad);
    } else {
      error = toExcelError(r.error);
    }
  } catch (e) {
    error = failure(id, e);
  }
  return [Array.from({ length: width }, () => error)];
}
