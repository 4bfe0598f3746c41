/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { hostWith, openStep, referenceComparison, renderApp } from "./support";

/** Serious and critical axe violations on the page; contrast needs real layout (checked in the browser e2e). */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("accessibility of every step (axe-core)", () => {
  it.each(["start", "parameters", "criteria", "bids", "results", "write"] as const)(
    "%s has no serious or critical violations",
    async (step) => {
      const user = userEvent.setup();
      const saved = referenceComparison();
      // One offer with a problem, so flagged cards and messages are checked too.
      renderApp(hostWith({ ...saved, bids: [...saved.bids, { ...saved.bids[0], quantity: "-1" }] }));
      await openStep(user, step);
      if (step === "bids") await user.click(screen.getByTestId("bid-2-toggle"));
      if (step === "results") await user.click(screen.getByTestId("mc-run"));
      expect(await violations()).toEqual([]);
    },
  );

  it("the circular options step has no serious or critical violations", async () => {
    const user = userEvent.setup();
    renderApp(hostWith({ ...referenceComparison(), group: "circular" }));
    await openStep(user, "bids");
    expect(await violations()).toEqual([]);
  });
});
