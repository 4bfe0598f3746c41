/** @jest-environment jsdom */
/**
 * LCC-METHOD §12.7 as the Results step shows it: C1 flips the ranking to A with the warranty extension and
 * the battery as their own lines; C3 lists A as not ranked with its reason, and the award explanation says
 * so; a comparison saved with the former residual curve opens with a message; the circular options count
 * CO2 from the decision on, with the lifetime view of the kept device apart.
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SavedComparison } from "../../src/host/types";
import { bidEntries } from "../../src/model/entries";
import { type Bid, DEFAULT_PARAMETERS, type Parameters } from "../../src/model";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { MemoryStorage, hostWith, openStep, parameterEntriesOf, renderApp, text } from "./support";

function comparison(p: Partial<Parameters>, bids: Bid[]): SavedComparison {
  return {
    group: "computers",
    parameters: parameterEntriesOf({ ...referenceParameters, ...p }, "en"),
    bids: bids.map((b) => bidEntries(b, "computers", "en")),
    circular: {},
  };
}

async function openResults(saved: SavedComparison, storage = new MemoryStorage()) {
  const user = userEvent.setup();
  renderApp(hostWith(saved, { storage, locale: "en-GB" }));
  await openStep(user, "results");
  return user;
}

const C1_A: Bid = { ...bidA, warrantyYears: 3, extraWarrantyYearPrice: 25 };
const C1_B: Bid = { ...bidB, warrantyYears: 5, batteryReplacementCost: 90, batteryReplacementYear: 4 };

describe("§12.7 in the Results step", () => {
  it("C1: A ranks first at €85,193.71 with a warranty extension of €5,000.00; B €86,625.11 with its battery €8,164.13", async () => {
    await openResults(comparison({ requiredWarrantyYears: 5 }, [C1_A, C1_B]));
    expect(text(screen.getByTestId("ranking-name-1"))).toBe("Notebook A (Supplier A)");
    expect(text(screen.getByTestId("ranking-value-1"))).toBe("€85,193.71");
    expect(text(screen.getByTestId("ranking-value-2"))).toBe("€86,625.11");
    const chart = await screen.findByTestId("chart-lcc");
    const [a, b] = within(chart)
      .getAllByRole("img")
      .map((img) => img.getAttribute("aria-label") ?? "");
    expect(a).toContain("Warranty extension €5,000.00");
    expect(b).toContain("Battery and upgrades €8,164.13");
    expect(screen.queryByTestId("not-ranked")).toBeNull();
  });

  it("C2: repairs after A's warranty (€7,187.22) put B first", async () => {
    await openResults(comparison({ outOfWarrantyRepairPerYear: 40 }, [{ ...bidA, warrantyYears: 3 }, C1_B]));
    expect(text(screen.getByTestId("ranking-name-1"))).toBe("Notebook B (Supplier B)");
    expect(text(screen.getByTestId("ranking-value-2"))).toBe("€87,380.93");
    const chart = await screen.findByTestId("chart-lcc");
    expect(within(chart).getAllByRole("img")[1].getAttribute("aria-label")).toContain("Repairs after warranty €7,187.22");
  });

  it("C3: A is listed as not ranked with its reason, B ranks 1; the explanation says why A was not ranked", async () => {
    await openResults(
      comparison({ requiredWarrantyYears: 5 }, [
        { ...bidA, warrantyYears: 3 },
        { ...bidB, warrantyYears: 5 },
      ]),
    );
    expect(text(screen.getByTestId("ranking-name-1"))).toBe("Notebook B (Supplier B)");
    expect(screen.queryByTestId("ranking-row-2")).toBeNull();
    expect(text(screen.getByTestId("not-ranked-name-1"))).toBe("Notebook A (Supplier A)");
    expect(text(screen.getByTestId("not-ranked-reason-1"))).toBe("Not ranked: Warranty: 3 years, the tender asks at least 5");
    expect(text(screen.getByTestId("not-ranked-row-1"))).toContain("€80,193.71");
    expect(text(screen.getByTestId("winner-summary"))).toBe("Notebook B (Supplier B) is the only offer compared, with €78,460.98.");
    const explanation = (screen.getByTestId("explanation-text") as HTMLTextAreaElement).value;
    expect(explanation).toContain(
      "1 offer was not ranked because it does not meet a requirement of the tender documents: Notebook A (Supplier A) (Warranty: 3 years, the tender asks at least 5).",
    );
  });

  it("C4: a refurbished offer for 3 of 5 years puts both on EAC: A €18,013.68 a year against €18,259.84", async () => {
    const refurbished: Bid = {
      ...bidA,
      product: "Refurbished R",
      condition: "refurbished",
      price: 430,
      tecKWhPerYear: 25,
      residualValue: 0,
      serviceLifeYears: 3,
    };
    await openResults(comparison({}, [bidA, refurbished]));
    expect(text(screen.getByTestId("ranking-value-1"))).toBe("€18,013.68");
    expect(text(screen.getByTestId("ranking-value-2"))).toBe("€18,259.84");
    expect(text(screen.getByTestId("eac-note"))).toContain("service lives counted: 3 and 5 years");
  });

  it("C5 and C6: a declared 8 years earns nothing (same LCC, no EAC); data erasure adds €986.31", async () => {
    await openResults(
      comparison({ dataErasureCostPerUnit: 12 }, [
        { ...bidA, serviceLifeYears: 8 },
        { ...bidA, supplier: "Supplier E", takeBackWithDataErasure: "yes" },
      ]),
    );
    expect(screen.queryByTestId("eac-note")).toBeNull();
    expect(text(screen.getByTestId("ranking-value-1"))).toBe("€80,193.71");
    expect(text(screen.getByTestId("ranking-value-2"))).toBe("€81,180.02"); // 80 193.71 + 986.31
  });
});

describe("a comparison saved with the former residual value curve", () => {
  it("opens with a message saying what changed", async () => {
    const storage = new MemoryStorage();
    const saved = comparison({}, [bidA, bidB]);
    const { residualValueRule, ...parameters } = saved.parameters;
    expect(residualValueRule).toBe("byDeviceType");
    storage.setItem(
      "circular-ict-lcc.comparison.v1",
      JSON.stringify({ version: 2, ...saved, parameters: { ...parameters, residualCurve: "tablet" } }),
    );
    renderApp(hostWith(JSON.parse(storage.getItem("circular-ict-lcc.comparison.v1")!), { storage }));
    const notice = await screen.findByTestId("load-changes");
    expect(text(notice)).toContain("one residual value curve (“tablet”) applied to every offer that gives no residual value");
    expect(text(notice)).toContain("Blank residual values now follow the device type");
  });
});

describe("circular options from the decision on", () => {
  it("shows extend 4.6, refurbished 14.6, new 40.3 kg CO2e a year (BE) and the lifetime view apart: 49.85 → 34.77, 30.26 % less", async () => {
    const example = JSON.parse(readFileSync(join(__dirname, "../../examples/circular.json"), "utf8")) as {
      currentDeviceEmbodiedKgCO2e: number;
      currentAgeYears: number;
      scenarios: Record<string, number | string>[];
    };
    const circular: Record<string, string> = {
      currentDeviceEmbodiedKgCO2e: String(example.currentDeviceEmbodiedKgCO2e),
      currentAgeYears: String(example.currentAgeYears),
    };
    for (const s of example.scenarios) for (const [k, v] of Object.entries(s)) if (k !== "kind") circular[`${s.kind}.${k}`] = String(v);
    const saved: SavedComparison = {
      group: "circular",
      parameters: parameterEntriesOf({ ...DEFAULT_PARAMETERS, ...referenceParameters }, "en"),
      bids: [],
      circular,
    };
    await openResults(saved);
    expect(text(screen.getByTestId("circular-co2-extend"))).toBe("4.6");
    expect(text(screen.getByTestId("circular-co2-refurbished"))).toBe("14.6");
    expect(text(screen.getByTestId("circular-co2-new"))).toBe("40.3");
    const view = text(screen.getByTestId("circular-lifetime"));
    expect(view).toContain("Lifetime view of the kept device (not compared with the options)");
    expect(view).toContain(
      "49.85 kg CO2e a year over its 4 years so far and 34.77 kg CO2e a year over 6 years if you keep it: 30.26% less",
    );
  });
});
