import {
  emptyBid,
  evaluateComparison,
  evaluateScenarios,
  parseBid,
  parseBidsCsv,
  parseNumber,
  validateParameters,
  DEFAULT_PARAMETERS,
} from "../../src/model";
import { lifeExtensionSaving } from "../../src/engine";
import { bidA, bidB, expectedReference, referenceParameters, closeToCent, expectReferenceBreakdown } from "../fixtures/referenceBids";

const close = closeToCent;

describe("evaluateComparison on the reference notebooks", () => {
  const result = evaluateComparison(referenceParameters, [bidA, bidB], "computers");
  if (!result.ok) throw new Error("reference comparison failed");
  const [a, b] = result.value.bids;

  it("gives the LCC breakdown of REFERENCE-CASES.md to the cent", () => {
    for (const [r, e] of [
      [a, expectedReference.A],
      [b, expectedReference.B],
    ] as const) {
      expectReferenceBreakdown(r.breakdown, e);
      close(r.useCo2Kg / 1000, e.co2UseT, 1e-9);
      close(r.externalCo2Cost, e.ext);
      close(r.lccWithExternalities, e.lccExt);
      close(r.priceScore, e.score, 1e-4);
    }
  });

  it("ranks the dearer purchase first because its LCC is lower", () => {
    expect([a.rank, b.rank]).toEqual([2, 1]);
    expect(result.value.comparesEac).toBe(false);
    close(a.differenceToBest, 80193.71 - 78460.98, 0.01);
    expect(a.differenceToBestShare).toBeCloseTo((80193.71 - 78460.98) / 78460.98, 6);
  });

  it("switches to equivalent annual cost when service lives differ", () => {
    const refurbished = { ...bidA, condition: "refurbished" as const, price: 400, serviceLifeYears: 3 };
    const r = evaluateComparison(referenceParameters, [refurbished, bidB], "computers");
    expect(r.ok && r.value.comparesEac).toBe(true);
    if (r.ok) expect(r.value.bids[0].comparisonValue).toBeCloseTo(r.value.bids[0].equivalentAnnualCost, 9);
  });

  it("counts externalities in the award only when asked", () => {
    const r = evaluateComparison({ ...referenceParameters, includeExternalities: true }, [bidA, bidB], "computers");
    if (!r.ok) throw new Error("failed");
    close(r.value.bids[0].comparisonValue, expectedReference.A.lccExt);
  });

  it("refuses to score a non-positive LCC (very high residual value)", () => {
    const r = evaluateComparison(referenceParameters, [{ ...bidA, residualValue: 5000 }], "computers");
    expect(r.ok).toBe(false);
  });
});

describe("energy from mode powers", () => {
  it("uses on/sleep hours on use days and off power for the rest", () => {
    const bid = { ...bidA, tecKWhPerYear: null, onW: 15, onHoursPerDay: 8, sleepW: 1, sleepHoursPerDay: 2, offW: 0.3 };
    const r = evaluateComparison({ ...referenceParameters, useDaysPerYear: 220 }, [bid], "computers");
    // 220 × (120 + 2 + 4.2) Wh + 145 × 24 × 0.3 Wh
    if (r.ok) expect(r.value.bids[0].annualKWh).toBeCloseTo((220 * 126.2 + 145 * 7.2) / 1000, 10);
    else throw new Error("failed");
  });
});

