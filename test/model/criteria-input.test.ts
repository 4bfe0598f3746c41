/**
 * Bad input to the criteria, each at its JSON path (settings) or row and criterion (answers), with the valid
 * values listed; answers by criterion id or en/nl/fr name, labels in any case, yes/no as ja/nee, oui/non.
 */
import {
  CRITERIA_RULES,
  CRITERION_IDS,
  type Criterion,
  LABELS,
  type CriteriaIssue,
  answerEntry,
  criterionOf,
  usedFields,
  checkCriteria,
  criterionOfName,
  issueMessage,
  issueText,
  labelOfName,
  matchCriteriaHeaders,
  parseAnswer,
  parseCriteriaRecord,
  yesNoOf,
} from "../../src/model/criteria";
import { LANGUAGES } from "../../src/i18n/core";
import { criteriaTables } from "../../src/i18n/criteria";
import { describeError } from "../../src/i18n/errors";

const CONTEXT = { qualityPoints: 60 };
const only = (input: unknown): CriteriaIssue[] => checkCriteria(input, CONTEXT).issues;

describe("settings: a clear message at the JSON path", () => {
  test("an unknown criterion id lists the valid ones", () => {
    const [issue] = only([{ id: "warrenty", role: "award", points: 5 }]);
    expect(issue).toMatchObject({ severity: "error", path: "criteria[0].id", index: 0, field: "id", rule: "unknownCriterion" });
    expect(issueText("en", issue)).toBe(`criteria[0].id: unknown criterion "warrenty"; valid ids: ${CRITERION_IDS.join(", ")}`);
    expect(issueMessage("nl", issue)).toMatch(/^onbekend criterium "warrenty"; geldige ids: warranty, spareParts, sparePartsPriceList/);
  });

  test("worst equal to best", () => {
    const checked = checkCriteria(
      [
        { id: "warranty", role: "requirement", threshold: 3 },
        { id: "repairability", role: "award", points: 6, worst: 5, best: 5 },
      ],
      CONTEXT,
    );
    expect(checked.ok).toBe(false);
    expect(checked.settings.map((s) => s.id)).toEqual(["warranty"]);
    expect(checked.issues).toEqual([
      { severity: "error", path: "criteria[1].best", index: 1, field: "best", rule: "worstEqualsBest", values: { value: 5 } },
    ]);
    expect(issueText("fr", checked.issues[0])).toBe("criteria[1].best: le pire et le meilleur valent tous deux 5 : ils doivent différer");
  });

  test("a missing threshold for a numeric requirement (not for a yes/no one, nor when the Parameters set Wr)", () => {
    expect(only([{ id: "batteryCycles", role: "requirement" }])).toEqual([
      { severity: "error", path: "criteria[0].threshold", index: 0, field: "threshold", rule: "thresholdMissing" },
    ]);
    expect(only([{ id: "takeBack", role: "requirement" }])).toEqual([]);
    expect(checkCriteria([{ id: "warranty", role: "requirement" }], { qualityPoints: 60, requiredWarrantyYears: 4 }).issues).toEqual([]);
  });

  test("points below 0; points missing on an award", () => {
    expect(only([{ id: "packaging", role: "award", points: -2 }])).toEqual([
      { severity: "error", path: "criteria[0].points", index: 0, field: "points", rule: "pointsNegative", values: { value: -2 } },
    ]);
    expect(only([{ id: "packaging", role: "award" }])).toMatchObject([{ path: "criteria[0].points", rule: "pointsMissing" }]);
  });

  test("a wrong type or an out-of-range number", () => {
    expect(only([{ id: "spareParts", role: "requirement", threshold: "five" }])).toEqual([
      { severity: "error", path: "criteria[0].threshold", index: 0, field: "threshold", rule: "notANumber", values: { value: "five" } },
    ]);
    expect(only([{ id: "repairability", role: "award", points: 6, worst: 5, best: 12 }])).toEqual([
      { severity: "error", path: "criteria[0].best", index: 0, field: "best", rule: "outOfRange", values: { value: 12, min: 0, max: 10 } },
    ]);
    expect(only({ id: "warranty" })).toEqual([{ severity: "error", path: "criteria", rule: "notAList" }]);
    expect(only(["warranty"])).toMatchObject([{ path: "criteria[0]", rule: "notAnObject" }]);
  });

  test("an unknown role, a key, a duplicate, worst and best the wrong way round", () => {
    expect(only([{ id: "warranty", role: "mandatory", threshold: 3 }])).toEqual([
      {
        severity: "error",
        path: "criteria[0].role",
        index: 0,
        field: "role",
        rule: "unknownRole",
        values: { value: "mandatory", valid: "requirement, award, clause, off" },
      },
    ]);
    expect(only([{ id: "takeBack", role: "clause", weight: 3 }])).toMatchObject([
      { path: "criteria[0]", rule: "unknownKey", values: { key: "weight" } },
    ]);
    expect(
      only([
        { id: "takeBack", role: "clause" },
        { id: "takeBack", role: "requirement" },
      ]),
    ).toEqual([
      {
        severity: "error",
        path: "criteria[1].id",
        index: 1,
        field: "id",
        rule: "duplicateCriterion",
        values: { id: "takeBack", first: "criteria[0]" },
      },
    ]);
    expect(only([{ id: "warranty", role: "award", points: 10, worst: 5, best: 3 }])).toMatchObject([
      { path: "criteria[0].best", rule: "bestNotBetter" },
    ]);
    expect(only([{ id: "warranty", role: "award", points: 10, worst: 3 }])).toMatchObject([
      { path: "criteria[0].best", rule: "worstBestMissing" },
    ]);
    expect(only([{ id: "warranty", role: "award", points: 10, worst: "3" }])).toMatchObject([
      { path: "criteria[0].worst", rule: "notANumber" },
      { path: "criteria[0].best", rule: "worstBestMissing" },
    ]);
    expect(usedFields(criterionOf("warranty") as Criterion, "award")).toEqual(["points", "worst", "best"]);
    expect(usedFields(criterionOf("label") as Criterion, "requirement")).toEqual(["levels"]);
    expect(usedFields(criterionOf("takeBack") as Criterion, "clause")).toEqual([]);
    expect(only([{ role: "award" }])).toMatchObject([{ path: "criteria[0].id", rule: "idMissing" }]);
  });

  test("labels: an unknown label lists the valid ones; any case is accepted; shares 0 to 1; levels needed for an award", () => {
    const [issue] = only([{ id: "label", role: "award", points: 8, levels: { "EPEAT Platinum": 1 } }]);
    expect(issue).toMatchObject({ path: 'criteria[0].levels["EPEAT Platinum"]', rule: "unknownLabel" });
    expect(issueMessage("en", issue)).toBe(`unknown label "EPEAT Platinum"; valid labels: ${LABELS.join(", ")}`);
    const checked = checkCriteria([{ id: "label", role: "award", points: 8, levels: { "epeat gold": 1, "TCO  certified": 0.5 } }], CONTEXT);
    expect(checked.issues).toEqual([]);
    expect(checked.settings[0].levels).toEqual({ "EPEAT Gold": 1, "TCO Certified": 0.5 });
    expect(only([{ id: "label", role: "award", points: 8, levels: { "EPEAT Gold": 75 } }])).toMatchObject([
      { path: 'criteria[0].levels["EPEAT Gold"]', rule: "levelOutOfRange" },
    ]);
    expect(only([{ id: "label", role: "award", points: 8 }])).toMatchObject([{ path: "criteria[0].levels", rule: "levelsMissing" }]);
    expect(
      checkCriteria([{ id: "label", role: "requirement", levels: { Gelijkwaardig: 1, "epeat-silver": 1 } }], CONTEXT).settings[0].levels,
    ).toEqual({ equivalent: 1, "EPEAT Silver": 1 });
    expect(only([{ id: "label", role: "requirement", levels: { none: 0 } }])).toMatchObject([
      { path: "criteria[0].levels", rule: "noLabelAccepted" },
    ]);
  });

  test("a field the role does not use is a warning, never dropped in silence", () => {
    const checked = checkCriteria([{ id: "packaging", role: "award", points: 2, threshold: 1 }], CONTEXT);
    expect(checked.ok).toBe(true);
    expect(checked.issues).toEqual([
      { severity: "warning", path: "criteria[0].threshold", index: 0, field: "threshold", rule: "unusedField", values: { role: "award" } },
    ]);
    expect(issueText("nl", checked.issues[0])).toBe("criteria[0].threshold: niet gebruikt bij de rol Gunningscriterium: genegeerd");
  });

  test("every rule has its wording in every language", () => {
    const missing = LANGUAGES.flatMap((lang) =>
      CRITERIA_RULES.filter((r) => typeof criteriaTables[lang][`issue.${r}`] !== "string").map((r) => `${lang}:${r}`),
    );
    expect(missing).toEqual([]);
  });
});

