/**
 * The engine's discounting equals Excel's NPV and PV (LCC-METHOD §2.2, §8). NPV and PV are written here
 * from Excel's documented formulas, checked on published examples, then used as the oracle.
 */
import fc from "fast-check";
import { type LccParameters, lifeCycleCost, pvFactor } from "../../src/engine";
import { expectClose, expectNear, npv, pv } from "./close";

describe("the test's own NPV and PV agree with published Excel values", () => {
  test("NPV(10%, −10000, 3000, 4200, 6800) = 1 188.44 (Microsoft help)", () => {
    expectClose(npv(0.1, [-10000, 3000, 4200, 6800]), 1188.44, 2);
  });
  test("NPV(8%, 8000, 9200, 10000, 12000, 14500) − 40000 = 1 922.06 (Microsoft help)", () => {
    expectClose(npv(0.08, [8000, 9200, 10000, 12000, 14500]) - 40000, 1922.06, 2);
  });
  test("npv(0.1, [−1000, 500, 500, 500]) = 221.2963595 (docs.rs financial)", () => {
    expectClose(npv(0.1, [-1000, 500, 500, 500]), 221.2963595, 7);
  });
  test("NPV(0.10, 500, 1500, 4000, 10000) = 11 529.6086 (Adobe FormCalc)", () => {
    expectClose(npv(0.1, [500, 1500, 4000, 10000]), 11529.6086, 4);
  });
  test("PV(8%/12, 240, 500) = −59 777.15 (Microsoft help) and PV type 1 = type 0 × (1 + rate)", () => {
    expectClose(pv(0.08 / 12, 240, 500), -59777.15, 2);
    expectClose(pv(0.05, 10, 100, 0, 1), pv(0.05, 10, 100) * 1.05, 9);
    expect(pv(0, 5, 100)).toBe(-500);
  });
});

// Rates below 1e-9 in size become 0: Excel's PV formula (and this test's copy) divides by the rate.
const rate = fc.double({ min: -0.5, max: 0.5, noNaN: true }).map((d) => (Math.abs(d) < 1e-9 ? 0 : d));
const growth = fc.double({ min: -0.2, max: 0.3, noNaN: true });
const wholeYears = fc.integer({ min: 1, max: 30 });

describe("PV factor = NPV of 1 per year (end) and −PV(type 1) (begin)", () => {
  test("end of year, no escalation: pvFactor = NPV(d, 1, …, 1) = −PV(d, N, 1)", () => {
    fc.assert(
      fc.property(rate, wholeYears, (d, n) => {
        const factor = pvFactor({ discountRate: d }, n);
        expectClose(factor, npv(d, Array(n).fill(1)), 9);
        expectClose(factor, -pv(d, n, 1), 9);
      }),
    );
  });

  test("end of year with flat escalation: pvFactor = NPV(d, (1+g)^(t−1))", () => {
    fc.assert(
      fc.property(rate, growth, wholeYears, (d, g, n) => {
        const flows = Array.from({ length: n }, (_, i) => Math.pow(1 + g, i));
        expectClose(pvFactor({ discountRate: d }, n, g), npv(d, flows), 9);
      }),
    );
  });

  test("begin of year: pvFactor = −PV(d, N, 1, 0, 1) = (1+d) · NPV; mid-year = end · (1+d)^0.5", () => {
    fc.assert(
      fc.property(rate, wholeYears, (d, n) => {
        const begin = pvFactor({ discountRate: d, timing: "begin" }, n);
        expectClose(begin, -pv(d, n, 1, 0, 1), 9);
        expectClose(begin, (1 + d) * npv(d, Array(n).fill(1)), 9);
        expectClose(pvFactor({ discountRate: d, timing: "mid" }, n), pvFactor({ discountRate: d }, n) * Math.sqrt(1 + d), 9);
      }),
    );
  });
});

describe("life-cycle cost = acquisition + NPV of the yearly flows", () => {
  const offer = fc.record({
    price: fc.double({ min: 0, max: 5000, noNaN: true }),
    installation: fc.double({ min: 0, max: 500, noNaN: true }),
    annualKWh: fc.double({ min: 0, max: 500, noNaN: true }),
    annualMaintenance: fc.double({ min: 0, max: 500, noNaN: true }),
    residualValue: fc.double({ min: 0, max: 2000, noNaN: true }),
    endOfLifeCost: fc.double({ min: 0, max: 100, noNaN: true }),
    quantity: fc.integer({ min: 0, max: 1000 }),
  });
  const settings = fc.record({
    discountRate: rate,
    years: wholeYears,
    electricityPricePerKWh: fc.double({ min: 0, max: 1, noNaN: true }),
    energyEscalation: growth,
    maintenanceEscalation: growth,
  });

  test("end of year (Excel: = ACQ + NPV(d, F1..FN), RV and EOL in F_N)", () => {
    fc.assert(
      fc.property(settings, offer, (p, bid) => {
        const flows = Array.from({ length: p.years }, (_, i) => {
          const t = i + 1;
          const annual =
            bid.annualKWh * p.electricityPricePerKWh * Math.pow(1 + p.energyEscalation, t - 1) +
            bid.annualMaintenance * Math.pow(1 + p.maintenanceEscalation, t - 1);
          return bid.quantity * (annual + (t === p.years ? bid.endOfLifeCost - bid.residualValue : 0));
        });
        const r = lifeCycleCost(p, bid);
        expect(r.ok).toBe(true);
        const scale =
          bid.quantity *
          (bid.price + bid.installation + flows.reduce((a, f) => a + Math.abs(f), 0) * Math.pow(1 + Math.abs(p.discountRate), p.years));
        if (r.ok) expectNear(r.value.total, bid.quantity * (bid.price + bid.installation) + npv(p.discountRate, flows), scale);
      }),
    );
  });

  test("begin of year, no escalation: annual flows = −PV(d, N, annual, 0, 1); RV and EOL still at t = N", () => {
    fc.assert(
      fc.property(settings, offer, (s, bid) => {
        const p: LccParameters = { ...s, energyEscalation: 0, maintenanceEscalation: 0, timing: "begin" };
        const annual = bid.annualKWh * p.electricityPricePerKWh + bid.annualMaintenance;
        const atEnd = (bid.endOfLifeCost - bid.residualValue) * Math.pow(1 + p.discountRate, -p.years);
        const r = lifeCycleCost(p, bid);
        expect(r.ok).toBe(true);
        const scale =
          bid.quantity *
          (bid.price +
            bid.installation +
            (annual + bid.endOfLifeCost + bid.residualValue) * p.years * Math.pow(1 + Math.abs(p.discountRate), p.years));
        if (r.ok)
          expectNear(
            r.value.total,
            bid.quantity * (bid.price + bid.installation - pv(p.discountRate, p.years, annual, 0, 1) + atEnd),
            scale,
          );
      }),
    );
  });
});
