/**
 * Everything the steps show, computed from the entries in one pass (memoised by the App). The comparison
 * itself (LCC and ranking of every offer) is computed when a step first reads `result` (Results), not on
 * each keystroke in the Offers step.
 */
import type { DomainError, Result } from "../../engine/result";
import { type Bid } from "../../model/bid";
import { type CircularInputs, type ScenarioResult, evaluateScenarios } from "../../model/circular";
import { type ComparisonResult, evaluateComparison } from "../../model/evaluate";
import { frameworkSuppliers } from "../../model/parameterSet";
import { type Parameters } from "../../model/parameters";
import type { Entries } from "../../model/entries";
import { type Checked, bidFromEntries, circularFromEntries, parametersFromEntries } from "../../model/entries";
import { type ComparisonKind, kindOf } from "../../model/bid";
import { stripBidiControls } from "../../model/displayText";
import type { I18n } from "./i18n";
import type { Offer, WizardState } from "./state";

export interface OfferCheck {
  readonly offer: Offer;
  /** 0-based position in the list; shown as "Offer n + 1". */
  readonly index: number;
  readonly bid?: Bid;
  readonly errors: Readonly<Record<string, DomainError>>;
}

export interface Evaluation {
  readonly parameters: Checked<Parameters>;
  readonly parametersOk: boolean;
  readonly offers: readonly OfferCheck[];
  /** The offers that are complete and correct, in list order: the ones compared. */
  readonly compared: readonly (OfferCheck & { readonly bid: Bid })[];
  /** Computed on first read, then kept with this evaluation. */
  readonly result?: Result<ComparisonResult>;
  readonly circular: Checked<CircularInputs>;
  readonly scenarios?: readonly ScenarioResult[];
}

/** Parameters that the current product group does not show cannot block it. */
const relevantErrors = (errors: Readonly<Record<string, DomainError>>, scoringMethod: string): string[] =>
  Object.keys(errors).filter((k) => scoringMethod === "range" || (k !== "rangeBestValue" && k !== "rangeWorstValue"));

/**
 * Each offer's check, kept for as long as its entries object lives: the reducer replaces only the offer
 * being edited, so a keystroke re-checks one offer, not all 10 000. (The row number only numbers errors
 * in lists, which bidFromEntries drops, so the result does not depend on the offer's position.)
 */
const checkedOffers: Record<ComparisonKind, WeakMap<Entries, ReturnType<typeof bidFromEntries>>> = {
  computers: new WeakMap(),
  imaging: new WeakMap(),
};

function checkOffer(entries: Entries, kind: ComparisonKind): ReturnType<typeof bidFromEntries> {
  let checked = checkedOffers[kind].get(entries);
  if (!checked) checkedOffers[kind].set(entries, (checked = bidFromEntries(entries, kind)));
  return checked;
}

/**
 * Checks already computed by bidFromEntries elsewhere (the CSV worker) for these entries objects, so that
 * 10 000 imported offers are not checked a second time on the UI thread.
 */
export function rememberChecks(
  kind: ComparisonKind,
  offers: readonly Entries[],
  checks: readonly ReturnType<typeof bidFromEntries>[],
): void {
  offers.forEach((entries, i) => checkedOffers[kind].set(entries, checks[i]));
}

export function evaluate(s: WizardState): Evaluation {
  const kind = kindOf(s.group);
  const parameters = parametersFromEntries(s.parameters);
  const parametersOk = relevantErrors(parameters.errors, parameters.value.scoringMethod).length === 0;
  const offers = s.offers.map((offer, index) => ({ offer, index, ...checkOffer(offer.entries, kind) }));
  const compared = offers.filter((o): o is OfferCheck & { bid: Bid } => o.bid !== undefined);
  const circular = circularFromEntries(s.circular);
  const circularOk = Object.keys(circular.errors).length === 0;
  let result: { value?: Result<ComparisonResult> } | undefined;
  return {
    parameters,
    parametersOk,
    offers,
    compared,
    get result() {
      result ??= {
        value:
          parametersOk && compared.length
            ? evaluateComparison(
                parameters.value,
                compared.map((o) => o.bid),
                kind,
                s.miniCompetition && s.framework?.offers ? { suppliers: frameworkSuppliers(s.framework) } : {},
              )
            : undefined,
      };
      return result.value;
    },
    circular,
    scenarios: s.group === "circular" && parametersOk && circularOk ? evaluateScenarios(parameters.value, circular.value) : undefined,
  };
}

/** "Notebook B (Supplier B)", or "Offer 3" while both are blank; bidi controls stripped so no name shows reversed. */
export function offerName(entries: Entries, index: number, t: I18n["t"]): string {
  const product = stripBidiControls(entries.product ?? "").trim();
  const supplier = stripBidiControls(entries.supplier ?? "").trim();
  if (product && supplier) return `${product} (${supplier})`;
  return product || supplier || t("offer.unnamed", { n: index + 1 });
}
