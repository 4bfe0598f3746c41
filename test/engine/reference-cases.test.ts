/**
 * Every worked value of REFERENCE-CASES.md against the engine (1e-6 relative, or the rounding shown).
 */
import {
  type LccParameters,
  displayEnergy,
  energyFromHours,
  externalCo2Cost,
  lifeCycleCost,
  priceScore,
  productionShare,
  pvFactor,
  typicalEnergyConsumption,
  useCo2Kg,
} from "../../src/engine";
import { PV_CONVENTIONS, PV_FACTORS } from "../fixtures/pvFactors";
import { expectedReference } from "../fixtures/referenceBids";
import { expectClose, npv } from "./close";

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(`expected a value, got ${JSON.stringify(r.error)}`);
  return r.value;
};

describe("LCC: two notebook bids, 100 units (the cheaper purchase loses)", () => {
  const general: LccParameters = {
    discountRate: 0.04,
    years: 5,
    electricityPricePerKWh: 0.2,
    energyEscalation: 0.03,
    maintenanceEscalation: 0.02,
  };
  const bids = {
    A: { price: 750, installation: 20, annualKWh: 30, annualMaintenance: 15, residualValue: 80, endOfLifeCost: 0, quantity: 100 },
    B: { price: 800, installation: 20, annualKWh: 18, annualMaintenance: 10, residualValue: 120, endOfLifeCost: 0, quantity: 100 },
  };

  test.each(["A", "B"] as const)("bid %s: breakdown, CO2, external cost and score", (name) => {
    const bid = bids[name];
    const e = expectedReference[name];
    const r = value(lifeCycleCost(general, bid));
    expectClose(r.acquisitionCost, e.acquisition, 2);
    expectClose(r.energyCost, e.energy, 2);
    expectClose(r.maintenanceCost, e.maintenance, 2);
    expectClose(r.endOfLifeCost, 0, 2);
    expectClose(r.residualValue, e.residual, 2);
    expectClose(r.total, e.lcc, 2);
    expectClose(value(useCo2Kg(bid.annualKWh, 5, 0.23, 100)) / 1000, e.co2UseT, 4);
    const ext = value(
      externalCo2Cost({
        annualKWh: bid.annualKWh,
        emissionFactor: 0.23,
        co2PricePerTonne: 100,
        years: 5,
        discountRate: 0.04,
        quantity: 100,
      }),
    );
    expectClose(ext, e.ext, 2);
    expectClose(r.total + ext, e.lccExt, 2);
    expectClose(value(priceScore(Math.round(r.total * 100) / 100, 78460.98, 40)), e.score, 4);
  });

  test("Excel cross-check: 77000 + NPV(4 %, yearly flows) = 80 193.71", () => {
    // Yearly flows 100·(TEC·0.20·1.03^(t−1) + maintenance·1.02^(t−1)), with −100·RV added in year 5.
    const flows = [1, 2, 3, 4, 5].map(
      (t) => 100 * (30 * 0.2 * Math.pow(1.03, t - 1) + 15 * Math.pow(1.02, t - 1)) - (t === 5 ? 100 * 80 : 0),
    );
    [2100, 2148, 2197.14, 2247.4482, -5701.0465].forEach((f, i) => expectClose(flows[i], f, 4));
    expectClose(77000 + npv(0.04, [2100, 2148, 2197.14, 2247.4482, -5701.0465]), 80193.71, 2);
    expect(Math.abs(77000 + npv(0.04, flows) - value(lifeCycleCost(general, bids.A)).total)).toBeLessThan(1e-9);
  });
});

describe("PV factors (present value of 1 per year)", () => {
  test.each(PV_FACTORS)("discount %p, escalation %p, %p years", (discountRate, escalation, years, expected) => {
    PV_CONVENTIONS.forEach(([timing, escalationBase], i) =>
      expectClose(pvFactor({ discountRate, timing, escalationBase }, years, escalation), expected[i], 6),
    );
  });

  test("NIST closed form: UPV*(4 %, 2 %, 5) = (1.02/0.02)(1 − (1.02/1.04)^5)", () => {
    const closed = (1.02 / 0.02) * (1 - Math.pow(1.02 / 1.04, 5));
    expectClose(closed, 4.718829, 6);
    expect(Math.abs(pvFactor({ discountRate: 0.04, escalationBase: "nist" }, 5, 0.02) - closed)).toBeLessThan(1e-12);
  });
});

test("partial period: 100 EUR/yr, 4 %, 4.5 years = 362.989522 + 41.096355 = 404.085878", () => {
  expectClose(100 * pvFactor({ discountRate: 0.04 }, 4), 362.989522, 6);
  expectClose(100 * (pvFactor({ discountRate: 0.04 }, 4.5) - pvFactor({ discountRate: 0.04 }, 4)), 41.096355, 6);
  expectClose(100 * pvFactor({ discountRate: 0.04 }, 4.5), 404.085878, 6);
});

describe("energy", () => {
  test.each([
    ["EU 617/2013 notebook", { pOffW: 1, pSleepW: 1.7, pLongIdleW: 10, pShortIdleW: 10 }, "notebook", "EU617", 33.0252],
    ["ENERGY STAR v7 notebook", { pOffW: 0.3, pSleepW: 0.6, pLongIdleW: 5, pShortIdleW: 7 }, "notebook", "ES7", 25.2726],
    ["ENERGY STAR v7 desktop", { pOffW: 0.5, pSleepW: 1.5, pLongIdleW: 15, pShortIdleW: 20 }, "desktop", "ES7", 83.658],
    ["ENERGY STAR v8 desktop", { pOffW: 0.5, pSleepW: 1.5, pLongIdleW: 15, pShortIdleW: 20 }, "desktop", "ES8", 72.27],
  ])("%s", (_name, powers, device, spec, kWh) => {
    expectClose(value(typicalEnergyConsumption(powers, device, spec)), kWh, 4);
  });

  test("ENERGY STAR display: on 15 W, sleep 0.3 W = 47.6982 kWh/yr", () => {
    expectClose(value(displayEnergy(15, 0.3)), 47.6982, 4);
  });

  test("hours of use, monitor: 8 h at 15 W, 2 h at 1 W, 14 h at 0.3 W, 220 days = 27.764 kWh/yr", () => {
    expectClose(value(energyFromHours([15, 1, 0.3], [8, 2, 14], 220)), 27.764, 3);
  });
});

test("CO2 production share: notebook 181 kg, 20 kWh/yr, 4 years, 0.23 kg/kWh → use 18.4 kg, share 0.9077", () => {
  expectClose(value(useCo2Kg(20, 4, 0.23)), 18.4, 4);
  expectClose(value(productionShare(181, 20, 4, 0.23)), 0.9077, 4);
});
