/**
 * The circular criteria model (CRITERIA.md): the reference cases P–T of §4 to 1e-9, the warranty and
 * spare-parts requirements as the LCC commitments' own check (LCC-METHOD §12.2–12.4), not-applicable
 * criteria, the refurbished exemption from the label, and the catalogue and presets themselves.
 */
import {
  CATALOGUE,
  CRITERION_IDS,
  type CriteriaContext,
  type CriteriaOffer,
  type CriterionSetting,
  answerText,
  awardPointsSum,
  checkCriteria,
  criterionName,
  criterionOf,
  effectiveCommitments,
  presetCriteria,
  reasonText,
  scoreOffer,
  scoreOffers,
} from "../../src/model/criteria";
import { LANGUAGES } from "../../src/i18n/core";
import { criteriaTables } from "../../src/i18n/criteria";
import { SECTION_4 } from "../fixtures/criteriaCases";

/** CRITERIA.md §4: the criteria of the reference cases. */
const SETTINGS: CriterionSetting[] = SECTION_4;
const CONTEXT: CriteriaContext = { qualityPoints: 60 };

const offer = (
  deviceType: string,
  condition: string,
  warrantyYears: number,
  sparePartsYears: number,
  batteryCycles: number | null,
  label: string,
  refurbished: boolean | null = null,
): CriteriaOffer => ({
  deviceType,
  condition,
  warrantyYears,
  sparePartsYears,
  criteria: { batteryCycles, label: label as never, refurbishmentQuality: refurbished },
  qualityPoints: 30,
});

const P = offer("notebook", "new", 4, 7, 500, "EPEAT Silver");
const Q = offer("notebook", "new", 5, 5, 1200, "TCO Certified");
const R = offer("notebook", "refurbished", 3, 5, 300, "none", true);
const S = offer("notebook", "new", 5, 3, 800, "EPEAT Gold");
const T = offer("desktop", "new", 3, 6, null, "EPEAT Bronze");

describe("CRITERIA.md §4 reference cases", () => {
  const [p, q, r, s, t] = scoreOffers(SETTINGS, [P, Q, R, S, T], CONTEXT);

  test("the §4 settings are valid as written", () => {
    expect(checkCriteria(SETTINGS, CONTEXT)).toEqual({ settings: SETTINGS, issues: [], ok: true });
  });

  test("P: notebook, new: 5 + 1.7143 + 6 = 12.7143 criteria points, quality total 42.7143", () => {
    expect(p.compliant).toBe(true);
    expect(p.points.warranty).toBeCloseTo(5, 9);
    expect(p.points.batteryCycles).toBeCloseTo((6 * 200) / 700, 9);
    expect(p.points.batteryCycles).toBeCloseTo(1.7143, 4);
    expect(p.points.label).toBeCloseTo(6, 9);
    expect(p.criteriaPoints).toBeCloseTo(5 + 1.2 / 0.7 + 6, 9);
    expect(p.criteriaPoints).toBeCloseTo(12.7143, 4);
    expect(p.qualityTotal).toBeCloseTo(30 + 5 + 1.2 / 0.7 + 6, 9);
    expect(p.qualityTotal).toBeCloseTo(42.7143, 4);
  });

  test("Q: 10 + 6 + 8 = 24, quality total 54 (1 200 cycles is capped at best)", () => {
    expect(q.compliant).toBe(true);
    expect(q.points).toEqual({ warranty: 10, batteryCycles: 6, label: 8 });
    expect(q.criteriaPoints).toBeCloseTo(24, 9);
    expect(q.qualityTotal).toBeCloseTo(54, 9);
  });

  test("R: refurbished without a label but with a documented refurbishment: 0 + 0 + 8 = 8, quality total 38", () => {
    expect(r.compliant).toBe(true);
    expect(r.points).toEqual({ warranty: 0, batteryCycles: 0, label: 8 });
    expect(r.criteriaPoints).toBeCloseTo(8, 9);
    expect(r.qualityTotal).toBeCloseTo(38, 9);
  });

  test("S: spare parts 3 < 5: not compliant, no criteria points and no quality total, one reason in words", () => {
    expect(s.compliant).toBe(false);
    expect(s.reasons).toEqual([{ requirement: "sparePartsYears", required: 5, answer: 3 }]);
    expect(s.criteriaPoints).toBeNull();
    expect(s.qualityTotal).toBeNull();
    expect(s.reasons.map((x) => reasonText("en", x))).toEqual(["Spare parts: 3 years, the tender asks at least 5"]);
    expect(reasonText("nl", s.reasons[0])).toBe("Reserveonderdelen: 3 jaar, de opdracht vraagt minstens 5");
    expect(reasonText("fr", s.reasons[0])).toBe("Pièces détachées : 3 ans, le marché demande au moins 5");
  });

  test("T: desktop: battery cycles do not apply (full points): 0 + 6 + 4 = 10, quality total 40", () => {
    expect(t.compliant).toBe(true);
    expect(t.points).toEqual({ warranty: 0, batteryCycles: 6, label: 4 });
    expect(t.scores.find((x) => x.id === "batteryCycles")).toEqual({
      id: "batteryCycles",
      role: "award",
      applicable: false,
      answer: null,
      points: 6,
      maxPoints: 6,
    });
    expect(t.criteriaPoints).toBeCloseTo(10, 9);
    expect(t.qualityTotal).toBeCloseTo(40, 9);
  });

  test("scoreOffer gives what scoreOffers gives; a clause is neither scored nor checked", () => {
    expect(scoreOffer(SETTINGS, P, CONTEXT)).toEqual(p);
    expect(p.scores.map((x) => x.id)).toEqual(["warranty", "spareParts", "batteryCycles", "label", "refurbishmentQuality"]);
  });
});

