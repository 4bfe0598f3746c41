/**
 * Untrusted input (CSV cells, form fields, worksheet values) into typed values, with field-level reasons.
 * Numbers may use a decimal comma and thousands separators ("1.234,56", "1 234.56") and a percent sign
 * ("4 %" → 0.04); currency signs are ignored.
 */
import { LIMITS, firstError, fraction, isNumber, nonNegative, positive, rate, atMost, type Check } from "../engine/checks";
import type { DomainError } from "../engine/result";
import { type Bid, type BidField, type ComparisonKind, bidFields } from "./bid";
import type { Parameters } from "./parameters";

export interface FieldError {
  /** Row number (1-based, in the source) for bids; undefined for parameters. */
  readonly row?: number;
  readonly field: string;
  readonly error: DomainError;
}

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Parses a number as a European or English spreadsheet user would type it; NaN when it is not one. */
export function parseNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return NaN;
  let s = value.trim().replace(/[€$£\s\u00a0\u202f]/g, "").replace(/EUR$/i, "");
  const percent = s.endsWith("%");
  if (percent) s = s.slice(0, -1);
  const comma = s.lastIndexOf(",");
  const dot = s.lastIndexOf(".");
  // The later of comma and dot is the decimal separator; the other one groups thousands.
  if (comma > dot) s = s.replace(/\./g, "").replace(",", ".");
  else s = s.replace(/,/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return NaN;
  const n = Number(s);
  return percent ? n / 100 : n;
}

/** Text that a spreadsheet would run as a formula (=, +, -, @) is kept as literal text (formula injection). */
export const isFormulaLike = (text: string): boolean => /^[=+\-@\t\r]/.test(text);

const RULES_BY_UNIT: Record<string, Check[]> = {
  units: [isNumber, positive, atMost(LIMITS.quantity)],
  W: [isNumber, nonNegative, atMost(LIMITS.powerW)],
  "h/day": [isNumber, nonNegative, atMost(24)],
  years: [isNumber, positive, atMost(LIMITS.years)],
  "kWh/yr": [isNumber, nonNegative, atMost(LIMITS.kWh)],
  "kWh/week": [isNumber, nonNegative, atMost(LIMITS.kWh)],
  kgCO2e: [isNumber, nonNegative, atMost(LIMITS.kgCO2e)],
};
const AMOUNT: Check[] = [isNumber, nonNegative, atMost(LIMITS.amountEUR)];

function parseField(f: BidField, raw: unknown): { value: unknown; error?: DomainError } {
  if (blank(raw)) {
    if (f.required && !f.nullable) return { value: null, error: { kind: "type", argument: f.key, rule: "missing" } };
    return { value: f.nullable ? null : (f.defaultValue ?? (f.kind === "number" ? 0 : "")) };
  }
  if (f.kind === "text") return { value: String(raw).trim() };
  if (f.kind === "enum") {
    const found = f.options?.find((o) => o.toLowerCase() === String(raw).trim().toLowerCase());
    return found ? { value: found } : { value: raw, error: { kind: "type", argument: f.key, rule: "unknownOption", detail: (f.options ?? []).join(", ") } };
  }
  const n = parseNumber(raw);
  const error = firstError([f.key, n, RULES_BY_UNIT[f.unit ?? ""] ?? AMOUNT]);
  return { value: n, error };
}

/**
 * One record (keys = Bid field names) into a Bid, or the reasons it cannot be one. Cross-field rules:
 * computers need a TEC or mode powers; on + sleep hours fit in a day.
 */
export function parseBid(record: Readonly<Record<string, unknown>>, kind: ComparisonKind, row?: number): { bid?: Bid; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const out: Record<string, unknown> = {};
  for (const f of bidFields(kind)) {
    const { value, error } = parseField(f, record[f.key]);
    out[f.key] = value;
    if (error) errors.push({ row, field: f.key, error });
  }
  if (kind === "computers" && errors.length === 0) {
    if (out.tecKWhPerYear === null && out.onW === null && out.sleepW === null && out.offW === null) {
      errors.push({ row, field: "tecKWhPerYear", error: { kind: "type", argument: "tecKWhPerYear", rule: "tecOrModes" } });
    }
    const hours = ((out.onHoursPerDay as number | null) ?? 0) + ((out.sleepHoursPerDay as number | null) ?? 0);
    if (hours > 24) errors.push({ row, field: "sleepHoursPerDay", error: { kind: "domain", argument: "onHoursPerDay + sleepHoursPerDay", rule: "hoursPerDayAtMost24", detail: String(hours) } });
  }
  if (errors.length) return { errors };
  // Fields of the other template keep neutral values so every Bid has every key.
  const neutral = { tecKWhPerYear: null, onW: null, onHoursPerDay: null, sleepW: null, sleepHoursPerDay: null, offW: null, tecKWhPerWeek: null, monoCostPerPage: 0, colourCostPerPage: 0, serviceContractPerYear: 0 };
  return { bid: { ...neutral, ...out } as unknown as Bid, errors };
}

type ParameterRule = readonly [keyof Parameters, readonly Check[]];
const PARAMETER_RULES: readonly ParameterRule[] = [
  ["discountRate", [isNumber, rate]],
  ["evaluationYears", [isNumber, positive, atMost(LIMITS.years)]],
  ["electricityPricePerKWh", [isNumber, nonNegative, atMost(100)]],
  ["energyEscalation", [isNumber, rate]],
  ["maintenanceEscalation", [isNumber, rate]],
  ["emissionFactorKgPerKWh", [isNumber, nonNegative, atMost(100)]],
  ["co2PricePerTonne", [isNumber, nonNegative, atMost(LIMITS.amountEUR)]],
  ["co2Escalation", [isNumber, rate]],
  ["pricePoints", [isNumber, nonNegative, atMost(1000)]],
  ["qualityPoints", [isNumber, nonNegative, atMost(1000)]],
  ["rangeBestValue", [isNumber, nonNegative, atMost(LIMITS.amountEUR)]],
  ["rangeWorstValue", [isNumber, nonNegative, atMost(LIMITS.amountEUR)]],
  ["useDaysPerYear", [isNumber, nonNegative, atMost(365)]],
  ["monoPagesPerYear", [isNumber, nonNegative, atMost(1e9)]],
  ["colourPagesPerYear", [isNumber, nonNegative, atMost(1e9)]],
  ["paperCostPerPage", [isNumber, nonNegative, atMost(100)]],
  ["duplexShare", [isNumber, fraction]],
];

/** Every numeric parameter against its rule: the wizard shows these inline, next to the field. */
export function validateParameters(p: Parameters): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, checks] of PARAMETER_RULES) {
    const error = firstError([key, p[key] as number, checks]);
    if (error) errors.push({ field: key, error });
  }
  if (p.scoringMethod === "range" && p.rangeWorstValue > 0 && p.rangeWorstValue <= p.rangeBestValue) {
    errors.push({ field: "rangeWorstValue", error: { kind: "domain", argument: "rangeWorstValue", rule: "worstAboveBest" } });
  }
  return errors;
}
