/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Language } from "../../src/i18n";
import { bidEntries } from "../../src/model/entries";
import { bidA, bidB } from "../fixtures/referenceBids";
import { hostWith, referenceComparison, renderApp, text, openStep } from "./support";

async function openResults(lang: Language = "en", saved = referenceComparison(lang), locale = "en-GB") {
  const user = userEvent.setup();
  const storage = new (await import("./support")).MemoryStorage();
  storage.setItem("circular-ict-lcc.language", lang);
  renderApp(hostWith(saved, { storage, locale }));
  await openStep(user, "results");
  return user;
}

/** The figure as the locale writes it; spaces normalised as text() does (fr groups with a narrow no-break space). */
const money = (locale: string, n: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n).replace(/\s/g, " ");

describe("Results step on the reference notebooks (REFERENCE-CASES.md)", () => {
  it.each([
    ["en", "en-GB"],
    ["nl", "nl-NL"],
    ["fr", "fr-FR"],
  ] as const)("ranks Bid B first with LCC 78 460.98 against 80 193.71, formatted for %s", async (lang, locale) => {
    await openResults(lang);
    const first = screen.getByTestId("ranking-row-1");
    expect(text(screen.getByTestId("ranking-name-1"))).toBe("Notebook B (Supplier B)");
    expect(text(within(first).getByTestId("ranking-value-1"))).toContain(money(locale, 78460.98));
    expect(text(screen.getByTestId("ranking-name-2"))).toBe("Notebook A (Supplier A)");
    expect(text(screen.getByTestId("ranking-value-2"))).toContain(money(locale, 80193.71));
    expect(text(screen.getByTestId("winner-summary"))).toContain(money(locale, 1732.73));
  });

  it("explains in plain words why the winner wins, ready to paste", async () => {
    await openResults();
    const explanation = (screen.getByTestId("explanation-text") as HTMLTextAreaElement).value;
    expect(explanation).toContain(
      "Notebook B (Supplier B) ranks first with the lowest life-cycle cost, €78,460.98; Notebook A (Supplier A), second, costs €1,732.73 (2.2%) more.",
    );
    expect(explanation).toContain(
      "Compared with Notebook A (Supplier A), Notebook B (Supplier B) pays €5,000.00 more for purchase and installation, €1,131.87 less for electricity",
    );
    expect(explanation).toContain("€3,287.71 less for the end of life (end-of-life costs minus the residual value)");
    expect(explanation).toContain("discount rate 4.0% a year (real, without inflation)");
  });

  it("gives the same difference to the best offer in the summary, the table and the explanation", async () => {
    await openResults();
    // (80 193.71 − 78 460.98) / 78 460.98 = 2.2 %: relative to the best offer everywhere.
    expect(text(screen.getByTestId("winner-summary"))).toContain("€1,732.73 (2.2%) more");
    expect(text(screen.getByTestId("ranking-row-2"))).toContain("+€1,732.73 (2.2%)");
    expect((screen.getByTestId("explanation-text") as HTMLTextAreaElement).value).toContain(
      "€80,193.71 (€1,732.73 or 2.2% above the best offer)",
    );
  });

  it("explains it in Dutch when the pane is in Dutch", async () => {
    await openResults("nl");
    const explanation = (screen.getByTestId("explanation-text") as HTMLTextAreaElement).value;
    expect(explanation).toContain("Notebook B (Supplier B) staat eerst met de laagste levenscycluskosten");
    expect(explanation).toContain(money("nl-NL", 1732.73));
  });

  it("draws the cost and CO2 charts with a text alternative", async () => {
    await openResults();
    const lcc = await screen.findByTestId("chart-lcc");
    expect(within(lcc).getAllByRole("img")[0].getAttribute("aria-label")).toContain(
      "Notebook B (Supplier B): Purchase and installation €82,000.00",
    );
    const co2 = screen.getByTestId("chart-co2");
    expect(within(co2).getAllByRole("img")[0].getAttribute("aria-label")).toContain("Use 2.070 t CO2e");
  });

  it("switches to equivalent annual cost, with a note saying why, when service lives differ", async () => {
    const saved = referenceComparison();
    const refurbished = bidEntries(
      { ...bidA, product: "Notebook R", condition: "refurbished", price: 400, serviceLifeYears: 3 },
      "computers",
      "en",
    );
    await openResults("en", { ...saved, bids: [refurbished, saved.bids[1]] });
    expect(text(screen.getByTestId("eac-note"))).toMatch(
      /^Compared on cost per year: at least one offer serves fewer years than the evaluation period \(service lives counted: 3 and 5 years\)/,
    );
    // Next to the ranking: the note comes right before the table.
    expect(
      screen.getByTestId("eac-note").compareDocumentPosition(screen.getByTestId("ranking-table")) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(text(screen.getByTestId("eac-note"))).toContain("Comparing total life-cycle costs would favour the shorter life");
    expect(text(screen.getByTestId("eac-note"))).toContain("The tender documents must have announced this.");
    expect(text(screen.getByRole("columnheader", { name: "Cost per year (EAC)" }))).toBe("Cost per year (EAC)");
    const explanation = (screen.getByTestId("explanation-text") as HTMLTextAreaElement).value;
    expect(explanation).toContain("over its own service life");
    expect(explanation).toContain("The tender documents must have announced this way of comparing.");
    expect(explanation).not.toContain("over 5 years");
  });

  it("says next to the ranking that the external cost of CO2 is counted, when it is", async () => {
    const saved = referenceComparison();
    await openResults("en", { ...saved, parameters: { ...saved.parameters, includeExternalities: "true" } });
    expect(text(screen.getByTestId("co2-note"))).toBe(
      "The external cost of CO2 (€100.00 per tonne) is included in each offer's cost, as announced in the tender documents.",
    );
    expect(text(screen.getByTestId("ranking-value-1"))).toContain("78,645.29");
  });

  it("ranks by MEAT total when quality points are given", async () => {
    const saved = referenceComparison();
    const a = bidEntries({ ...bidA, qualityPoints: 55 }, "computers", "en");
    const b = bidEntries({ ...bidB, qualityPoints: 40 }, "computers", "en");
    await openResults("en", { ...saved, bids: [a, b] });
    expect(text(screen.getByTestId("ranking-name-1"))).toBe("Notebook A (Supplier A)");
    expect(text(screen.getByTestId("ranking-meat-1"))).toBe("94.14");
    expect(text(screen.getByTestId("winner-summary"))).toContain("94.14 points");
  });

  it("lists offers left out with their reason, never silently", async () => {
    const saved = referenceComparison();
    await openResults("en", { ...saved, bids: [...saved.bids, { ...saved.bids[0], product: "Broken", quantity: "-1" }] });
    expect(text(screen.getByTestId("results-excluded"))).toContain("Broken (Supplier A): Quantity must be greater than 0.");
    expect(text(screen.getByTestId("ranking-name-1"))).toBe("Notebook B (Supplier B)");
  });

  it("asks for the parameters first when the electricity price is missing", async () => {
    const saved = referenceComparison();
    await openResults("en", { ...saved, parameters: { ...saved.parameters, electricityPricePerKWh: "" } });
    expect(text(screen.getByTestId("results-blocked"))).toContain("Some parameters need attention");
    expect(screen.queryByTestId("ranking-table")).toBeNull();
  });
});

describe("Sensitivity view", () => {
  it("shows tornado swings and break-even values for discount rate, electricity price and service life", async () => {
    await openResults();
    const tornado = screen.getByTestId("tornado");
    expect(within(tornado).getAllByRole("listitem")).toHaveLength(3);
    expect(text(screen.getByTestId("tornado-electricityPricePerKWh"))).toContain("Electricity price from 0.1400 €/kWh to 0.2600 €/kWh");
    // Bid B uses less energy: it stays ahead at any electricity price, and a price break-even does not exist above 0.
    expect(text(screen.getByTestId("break-even-electricityPricePerKWh"))).toContain("stays ahead");
    expect(text(screen.getByTestId("break-even-discountRate"))).toMatch(/cost the same when the discount rate is|stays ahead/);
  });

  it("in MEAT mode says where the award decision flips, and draws the tornado with an axis in points and a legend", async () => {
    const saved = referenceComparison();
    const a = bidEntries({ ...bidA, qualityPoints: 41 }, "computers", "en");
    const b = bidEntries({ ...bidB, qualityPoints: 40 }, "computers", "en");
    await openResults("en", { ...saved, bids: [a, b] });
    expect(text(screen.getByTestId("break-even-discountRate"))).toMatch(
      /^The award decision flips when the discount rate is [\d.]+%: there the total scores of Notebook A \(Supplier A\) and Notebook B \(Supplier B\) tie\.$/,
    );
    expect(text(screen.getByTestId("sensitivity"))).not.toContain("cost the same");
    const axis = screen.getByTestId("tornado-axis");
    expect(text(axis)).toContain("Scale of the bars: lead of Notebook A (Supplier A) over Notebook B (Supplier B), in points.");
    expect(within(screen.getByTestId("tornado-legend")).getAllByRole("listitem").map(text)).toEqual([
      "Bar: the lead as the input moves from the low to the high end of its range",
      "Solid line: the lead with the values used above",
      "Dashed red line: no lead; left of it Notebook B (Supplier B) would rank first",
    ]);
  });

  it("says 'no break-even in the range explored' with the range, and gives the LCC axis in euros", async () => {
    await openResults();
    expect(text(screen.getByTestId("break-even-electricityPricePerKWh"))).toBe(
      "No break-even in the range explored: Notebook B (Supplier B) stays ahead of Notebook A (Supplier A) while the electricity price is anywhere from 0.0000 €/kWh to 2.0000 €/kWh.",
    );
    expect(text(screen.getByTestId("tornado-axis"))).toContain("in €.");
  });

  it("computes the Monte Carlo ranking probability (10 000 draws) and adds it to the explanation", async () => {
    const user = await openResults();
    await user.click(screen.getByTestId("mc-run"));
    const result = await screen.findByTestId("mc-result");
    expect(text(result)).toContain("Notebook B (Supplier B): first in");
    await waitFor(() =>
      expect((screen.getByTestId("explanation-text") as HTMLTextAreaElement).value).toContain("Across 10 000 random combinations"),
    );
  });

  it("flags a range that does not enclose the value used", async () => {
    const user = await openResults();
    const low = screen.getByTestId("range-discountRate-low");
    await user.clear(low);
    await user.type(low, "9 %");
    expect(text(screen.getByTestId("sensitivity"))).toContain("Low must not exceed 4 %");
    expect((screen.getByTestId("mc-run") as HTMLButtonElement).disabled).toBe(true);
  });
});
