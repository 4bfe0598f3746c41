/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryStorage, hostWith, recordingWriters, referenceComparison, renderApp, text, openStep } from "./support";

describe("Workbook step, standalone", () => {
  it("downloads the comparison as .xlsx through the exceljs writer, with the checked offers", async () => {
    const user = userEvent.setup();
    const writers = recordingWriters();
    const downloads: string[] = [];
    renderApp(hostWith(referenceComparison(), { writers, downloads }));
    await openStep(user, "write");
    await user.click(screen.getByRole("button", { name: "Download the workbook (.xlsx)" }));
    expect(text(await screen.findByTestId("write-status"))).toBe("Downloaded lcc-computers-2026-01-15.xlsx.");
    expect(downloads).toEqual(["lcc-computers-2026-01-15.xlsx"]);
    const [input] = writers.calls;
    expect(input.group).toBe("computers");
    expect(input.language).toBe("en");
    expect(input.bids.map((b) => b.product)).toEqual(["Notebook A", "Notebook B"]);
    expect(input.parameters.electricityPricePerKWh).toBe(0.2);
    expect(input.parameters.discountRate).toBe(0.04);
  });

  it("refuses to write while an offer has a problem, and says where to fix it", async () => {
    const user = userEvent.setup();
    const saved = referenceComparison();
    renderApp(hostWith({ ...saved, bids: [...saved.bids, { ...saved.bids[0], price: "abc" }] }));
    await openStep(user, "write");
    expect(text(screen.getByTestId("write-blocked"))).toContain("1 offer has a problem");
    expect(screen.queryByTestId("write-button")).toBeNull();
    await user.click(screen.getByTestId("write-goto-bids"));
    expect(await screen.findByTestId("bid-2-flag")).toBeTruthy();
  });

  it("reports a failed write without losing the entries", async () => {
    const user = userEvent.setup();
    const writers = { ...recordingWriters(), writeXlsx: async () => Promise.reject(new Error("disk full")) };
    renderApp(hostWith(referenceComparison(), { writers, storage: new MemoryStorage() }));
    await openStep(user, "write");
    await user.click(screen.getByTestId("write-button"));
    expect(text(await screen.findByTestId("write-status"))).toContain("could not be written");
  });
});
