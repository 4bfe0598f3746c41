/**
 * The award explanation: golden texts in en, nl and fr for every way of ranking (life-cycle cost, MEAT total,
 * equivalent annual cost, with and without the external cost of CO2), and a property: every number the text
 * prints, read back in the locale's own format, is a figure of the comparison or of its parameters.
 */
import fc from "fast-check";
import type { Language } from "../../src/i18n/core";
import { type Bid, type Parameters, evaluateComparison } from "../../src/model";
import { COST_GROUPS, explainRanking, perYearFactor, ranked } from "../../src/model/explain";
import type { RankBy } from "../../src/model/uncertainty";
import { type I18n, loadLanguage, makeI18n } from "../../src/taskpane/wizard/i18n";
import { randomComputerBids } from "../fixtures/randomBids";
import { SECTION_4, SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";

const LOCALES: Record<Language, string> = { en: "en-GB", nl: "nl-NL", fr: "fr-FR" };
const wording: Partial<Record<Language, I18n>> = {};
beforeAll(async () => {
  for (const lang of ["en", "nl", "fr"] as const) {
    await loadLanguage(lang);
    wording[lang] = makeI18n(lang, LOCALES[lang]);
  }
});

/** A Flemish city's three notebook offers: A wins on quality, B on cost per unit of use, C is cheapest to buy. */
const offerC: Bid = { ...bidA, product: "Notebook C", supplier: "Supplier C", price: 700, tecKWhPerYear: 40, qualityPoints: 30 };
const three: Bid[] = [{ ...bidA, qualityPoints: 55 }, { ...bidB, qualityPoints: 40 }, offerC];
const refurbished: Bid = { ...three[0], condition: "refurbished", price: 400, serviceLifeYears: 3 };

function explain(
  lang: Language,
  p: Parameters,
  bids: readonly Bid[],
  rankBy: RankBy,
  names = bids.map((b) => `${b.product} (${b.supplier})`),
  firstShare?: number,
) {
  const result = evaluateComparison(p, bids, "computers");
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const comparison = result.value;
  const order = ranked(names, comparison, rankBy);
  return { text: explainRanking(wording[lang]!, { parameters: p, comparison, order, rankBy, firstShare }), comparison, order };
}

const MODES: [string, Parameters, Bid[], RankBy][] = [
  ["life-cycle cost", referenceParameters, three, "lcc"],
  ["life-cycle cost with CO2 cost", { ...referenceParameters, includeExternalities: true }, three, "lcc"],
  ["MEAT total", referenceParameters, three, "meat"],
  [
    "MEAT total with CO2 cost, range scoring",
    { ...referenceParameters, includeExternalities: true, scoringMethod: "range", rangeBestValue: 70000, rangeWorstValue: 90000 },
    three,
    "meat",
  ],
  ["equivalent annual cost", referenceParameters, [refurbished, three[1], three[2]], "lcc"],
  [
    "MEAT total on equivalent annual cost",
    { ...referenceParameters, country: "custom", emissionFactorKgPerKWh: 0.2, scoringMethod: "linear" },
    [refurbished, three[1], three[2]],
    "meat",
  ],
];

describe.each(["en", "nl", "fr"] as const)("golden explanation in %s", (lang) => {
  it.each(MODES)("%s", (_, p, bids, rankBy) => {
    expect(explain(lang, p, bids, rankBy).text).toMatchSnapshot();
  });

  it("names the award criteria that decided in MEAT mode (CRITERIA.md §4: R wins on cost, Q had more criteria points)", () => {
    const p = { ...referenceParameters, criteria: SECTION_4 };
    const compliant = SECTION_4_BIDS.filter((b) => b.product !== "S");
    const text = explain(
      lang,
      p,
      compliant,
      "meat",
      compliant.map((b) => b.product),
    ).text;
    expect(text).toMatchSnapshot();
    expect(text).toContain(
      wording[lang]!.t("explain.criteriaRunnerUp", {
        winner: "R",
        runnerUp: "Q",
        list: new Intl.ListFormat(LOCALES[lang], { type: "conjunction" }).format([
          wording[lang]!.t("explain.criteriaItem", {
            name: { en: "warranty", nl: "garantie", fr: "garantie" }[lang],
            points: wording[lang]!.number(10),
          }),
          wording[lang]!.t("explain.criteriaItem", {
            name: { en: "battery cycles", nl: "batterijcycli", fr: "cycles de batterie" }[lang],
            points: wording[lang]!.number(6),
          }),
        ]),
      }),
    );
    // R earns no criterion's points over Q (both 8 for the label: R's refurbishment counts as the label).
    expect(text.match(/\(\S+ (more|meer|de plus)\)/g)).toHaveLength(2);
  });

  it("names the criteria that gave the winner its quality lead (CRITERIA.md §4, Q over P)", () => {
    const p = { ...referenceParameters, criteria: SECTION_4 };
    const [P, Q] = SECTION_4_BIDS;
    const text = explain(lang, p, [P, Q], "meat", ["P", "Q"]).text;
    expect(text).toMatchSnapshot();
  });

  it("names the single offer and still states every assumption", () => {
    expect(explain(lang, referenceParameters, [bidB], "lcc").text).toMatchSnapshot();
  });

  it("says when the two first offers tie", () => {
    const tied = explain(lang, referenceParameters, [bidA, { ...bidA, product: "Twin" }], "lcc").text;
    expect(tied).toContain(
      wording[lang]!.t("explain.tieCost", {
        winner: "Notebook A (Supplier A)",
        runnerUp: "Twin (Supplier A)",
        value: wording[lang]!.money(80193.71),
      }),
    );
  });
});

describe("what the explanation says in MEAT mode (issue 7: the winner costs more and wins on quality)", () => {
  it("says the quality points decided, that the winner costs more, and mentions the third offer", () => {
    const { text } = explain("en", referenceParameters, three, "meat");
    expect(text).toContain("Notebook A (Supplier A) ranks first, 14.16 points ahead of Notebook B (Supplier B).");
    expect(text).toContain(
      "The quality points decided: Notebook A (Supplier A) gets 15.00 quality points more than Notebook B (Supplier B), which outweighs the 0.84 cost points it gets fewer because it costs €1,732.73 more.",
    );
    expect(text).toContain("3. Notebook C (Supplier C), 70.00 points (40.00 for cost and 30.00 for quality; cost €76,136.93)");
    expect(text).not.toContain("offset");
  });

  it("puts 'per year' next to every amount when offers are compared on equivalent annual cost, and says the tender must have announced it", () => {
    const { text, comparison } = explain("en", referenceParameters, [refurbished, three[1], three[2]], "lcc");
    expect(comparison.comparesEac).toBe(true);
    expect(text).toContain("The tender documents must have announced this way of comparing.");
    const amounts = text.match(/€[\d,]+\.\d\d( per year)?/g)!;
    expect(amounts.length).toBeGreaterThan(5);
    expect(amounts.every((a) => a.endsWith(" per year"))).toBe(true);
  });

  it("uses one definition of the difference to the best offer: relative to the best offer's value", () => {
    const { text, comparison } = explain("en", referenceParameters, three, "lcc");
    const b = comparison.bids[1];
    expect(b.differenceToBestShare).toBeCloseTo((78460.98 - 76136.93) / 76136.93, 6);
    expect(text).toContain("Notebook B (Supplier B), second, costs €2,324.05 (3.1%) more.");
    expect(text).toContain("€78,460.98 (€2,324.05 or 3.1% above the best offer)");
  });

  it("names the emission factor's source only when the preset's own factor is used", () => {
    expect(explain("en", referenceParameters, three, "lcc").text).toContain("0.230 kg CO2e/kWh (Boavizta / Scarlat et al. 2022 (Belgium))");
    expect(explain("en", { ...referenceParameters, emissionFactorKgPerKWh: 0.3 }, three, "lcc").text).toContain(
      "0.300 kg CO2e/kWh (entered by the contracting authority)",
    );
  });
});

/** Fixed words with digits in them that are citations or units, not figures. */
const CITATIONS = [/2014\/24\/(EU|UE)/g, /art\. 68/g, /\b2013\)/g, /CO2e?/g, /Scarlat et al\. 2022/g, /10 000/g];
/** Numbers as each locale writes them: grouped thousands (comma; dot; narrow no-break space) and a decimal part. */
const NUMBER: Record<Language, RegExp> = {
  en: /-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?/g,
  nl: /-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?/g,
  fr: /-?\d{1,3}(?:[\u202f\u00a0 ]\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?/g,
};
const read = (lang: Language, token: string) =>
  Number(lang === "en" ? token.replace(/,/g, "") : token.replace(/[.\u202f\u00a0 ]/g, "").replace(",", "."));

/** Every figure the text may print: the comparison's, the parameters', and the gaps between the two first offers. */
function figures(p: Parameters, order: ReturnType<typeof explain>["order"], eac: boolean, firstShare: number) {
  const plain: number[] = [
    p.evaluationYears,
    p.electricityPricePerKWh,
    p.emissionFactorKgPerKWh,
    p.co2PricePerTonne,
    p.pricePoints,
    p.qualityPoints,
    p.rangeBestValue,
    p.rangeWorstValue,
  ];
  const shares: number[] = [p.discountRate, p.energyEscalation, firstShare];
  for (const { result: r } of order) {
    plain.push(r.comparisonValue, r.differenceToBest, r.meatScore, r.priceScore, r.qualityPoints, r.rank, r.meatRank, r.horizonYears);
    shares.push(r.differenceToBestShare);
  }
  if (order.length > 1) {
    const [a, b] = [order[0].result, order[1].result];
    plain.push(
      a.meatScore - b.meatScore,
      a.priceScore - b.priceScore,
      a.qualityPoints - b.qualityPoints,
      b.comparisonValue - a.comparisonValue,
    );
    for (const g of COST_GROUPS) plain.push(g.of(a, p) * perYearFactor(a, eac) - g.of(b, p) * perYearFactor(b, eac));
  }
  return { plain: plain.flatMap((x) => [x, -x]), shares: shares.map((x) => x * 100) };
}

describe("every number in the text is a figure of the comparison", () => {
  const letters = (i: number) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String.fromCharCode(65 + Math.floor(i / 26)) : "");
  it.each(["en", "nl", "fr"] as const)("in %s, for random comparisons in every mode", (lang) => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1e6 }),
          count: fc.integer({ min: 1, max: 6 }),
          lives: fc.boolean(),
          externalities: fc.boolean(),
          scoring: fc.constantFrom("lowest", "linear", "range" as const),
          rankBy: fc.constantFrom<RankBy>("lcc", "meat"),
          rate: fc.integer({ min: 0, max: 80 }),
          price: fc.integer({ min: 500, max: 4000 }),
          firstShare: fc.integer({ min: 0, max: 1000 }),
        }),
        ({ seed, count, lives, externalities, scoring, rankBy, rate, price, firstShare }) => {
          const p: Parameters = {
            ...referenceParameters,
            discountRate: rate / 1000,
            electricityPricePerKWh: price / 10000,
            includeExternalities: externalities,
            scoringMethod: scoring as Parameters["scoringMethod"],
          };
          const bids = randomComputerBids(count, seed, lives).map((b) => ({
            ...b,
            residualValue: b.residualValue === null ? null : Math.min(b.residualValue, b.price / 4),
          }));
          const result = evaluateComparison(p, bids, "computers");
          if (!result.ok) return; // a residual value above the cost cannot be scored; the pane says so instead
          const names = bids.map((_, i) => `Offer ${letters(i)}`);
          const { text, order, comparison } = explain(lang, p, bids, rankBy, names, firstShare / 1000);
          let rest = text;
          for (const n of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(n).join("#");
          for (const c of CITATIONS) rest = rest.replace(c, "#");
          const { plain, shares } = figures(p, order, comparison.comparesEac, firstShare / 1000);
          const tokens = [...rest.matchAll(NUMBER[lang])];
          expect(tokens.length).toBeGreaterThan(5);
          for (const m of tokens) {
            const token = m[0];
            const decimals = token.match(/[.,](\d+)$/)?.[1]?.length ?? 0;
            // A share of the thousands-grouped kind never ends in a 3-digit group without decimals; money always has 2.
            const value = read(lang, token);
            const isShare = /^\s?%/.test(rest.slice(m.index! + token.length));
            const tolerance = 0.5 * 10 ** -decimals + 1e-9;
            const pool = isShare ? shares : plain;
            if (!pool.some((f) => Math.abs(f - value) <= tolerance))
              throw new Error(`${token}${isShare ? " %" : ""} is no figure of the comparison in: ${text}`);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("cites cost lines that add up to the gap between the two first offers", () => {
    for (const [, p, bids] of MODES) {
      const { order, comparison } = explain("en", p, bids, "lcc");
      const [a, b] = [order[0].result, order[1].result];
      const eac = comparison.comparesEac;
      const lines = COST_GROUPS.reduce((sum, g) => sum + g.of(b, p) * perYearFactor(b, eac) - g.of(a, p) * perYearFactor(a, eac), 0);
      expect(lines).toBeCloseTo(b.comparisonValue - a.comparisonValue, 6);
    }
  });
});
