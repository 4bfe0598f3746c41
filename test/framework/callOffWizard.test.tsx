/** @jest-environment jsdom */
/**
 * The call-off view and the mini-competition in the wizard: a set published with its awarded offers gives a
 * quantity per product and the call-off's figures (checked against REFERENCE-CASES.md scaled to the
 * quantities); a negative or text quantity and a product gone from the catalogue are named and kept as
 * typed; the quantities are saved with the comparison and reach the Call-off sheet of the workbook written in
 * step 5; the call-off workbook's download lists the catalogue, not the offers of the Offers step. "Start a
 * mini-competition" empties the offers under the locked set; then an offer from another supplier is not ranked,
 * with that reason in Results and the explanation.
 */
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { webcrypto } from "node:crypto";
import { TextEncoder as NodeTextEncoder } from "node:util";
import { STORAGE_KEY, StandaloneHost } from "../../src/host/StandaloneHost";
import type { SavedComparison } from "../../src/host/types";
import { productKey } from "../../src/model/callOff";
import { templateRequest } from "../../src/host/templateRequest";
import { DEFAULT_ROWS } from "../../src/templates/buildPlan";
import { type ParameterSet, publishParameterSet } from "../../src/model/parameterSet";
import { bidA, bidB, expectedReference, referenceParameters } from "../fixtures/referenceBids";
import {
  MemoryStorage,
  hostWith,
  openStep,
  recordingWriters,
  referenceComparison,
  renderApp,
  standaloneHost,
  text,
  value,
} from "../wizard/support";

if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;
jest.setTimeout(120_000);

const INFO = { name: "ICT framework 2027", version: "1.0", date: "2026-12-03", publisher: "Central purchasing body" };
let both: ParameterSet;
let onlyA: ParameterSet;
beforeAll(async () => {
  const local = ["electricityPricePerKWh" as const];
  both = await publishParameterSet(referenceParameters, { ...INFO, local }, { kind: "computers", bids: [bidA, bidB] });
  onlyA = await publishParameterSet(referenceParameters, { ...INFO, version: "1.1", local }, { kind: "computers", bids: [bidA] });
});

const adopt = (user: ReturnType<typeof userEvent.setup>, set: ParameterSet) =>
  user.upload(screen.getByTestId("framework-input"), new File([JSON.stringify(set)], "set.json", { type: "application/json" }));

/** "€78,980.80" → 78980.8 */
const euros = (s: string) => Number(s.replace(/[^0-9.]/g, ""));

async function type(user: ReturnType<typeof userEvent.setup>, testId: string, text: string) {
  const input = screen.getByTestId(testId);
  await user.clear(input);
  await user.type(input, text);
}

/** The pane on `host` (a comparison without offers by default), the set adopted, its Call-off view open. */
async function openCallOff(
  user: ReturnType<typeof userEvent.setup>,
  set: ParameterSet,
  host = hostWith({ ...referenceComparison(), bids: [] }),
) {
  renderApp(host);
  await openStep(user, "parameters");
  await adopt(user, set);
  return screen.findByTestId("calloff", {}, { timeout: 30_000 });
}

describe("call-off in the wizard", () => {
  it("prices 30 of A and 70 of B under the set as computed independently", async () => {
    const user = userEvent.setup();
    await openCallOff(user, both);
    expect(text(screen.getByTestId("calloff-none"))).toBe("Enter a quantity above 0 to see the call-off's figures.");
    await type(user, "calloff-quantity-0", "30");
    await type(user, "calloff-quantity-1", "70");
    const total = Array.from((await screen.findByTestId("calloff-total")).children, (c) => text(c as HTMLElement));
    expect(total[0]).toBe("Call-off total");
    expect(total[1]).toBe("100");
    const lcc = (expectedReference.A.lcc * 30 + expectedReference.B.lcc * 70) / 100;
    expect(Math.abs(euros(total[2]) - lcc)).toBeLessThanOrEqual(0.02);
    const annuity = [1, 2, 3, 4, 5].reduce((a, t) => a + 1.04 ** -t, 0);
    expect(Math.abs(euros(total[3]) - lcc / annuity)).toBeLessThanOrEqual(0.02);
    expect(total[4]).toBe("0"); // the reference offers declare no production CO2
    expect(total[5]).toBe(Math.round(30 * 30 * 5 * 0.23 + 18 * 70 * 5 * 0.23).toLocaleString("en")); // 2,484 kg
    expect(text(screen.getByTestId("calloff-budget"))).toContain(
      `€${((750 + 20) * 30 + (800 + 20) * 70).toLocaleString("en")}.00 to pay at purchase`,
    );
  });

  it("names a negative or text quantity and a product no longer in the catalogue, keeping what was typed", async () => {
    const user = userEvent.setup();
    await openCallOff(user, both);
    await type(user, "calloff-quantity-0", "-3");
    await type(user, "calloff-quantity-1", "ten");
    expect(screen.getByText("-3 is below 0; enter 0 or more units. It is kept here and not counted.")).toBeTruthy();
    expect(screen.getByText("“ten” is not a number of units; it is kept here and not counted.")).toBeTruthy();
    await type(user, "calloff-quantity-1", "12");
    // A new version of the set without B: the 12 typed for B are named, kept, and not counted.
    await adopt(user, onlyA);
    await waitFor(() => expect(screen.getAllByTestId("framework-name")[0].textContent).toContain("version 1.1"));
    expect(text(await screen.findByTestId("calloff-gone"))).toBe(
      "No longer in the framework's catalogue: Supplier B | Notebook B | new, quantity 12. It is kept here and not counted.",
    );
    expect(value(screen.getByTestId("calloff-quantity-0"))).toBe("-3");
    expect(screen.queryByTestId("calloff-quantity-1")).toBeNull();
  });
});

