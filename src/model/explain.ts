/**
 * The plain-language explanation of a ranking, ready to paste into an award report. Pure: built only from
 * the comparison's own figures and the parameters, worded through the wizard's "explain.*" texts, so the
 * pane and (later) the templates say the same sentence. What it says follows what decided the ranking:
 * the cost (life-cycle cost, or equivalent annual cost when service lives differ), or the MEAT total
 * (cost points plus quality points), with or without the external cost of CO2; then every offer ranked with
 * its key figure, where the winner gains and loses against the runner-up, and the assumptions.
 */
import type enWizard from "../i18n/en/wizard.json";
import type { Language, Values } from "../i18n/core";
import { criterionName } from "./criteria/text";
import type { BidResult, ComparisonResult } from "./evaluate";
import { COUNTRY_PRESETS, type Parameters } from "./parameters";
import type { RankBy } from "./uncertainty";

/** A key of the wizard's table that the explanation uses. */
export type ExplainKey = Extract<keyof typeof enWizard, `explain.${string}`>;

/** What the explanation needs of a language: its texts and how it writes numbers (the wizard's I18n has all of it). */
export interface ExplainWording {
  readonly locale: string;
  /** The language, for the criteria's names. */
  readonly lang: Language;
  t(key: ExplainKey, values?: Values): string;
  /** Money with two decimals and the currency sign. */
  money(n: number): string;
  number(n: number, decimals?: number): string;
  /** Up to one decimal: years. */
  short(n: number): string;
  percent(fraction: number, decimals?: number): string;
  /** Where a default comes from (sources.json). */
  source(key: string): string;
}

export interface RankedOffer {
  readonly name: string;
  readonly result: BidResult;
}

/**
 * The cost lines the explanation can cite, each as a part of the breakdown and its words ("explain.item.*").
 * A new line of the breakdown is one entry here and one label in en, nl and fr. End of life is net of the
 * residual value (a revenue, negative in the breakdown); together the lines add up to the award LCC.
 */
export const COST_GROUPS: readonly {
  readonly key: string;
  readonly label: ExplainKey;
  readonly of: (r: BidResult, p: Parameters) => number;
}[] = [
  { key: "acquisition", label: "explain.item.acquisition", of: (r) => r.breakdown.acquisitionCost },
  { key: "warrantyExtension", label: "explain.item.warrantyExtension", of: (r) => r.breakdown.warrantyExtensionCost },
  { key: "energy", label: "explain.item.energy", of: (r) => r.breakdown.energyCost },
  { key: "maintenance", label: "explain.item.maintenance", of: (r) => r.breakdown.maintenanceCost + r.breakdown.consumablesCost },
  { key: "repairs", label: "explain.item.repairs", of: (r) => r.breakdown.repairCost },
  { key: "oneOff", label: "explain.item.oneOff", of: (r) => r.breakdown.oneOffCost },
  { key: "endOfLife", label: "explain.item.endOfLife", of: (r) => r.breakdown.endOfLifeCost + r.breakdown.residualValue },
  { key: "externalities", label: "explain.item.externalities", of: (r, p) => (p.includeExternalities ? r.externalCo2Cost : 0) },
];

/** Differences below half a cent (or half a hundredth of a point) are rounding, not a reason. */
const NOISE = 0.005;

/** Offers sorted best first under the chosen ranking (stable: equal ranks keep the order of entry). */
export function ranked(names: readonly string[], result: ComparisonResult, rankBy: RankBy): RankedOffer[] {
  const list = result.bids.map((r, i) => ({ name: names[i], result: r }));
  const key = (o: RankedOffer) => (rankBy === "meat" ? o.result.meatRank : o.result.rank);
  return list.sort((a, b) => key(a) - key(b));
}

/** Each cost line per year when offers are compared on EAC (its share of the EAC), else in present value. */
export const perYearFactor = (r: BidResult, comparesEac: boolean): number =>
  comparesEac && r.awardLcc !== 0 ? r.equivalentAnnualCost / r.awardLcc : 1;

/** The distinct service lives, shortest first. */
export const serviceLives = (result: ComparisonResult): number[] =>
  [...new Set(result.bids.map((b) => b.horizonYears))].sort((a, b) => a - b);

export interface ExplainInput {
  readonly parameters: Parameters;
  readonly comparison: ComparisonResult;
  /** Best first, as ranked(). */
  readonly order: readonly RankedOffer[];
  readonly rankBy: RankBy;
  /** The winner's Monte Carlo share of first places, when computed. */
  readonly firstShare?: number;
  /** The framework agreement's parameter set adopted, with this comparison's deviations in words. */
  readonly framework?: FrameworkNote;
}

export interface FrameworkNote {
  readonly name: string;
  readonly version: string;
  readonly fingerprint: string;
  /** Each value that differs from the set: the field's label and both values as the pane writes them. */
  readonly deviations: readonly {
    readonly field: string;
    readonly frameworkValue: string;
    readonly localValue: string;
    readonly allowed: boolean;
  }[];
  /** A mini-competition under a set with awarded offers: the framework's suppliers, and those of this comparison's offers that are not. */
  readonly miniCompetition?: { readonly suppliers: readonly string[]; readonly outsiders: readonly string[] };
}

