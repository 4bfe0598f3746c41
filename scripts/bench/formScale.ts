/**
 * Issue 10 §2 at scale in the pane: a returned bid form of 10 000 offer rows (MAX_FORM_ROWS) with the
 * CRITERIA.md §4 criteria answers, imported through the Write step's "Import returned bid forms" in
 * headless Chromium (the tender worker reads it). Printed: the time from choosing the file to the import
 * report on screen, and the longest main-thread block meanwhile (PerformanceObserver "longtask"; the pane's
 * target is ≤ 200 ms); then the same for that form with a wrong answer in every row (refused, the report
 * naming the first problems and counting the rest), imported over the 10 000 offers now in the list. The
 * form is made in Node for exactly the Parameters the pane sends its worker (caught from the pane's own
 * "Download bid form"), so its stamp matches; it is chosen from disk, as a person does (chooseFile).
 */
import type { Browser } from "playwright-core";
import { STORAGE_KEY } from "../../src/host/StandaloneHost";
import type { Parameters } from "../../src/model";
import { MAX_FORM_ROWS } from "../../src/model/bidForm";
import { criteriaEntry } from "../../src/model/entries";
import { writeBidForm } from "../../src/templates/bidForm/writeBidForm";
import { cellOf, fillForm, offersForForm } from "../../test/bidform/forms";
import { savedComparison } from "../../test/e2e/support/comparison";
import { byId, goToStep } from "../../test/e2e/support/wizard";
import { SECTION_4 } from "../../test/fixtures/criteriaCases";
import type { Figure } from "./measure";
import { LONG_TASKS, chooseFile, longest, onFreshPage } from "./paneScale";

const TIMEOUT_MS = 300_000;

/** Long tasks from page start (paneScale's watch), and every request the page posts to a worker (the tender job among them). */
const WATCH = `${LONG_TASKS}
  window.__jobs = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (data, ...rest) { window.__jobs.push(data); return post.call(this, data, ...rest); };`;

export async function formImportAtScale(browser: Browser, url: string): Promise<{ figures: Figure[]; notes: string[] }> {
  return onFreshPage(browser, TIMEOUT_MS, `bid form of ${MAX_FORM_ROWS} rows in the pane`, async (page, figures) => {
    await page.addInitScript(WATCH);
    await page.goto(`${url}index.html`);
    await byId(page, "panel-start").waitFor();
    const saved = savedComparison([]);
    const tender = {
      ...saved,
      parameters: { ...saved.parameters, criteria: criteriaEntry(SECTION_4), parameterSetName: "Bench 2027", parameterSetVersion: "1" },
    };
    await page.evaluate(`localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(tender))})`);
    await page.reload();
    await byId(page, "panel-start").waitFor();
    await goToStep(page, "write");

    // The pane's own form download tells which Parameters and language its worker gets.
    const download = page.waitForEvent("download");
    await byId(page, "tender-bidform").click();
    await download;
    const job = (await page.evaluate(`window.__jobs.find((j) => j && j.job === "bidForm")`)) as {
      parameters: Parameters;
      lang: "en" | "nl" | "fr";
    };
    const form = await writeBidForm("computers", job.parameters, job.lang, { rows: MAX_FORM_ROWS });
    const offers = offersForForm(form.stamp, MAX_FORM_ROWS, 31, "Bench Supplier");
    const bytes = await fillForm(form.bytes, form.stamp, { supplier: "Bench Supplier", bids: offers });

    await page.waitForTimeout(500);
    await longest(page);
    let start = performance.now();
    let file = await chooseFile(byId(page, "tender-forms-input"), "bench-form.xlsx", bytes);
    const report = byId(page, "tender-report");
    await report.waitFor();
    let seconds = (performance.now() - start) / 1000;
    file.remove();
    await page.waitForTimeout(500);
    let block = await longest(page);
    const first = ((await byId(page, "tender-form-0").textContent()) ?? "").replace(/\s+/g, " ").trim();
    figures.push({
      name: `Import one returned bid form of ${MAX_FORM_ROWS} rows × ${form.stamp.criteria.length} criteria answers in the pane, file chosen → report (${first.slice(0, 60)})`,
      value: seconds,
      unit: "s",
    });
    figures.push({
      name: `Import one returned bid form of ${MAX_FORM_ROWS} rows in the pane, longest main-thread block (target ≤ 200 ms; 0: no task over the browser's 50 ms long-task threshold)`,
      value: block,
      unit: "ms",
    });

    // Text in every row's battery cycles: refused, with MAX_PROBLEMS problems listed and the rest counted.
    const cells = Object.fromEntries(offers.map((_, i) => [cellOf(form.stamp, "batteryCycles", i), "many"]));
    const refused = await fillForm(bytes, form.stamp, { cells });
    await byId(page, "tender-report-close").click();
    await page.waitForTimeout(500);
    await longest(page);
    start = performance.now();
    file = await chooseFile(byId(page, "tender-forms-input"), "bench-refused.xlsx", refused);
    await page.locator('[data-testid="tender-form-0"][data-ok="false"]').waitFor();
    seconds = (performance.now() - start) / 1000;
    file.remove();
    await page.waitForTimeout(500);
    block = await longest(page);
    const lines = await page.locator('[data-testid="tender-form-0"] li').count();
    figures.push({
      name: `Refuse that form with a wrong answer in each of its ${MAX_FORM_ROWS} rows (${lines} lines in the report), ${MAX_FORM_ROWS} offers in the list, file chosen → report`,
      value: seconds,
      unit: "s",
    });
    figures.push({
      name: `Refuse that form in the pane, longest main-thread block (target ≤ 200 ms; 0: no task over the browser's 50 ms long-task threshold)`,
      value: block,
      unit: "ms",
    });
  });
}