describe("parsing untrusted input", () => {
  it.each([
    ["1.234,56", 1234.56],
    ["1,234.56", 1234.56],
    ["0,2", 0.2],
    ["4 %", 0.04],
    ["€ 750", 750],
    ["1e3", 1000],
  ])("reads %s as %d", (text, n) => expect(parseNumber(text)).toBeCloseTo(n, 12));

  it.each(["abc", "", "1,2,3x", "--1"])("refuses %s", (text) => expect(parseNumber(text)).toBeNaN());

  it("flags a bad row with its reasons", () => {
    const { bid, errors } = parseBid({ supplier: "X", product: "Y", deviceType: "laptopp", quantity: "-1", price: "abc" }, "computers", 3);
    expect(bid).toBeUndefined();
    expect(errors.map((e) => [e.row, e.field, e.error.rule])).toEqual([
      [3, "deviceType", "unknownOption"],
      [3, "quantity", "positive"],
      [3, "price", "notANumber"],
    ]);
  });

  it("asks for TEC or mode powers", () => {
    const { errors } = parseBid({ supplier: "X", product: "Y", deviceType: "desktop", quantity: 1, price: 1 }, "computers");
    expect(errors[0].field).toBe("tecKWhPerYear");
  });

  it("reads a semicolon CSV with decimal commas, matches spaced headers and keeps bad rows as errors", () => {
    const csv =
      "Supplier;Product;Device type;Quantity;Price;TEC kWh per year;Remarks\nA;N1;notebook;100;750,50;30;ok\nB;N2;notebook;x;800;18;\n";
    const { bids, errors, unknownColumns } = parseBidsCsv(csv, "computers");
    expect(unknownColumns).toEqual(["Remarks"]);
    expect(bids).toHaveLength(1);
    expect(bids[0].price).toBe(750.5);
    expect(bids[0].tecKWhPerYear).toBe(30);
    expect(errors.map((e) => [e.row, e.field, e.error.rule])).toEqual([[3, "quantity", "notANumber"]]);
  });

  it("catches a rate typed as 4 instead of 4 %", () => {
    const errors = validateParameters({ ...DEFAULT_PARAMETERS, discountRate: 4 });
    expect(errors).toEqual([
      { field: "discountRate", error: { kind: "domain", argument: "discountRate", rule: "rateLooksLikePercent", detail: "4" } },
    ]);
  });

  it("gives a blank bid every field", () => {
    const bid = emptyBid("imaging");
    expect(bid.deviceType).toBe("mfd");
    expect(bid.tecKWhPerWeek).toBeNull();
    expect(bid.residualValue).toBeNull();
  });
});

describe("circular scenarios", () => {
  it("agrees with GPP.LIFEEXTENSION for a repair without embodied CO2 and compares on EAC", () => {
    const p = { ...referenceParameters };
    const scenarios = [
      {
        kind: "extend" as const,
        upfrontCost: 120,
        serviceYears: 2,
        annualKWh: 20,
        annualMaintenance: 10,
        residualValue: 0,
        endOfLifeCost: 0,
        embodiedKgCO2e: 0,
      },
      {
        kind: "refurbished" as const,
        upfrontCost: 450,
        serviceYears: 3,
        annualKWh: 20,
        annualMaintenance: 10,
        residualValue: 50,
        endOfLifeCost: 0,
        embodiedKgCO2e: 30,
      },
      {
        kind: "new" as const,
        upfrontCost: 900,
        serviceYears: 5,
        annualKWh: 18,
        annualMaintenance: 10,
        residualValue: 100,
        endOfLifeCost: 0,
        embodiedKgCO2e: 181,
      },
    ];
    const [extend, refurb, brandNew] = evaluateScenarios(p, { currentDeviceEmbodiedKgCO2e: 181, currentAgeYears: 4, scenarios });
    const expected = lifeExtensionSaving(181, 20 * 0.23, 4, 6);
    expect(expected.ok && extend.lifeExtensionSaving).toBeCloseTo(expected.ok ? expected.value : NaN, 12);
    expect(brandNew.co2SavingVsNew).toBe(0);
    expect(refurb.annualisedCo2Kg).toBeCloseTo(30 / 3 + 20 * 0.23, 12);
    // EAC of "new": its LCC spread over 5 years at 4 % (end of year): LCC / 4.451822
    expect(brandNew.equivalentAnnualCost).toBeCloseTo(brandNew.lifeCycleCost / 4.451822, 3);
    expect(refurb.lifeExtensionSaving).toBeNull();
  });
});
