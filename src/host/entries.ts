/**
 * Entries (text as typed) to and from the values a workbook or a file holds. Numbers are written as
 * numbers when they parse, otherwise as the text typed, so a wrong entry survives a reload and is flagged
 * again rather than lost.
 */
import type { Language } from "../i18n";
import { DEFAULT_PARAMETERS, type Parameters, parseNumber } from "../model";

/** Shown and typed as percentages ("4 %"), stored as fractions. */
export const PERCENT_KEYS: ReadonlySet<string> = new Set(["discountRate", "energyEscalation", "maintenanceEscalation", "co2Escalation", "duplexShare"]);

/** A number as a user of the UI language types it: decimal comma in nl and fr, no thousands separator. */
export function numberText(n: number, lang: Language): string {
  const text = String(Number(n.toPrecision(12)));
  return lang === "en" ? text : text.replace(".", ",");
}

export const percentText = (fraction: number, lang: Language): string => `${numberText(fraction * 100, lang)} %`;

/** A parameter value as the Parameters step shows it. */
export function parameterText(key: keyof Parameters, value: Parameters[keyof Parameters], lang: Language): string {
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  if (key === "electricityPricePerKWh" && value === 0) return ""; // no default: the procurer enters it
  return PERCENT_KEYS.has(key) ? percentText(value, lang) : numberText(value, lang);
}

/** A cell value as an entry; blanks stay blank. */
export function cellText(key: string, value: unknown, lang: Language): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return PERCENT_KEYS.has(key) ? percentText(value, lang) : numberText(value, lang);
  return String(value);
}

export type CellValue = string | number | boolean;

/**
 * An entry as a cell value: a number when it parses, otherwise literal text. Text carries Excel's
 * apostrophe prefix, as the template writer does, so "=…" from an imported file never becomes a formula
 * and "0012" never a number (Excel drops the apostrophe from the value).
 */
export function cellValue(text: string | undefined, numeric: boolean): CellValue {
  const s = (text ?? "").trim();
  if (s === "") return "";
  if (numeric) {
    const n = parseNumber(s);
    if (Number.isFinite(n)) return n;
  }
  return `'${s}`;
}

export const isNumericParameter = (key: string): boolean => typeof DEFAULT_PARAMETERS[key as keyof Parameters] === "number";
