/**
 * Properties of the criteria's scoring for any valid settings and any offer (fast-check): a better answer
 * never lowers an offer's quality total (nor makes it non-compliant); a failed requirement always makes it
 * non-compliant, without scores; the quality total never exceeds the quality maximum.
 */
import fc from "fast-check";
import { COMPUTER_DEVICE_TYPES, IMAGING_DEVICE_TYPES } from "../../src/model/bid";
import {
  type Answer,
  CATALOGUE,
  type CriteriaContext,
  type CriteriaOffer,
  type Criterion,
  type CriterionId,
  type CriterionSetting,
  LABELS,
  type Label,
  ROLES,
  answerOf,
  checkCriteria,
  scoreOffer,
} from "../../src/model/criteria";

/** A valid setting for one criterion: any role, numbers inside the criterion's range, worst below best. */
function settingArb(c: Criterion): fc.Arbitrary<CriterionSetting> {
  const min = c.min ?? 0;
  const max = c.max ?? 0;
  const inRange = fc.double({ min, max, noNaN: true });
  const points = fc.double({ min: 0, max: 25, noNaN: true });
  const levels = fc.dictionary(fc.constantFrom(...LABELS), fc.double({ min: 0, max: 1, noNaN: true }), { minKeys: 1 }) as fc.Arbitrary<
    Partial<Record<Label, number>>
  >;
  return fc.constantFrom(...ROLES).chain((role): fc.Arbitrary<CriterionSetting> => {
    if (role === "clause" || role === "off") return fc.constant({ id: c.id, role });
    if (role === "requirement") {
      if (c.answer === "number") return inRange.map((threshold) => ({ id: c.id, role, threshold }));
      if (c.answer === "label")
        return fc
          .option(
            levels.filter((l) => Object.values(l).some((s) => (s ?? 0) > 0)),
            { nil: undefined },
          )
          .map((l) => (l ? { id: c.id, role, levels: l } : { id: c.id, role }));
      return fc.constant({ id: c.id, role });
    }
    if (c.answer === "number")
      return fc
        .tuple(points, inRange, inRange)
        .filter(([, a, b]) => a !== b)
        .map(([p, a, b]) => ({ id: c.id, role, points: p, worst: Math.min(a, b), best: Math.max(a, b) }));
    if (c.answer === "label") return fc.tuple(points, levels).map(([p, l]) => ({ id: c.id, role, points: p, levels: l }));
    return points.map((p) => ({ id: c.id, role, points: p }));
  });
}

const settingsArb: fc.Arbitrary<CriterionSetting[]> = fc.tuple(...CATALOGUE.map(settingArb)).chain((all) => fc.subarray(all));

function answerArb(c: Criterion): fc.Arbitrary<Answer> {
  const value: fc.Arbitrary<Answer> =
    c.answer === "number"
      ? fc.double({ min: c.min ?? 0, max: c.max ?? 0, noNaN: true })
      : c.answer === "yesNo"
        ? fc.boolean()
        : fc.constantFrom(...LABELS);
  return fc.option(value, { nil: null });
}

const answersArb = fc
  .tuple(...CATALOGUE.map(answerArb))
  .map((values) => Object.fromEntries(CATALOGUE.map((c, i) => [c.id, values[i]])) as Record<CriterionId, Answer>);

/** An offer whose answers (shared Bids fields included) come from one map by criterion id. */
const offerOf = (
  deviceType: string,
  condition: string,
  answers: Record<CriterionId, Answer>,
  extraWarrantyYearPrice: number | null,
  qualityPoints: number,
): CriteriaOffer => ({
  deviceType,
  condition,
  warrantyYears: answers.warranty as number | null,
  sparePartsYears: answers.spareParts as number | null,
  takeBackWithDataErasure: answers.dataErasure as boolean | null,
  extraWarrantyYearPrice,
  criteria: answers,
  qualityPoints,
});

const offerArb = fc.record({
  deviceType: fc.constantFrom(...COMPUTER_DEVICE_TYPES, ...IMAGING_DEVICE_TYPES),
  condition: fc.constantFrom("new", "refurbished"),
  answers: answersArb,
  extra: fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: null }),
  quality: fc.double({ min: 0, max: 100, noNaN: true }),
  horizon: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
});

const contextArb: fc.Arbitrary<CriteriaContext> = fc.record({
  qualityPoints: fc.oneof(fc.double({ min: 0, max: 60, noNaN: true }), fc.constant(1000)),
  requiredWarrantyYears: fc.constantFrom(0, 0, 2, 3, 5),
  requiredSparePartsYears: fc.constantFrom(0, 0, 5, 7),
});

/** The label's share and acceptance under a setting: a better label is accepted whenever the worse one is and has no lower share. */
function labelStanding(s: CriterionSetting | undefined, label: Answer): [number, boolean] {
  if (typeof label !== "string") return [0, false];
  const share = s?.levels?.[label as Label] ?? 0;
  return [share, s?.levels ? share > 0 : label !== "none"];
}

