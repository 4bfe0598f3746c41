/**
 * @jest-environment jsdom
 *
 * A saved comparison the wizard cannot read as stored (a number where text was expected, broken JSON, an
 * unknown product group, a newer format): what is readable is kept, the rest is backed up, Start says
 * which is which, and nothing stored is overwritten until the user starts a new comparison.
 */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { BACKUP_KEY, STORAGE_KEY } from "../../src/host/StandaloneHost";
import { SAVED_FORMAT_VERSION } from "../../src/host/savedFormat";
import { MemoryStorage, hostWith, openStep, referenceComparison, renderApp, standaloneHost, text } from "./support";

/** The reference comparison as an older or hand-edited copy stores it: offer 2's price and the years as numbers. */
function withNumbers(): string {
  const c = referenceComparison();
  return JSON.stringify({ ...c, parameters: { ...c.parameters, evaluationYears: 6 }, bids: [c.bids[0], { ...c.bids[1], price: 800 }] });
}

function storageWith(text: string): MemoryStorage {
  const storage = new MemoryStorage();
  storage.setItem(STORAGE_KEY, text);
  return storage;
}

describe("StandaloneHost reads what it can and keeps the rest", () => {
  it("migrates the unversioned format (version 1) and saves the current version", async () => {
    const saved = referenceComparison();
    const host = hostWith(saved);
    const result = await host.load();
    expect(result).toEqual({ status: "ok", comparison: saved, report: { repaired: [], unreadable: [] } });
    const storage = new MemoryStorage();
    await standaloneHost({ storage }).save(saved);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toEqual({ version: SAVED_FORMAT_VERSION, ...saved });
  });

  it("reads a number stored where text was expected as its text, and keeps a copy of what was stored", async () => {
    const stored = withNumbers();
    const storage = storageWith(stored);
    const result = await standaloneHost({ storage }).load();
    expect(result.status).toBe("recovered");
    expect(result.comparison?.bids.map((b) => b.price)).toEqual([referenceComparison().bids[0].price, "800"]);
    expect(result.comparison?.parameters.evaluationYears).toBe("6");
    expect(result.report).toEqual({ repaired: ["parameters.evaluationYears", "bids.1.price"], unreadable: [], backupKey: BACKUP_KEY });
    expect(storage.getItem(BACKUP_KEY)).toBe(stored);
  });

  it("keeps the readable parts of a partly unreadable comparison and names the others", async () => {
    const c = referenceComparison();
    const storage = storageWith(
      JSON.stringify({ ...c, parameters: { ...c.parameters, discountRate: { percent: 4 } }, bids: ["garbage", c.bids[1]] }),
    );
    const result = await standaloneHost({ storage }).load();
    expect(result.status).toBe("recovered");
    expect(result.report.unreadable).toEqual(["parameters.discountRate", "bids.0"]);
    expect(result.comparison?.bids).toEqual([c.bids[1]]);
    expect(result.comparison?.parameters.currency).toBe(c.parameters.currency);
  });

  it("reports an unknown product group rather than starting anew; the offers stay", async () => {
    const c = referenceComparison();
    const result = await standaloneHost({ storage: storageWith(JSON.stringify({ ...c, group: "cars" })) }).load();
    expect(result.status).toBe("recovered");
    expect(result.report.unknownGroup).toBe("cars");
    expect(result.comparison?.bids).toEqual(c.bids);
  });

  it("broken JSON or a newer version: nothing read, nothing overwritten until the user starts anew; the backup stays", async () => {
    for (const stored of [
      "{not json",
      JSON.stringify({ version: SAVED_FORMAT_VERSION + 1, group: "computers", parameters: {}, bids: [{}], circular: {} }),
    ]) {
      const storage = storageWith(stored);
      const host = standaloneHost({ storage });
      const result = await host.load();
      expect(result.status).toBe("failed");
      expect(result.comparison).toBeNull();
      expect(await host.save(referenceComparison())).toEqual({
        stored: false,
        refused: { reason: "unreadStoredData", backupKey: BACKUP_KEY },
      });
      expect(storage.getItem(STORAGE_KEY)).toBe(stored);
      host.startNew();
      expect(await host.save(referenceComparison())).toEqual({ stored: true });
      expect(storage.getItem(BACKUP_KEY)).toBe(stored);
    }
  });

  it("never overwrites an earlier backup: a different copy gets its own key, the same copy is not kept twice", async () => {
    const storage = storageWith("{first");
    await standaloneHost({ storage }).load();
    await standaloneHost({ storage }).load();
    storage.setItem(STORAGE_KEY, "{second");
    const result = await standaloneHost({ storage }).load();
    expect(result.report.backupKey).toBe(`${BACKUP_KEY}.2`);
    expect([storage.getItem(BACKUP_KEY), storage.getItem(`${BACKUP_KEY}.2`), storage.getItem(`${BACKUP_KEY}.3`)]).toEqual([
      "{first",
      "{second",
      null,
    ]);
  });
});

