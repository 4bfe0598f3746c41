/** Every text the wizard shows exists in English, Dutch and French, with the same placeholders. */
import en from "../../src/i18n/en/wizard.json";
import fr from "../../src/i18n/fr/wizard.json";
import nl from "../../src/i18n/nl/wizard.json";
import { BID_FIELDS, DEVICE_FIELDS, PRODUCT_GROUPS, SCENARIO_FIELDS, SCENARIO_KINDS, SCENARIO_UNITS } from "../../src/model/bid";
import { PARAMETER_INPUTS } from "../../src/taskpane/wizard/form";
import { loadLanguage, makeI18n } from "../../src/taskpane/wizard/i18n";
import { STEPS } from "../../src/taskpane/wizard/state";

const tables: Record<string, Record<string, string>> = { en, nl, fr };

/**
 * Keys built from data (`bid.${key}`, `unit.${unit}`). Keys written out in the code ("results.copy") are
 * checked by the compiler: t() takes only keys of the English table.
 */
function builtKeys(): string[] {
  const bidKeys = [...new Set(BID_FIELDS.map((f) => f.key))];
  const built = [
    ...PARAMETER_INPUTS.flatMap((i) => [
      `param.${i.key}`,
      ...(i.unit ? [`unit.${i.unit}`] : []),
      ...(i.options ?? []).map((o) => `option.${i.key}.${o}`),
    ]),
    ...bidKeys.map((k) => `bid.${k}`),
    ...BID_FIELDS.flatMap((f) => [...(f.unit ? [`unit.${f.unit}`] : []), ...(f.options ?? []).map((o) => `option.${f.key}.${o}`)]),
    ...PRODUCT_GROUPS.map((g) => `group.${g}`),
    ...STEPS.map((s) => `step.${s}`),
    ...["general", "energy", "award", "imaging", "advanced"].map((s) => `parameters.section.${s}`),
    ...SCENARIO_KINDS.flatMap((k) => [`scenario.${k}`, `scenario.${k}.hint`]),
    ...SCENARIO_FIELDS.map((f) => `scenario.field.${f}`),
    ...Object.values(SCENARIO_UNITS).map((u) => `unit.${u}`),
    ...DEVICE_FIELDS.map((f) => `circular.${f}`),
    ...["discountRate", "electricityPricePerKWh", "serviceLifeShiftYears", "energyUseShare"].map((k) => `sensitivity.input.${k}`),
    ...["low", "high"].map((e) => `sensitivity.${e}`),
    ...["en", "nl", "fr"].map((l) => `language.${l}`),
  ];
  return [...new Set(built)].sort();
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("wizard.json", () => {
  it("has the same keys in en, nl and fr", () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it("has every key the wizard builds from data", () => {
    const missing = builtKeys().filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it("uses the same placeholders in every language, and no empty text", () => {
    for (const [lang, table] of Object.entries(tables)) {
      for (const [key, text] of Object.entries(table)) {
        expect([lang, key, text.trim().length > 0]).toEqual([lang, key, true]);
        expect([lang, key, placeholders(text)]).toEqual([lang, key, placeholders(en[key as keyof typeof en])]);
      }
    }
  });
});

describe("counts in words", () => {
  beforeAll(() => Promise.all([loadLanguage("nl"), loadLanguage("fr")]));

  const summaries = (lang: "en" | "nl" | "fr") => [0, 1, 2].map((n) => makeI18n(lang, lang).plural("bids.summary", n, { flagged: 0 }));

  it("chooses the singular or plural form by each language's rules", () => {
    expect(summaries("en")).toEqual(["0 offers, 0 needing attention.", "1 offer, 0 needing attention.", "2 offers, 0 needing attention."]);
    expect(summaries("nl")).toEqual([
      "0 offertes, waarvan 0 met een probleem.",
      "1 offerte, waarvan 0 met een probleem.",
      "2 offertes, waarvan 0 met een probleem.",
    ]);
    // French counts zero as singular.
    expect(summaries("fr")).toEqual(["0 offre, dont 0 à corriger.", "1 offre, dont 0 à corriger.", "2 offres, dont 0 à corriger."]);
  });

  it("falls back to the other form for a CLDR form a table does not carry (French 'many')", () => {
    expect(new Intl.PluralRules("fr").select(1e6)).toBe("many");
    expect(makeI18n("fr", "fr-FR").plural("csv.imported", 1e6, { file: "a.csv" })).toBe("1000000 offres importées depuis a.csv.");
  });

  it("gives every plural key a one and an other form, and no text with (s) or (en) left", () => {
    const bases = Object.keys(en)
      .filter((k) => k.endsWith(".other"))
      .map((k) => k.slice(0, -".other".length));
    expect(bases.length).toBeGreaterThan(10);
    for (const table of Object.values(tables)) for (const base of bases) expect([base, `${base}.one` in table]).toEqual([base, true]);
    const leftover = Object.entries(tables).flatMap(([lang, table]) =>
      Object.entries(table)
        .filter(([, v]) => /\w\((s|en)\)/.test(v))
        .map(([k]) => `${lang} ${k}`),
    );
    expect(leftover).toEqual([]);
  });
});

describe("optional texts", () => {
  it("tells a missing key from a present one instead of echoing the key", () => {
    const i18n = makeI18n("en", "en-GB");
    expect(i18n.tOptional("bid.tecKWhPerYear.hint")).toBe("From the ENERGY STAR or EPREL data sheet.");
    expect(i18n.tOptional("bid.supplier.hint")).toBeUndefined();
  });
});
