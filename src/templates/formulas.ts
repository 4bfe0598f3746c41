/**
 * Formula pieces shared by the templates: the Excel counterparts of src/engine, written with classic
 * functions only (SUMPRODUCT, POWER, INT, IF, INDEX, MATCH) so LibreOffice 7.4 and any Excel compute them
 * without the add-in. Each builder names the engine function it mirrors.
 */
import { ESCALATION_SHIFT, RESIDUAL_CURVES, TIMING_SHIFT } from "../engine";
import { HELPER_NAMES, type Refs } from "./names";
import type { Formula } from "./plan";

export const formula = (text: string): Formula => ({ formula: text });

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

/** engine residualValue share for the laptop / tablet curves (RESIDUAL_CURVES), chosen by code. */
export function residualShare(curveRef: string, age: string): string {
  const one = (c: (typeof RESIDUAL_CURVES)[keyof typeof RESIDUAL_CURVES]) =>
    `IF(${age}<=${num(c.atYears)},POWER(${num(c.share)},${age}/${num(c.atYears)}),IF(${age}<=${num(c.zeroAfter)},${num(c.share)}*POWER(${num(c.yearlyFactor)},${age}-${num(c.atYears)}),0))`;
  const [first, ...others] = Object.entries(RESIDUAL_CURVES);
  return others.reduceRight((rest, [code, c]) => `IF(${curveRef}=${str(code)},${one(c)},${rest})`, one(first[1]));
}
