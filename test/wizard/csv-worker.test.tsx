/** @jest-environment jsdom */
/**
 * The CSV import runs in a Web Worker when there is one: the wizard shows what the worker read, exactly
 * as the same-thread import does (bids.test.tsx runs that one, jsdom having no Worker), and does not check
 * the worker's offers a second time. A worker that cannot start still imports, on this thread.
 */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TextDecoder } from "node:util";
import { deserialize, serialize } from "node:v8";
import * as entries from "../../src/model/entries";
import { answerRequests } from "../../src/host/offThread";
import { importCsv } from "../../src/taskpane/wizard/csvImportJob";
import { CloneWorker, DeadWorker } from "../fixtures/workers";
import { openStep, renderApp, text, value } from "./support";

let start: () => unknown = () => new CloneWorker(() => answerRequests(importCsv));
jest.mock("../../src/taskpane/wizard/startCsvWorker", () => ({ startCsvWorker: () => start() }));

// jsdom lacks TextDecoder and structuredClone, which every browser (and its workers) and Node have; V8's
// serializer is the structured clone algorithm (no transfers, which the CSV import does not use).
Object.assign(globalThis, { TextDecoder, structuredClone: (v: unknown) => deserialize(serialize(v)) });

beforeAll(() => {
  (globalThis as { Worker?: unknown }).Worker = CloneWorker; // offThread checks only that there is one
});
afterAll(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
});
beforeEach(() => (CloneWorker.started = []));

const CSV = [
  "Supplier;Product;Device type;Quantity;Price;TEC kWh per year;Remarks",
  "A;N1;notebook;100;750,50;30;ok",
  "B;N2;notebook;-5;800;18;",
  "C;N3;notebook;10;abc;20;",
].join("\n");

async function importFile() {
  const user = userEvent.setup();
  renderApp();
  await openStep(user, "bids");
  await user.upload(screen.getByTestId("csv-input"), new File([CSV], "offers.csv", { type: "text/csv" }));
  const report = await screen.findByTestId("csv-report", {}, { timeout: 20_000 });
  return { user, report };
}

async function expectImported(user: Awaited<ReturnType<typeof importFile>>["user"], report: HTMLElement) {
  expect(text(report)).toContain("3 offers imported from offers.csv.");
  expect(text(screen.getByTestId("csv-bad-row-3"))).toBe("Row 3: Quantity must be greater than 0.");
  expect(text(screen.getByTestId("csv-bad-row-4"))).toBe("Row 4: Purchase price per unit must be a number.");
  expect(text(report)).toContain("Columns not recognised and ignored: Remarks.");
  // The offers' list renders in the same update as the report, or one later on a busy machine: wait for it.
  await waitFor(() => expect(text(screen.getByTestId("bids-summary"))).toBe("3 offers, 2 needing attention."), { timeout: 20_000 });
  expect(screen.getByTestId("bid-1-flag")).toBeTruthy();
  expect(screen.queryByTestId("bid-0-flag")).toBeNull();
  await user.click(screen.getByTestId("bid-0-toggle"));
  expect(value(screen.getByTestId("bid-0-price"))).toBe("750.5");
}

describe("CSV import in a worker", () => {
  afterEach(() => jest.restoreAllMocks());

  it("shows what the worker read, and checks none of its offers again on the UI thread", async () => {
    start = () => new CloneWorker(() => answerRequests(importCsv));
    const check = jest.spyOn(entries, "bidFromEntries");
    const { user, report } = await importFile();
    expect(CloneWorker.started).toHaveLength(1);
    expect(CloneWorker.started[0].terminated).toBe(true);
    // One check per offer, all in the worker (the stand-in runs in this process, so its calls count here too).
    expect(check).toHaveBeenCalledTimes(3);
    await expectImported(user, report);
    // Editing an imported offer checks that one offer again, and only it.
    check.mockClear();
    await user.type(screen.getByTestId("bid-0-price"), "0");
    expect(check).toHaveBeenCalledTimes(1);
  });

  it("imports on this thread when the worker cannot start", async () => {
    start = () => new DeadWorker();
    const { user, report } = await importFile();
    expect(CloneWorker.started).toHaveLength(0);
    await expectImported(user, report);
  });

  it("imports on this thread when creating the worker throws (a policy)", async () => {
    start = () => {
      throw new DOMException("blocked", "SecurityError");
    };
    const { user, report } = await importFile();
    await expectImported(user, report);
  });
});
