/**
 * The safety net around every GPP function body: bad arguments and domain errors become Excel errors,
 * NaN or ±Infinity become #NUM!, and even a bug becomes an error with a message, so no raw exception
 * reaches Excel and no meaningless number reaches a cell. As Microsoft documents it ("Handle and return
 * errors from your custom function"): a single-value function throws its CustomFunctions.Error; an array
 * function returns the errors inside the array.
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

/** One number; otherwise throws the Excel error (CustomFunctions.Error in Excel) for the cell. */
export function scalar(id: string, compute: () => Outcome): number {
  let r: Result<number>;
  try {
    r = settle(compute());
  } catch (e) {
    throw failure(id, e);
  }
  if (r.ok) return r.value;
  throw toExcelError(r.error);
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
