/**
 * @jest-environment jsdom
 *
 * The circular criteria in the pane (issue 9), as far as it goes without a Criteria step: a saved
 * comparison holding CRITERIA.md §4 ranks P, Q, R, T on price score + quality total and lists S as not
 * ranked with its reason in Dutch; a criteria entry that cannot be read is said on the Parameters step.
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { bidEntries, parameterText } from "../../src/model";
import { SECTION_4, SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { referenceParameters } from "../fixtures/referenceBids";
import { hostWith, openStep, parameterEntriesOf, renderApp, text } from "./support";

const saved = (criteria: string) => ({
  group: "computers" as const,
  parameters: { ...parameterEntriesOf(referenceParameters, "nl"), criteria },
  bids: SECTION_4_BIDS.map((b) => bidEntries(b, "computers", "nl")),
  circular: {},
});

describe("criteria of a saved comparison", () => {
  it("ranks on price score + quality total; S is not ranked, with its reason in Dutch", async () => {
    const user = userEvent.setup();
    renderApp(hostWith(saved(parameterText("criteria", SECTION_4, "nl")), { locale: "nl-BE" }));
    await openStep(user, "results");
    // MEAT: R 78, Q 76.16, P 66.25, T 65.11 (README).
    expect([1, 2, 3, 4].map((i) => text(screen.getByTestId(`ranking-name-${i}`)))).toEqual([
      expect.stringContaining("R"),
      expect.stringContaining("Q"),
      expect.stringContaining("P"),
      expect.stringContaining("T"),
    ]);
    expect(text(screen.getByTestId("ranking-meat-1"))).toContain("78");
    expect(text(screen.getByTestId("not-ranked-reason-1"))).toContain("Reserveonderdelen: 3 jaar, de opdracht vraagt minstens 5");
  }, 120_000);

  it("a criteria entry that cannot be read blocks the results and is said on the Parameters step", async () => {
    const user = userEvent.setup();
    renderApp(hostWith(saved(JSON.stringify([{ id: "warranty", role: "award", points: 5, worst: 3, best: 3 }]))));
    await openStep(user, "parameters");
    expect(text(await screen.findByTestId("parameters-criteria-problem"))).toContain("criteria[0].best");
    await openStep(user, "results");
    expect(screen.getByTestId("results-blocked")).toBeTruthy();
  }, 120_000);
});