describe("requirements", () => {
  const base: CriteriaOffer = { deviceType: "notebook", condition: "new", warrantyYears: 3, sparePartsYears: 5, qualityPoints: 0 };

  test("warranty as a requirement is the LCC commitment: an offered extension meets it, capped at the horizon", () => {
    const settings: CriterionSetting[] = [{ id: "warranty", role: "requirement", threshold: 5 }];
    expect(scoreOffer(settings, base, CONTEXT).reasons).toEqual([{ requirement: "warrantyYears", required: 5, answer: 3 }]);
    expect(scoreOffer(settings, { ...base, extraWarrantyYearPrice: 25 }, CONTEXT).compliant).toBe(true);
    expect(scoreOffer(settings, base, CONTEXT, 4).reasons).toEqual([{ requirement: "warrantyYears", required: 4, answer: 3 }]);
    expect(scoreOffer(settings, base, CONTEXT, 3).compliant).toBe(true);
    expect(reasonText("en", scoreOffer(settings, base, CONTEXT).reasons[0])).toBe("Warranty: 3 years, the tender asks at least 5");
  });

  test("the Parameters' Wr and Sr are the thresholds, also when the criterion is an award or off; one reason each", () => {
    const ctx: CriteriaContext = { qualityPoints: 60, requiredWarrantyYears: 4, requiredSparePartsYears: 6 };
    const settings: CriterionSetting[] = [
      { id: "warranty", role: "requirement", threshold: 3 },
      { id: "spareParts", role: "award", points: 5, worst: 5, best: 7 },
    ];
    expect(effectiveCommitments(settings, ctx)).toEqual({ requiredWarrantyYears: 4, requiredSparePartsYears: 6 });
    expect(effectiveCommitments(settings, {})).toEqual({ requiredWarrantyYears: 3, requiredSparePartsYears: 0 });
    const result = scoreOffer(settings, base, ctx);
    expect(result.reasons).toEqual([
      { requirement: "warrantyYears", required: 4, answer: 3 },
      { requirement: "sparePartsYears", required: 6, answer: 5 },
    ]);
    expect(result.scores.find((x) => x.id === "warranty")?.passed).toBe(false);
    expect(checkCriteria(settings, ctx).issues).toEqual([
      {
        severity: "warning",
        path: "criteria[0].threshold",
        index: 0,
        field: "threshold",
        rule: "thresholdFromParameters",
        values: { value: 3, parameter: 4 },
      },
    ]);
  });

  test("a blank answer fails a requirement as 'no answer'; a no fails a yes/no requirement; a number below the threshold fails", () => {
    const settings: CriterionSetting[] = [
      { id: "takeBack", role: "requirement" },
      { id: "dataErasure", role: "requirement" },
      { id: "batteryCycles", role: "requirement", threshold: 300 },
      { id: "hazardousSubstances", role: "requirement" },
    ];
    const result = scoreOffer(
      settings,
      { ...base, takeBackWithDataErasure: false, criteria: { takeBack: null, batteryCycles: 250, hazardousSubstances: true } },
      CONTEXT,
    );
    expect(result.compliant).toBe(false);
    // In catalogue order.
    expect(result.reasons.map((x) => reasonText("en", x))).toEqual([
      "Battery cycles: 250 cycles, the tender asks at least 300",
      "Take-back: no answer, the tender requires one",
      "Certified data erasure: no, the tender requires yes",
    ]);
    expect(result.reasons.map((x) => reasonText("nl", x))).toEqual([
      "Batterijcycli: 250 cycli, de opdracht vraagt minstens 300",
      "Terugname: geen antwoord, de opdracht vereist er een",
      "Gecertificeerde gegevenswissing: nee, de opdracht vereist ja",
    ]);
  });

  test("a label requirement: listed with a share above 0, or any label but none when no levels are given", () => {
    const listed: CriterionSetting[] = [{ id: "label", role: "requirement", levels: { "EPEAT Gold": 1, "EPEAT Bronze": 0 } }];
    const anyLabel: CriterionSetting[] = [{ id: "label", role: "requirement" }];
    const withLabel = (label: string | null): CriteriaOffer => ({ ...base, criteria: { label: label as never } });
    expect(scoreOffer(listed, withLabel("EPEAT Gold"), CONTEXT).compliant).toBe(true);
    expect(scoreOffer(listed, withLabel("EPEAT Bronze"), CONTEXT).reasons).toEqual([
      { requirement: "criterion", criterion: "label", problem: "notAccepted", answer: "EPEAT Bronze", accepted: ["EPEAT Gold"] },
    ]);
    expect(reasonText("en", scoreOffer(listed, withLabel("EPEAT Bronze"), CONTEXT).reasons[0])).toBe(
      "Label: EPEAT Bronze is not accepted (accepted: EPEAT Gold)",
    );
    expect(scoreOffer(anyLabel, withLabel("Blauer Engel"), CONTEXT).compliant).toBe(true);
    expect(reasonText("fr", scoreOffer(anyLabel, withLabel("none"), CONTEXT).reasons[0])).toBe(
      "Label : aucun, le marché exige un label ou un équivalent",
    );
    expect(scoreOffer(anyLabel, withLabel(null), CONTEXT).reasons[0]).toMatchObject({ problem: "noAnswer" });
    // §3.3: a refurbished offer with a documented refurbishment is exempt; without it, it is not.
    const refurbished = (quality: boolean | null): CriteriaOffer => ({
      ...base,
      condition: "refurbished",
      criteria: { label: "none", refurbishmentQuality: quality },
    });
    expect(scoreOffer(anyLabel, refurbished(true), CONTEXT).compliant).toBe(true);
    expect(scoreOffer(anyLabel, refurbished(false), CONTEXT).compliant).toBe(false);
  });

  test("refurbishment quality applies to refurbished offers only; battery criteria not to a monitor", () => {
    const settings: CriterionSetting[] = [
      { id: "refurbishmentQuality", role: "requirement" },
      { id: "batteryReplaceable", role: "requirement" },
    ];
    expect(scoreOffer(settings, { ...base, deviceType: "monitor" }, CONTEXT).compliant).toBe(true);
    expect(scoreOffer(settings, { ...base, condition: "refurbished", deviceType: "monitor" }, CONTEXT).reasons).toEqual([
      { requirement: "criterion", criterion: "refurbishmentQuality", problem: "noAnswer", answer: null },
    ]);
  });
});

