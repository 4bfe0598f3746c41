/**
 * The pane's first download carries the criteria tables reduced by scripts/criteria-words-loader.cjs (the
 * Criteria, Offers and Results steps bring the whole tables in their chunks). What the loader keeps must be
 * exactly what src/i18n/criteriaWords.ts reads, or a saved comparison would be read with words missing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LANGUAGES } from "../../src/i18n/core";
import { criteriaWord, criteriaWordsOf } from "../../src/i18n/criteriaWords";
import { CATALOGUE } from "../../src/model/criteria/catalogue";
import { labelOfName, yesNoOf } from "../../src/model/criteria/answers";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = require("../../scripts/criteria-words-loader.cjs") as (source: string) => string;

const FIXED = ["answer.yes", "answer.no", "answer.yesAlso", "answer.noAlso", "label.none", "label.equivalent"] as const;

describe("criteria words loader", () => {
  test.each(LANGUAGES)("keeps every criterion name, yes/no and the none/equivalent labels of %s, and nothing else", (lang) => {
    const source = readFileSync(join(__dirname, "../../src/i18n", lang, "criteria.json"), "utf8");
    const full = JSON.parse(source) as Record<string, string>;
    const kept = JSON.parse(loader(source)) as Record<string, string>;
    const read = [...CATALOGUE.map((c) => `criterion.${c.id}.name` as const), ...FIXED];
    expect(Object.keys(kept).sort()).toEqual([...read].sort());
    for (const key of read) expect([key, kept[key]]).toEqual([key, full[key]]);
    expect(Object.keys(full).length).toBeGreaterThan(3 * read.length); // the wording left for the later steps
  });

  test("the words read answers in every language", () => {
    expect(criteriaWord("nl", "criterion.spareParts.name")).toBe("Reserveonderdelen");
    expect(criteriaWordsOf("answer.yes")).toEqual(["yes", "ja", "oui"]);
    expect([yesNoOf("Ja"), yesNoOf("non"), yesNoOf("maybe")]).toEqual([true, false, undefined]);
    expect([labelOfName("geen"), labelOfName("aucun"), labelOfName("EPEAT-Gold")]).toEqual(["none", "none", "EPEAT Gold"]);
  });
});
