/**
 * The one place where text becomes a number (and a number becomes text). A number is read as a person of
 * the chosen number locale reads it; what could be read two ways is refused, never guessed:
 * - en "1,234.56", nl/fr "1.234,56" and "1 234,56" (space, no-break or narrow no-break space groups);
 * - without a chosen locale, "1.234" and "1,234" (one separator, then exactly three digits) are ambiguous;
 * - a currency sign or code only at the start or the end ("€ 1.234,56", "750 EUR"), never inside ("7€50");
 * - "%" only where a percentage may be ("4 %" → 0.04); money fields refuse it.
 */
import type { Language } from "../i18n/core";

/** How numbers are written: "en" 1,234.56; "nl" and "fr" 1.234,56 or 1 234,56. */
export type NumberLocale = Language;

export interface NumberOptions {
  /** Absent: only what reads the same in every locale is accepted. */
  readonly locale?: NumberLocale;
  /** "4 %" is 0.04 (the default); false for money and other fields, where "%" is refused. */
  readonly percent?: boolean;
}

/** Why a text is not a number; each has its message in errors.json. */
export type NumberProblem = "notANumber" | "ambiguousThousands" | "percentNotAllowed" | "currencyInside" | "wrongSeparators";

const SPACE = /[ \u00a0\u202f]/g;
const HAS_SPACE = /[ \u00a0\u202f]/;
const CURRENCY = /[€$£]|EUR/i;
const DECIMAL: Record<NumberLocale, string> = { en: ".", nl: ",", fr: "," };
/** A whole part grouped by thousands: 1 to 3 digits, then groups of exactly 3. */
const grouped = (whole: string, sep: string): boolean => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(whole);

/** The digits of an unsigned number without currency or percent, as JS reads them ("1234.56"), or the problem. */
function plain(body: string, locale: NumberLocale | undefined): string | NumberProblem {
  if (/^\d+([.,]\d+)?e[-+]?\d+$/i.test(body)) return body.replace(",", ".");
  if (!/^[\d., \u00a0\u202f]+$/.test(body) || !/\d/.test(body)) return "notANumber";
  if (HAS_SPACE.test(body)) {
    // Spaces group thousands; then one separator at most, which is the decimal one.
    const [, whole, dec] = /^([\d \u00a0\u202f]+?)(?:[.,](\d+))?$/.exec(body) ?? [];
    if (!whole || !grouped(whole.replace(SPACE, " "), " ")) return "notANumber";
    return `${whole.replace(SPACE, "")}${dec ? `.${dec}` : ""}`;
  }
  const dots = body.split(".").length - 1;
  const commas = body.split(",").length - 1;
  if (dots && commas) {
    // The later one is the decimal separator, written once; the other groups thousands.
    const decimal = body.lastIndexOf(".") > body.lastIndexOf(",") ? "." : ",";
    const group = decimal === "." ? "," : ".";
    if (locale && DECIMAL[locale] !== decimal) return "wrongSeparators";
    const [whole, dec, more] = body.split(decimal);
    if (more !== undefined || !grouped(whole, group) || !/^\d+$/.test(dec)) return "notANumber";
    return `${whole.split(group).join("")}.${dec}`;
  }
  const sep = dots ? "." : commas ? "," : "";
  if (!sep) return body;
  const [whole, dec] = body.split(sep);
  if (dots + commas > 1) {
    if (!grouped(body, sep)) return "notANumber";
    return locale && DECIMAL[locale] === sep ? "wrongSeparators" : body.split(sep).join("");
  }
  // One separator: thousands only if it could group (1-3 digits, not 0, then exactly 3).
  const couldGroup = /^[1-9]\d{0,2}$/.test(whole) && /^\d{3}$/.test(dec);
  if (!couldGroup) return /^\d*$/.test(whole) && /^\d+$/.test(dec) ? `${whole || "0"}.${dec}` : "notANumber";
  if (!locale) return "ambiguousThousands";
  return DECIMAL[locale] === sep ? `${whole}.${dec}` : `${whole}${dec}`;
}

/** Text as a number in the chosen locale, or why it is not one. Numbers (a workbook cell) pass through. */
export function readNumber(value: unknown, options: NumberOptions = {}): number | NumberProblem {
  if (typeof value === "number") return Number.isFinite(value) ? value : "notANumber";
  if (typeof value !== "string") return "notANumber";
  let s = value.trim().replace(/\u2212/g, "-");
  const percent = s.endsWith("%");
  if (percent) {
    if (options.percent === false) return "percentNotAllowed";
    s = s.slice(0, -1).trim();
  }
  // Sign and currency in either order at the start, or currency at the end.
  const [, sign1 = "", cur1 = "", sign2 = "", rest = ""] = /^([-+]?)\s*((?:[€$£]|EUR)?)\s*([-+]?)\s*(.*)$/i.exec(s) ?? [];
  if (sign1 && sign2) return "notANumber";
  let body = rest;
  const end = /\s*(?:[€$£]|EUR)$/i.exec(body);
  if (end) {
    if (cur1) return "currencyInside";
    body = body.slice(0, end.index);
  }
  if (CURRENCY.test(body)) return "currencyInside";
  const digits = plain(body, options.locale);
  if (!/^\d/.test(digits)) return digits as NumberProblem;
  const n = Number(`${sign1 || sign2}${digits}`);
  if (!Number.isFinite(n)) return "notANumber";
  return percent ? n / 100 : n;
}

/** Text as a number in the chosen locale; NaN when it is not one or could be read two ways. */
export function parseNumber(value: unknown, options: NumberOptions = {}): number {
  const n = readNumber(value, options);
  return typeof n === "number" ? n : NaN;
}

/**
 * A number as a user of the UI language types it: decimal comma in nl and fr, no thousands separator.
 * A fraction of exactly three digits gets a fourth ("1.2340") so it can never be read as thousands.
 */
export function numberText(n: number, lang: Language): string {
  let text = String(Number(n.toPrecision(12)));
  if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(text)) text += "0";
  return lang === "en" ? text : text.replace(".", ",");
}
