/**
 * The tender annex as a structure (src/model/tender/annex.ts): real sentences with the example's numbers
 * in en, nl and fr, a text that follows every setting, the scoring formula of each method, the data list
 * taken from BID_FIELDS, and the commitments and criteria another part of the product will hand over.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Language, translate } from "../../src/i18n";
import { type ComparisonKind, type Parameters, PARAMETER_FIELDS, bidFields, parametersFromJson } from "../../src/model";
import { type AnnexBlock, type AnnexOptions, type TenderAnnex, annexText, tenderAnnex } from "../../src/model/tender/annex";

const example = (): Parameters => {
  const { parameters, problems } = parametersFromJson(
    JSON.parse(readFileSync(resolve(__dirname, "../../examples/parameters.json"), "utf8")),
  );
  expect(problems).toEqual([]);
  return parameters!;
};
/** French text keeps a no-break space before ":" and ";": read it as a space here. */
const text = (annex: TenderAnnex): string => annexText(annex).replace(/\u00a0/g, " ");
const tables = (annex: TenderAnnex) => annex.blocks.filter((b): b is Extract<AnnexBlock, { kind: "table" }> => b.kind === "table");
const formulas = (annex: TenderAnnex) => annex.blocks.filter((b) => b.kind === "formula").map((b) => (b as { text: string }).text);
const build = (over: Partial<Parameters> = {}, lang: Language = "en", group: ComparisonKind = "computers", options?: AnnexOptions) =>
  tenderAnnex(group, { ...example(), ...over }, lang, options);

