/**
 * Issue 13's pane target at scale: with 10 000 offers, importing them from CSV, typing in an offer and
 * building the download must never block the pane for more than 200 ms at a time. Measured in headless
 * Chromium as the longest main-thread task (PerformanceObserver "longtask") during each action, with the
 * page's JS heap after it and the peak JS heap of the pane's Web Workers during it (the CSV reader, the
 * .xlsx writer: performance.memory does not see them). Printed, never asserted.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { newContext } from "../../test/e2e/support/chromium";
import { byId, enterParameters, goToStep } from "../../test/e2e/support/wizard";
import type { Figure } from "./measure";
import { offersCsv } from "./scale";

const OFFERS = 10_000;
const TIMEOUT_MS = 180_000;

/** Collects every long task's duration from page start; `__longest()` returns and clears the longest. */
export const LONG_TASKS = `
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask", buffered: true });
  window.__longest = () => { const m = Math.max(0, ...window.__long); window.__long = []; return m; };`;

/**
 * Chooses `bytes` as the file `name` in a file input as a person does, from disk: Playwright hands the path
 * to Chromium. Given as a buffer instead, Playwright builds the File by script in the page (a megabyte
 * of base64 decoded on the main thread), a long task of the bench's own that would be counted as the pane's.
 * The file stays on disk until `remove` (the pane reads it after the change event).
 */
export async function chooseFile(input: Locator, name: string, bytes: Uint8Array): Promise<{ remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "pane-bench-"));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  await input.setInputFiles(path);
  return { remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const longest = (page: Page): Promise<number> => page.evaluate("window.__longest()") as Promise<number>;
const heapMB = async (page: Page): Promise<number> =>
  ((await page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")) as number) / 2 ** 20;
/** Long tasks are reported after they end: let the page settle before reading them. */
const settle = (page: Page) => page.waitForTimeout(500);

/**
 * The peak JS heap of the page's workers, sampled every 100 ms through the DevTools protocol while they
 * live. A worker answers between tasks only, so for one long synchronous job (the CSV reader) this is
 * what it held before and after, a lower bound; the .xlsx writer awaits often and is sampled throughout.
 */
async function watchWorkers(context: BrowserContext, page: Page): Promise<{ peakMB(): number; stop(): void }> {
  const cdp = await context.newCDPSession(page);
  const workers = new Set<string>();
  let peak = 0;
  let id = 0;
  cdp.on("Target.attachedToTarget", (e) => void (e.targetInfo.type === "worker" && workers.add(e.sessionId)));
  cdp.on("Target.detachedFromTarget", (e) => void (e.sessionId && workers.delete(e.sessionId)));
  cdp.on("Target.receivedMessageFromTarget", (e) => {
    const usedSize = (JSON.parse(e.message) as { result?: { usedSize?: number } }).result?.usedSize;
    if (typeof usedSize === "number") peak = Math.max(peak, usedSize);
  });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const poll = setInterval(() => {
    for (const sessionId of workers)
      void cdp
        .send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: ++id, method: "Runtime.getHeapUsage" }) })
        .catch(() => undefined);
  }, 100);
  return {
    peakMB: () => {
      const mb = peak / 2 ** 20;
      peak = 0;
      return mb;
    },
    stop: () => clearInterval(poll),
  };
}

/**
 * One scale run on a fresh page (its own browser context; every wait up to `timeoutMs`): `run` pushes the
 * figures, and where it stops a note says so ("<what>: stopped at …"). The context is closed either way.
 */
export async function onFreshPage(
  browser: Browser,
  timeoutMs: number,
  what: string,
  run: (page: Page, figures: Figure[]) => Promise<void>,
): Promise<{ figures: Figure[]; notes: string[] }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    await run(page, figures);
  } catch (e) {
    notes.push(`${what}: stopped at ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  } finally {
    await context.close();
  }
  return { figures, notes };
}

export async function paneAtScale(browser: Browser, url: string): Promise<{ figures: Figure[]; notes: string[] }> {
  return onFreshPage(browser, TIMEOUT_MS, `${OFFERS} offers in the pane`, async (page, figures) => {
    const workers = await watchWorkers(page.context(), page);
    const add = (action: string, ms: number, heap: number) => {
      figures.push({ name: `${OFFERS} offers in the pane: ${action}, longest main-thread block (target ≤ 200 ms)`, value: ms, unit: "ms" });
      figures.push({ name: `${OFFERS} offers in the pane: JS heap after ${action} (target < 500 MB)`, value: heap, unit: "MB" });
      figures.push({
        name: `${OFFERS} offers in the pane: peak JS heap of its workers during ${action} (sampled; target < 500 MB)`,
        value: workers.peakMB(),
        unit: "MB",
      });
    };
    try {
      await page.addInitScript(LONG_TASKS);
      await page.goto(`${url}index.html`);
      await byId(page, "group-computers").click();
      await goToStep(page, "parameters");
      await enterParameters(page);
      await goToStep(page, "bids");
      await settle(page);
      await longest(page);
      workers.peakMB();

      const csv = await chooseFile(byId(page, "csv-input"), "offers.csv", Buffer.from(offersCsv(OFFERS)));
      await byId(page, "csv-report").waitFor();
      csv.remove();
      await settle(page);
      add("CSV import", await longest(page), await heapMB(page));

      // Imported offers show collapsed: open the first one, then type.
      if (!(await byId(page, "bid-0-price").isVisible())) await byId(page, "bid-0-toggle").click();
      await settle(page);
      await longest(page);
      // Key by key, as a person types: each key is a change of the comparison.
      await byId(page, "bid-0-price").fill("");
      await byId(page, "bid-0-price").pressSequentially("1234", { delay: 60 });
      await settle(page);
      add("typing a price", await longest(page), await heapMB(page));

      await goToStep(page, "write");
      await longest(page);
      const download = page.waitForEvent("download", { timeout: TIMEOUT_MS });
      await byId(page, "write-button").click();
      await download;
      await settle(page);
      add("building the .xlsx download", await longest(page), await heapMB(page));
    } finally {
      workers.stop();
    }
  });
}
