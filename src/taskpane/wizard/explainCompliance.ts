/**
 * LCC-METHOD §12.4 in words: why an offer is not ranked, naming the requirement and the offer's answer
 * ("Not ranked: warranty of 3 years where 5 are required"), and the sentence the award explanation adds
 * for such offers. Kept apart from explain.ts, which words the ranked offers.
 */
import { reasonText } from "../../model/criteria/text";
import type { BidReason, BidResult } from "../../model/evaluate";
import type { I18n } from "./i18n";

/**
 * "warranty of 3 years where 5 are required; Refurbishment quality: no answer" (a criterion in the criteria's
 * words); "not a framework supplier (Supplier X)" for an outsider's offer in a mini-competition.
 */
export function reasonsText(i18n: Pick<I18n, "t" | "plural" | "short" | "lang">, reasons: readonly BidReason[]): string {
  return reasons
    .map((r) =>
      r.requirement === "frameworkSupplier"
        ? i18n.t("compliance.reason.frameworkSupplier", { supplier: r.supplier })
        : r.requirement === "criterion"
          ? reasonText(i18n.lang, r)
          : i18n.plural(`compliance.reason.${r.requirement}`, r.answer, { n: i18n.short(r.answer), required: i18n.short(r.required) }),
    )
    .join("; ");
}

/** "Not ranked: …", as the Results step shows it beside the offer. */
export const notRankedText = (i18n: Pick<I18n, "t" | "plural" | "short" | "lang">, result: BidResult): string =>
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
