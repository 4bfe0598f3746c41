/** @jest-environment jsdom */
/**
 * The wizard adopts a framework agreement's parameter set: the fingerprint checked first (a tampered or
 * newer file refused with its reason, nothing changed), the deviations listed exactly, the set kept with the
 * comparison, named in Results and the award explanation, locked except its local fields, and published.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webcrypto } from "node:crypto";
import { TextEncoder as NodeTextEncoder } from "node:util";
import { SAVED_FORMAT_VERSION, readSaved } from "../../src/host/savedFormat";
import { type ParameterSet, verifyParameterSet } from "../../src/model/parameterSet";
import { referenceSet } from "./sets";
import { MemoryStorage, hostWith, openStep, referenceComparison, renderApp, standaloneHost, text, value } from "../wizard/support";

// jsdom has no Web Crypto digest nor TextEncoder; Node's are what the browser provides.
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;

const STORAGE_KEY = "circular-ict-lcc.comparison.v1";
jest.setTimeout(60_000);

let set: ParameterSet;
beforeAll(async () => {
  set = await referenceSet("ICT framework 2026");
});

const fileOf = (json: unknown, name = "set.json") => new File([JSON.stringify(json)], name, { type: "application/json" });

async function adopt(user: ReturnType<typeof userEvent.setup>, json: unknown, name?: string) {
  await user.upload(screen.getByTestId("framework-input"), fileOf(json, name));
}

/** The deviation table as rows of cell texts. */
const deviationTable = () =>
  Array.from(screen.getByTestId("framework-deviations").querySelectorAll("tbody tr"), (tr) =>
    Array.from(tr.children, (c) => text(c as HTMLElement)),
  );

