/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { evaluateScenarios, type Scenario } from "../../src/model/circular";
import { referenceParameters } from "../fixtures/referenceBids";
import { hostWith, openStep, parameterEntriesOf, renderApp, text } from "./support";

const scenarios: Scenario[] = [
  {
    kind: "extend",
    upfrontCost: 150,
    serviceYears: 2,
    annualKWh: 20,
    annualMaintenance: 10,
    residualValue: 0,
    endOfLifeCost: 15,
    embodiedKgCO2e: 12,
  },
  {
    kind: "refurbished",
    upfrontCost: 450,
    serviceYears: 4,
    annualKWh: 22,
    annualMaintenance: 15,
    residualValue: 30,
    endOfLifeCost: 15,
    embodiedKgCO2e: 40,
  },
  {
    kind: "new",
    upfrontCost: 900,
    serviceYears: 5,
    annualKWh: 15,
    annualMaintenance: 10,
    residualValue: 90,
    endOfLifeCost: 15,
    embodiedKgCO2e: 250,
  },
];
const device = { currentDeviceEmbodiedKgCO2e: 200, currentAgeYears: 4 };

function savedCircular() {
  const circular: Record<string, string> = { currentDeviceEmbodiedKgCO2e: "200", currentAgeYears: "4" };
  for (const s of scenarios) for (const [k, v] of Object.entries(s)) if (k !== "kind") circular[`${s.kind}.${k}`] = String(v);
  return { group: "circular" as const, parameters: parameterEntriesOf(referenceParameters), bids: [], circular };
}

const money = (n: number) => new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(n);

describe("Circular scenario group", () => {
  it("asks for the device in use and the three options, flagging what is missing", async () => {
    const user = userEvent.setup();
    renderApp(hostWith({ ...savedCircular(), circular: {} }));
    await openStep(user, "bids");
    expect(text(screen.getByRole("heading", { level: 2 }))).toBe("Options");
    for (const kind of ["extend", "refurbished", "new"]) expect(screen.getByTestId(`circular-card-${kind}`)).toBeTruthy();
    const cost = screen.getByLabelText("Repair or upgrade cost (€)");
    expect(cost.getAttribute("aria-invalid")).toBe("true");
    await user.type(cost, "150");
    expect(cost.getAttribute("aria-invalid")).not.toBe("true");
    await openStep(user, "results");
    expect(text(screen.getByTestId("results-blocked"))).toContain("Fill in the device in use and the three options first.");
  });

  it("compares the options on equivalent annual cost and annualised CO2, with the savings against new", async () => {
    const user = userEvent.setup();
    renderApp(hostWith(savedCircular()));
    await openStep(user, "results");
    const expected = evaluateScenarios(referenceParameters, { ...device, scenarios });
    for (const r of expected) {
      expect(text(screen.getByTestId(`circular-eac-${r.kind}`))).toBe(money(r.equivalentAnnualCost));
      expect(text(screen.getByTestId(`circular-co2-${r.kind}`))).toBe(
        new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r.annualisedCo2Kg),
      );
    }
    expect(text(screen.getByTestId("eac-note"))).toContain("compared per year of service");
    const cheapest = [...expected].sort((a, b) => a.equivalentAnnualCost - b.equivalentAnnualCost)[0];
    expect(text(screen.getByTestId("circular-summary"))).toContain(money(cheapest.equivalentAnnualCost));
  });
});
