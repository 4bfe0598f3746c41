/**
 * LCC-METHOD §12.4 in words: why an offer is not ranked, naming the requirement and the offer's answer
 * ("Not ranked: Warranty: 3 years, the tender asks at least 5"), and the sentence the award explanation adds
 * for such offers. Kept apart from explain.ts, which words the ranked offers.
 */
import { reasonText } from "../../model/criteria/text";
import type { BidReason, BidResult } from "../../model/evaluate";
import type { I18n } from "./i18n";

/**
 * "Warranty: 3 years, the tender asks at least 5; Refurbishment quality: no answer" (the model's words, one
 * source with the workbook); "not a framework supplier (Supplier X)" for an outsider's offer in a mini-competition.
 */
export function reasonsText(i18n: Pick<I18n, "lang">, reasons: readonly BidReason[]): string {
  // §12.4's warranty and spare parts, the criteria and a mini-competition's outsider: the model's words, as the workbook's Reasons column has them.
  return reasons.map((r) => reasonText(i18n.lang, r)).join("; ");
}

/** "Not ranked: …", as the Results step shows it beside the offer. */
export const notRankedText = (i18n: Pick<I18n, "t" | "lang">, result: BidResult): string =>
  i18n.t("compliance.notRanked", { reasons: reasonsText(i18n, result.reasons) });

export interface UnrankedOffer {
  readonly name: string;
  readonly result: BidResult;
}

/** The award explanation's sentence on offers that fail a requirement; "" when every offer is ranked. */
export function explainNotRanked(i18n: Pick<I18n, "t" | "plural" | "short" | "locale" | "lang">, offers: readonly UnrankedOffer[]): string {
  if (!offers.length) return "";
  const items = offers.map((o) => i18n.t("explain.notRankedOffer", { name: o.name, reasons: reasonsText(i18n, o.result.reasons) }));
  const list = new Intl.ListFormat(i18n.locale, { type: "conjunction" }).format(items);
  return i18n.plural("explain.notRanked", offers.length, { list });
}