describe("framework parameter set in the wizard", () => {
  it("adopts a set, lists the deviations exactly, keeps the set with the comparison and names it in Results", async () => {
    const storage = new MemoryStorage();
    const user = userEvent.setup();
    renderApp(hostWith(referenceComparison(), { storage }));
    await openStep(user, "parameters");
    // Start from other values, so adopting visibly replaces them.
    const rate = screen.getByTestId("param-discountRate");
    await user.clear(rate);
    await user.type(rate, "5 %");
    await adopt(user, set);
    await screen.findByTestId("framework-summary");
    expect(text(screen.getByTestId("framework-name"))).toBe(
      "Parameter set ICT framework 2026, version 2 (Central Buying Office, 2026-01-10)",
    );
    expect(text(screen.getByTestId("framework-fingerprint"))).toBe(set.fingerprint);
    expect(value(screen.getByTestId("param-discountRate"))).toBe("4 %");
    expect(text(screen.getByTestId("framework-unchanged"))).toBe("Unchanged: every value is the framework's.");

    // Deviate: a local value the set allows, and one it does not.
    const price = screen.getByTestId("param-electricityPricePerKWh");
    await user.clear(price);
    await user.type(price, "0.25");
    await user.clear(screen.getByTestId("param-discountRate"));
    await user.type(screen.getByTestId("param-discountRate"), "3 %");
    expect(deviationTable()).toEqual([
      ["Discount rate", "4 %", "3 %"],
      ["Electricity price", "0.2", "0.25 (local value allowed)"],
    ]);
    expect(screen.getByTestId("framework-deviations").querySelector("caption")!.textContent).toBe("2 values differ from the framework:");

    await openStep(user, "results");
    expect(text(screen.getByTestId("framework-name"))).toContain("ICT framework 2026, version 2");
    expect(deviationTable()).toEqual([
      ["Discount rate", "4 %", "3 %"],
      ["Electricity price", "0.2", "0.25 (local value allowed)"],
    ]);
    expect(value(screen.getByTestId("explanation-text"))).toContain(
      `The parameters are those of the framework set ICT framework 2026, version 2 (fingerprint ${set.fingerprint}), except: Discount rate 3 % instead of 4 % and Electricity price 0.25 instead of 0.2 (a local value the set allows).`,
    );

    // Kept with the comparison (format 4), as published.
    await waitFor(() => expect(JSON.parse(storage.getItem(STORAGE_KEY)!).framework?.fingerprint).toBe(set.fingerprint));
    const stored = JSON.parse(storage.getItem(STORAGE_KEY)!);
    expect(stored.version).toBe(SAVED_FORMAT_VERSION);
    expect(await verifyParameterSet(stored.framework)).toEqual({ ok: true, set });
  });

  it("opens a saved comparison with its set, and without a set reads an older save as before", async () => {
    const saved = { ...referenceComparison(), framework: set };
    const user = userEvent.setup();
    renderApp(hostWith(saved));
    await openStep(user, "parameters");
    expect(text(screen.getByTestId("framework-fingerprint"))).toBe(set.fingerprint);
    // Format 3 (no framework field) still loads as it was.
    const old = readSaved(JSON.stringify({ version: 3, ...referenceComparison() }));
    expect(old.comparison).toEqual(referenceComparison());
    expect(old.unreadable).toEqual([]);
    // A stored set whose shape is broken is named and dropped; the comparison's values stay.
    const broken = readSaved(JSON.stringify({ version: 4, ...referenceComparison(), framework: { ...set, local: "all" } }));
    expect(broken.unreadable).toEqual(["framework"]);
    expect(broken.comparison?.parameters).toEqual(referenceComparison().parameters);
  });

  it("refuses a tampered file and a newer format with their reasons and changes nothing", async () => {
    const user = userEvent.setup();
    renderApp(hostWith(referenceComparison()));
    await openStep(user, "parameters");
    await user.clear(screen.getByTestId("param-discountRate"));
    await user.type(screen.getByTestId("param-discountRate"), "5 %");

    const tampered = { ...set, parameters: { ...set.parameters, discountRate: 0.02 } };
    await adopt(user, tampered, "tampered.json");
    const refused = await screen.findByTestId("framework-refused");
    expect(text(refused)).toContain("tampered.json was not adopted; your parameters are unchanged.");
    expect(text(screen.getByTestId("framework-problem-0"))).toMatch(
      /^fingerprint does not match the values: sha256:[0-9a-f]{64} ≠ sha256:[0-9a-f]{64}\. The values were changed after publishing, or the file is damaged; ask the publisher for the original set\.$/,
    );
    expect(value(screen.getByTestId("param-discountRate"))).toBe("5 %");
    expect(screen.queryByTestId("framework-summary")).toBeNull();

    await adopt(user, { ...set, formatVersion: 2 }, "future.json");
    await waitFor(() => expect(text(screen.getByTestId("framework-refused"))).toContain("future.json was not adopted"));
    expect(text(screen.getByTestId("framework-problem-0"))).toContain("formatVersion");

    await user.upload(screen.getByTestId("framework-input"), new File(["{not json"], "broken.json", { type: "application/json" }));
    await waitFor(() => expect(text(screen.getByTestId("framework-refused"))).toContain("broken.json was not adopted"));
    expect(text(screen.getByTestId("framework-problem-0"))).toBe("the file is not JSON.");
    expect(value(screen.getByTestId("param-discountRate"))).toBe("5 %");
  });

  it("locks the set's values except its local fields, and says what unlocking does", async () => {
    const user = userEvent.setup();
    renderApp(hostWith({ ...referenceComparison(), framework: set }));
    await openStep(user, "parameters");
    await user.click(screen.getByTestId("framework-lock"));
    expect(text(screen.getByTestId("framework-locked"))).toBe(
      "Locked: only the set's local values can be changed (Electricity price). Unlocking lets you change every value again; each change from the set is listed as a deviation in Results and in the award explanation.",
    );
    const rate = screen.getByTestId("param-discountRate");
    expect(rate.hasAttribute("readonly")).toBe(true);
    await user.type(rate, "9");
    expect(value(rate)).toBe("4 %");
    expect((screen.getByTestId("param-country") as HTMLSelectElement).disabled).toBe(true);
    const price = screen.getByTestId("param-electricityPricePerKWh");
    expect(price.hasAttribute("readonly")).toBe(false);
    await user.clear(price);
    await user.type(price, "0.3");
    expect(deviationTable()).toEqual([["Electricity price", "0.2", "0.3 (local value allowed)"]]);
    expect(text(screen.getByTestId("framework-lock"))).toBe("Unlock");
    await user.click(screen.getByTestId("framework-lock"));
    expect(screen.getByTestId("param-discountRate").hasAttribute("readonly")).toBe(false);
  });

  it("publishes the Parameters as a set that verifies", async () => {
    const user = userEvent.setup();
    renderApp(hostWith(referenceComparison()));
    await openStep(user, "parameters");
    await user.click(within(screen.getByTestId("framework-publish")).getByText("Publish these parameters as a framework set"));
    expect(screen.getByTestId("framework-publish-missing")).toBeTruthy();
    await user.type(screen.getByTestId("framework-publish-name"), "Laptops 2027");
    await user.type(screen.getByTestId("framework-publish-version"), "1.0");
    await user.type(screen.getByTestId("framework-publish-publisher"), "Buying Office");
    await user.click(screen.getByTestId("framework-local-country"));
    const link = await screen.findByTestId("framework-download");
    expect(link.getAttribute("download")).toBe("Laptops-2027-1.0.json");
    const json = JSON.parse(decodeURIComponent(link.getAttribute("href")!.replace(/^data:application\/json;charset=utf-8,/, "")));
    const verified = await verifyParameterSet(json);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.set).toMatchObject({
      name: "Laptops 2027",
      version: "1.0",
      publisher: "Buying Office",
      local: ["country", "electricityPricePerKWh"],
    });
    expect(verified.set.parameters.discountRate).toBe(0.04);
    expect(verified.set.parameters.electricityPricePerKWh).toBe(0.2);
    await act(async () => undefined);
  });

  it("shows nothing of a set when none is adopted", async () => {
    const user = userEvent.setup();
    renderApp(standaloneHost());
    await openStep(user, "parameters");
    expect(screen.getByTestId("framework-adopt")).toBeTruthy();
    expect(screen.queryByTestId("framework-summary")).toBeNull();
  });
});
