/**
 * Properties of the circular commitments (LCC-METHOD §12) for any input, checked with fast-check: a
 * declared life beyond the period earns nothing, a longer warranty never hurts, repairs only add cost.
 */
import fc from "fast-check";
import {
  type BidCosts,
  type LccParameters,
  circularOptionsCo2,
  commitmentCompliance,
  comparesOnEac,
  coveredWarrantyYears,
  defaultResidualValue,
  equivalentAnnualCost,
  horizonYears,
  lccCalculator,
  lifeCycleCost,
  repairCost,
} from "../../src/engine";

const money = (max: number) => fc.double({ min: 0, max, noNaN: true });
const settings = fc.record({
  discountRate: fc.double({ min: -0.2, max: 0.3, noNaN: true }),
  electricityPricePerKWh: fc.double({ min: 0.01, max: 1, noNaN: true }),
  energyEscalation: fc.double({ min: -0.1, max: 0.2, noNaN: true }),
  maintenanceEscalation: fc.double({ min: -0.1, max: 0.2, noNaN: true }),
  timing: fc.constantFrom("end" as const, "begin" as const, "mid" as const),
  escalationBase: fc.constantFrom("flat" as const, "nist" as const),
});
const offer = fc.record({
  price: fc.double({ min: 1, max: 1e4, noNaN: true }),
  annualKWh: money(1e3),
  annualMaintenance: money(500),
  quantity: fc.integer({ min: 1, max: 1000 }),
  deviceType: fc.constantFrom("notebook", "tablet", "desktop"),
  declaredLife: fc.option(fc.double({ min: 0.5, max: 15, noNaN: true }), { nil: null }),
});
type Offer = typeof offer extends fc.Arbitrary<infer T> ? T : never;

/** The whole §12.1 chain: H, the curve's residual value at H, LCC, then LCC or EAC for every offer. */
function comparisonValues(base: Omit<LccParameters, "years">, N: number, offers: readonly Offer[]): { onEac: boolean; values: number[] } {
  const horizons = offers.map((o) => horizonYears(N, o.declaredLife));
  const onEac = comparesOnEac(horizons, N);
  const values = offers.map((o, i) => {
    const rv = defaultResidualValue(o.price, horizons[i], o.deviceType, false);
    if (!rv.ok) throw new Error(rv.error.rule);
    const lcc = lccCalculator({ ...base, years: horizons[i] })({ ...o, residualValue: rv.value }).total;
    if (!onEac) return lcc;
    const eac = equivalentAnnualCost(lcc, base.discountRate, horizons[i], base.timing);
    if (!eac.ok) throw new Error(eac.error.rule);
    return eac.value;
  });
  return { onEac, values };
}

test("a declared life beyond the evaluation period never moves the comparison in the offer's favour", () => {
  fc.assert(
    fc.property(
      settings,
      fc.integer({ min: 1, max: 10 }),
      offer,
      fc.array(offer, { minLength: 1, maxLength: 3 }),
      money(10),
      fc.double({ min: 0.01, max: 20, noNaN: true }),
      (p, N, first, others, beyond, more) => {
        const at = (life: number) => comparisonValues(p, N, [{ ...first, declaredLife: life }, ...others]);
        const shorter = at(N + beyond);
        const longer = at(N + beyond + more);
        expect(longer.onEac).toBe(shorter.onEac);
        // Lower is better: the offer's value must not fall, nor the others' rise.
        expect(longer.values[0]).toBeGreaterThanOrEqual(shorter.values[0]);
        longer.values.slice(1).forEach((v, i) => expect(v).toBeLessThanOrEqual(shorter.values[i + 1]));
      },
    ),
  );
});

const commitments = fc.record({
  years: fc.double({ min: 0.5, max: 20, noNaN: true }),
  requiredWarrantyYears: fc.integer({ min: 0, max: 10 }),
  outOfWarrantyRepairPerYear: money(300),
  dataErasureCostPerUnit: money(50),
});
const bid = fc.record({
  price: money(1e4),
  annualKWh: money(1e3),
  annualMaintenance: money(500),
  residualValue: money(500),
  quantity: fc.integer({ min: 1, max: 1000 }),
  extraWarrantyYearPrice: fc.option(money(200), { nil: undefined }),
  takeBackWithDataErasure: fc.boolean(),
});