describe("call-off quantities kept and written", () => {
  it("saves the quantities with the comparison, shows them on reopening and writes them into the Call-off sheet", async () => {
    const user = userEvent.setup();
    const storage = new MemoryStorage();
    const writers = recordingWriters();
    // The comparison's own offers are the catalogue's products, B first: each quantity goes to its product's row.
    const saved = referenceComparison();
    await openCallOff(user, both, hostWith({ ...saved, bids: [saved.bids[1], saved.bids[0]] }, { storage, writers }));
    await type(user, "calloff-quantity-0", "30");
    await type(user, "calloff-quantity-1", "70");
    await waitFor(() =>
      expect(JSON.parse(storage.getItem(STORAGE_KEY)!).callOff).toEqual({ [productKey(bidA)]: "30", [productKey(bidB)]: "70" }),
    );
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).version).toBe(5);

    await openStep(user, "write");
    await user.click(screen.getByTestId("write-button"));
    await screen.findByTestId("write-status");
    expect(writers.calls.at(-1)?.bids.map((b) => b.product)).toEqual(["Notebook B", "Notebook A"]);
    expect(writers.calls.at(-1)?.callOffQuantities).toEqual([70, 30]);

    cleanup();
    renderApp(standaloneHost({ storage }));
    await openStep(user, "parameters");
    await screen.findByTestId("calloff", {}, { timeout: 30_000 });
    expect(value(screen.getByTestId("calloff-quantity-0"))).toBe("30");
    expect(value(screen.getByTestId("calloff-quantity-1"))).toBe("70");
  });

  it("downloads the call-off workbook: the catalogue as its Bids, the quantities in its Call-off sheet", async () => {
    const user = userEvent.setup();
    const downloads: { bytes: Uint8Array; name: string }[] = [];
    const storage = new MemoryStorage();
    // The Offers step holds one offer of another supplier: the call-off workbook does not list it.
    const other = { ...referenceComparison().bids[0], supplier: "Supplier X", product: "Notebook X" };
    storage.setItem(STORAGE_KEY, JSON.stringify({ ...referenceComparison(), bids: [other] } satisfies SavedComparison));
    const host = new StandaloneHost({
      storage,
      locale: "en-GB",
      writers: recordingWriters(),
      download: (bytes, name) => downloads.push({ bytes, name }),
    });
    await openCallOff(user, both, host);
    await type(user, "calloff-quantity-0", "30");
    await type(user, "calloff-quantity-1", "70");
    await user.click(screen.getByTestId("calloff-download"));
    expect(text(await screen.findByTestId("calloff-download-status", {}, { timeout: 60_000 }))).toBe(
      "call-off-ICT-framework-2027-1.0.xlsx downloaded.",
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(downloads[0].bytes as unknown as ArrayBuffer);
    const bids = book.getWorksheet("LCC Bids")!;
    const products: unknown[] = [];
    bids.eachRow((row) => row.eachCell((cell) => products.push(cell.value)));
    expect(products).toContain("Notebook A");
    expect(products).toContain("Notebook B");
    expect(products).not.toContain("Notebook X");
    const callOff = book.getWorksheet("LCC Call-off")!;
    expect([callOff.getCell("B5").value, callOff.getCell("B6").value]).toEqual([30, 70]);
  });
});

