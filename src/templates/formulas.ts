/**
 * Formula pieces shared by the templates: the Excel counterparts of src/engine, written with classic
 * functions only (SUMPRODUCT, POWER, INT, IF, INDEX, MATCH) so LibreOffice 7.4 and any Excel compute them
 * without the add-in. Each builder names the engine function it mirrors.
 */
import { ESCALATION_SHIFT, RESIDUAL_CURVES, TIMING_SHIFT, residualCurveFor } from "../engine";
import { COMPUTER_DEVICE_TYPES, IMAGING_DEVICE_TYPES } from "../model";
import { HELPER_NAMES, type Refs } from "./names";
import type { Formula } from "./plan";

/**
 * A formula cell. The text is flattened first (a regular expression's subject is): a formula built from
 * many template pieces is otherwise kept as a tree of them, ~7 times its length, and the Results rows of
 * 20 000 offers then held ~1 GB while the plan was built.
 */
const FLATTEN = /^/;
export const formula = (text: string): Formula => (FLATTEN.test(text), { formula: text });

/** A number as a formula literal; JavaScript's shortest round-trip form parses back to the same double. */
export const num = (n: number): string => String(n);

/** A text literal in a formula ("" doubles a quote). */
export const str = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * A translated sentence as a text formula: "{winner} ranks first…" → "" & (winner formula) & " ranks
 * first…". Numbers go in through FIXED, which writes them with the spreadsheet's own separators.
 */
export function sentence(template: string, parts: Readonly<Record<string, string>>): string {
  return template
    .split(/(\{\w+\})/)
    .filter(Boolean)
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      return name !== undefined && parts[name] !== undefined ? `(${parts[name]})` : str(piece);
    })
    .join("&");
}

/** IF(ref="a",1,IF(ref="b",2,NA())): a code → number table such as TIMING_SHIFT. */
export function lookup(ref: string, table: Readonly<Record<string, number>>): string {
  return Object.entries(table).reduceRight((rest, [code, value]) => `IF(${ref}=${str(code)},${num(value)},${rest})`, "NA()");
}

/** Helper-sheet cells: the timing and escalation shifts chosen on Parameters (engine/discounting). */
export const timingShiftFormula = (refs: Refs): string => lookup(refs.value("timing"), TIMING_SHIFT);
export const escalationShiftFormula = (refs: Refs): string => lookup(refs.value("escalationBase"), ESCALATION_SHIFT);

/**
 * The code of the word in `cell` for a coded field: looked up in the helper sheet's word table
 * ("rateType:Reëel" → "real"); a value the table lacks (the code itself, typed by hand) stays as it is.
 */
export const codeOf = (refs: Refs, field: string, cell: string): string =>
  `IFERROR(INDEX(${refs.name(HELPER_NAMES.codes)},MATCH(${str(`${field}:`)}&${cell},${refs.name(HELPER_NAMES.codeKeys)},0)),${cell}&"")`;

/**
 * engine pvFactor: Σ_{t=1..⌊N⌋} (1+g)^(t−e) (1+d)^(s−t) + (N−⌊N⌋)(1+g)^(⌊N⌋+1−e)(1+d)^(s−⌊N⌋−1), with the
 * timing shift s and escalation shift e. Whole years are a SUMPRODUCT over the fixed 1..100 helper column
 * (non-volatile; booleans multiply, so no array IF is needed in older Excel); the partial year is one term.
 * `escalation` null: no escalation (equivalent annual cost).
 */
export function pvFactor(refs: Pick<Refs, "name">, discount: string, escalation: string | null, years: string): string {
  const yearsCol = refs.name(HELPER_NAMES.years);
  const s = refs.name(HELPER_NAMES.timingShift);
  const e = refs.name(HELPER_NAMES.escalationShift);
  const esc = (t: string) => (escalation === null ? "" : `POWER(1+${escalation},${t}-${e})*`);
  const next = `(INT(${years})+1)`;
  const whole = `SUMPRODUCT((${yearsCol}<=${years})*${esc(yearsCol)}POWER(1+${discount},${s}-${yearsCol}))`;
  const partial = `(${years}-INT(${years}))*${esc(next)}POWER(1+${discount},${s}-${next})`;
  return `${whole}+${partial}`;
}

/** engine endOfPeriodFactor: residual value and end-of-life cost at t = N, whatever the timing. */
export const endOfPeriodFactor = (discount: string, years: string): string => `POWER(1+${discount},-${years})`;

/** engine residualValue share of one curve (RESIDUAL_CURVES) at `age`. */
export function curveShare(curve: keyof typeof RESIDUAL_CURVES, age: string): string {
  const c = RESIDUAL_CURVES[curve];
  return `IF(${age}<=${num(c.atYears)},POWER(${num(c.share)},${age}/${num(c.atYears)}),IF(${age}<=${num(c.zeroAfter)},${num(c.share)}*POWER(${num(c.yearlyFactor)},${age}-${num(c.atYears)}),0))`;
}

/**
 * engine defaultResidualValue as a share of the price (LCC-METHOD §12.6): under the rule "byDeviceType",
 * a new offer of a type with a sourced curve follows that curve (residualCurveFor), everything else gets 0.
 */
export function residualShareByType(rule: string, deviceType: string, condition: string, age: string): string {
  const types = [...new Set([...COMPUTER_DEVICE_TYPES, ...IMAGING_DEVICE_TYPES])];
  const byCurve = (Object.keys(RESIDUAL_CURVES) as (keyof typeof RESIDUAL_CURVES)[]).map((curve) => ({
    curve,
    types: types.filter((t) => residualCurveFor(t, false, "byDeviceType") === curve),
  }));
  const share = byCurve.reduceRight(
    (rest, { curve, types: ts }) =>
      ts.length ? `IF(OR(${ts.map((t) => `${deviceType}=${str(t)}`).join(",")}),${curveShare(curve, age)},${rest})` : rest,
    "0",
  );
  return `IF(AND(${rule}=${str("byDeviceType")},${condition}<>${str("refurbished")}),${share},0)`;
}

/** engine escalationFactor × discountFactor of a one-off cost paid in year `year` (battery, upgrades). */
export function oneOffFactor(refs: Pick<Refs, "name">, discount: string, escalation: string, year: string): string {
  const s = refs.name(HELPER_NAMES.timingShift);
  const e = refs.name(HELPER_NAMES.escalationShift);
  return `POWER(1+${escalation},${year}-${e})*POWER(1+${discount},${s}-${year})`;
}

/**
 * Cell text from a template sentence with {placeholders}: each placeholder becomes a formula piece
 * joined with &, so "warranty of {answer} years" reads "warranty of 3 years" in the cell.
 */
export function textWith(sentence: string, pieces: Readonly<Record<string, string>>): string {
  return sentence
    .split(/(\{\w+\})/)
    .filter((part) => part !== "")
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      return m && m[1] in pieces ? pieces[m[1]] : str(part);
    })
    .join("&");
}