test("a longer warranty at the same price never worsens the LCC or the compliance", () => {
  fc.assert(
    fc.property(
      settings,
      commitments,
      bid,
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.double({ min: 0.01, max: 10, noNaN: true }),
      (s, c, b, w, more) => {
        const p: LccParameters = { ...s, ...c };
        const lcc = lccCalculator(p);
        const before: BidCosts = { ...b, warrantyYears: w };
        const after: BidCosts = { ...b, warrantyYears: w + more };
        const t0 = lcc(before).total;
        expect(lcc(after).total).toBeLessThanOrEqual(t0 + 1e-9 * Math.abs(t0));
        if (commitmentCompliance(c, before, c.years).compliant) expect(commitmentCompliance(c, after, c.years).compliant).toBe(true);
      },
    ),
  );
});

test("the LCC rises with the out-of-warranty repair cost, strictly while some years are uncovered", () => {
  fc.assert(
    fc.property(
      settings,
      commitments,
      bid,
      fc.double({ min: 0, max: 20, noNaN: true }),
      fc.double({ min: 1, max: 500, noNaN: true }),
      (s, c, b, w, more) => {
        const p: LccParameters = { ...s, ...c, discountRate: Math.max(0, s.discountRate) };
        const bidCosts: BidCosts = { ...b, warrantyYears: w };
        const low = lccCalculator(p)(bidCosts);
        const high = lccCalculator({ ...p, outOfWarrantyRepairPerYear: c.outOfWarrantyRepairPerYear + more })(bidCosts);
        expect(high.total).toBeGreaterThanOrEqual(low.total);
        if (c.years - coveredWarrantyYears(bidCosts, c.requiredWarrantyYears, c.years) >= 0.1) {
          expect(high.repairCost).toBeGreaterThan(low.repairCost);
          expect(high.total).toBeGreaterThan(low.total);
        }
      },
    ),
  );
});

test("GPP.REPAIRCOST never falls as the covered years grow", () => {
  fc.assert(
    fc.property(
      money(500),
      fc.double({ min: 0, max: 20, noNaN: true }),
      fc.double({ min: 0.01, max: 5, noNaN: true }),
      fc.double({ min: 0.5, max: 30, noNaN: true }),
      fc.double({ min: -0.2, max: 0.3, noNaN: true }),
      (r, w, more, n, d) => {
        const less = repairCost(r, w + more, n, d, 0.02);
        const most = repairCost(r, w, n, d, 0.02);
        expect(less.ok && most.ok && less.value <= most.value + 1e-9 * Math.max(1, most.value)).toBe(true);
      },
    ),
  );
});

describe("no NaN or Infinity from the commitment functions, for any numbers", () => {
  const anyNumber = fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, 0, 3, 5, 30, 31, 1e12, 1e13));
  const finiteOrError = (r: { ok: true; value: unknown } | { ok: false; error: { rule: string } }) =>
    !r.ok ||
    (typeof r.value === "number"
      ? Number.isFinite(r.value)
      : Object.values(r.value as object).every((v) => typeof v !== "number" || Number.isFinite(v)));
  const run = (arity: number, call: (x: number[]) => { ok: true; value: unknown } | { ok: false; error: { rule: string } }) =>
    fc.assert(
      fc.property(fc.array(anyNumber, { minLength: arity, maxLength: arity }), (x) => finiteOrError(call(x))),
      { numRuns: 500 },
    );

  test("repairCost", () => run(6, (x) => repairCost(x[0], x[1], x[2], x[3], x[4], "mid", "nist", x[5])));
  test("lifeCycleCost with warranty, repairs, battery and erasure", () =>
    run(9, (x) =>
      lifeCycleCost(
        {
          discountRate: x[0],
          years: x[1],
          electricityPricePerKWh: 0.2,
          requiredWarrantyYears: x[2],
          outOfWarrantyRepairPerYear: x[3],
          dataErasureCostPerUnit: x[4],
        },
        { price: 500, annualKWh: 20, warrantyYears: x[5], extraWarrantyYearPrice: x[6], oneOffCosts: [{ year: x[7], amount: x[8] }] },
      ),
    ));
  test("circularOptionsCo2", () =>
    run(4, (x) => circularOptionsCo2([{ kind: "new", attributedProductionKg: x[0], annualKWh: x[1], serviceYears: x[2] }], x[3])));
  test("defaultResidualValue", () => run(2, (x) => defaultResidualValue(x[0], x[1], "notebook", false)));
});
