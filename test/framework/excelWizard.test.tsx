/** @jest-environment jsdom */
/**
 * The pane in Excel (ExcelHost over the Office.js fake): adopting a framework set writes its values into the
 * workbook's Parameters, and locking protects the Parameters sheet with the password typed, the set's local
 * value left open; unlocking with a wrong password is refused with Excel's message and changes nothing.
 */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webcrypto } from "node:crypto";
import { TextEncoder as NodeTextEncoder } from "node:util";
import { ExcelHost } from "../../src/host/ExcelHost";
import { type ParameterSet, publishParameterSet } from "../../src/model/parameterSet";
import { App } from "../../src/taskpane/wizard";
import { referenceParameters } from "../fixtures/referenceBids";
import { fakeRun } from "../host/fakeExcel";
import { templateBook } from "../host/templateBook";
import { openStep, recordingWriters, text } from "../wizard/support";

if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;
jest.setTimeout(60_000);

let set: ParameterSet;
beforeAll(async () => {
  set = await publishParameterSet(
    { ...referenceParameters, discountRate: 0.035 },
    { name: "ICT 2026", version: "2", date: "2026-01-10", publisher: "Central Buying Office", local: ["electricityPricePerKWh"] },
  );
});

it("adopts a set into the workbook and protects its Parameters sheet from the pane", async () => {
  const book = templateBook();
  const { run, rec } = fakeRun(book);
  render(
    <App host={new ExcelHost({ run, locale: "en-GB", language: "en", theme: "light", writers: recordingWriters(), saveDelayMs: 0 })} />,
  );
  const user = userEvent.setup();
  await screen.findByTestId("start-restored");
  await openStep(user, "parameters");
  await user.upload(screen.getByTestId("framework-input"), new File([JSON.stringify(set)], "set.json", { type: "application/json" }));
  await screen.findByTestId("framework-summary");
  // The set's discount rate reaches the workbook's named cell.
  await waitFor(() => expect(book.names.LCC_DiscountRate).toBe(0.035));

  await user.type(screen.getByTestId("framework-password"), "s3cret");
  await user.click(screen.getByTestId("framework-lock"));
  await waitFor(() =>
    expect(text(screen.getByTestId("framework-sheet"))).toBe(
      "The workbook's Parameters sheet is protected: only the set's local values can be typed there.",
    ),
  );
  expect(book.protection).toEqual({ protected: true, password: "s3cret" });
  expect(rec.unlocked).toEqual(["LCC_ElectricityPricePerKWh"]);
  expect(screen.getByTestId("param-discountRate").hasAttribute("readonly")).toBe(true);
  // The set travels with the workbook (a setting), locked as the pane is.
  await waitFor(() => expect(JSON.parse(book.settings?.["CircularICT.framework"] ?? "{}")).toEqual({ set, locked: true }));

  // Unlock with a wrong password: Excel refuses, the sheet and the pane's fields stay locked.
  await user.clear(screen.getByTestId("framework-password"));
  await user.type(screen.getByTestId("framework-password"), "guess");
  await user.click(screen.getByTestId("framework-lock"));
  await waitFor(() =>
    expect(text(screen.getByTestId("framework-sheet"))).toBe(
      "Excel refused: InvalidPassword: the password is not correct. Nothing was changed.",
    ),
  );
  expect(book.protection).toEqual({ protected: true, password: "s3cret" });
  expect(screen.getByTestId("param-discountRate").hasAttribute("readonly")).toBe(true);

  await user.clear(screen.getByTestId("framework-password"));
  await user.type(screen.getByTestId("framework-password"), "s3cret");
  await user.click(screen.getByTestId("framework-lock"));
  await waitFor(() => expect(text(screen.getByTestId("framework-sheet"))).toBe("The workbook's Parameters sheet is no longer protected."));
  expect(book.protection).toEqual({ protected: false });
  expect(screen.getByTestId("param-discountRate").hasAttribute("readonly")).toBe(false);
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