describe("the annex for examples/parameters.json", () => {
  const expected: Record<Language, { sentences: string[]; award: string[][]; formula: string; title: string }> = {
    en: {
      title: "Annex to the tender specifications: award criteria, life-cycle cost method and data to be supplied",
      award: [
        ["Life-cycle cost (LCC), calculated as set out in section 2", "40 points"],
        ["Quality, as described in the procurement documents", "60 points"],
        ["Total", "100 points"],
      ],
      formula: "LCC points = 40 × lowest LCC / LCC of the tender",
      sentences: [
        "The regular tender with the lowest LCC receives 40 points.",
        "The score of a tender is the sum of its LCC points and its quality points, out of 100 points;",
        "over the evaluation period of 5 years, discounted to their present value",
        "The discount rate of 4 % is a real rate: prices and escalations are expressed in today's money, without general inflation.",
        "The electricity price is 0.2 EUR/kWh, excluding VAT, rising by 3 % per year.",
        "maintenance, support and licences per year, rising by 2 % per year;",
        "The on and sleep hours count on 220 days of use per year; the rest of those days and the other 145 days count as off:",
        "a new notebook is given the laptop curve (WRAP, the UK Waste and Resources Action Programme, 2013: 17.5 % of the purchase price after 5 years)",
        "A service life longer than 5 years earns nothing",
        "Articles 67 and 68 of Directive 2014/24/EU and Articles 81 and 82 of the Belgian law of 17 June 2016 on public procurement",
      ],
    },
    nl: {
      title: "Bijlage bij het bestek: gunningscriteria, berekeningsmethode van de levenscycluskosten en te verstrekken gegevens",
      award: [
        ["Levenscycluskosten (LCC), berekend volgens punt 2", "40 punten"],
        ["Kwaliteit, zoals beschreven in de opdrachtdocumenten", "60 punten"],
        ["Totaal", "100 punten"],
      ],
      formula: "LCC-punten = 40 × laagste LCC / LCC van de offerte",
      sentences: [
        "De regelmatige offerte met de laagste LCC krijgt 40 punten.",
        "De score van een offerte is de som van haar LCC-punten en haar kwaliteitspunten, op 100 punten;",
        "over de evaluatieperiode van 5 jaar, verdisconteerd naar hun huidige waarde",
        "De discontovoet van 4 % is een reële voet: prijzen en prijsstijgingen zijn uitgedrukt in geld van vandaag, zonder algemene inflatie.",
        "De elektriciteitsprijs bedraagt 0,2 EUR/kWh, exclusief btw, met een stijging van 3 % per jaar.",
        "onderhoud, ondersteuning en licenties per jaar, met een stijging van 2 % per jaar;",
        "De uren in aan- en slaapstand tellen op 220 gebruiksdagen per jaar; de rest van die dagen en de overige 145 dagen tellen als uitstand:",
        "een nieuwe notebook krijgt de laptopcurve (WRAP, het Britse Waste and Resources Action Programme, 2013: 17,5 % van de aankoopprijs na 5 jaar)",
        "Een levensduur van meer dan 5 jaar levert niets op",
        "de artikelen 67 en 68 van Richtlijn 2014/24/EU en de artikelen 81 en 82 van de wet van 17 juni 2016 inzake overheidsopdrachten",
      ],
    },
    fr: {
      title:
        "Annexe au cahier spécial des charges : critères d'attribution, méthode de calcul du coût du cycle de vie et données à fournir",
      award: [
        ["Coût du cycle de vie (CCV), calculé selon le point 2", "40 points"],
        ["Qualité, telle que décrite dans les documents du marché", "60 points"],
        ["Total", "100 points"],
      ],
      formula: "Points CCV = 40 × CCV le plus bas / CCV de l'offre",
      sentences: [
        "L'offre régulière dont le CCV est le plus bas reçoit 40 points.",
        "Le score d'une offre est la somme de ses points CCV et de ses points de qualité, sur 100 points ;",
        "sur la période d'évaluation de 5 ans, actualisés à leur valeur présente",
        "Le taux d'actualisation de 4 % est un taux réel : les prix et les hausses sont exprimés en argent d'aujourd'hui, hors inflation générale.",
        "Le prix de l'électricité est de 0,2 EUR/kWh, hors TVA, en hausse de 3 % par an.",
        "maintenance, support et licences par an, en hausse de 2 % par an ;",
        "Les heures en marche et en veille comptent sur 220 jours d'utilisation par an ; le reste de ces jours et les 145 autres jours comptent à l'arrêt :",
        "un ordinateur portable neuf reçoit la courbe des portables (WRAP, Waste and Resources Action Programme britannique, 2013 : 17,5 % du prix d'achat après 5 ans)",
        "Une durée de vie supérieure à 5 ans ne rapporte rien",
        "articles 67 et 68 de la directive 2014/24/UE et aux articles 81 et 82 de la loi du 17 juin 2016 relative aux marchés publics",
      ],
    },
  };

  it.each(Object.entries(expected))("%s: title, award criteria with their weights, the formula and the method's numbers", (lang, e) => {
    const annex = build({}, lang as Language);
    expect(annex.title.replace(/\u00a0/g, " ")).toBe(e.title);
    expect(tables(annex)[0].rows).toEqual(e.award);
    expect(formulas(annex)).toContain(e.formula);
    const all = text(annex);
    for (const s of e.sentences) expect(all).toContain(s);
    expect(annex.missing).toEqual([]);
  });

  it.each(["en", "nl", "fr"] as const)("%s: the parameters table reads the method's settings with their units", (lang) => {
    const rows = tables(build({}, lang))[1].rows;
    const row = (key: string) => rows.find((r) => r[0] === translate(lang, "templates", `param.${key}`))?.[1];
    const decimal = lang === "en" ? "0.2" : "0,2";
    expect([row("discountRate"), row("evaluationYears"), row("energyEscalation"), row("maintenanceEscalation")]).toEqual([
      "4 %",
      { en: "5 years", nl: "5 jaar", fr: "5 ans" }[lang],
      "3 %",
      "2 %",
    ]);
    expect(row("electricityPricePerKWh")).toBe(`${decimal} EUR/kWh`);
    expect(row("rateType")).toBe(translate(lang, "wizard", "option.rateType.real"));
    // The CO2 price is not part of the method when the award does not count CO2.
    expect(row("co2PricePerTonne")).toBeUndefined();
  });
});

