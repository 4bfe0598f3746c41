/**
 * Numbers as the user types them (entries are text as typed: a wrong entry survives a reload and is
 * flagged again rather than lost). Workbook cells to and from entries are in workbookCells.ts.
 */
import type { Language } from "../i18n/core";
import type { Parameters } from "../model/parameters";

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
