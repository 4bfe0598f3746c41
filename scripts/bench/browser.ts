/**
 * The task pane in headless Chromium (run `npm run build` first): what the pane downloads before it can
 * show anything, how long it takes to show the first step and the ranking, and the 10 000-draw Monte Carlo
 * ranking in Node and in the pane's worker. Printed with their targets, never asserted.
 *
 * Times are measured inside the page (performance.now(), whose zero is the navigation start), up to the
 * frame after the element appeared, so the browser's own rendering is in and the DevTools round trips are
 * out. Each figure is the median of a few runs on a fresh page load.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { rankingProbability } from "../../src/engine/sensitivity";
import { STORAGE_KEY } from "../../src/host/StandaloneHost";
import { type Bid } from "../../src/model";
import { comparisonPricing, defaultRanges } from "../../src/model/uncertainty";
import { randomComputerBids } from "../../test/fixtures/randomBids";
import { launchChromium, newContext } from "../../test/e2e/support/chromium";
import { PARAMETERS, savedComparison } from "../../test/e2e/support/comparison";
import { distDir, serveStatic } from "../../test/e2e/support/server";
import { type Figure, measure } from "./measure";
import { formImportAtScale } from "./formScale";
import { paneAtScale } from "./paneScale";
import { INITIAL_JS_BUDGET_KB, gzipSize as gzip, initialJs } from "./bundle";

const KB = 1024;
const RUNS = 5;
const MC_DRAWS = 10_000;
const MC_SEED = 20240401;
const TIMEOUT_MS = 20_000;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function bundleSizes(dir: string = distDir()): Figure[] {
  const file = (name: string) => readFileSync(join(dir, name));
  const { files: initial, raw: initialRaw, gzip: initialGzip } = initialJs(dir);
  const lazy = readdirSync(dir).filter((f) => f.endsWith(".js") && f !== "functions.js" && !initial.includes(f));
  const functions = file("functions.js");
  return [
    {
      name: `task pane initial JS, gzip (${initial.join(" + ")}; target ≤ ${INITIAL_JS_BUDGET_KB} KB; test/build.test.ts)`,
      value: initialGzip / KB,
      unit: "KB",
    },
    { name: "task pane initial JS, raw", value: initialRaw / KB, unit: "KB" },
    {
      name: `task pane lazy chunks, gzip (${lazy.length} files, loaded on demand)`,
      value: lazy.reduce((s, f) => s + gzip(file(f)), 0) / KB,
      unit: "KB",
    },
    { name: "functions.js, raw", value: functions.length / KB, unit: "KB" },
    { name: "functions.js, gzip", value: gzip(functions) / KB, unit: "KB" },
  ];
}

/**
 * In-page: resolves with performance.now() one frame after `[data-testid=<id>]` is in the document,
 * measured from the first click after installation (or from navigation start when `fromClick` is false).
 * Evaluated from strings, so no transpiler helper ends up in the page.
 */
const waitScript = (testId: string, fromClick: boolean) => `
  window.__benchWait = new Promise((resolve) => {
    let start = ${fromClick ? "null" : "0"};
    const selector = '[data-testid="${testId}"]';
    if (${fromClick}) document.addEventListener("click", () => { start = performance.now(); }, { capture: true, once: true });
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
    const check = () => {
      if (start === null || !document.querySelector(selector)) return false;
      observer.disconnect();
      done();
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
    check();
  });
  undefined; // the completion value: page.evaluate would otherwise wait for the promise itself`;

async function timed(page: Page, testId: string, act: () => Promise<unknown>, fromClick = true): Promise<number | null> {
  await page.evaluate(waitScript(testId, fromClick));
  await act();
  const result = await Promise.race([
    page.evaluate("window.__benchWait") as Promise<number>,
    new Promise<null>((r) => setTimeout(() => r(null), TIMEOUT_MS)),
  ]);
  return result;
}

/** Puts a comparison with these offers where the standalone pane keeps it. */
const saveOffers = (page: Page, bids: readonly Bid[]) =>
  page.evaluate(`localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(savedComparison(bids)))})`);

