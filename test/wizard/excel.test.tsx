/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ExcelHost } from "../../src/host/ExcelHost";
import { columnKeys, parameterNames, tableName } from "../../src/host/workbookCells";
import { DEFAULT_PARAMETERS } from "../../src/model/parameters";
import { App } from "../../src/taskpane/wizard";
import { type FakeBook, fakeRun } from "../host/fakeExcel";
import { planBook } from "../host/planBook";
import { bidHeaders } from "../host/templateBook";
import { openStep, recordingWriters, text, value } from "./support";
import { webcrypto } from "node:crypto";
import { TextEncoder as NodeTextEncoder } from "node:util";
import { FRAMEWORK_SETTING_KEY } from "../../src/host/ExcelHost";
import { publishParameterSet } from "../../src/model/parameterSet";
import { referenceParameters } from "../fixtures/referenceBids";

if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;

const stamp = { template: "computers" as const, nameSuffix: "" };

function book(): FakeBook {
  const names: Record<string, unknown> = {};
  for (const { key, name } of parameterNames(stamp))
    names[name] =
      key === "includeExternalities"
        ? "no"
        : key === "customEmissionFactor"
          ? 0.38
          : (DEFAULT_PARAMETERS as unknown as Record<string, unknown>)[key];
  names.LCC_ElectricityPricePerKWh = 0.2;
  const keys = columnKeys(stamp);
  const row = (o: Record<string, unknown>) => keys.map((k) => o[k] ?? "");
  return {
    setting: JSON.stringify({ template: "computers", nameSuffix: "" }),
    names,
    headers: { [tableName(stamp)]: bidHeaders("nl") },
    tableAt: { [tableName(stamp)]: "'LCC Offertes'!A4" },
    tables: {
      [tableName(stamp)]: [
        row({ supplier: "Supplier A", product: "Notebook A", deviceType: "notebook", quantity: 100, price: 750, tecKWhPerYear: 30 }),
        row({}),
        row({}),
        row({}),
      ],
    },
    selection: {
      address: "Offertes!A1:E3",
      values: [
        ["Leverancier", "Product", "Aantal (stuks)", "Prijs per stuk (EUR)", "TEC (kWh/jr)"],
        ["Supplier C", "Notebook C", 50, "699,00", 25],
        ["Supplier D", "Notebook D", "veel", 720, 22],
      ],
    },
  };
}

/** The computers template in Dutch, written with the example criteria (examples/parameters-criteria.json). */
function criteriaBook(): FakeBook {
  const criteria = JSON.parse(readFileSync(join(__dirname, "../../examples/parameters-criteria.json"), "utf8")).criteria;
  return planBook({
    template: "computers",
    parameters: { ...DEFAULT_PARAMETERS, electricityPricePerKWh: 0.2, qualityPoints: 60, criteria },
    language: "nl",
  });
}

async function renderExcel(b = book(), writers = recordingWriters()) {
  const { run, rec } = fakeRun(b);
  const host = new ExcelHost({ run, locale: "nl-BE", language: "nl", theme: "dark", writers, saveDelayMs: 0 });
  render(<App host={host} />);
  return { user: userEvent.setup(), rec, writers, book: b };
}