describe("the text follows the settings", () => {
  it("every number of the method's table is the setting's, written in the annex's language", () => {
    const numeric = PARAMETER_FIELDS.filter(
      (f) => ["discounting", "energy"].includes(f.section) && f.groups.includes("computers") && typeof example()[f.key] === "number",
    );
    expect(numeric.map((f) => f.key)).toEqual(
      expect.arrayContaining(["discountRate", "evaluationYears", "electricityPricePerKWh", "energyEscalation", "useDaysPerYear"]),
    );
    const odd: Partial<Parameters> = Object.fromEntries(numeric.map((f, i) => [f.key, f.percent ? 0.0137 + i / 1000 : 137 + i]));
    const all = text(build({ ...odd, includeExternalities: true }, "nl"));
    for (const [i, f] of numeric.entries())
      expect(all).toContain(f.percent ? `${(1.37 + i / 10).toFixed(2).replace(".", ",")} %` : `${137 + i} `);
  });

  it("other points, rate, period and method change the sentences and the formula", () => {
    const nl = text(build({ pricePoints: 30, qualityPoints: 70, discountRate: 0.035, evaluationYears: 6, scoringMethod: "linear" }, "nl"));
    expect(nl).toContain("Levenscycluskosten (LCC), berekend volgens punt 2 | 30 punten");
    expect(nl).toContain("Kwaliteit, zoals beschreven in de opdrachtdocumenten | 70 punten");
    expect(nl).toContain("De discontovoet van 3,5 % is een reële voet");
    expect(nl).toContain("over de evaluatieperiode van 6 jaar");
    expect(nl).toContain("LCC-punten = 30 × (1 − (LCC van de offerte − laagste LCC) / laagste LCC), en minstens 0");
    expect(nl).not.toContain("40 punten");
  });

  it("range scoring names the announced bounds, or the regular offers' lowest and highest LCC", () => {
    const bounded = build({ scoringMethod: "range", rangeBestValue: 50000, rangeWorstValue: 90000 }, "fr");
    expect(text(bounded)).toContain("entre la meilleure valeur (50000 EUR) et la moins bonne valeur (90000 EUR)");
    expect(formulas(bounded)).toContain(
      "Points CCV = 40 × (moins bonne valeur − CCV de l'offre) / (moins bonne valeur − meilleure valeur), entre 0 et 40",
    );
    const open = text(build({ scoringMethod: "range" }, "en"));
    expect(open).toContain(
      "between the best value (the lowest LCC of the regular tenders) and the worst value (the highest LCC of the regular tenders)",
    );
    expect(open).toContain("If the best and the worst value are equal, every regular tender receives 40 points.");
  });

  it("the timing and the escalation base set the exponents; nominal rates say so; a partial year is explained", () => {
    const annex = build({ timing: "begin", escalationBase: "nist", rateType: "nominal", evaluationYears: 4.5 }, "en");
    expect(formulas(annex)).toEqual(
      expect.arrayContaining([
        "LCC = quantity × [acquisition + Σ (t = 1 … N) annual costs in year t / (1 + d)^(t − 1) + (end-of-life cost − residual value) / (1 + d)^N]",
        "annual cost in year t = annual cost at today's prices × (1 + g)^t, where g is the yearly escalation of that cost",
        "EAC = LCC / Σ (t = 1 … H) 1 / (1 + d)^(t − 1)",
      ]),
    );
    const all = text(annex);
    expect(all).toContain("Annual costs are counted at the beginning of each year of use");
    expect(all).toContain("The discount rate of 4 % is a nominal rate: prices and escalations include expected inflation.");
    expect(all).toContain("The period of 4.5 years counts 4 years in full and a share of 0.5 of the annual costs of year 5.");
    expect(formulas(build({ timing: "mid" }, "nl"))).toContain("EAC = LCC / Σ (t = 1 … H) 1 / (1 + d)^(t − 0,5)");
  });

  it("counted CO2 cost brings the emission factor with its source, the CO2 price and its formula", () => {
    const nl = build({ includeExternalities: true, co2PricePerTonne: 120, co2Escalation: 0.01 }, "nl");
    const all = text(nl);
    expect(all).toContain(
      "Zij worden berekend met een emissiefactor van 0,23 kg CO2e/kWh (Boavizta / Scarlat et al. 2022 (België)) en een prijs van 120 EUR per ton CO2e, met een stijging van 1 % per jaar",
    );
    expect(formulas(nl)).toContain("CO2-kosten in jaar t = kWh per jaar × 0,23 / 1000 × 120 × (1 + 1 %)^(t − 1)");
    expect(tables(nl)[1].rows).toContainEqual(["Prijs van CO2", "120 EUR per ton CO2e"]);
    expect(text(build({}, "nl"))).toContain(
      "De CO2-uitstoot van de offertes wordt ter informatie vermeld; de kosten ervan tellen niet mee voor de gunning.",
    );
    expect(text(build({ includeExternalities: true, country: "custom", emissionFactorKgPerKWh: 0.3 }, "en"))).toContain(
      "emission factor of 0.3 kg CO2e/kWh (the contracting authority's own factor)",
    );
  });

  it("an award on cost alone says so and has no quality row", () => {
    const annex = build({ pricePoints: 100, qualityPoints: 0 }, "en");
    expect(text(annex)).toContain("The contract is awarded to the tender with the lowest life-cycle cost (LCC)");
    expect(tables(annex)[0].rows).toEqual([["Life-cycle cost (LCC), calculated as set out in section 2", "100 points"]]);
  });

  it("a setting still to be entered is named, and written as not yet set", () => {
    const annex = build({ electricityPricePerKWh: 0 }, "en");
    expect(annex.missing).toEqual(["electricityPricePerKWh"]);
    expect(tables(annex)[1].rows).toContainEqual(["Electricity price, excl. VAT", "not yet set: to be entered before publication"]);
    expect(text(annex)).toContain("The electricity price is not yet set: to be entered before publication, excluding VAT");
    const imaging = build({}, "en", "imaging");
    expect(imaging.missing).toEqual(["monoPagesPerYear", "colourPagesPerYear"]);
    expect(text(build({ monoPagesPerYear: 12000, colourPagesPerYear: 3000, duplexShare: 0.5 }, "en", "imaging"))).toContain(
      "own volume of 12000 monochrome and 3000 colour pages per device per year, paper at 0.016 EUR per page (a page printed double-sided uses half a sheet; 50 % of pages are printed double-sided)",
    );
  });

  it("imaging equipment takes its energy from TEC per week", () => {
    const annex = build({}, "fr", "imaging");
    expect(formulas(annex)).toContain("kWh par an = TEC (kWh par semaine) × 52");
    expect(annex.subtitle[0]).toBe(
      "Fourniture d'équipements d'impression et d'imagerie (imprimantes, appareils multifonctions, copieurs, scanners)",
    );
  });
});

