/** @jest-environment jsdom */
/**
 * The pane in Excel (ExcelHost over the Office.js fake): adopting a framework set writes its values into the
 * workbook's Parameters, and locking protects the Parameters sheet (and the Criteria sheet, when the workbook
 * has one) with the password typed, the set's local value left open; unlocking with a wrong password is
 * refused with Excel's message and changes nothing.
 * Starting a mini-competition protects the sheet as Lock does.
 */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webcrypto } from "node:crypto";
import { TextEncoder as NodeTextEncoder } from "node:util";
import { ExcelHost } from "../../src/host/ExcelHost";
import type { ParameterSet } from "../../src/model/parameterSet";
import { App } from "../../src/taskpane/wizard";
import { bidA } from "../fixtures/referenceBids";
import { DEFAULT_PARAMETERS } from "../../src/model";
import { type FakeBook, fakeRun } from "../host/fakeExcel";
import { planBook } from "../host/planBook";
import { templateBook } from "../host/templateBook";
import { openStep, recordingWriters, text } from "../wizard/support";
import { referenceSet } from "./sets";

if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;
jest.setTimeout(60_000);

let set: ParameterSet;
let withOffers: ParameterSet;
beforeAll(async () => {
  set = await referenceSet("ICT 2026", { discountRate: 0.035 });
  withOffers = await referenceSet("ICT 2026", { discountRate: 0.035 }, { kind: "computers", bids: [bidA] });
});

/** Types the password and presses Lock (or Unlock); the pane's message about the sheet, once shown. */
async function pressLock(user: ReturnType<typeof userEvent.setup>, password: string, expected: string) {
  await user.clear(screen.getByTestId("framework-password"));
  await user.type(screen.getByTestId("framework-password"), password);
  await user.click(screen.getByTestId("framework-lock"));
  await waitFor(() => expect(text(screen.getByTestId("framework-sheet"))).toBe(expected));
}

/** The pane in Excel on the template workbook, the Parameters step open and `adopted` adopted. */
async function adoptInExcel(user: ReturnType<typeof userEvent.setup>, adopted: ParameterSet, book: FakeBook = templateBook()) {
  const { run, rec } = fakeRun(book);
  render(
    <App host={new ExcelHost({ run, locale: "en-GB", language: "en", theme: "light", writers: recordingWriters(), saveDelayMs: 0 })} />,
  );
  await screen.findByTestId("start-restored");
  await openStep(user, "parameters");
  await user.upload(screen.getByTestId("framework-input"), new File([JSON.stringify(adopted)], "set.json", { type: "application/json" }));
  await screen.findByTestId("framework-summary");
  // The set's discount rate reaches the workbook's named cell.
  await waitFor(() => expect(book.names.LCC_DiscountRate).toBe(0.035));
  return { book, rec };
}

it("adopts a set into a workbook written before criteria and protects its Parameters sheet from the pane", async () => {
  const user = userEvent.setup();
  const { book, rec } = await adoptInExcel(user, set);
  await pressLock(user, "s3cret", "The workbook's Parameters sheet is protected: only the set's local values can be typed there.");
  expect(book.protection).toEqual({ protected: true, password: "s3cret" });
  expect(rec.unlocked).toEqual(["LCC_ElectricityPricePerKWh"]);
  expect(screen.getByTestId("param-discountRate").hasAttribute("readonly")).toBe(true);
  // The set travels with the workbook (a setting), locked as the pane is.
  await waitFor(() => expect(JSON.parse(book.settings?.["CircularICT.framework"] ?? "{}")).toEqual({ set, locked: true }));

  // Unlock with a wrong password: Excel refuses, the sheet and the pane's fields stay locked.
  await pressLock(user, "guess", "Excel refused: InvalidPassword: the password is not correct. Nothing was changed.");
  expect(book.protection).toEqual({ protected: true, password: "s3cret" });
  expect(screen.getByTestId("param-discountRate").hasAttribute("readonly")).toBe(true);

  await pressLock(user, "s3cret", "The workbook's Parameters sheet is no longer protected.");
  expect(book.protection).toEqual({ protected: false });
  expect(screen.getByTestId("param-discountRate").hasAttribute("readonly")).toBe(false);
});

it("protects the Parameters and Criteria sheets from the pane, and says so; a wrong password leaves both protected", async () => {
  const user = userEvent.setup();
  const { book } = await adoptInExcel(user, set, planBook({ template: "computers", parameters: DEFAULT_PARAMETERS, language: "en" }));
  await pressLock(
    user,
    "s3cret",
    "The workbook's Parameters and Criteria sheets are protected: only the set's local values can be typed there.",
  );
  expect(book.protection).toEqual({ protected: true, password: "s3cret" });
  expect(book.sheetProtection).toEqual({ "LCC Criteria": { protected: true, password: "s3cret" } });

  await pressLock(user, "guess", "Excel refused: InvalidPassword: the password is not correct. Nothing was changed.");
  expect(book.protection).toEqual({ protected: true, password: "s3cret" });
  expect(book.sheetProtection).toEqual({ "LCC Criteria": { protected: true, password: "s3cret" } });
  expect(screen.getByTestId("param-discountRate").hasAttribute("readonly")).toBe(true);

  await pressLock(user, "s3cret", "The workbook's Parameters and Criteria sheets are no longer protected.");
  expect(book.protection).toEqual({ protected: false });
  expect(book.sheetProtection).toEqual({ "LCC Criteria": { protected: false } });
  expect(screen.getByTestId("param-discountRate").hasAttribute("readonly")).toBe(false);
});

