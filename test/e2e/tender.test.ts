/**
 * End to end, standalone (dist/index.html in headless Chromium): the Write step's Tender documents. The
 * procurer downloads the tender annex (.docx, unzipped and read) and the bid form (.xlsx, written in the
 * tender worker), two bidders fill it (exceljs), the procurer drops both back and a third one with text
 * in a price: two offers land in the Offers list, the third form is refused with sheet, cell and reason.
 * Screenshots of the section at 320 and 800 px in Dutch and French (test-artifacts/screenshots/tender-*).
 */
import JSZip from "jszip";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { LANGUAGE_KEY, STORAGE_KEY } from "../../src/host/StandaloneHost";
import { type BidFormStamp, stampOf } from "../../src/model/bidForm";
import { readReturnedForm } from "../../src/templates/bidForm/readBidForm";
import { bidA, bidB } from "../fixtures/referenceBids";
import { cellOf, fillForm } from "../bidform/forms";
import { ARTIFACTS, screenshot } from "./support/artifacts";
import { WIDTHS } from "./support/chromium";
import { savedComparison } from "./support/comparison";
import { browserSession, expectCleanRequests, newPage } from "./support/session";
import { byId, goToStep, textOf, waitForWizard } from "./support/wizard";

const session = browserSession({ viewport: { width: 800, height: 1000 } });
let page: Page;
const DIR = join(ARTIFACTS, "downloads", "tender");

/** The reference settings as a named tender, no offers yet. */
const TENDER = (() => {
  const saved = savedComparison([]);
  return { ...saved, parameters: { ...saved.parameters, parameterSetName: "Laptops 2027", parameterSetVersion: "2" } };
})();

async function openIn(lang: "en" | "nl" | "fr", saved: object = TENDER): Promise<void> {
  await page.evaluate(
    `localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(saved))}); localStorage.setItem(${JSON.stringify(LANGUAGE_KEY)}, ${JSON.stringify(lang)})`,
  );
  await page.reload();
  await waitForWizard(page);
  await goToStep(page, "write");
  await byId(page, "tender-documents").waitFor();
}

/** Clicks a download button and keeps the file in test-artifacts/downloads/tender/. */
async function download(testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent("download"), byId(page, testId).click()]);
  expect(await file.failure()).toBeNull();
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

let form: { name: string; bytes: Uint8Array; stamp: BidFormStamp };
/** Web Workers the page started (the tender worker writes the form and reads returned ones). */
const workers: string[] = [];

beforeAll(async () => {
  page = await newPage(session);
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(`${session.server.url}index.html`);
  await waitForWizard(page);
});

test("the tender annex downloads as a .docx in Dutch with the tender's name and settings", async () => {
  await openIn("nl");
  const annex = await download("tender-annex");
  expect(annex.name).toBe("bestek-bijlage-laptops-2027.docx");
  await textOf(byId(page, "tender-status"), "bestek-bijlage-laptops-2027.docx gedownload.");
  const zip = await JSZip.loadAsync(annex.bytes);
  const words = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
  expect(words).toContain("Bijlage bij het bestek");
  expect(words).toContain("Laptops 2027");
});

test("the bid form downloads (written in the tender worker) with this tender's stamp", async () => {
  await openIn("en");
  const before = workers.length;
  const file = await download("tender-bidform");
  expect(workers.length).toBe(before + 1);
  expect(file.name).toBe("bid-form-laptops-2027.xlsx");
  const { stamp } = stampOf(await readReturnedForm(file));
  if (!stamp) throw new Error("the downloaded form carries no stamp");
  expect([stamp.tenderName, stamp.parameterSetVersion, stamp.group, stamp.language]).toEqual(["Laptops 2027", "2", "computers", "en"]);
  form = { ...file, stamp };
});

test("returned forms dropped back: two imported into the Offers list, one refused with sheet, cell and reason", async () => {
  expect(form).toBeDefined();
  const a = await fillForm(form.bytes, form.stamp, { supplier: bidA.supplier, bids: [bidA] });
  const b = await fillForm(form.bytes, form.stamp, { supplier: bidB.supplier, bids: [bidB] });
  const price = cellOf(form.stamp, "price");
  const bad = await fillForm(form.bytes, form.stamp, { supplier: "Supplier X", bids: [bidA], cells: { [price]: "a thousand" } });
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  await byId(page, "tender-forms-input").setInputFiles([
    { name: "supplier-a.xlsx", mimeType: type, buffer: Buffer.from(a) },
    { name: "supplier-b.xlsx", mimeType: type, buffer: Buffer.from(b) },
    { name: "supplier-x.xlsx", mimeType: type, buffer: Buffer.from(bad) },
  ]);
  await textOf(byId(page, "tender-report"), "2 of 3 forms imported", 60_000);
  // Read off the UI thread: one more worker for the three files.
  expect(workers.length).toBeGreaterThanOrEqual(2);
  await textOf(byId(page, "tender-form-0"), `supplier-a.xlsx: 1 offer of ${bidA.supplier} imported.`);
  await textOf(byId(page, "tender-form-2"), `supplier-x.xlsx, sheet “Offer”, cell ${price}: Price per unit (EUR) must be a number.`);
  await textOf(byId(page, "tender-added"), "2 offers added to the Offers list.");
  await byId(page, "tender-goto-bids").click();
  await textOf(byId(page, "bids-summary"), "2 offers, 0 needing attention.");
  await textOf(byId(page, "bid-card-1"), `${bidB.product} (${bidB.supplier})`);
});

test("screenshots of the section at 320 and 800 px in Dutch and French, with a report; nothing scrolls sideways", async () => {
  const overflow: string[] = [];
  for (const lang of ["nl", "fr"] as const) {
    await openIn(lang);
    // The form in the pane's language, with text in a price: refused, the reason in that language too.
    const own = await download("tender-bidform");
    const { stamp } = stampOf(await readReturnedForm(own));
    if (!stamp) throw new Error(`no stamp on the ${lang} form`);
    expect(stamp.language).toBe(lang);
    const refused = await fillForm(own.bytes, stamp, {
      supplier: bidA.supplier,
      bids: [bidA],
      cells: { [cellOf(stamp, "price")]: "duizend" },
    });
    await byId(page, "tender-forms-input").setInputFiles({
      name: `${lang}-form.xlsx`,
      mimeType: "application/octet-stream",
      buffer: Buffer.from(refused),
    });
    await byId(page, "tender-report").waitFor({ timeout: 60_000 });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 1000 });
      await screenshot(page, `tender-${lang}-${width}`);
      const pageWidth = (await page.evaluate("document.documentElement.scrollWidth")) as number;
      if (pageWidth > width) overflow.push(`${lang} ${width}: page is ${pageWidth} px wide`);
    }
    await page.setViewportSize({ width: 800, height: 1000 });
  }
  expect(overflow).toEqual([]);
  await textOf(byId(page, "tender-form-0"), "fr-form.xlsx, feuille « Offre », cellule");
});

test("no request left 127.0.0.1, and the page logged no errors", () => {
  expectCleanRequests(session.guard, "tender");
});