/** A fresh standalone pane whose storage holds these offers (they load on the next reload). */
async function openWithOffers(browser: Browser, url: string, bids: readonly Bid[]) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${url}index.html`);
  await page.getByTestId("panel-start").waitFor();
  await saveOffers(page, bids);
  return { context, page };
}

/** Navigation start → the Start step on screen, with `bids` offers in localStorage (none: a fresh pane). */
async function firstRender(browser: Browser, url: string, bids: readonly Bid[]): Promise<number[]> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.addInitScript(waitScript("panel-start", false));
  await page.goto(`${url}index.html`);
  await page.evaluate("window.__benchWait");
  if (bids.length) await saveOffers(page, bids);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    times.push((await page.evaluate("window.__benchWait")) as number);
  }
  await context.close();
  return times;
}

/**
 * Click on the Results step → the first ranking row on screen. `idle`: the click comes once the pane has
 * fetched the later steps it prefetches after the first render (a procurer does not click within 300 ms);
 * otherwise as soon as Start shows, so the Results chunk is still on its way (the worst case).
 */
async function timeToResults(browser: Browser, url: string, bids: readonly Bid[], idle: boolean, secondVisit = false): Promise<number[]> {
  const { context, page } = await openWithOffers(browser, url, bids);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    await page.getByTestId("panel-start").waitFor();
    if (idle) await page.waitForLoadState("networkidle");
    if (secondVisit) {
      // Results has rendered once (its code is in); measure coming back to it from Offers.
      await page.getByTestId("step-results").click();
      await page.getByTestId("ranking-row-1").waitFor();
      await page.getByTestId("step-bids").click();
      await page.getByTestId("bid-add").waitFor();
    }
    const t = await timed(page, "ranking-row-1", () => page.getByTestId("step-results").click());
    if (t === null) throw new Error(`no ranking within ${TIMEOUT_MS} ms for ${bids.length} offers`);
    times.push(t);
  }
  await context.close();
  return times;
}

/** Click on "Run 10 000 draws" → the ranking probabilities on screen (worker start and chunk load included). */
async function monteCarloInPane(browser: Browser, url: string, bids: readonly Bid[]): Promise<number[] | null> {
  const { context, page } = await openWithOffers(browser, url, bids);
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      await page.reload();
      await page.waitForLoadState("networkidle");
      await page.getByTestId("step-results").click();
      await page.getByTestId("mc-run").waitFor();
      const t = await timed(page, "mc-result", () => page.getByTestId("mc-run").click());
      if (t === null) return null;
      times.push(t);
    }
    return times;
  } finally {
    await context.close();
  }
}

/** The engine's rankingProbability over the comparison's pricing model, in Node. */
export function monteCarloInNode(bids: readonly Bid[]): Figure {
  const pricing = comparisonPricing(PARAMETERS, bids, "computers", "lcc", defaultRanges(PARAMETERS));
  return measure(`Monte Carlo ${MC_DRAWS} draws × ${bids.length} offers, Node (rankingProbability; target ≤ 250 ms)`, () => {
    rankingProbability(pricing, MC_DRAWS, MC_SEED);
  });
}

const ms = (name: string, times: readonly number[]): Figure => ({
  name: `${name} (median of ${times.length})`,
  value: median([...times]),
  unit: "ms",
});

export async function benchBrowser(): Promise<{ figures: Figure[]; notes: string[] }> {
  const dir = distDir();
  const figures = bundleSizes(dir);
  const notes: string[] = [];
  const bids20 = randomComputerBids(20, 7, false);
  const bids1000 = randomComputerBids(1000, 11, false);
  figures.push(monteCarloInNode(bids20));

  const server = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    figures.push(
      ms("time to first render, navigation start → Start step, fresh pane (target ≤ 1 s)", await firstRender(browser, server.url, [])),
    );
    figures.push(
      ms("time to first render, navigation start → Start step, 1 000 offers saved", await firstRender(browser, server.url, bids1000)),
    );
    figures.push(ms("time to results, click → ranking, 20 offers", await timeToResults(browser, server.url, bids20, true)));
    figures.push(
      ms("time to results, click → ranking, 1 000 offers (target ≤ 1 s)", await timeToResults(browser, server.url, bids1000, true)),
    );
    figures.push(
      ms(
        "time to results, 1 000 offers, clicked the moment Start shows (Results chunk still loading)",
        await timeToResults(browser, server.url, bids1000, false),
      ),
    );
    figures.push(
      ms("time to results, 1 000 offers, second visit (Offers → Results)", await timeToResults(browser, server.url, bids1000, true, true)),
    );
    for (const bids of [bids20, bids1000]) {
      const mc = await monteCarloInPane(browser, server.url, bids);
      const target = bids.length > 20 ? "2 s" : "250 ms";
      if (mc)
        figures.push(
          ms(`Monte Carlo ${MC_DRAWS} draws × ${bids.length} offers in the pane, click → probabilities (worker; target ≤ ${target})`, mc),
        );
      else
        notes.push(
          `Monte Carlo in the pane, ${bids.length} offers: no result within ${TIMEOUT_MS / 1000} s of clicking "mc-run"; no figure.`,
        );
    }
    const scale = await paneAtScale(browser, server.url);
    figures.push(...scale.figures);
    notes.push(...scale.notes);
    const forms = await formImportAtScale(browser, server.url);
    figures.push(...forms.figures);
    notes.push(...forms.notes);
  } finally {
    await browser.close();
    await server.close();
  }
  return { figures, notes };
}