describe("specifications, clauses and the data to supply", () => {
  it("labels accept an equivalent and exempt documented refurbishment; clauses ask take-back reporting, certified erasure per device, a price list and the social clause", () => {
    const en = text(build({}, "en"));
    expect(en).toContain('is followed by the words "or equivalent" (Directive 2014/24/EU, Articles 42 and 43)');
    expect(en).toContain(
      "A refurbished device is exempt from a label requirement when its refurbishment is documented (EN 50614 or equivalent), including a functional test, a battery health of at least 80 % and the erasure of all data.",
    );
    expect(en).toContain(
      "report for every batch taken back how many devices were reused, how many were recycled and the residual value paid;",
    );
    expect(en).toContain("deliver an erasure certificate for every device, stating its serial number;");
    expect(en).toContain(
      "supply a price list of spare parts (such as battery, charger, keyboard and screen) that remains valid for the duration of the contract;",
    );
    expect(en).toContain(
      "• respect the fundamental conventions of the International Labour Organization throughout the supply chain and accept independent monitoring of working conditions (for example by Electronics Watch).",
    );
  });

  it.each(["computers", "imaging"] as const)(
    "%s: one row per bid field the tenderer fills in, with its label, unit and note from the Bids table",
    (group) => {
      const lang = "nl";
      const data = tables(build({}, lang, group)).at(-1)!;
      const fields = bidFields(group).filter((f) => f.key !== "qualityPoints");
      expect(data.rows.map((r) => r[0])).toEqual(fields.map((f) => translate(lang, "templates", `bid.${f.key}`)));
      expect(data.rows.map((r) => r[3])).toEqual(fields.map((f) => translate(lang, "templates", `bidNote.${f.key}`)));
      const price = data.rows.find((r) => r[0] === translate(lang, "templates", "bid.price"));
      expect(price).toEqual(["Prijs per stuk", "EUR", "ja", "Aankoopprijs van één stuk, excl. terugvorderbare btw."]);
      const tec = data.rows.find((r) => r[0] === "TEC")!;
      expect(tec.slice(1, 3)).toEqual(group === "computers" ? ["kWh per jaar", "facultatief"] : ["kWh per week", "ja"]);
      // The authority's own score of an offer is not data the tenderer supplies.
      expect(data.rows.map((r) => r[0])).not.toContain(translate(lang, "templates", "bid.qualityPoints"));
    },
  );

  const options: AnnexOptions = {
    commitments: { requiredWarrantyYears: 5, requiredSparePartsYears: 7, outOfWarrantyRepairPerYear: 40, dataErasureCostPerUnit: 12 },
    criteria: [
      { name: "Warranty", role: "award", points: 10, unit: "years" },
      { name: "Battery cycles", role: "award", points: 6, unit: "cycles" },
      { name: "Replaceable battery", role: "award", points: 4 },
      { name: "Spare parts", role: "requirement", threshold: 5, unit: "years" },
      { name: "Take-back with data erasure", role: "requirement" },
    ],
  };

  it("criteria and commitments, once given, become award rows, requirements, costs and answers to supply", () => {
    const annex = build({}, "en", "computers", options);
    expect(tables(annex)[0].rows).toEqual([
      ["Life-cycle cost (LCC), calculated as set out in section 2", "40 points"],
      ["Quality: Warranty", "10 points"],
      ["Quality: Battery cycles", "6 points"],
      ["Quality: Replaceable battery", "4 points"],
      ["Quality: other criteria, as described in the procurement documents", "40 points"],
      ["Total", "100 points"],
    ]);
    const all = text(annex);
    for (const s of [
      "• Warranty: at least 5 years, included in the price or offered as an extension at a price per year (section 2.7).",
      "• Spare parts available for at least 7 years after delivery.",
      "• Spare parts: at least 5 years.",
      "• Take-back with data erasure: required.",
      "• the price of extending the warranty to the required 5 years, where the tender offers such an extension (section 2.7), paid at the start;",
      "• repairs once no warranty covers the device: 40 EUR per unit and year, rising by 2 % per year;",
      "• for a tender whose take-back does not include certified data erasure: 12 EUR per unit added to the end-of-life cost;",
      "2.7 Warranty, spare parts, repair and data erasure",
      "supply a price list of spare parts (such as battery, charger, keyboard and screen) that remains valid for 7 years after delivery;",
    ]) {
      expect(all).toContain(s);
    }
    const data = tables(annex).at(-1)!.rows;
    // An answer without a unit is a yes or a no.
    expect(data.slice(-5)).toEqual([
      ["Answer: Warranty", "years", "yes", "Award criterion (section 1)."],
      ["Answer: Battery cycles", "cycles", "yes", "Award criterion (section 1)."],
      ["Answer: Replaceable battery", "yes / no", "yes", "Award criterion (section 1)."],
      ["Answer: Spare parts", "years", "yes", "Minimum requirement (section 3)."],
      ["Answer: Take-back with data erasure", "yes / no", "yes", "Minimum requirement (section 3)."],
    ]);
  });

  it("more named award points than the quality maximum are capped, in words", () => {
    const annex = build({ qualityPoints: 12 }, "en", "computers", options);
    expect(text(annex)).toContain("The quality points of a tender are capped at 12 points.");
  });

  it("commitments and the residual value rule are read from Parameters once Parameters has them", () => {
    const tomorrow = { ...example(), requiredWarrantyYears: 4, dataErasureCostPerUnit: 9, residualValueRule: "byDeviceType" } as Parameters;
    const all = text(tenderAnnex("computers", tomorrow, "fr"));
    expect(all).toContain("Garantie : au moins 4 ans, comprise dans le prix");
    expect(all).toContain("9 EUR par unité ajoutés au coût de fin de vie");
    expect(all).toContain(
      "un ordinateur portable neuf reçoit la courbe des portables (WRAP, Waste and Resources Action Programme britannique, 2013 : 17,5 % du prix d'achat après 5 ans), une tablette ou un smartphone neufs la courbe des tablettes (7,3 % après 5 ans)",
    );
    // What the caller passes wins over Parameters.
    expect(
      text(tenderAnnex("computers", tomorrow, "en", { commitments: { requiredWarrantyYears: 3, residualValueRule: "none" } })),
    ).toContain("For a tender that guarantees none, the residual value is 0");
    expect(text(tenderAnnex("computers", tomorrow, "en", { commitments: { requiredWarrantyYears: 3 } }))).toContain(
      "Warranty: at least 3 years",
    );
  });

  it("no commitment section and no warranty requirement when none is set", () => {
    const all = text(build({}, "en"));
    expect(all).not.toContain("2.7 ");
    expect(all).toContain("The minimum requirements are those stated in the technical specifications of the procurement documents.");
  });
});

describe("the tender's own criteria (Parameters criteria)", () => {
  const withCriteria = (): Parameters => {
    const { parameters, problems } = parametersFromJson(
      JSON.parse(readFileSync(resolve(__dirname, "../../examples/parameters-criteria.json"), "utf8")),
    );
    if (!parameters) throw new Error(JSON.stringify(problems));
    return parameters;
  };

  it("lists each award criterion with its points and each requirement with its threshold, in nl", () => {
    const all = text(tenderAnnex("computers", withCriteria(), "nl"));
    expect(all).toMatch(/Garantie[^\n]*\| 10 punten/);
    expect(all).toMatch(/Batterijcycli[^\n]*\| 6 punten/);
    expect(all).toMatch(/Reserveonderdelen[^\n]*5 jaar/);
    // A clause is signed, not scored: it is no award criterion.
    expect(all).not.toMatch(/Terugname[^\n]*\| \d+ punten/);
  });
});