/** One sentence: which set the parameters come from, and what this comparison changed of it. */
export function explainFramework(w: Pick<ExplainWording, "t" | "locale">, f: FrameworkNote): string {
  const mini = f.miniCompetition;
  if (!mini) return explainSet(w, f);
  const list = (items: readonly string[]) => new Intl.ListFormat(w.locale, { type: "conjunction" }).format(items);
  return [
    w.t("explain.framework.mini", { name: f.name, version: f.version, suppliers: list(mini.suppliers) }),
    explainSet(w, f),
    ...(mini.outsiders.length ? [w.t("explain.framework.outsiders", { list: list(mini.outsiders) })] : []),
  ].join(" ");
}

function explainSet(w: Pick<ExplainWording, "t" | "locale">, f: FrameworkNote): string {
  const ids = { name: f.name, version: f.version, fingerprint: f.fingerprint };
  if (!f.deviations.length) return w.t("explain.framework.unchanged", ids);
  const items = f.deviations.map((d) =>
    w.t(d.allowed ? "explain.framework.itemAllowed" : "explain.framework.item", {
      field: d.field,
      local: d.localValue,
      framework: d.frameworkValue,
    }),
  );
  return w.t("explain.framework.deviations", { ...ids, list: new Intl.ListFormat(w.locale, { type: "conjunction" }).format(items) });
}

export function explainRanking(w: ExplainWording, input: ExplainInput): string {
  const { parameters: p, comparison, order, rankBy } = input;
  const { t, money, number, percent } = w;
  const eac = comparison.comparesEac;
  const meat = rankBy === "meat";
  const list = (items: string[]) => new Intl.ListFormat(w.locale, { type: "conjunction" }).format(items);
  const lives = list(serviceLives(comparison).map(w.short));
  /** An amount of the compared cost, "per year" next to it when offers are compared on EAC. */
  const amount = (n: number) => (eac ? t("explain.perYearAmount", { amount: money(n) }) : money(n));
  const points = (n: number) => number(n);
  const out: string[] = [];

  // What "cost" means here, and what the tender must have announced.
  out.push(eac ? t("explain.costEac", { lives }) : t("explain.costLcc", { years: w.short(p.evaluationYears) }));
  out.push(t(p.includeExternalities ? "explain.co2Counted" : "explain.co2NotCounted"));
  // The range method's bounds: as announced in the tender, or the lowest and highest offer.
  const range = {
    best: p.rangeBestValue > 0 ? amount(p.rangeBestValue) : t("explain.rangeLowest"),
    worst: p.rangeWorstValue > 0 ? amount(p.rangeWorstValue) : t("explain.rangeHighest"),
  };
  out.push(
    meat
      ? t("explain.rankedOnMeat", {
          pricePoints: points(p.pricePoints),
          qualityPoints: points(p.qualityPoints),
          scoring: t(`explain.scoring.${p.scoringMethod}`, range),
        })
      : t("explain.rankedOnCost"),
  );

  // Every offer, best first, with the figure that ranked it.
  const items = order.map(({ name, result: r }) => {
    const rank = meat ? r.meatRank : r.rank;
    const above =
      r.differenceToBest > NOISE
        ? t("explain.aboveBest", { amount: amount(r.differenceToBest), share: percent(r.differenceToBestShare, 1) })
        : "";
    return meat
      ? t("explain.itemMeat", {
          rank,
          name,
          total: points(r.meatScore),
          cost: points(r.priceScore),
          quality: points(r.qualityTotal),
          value: amount(r.comparisonValue),
        })
      : t("explain.itemCost", { rank, name, value: amount(r.comparisonValue), above });
  });
  out.push(t("explain.ranking", { items: items.join(t("explain.separator")) }));

  const [first, second] = order;
  if (!second) {
    out.push(t("explain.single", { winner: first.name }));
  } else {
    const a = first.result;
    const b = second.result;
    const names = { winner: first.name, runnerUp: second.name };
    const costGap = b.comparisonValue - a.comparisonValue;
    if (meat) {
      const lead = a.meatScore - b.meatScore;
      const dCost = a.priceScore - b.priceScore;
      const dQuality = a.qualityTotal - b.qualityTotal;
      const cheaper =
        costGap > NOISE
          ? t("explain.becauseLess", { amount: amount(costGap) })
          : costGap < -NOISE
            ? t("explain.becauseMore", { amount: amount(-costGap) })
            : t("explain.becauseSame");
      if (Math.abs(lead) < NOISE) out.push(t("explain.tieMeat", { ...names, total: points(a.meatScore) }));
      else {
        out.push(t("explain.winnerMeat", { ...names, lead: points(lead) }));
        if (dQuality > NOISE && dCost < -NOISE)
          out.push(t("explain.qualityDecided", { ...names, quality: points(dQuality), cost: points(-dCost), cheaper }));
        else if (dCost > NOISE && dQuality < -NOISE)
          out.push(t("explain.costDecided", { ...names, quality: points(-dQuality), cost: points(dCost), cheaper }));
        else if (dCost > NOISE && dQuality > NOISE)
          out.push(t("explain.bothDecided", { ...names, quality: points(dQuality), cost: points(dCost), cheaper }));
        else if (dCost > NOISE) out.push(t("explain.costOnly", { ...names, cost: points(dCost), cheaper }));
        else out.push(t("explain.qualityOnly", { ...names, quality: points(dQuality) }));
      }
      out.push(...explainCriteria(w, p, a, b, names));
    } else if (costGap <= NOISE) {
      out.push(t("explain.tieCost", { ...names, value: amount(a.comparisonValue) }));
    } else {
      out.push(
        t(eac ? "explain.winnerEac" : "explain.winnerLcc", {
          ...names,
          value: amount(a.comparisonValue),
          margin: amount(costGap),
          share: percent(b.differenceToBestShare, 1),
        }),
      );
    }
    // Where the costs of the two first offers differ, line by line.
    const lines: string[] = [];
    for (const g of COST_GROUPS) {
      const diff = g.of(a, p) * perYearFactor(a, eac) - g.of(b, p) * perYearFactor(b, eac);
      if (diff > NOISE) lines.push(t("explain.linePaysMore", { amount: amount(diff), item: t(g.label) }));
      if (diff < -NOISE) lines.push(t("explain.linePaysLess", { amount: amount(-diff), item: t(g.label) }));
    }
    if (lines.length) out.push(t("explain.lines", { ...names, lines: list(lines) }));
  }

  if (input.framework) out.push(explainFramework(w, input.framework));
  out.push(assumptions(w, p, eac));
  if (input.firstShare !== undefined) out.push(t("explain.monteCarlo", { winner: first.name, share: percent(input.firstShare, 1) }));
  return out.join(" ");
}

