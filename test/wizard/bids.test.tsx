/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TextDecoder } from "node:util";
import { MemoryStorage, checked, renderApp, standaloneHost, text, value, openStep } from "./support";

// jsdom lacks TextDecoder, which every browser and Node have.
Object.assign(globalThis, { TextDecoder });

async function openBids(storage = new MemoryStorage()) {
  const user = userEvent.setup();
  renderApp(standaloneHost({ storage }));
  await openStep(user, "bids");
  return { user, storage };
}

/** A required field's label ends in Fluent's " *". */
const required = (label: string) => new RegExp(`^${label.replace(/[()€]/g, "\\$&")}\\s*\\*$`);

/** What a field says about itself: its message and hint, as a screen reader hears them. */
const fieldMessage = (testId: string) =>
  (screen.getByTestId(testId).getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id))
    .filter((e): e is HTMLElement => e !== null)
    .map((e) => text(e))
    .join(" ");

const saved = (storage: Storage) => JSON.parse(storage.getItem("circular-ict-lcc.comparison.v1") ?? "null");

describe("Offers step", () => {
  it("adds an offer, focuses its first field and flags what is missing", async () => {
    const { user } = await openBids();
    await user.click(screen.getByTestId("bid-add"));
    expect(document.activeElement).toBe(screen.getByTestId("bid-0-supplier"));
    expect(screen.getByTestId("bid-0-flag")).toBeTruthy();
    await user.type(screen.getByLabelText(required("Supplier")), "Supplier A");
    await user.type(screen.getByLabelText(required("Product")), "Notebook A");
    await user.type(screen.getByLabelText(required("Quantity (units)")), "100");
    await user.type(screen.getByLabelText(required("Purchase price per unit (€)")), "750");
    expect(text(screen.getByTestId("bid-card-0"))).toContain(
      "Typical energy consumption (TEC): give either the TEC (kWh per year) or the mode powers and hours.",
    );
    await user.type(screen.getByLabelText("Typical energy consumption (TEC) (kWh/year)"), "30");
    expect(screen.queryByTestId("bid-0-flag")).toBeNull();
    expect(text(screen.getByTestId("bids-summary"))).toBe("1 offer, 0 needing attention.");
  });

  it("takes energy as mode powers and hours instead of TEC", async () => {
    const { user, storage } = await openBids();
    await user.click(screen.getByTestId("bid-add"));
    await user.click(screen.getByTestId("bid-0-energy-modes"));
    expect(screen.queryByTestId("bid-0-tecKWhPerYear")).toBeNull();
    await user.type(screen.getByLabelText("Power when on (W)"), "15");
    await user.type(screen.getByLabelText("Hours on per working day (h/day)"), "8");
    await user.type(screen.getByLabelText("Power when off (W)"), "0,3");
    expect(checked(screen.getByTestId("bid-0-energy-modes"))).toBe(true);
    await waitFor(() => expect(saved(storage).bids[0]).toMatchObject({ onW: "15", onHoursPerDay: "8", offW: "0,3", tecKWhPerYear: "" }));
  });

  it("says what production CO2 to enter for a refurbished offer, and no longer suggests a refurbished device serves fewer years", async () => {
    const { user } = await openBids();
    await user.click(screen.getByTestId("bid-add"));
    await user.selectOptions(screen.getByTestId("bid-0-condition"), "refurbished");
    const hintOf = (id: string) =>
      text(document.getElementById((screen.getByTestId(id).getAttribute("aria-describedby") ?? "").split(" ")[0])!);
    expect(hintOf("bid-0-embodiedKgCO2e")).toContain("For a refurbished offer, enter only the CO2 of the refurbishment");
    expect(hintOf("bid-0-serviceLifeYears")).not.toMatch(/fewer years/);
    expect(hintOf("bid-0-serviceLifeYears")).toContain("A longer life than the period earns nothing");
  });

  it("folds Warranty and repair until used; a bad entry there is flagged on its field and keeps the group open", async () => {
    const { user, storage } = await openBids();
    await user.click(screen.getByTestId("bid-add"));
    const toggle = screen.getByTestId("bid-0-group-warrantyAndRepair");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByTestId("bid-0-warrantyYears")).toBeNull();
    await user.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    await user.type(screen.getByTestId("bid-0-warrantyYears"), "31");
    await waitFor(() => expect(screen.getByTestId("bid-0-warrantyYears").getAttribute("aria-invalid")).toBe("true"));
    expect(fieldMessage("bid-0-warrantyYears")).toContain("Warranty years must be at most 30.");
    await user.click(toggle); // folding it again leaves the problem in sight
    expect(screen.getByTestId("bid-0-warrantyYears")).toBeTruthy();
    await user.clear(screen.getByTestId("bid-0-warrantyYears"));
    await user.type(screen.getByTestId("bid-0-extraWarrantyYearPrice"), "25");
    await waitFor(() =>
      expect(fieldMessage("bid-0-extraWarrantyYearPrice")).toContain(
        "Extra warranty year price is given, but not the warranty years included in the price",
      ),
    );
    await user.type(screen.getByTestId("bid-0-batteryReplacementCost"), "90");
    await user.type(screen.getByTestId("bid-0-batteryReplacementYear"), "0");
    await waitFor(() => expect(fieldMessage("bid-0-batteryReplacementYear")).toContain("Battery replacement year must be greater than 0."));
    await user.selectOptions(screen.getByTestId("bid-0-takeBackWithDataErasure"), "yes");
    await waitFor(() =>
      expect(saved(storage).bids[0]).toMatchObject({
        extraWarrantyYearPrice: "25",
        batteryReplacementCost: "90",
        batteryReplacementYear: "0",
        takeBackWithDataErasure: "yes",
      }),
    );
  });

  it("duplicates and removes offers; buttons name the offer they act on", async () => {
    const { user, storage } = await openBids();
    await user.click(screen.getByTestId("bid-add"));
    await user.type(screen.getByTestId("bid-0-product"), "Notebook A");
    await user.click(screen.getByRole("button", { name: "Duplicate Notebook A" }));
    expect(screen.getByTestId("bid-card-1")).toBeTruthy();
    await user.click(screen.getByTestId("bid-1-toggle"));
    expect(value(screen.getByTestId("bid-1-product"))).toBe("Notebook A");
    await user.click(screen.getByTestId("bid-0-remove"));
    expect(screen.queryByTestId("bid-card-1")).toBeNull();
    await waitFor(() => expect(saved(storage).bids).toHaveLength(1));
  });

  it("imports a semicolon CSV with decimal commas; a bad row becomes a flagged offer, and the report stays until dismissed", async () => {
    const { user } = await openBids();
    const csv = [
      "Supplier;Product;Device type;Quantity;Price;TEC kWh per year;Remarks",
      "A;N1;notebook;100;750,50;30;ok",
      "B;N2;notebook;-5;800;18;",
      "C;N3;notebook;10;abc;20;",
    ].join("\n");
    await user.upload(screen.getByTestId("csv-input"), new File([csv], "offers.csv", { type: "text/csv" }));
    const report = await screen.findByTestId("csv-report");
    expect(text(report)).toContain("3 offers imported from offers.csv.");
    expect(text(screen.getByTestId("csv-bad-row-3"))).toBe("Row 3: Quantity must be greater than 0.");
    expect(text(screen.getByTestId("csv-bad-row-4"))).toBe("Row 4: Purchase price per unit must be a number.");
    expect(text(report)).toContain("Columns not recognised and ignored: Remarks.");
    expect(text(screen.getByTestId("bid-card-0"))).toContain("N1 (A)");
    expect(text(screen.getByTestId("bids-summary"))).toBe("3 offers, 2 needing attention.");
    await user.click(screen.getByTestId("bid-0-toggle"));
    expect(value(screen.getByTestId("bid-0-price"))).toBe("750.5");
    await user.click(screen.getByTestId("bid-2-toggle"));
    expect(value(screen.getByTestId("bid-2-price"))).toBe("abc");
    // Leaving the step and coming back keeps the report; only Dismiss removes it.
    await openStep(user, "parameters");
    await openStep(user, "bids");
    expect(text(await screen.findByTestId("csv-report"))).toContain("Row 4: Purchase price per unit must be a number.");
    await user.click(screen.getByTestId("csv-report-close"));
    expect(screen.queryByTestId("csv-report")).toBeNull();
  });

  it("reads a UTF-16 file with Dutch workbook headers and thousands in the chosen number format", async () => {
    const { user } = await openBids();
    const csv =
      "\uFEFFLeverancier;Product;Soort apparaat;Aantal (stuks);Prijs per stuk (EUR);TEC (kWh/jr)\nRéseau;Écran;notebook;1;1.234,50;20\nB;N2;notebook;2;1.234;20\n";
    await user.selectOptions(screen.getByTestId("csv-number-locale"), "nl");
    await user.upload(screen.getByTestId("csv-input"), new File([Buffer.from(csv, "utf16le")], "offres.csv", { type: "text/csv" }));
    expect(text(await screen.findByTestId("csv-report"))).toContain("2 offers imported from offres.csv.");
    expect(text(screen.getByTestId("bid-card-0"))).toContain("Écran (Réseau)");
    await user.click(screen.getByTestId("bid-1-toggle"));
    expect(value(screen.getByTestId("bid-1-price"))).toBe("1234");
    await user.click(screen.getByTestId("bid-0-toggle"));
    expect(value(screen.getByTestId("bid-0-price"))).toBe("1234.5");
  });

  it("refuses a file with a column given twice and imports nothing", async () => {
    const { user } = await openBids();
    const csv = "supplier;product;deviceType;quantity;price;Price per unit;tecKWhPerYear\nA;P;notebook;1;100;900;20\n";
    await user.upload(screen.getByTestId("csv-input"), new File([csv], "twice.csv", { type: "text/csv" }));
    const report = await screen.findByTestId("csv-report");
    expect(text(report)).toContain("twice.csv was not imported:");
    expect(text(screen.getByTestId("csv-problem-0"))).toBe(
      'The column "Price per unit" is given twice (also as "price"): keep one; nothing was imported.',
    );
    expect(text(screen.getByTestId("bids-summary"))).toBe("No offers yet. Add one, or import a CSV file.");
  });

  it("lists the expected columns and offers them as a blank CSV template", async () => {
    await openBids();
    expect(text(screen.getByTestId("csv-expected"))).toContain("Purchase price per unit (€)");
    const href = screen.getByTestId("csv-template").getAttribute("href") ?? "";
    const template = decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, ""));
    expect(template.split(";").slice(0, 3)).toEqual(["\uFEFFSupplier", "Product", "Device type"]);
  });
});
