/** Calls GPP functions the way Excel does and reads what comes back: a number, a row, or an error. */
import { type GppId, callAsExcel } from "../../src/functions/functions";

export interface ErrorOut {
  readonly code: string;
  readonly message?: string;
}

export const isError = (v: unknown): v is ErrorOut => typeof v === "object" && v !== null && !Array.isArray(v) && "code" in v;

/** The number a scalar function returned; fails the test with the error message otherwise. */
export function num(id: GppId, args: readonly unknown[]): number {
  const r = callAsExcel(id, args);
  if (typeof r !== "number") throw new Error(`GPP.${id}(${JSON.stringify(args)}) gave ${JSON.stringify(r)}`);
  return r;
}

/** The error a function returned (for a row: the error every cell carries). */
export function err(id: GppId, args: readonly unknown[]): ErrorOut {
  const r = callAsExcel(id, args);
  const cells = Array.isArray(r) ? (r as unknown[][]).flat() : [r];
  const first = cells[0];
  if (!isError(first) || !cells.every((c) => c === first))
    throw new Error(`GPP.${id}(${JSON.stringify(args)}) gave ${JSON.stringify(r)}, not an error`);
  return first;
}

/** What a call gave, as a string a table-driven test can compare: "#VALUE!", "#NUM!" or "number". */
export function outcome(id: GppId, args: readonly unknown[]): string {
  const r = callAsExcel(id, args);
  const cells = Array.isArray(r) ? (r as unknown[][]).flat() : [r];
  if (cells.every((c) => typeof c === "number" && Number.isFinite(c))) return "number";
  if (cells.every((c) => isError(c) && c === cells[0])) return (cells[0] as ErrorOut).code;
  return `unexpected: ${JSON.stringify(r)}`;
}

/** What a call threw: a single-value function throws its CustomFunctions.Error, as Microsoft documents. */
export function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  throw new Error("the call returned instead of throwing");
}