describe("answers", () => {
  test("a column goes by the criterion id or its name in en, nl or fr, with or without a unit", () => {
    expect(
      matchCriteriaHeaders([
        "warranty",
        "Garantie (jaar)",
        "Reserveonderdelen",
        "Pièces détachées",
        "BATTERY CYCLES",
        "Indice de réparabilité",
        "Gecertificeerde gegevenswissing",
        "Supplier",
      ]),
    ).toEqual(["warranty", "warranty", "spareParts", "spareParts", "batteryCycles", "repairability", "dataErasure", undefined]);
    expect(criterionOfName("  ")).toBeUndefined();
  });

  test("labels by name in any case and language; yes/no as yes/no, ja/nee, oui/non, true/false, waar/onwaar, vrai/faux", () => {
    expect(
      ["tco certified", "EPEAT-gold", "GEEN", "aucun", "Gelijkwaardig", "équivalent", "blauer engel", "EPEAT Platinum"].map(labelOfName),
    ).toEqual(["TCO Certified", "EPEAT Gold", "none", "none", "equivalent", "equivalent", "Blauer Engel", undefined]);
    expect(["yes", "Ja", "OUI", "no", "nee", "non", "WAAR", "faux", "misschien"].map(yesNoOf)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      true,
      false,
      undefined,
    ]);
  });

  test("an answer of the wrong type is refused with the valid answers", () => {
    const words = parseAnswer("takeBack", "misschien");
    expect(words).toEqual({
      value: null,
      error: {
        kind: "type",
        argument: "takeBack",
        rule: "unknownOption",
        detail: "yes, ja, oui, true, waar, vrai, no, nee, non, false, onwaar, faux",
      },
    });
    expect(describeError(words.error as never, "nl")).toBe(
      "takeBack moet een van deze waarden zijn: yes, ja, oui, true, waar, vrai, no, nee, non, false, onwaar, faux.",
    );
    expect(parseAnswer("warranty", "three")).toEqual({
      value: null,
      error: { kind: "type", argument: "warranty", rule: "notANumber", detail: "three" },
    });
    expect(parseAnswer("label", "EPEAT Platinum").error).toEqual({
      kind: "type",
      argument: "label",
      rule: "unknownOption",
      detail: LABELS.join(", "),
    });
    expect(parseAnswer("label", 3).error?.rule).toBe("unknownOption");
    expect(parseAnswer("repairability", "11").error).toEqual({ kind: "domain", argument: "repairability", rule: "atMost", detail: "10" });
    expect(parseAnswer("spareParts", "-1").error).toEqual({ kind: "domain", argument: "spareParts", rule: "nonNegative", detail: "0" });
    expect(parseAnswer("warranty", "5 %").error?.rule).toBe("percentNotAllowed");
  });

  test("numbers in the file's locale; a share in % with or without its sign; cells as they come", () => {
    expect(parseAnswer("warranty", "3,5", "nl")).toEqual({ value: 3.5 });
    expect(parseAnswer("batteryCycles", "1.000").error?.rule).toBe("ambiguousThousands");
    expect(parseAnswer("batteryCycles", "1.000", "nl")).toEqual({ value: 1000 });
    expect(parseAnswer("recycledPlastic", "85 %")).toEqual({ value: 85 });
    expect(parseAnswer("recycledPlastic", "85")).toEqual({ value: 85 });
    expect(parseAnswer("warranty", 4)).toEqual({ value: 4 });
    expect(parseAnswer("upgradeable", true)).toEqual({ value: true });
    expect(parseAnswer("upgradeable", "  ")).toEqual({ value: null });
  });

  test("a record: shared answers go to their Bids fields, the others to answers; a criterion in two columns and a bad answer are reported at the row", () => {
    const record = {
      Supplier: "Acme",
      Garantie: "4",
      spareParts: "7",
      Label: "epeat silver",
      Batterijcycli: "500",
      "Certified data erasure": "oui",
      warranty: "5",
      Robuustheid: "misschien",
    };
    const parsed = parseCriteriaRecord(record, { row: 7 });
    expect(parsed.shared).toEqual({ warrantyYears: 4, sparePartsYears: 7, takeBackWithDataErasure: true });
    expect(parsed.answers).toEqual({ label: "EPEAT Silver", batteryCycles: 500, robustness: null });
    expect(parsed.unknown).toEqual(["Supplier"]);
    expect(parsed.errors).toEqual([
      { row: 7, field: "warranty", error: { kind: "type", argument: "warranty", rule: "duplicateColumn", detail: "Garantie" } },
      {
        row: 7,
        field: "robustness",
        error: { kind: "type", argument: "robustness", rule: "unknownOption", detail: expect.stringContaining("ja, oui") },
      },
    ]);
  });

  test("an answer typed back reads the same in its language", () => {
    for (const lang of LANGUAGES) {
      expect(parseAnswer("warranty", answerEntry(lang, 3.5), lang).value).toBe(3.5);
      expect(parseAnswer("takeBack", answerEntry(lang, false), lang).value).toBe(false);
      expect(parseAnswer("label", answerEntry(lang, "none"), lang).value).toBe("none");
      expect(parseAnswer("label", answerEntry(lang, "EPEAT Silver"), lang).value).toBe("EPEAT Silver");
    }
    expect([answerEntry("nl", true), answerEntry("fr", "equivalent"), answerEntry("en", null)]).toEqual(["ja", "équivalent", ""]);
  });
});
