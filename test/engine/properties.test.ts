/**
 * Properties of the method that must hold for any input, checked with fast-check: no NaN or Infinity
 * ever comes back as a value, and the economics point the right way.
 */
import fc from "fast-check";
import {
  type Result,
  annualisedFootprint,
  displayEnergy,
  energyFromHours,
  equivalentAnnualCost,
  externalCo2Cost,
  lifeCycleCost,
  lifeExtensionSaving,
  priceScore,
  productionShare,
  pvFactor,
  residualValue,
  typicalEnergyConsumption,
  useCo2Kg,
} from "../../src/engine";

/** Any double: NaN, ±Infinity, ±0, subnormals and values up to ±1.8e308 included. */
const anyNumber = fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, 1e-308, 0, 4, 100, 1e12, 1e13));
const option = (...valid: string[]) => fc.oneof(fc.constantFrom(...valid), fc.string());

/** Either a domain error or a finite number: never NaN or ±Infinity as a value. */
function finiteOrError(r: Result<unknown>): boolean {
  if (!r.ok) return typeof r.error.rule === "string" && typeof r.error.argument === "string";
  const values = typeof r.value === "number" ? [r.value] : Object.values(r.value as Record<string, number>);
  return values.every(Number.isFinite);
}

describe("no NaN or Infinity for arbitrary numbers, huge ones included", () => {
  const run = (arity: number, call: (x: number[]) => Result<unknown>) =>
    fc.assert(
      fc.property(fc.array(anyNumber, { minLength: arity, maxLength: arity }), (x) => finiteOrError(call(x))),
      { numRuns: 500 },
    );

  test("lifeCycleCost", () =>
    run(13, (x) =>
      lifeCycleCost(
        { discountRate: x[0], years: x[1], electricityPricePerKWh: x[2], energyEscalation: x[3], maintenanceEscalation: x[4] },
        {
          price: x[5],
          installation: x[6],
          annualKWh: x[7],
          annualMaintenance: x[8],
          residualValue: x[9],
          endOfLifeCost: x[10],
          quantity: x[11],
          annualConsumables: x[12],
        },
      ),
    ));
  test("externalCo2Cost", () =>
    run(7, (x) =>
      externalCo2Cost({
        annualKWh: x[0],
        emissionFactor: x[1],
        co2PricePerTonne: x[2],
        years: x[3],
        discountRate: x[4],
        co2Escalation: x[5],
        quantity: x[6],
      }),
    ));
  test("equivalentAnnualCost", () => run(3, (x) => equivalentAnnualCost(x[0], x[1], x[2])));
  test("typicalEnergyConsumption", () =>
    fc.assert(
      fc.property(
        fc.array(anyNumber, { minLength: 4, maxLength: 4 }),
        option("notebook", "desktop", "workstation"),
        option("ES7", "ES8", "EU617"),
        (x, d, s) => finiteOrError(typicalEnergyConsumption({ pOffW: x[0], pSleepW: x[1], pLongIdleW: x[2], pShortIdleW: x[3] }, d, s)),
      ),
    ));
  test("displayEnergy", () => run(2, (x) => displayEnergy(x[0], x[1])));
  test("energyFromHours", () => run(7, (x) => energyFromHours(x.slice(0, 3), x.slice(3, 6), x[6])));
  test("useCo2Kg", () => run(4, (x) => useCo2Kg(x[0], x[1], x[2], x[3])));
  test("productionShare", () => run(4, (x) => productionShare(x[0], x[1], x[2], x[3])));
  test("annualisedFootprint", () => run(3, (x) => annualisedFootprint(x[0], x[1], x[2])));
  test("lifeExtensionSaving", () => run(4, (x) => lifeExtensionSaving(x[0], x[1], x[2], x[3])));
  test("residualValue", () =>
    fc.assert(
      fc.property(fc.array(anyNumber, { minLength: 4, maxLength: 4 }), option("laptop", "tablet", "linear", "declining"), (x, m) =>
        finiteOrError(residualValue(x[0], x[1], m, x[2], x[3])),
      ),
      // Infinity age with no decline once gave 1^Infinity = NaN.
      { numRuns: 500, examples: [[[100, Infinity, 0, 0], "declining"]] },
    ));
  test("priceScore", () =>
    fc.assert(
      fc.property(fc.array(anyNumber, { minLength: 4, maxLength: 4 }), option("lowest", "linear", "range"), (x, m) =>
        finiteOrError(priceScore(x[0], x[1], x[2], m, x[3])),
      ),
      // Infinite maxPoints once came back as Infinity points.
      {
        numRuns: 500,
        examples: [
          [[100, 100, Infinity, 0], "lowest"],
          [[100, 50, 10, Infinity], "range"],
        ],
      },
    ));
});

