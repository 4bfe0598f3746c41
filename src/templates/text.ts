/** Template wording (src/i18n/<lang>/templates.json), units and the number format of each unit. */
import { type Language, type TemplateKey, type Values, translate } from "../i18n";
import type { FieldUnit, Source } from "../model";

/** Typed by the English table: a key it lacks fails the type check. */
export const t = (lang: Language, key: TemplateKey, values?: Values): string => translate(lang, "templates", key, values);

/** A key built from data the compiler cannot follow (a column's key held as a string); test/templates/plan.test.ts sees every sheet's text. */
export const tBuilt = (lang: Language, key: string, values?: Values): string => translate(lang, "templates", key, values);

/** The citation of a default or preset in the workbook's language. */
export const sourceText = (lang: Language, source: Source): string => translate(lang, "sources", source.key);

export type UnitKey =
  | "currency"
  | "currencyPerYear"
  | "currencyPerPage"
  | "currencyPerKWh"
  | "currencyPerTonne"
  | "kWhPerYear"
  | "kWhPerWeek"
  | "watt"
  | "hoursPerDay"
  | "kg"
  | "kgPerYear"
  | "kgPerKWh"
  | "years"
  | "points"
  | "units"
  | "share"
  | "days"
  | "pagesPerYear"
  | "factor"
  | "rank"
  | "text";

/** Units stay in headers and the Unit column; formats only set decimals, so numbers read the same in every locale. */
export const NUMBER_FORMATS: Record<UnitKey, string> = {
  currency: "#,##0.00",
  currencyPerYear: "#,##0.00",
  currencyPerPage: "0.0000",
  currencyPerKWh: "0.0000",
  currencyPerTonne: "#,##0.00",
  kWhPerYear: "#,##0.00",
  kWhPerWeek: "0.000",
  watt: "0.00",
  hoursPerDay: "0.0",
  kg: "#,##0.00",
  kgPerYear: "#,##0.00",
  kgPerKWh: "0.000",
  years: "0.0#",
  points: "0.00",
  units: "#,##0",
  share: "0.00%",
  days: "0",
  pagesPerYear: "#,##0",
  factor: "0.000000",
  rank: "0",
  text: "General",
};

export const FIELD_UNITS: Record<FieldUnit, UnitKey> = {
  EUR: "currency",
  "EUR/yr": "currencyPerYear",
  "EUR/page": "currencyPerPage",
  "EUR/kWh": "currencyPerKWh",
  "EUR/t": "currencyPerTonne",
  "kWh/yr": "kWhPerYear",
  "kWh/week": "kWhPerWeek",
  W: "watt",
  "h/day": "hoursPerDay",
  kgCO2e: "kg",
  "kgCO2e/kWh": "kgPerKWh",
  years: "years",
  days: "days",
  "pages/yr": "pagesPerYear",
  points: "points",
  units: "units",
};

export const unitLabel = (lang: Language, unit: UnitKey, currency: string): string => t(lang, `unit.${unit}`, { cur: currency });

/** "Price (EUR)"; a unit-less column keeps its bare label. */
export function headerWithUnit(label: string, unit: string): string {
  return unit ? `${label} (${unit})` : label;
}
