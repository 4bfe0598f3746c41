/** @jest-environment jsdom */
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { STORAGE_KEY, StandaloneHost } from "../../src/host/StandaloneHost";
import { MemoryStorage, recordingWriters, renderApp, standaloneHost, text, value, openStep } from "./support";

describe("StandaloneHost keeps the comparison in localStorage", () => {
  it("survives a reload: parameters, offers and a half-finished entry come back as typed", async () => {
    const storage = new MemoryStorage();
    const user = userEvent.setup();
    renderApp(standaloneHost({ storage }));
    await openStep(user, "parameters");
    await user.type(screen.getByTestId("param-electricityPricePerKWh"), "0,21");
    await openStep(user, "bids");
    await user.click(screen.getByTestId("bid-add"));
    await user.type(screen.getByTestId("bid-0-supplier"), "Supplier X");
    await user.type(screen.getByTestId("bid-0-price"), "12x"); // wrong, and must stay so
    await waitFor(() => expect(storage.getItem(STORAGE_KEY)).toContain("12x"));
    cleanup();

    const user2 = userEvent.setup();
    renderApp(standaloneHost({ storage }));
    expect(text(await screen.findByTestId("start-restored"))).toContain("(1 offer)");
    await openStep(user2, "parameters");
    expect(value(screen.getByTestId("param-electricityPricePerKWh"))).toBe("0,21");
    await openStep(user2, "bids");
    expect(screen.getByTestId("bid-0-flag")).toBeTruthy();
    await user2.click(screen.getByTestId("bid-0-toggle"));
    expect(value(screen.getByTestId("bid-0-supplier"))).toBe("Supplier X");
    expect(value(screen.getByTestId("bid-0-price"))).toBe("12x");
  });

  it("reports a damaged or foreign entry instead of failing (details in recovery.test.tsx)", async () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, "{not json");
    const host = new StandaloneHost({ storage, locale: "en", writers: recordingWriters() });
    expect(await host.load()).toMatchObject({ status: "failed", comparison: null, report: { unreadable: ["json"] } });
    storage.setItem(STORAGE_KEY, JSON.stringify({ group: "cars", parameters: {}, bids: [], circular: {} }));
    expect(await host.load()).toMatchObject({ status: "recovered", comparison: { group: "computers" }, report: { unknownGroup: "cars" } });
  });

  it("keeps the chosen language and follows the system colour scheme", () => {
    const storage = new MemoryStorage();
    storage.setItem("circular-ict-lcc.language", "fr");
    const listeners: ((e: { matches: boolean }) => void)[] = [];
    const media = {
      matches: true,
      addEventListener: (_: string, l: (e: { matches: boolean }) => void) => listeners.push(l),
      removeEventListener: () => undefined,
    };
    const host = new StandaloneHost({
      storage,
      locale: "en-GB",
      writers: recordingWriters(),
      matchMedia: () => media as unknown as MediaQueryList,
    });
    expect(host.savedLanguage).toBe("fr");
    expect(host.theme).toBe("dark");
    const seen: string[] = [];
    host.watchTheme((t) => seen.push(t));
    listeners[0]({ matches: false });
    expect(seen).toEqual(["light"]);
  });
});