describe("the economics point the right way", () => {
  const money = fc.double({ min: 0, max: 1e6, noNaN: true });
  const base = {
    settings: fc.record({
      discountRate: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      years: fc.double({ min: 0.5, max: 30, noNaN: true }),
      electricityPricePerKWh: fc.double({ min: 0.01, max: 1, noNaN: true }),
      energyEscalation: fc.double({ min: -0.2, max: 0.3, noNaN: true }),
      maintenanceEscalation: fc.double({ min: -0.2, max: 0.3, noNaN: true }),
    }),
    bid: fc.record({
      price: money,
      annualKWh: fc.double({ min: 0, max: 1e4, noNaN: true }),
      annualMaintenance: money,
      residualValue: money,
      quantity: fc.integer({ min: 1, max: 1000 }),
    }),
  };
  const total = (r: ReturnType<typeof lifeCycleCost>) => (r.ok ? r.value.total : NaN);

  test("the LCC rises with the price and with the kWh, and falls as the residual value rises", () => {
    fc.assert(
      fc.property(base.settings, base.bid, fc.double({ min: 1, max: 1e5, noNaN: true }), (p, bid, more) => {
        const lcc = total(lifeCycleCost(p, bid));
        expect(total(lifeCycleCost(p, { ...bid, price: bid.price + more }))).toBeGreaterThan(lcc);
        expect(total(lifeCycleCost(p, { ...bid, annualKWh: bid.annualKWh + more }))).toBeGreaterThan(lcc);
        expect(total(lifeCycleCost(p, { ...bid, residualValue: bid.residualValue + more }))).toBeLessThan(lcc);
      }),
    );
  });

  test("the PV factor falls as the discount rate rises (every timing, any escalation)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 0.9, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: -0.2, max: 0.3, noNaN: true }),
        fc.constantFrom("end" as const, "mid" as const),
        (d, step, years, g, timing) => {
          expect(pvFactor({ discountRate: d + step, timing }, years, g)).toBeLessThan(pvFactor({ discountRate: d, timing }, years, g));
        },
      ),
    );
  });

  test("the PV factor with begin timing does not rise with the discount rate (year 1 is undiscounted)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 0.9, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (d, step, years) => {
          expect(pvFactor({ discountRate: d + step, timing: "begin" }, years)).toBeLessThanOrEqual(
            pvFactor({ discountRate: d, timing: "begin" }, years),
          );
        },
      ),
    );
  });

  test("the production share is a fraction between 0 and 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (e, kWh, n, f) => {
          const r = productionShare(e, kWh, n, f);
          if (r.ok) {
            expect(r.value).toBeGreaterThanOrEqual(0);
            expect(r.value).toBeLessThanOrEqual(1);
          } else {
            expect(r.error.rule).toBe("nothingToShare"); // embodied and use both 0
          }
        },
      ),
    );
  });

  test("the annualised footprint falls as the service life grows when embodied CO2 > 0", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (e, use, n, more) => {
          const shorter = annualisedFootprint(e, use, n);
          const longer = annualisedFootprint(e, use, n + more);
          expect(shorter.ok && longer.ok && longer.value < shorter.value).toBe(true);
        },
      ),
    );
  });
});
