/** @jest-environment jsdom */
/**
 * Standalone saves wait for a pause in typing (10 000 offers are ~4 MB to store per keystroke otherwise),
 * and nothing is lost for it: a waiting save is stored when the page is hidden or closed, before a
 * download, and when the wizard asks for it at once.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SAVE_DELAY_MS, STORAGE_KEY, StandaloneHost, type StandaloneOptions, pageHideEvents } from "../../src/host/StandaloneHost";
import type { SavedComparison } from "../../src/host/types";
import { referenceParameters } from "../fixtures/referenceBids";
import { MemoryStorage, openStep, recordingWriters, referenceComparison, renderApp } from "./support";

/** Storage that counts what was written, and can refuse (quota exceeded). */
class CountingStorage extends MemoryStorage {
  writes = 0;
  full = false;
  override setItem(key: string, value: string) {
    if (this.full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.writes++;
    super.setItem(key, value);
  }
}

const comparison = (price: string): SavedComparison => {
  const c = referenceComparison("en");
  return { ...c, bids: [{ ...c.bids[0], price }, c.bids[1]] };
};
const storedPrice = (storage: Storage): string | undefined =>
  (JSON.parse(storage.getItem(STORAGE_KEY) ?? "null") as SavedComparison | null)?.bids[0]?.price;

/** The standalone host over this storage: English, recording writers, unless a test says otherwise. */
const hostOver = (storage: Storage, options: Partial<StandaloneOptions> = {}) =>
  new StandaloneHost({ storage, locale: "en", writers: recordingWriters(), ...options });

/** Hide the page: a tab switch (visibilitychange to hidden) or closing it (pagehide). */
function hidePage(how: "pagehide" | "visibilitychange") {
  if (how === "pagehide") {
    window.dispatchEvent(new Event("pagehide"));
    return;
  }
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
  try {
    document.dispatchEvent(new Event("visibilitychange"));
  } finally {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
  }
}

describe("StandaloneHost: saves after a pause, never loses the last change", () => {
  afterEach(() => jest.useRealTimers());

  it("stores once, the latest comparison, after the pause; every waiting save learns it was stored", async () => {
    jest.useFakeTimers();
    const storage = new CountingStorage();
    const host = hostOver(storage);
    const saves = ["7", "75", "750"].map((p) => host.save(comparison(p)));
    jest.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(storage.writes).toBe(0);
    jest.advanceTimersByTime(1);
    expect(storage.writes).toBe(1);
    expect(storedPrice(storage)).toBe("750");
    expect(await Promise.all(saves)).toEqual([{ stored: true }, { stored: true }, { stored: true }]);
  });

  it.each(["pagehide", "visibilitychange"] as const)("stores a waiting save at once on %s, within the pause", (how) => {
    jest.useFakeTimers();
    const storage = new CountingStorage();
    const host = hostOver(storage, { onPageHide: pageHideEvents(window, document) });
    void host.save(comparison("812"));
    jest.advanceTimersByTime(SAVE_DELAY_MS / 3);
    hidePage(how);
    expect(storedPrice(storage)).toBe("812");
    expect(storage.writes).toBe(1);
    jest.advanceTimersByTime(SAVE_DELAY_MS * 2); // the timer was cleared: no second write
    expect(storage.writes).toBe(1);
  });

  it("a tab becoming visible again stores nothing; nothing waiting, nothing written", () => {
    const storage = new CountingStorage();
    hostOver(storage, { onPageHide: pageHideEvents(window, document) });
    document.dispatchEvent(new Event("visibilitychange")); // jsdom: visible
    window.dispatchEvent(new Event("pagehide"));
    expect(storage.writes).toBe(0);
  });

  it("stores a waiting save before a download, so the file and the browser agree", async () => {
    const storage = new CountingStorage();
    const writers = recordingWriters();
    const stored: (string | undefined)[] = [];
    const host = hostOver(storage, {
      writers: { ...writers, writeXlsx: async (input) => (stored.push(storedPrice(storage)), writers.writeXlsx(input)) },
      saveDelayMs: 60_000,
      download: () => undefined,
    });
    void host.save(comparison("640"));
    await host.write({ group: "computers", parameters: referenceParameters, bids: [], language: "en" });
    expect(stored).toEqual(["640"]);
  });

  it("a full storage rejects every waiting save (the wizard says it failed) and a page hide does not throw", async () => {
    const storage = new CountingStorage();
    const host = hostOver(storage, { saveDelayMs: 60_000, onPageHide: pageHideEvents(window, document) });
    storage.full = true;
    const saves = [host.save(comparison("1")), host.save(comparison("2"))];
    expect(() => hidePage("pagehide")).not.toThrow();
    for (const s of saves) await expect(s).rejects.toThrow(/quota/);
    // Once there is room again, the next change is stored.
    storage.full = false;
    const next = host.save(comparison("3"));
    await host.flush();
    expect(await next).toEqual({ stored: true });
    expect(storedPrice(storage)).toBe("3");
  });

  it("still refuses to write over stored data it could not read, when the pause ends", async () => {
    const storage = new CountingStorage();
    storage.setItem(STORAGE_KEY, "{not json");
    const host = hostOver(storage, { saveDelayMs: 10 });
    await host.load();
    const writes = storage.writes;
    expect(await host.save(comparison("9"))).toMatchObject({ stored: false, refused: { reason: "unreadStoredData" } });
    expect(storage.getItem(STORAGE_KEY)).toBe("{not json");
    expect(storage.writes).toBe(writes);
  });
});

describe("the wizard with a waiting save", () => {
  it("nothing typed is lost when the page is hidden before the pause ends", async () => {
    const storage = new CountingStorage();
    // A pause far longer than the test: only the page hiding can store what was typed.
    const host = hostOver(storage, { locale: "en-GB", saveDelayMs: 600_000, onPageHide: pageHideEvents(window, document) });
    const user = userEvent.setup();
    renderApp(host);
    await openStep(user, "bids");
    await user.click(screen.getByTestId("bid-add"));
    await user.type(screen.getByTestId("bid-0-supplier"), "Supplier X");
    await user.type(screen.getByTestId("bid-0-price"), "812");
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    fireEvent(window, new Event("pagehide"));
    const saved = JSON.parse(storage.getItem(STORAGE_KEY)!) as SavedComparison;
    expect(saved.bids).toHaveLength(1);
    expect(saved.bids[0]).toMatchObject({ supplier: "Supplier X", price: "812" });
    // One write for all those keystrokes.
    expect(storage.writes).toBe(1);
    // And the save the wizard was waiting on settled as stored: no "could not be saved" notice.
    await waitFor(() => expect(screen.queryByTestId("save-failed")).toBeNull());
  });
});
