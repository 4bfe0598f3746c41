/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryStorage, checked, hostWith, referenceComparison, renderApp, standaloneHost, text, openStep } from "./support";

describe("Start step", () => {
  it("offers the three product groups and says where the comparison is kept", async () => {
    renderApp();
    expect(checked(await screen.findByRole("radio", { name: "Computers and monitors" }))).toBe(true);
    expect(screen.getByRole("radio", { name: "Imaging equipment" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: /Circular scenario/ })).toBeTruthy();
    expect(screen.getByTestId("start-fresh")).toBeTruthy();
    expect(screen.getByText(/nothing leaves this computer/)).toBeTruthy();
  });

  it("continues the comparison saved in this browser and can start a new one after confirmation", async () => {
    const user = userEvent.setup();
    const storage = new MemoryStorage();
    renderApp(hostWith(referenceComparison(), { storage }));
    expect(text(await screen.findByTestId("start-restored"))).toContain("Continuing the comparison saved in this browser (2 offers)");
    await user.click(screen.getByTestId("start-new"));
    await user.click(await screen.findByTestId("start-new-confirm"));
    expect(await screen.findByTestId("start-fresh")).toBeTruthy();
    await openStep(user, "bids");
    expect(text(screen.getByTestId("bids-summary"))).toContain("No offers yet");
    await waitFor(() => expect(JSON.parse(storage.getItem("circular-ict-lcc.comparison.v1")!).bids).toEqual([]));
  });

  it("switches the product group and the language (standalone selector)", async () => {
    const user = userEvent.setup();
    const storage = new MemoryStorage();
    renderApp(standaloneHost({ storage }));
    await user.click(await screen.findByTestId("group-imaging"));
    await user.selectOptions(screen.getByTestId("language-select"), "nl");
    expect(checked(screen.getByRole("radio", { name: /Beeldvormende apparatuur/ }))).toBe(true);
    expect(document.documentElement.lang).toBe("nl");
    expect(storage.getItem("circular-ict-lcc.language")).toBe("nl");
    await user.click(screen.getByTestId("nav-next"));
    // The step changes in a transition: the new one shows once its code is there.
    await waitFor(() => expect(text(screen.getByRole("heading", { level: 2 }))).toBe("Parameters"));
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 2 }));
  });

  it("moves among the steps with the arrow keys; only the current step is a Tab stop", async () => {
    const user = userEvent.setup();
    renderApp();
    const start = await screen.findByTestId("step-start");
    expect(start.getAttribute("aria-current")).toBe("step");
    expect(screen.getByTestId("step-parameters").getAttribute("tabindex")).toBe("-1");
    start.focus();
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByTestId("step-bids"));
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("bid-add")).toBeTruthy();
    expect(screen.getByTestId("step-bids").getAttribute("aria-current")).toBe("step");
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 2 })); // the new step's heading
    screen.getByTestId("step-bids").focus();
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(screen.getByTestId("step-write"));
  });
});
