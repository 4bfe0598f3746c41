/**
 * Argument coercion: what Excel passes (number, text, boolean, null for an omitted or empty argument,
 * a matrix for a range, a data-type object) becomes a number or an option, or the first bad argument
 * stops the call with a DomainError that names it. Parameters are typed `any` in the metadata on purpose:
 * with `number`, Excel would turn an empty cell into 0 (a silently wrong price) and reject text without
 * saying which argument was wrong.
 */
import { type DomainError, oneOf } from "../engine";

/** Thrown by a coercion and caught by the wrapper of the one function call (see invoke.ts). */
export class ArgumentProblem extends Error {
  constructor(readonly problem: DomainError) {
    super(`${problem.argument}: ${problem.rule}`);
  }
}

function stop(kind: DomainError["kind"], argument: string, rule: DomainError["rule"], detail?: string): never {
  throw new ArgumentProblem(detail === undefined ? { kind, argument, rule } : { kind, argument, rule, detail });
}

/** An empty cell arrives as null (or ""), an omitted optional argument as null or undefined. */
export const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A single cell selected as a range (1 x 1) is that cell; a data type (formatted number) is its basic value. */
function single(v: unknown): unknown {
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) v = v[0][0];
  if (typeof v === "object" && v !== null && !Array.isArray(v) && "basicValue" in v) return (v as { basicValue: unknown }).basicValue;
  return v;
}

/**
 * A finite number, or "must be a number" (#VALUE!). Text is refused even when it looks numeric ("4" as
 * text from an import): reading it would hide a formatting problem the procurer should see.
 */
function toNumber(name: string, v: unknown): number {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return stop("type", name, "notANumber");
}

/** "name is empty" (#VALUE!), e.g. for a range with no value in it. */
export function missing(id: string, name: string): never {
  return stop("type", name, "missing", `GPP.${id}`);
}

/** "name has more than limit filled cells" (#VALUE!). */
export function tooManyCells(name: string, limit: number): never {
  return stop("type", name, "tooManyCells", String(limit));
}

/** A required number; an empty argument is "name is empty" (#VALUE!). */
export function requiredNumber(id: string, name: string, value: unknown): number {
  const v = single(value);
  if (isBlank(v)) missing(id, name);
  return toNumber(name, v);
}

/** An optional number: omitted or empty → the documented default. */
export function optionalNumber(name: string, value: unknown, fallback: number): number {
  const v = single(value);
  return isBlank(v) ? fallback : toNumber(name, v);
}

/** An optional number without a default (the engine decides whether it is needed). */
export function numberOrUndefined(name: string, value: unknown): number | undefined {
  const v = single(value);
  return isBlank(v) ? undefined : toNumber(name, v);
}

/** A case-insensitive text option; anything else lists the valid ones (#VALUE!). */
export function option<T extends string>(name: string, value: unknown, options: readonly T[], fallback: T): T {
  const v = single(value);
  if (isBlank(v)) return fallback;
  if (typeof v !== "string") stop("type", name, "unknownOption", options.join(", "));
  const r = oneOf(name, v, options);
  if (!r.ok) throw new ArgumentProblem(r.error);
  return r.value;
}

/** A cell of a range: blank (null or "") becomes null, a data type its basic value. */
function cellValue(c: unknown): unknown {
  const v = single(c);
  return isBlank(v) ? null : v;
}

/** Rows x columns of a range argument; a single value counts as 1 x 1. Cells stay raw (blank = null). */
export function cells(name: string, value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[cellValue(value)]];
  const rows = value.every(Array.isArray) ? (value as unknown[][]) : [value];
  const width = rows[0]?.length ?? 0;
  if (width === 0 || rows.some((r) => r.length !== width)) stop("type", name, "notANumber");
  return rows.map((r) => r.map(cellValue));
}

/**
 * Pairs the cells of two ranges in reading order. They must have the same rows x columns, except that a
 * row and a column of the same length pair naturally (one cell per mode either way); otherwise #VALUE!
 * naming the second range.
 */
export function pairCells(firstName: string, first: unknown[][], secondName: string, second: unknown[][]): [unknown, unknown][] {
  const a = first.flat();
  const b = second.flat();
  const isVector = (m: unknown[][]) => m.length === 1 || m[0].length === 1;
  const sameRowsAndColumns = first.length === second.length && first[0].length === second[0].length;
  if (a.length !== b.length || !(sameRowsAndColumns || (isVector(first) && isVector(second))))
    stop("type", secondName, "sameShape", firstName);
  return a.map((cell, i) => [cell, b[i]]);
}

/** Reads a cell of a range as a number (the argument name is the range's). */
export const cellNumber = (name: string, v: unknown): number => toNumber(name, v);
