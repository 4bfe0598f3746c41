/**
 * The criteria inside the comparison (CRITERIA.md §3.4): evaluateComparison checks the commitments and the
 * criteria as one list of reasons, ranks the compliant offers only, and scores MEAT as price score + quality
 * total. The §4 cases P–T through the whole comparison, properties over random settings and answers, and
 * the comparison's storage (criteria in the entries, old saves read without them).
 */
import fc from "fast-check";
import { readSaved, storedText } from "../../src/host/savedFormat";
import {
  type Bid,
  DEFAULT_PARAMETERS,
  type Parameters,
  bidEntries,
  bidFromEntries,
  defaultParameterEntries,
  evaluateComparison,
  parametersFromEntries,
  parameterText,
} from "../../src/model";
import { type Answer, CATALOGUE, type CriterionId, type CriterionSetting, LABELS, reasonText } from "../../src/model/criteria";
import { SECTION_4, SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";

const SETTINGS: CriterionSetting[] = SECTION_4;
const PARAMETERS: Parameters = { ...referenceParameters, qualityPoints: 60, pricePoints: 40, criteria: SETTINGS };

const [P, Q, R, S, T] = SECTION_4_BIDS;

const evaluate = (p: Parameters, bids: readonly Bid[]) => {
  const r = evaluateComparison(p, bids, "computers");
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe("CRITERIA.md §4 P–T through evaluateComparison", () => {
  const result = evaluate(PARAMETERS, [P, Q, R, S, T]);
  const [p, q, r, s, t] = result.bids;

  test("quality totals 42.7143, 54, 38, S none, 40; criteria points 12.7143, 24, 8, 10", () => {
    expect(p.criteriaPoints).toBeCloseTo(5 + 1.2 / 0.7 + 6, 9);
    expect(p.qualityTotal).toBeCloseTo(42.7143, 4);
    expect(q.criteriaPoints).toBeCloseTo(24, 9);
    expect(q.qualityTotal).toBeCloseTo(54, 9);
    expect(r.criteriaPoints).toBeCloseTo(8, 9);
    expect(r.qualityTotal).toBeCloseTo(38, 9);
    expect(t.criteriaPoints).toBeCloseTo(10, 9);
    expect(t.qualityTotal).toBeCloseTo(40, 9);
    expect(s.criteriaPoints).toBeNaN();
    expect(s.qualityTotal).toBeNaN();
    expect([p, q, r, t].map((x) => x.qualityPoints)).toEqual([30, 30, 30, 30]);
  });

  test("S is out with one reason in words, no rank and no scores; the others are ranked", () => {
    expect(s.compliant).toBe(false);
    expect(s.reasons).toEqual([{ requirement: "sparePartsYears", required: 5, answer: 3 }]);
    const [reason] = s.reasons;
    expect(reasonText("en", reason)).toBe("Spare parts: 3 years, the tender asks at least 5");
    expect(reasonText("nl", reason)).toBe("Reserveonderdelen: 3 jaar, de opdracht vraagt minstens 5");
    for (const k of ["rank", "priceScore", "meatScore", "meatRank"] as const) expect(s[k]).toBeNaN();
    for (const x of [p, q, r, t]) {
      expect(x.compliant).toBe(true);
      expect(x.reasons).toEqual([]);
    }
    expect([p, q, r, t].map((x) => x.rank).sort()).toEqual([1, 2, 3, 4]);
  });

  test("MEAT = price score + quality total; best value and price scores from the compliant offers only", () => {
    const compliant = [p, q, r, t];
    const best = Math.min(...compliant.map((x) => x.comparisonValue));
    expect(result.bestValue).toBe(best);
    // S is the cheapest purchase but does not set the best value.
    expect(s.comparisonValue).toBeLessThan(q.comparisonValue);
    for (const x of compliant) {
      expect(x.priceScore).toBeCloseTo((40 * best) / x.comparisonValue, 9);
      expect(x.meatScore).toBeCloseTo(x.priceScore + x.qualityTotal, 9);
    }
    const byMeat = [...compliant].sort((a, b) => b.meatScore - a.meatScore);
    expect(byMeat.map((x) => x.meatRank)).toEqual([1, 2, 3, 4]);
  });

  test("the same offers without S: the same quality totals (an out offer moves no one's criteria)", () => {
    const again = evaluate(PARAMETERS, [P, Q, R, T]).bids;
    expect(again.map((x) => x.qualityTotal)).toEqual([p, q, r, t].map((x) => x.qualityTotal));
    expect(again.map((x) => x.meatScore)).toEqual([p, q, r, t].map((x) => x.meatScore));
  });

  test("the warranty and spare-parts requirement thresholds are also the LCC's Wr (costed as checked)", () => {
    const required: Parameters = { ...PARAMETERS, criteria: [{ id: "warranty", role: "requirement", threshold: 4 }] };
    const extendable = { ...P, warrantyYears: 3, extraWarrantyYearPrice: 25 };
    const [withCriterion] = evaluate(required, [extendable]).bids;
    const [withParameter] = evaluate({ ...PARAMETERS, criteria: [], requiredWarrantyYears: 4 }, [extendable]).bids;
    expect(withCriterion.compliant).toBe(true);
    expect(withCriterion.coveredWarrantyYears).toBe(4);
    expect(withCriterion.lccPerUnit).toBeCloseTo(withParameter.lccPerUnit, 9);
    const [short] = evaluate(required, [{ ...P, warrantyYears: 3, extraWarrantyYearPrice: null }]).bids;
    expect(short.compliant).toBe(false);
    expect(reasonText("en", short.reasons[0])).toMatch(/^Warranty: 3 years/);
  });
});

describe("no criterion on: the comparison is as before", () => {
  test("MEAT = price score + the offers' quality points, every offer ranked", () => {
    const p = { ...referenceParameters, qualityPoints: 60 };
    const [a, b] = evaluate(p, [
      { ...bidA, qualityPoints: 55 },
      { ...bidB, qualityPoints: 40 },
    ]).bids;
    expect(a.criteriaPoints).toBe(0);
    expect(a.qualityTotal).toBe(55);
    expect(b.qualityTotal).toBe(40);
    expect(a.meatScore).toBeCloseTo(a.priceScore + 55, 12);
    expect(b.criteria).toEqual([]);
    expect(DEFAULT_PARAMETERS.criteria).toEqual([]);
  });
});

// ---- properties

const ANSWERABLE = CATALOGUE;
const answerFor = (id: CriterionId): fc.Arbitrary<Answer> => {
  const c = CATALOGUE.find((x) => x.id === id)!;
  if (c.answer === "yesNo") return fc.oneof(fc.boolean(), fc.constant(null));
  if (c.answer === "label") return fc.oneof(fc.constantFrom(...LABELS), fc.constant(null));
  return fc.oneof(fc.integer({ min: c.min ?? 0, max: Math.min(c.max ?? 100, 2000) }), fc.constant(null));
};

const settingFor = (id: CriterionId): fc.Arbitrary<CriterionSetting> => {
  const c = CATALOGUE.find((x) => x.id === id)!;
  const lo = c.min ?? 0;
  const hi = Math.min(c.max ?? 100, 2000);
  const award: fc.Arbitrary<CriterionSetting> =
    c.answer === "number"
      ? fc
          .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: lo, max: hi - 1 }), fc.integer({ min: 1, max: hi - lo }))
          .map(([points, worst, span]) => ({ id, role: "award", points, worst, best: Math.min(hi, worst + span) }))
      : c.answer === "label"
        ? fc.integer({ min: 0, max: 20 }).map((points) => ({
            id,
            role: "award",
            points,
            levels: { "TCO Certified": 1, "EPEAT Gold": 1, "EPEAT Silver": 0.75, "EPEAT Bronze": 0.5 },
          }))
        : fc.integer({ min: 0, max: 20 }).map((points) => ({ id, role: "award", points }));
  const requirement: fc.Arbitrary<CriterionSetting> =
    c.answer === "number"
      ? fc.integer({ min: lo, max: hi }).map((threshold) => ({ id, role: "requirement", threshold }))
      : fc.constant({ id, role: "requirement" });
  return fc.oneof(
    award,
    requirement,
    fc.constant<CriterionSetting>({ id, role: "clause" }),
    fc.constant<CriterionSetting>({ id, role: "off" }),
  );
};

