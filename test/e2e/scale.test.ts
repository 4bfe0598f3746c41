/**
 * End to end at scale, standalone (dist/index.html in headless Chromium): a CSV of 2 000 offers is read
 * in a Web Worker and shown a page of cards at a time; reloading at once (before the save's pause is over)
 * keeps them all (the waiting save is stored on pagehide); the .xlsx download is written in another worker
 * and holds every offer. `npm run bench` measures the same path with 10 000 offers (longest main-thread block).
 */
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { browserSession, expectCleanRequests, newPage } from "./support/session";
import { byId, enterParameters, goToStep, textOf, waitForWizard } from "./support/wizard";

const OFFERS = 2_000;
const HEADER =
  "Supplier;Product;Device type;Condition;Quantity;Price;Installation;TEC kWh per year;Annual maintenance;Residual value;Embodied kg CO2e;Service life years;Quality points";
const csv = (): string =>
  [
    HEADER,
    ...Array.from(
      { length: OFFERS },
      (_, i) => `Supplier ${i};Model ${i % 97};notebook;new;${1 + (i % 50)};${600 + (i % 900)};20;${15 + (i % 40)};10;50;200;4;0`,
    ),
  ].join("\n");

const session = browserSession({ viewport: { width: 800, height: 1000 } });
let page: Page;
const workers: string[] = [];

beforeAll(async () => {
  page = await newPage(session);
  page.setDefaultTimeout(60_000);
  page.on("worker", (w) => workers.push(w.url()));
});

test(`a CSV of ${OFFERS} offers is read in a worker; the step shows a page of cards, not all of them`, async () => {
  await page.goto(`${session.server.url}index.html`);
  await waitForWizard(page);
  await byId(page, "group-computers").click();
  await goToStep(page, "parameters");
  await enterParameters(page);
  await goToStep(page, "bids");
  await byId(page, "csv-input").setInputFiles({ name: "offers.csv", mimeType: "text/csv", buffer: Buffer.from(csv()) });
  await textOf(byId(page, "csv-report"), `${OFFERS} offers imported from offers.csv.`, 60_000);
  await textOf(byId(page, "bids-summary"), `${OFFERS} offers, 0 needing attention.`);
  expect(workers).toHaveLength(1);
  expect(await page.locator('[data-testid^="bid-card-"]').count()).toBeLessThanOrEqual(50);
  expect(await byId(page, "bids-more").isVisible()).toBe(true);
});

test("an edit followed at once by a reload (within the save's pause) is kept, with every offer", async () => {
  await byId(page, "bid-0-toggle").click();
  await byId(page, "bid-0-supplier").fill("Renamed supplier");
  await page.reload(); // pagehide stores the waiting save
  await waitForWizard(page);
  await textOf(byId(page, "start-restored"), `(${OFFERS} offers)`);
  await goToStep(page, "bids");
  await textOf(byId(page, "bids-summary"), `${OFFERS} offers, 0 needing attention.`);
  await textOf(byId(page, "bid-card-0"), "Model 0 (Renamed supplier)");
});

test(`the .xlsx download is written in a worker and holds all ${OFFERS} offers`, async () => {
  await goToStep(page, "write");
  const before = workers.length;
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), byId(page, "write-button").click()]);
  expect(await download.failure()).toBeNull();
  expect(download.suggestedFilename()).toMatch(/^lcc-computers-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(workers.length).toBe(before + 1);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const strings = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  const inlineSheets = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
      .map((f) => zip.file(f)!.async("string")),
  );
  const text = strings + inlineSheets.join("");
  for (const name of ["Renamed supplier", "Supplier 1", `Supplier ${OFFERS / 2}`, `Supplier ${OFFERS - 1}`])
    expect(text).toContain(`>${name}<`);
  expect(text).not.toContain(`>Supplier ${OFFERS}<`);
  await textOf(byId(page, "write-status"), download.suggestedFilename());
});

test("no request left 127.0.0.1 and the page logged no error", () => {
  expectCleanRequests(session.guard, "scale");
});