/** A criterion's name inside a sentence: "battery cycles" (every name in the catalogue is a common noun). */
const inSentence = (w: Pick<ExplainWording, "locale">, name: string): string => name.charAt(0).toLocaleLowerCase(w.locale) + name.slice(1);

/**
 * CRITERIA.md in MEAT mode: which award criteria gave the winner points over the runner-up, and which gave
 * the runner-up points over the winner, each with the difference; nothing when the tender has no award criteria.
 */
function explainCriteria(
  w: ExplainWording,
  p: Parameters,
  a: BidResult,
  b: BidResult,
  names: { readonly winner: string; readonly runnerUp: string },
): string[] {
  const award = p.criteria.filter((c) => c.role === "award").map((c) => c.id);
  if (!award.length) return [];
  const pointsOf = (r: BidResult, id: string) => r.criteria.find((c) => c.id === id)?.points ?? 0;
  const list = (items: string[]) => new Intl.ListFormat(w.locale, { type: "conjunction" }).format(items);
  // Catalogue order (the scores' order), largest difference first.
  const diffs = a.criteria
    .filter((c) => c.role === "award" && award.includes(c.id))
    .map((c) => ({ id: c.id, diff: pointsOf(a, c.id) - pointsOf(b, c.id) }))
    .sort((x, y) => Math.abs(y.diff) - Math.abs(x.diff));
  const items = (sign: 1 | -1) =>
    diffs
      .filter((d) => d.diff * sign > NOISE)
      .map((d) => w.t("explain.criteriaItem", { name: inSentence(w, criterionName(w.lang, d.id)), points: w.number(d.diff * sign) }));
  const gains = items(1);
  const losses = items(-1);
  if (!gains.length && !losses.length) return [w.t("explain.criteriaSame", names)];
  return [
    ...(gains.length ? [w.t("explain.criteriaWinner", { ...names, list: list(gains) })] : []),
    ...(losses.length ? [w.t("explain.criteriaRunnerUp", { ...names, list: list(losses) })] : []),
  ];
}

/** The inputs every figure rests on, in one sentence. */
function assumptions(w: ExplainWording, p: Parameters, eac: boolean): string {
  const { t, percent, money } = w;
  const preset = p.country === "custom" ? undefined : COUNTRY_PRESETS[p.country];
  const factorSource =
    preset && preset.emissionFactorKgPerKWh === p.emissionFactorKgPerKWh ? w.source(preset.source.key) : t("explain.factorOwn");
  const parts = [
    t("explain.assume.rate", { rate: percent(p.discountRate, 1), type: t(`explain.rateType.${p.rateType}`) }),
    ...(eac ? [] : [t("explain.assume.period", { years: w.short(p.evaluationYears) })]),
    t("explain.assume.electricity", { price: w.number(p.electricityPricePerKWh, 4), escalation: percent(p.energyEscalation, 1) }),
    t("explain.assume.factor", { factor: w.number(p.emissionFactorKgPerKWh, 3), source: factorSource }),
    ...(p.includeExternalities ? [t("explain.assume.co2", { price: money(p.co2PricePerTonne) })] : []),
    t("explain.assume.residual", { curve: t(`explain.rule.${p.residualValueRule}`) }),
  ];
  return t("explain.assumptions", { parts: parts.join(t("explain.separator")) });
}
