/**
 * The plain-language explanation of why the winner wins, ready to paste into an award report: the method,
 * the winner and its margin, then where the winner gains and loses against the runner-up, cost by cost.
 */
import type { BidResult, ComparisonResult } from "../../model/evaluate";
import type { Parameters } from "../../model/parameters";
import type { RankBy } from "../../model/uncertainty";
import type { I18n } from "./i18n";

export interface RankedOffer {
  readonly name: string;
  readonly result: BidResult;
}

/** Cost groups compared between winner and runner-up; end of life is net of the residual value. */
const GROUPS = {
  acquisition: (r: BidResult) => r.breakdown.acquisitionCost,
  energy: (r: BidResult) => r.breakdown.energyCost,
  maintenance: (r: BidResult) => r.breakdown.maintenanceCost + r.breakdown.consumablesCost + r.breakdown.oneOffCost,
  endOfLife: (r: BidResult) => r.breakdown.endOfLifeCost + r.breakdown.residualValue,
  externalities: (r: BidResult) => r.externalCo2Cost,
} as const;

/** Differences below half a cent are rounding, not a reason. */
const NOISE = 0.005;

/** Offers sorted best first under the chosen ranking. */
export function ranked(names: readonly string[], result: ComparisonResult, rankBy: RankBy): RankedOffer[] {
  const list = result.bids.map((r, i) => ({ name: names[i], result: r }));
  const key = (o: RankedOffer) => (rankBy === "meat" ? o.result.meatRank : o.result.rank);
  return list.sort((a, b) => key(a) - key(b));
}

export function explainWinner(i18n: I18n, p: Parameters, order: readonly RankedOffer[], comparesEac: boolean, rankBy: RankBy, firstShare?: number): string {
  const { t, money, number, percent } = i18n;
  const list = (items: string[]) => new Intl.ListFormat(i18n.locale, { type: "conjunction" }).format(items);
  const [winner, runnerUp] = order;
  const out: string[] = [];
  // With different service lives each offer is costed over its own life, not the evaluation period.
  out.push(t(comparesEac ? "explain.methodOwnLives" : "explain.method", { years: i18n.short(p.evaluationYears), rate: percent(p.discountRate, 1) }));
  if (p.includeExternalities) out.push(t("explain.externalities", { price: money(p.co2PricePerTonne) }));
  if (comparesEac) out.push(t("explain.eac"));
  if (!runnerUp) {
    out.push(t("explain.single", { winner: winner.name, value: money(winner.result.comparisonValue) }));
    return out.join(" ");
  }
  const w = winner.result;
  const r = runnerUp.result;
  if (rankBy === "meat") {
    out.push(
      t("explain.winnerMeat", {
        winner: winner.name,
        total: number(w.meatScore),
        quality: number(w.qualityPoints),
        price: number(w.priceScore),
        runnerUp: runnerUp.name,
        margin: number(w.meatScore - r.meatScore),
      }),
    );
  } else {
    const margin = r.comparisonValue - w.comparisonValue;
    out.push(
      t(comparesEac ? "explain.winnerEac" : "explain.winnerLcc", {
        winner: winner.name,
        value: money(w.comparisonValue),
        runnerUp: runnerUp.name,
        margin: money(margin),
        share: percent(margin / r.comparisonValue, 1),
      }),
    );
  }
  // EAC compares money per year: put each cost group on the same yearly footing before comparing.
  const perYear = (x: BidResult) => (comparesEac && x.equivalentAnnualCost !== 0 ? x.equivalentAnnualCost / x.awardLcc : 1);
  const gains: string[] = [];
  const losses: string[] = [];
  for (const group of Object.keys(GROUPS) as (keyof typeof GROUPS)[]) {
    const of = GROUPS[group];
    if (group === "externalities" && !p.includeExternalities) continue;
    const diff = of(w) * perYear(w) - of(r) * perYear(r);
    if (diff < -NOISE) gains.push(t(`explain.less.${group}`, { amount: money(-diff) }));
    if (diff > NOISE) losses.push(t(`explain.more.${group}`, { amount: money(diff) }));
  }
  const unit = comparesEac ? t("explain.perYear") : "";
  if (gains.length && losses.length) out.push(t("explain.offset", { winner: winner.name, losses: list(losses), gains: list(gains), runnerUp: runnerUp.name, unit }));
  else if (gains.length) out.push(t("explain.everyCount", { winner: winner.name, gains: list(gains), runnerUp: runnerUp.name, unit }));
  if (rankBy === "meat" && w.qualityPoints !== r.qualityPoints) {
    out.push(t("explain.quality", { winner: winner.name, quality: number(w.qualityPoints), other: number(r.qualityPoints), runnerUp: runnerUp.name }));
  }
  if (firstShare !== undefined) out.push(t("explain.monteCarlo", { winner: winner.name, share: percent(firstShare, 1) }));
  return out.join(" ");
}