const settingsArb = fc
  .subarray(ANSWERABLE.map((c) => c.id))
  .chain((ids) => (ids.length ? fc.tuple(...ids.map(settingFor)) : fc.constant([] as CriterionSetting[])));

const bidArb = fc
  .record({
    deviceType: fc.constantFrom<Bid["deviceType"]>("notebook", "desktop", "tablet", "monitor"),
    condition: fc.constantFrom<Bid["condition"]>("new", "refurbished"),
    price: fc.integer({ min: 300, max: 2000 }),
    qualityPoints: fc.integer({ min: 0, max: 60 }),
    answers: fc.record(Object.fromEntries(CATALOGUE.map((c) => [c.id, answerFor(c.id)])) as Record<CriterionId, fc.Arbitrary<Answer>>),
  })
  .map(({ answers, ...b }): Bid => {
    const criteria: Partial<Record<CriterionId, Answer>> = {};
    for (const c of CATALOGUE) if (!c.bidField) criteria[c.id] = answers[c.id];
    return {
      ...bidA,
      ...b,
      warrantyYears: answers.warranty as number | null,
      sparePartsYears: answers.spareParts as number | null,
      takeBackWithDataErasure: answers.dataErasure === null ? null : answers.dataErasure ? "yes" : "no",
      criteria,
    };
  });

