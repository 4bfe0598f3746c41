/** Every text the wizard shows exists in English, Dutch and French, with the same placeholders. */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import en from "../../src/i18n/en/wizard.json";
import fr from "../../src/i18n/fr/wizard.json";
import nl from "../../src/i18n/nl/wizard.json";
import { BID_FIELDS, DEVICE_FIELDS, PRODUCT_GROUPS, SCENARIO_FIELDS, SCENARIO_KINDS, SCENARIO_UNITS } from "../../src/model/bid";
import { PARAMETER_INPUTS } from "../../src/taskpane/wizard/form";
import { STEPS } from "../../src/taskpane/wizard/state";

const tables: Record<string, Record<string, string>> = { en, nl, fr };
const PREFIXES =
  /^(app|bid|bids|chart|circular|common|csv|error|explain|group|language|offer|option|param|parameters|results|scenario|sensitivity|start|step|tableImport|unit|write)\./;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [readFileSync(p, "utf8")] : [];
  });
}

/** Keys written out in the code ("results.copy"), and the ones built from data (`bid.${key}`). */
function usedKeys(): string[] {
  const literal = sources(join(__dirname, "../../src/taskpane/wizard")).flatMap((code) =>
    [...code.matchAll(/"([a-z][A-Za-z]*(?:\.[A-Za-z0-9/]+)+)"/g)].map((m) => m[1]).filter((k) => PREFIXES.test(k)),
  );
  const bidKeys = [...new Set(BID_FIELDS.map((f) => f.key))];
  const built = [
    ...PARAMETER_INPUTS.flatMap((i) => [`param.${i.key}`, ...(i.unit ? [`unit.${i.unit}`] : []), ...(i.options ?? []).map((o) => `option.${i.key}.${o}`)]),
    ...bidKeys.map((k) => `bid.${k}`),
    ...BID_FIELDS.flatMap((f) => [...(f.unit ? [`unit.${f.unit}`] : []), ...(f.options ?? []).map((o) => `option.${f.key}.${o}`)]),
    ...PRODUCT_GROUPS.map((g) => `group.${g}`),
    ...STEPS.map((s) => `step.${s}`),
    ...["general", "energy", "award", "imaging", "advanced"].map((s) => `parameters.section.${s}`),
    ...["acquisition", "energy", "maintenance", "endOfLife", "externalities"].flatMap((g) => [`explain.less.${g}`, `explain.more.${g}`]),
    ...SCENARIO_KINDS.flatMap((k) => [`scenario.${k}`, `scenario.${k}.hint`]),
    ...SCENARIO_FIELDS.map((f) => `scenario.field.${f}`),
    ...Object.values(SCENARIO_UNITS).map((u) => `unit.${u}`),
    ...DEVICE_FIELDS.map((f) => `circular.${f}`),
    ...["discountRate", "electricityPricePerKWh", "serviceLifeShiftYears", "energyUseShare"].map((k) => `sensitivity.input.${k}`),
    ...["low", "high"].map((e) => `sensitivity.${e}`),
    ...["en", "nl", "fr"].map((l) => `language.${l}`),
  ];
  return [...new Set([...literal, ...built])].sort();
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("wizard.json", () => {
  it("has the same keys in en, nl and fr", () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it("has every key the wizard uses", () => {
    const missing = usedKeys().filter((k) => !(k in en));
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
