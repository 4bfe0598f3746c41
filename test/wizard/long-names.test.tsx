/** @jest-environment jsdom */
/** Hostile offer names in the pane: bidi controls cannot reverse a name, and a 10 000-character name wraps. */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { bidEntries } from "../../src/model/entries";
import { bidA, bidB } from "../fixtures/referenceBids";
import { hostWith, referenceComparison, renderApp } from "./support";

const LONG = "W".repeat(10_000);
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

async function openResultsWith(supplierA: string, productB: string) {
  const saved = referenceComparison("en");
  const host = hostWith({
    ...saved,
    bids: [
      { ...bidEntries(bidA, "computers", "en"), supplier: supplierA },
      { ...bidEntries(bidB, "computers", "en"), product: productB },
    ],
  });
  const user = userEvent.setup();
  renderApp(host);
  await user.click(await screen.findByTestId("step-results"));
  // The Results step loads on demand: on a busy machine that takes longer than findBy's default second.
  await screen.findByTestId("ranking-name-2", {}, { timeout: 20_000 });
}

describe("offer names in the ranking", () => {
  it("strips bidi controls, so a name cannot display reversed", async () => {
    await openResultsWith("Supplier A", "\u202EB kooBetoN\u202C \u2067x\u2069\u200F");
    const winner = screen.getByTestId("ranking-name-1");
    expect(winner.textContent).toBe("B kooBetoN x (Supplier B)");
    expect(BIDI.test(document.body.textContent ?? "")).toBe(false);
  });

  it("shows a 10 000-character name in a wrapping, clamped cell with the full name as its tooltip", async () => {
    await openResultsWith(LONG, "Notebook B");
    const cell = screen.getByTestId("ranking-name-2");
    const name = cell.querySelector("span")!;
    expect(name.getAttribute("title")).toBe(`Notebook A (${LONG})`);
    const style = getComputedStyle(name);
    expect(style.overflowWrap).toBe("anywhere");
    expect(style.overflow).toBe("hidden");
  });
});