describe("the wizard in Excel", () => {
  it("continues the comparison in the workbook, in Office's language and theme, without a language selector", async () => {
    await renderExcel();
    expect(text(await screen.findByTestId("start-restored"))).toContain("in deze werkmap is bewaard (1 offerte)");
    expect(screen.queryByTestId("language-select")).toBeNull();
    expect(document.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("dark");
  });

  it("first read fails: the pane shows the error, writes nothing, and continues once Retry reads the workbook", async () => {
    const b = book();
    const { run, rec } = fakeRun(b);
    let failures = 1;
    const flaky: typeof run = (batch) => (failures-- > 0 ? Promise.reject(new Error("InvalidOperationInCellEditMode")) : run(batch));
    render(
      <App
        host={new ExcelHost({ run: flaky, locale: "nl-BE", language: "nl", theme: "light", writers: recordingWriters(), saveDelayMs: 0 })}
      />,
    );
    const user = userEvent.setup();
    expect(text(await screen.findByTestId("load-problem"))).toContain(
      "Deze werkmap kon niet worden gelezen (InvalidOperationInCellEditMode)",
    );
    await openStep(user, "parameters");
    expect(screen.getByTestId("load-problem")).toBeTruthy(); // on every step until a read succeeds
    await user.type(screen.getByTestId("param-electricityPricePerKWh"), "5");
    expect(text(await screen.findByTestId("save-refused"))).toContain("Niet bewaard");
    expect(rec.writes).toEqual([]);
    expect(b.names.LCC_EvaluationYears).toBe(DEFAULT_PARAMETERS.evaluationYears);

    await user.click(screen.getByTestId("load-retry"));
    await waitFor(() => expect(screen.queryByTestId("load-problem")).toBeNull());
    await openStep(user, "start");
    expect(text(screen.getByTestId("start-restored"))).toContain("(1 offerte)");
    expect(rec.writes).toEqual([]);
  });

  it("imports offers from the selected range with its columns mapped by the workbook's own headers; a bad row is flagged, not dropped", async () => {
    const { user } = await renderExcel();
    await openStep(user, "bids");
    await user.click(screen.getByTestId("table-import"));
    await user.click(await screen.findByTestId("table-import-read"));
    expect(value(await screen.findByTestId("table-map-supplier"))).toBe("0");
    expect(value(screen.getByTestId("table-map-price"))).toBe("3");
    expect(value(screen.getByTestId("table-map-tecKWhPerYear"))).toBe("4");
    expect(value(screen.getByTestId("table-map-residualValue"))).toBe("-1");
    await user.click(screen.getByTestId("table-import-rows"));
    expect(text(screen.getByTestId("bids-summary"))).toBe("3 offertes, waarvan 1 met een probleem.");
    expect(text(screen.getByTestId("bid-2-reason"))).toBe("Aantal moet een getal zijn.");
  });

  it("keeps the workbook up to date as the user types, writing only what changed", async () => {
    const { user, rec, book: b } = await renderExcel();
    await openStep(user, "parameters");
    const rate = screen.getByTestId("param-discountRate");
    await user.clear(rate);
    await user.type(rate, "3 %");
    await waitFor(() => expect(b.names.LCC_DiscountRate).toBe(0.03));
    expect(text(await screen.findByTestId("save-status"))).toBe("Bewaard in deze werkmap.");
    expect(new Set(rec.writes.map((w) => w.target))).toEqual(new Set(["LCC_DiscountRate"]));
  });

  it("keeps a colleague's newer value over the pane's stale one, says so, and reloads to show it", async () => {
    const { user, rec, book: b } = await renderExcel();
    await openStep(user, "parameters");
    b.names.LCC_DiscountRate = 0.05; // typed by a colleague (co-authoring) after the pane read the workbook
    const rate = screen.getByTestId("param-discountRate");
    await user.clear(rate);
    await user.type(rate, "3 %");
    const notice = await screen.findByTestId("save-conflicts", {}, { timeout: 10_000 });
    expect(text(notice)).toContain("De werkmap is onder het deelvenster gewijzigd");
    // As the Parameters sheet shows a rate, in the pane's language; not the raw 0.05.
    expect(text(notice)).toContain("Parameters – Discontovoet (LCC_DiscountRate: “5 %” behouden, “3 %” niet geschreven)");
    expect(b.names.LCC_DiscountRate).toBe(0.05);
    expect(rec.writes.some((w) => w.target === "LCC_DiscountRate")).toBe(false);
    await user.click(screen.getByTestId("save-reload"));
    await waitFor(() => expect(screen.queryByTestId("save-conflicts")).toBeNull());
    await waitFor(() => expect(value(screen.getByTestId("param-discountRate"))).toBe("5 %"));
  }, 30_000);

  it("names a table cell a colleague changed by its sheet, A1 address and offer, its value as the sheet shows it", async () => {
    const { user, book: b } = await renderExcel();
    await openStep(user, "bids");
    const price = columnKeys(stamp).indexOf("price");
    b.tables[tableName(stamp)][0][price] = 725.5; // typed by a colleague after the pane's read
    await user.click(screen.getByTestId("bid-0-toggle"));
    const field = screen.getByTestId("bid-0-price");
    await user.clear(field);
    await user.type(field, "700");
    const notice = await screen.findByTestId("save-conflicts", {}, { timeout: 10_000 });
    expect(text(notice)).toContain(
      "offerte 1 – Aankoopprijs per stuk ('LCC Offertes'!F5 (Supplier A – Notebook A): “725,5” behouden, “700” niet geschreven)",
    );
    expect(b.tables[tableName(stamp)][0][price]).toBe(725.5);
  }, 30_000);

  it("says, in Dutch, that the workbook's Results do not score a criterion switched on in the pane, and writes its Criteria row", async () => {
    const b = criteriaBook();
    const { user } = await renderExcel(b);
    await openStep(user, "criteria");
    expect(screen.queryByTestId("save-unscored")).toBeNull();
    await user.selectOptions(screen.getByTestId("criterion-repairability-role"), "award");
    const notice = await screen.findByTestId("save-unscored", {}, { timeout: 10_000 });
    expect(text(notice)).toBe(
      "Het blad Resultaten van de werkmap scoort Repareerbaarheidsscore niet: de formules werden geschreven voordat dit criterium werd aangezet, dus de punten en minimumeisen van het blad laten het weg, terwijl de Resultaten in het deelvenster het meetellen. Schrijf de werkmap opnieuw (stap 6) om het nieuwe criterium in het blad te scoren.",
    );
    expect(b.sheets!["LCC Criteria"][9].slice(0, 6)).toEqual([
      "repairability",
      expect.any(String),
      expect.any(String),
      expect.any(String),
      expect.any(String),
      "Gunningscriterium",
    ]);
    // Switched off again: nothing left unscored.
    await user.selectOptions(screen.getByTestId("criterion-repairability-role"), "off");
    await waitFor(() => expect(screen.queryByTestId("save-unscored")).toBeNull(), { timeout: 10_000 });
  }, 30_000);

  it("says on opening that the Results do not score a requirement a colleague switched on in the Criteria sheet", async () => {
    const b = criteriaBook();
    expect(b.sheets!["LCC Criteria"][21][0]).toBe("socialClause");
    b.sheets!["LCC Criteria"][21][5] = "Minimumeis";
    await renderExcel(b);
    const notice = await screen.findByTestId("load-changes", {}, { timeout: 10_000 });
    expect(text(notice)).toContain("Het blad Resultaten van de werkmap scoort Sociale clausule niet:");
  }, 30_000);

  it("keeps the framework set a colleague adopted since the pane's read, and says so in Dutch", async () => {
    const publish = (version: string) =>
      publishParameterSet(
        { ...referenceParameters, discountRate: 0.035 },
        { name: "ICT 2026", version, date: "2026-01-10", publisher: "Central Buying Office", local: ["electricityPricePerKWh"] },
      );
    const b = { ...book(), settings: { [FRAMEWORK_SETTING_KEY]: JSON.stringify({ set: await publish("2"), locked: false }) } };
    const { user } = await renderExcel(b);
    await openStep(user, "parameters");
    const theirs = JSON.stringify({ set: await publish("3"), locked: false }); // adopted by a colleague meanwhile
    b.settings[FRAMEWORK_SETTING_KEY] = theirs;
    await user.click(await screen.findByTestId("framework-drop"));
    const notice = await screen.findByTestId("save-conflicts", {}, { timeout: 10_000 });
    expect(text(notice)).toContain("Raamovereenkomst (“ICT 2026 3” behouden, “(leeg)” niet geschreven)");
    expect(b.settings[FRAMEWORK_SETTING_KEY]).toBe(theirs);
  }, 30_000);

  it("names a Criteria sheet cell it cannot read, with its sheet and cell", async () => {
    const b = criteriaBook();
    b.sheets!["LCC Criteria"][7][5] = "Misschien"; // F8: batteryCycles' role
    await renderExcel(b);
    const notice = await screen.findByTestId("load-changes", {}, { timeout: 10_000 });
    expect(text(notice)).toContain("'LCC Criteria'!F8 bevat “Misschien”, wat niet te lezen is als Criteria – Batterijcycli – rol.");
  }, 30_000);

  it("brings the workbook comparison up to date from the Workbook step", async () => {
    const { user, writers } = await renderExcel();
    await openStep(user, "write");
    await user.click(screen.getByRole("button", { name: "In deze werkmap schrijven" }));
    expect(text(await screen.findByTestId("write-status"))).toBe("De vergelijking in deze werkmap is bijgewerkt.");
    expect(writers.calls).toHaveLength(0);
  });

  it("in a workbook without the template, says so, then writes it and keeps it up to date from then on", async () => {
    const empty: FakeBook = { names: {}, tables: {} };
    const template = book();
    const writers = recordingWriters();
    const write = writers.writeToExcel;
    // The writer adds the template to the workbook, as the Office.js writer does.
    writers.writeToExcel = async (input) => {
      Object.assign(empty, { ...template, selection: undefined });
      empty.names.LCC_ElectricityPricePerKWh = input.parameters.electricityPricePerKWh;
      return write(input);
    };
    const { user } = await renderExcel(empty, writers);
    expect(await screen.findByTestId("start-fresh")).toBeTruthy();
    await openStep(user, "parameters");
    await user.type(screen.getByTestId("param-electricityPricePerKWh"), "0,25");
    expect(text(await screen.findByTestId("save-status"))).toBe(
      "Nog niet in deze werkmap: schrijf ze in stap 6 om ze bij het bestand te bewaren.",
    );
    await openStep(user, "bids");
    await user.click(screen.getByTestId("bid-add"));
    for (const [key, v] of [
      ["supplier", "S"],
      ["product", "P"],
      ["quantity", "10"],
      ["price", "500"],
      ["tecKWhPerYear", "20"],
    ])
      await user.type(screen.getByTestId(`bid-0-${key}`), v);
    await openStep(user, "write");
    await user.click(screen.getByTestId("write-button"));
    expect(text(await screen.findByTestId("write-status"))).toContain("In deze werkmap geschreven");
    expect(writers.calls[0].parameters.electricityPricePerKWh).toBe(0.25);
    await waitFor(() => expect(text(screen.getByTestId("save-status"))).toBe("Bewaard in deze werkmap."));
    // A colleague changes the CO2 price in the sheet; the procurer then changes the discount rate in the pane.
    empty.names.LCC_Co2PricePerTonne = 120;
    await openStep(user, "parameters");
    const rate = screen.getByTestId("param-discountRate");
    await user.clear(rate);
    await user.type(rate, "3 %");
    await waitFor(() => expect(empty.names.LCC_DiscountRate).toBe(0.03));
    expect(empty.names.LCC_Co2PricePerTonne).toBe(120);
    expect(empty.names.LCC_ElectricityPricePerKWh).toBe(0.25);
  });
});