describe("the Start step says what was recovered and what was not", () => {
  it("a number instead of text: both offers are back and Start names the field read as text", async () => {
    const user = userEvent.setup();
    renderApp(standaloneHost({ storage: storageWith(withNumbers()) }));
    expect(text(await screen.findByTestId("start-restored"))).toContain("(2 offers)");
    const report = text(screen.getByTestId("load-report"));
    expect(report).toContain(
      "Stored as a number where text was expected, now read as text: Parameters – Evaluation period; offer 2 – Purchase price per unit.",
    );
    expect(report).toContain(`A copy of what was stored is kept in this browser under “${BACKUP_KEY}”.`);
    await openStep(user, "bids");
    expect(text(screen.getByTestId("bids-summary"))).toContain("2 offers");
  });

  it("broken JSON: Start says so, edits are not saved over it, and only 'Start a new comparison' replaces it", async () => {
    const user = userEvent.setup();
    const storage = storageWith("{not json");
    renderApp(standaloneHost({ storage }));
    const report = text(await screen.findByTestId("load-report"));
    expect(report).toContain("The comparison kept in this browser could not be read, so a new one is shown.");
    expect(report).toContain("The stored text is damaged.");
    await user.click(screen.getByTestId("group-imaging"));
    expect(text(await screen.findByTestId("save-refused"))).toContain("Not saved");
    expect(storage.getItem(STORAGE_KEY)).toBe("{not json");

    await user.click(screen.getByTestId("start-new"));
    await user.click(await screen.findByTestId("start-new-confirm"));
    await waitFor(() =>
      expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toMatchObject({ version: SAVED_FORMAT_VERSION, group: "imaging", bids: [] }),
    );
    expect(storage.getItem(BACKUP_KEY)).toBe("{not json");
  });

  it("a newer version: Start says so and nothing is overwritten", async () => {
    const user = userEvent.setup();
    const stored = JSON.stringify({ version: 9, group: "computers", parameters: {}, bids: [{ supplier: "X" }], circular: {} });
    const storage = storageWith(stored);
    renderApp(standaloneHost({ storage }));
    expect(text(await screen.findByTestId("load-report"))).toContain("It was saved by a newer version of this tool (format 9).");
    await openStep(user, "parameters");
    await user.type(screen.getByTestId("param-electricityPricePerKWh"), "0,3");
    await screen.findByTestId("save-refused");
    expect(storage.getItem(STORAGE_KEY)).toBe(stored);
  });

  it("an unknown product group: Start names it, and the offers are kept", async () => {
    const c = referenceComparison();
    renderApp(standaloneHost({ storage: storageWith(JSON.stringify({ ...c, group: "cars" })) }));
    expect(text(await screen.findByTestId("load-report"))).toContain("The product group “cars” is not known to this version");
    expect(text(screen.getByTestId("start-restored"))).toContain("(2 offers)");
  });
});