describe("awards", () => {
  const base: CriteriaOffer = { deviceType: "notebook", condition: "new", qualityPoints: 0 };

  test("numbers: points · clamp((answer − worst) / (best − worst), 0, 1); a blank gives 0; yes/no: points for yes", () => {
    const settings: CriterionSetting[] = [
      { id: "repairability", role: "award", points: 6, worst: 5, best: 10 },
      { id: "recycledPlastic", role: "award", points: 2, worst: 0, best: 85 },
      { id: "upgradeable", role: "award", points: 3 },
      { id: "packaging", role: "award", points: 2 },
    ];
    const at = (repairability: number | null, plastic: number | null) =>
      scoreOffer(settings, { ...base, criteria: { repairability, recycledPlastic: plastic, upgradeable: true, packaging: false } }, CONTEXT)
        .points;
    expect(at(7.5, 42.5)).toEqual({ repairability: 3, recycledPlastic: 1, upgradeable: 3, packaging: 0 });
    expect(at(4, 100)).toEqual({ repairability: 0, recycledPlastic: 2, upgradeable: 3, packaging: 0 });
    expect(at(null, null)).toEqual({ repairability: 0, recycledPlastic: 0, upgradeable: 3, packaging: 0 });
  });

  test("award points above the quality maximum: a warning, and every quality total is capped", () => {
    const settings: CriterionSetting[] = [
      { id: "upgradeable", role: "award", points: 40 },
      { id: "packaging", role: "award", points: 30 },
    ];
    const checked = checkCriteria(settings, CONTEXT);
    expect(checked.ok).toBe(true);
    expect(checked.issues).toEqual([
      { severity: "warning", path: "criteria", rule: "pointsAboveQualityMaximum", values: { sum: 70, max: 60 } },
    ]);
    const result = scoreOffer(settings, { ...base, qualityPoints: 10, criteria: { upgradeable: true, packaging: true } }, CONTEXT);
    expect(result.criteriaPoints).toBe(70);
    expect(result.qualityTotal).toBe(60);
  });
});

