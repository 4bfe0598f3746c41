/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderApp, text, value, openStep } from "./support";

async function openParameters() {
  const user = userEvent.setup();
  const view = renderApp();
  await openStep(user, "parameters");
  return { user, ...view };
}

/** The inline message of a Fluent Field: the element its input's aria-describedby points at. */
function messageOf(input: HTMLElement): string {
  const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  return ids.map((id) => text(document.getElementById(id)!)).join(" ");
}

describe("Parameters step", () => {
  it("shows each input with its unit, default and source", async () => {
    await openParameters();
    const rate = screen.getByLabelText("Discount rate");
    expect(value(rate)).toBe("4 %");
    expect(messageOf(rate)).toContain("Default: 4 %");
    expect(messageOf(rate)).toContain("Source: EC Better Regulation Toolbox");
    expect(screen.getByLabelText("Evaluation period (years)")).toBeTruthy();
    expect(messageOf(screen.getByLabelText("Electricity emission factor (kg CO2e/kWh)"))).toContain("Scarlat");
  });

  it("catches a discount rate typed as 4 instead of 4 %", async () => {
    const { user } = await openParameters();
    const rate = screen.getByTestId("param-discountRate");
    await user.clear(rate);
    await user.type(rate, "4");
    expect(rate.getAttribute("aria-invalid")).toBe("true");
    expect(messageOf(rate)).toContain("Discount rate is 4, which is above 100 %: rates are fractions, so type 0.04 or 4 % for 4 %.");
    expect(text(screen.getByTestId("parameters-problems"))).toContain("2 fields need attention");
    await user.type(rate, " %");
    expect(rate.getAttribute("aria-invalid")).not.toBe("true");
  });

  it("requires the electricity price (no default is shipped) and points to Eurostat", async () => {
    const { user } = await openParameters();
    const price = screen.getByTestId("param-electricityPricePerKWh");
    expect(value(price)).toBe("");
    expect(price.getAttribute("aria-invalid")).toBe("true");
    expect(messageOf(price)).toContain("Enter the electricity price");
    expect(messageOf(price)).toContain("nrg_pc_205");
    await user.type(price, "0,20");
    expect(price.getAttribute("aria-invalid")).not.toBe("true");
    expect(screen.queryByTestId("parameters-problems")).toBeNull();
  });

  it("applies a country preset's emission factor and shows its source", async () => {
    const { user } = await openParameters();
    await user.selectOptions(screen.getByTestId("param-country"), "BE");
    const factor = screen.getByTestId("param-emissionFactorKgPerKWh");
    expect(value(factor)).toBe("0.23");
    expect(messageOf(factor)).toContain("Scarlat et al. 2022 (Belgium) (2019)");
    // The default named is the chosen preset's, not the EU-27 one the comparison started with.
    expect(messageOf(factor)).toContain("Default: 0.23");
    expect(messageOf(factor)).not.toContain("0.38");
    await user.selectOptions(screen.getByTestId("param-country"), "NL");
    expect(messageOf(factor)).toContain("Default: 0.45");
    expect(messageOf(factor)).toContain("(Netherlands)");
    await user.selectOptions(screen.getByTestId("param-country"), "custom");
    expect(messageOf(factor)).toContain("No preset: enter the factor of your own source.");
    expect(messageOf(factor)).not.toContain("Scarlat");
  });

  it("shows the range bounds only for the range method, and the award settings", async () => {
    const { user } = await openParameters();
    expect(screen.queryByTestId("param-rangeBestValue")).toBeNull();
    await user.selectOptions(screen.getByTestId("param-scoringMethod"), "range");
    expect(screen.getByTestId("param-rangeBestValue")).toBeTruthy();
    const externalities = screen.getByRole("switch", { name: /Count the external cost of CO2/ });
    expect((externalities as HTMLInputElement).checked).toBe(false);
    await user.click(externalities);
    expect((externalities as HTMLInputElement).checked).toBe(true);
  });

  it("keeps less common settings behind 'More settings', still labelled", async () => {
    const { user } = await openParameters();
    expect(screen.queryByLabelText("When yearly costs fall")).toBeNull();
    await user.click(screen.getByRole("button", { name: "More settings" }));
    expect(screen.getByLabelText("When yearly costs fall")).toBeTruthy();
    expect(screen.getByLabelText("Working days per year (days)")).toBeTruthy();
  });
});