/** Whether `better` is at least as good an answer as `worse` to criterion c under setting s. */
function atLeastAsGood(c: Criterion, s: CriterionSetting | undefined, worse: Answer, better: Answer): boolean {
  if (worse === null) return true;
  if (better === null) return false;
  if (c.answer === "number") return (better as number) >= (worse as number);
  if (c.answer === "yesNo") return better === true || worse === false;
  const [ws, wa] = labelStanding(s, worse);
  const [bs, ba] = labelStanding(s, better);
  return bs >= ws && (ba || !wa);
}

test("generated settings are valid (the properties below hold for what checkCriteria accepts)", () => {
  fc.assert(fc.property(settingsArb, (settings) => checkCriteria(settings).ok));
});

test("a better answer never lowers an offer's quality total, nor makes a compliant offer non-compliant", () => {
  const improvement = fc
    .tuple(offerArb, fc.constantFrom(...CATALOGUE), fc.integer({ min: 0, max: 1000 }))
    .chain(([o, c, seed]) => answerArb(c).map((a) => ({ o, c, a, seed })));
  fc.assert(
    fc.property(settingsArb, contextArb, improvement, (settings, ctx, { o, c, a }) => {
      const setting = settings.find((s) => s.id === c.id);
      const before = o.answers[c.id];
      fc.pre(atLeastAsGood(c, setting, before, a));
      const worse = scoreOffer(settings, offerOf(o.deviceType, o.condition, o.answers, o.extra, o.quality), ctx, o.horizon);
      const improved = offerOf(o.deviceType, o.condition, { ...o.answers, [c.id]: a }, o.extra, o.quality);
      const better = scoreOffer(settings, improved, ctx, o.horizon);
      expect(answerOf(improved, c)).toBe(a);
      // The points each criterion earns, also for an offer out on a requirement (so the cap and compliance hide nothing).
      const earned = (r: typeof worse) => Object.values(r.points).reduce((x, y) => x + (y ?? 0), 0);
      expect(earned(better)).toBeGreaterThanOrEqual(earned(worse) - 1e-9);
      if (worse.compliant) {
        expect(better.compliant).toBe(true);
        expect(better.qualityTotal as number).toBeGreaterThanOrEqual((worse.qualityTotal as number) - 1e-9);
      }
    }),
    { numRuns: 2000 },
  );
});

test("a failed requirement always makes the offer non-compliant, with no criteria points and no quality total", () => {
  fc.assert(
    fc.property(settingsArb, contextArb, offerArb, (settings, ctx, o) => {
      const r = scoreOffer(settings, offerOf(o.deviceType, o.condition, o.answers, o.extra, o.quality), ctx, o.horizon);
      const failed = r.scores.some((s) => s.passed === false);
      if (failed) {
        expect(r.compliant).toBe(false);
        expect(r.criteriaPoints).toBeNull();
        expect(r.qualityTotal).toBeNull();
      }
      expect(r.compliant).toBe(r.reasons.length === 0);
      expect(r.compliant ? r.qualityTotal : null).toBe(r.qualityTotal);
    }),
    { numRuns: 2000 },
  );
});

test("a blank answer to an applicable requirement always fails it", () => {
  const requirementArb = settingsArb.filter((ss) =>
    ss.some((s) => s.role === "requirement" && !["warranty", "spareParts", "label"].includes(s.id)),
  );
  fc.assert(
    fc.property(requirementArb, contextArb, offerArb, fc.integer({ min: 0, max: 100 }), (settings, ctx, o, pick) => {
      const requirements = settings.filter((s) => s.role === "requirement" && !["warranty", "spareParts", "label"].includes(s.id));
      const target = requirements[pick % requirements.length];
      const c = CATALOGUE.find((x) => x.id === target.id) as Criterion;
      const condition = target.id === "refurbishmentQuality" ? "refurbished" : o.condition;
      const deviceType = typeof c.appliesTo === "object" && "deviceTypes" in c.appliesTo ? c.appliesTo.deviceTypes[0] : o.deviceType;
      const r = scoreOffer(
        settings,
        offerOf(deviceType, condition, { ...o.answers, [target.id]: null }, o.extra, o.quality),
        ctx,
        o.horizon,
      );
      expect(r.compliant).toBe(false);
      expect(r.reasons).toContainEqual({ requirement: "criterion", criterion: target.id, problem: "noAnswer", answer: null });
    }),
    { numRuns: 1000 },
  );
});

test("the quality total never exceeds the quality maximum; each criterion's points stay within its own", () => {
  fc.assert(
    fc.property(settingsArb, contextArb, offerArb, (settings, ctx, o) => {
      const r = scoreOffer(settings, offerOf(o.deviceType, o.condition, o.answers, o.extra, o.quality), ctx, o.horizon);
      if (r.qualityTotal !== null) {
        expect(r.qualityTotal).toBeLessThanOrEqual(ctx.qualityPoints);
        expect(r.qualityTotal).toBeGreaterThanOrEqual(0);
      }
      for (const s of r.scores) if (s.role === "award") expect(s.points as number).toBeLessThanOrEqual((s.maxPoints as number) + 1e-12);
    }),
    { numRuns: 2000 },
  );
});