describe("catalogue and presets", () => {
  test("18 criteria with frozen ids, in the order of CRITERIA.md §1", () => {
    expect(CATALOGUE.map((c) => c.id)).toEqual([...CRITERION_IDS]);
    expect(CRITERION_IDS).toHaveLength(18);
    expect(criterionOf("batteryCycles")).toMatchObject({
      answer: "number",
      unit: "cycles",
      appliesTo: { deviceTypes: ["notebook", "tablet", "smartphone"] },
    });
    expect(criterionOf("warranty")?.bidField).toBe("warrantyYears");
    expect(criterionOf("dataErasure")?.bidField).toBe("takeBackWithDataErasure");
  });

  test.each(LANGUAGES)("every criterion has a name, a question and a source in %s", (lang) => {
    const missing = CATALOGUE.flatMap((c) => ["name", "question", "source"].map((k) => `criterion.${c.id}.${k}`)).filter(
      (k) => typeof criteriaTables[lang][k] !== "string" || criteriaTables[lang][k] === "",
    );
    expect(missing).toEqual([]);
    expect(CATALOGUE.every((c) => c.source === `criterion.${c.id}.source`)).toBe(true);
  });

  test("both presets are valid settings within the default 60 quality points, with the roles of CRITERIA.md §1", () => {
    for (const preset of ["basis", "ambitious"] as const) {
      const settings = presetCriteria(preset);
      expect(checkCriteria(settings, CONTEXT)).toEqual({ settings, issues: [], ok: true });
    }
    const basis = presetCriteria("basis");
    const ambitious = presetCriteria("ambitious");
    expect(basis.find((s) => s.id === "warranty")).toEqual({ id: "warranty", role: "requirement", threshold: 3 });
    expect(basis.find((s) => s.id === "spareParts")).toEqual({ id: "spareParts", role: "requirement", threshold: 5 });
    expect(basis.find((s) => s.id === "batteryCycles")).toEqual({ id: "batteryCycles", role: "requirement", threshold: 300 });
    expect(basis.find((s) => s.id === "label")).toEqual({ id: "label", role: "requirement" });
    expect(ambitious.find((s) => s.id === "warranty")).toMatchObject({ role: "award", worst: 3, best: 5 });
    expect(ambitious.find((s) => s.id === "softwareUpdates")).toMatchObject({ role: "award", worst: 5, best: 8 });
    expect(ambitious.find((s) => s.id === "label")?.levels).toMatchObject({
      "TCO Certified": 1,
      "EPEAT Gold": 1,
      "EPEAT Silver": 0.75,
      "EPEAT Bronze": 0.5,
      equivalent: 1,
    });
    expect(basis.filter((s) => s.role === "off").map((s) => s.id)).toEqual([
      "robustness",
      "softwareUpdates",
      "modularDesign",
      "recycledPlastic",
    ]);
    expect(ambitious.filter((s) => s.role === "requirement").map((s) => s.id)).toEqual([
      "sparePartsPriceList",
      "hazardousSubstances",
      "takeBack",
      "dataErasure",
      "refurbishmentQuality",
    ]);
    expect([awardPointsSum(basis), awardPointsSum(ambitious)]).toEqual([12, 40]);
  });

  test("a preset is a fresh copy: editing it does not change the catalogue", () => {
    const first = presetCriteria("ambitious");
    (first.find((s) => s.id === "label")?.levels as Record<string, number>)["EPEAT Gold"] = 0;
    expect(presetCriteria("ambitious").find((s) => s.id === "label")?.levels?.["EPEAT Gold"]).toBe(1);
  });

  test("answers in words", () => {
    const cycles = criterionOf("batteryCycles");
    const label = criterionOf("label");
    if (!cycles || !label) throw new Error("catalogue");
    expect([
      answerText("en", cycles, 1),
      answerText("nl", cycles, 800),
      answerText("fr", label, "none"),
      answerText("nl", label, null),
    ]).toEqual(["1 cycle", "800 cycli", "aucun", "geen antwoord"]);
    expect([criterionName("en", "spareParts"), criterionName("nl", "spareParts"), criterionName("fr", "spareParts")]).toEqual([
      "Spare parts",
      "Reserveonderdelen",
      "Pièces détachées",
    ]);
  });
});