it("protects the Parameters sheet when a mini-competition starts, the set's local value left open", async () => {
  const user = userEvent.setup();
  const { book, rec } = await adoptInExcel(user, withOffers);
  expect(book.protection?.protected ?? false).toBe(false);
  await user.click(await screen.findByTestId("mini-start", {}, { timeout: 30_000 }));
  await user.click(screen.getByTestId("mini-start")); // the workbook's offers are replaced: confirmed
  await screen.findByTestId("bids-summary", {}, { timeout: 30_000 });
  expect(book.protection).toEqual({ protected: true });
  expect(rec.unlocked).toEqual(["LCC_ElectricityPricePerKWh"]);
  // Saved with the workbook: the set locked and the mini-competition, in its setting.
  await waitFor(() =>
    expect(JSON.parse(book.settings?.["CircularICT.framework"] ?? "{}")).toEqual({ set: withOffers, locked: true, miniCompetition: true }),
  );
});

it("opens the set kept in the workbook, its fingerprint checked again; a set edited in the settings is not taken", async () => {
  const book = { ...templateBook(), settings: { "CircularICT.framework": JSON.stringify({ set, locked: true }) } };
  const { run } = fakeRun(book);
  const host = new ExcelHost({ run, locale: "en-GB", language: "en", theme: "light", writers: recordingWriters(), saveDelayMs: 0 });
  const loaded = await host.load();
  expect(loaded.status).toBe("ok");
  expect(loaded.comparison?.framework).toEqual(set);
  expect(loaded.comparison?.frameworkLocked).toBe(true);

  const edited = {
    ...templateBook(),
    settings: {
      "CircularICT.framework": JSON.stringify({ set: { ...set, parameters: { ...set.parameters, discountRate: 0.01 } }, locked: false }),
    },
  };
  const other = new ExcelHost({
    run: fakeRun(edited).run,
    locale: "en-GB",
    language: "en",
    theme: "light",
    writers: recordingWriters(),
    saveDelayMs: 0,
  });
  const read = await other.load();
  expect(read.status).toBe("recovered");
  expect(read.report.unreadable).toEqual(["framework"]);
  expect(read.comparison?.framework).toBeUndefined();
  // Dropping the set in the pane removes the setting.
  const save = await host.save({ ...loaded.comparison!, framework: undefined, frameworkLocked: undefined });
  expect(save.stored).toBe(true);
  expect(book.settings["CircularICT.framework"]).toBeUndefined();
});

it("keeps the call-off's quantities in the Call-off sheet's cells: read on opening, written on saving, a colleague's value kept", async () => {
  const keyA = "Supplier A | Notebook A | new";
  const book = {
    ...templateBook(),
    setting: JSON.stringify({ template: "computers", version: "1.1.0", sheets: { callOff: "LCC Call-off" }, nameSuffix: "" }),
    settings: { "CircularICT.framework": JSON.stringify({ set: withOffers, locked: true }) },
    // B5 is row 1 of the Bids table (Notebook A, in the set's catalogue); B6 that of Notebook B (not in it).
    sheets: { "LCC Call-off": [[], [], [], [], ["", 30], ["", ""]] as unknown[][] },
  };
  const { run } = fakeRun(book);
  const host = new ExcelHost({ run, locale: "en-GB", language: "en", theme: "light", writers: recordingWriters(), saveDelayMs: 0 });
  const loaded = await host.load();
  expect(loaded.comparison?.callOff).toEqual({ [keyA]: "30" });

  // 45 for A reaches its cell; a quantity for B (not in the catalogue) and rows without an offer stay blank.
  expect((await host.save({ ...loaded.comparison!, callOff: { [keyA]: "45", "Supplier B | Notebook B | refurbished": "7" } })).stored).toBe(
    true,
  );
  expect(book.sheets["LCC Call-off"].slice(4).map((r) => r[1])).toEqual([45, ""]);

  // A colleague types 50 in the sheet; the pane's 60 is not written over it, and the save says so.
  book.sheets["LCC Call-off"][4][1] = 50;
  const status = await host.save({ ...loaded.comparison!, callOff: { [keyA]: "60" } });
  expect(book.sheets["LCC Call-off"][4][1]).toBe(50);
  expect(status.conflicts).toEqual([{ where: "callOff.0", cell: "'LCC Call-off'!B5", theirs: "50", mine: "60" }]);
  // Opening again reads the colleague's quantity.
  expect((await host.load()).comparison?.callOff).toEqual({ [keyA]: "50" });
});