describe("mini-competition", () => {
  it("warns of an offer of another supplier, and starts anew under the locked set", async () => {
    const user = userEvent.setup();
    renderApp(hostWith(referenceComparison()));
    await openStep(user, "parameters");
    await adopt(user, onlyA);
    const mini = await screen.findByTestId("mini-competition", {}, { timeout: 30_000 });
    expect(text(within(mini).getByTestId("mini-outsiders"))).toBe(
      "Not a framework supplier: Supplier B. Only the framework's suppliers may take part in a mini-competition.",
    );
    await user.click(await screen.findByTestId("mini-start", {}, { timeout: 30_000 }));
    expect(text(screen.getByTestId("mini-confirm"))).toBe("This removes the 2 offers now in the list. Start anyway?");
    await user.click(screen.getByTestId("mini-start"));
    expect(text(await screen.findByTestId("bids-summary", {}, { timeout: 30_000 }))).toMatch(/^No offers/);
    await openStep(user, "parameters");
    expect(await screen.findByTestId("framework-locked", {}, { timeout: 30_000 })).toBeTruthy();
    expect((screen.getByTestId("param-discountRate") as HTMLInputElement).readOnly).toBe(true);
  });

  it("does not rank an offer of a supplier outside the framework, saying why in Results and the explanation", async () => {
    const user = userEvent.setup();
    renderApp(hostWith({ ...referenceComparison(), framework: onlyA, frameworkLocked: true, miniCompetition: true }));
    await openStep(user, "results");
    expect(text(await screen.findByTestId("ranking-name-1", {}, { timeout: 30_000 }))).toBe("Notebook A (Supplier A)");
    expect(screen.queryByTestId("ranking-name-2")).toBeNull();
    expect(text(screen.getByTestId("not-ranked-name-1"))).toBe("Notebook B (Supplier B)");
    expect(text(screen.getByTestId("not-ranked-reason-1"))).toBe(
      "Not ranked: not a framework supplier (Supplier B): a mini-competition is limited to the framework's suppliers",
    );
    const explanation = value(await screen.findByTestId("explanation-text", {}, { timeout: 30_000 }));
    expect(explanation).toContain(
      "This is a mini-competition among the suppliers of the framework ICT framework 2027, version 1.1: Supplier A.",
    );
    expect(explanation).toContain(
      `The parameters are those of the framework set ICT framework 2027, version 1.1 (fingerprint ${onlyA.fingerprint}), unchanged.`,
    );
    expect(explanation).toContain("Not a framework supplier: Supplier B.");
    expect(explanation).toContain("not a framework supplier (Supplier B)");
  });

  it("writes the workbook of the mini-competition: the Write step passes the framework's suppliers, and without one none", async () => {
    const user = userEvent.setup();
    const writers = recordingWriters();
    renderApp(hostWith({ ...referenceComparison(), framework: onlyA, frameworkLocked: true, miniCompetition: true }, { writers }));
    await openStep(user, "write");
    await user.click(await screen.findByTestId("write-button", {}, { timeout: 30_000 }));
    await screen.findByTestId("write-status", {}, { timeout: 30_000 });
    const call = writers.calls.at(-1)!;
    expect(call.miniCompetition).toEqual({ suppliers: ["Supplier A"] });
    expect(call.bids.map((b) => b.supplier)).toEqual(["Supplier A", "Supplier B"]);
    // What the writers build the workbook from: the templates' request carries the list.
    expect(templateRequest(call, DEFAULT_ROWS).miniCompetition).toEqual({ suppliers: ["Supplier A"] });

    cleanup();
    const plain = recordingWriters();
    renderApp(hostWith({ ...referenceComparison(), framework: onlyA, frameworkLocked: true }, { writers: plain }));
    await openStep(user, "write");
    await user.click(await screen.findByTestId("write-button", {}, { timeout: 30_000 }));
    await screen.findByTestId("write-status", {}, { timeout: 30_000 });
    expect(plain.calls.at(-1)!.miniCompetition).toBeUndefined();
    expect("miniCompetition" in templateRequest(plain.calls.at(-1)!, DEFAULT_ROWS)).toBe(false);
  });

  it("without a mini-competition, the same offers under the same set are both ranked", async () => {
    const user = userEvent.setup();
    renderApp(hostWith({ ...referenceComparison(), framework: onlyA, frameworkLocked: true }));
    await openStep(user, "results");
    expect(text(await screen.findByTestId("ranking-name-2", {}, { timeout: 30_000 }))).toBe("Notebook A (Supplier A)");
    expect(screen.queryByTestId("not-ranked-table")).toBeNull();
  });
});
