/**
 * @jest-environment jsdom
 *
 * The Results of CRITERIA.md §4 with criteria: compliance first (S is out, with every reason, in Dutch,
 * above the ranking), and the quality points per award criterion per offer as a stacked chart whose data
 * are the §4 figures; no quality chart without award criteria.
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { bidEntries, evaluateComparison, parameterText } from "../../src/model";
import { rankedView } from "../../src/model/evaluate";
import { ranked } from "../../src/model/explain";
import { qualityBars } from "../../src/taskpane/wizard/charts/qualityBars";
import { SECTION_4, SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { referenceParameters } from "../fixtures/referenceBids";
import { hostWith, openStep, parameterEntriesOf, renderApp, text } from "./support";

const saved = (criteria: string, bids = SECTION_4_BIDS) => ({
  group: "computers" as const,
  parameters: { ...parameterEntriesOf(referenceParameters, "nl"), criteria },
  bids: bids.map((b) => bidEntries(b, "computers", "nl")),
  circular: {},
});

describe("criteria in the Results", () => {
  it("chart data: §4 points per criterion (warranty, battery cycles, label) plus the offers' own 30, totals the quality totals", () => {
    const p = { ...referenceParameters, criteria: SECTION_4 };
    const result = evaluateComparison(p, SECTION_4_BIDS, "computers");
    if (!result.ok) throw new Error("no result");
    const view = rankedView(result.value);
    const order = ranked(
      view.indices.map((i) => SECTION_4_BIDS[i].product),
      view.result,
      "meat",
    );
    const data = qualityBars(order, SECTION_4, "en", "Other quality points");
    expect(data?.segments.map((s) => s.label)).toEqual(["Warranty", "Battery cycles", "Label", "Other quality points"]);
    const rows = Object.fromEntries(
      (data?.rows ?? []).map((r) => [r.name, { values: r.values.map((v) => +v.toFixed(4)), total: +r.total.toFixed(4) }]),
    );
    expect(rows).toEqual({
      P: { values: [5, 1.7143, 6, 30], total: 42.7143 },
      Q: { values: [10, 6, 8, 30], total: 54 },
      R: { values: [0, 0, 8, 30], total: 38 },
      T: { values: [0, 6, 4, 30], total: 40 },
    });
    expect(qualityBars(order, [{ id: "spareParts", role: "requirement", threshold: 5 }], "en", "Other")).toBeUndefined();
  });

  it("shows compliance first: S out with its reason in Dutch above the ranking; then the quality chart with criterion names", async () => {
    const user = userEvent.setup();
    renderApp(hostWith(saved(parameterText("criteria", SECTION_4, "nl")), { locale: "nl-BE" }));
    await openStep(user, "results");
    const block = screen.getByTestId("not-ranked");
    expect(within(block).getByRole("heading").textContent).toBe("Minimumeisen");
    expect(text(screen.getByTestId("not-ranked-name-1"))).toContain("S");
    expect(text(screen.getByTestId("not-ranked-reason-1"))).toBe(
      "Niet gerangschikt: Reserveonderdelen: 3 jaar, de opdracht vraagt minstens 5",
    );
    // Before the ranking in the page (and read so by a screen reader).
    expect(block.compareDocumentPosition(screen.getByTestId("ranking-table")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const chart = await screen.findByTestId("chart-quality");
    expect(within(chart).getByText("Kwaliteitspunten per criterium")).toBeTruthy();
    expect(within(chart).getAllByRole("listitem").map(text)).toEqual(["Garantie", "Batterijcycli", "Label", "Andere kwaliteitspunten"]);
    const labels = within(chart)
      .getAllByRole("img")
      .map((img) => img.getAttribute("aria-label"));
    expect(labels[0]).toBe(
      "R (Supplier R): Garantie 0,00, Batterijcycli 0,00, Label 8,00, Andere kwaliteitspunten 30,00; Kwaliteitspunten 38,00",
    );
  }, 120_000);

  it("says every offer meets the requirements when none is out, and draws no quality chart without award criteria", async () => {
    const user = userEvent.setup();
    const requirementOnly = [{ id: "spareParts" as const, role: "requirement" as const, threshold: 3 }];
    renderApp(hostWith(saved(parameterText("criteria", requirementOnly, "nl")), { locale: "nl-BE" }));
    await openStep(user, "results");
    expect(text(screen.getByTestId("all-compliant"))).toContain("Elke offerte voldoet aan de minimumeisen");
    await screen.findByTestId("chart-lcc");
    expect(screen.queryByTestId("chart-quality")).toBeNull();
  }, 120_000);
});