/** A better answer than `a` for the criterion, or undefined when there is none. */
function better(id: CriterionId, a: Answer, setting: CriterionSetting | undefined): Answer | undefined {
  const c = CATALOGUE.find((x) => x.id === id)!;
  if (c.answer === "yesNo") return a === true ? undefined : true;
  if (c.answer === "number")
    return typeof a === "number" ? (a < (c.max ?? Infinity) ? Math.min(c.max ?? Infinity, a + 1) : undefined) : (c.min ?? 0);
  const share = (l: Answer) => (typeof l === "string" ? (setting?.levels?.[l as never] ?? 0) : -1);
  return LABELS.find((l) => share(l) > share(a));
}

const withAnswer = (bid: Bid, id: CriterionId, answer: Answer): Bid => {
  const c = CATALOGUE.find((x) => x.id === id)!;
  if (c.bidField === "warrantyYears") return { ...bid, warrantyYears: answer as number };
  if (c.bidField === "sparePartsYears") return { ...bid, sparePartsYears: answer as number };
  if (c.bidField === "takeBackWithDataErasure") return { ...bid, takeBackWithDataErasure: answer ? "yes" : "no" };
  return { ...bid, criteria: { ...bid.criteria, [id]: answer } };
};

describe("properties over random settings and answers", () => {
  const params = (settings: CriterionSetting[]): Parameters => ({ ...referenceParameters, qualityPoints: 60, criteria: settings });

  test("a better answer never lowers the offer's MEAT score (nor its quality total), nor makes it fail", () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.array(bidArb, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.constantFrom(...CATALOGUE.map((c) => c.id)),
        (settings, bids, pick, id) => {
          const i = pick % bids.length;
          const answerNow = CATALOGUE.find((c) => c.id === id)!.bidField
            ? id === "warranty"
              ? bids[i].warrantyYears
              : id === "spareParts"
                ? bids[i].sparePartsYears
                : bids[i].takeBackWithDataErasure === null
                  ? null
                  : bids[i].takeBackWithDataErasure === "yes"
            : (bids[i].criteria?.[id] ?? null);
          const improved = better(
            id,
            answerNow,
            settings.find((s) => s.id === id),
          );
          if (improved === undefined) return;
          const changed = bids.map((b, j) => (j === i ? withAnswer(b, id, improved) : b));
          const before = evaluate(params(settings), bids).bids[i];
          const after = evaluate(params(settings), changed).bids[i];
          if (before.compliant) expect(after.compliant).toBe(true);
          if (before.compliant) {
            expect(after.qualityTotal).toBeGreaterThanOrEqual(before.qualityTotal - 1e-9);
            expect(after.meatScore).toBeGreaterThanOrEqual(before.meatScore - 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a failed requirement always removes the offer from ranking; the quality total never exceeds the maximum", () => {
    fc.assert(
      fc.property(settingsArb, fc.array(bidArb, { minLength: 1, maxLength: 5 }), (settings, bids) => {
        const result = evaluate(params(settings), bids);
        for (const r of result.bids) {
          const failed = r.criteria.some((c) => c.role === "requirement" && c.passed === false) || r.reasons.length > 0;
          expect(r.compliant).toBe(!failed);
          if (failed) for (const k of ["rank", "priceScore", "meatScore", "meatRank", "qualityTotal"] as const) expect(r[k]).toBeNaN();
          else {
            expect(r.rank).toBeGreaterThanOrEqual(1);
            expect(r.qualityTotal).toBeLessThanOrEqual(60 + 1e-12);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("stored with the comparison", () => {
  test("the criteria are a parameter entry (JSON) and back; answers are bid entries by criterion id", () => {
    const entries = {
      ...defaultParameterEntries("nl"),
      electricityPricePerKWh: "0,2",
      criteria: parameterText("criteria", SETTINGS, "nl"),
    };
    const read = parametersFromEntries(entries);
    expect(read.errors).toEqual({});
    expect(read.value.criteria).toEqual(SETTINGS);
    const bidText = bidEntries(R, "computers", "nl");
    expect(bidText).toMatchObject({ batteryCycles: "300", label: "geen", refurbishmentQuality: "ja", sparePartsYears: "5" });
    expect(bidFromEntries(bidText, "computers").bid?.criteria).toEqual({ batteryCycles: 300, label: "none", refurbishmentQuality: true });
  });

  test("a bad criteria entry is an error at its JSON path; a wrong answer at its criterion", () => {
    const entries = {
      ...defaultParameterEntries("en"),
      electricityPricePerKWh: "0.2",
      criteria: JSON.stringify([{ id: "warranty", role: "award", points: 5, worst: 3, best: 3 }]),
    };
    expect(parametersFromEntries(entries).errors.criteria).toMatchObject({
      argument: "criteria[0].best",
      rule: "criteriaInvalid",
      detail: "worstEqualsBest",
    });
    expect(bidFromEntries({ ...bidEntries(P, "computers", "en"), batteryCycles: "many" }, "computers").errors.batteryCycles).toMatchObject({
      rule: "notANumber",
    });
  });

  test("a version-3 save (before the criteria) reads with none on; a new save keeps them", () => {
    const old = JSON.stringify({
      version: 3,
      group: "computers",
      parameters: { qualityPoints: "60", electricityPricePerKWh: "0.2" },
      bids: [bidEntries(bidA, "computers", "en")],
      circular: {},
    });
    const read = readSaved(old);
    expect(read.unreadable).toEqual([]);
    expect(read.methodChanges).toEqual([]);
    expect(parametersFromEntries(read.comparison!.parameters).value.criteria).toEqual([]);
    const saved = {
      group: "computers" as const,
      parameters: { ...read.comparison!.parameters, criteria: JSON.stringify(SETTINGS) },
      bids: [bidEntries(R, "computers", "en")],
      circular: {},
    };
    const again = readSaved(storedText(saved));
    expect(parametersFromEntries(again.comparison!.parameters).value.criteria).toEqual(SETTINGS);
    expect(bidFromEntries(again.comparison!.bids[0], "computers").bid?.criteria).toEqual(R.criteria);
  });
});
