import { LANGUAGES } from "../../src/i18n/core";
import {
  DEFAULT_PARAMETERS,
  PERCENT_KEYS,
  bidEntries,
  bidFromEntries,
  circularFromEntries,
  defaultParameterEntries,
  entryText,
  parametersFromEntries,
} from "../../src/model";
import { bidA } from "../fixtures/referenceBids";

describe("typed-in entries", () => {
  it("knows the percent fields from the parameter table", () => {
    expect([...PERCENT_KEYS].sort()).toEqual(["co2Escalation", "discountRate", "duplexShare", "energyEscalation", "maintenanceEscalation"]);
  });

  it.each(LANGUAGES)("reads the default entries (%s) back as the defaults; only the price is asked for", (lang) => {
    const { value, errors } = parametersFromEntries(defaultParameterEntries(lang));
    expect(value).toEqual({ ...DEFAULT_PARAMETERS, electricityPricePerKWh: NaN }); // blank: not given
    expect(Object.keys(errors)).toEqual(["electricityPricePerKWh"]);
  });

  it("writes numbers as the UI language types them, percent fields as percentages", () => {
    expect(entryText("discountRate", 0.035, "nl")).toBe("3,5 %");
    expect(entryText("price", 1234.5, "fr")).toBe("1234,5");
    expect(entryText("price", 1234.5, "en")).toBe("1234.5");
    expect(entryText("residualValue", null, "en")).toBe("");
    expect(entryText("includeExternalities", true, "en")).toBe("true");
  });

  it.each(LANGUAGES)("reads a bid's entries (%s) back as the bid", (lang) => {
    expect(bidFromEntries(bidEntries(bidA, "computers", lang), "computers")).toEqual({ bid: bidA, errors: {} });
  });

  it("reads circular entries, with blanks as 0 where optional and as missing otherwise", () => {
    const { value, errors } = circularFromEntries({
      currentAgeYears: "4",
      currentDeviceEmbodiedKgCO2e: "300",
      "extend.upfrontCost": "120,5",
      "extend.serviceYears": "2",
    });
    expect(value.currentAgeYears).toBe(4);
    expect(value.scenarios[0]).toMatchObject({ kind: "extend", upfrontCost: 120.5, serviceYears: 2, annualMaintenance: 0 });
    expect(errors["extend.annualKWh"]).toEqual({ kind: "type", argument: "annualKWh", rule: "missing" });
    expect(errors["extend.annualMaintenance"]).toBeUndefined();
  });
});
