/**
 * The standalone wizard, step by step, with the reference comparison already in localStorage (as
 * StandaloneHost keeps it): a screenshot of every step at 320 and 800 px in the light and dark colour
 * schemes (test-artifacts/screenshots/<step>-<width>-<theme>.png), axe-core on every step (light at 320 px,
 * dark at 800 px) with no serious or critical violation allowed, and the keyboard path through the steps.
 */
import type { Page } from "playwright-core";
import { LANGUAGE_KEY, STORAGE_KEY } from "../../src/host/StandaloneHost";
import { presetCriteria } from "../../src/model/criteria/settings";
import { checkAccessibility, screenshot } from "./support/artifacts";
import { WIDTHS } from "./support/chromium";
import { BIDS, expectedLcc, money, savedComparison } from "./support/comparison";
import { browserSession, expectCleanRequests, newPage } from "./support/session";
import { STEPS, type Step, byId, eventually, goToStep, ranking, reopenInLanguage, textOf, waitForWizard } from "./support/wizard";

const session = browserSession({ viewport: { width: 800, height: 900 } });
let page: Page;

const THEMES = ["light", "dark"] as const;

beforeAll(async () => {
  page = await newPage(session);
  // Seed the comparison once, the way StandaloneHost stores it, then load the page on it.
  await page.goto(`${session.server.url}index.html`);
  await waitForWizard(page);
  await page.evaluate(`localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(savedComparison()))})`);
  await page.reload();
  await waitForWizard(page);
  await textOf(byId(page, "start-restored"), "3 offer");
});

/** Every step of the wizard as it shows with three offers in, so Results has a ranking to show. */
async function showStep(step: Step): Promise<void> {
  await goToStep(page, step);
  if (step === "results") {
    await ranking(page);
    // The charts come as their own chunk: wait for them so the picture shows what a user sees.
    await page.locator('[data-testid="chart-lcc"]').waitFor();
  }
}

test("screenshots: every step at 320 and 800 px, light and dark", async () => {
  const taken: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    // StandaloneHost follows prefers-color-scheme live.
    await page.locator(`[data-theme="${theme}"]`).first().waitFor();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const step of STEPS) {
        await showStep(step);
        taken.push(await screenshot(page, `${step}-${width}-${theme}`));
      }
    }
  }
  expect(taken).toHaveLength(STEPS.length * WIDTHS.length * THEMES.length);
});

test("at 320 px nothing scrolls sideways (the pane's narrowest width)", async () => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 320, height: 900 });
  const overflow: string[] = [];
  for (const step of STEPS) {
    await showStep(step);
    // The ranking table scrolls inside its own region by design; the page itself must not.
    const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
    if (width > 320) overflow.push(`${step}: page is ${width} px wide`);
  }
  expect(overflow).toEqual([]);
});

test("axe: no serious or critical violations on any step (light at 320 px, dark at 800 px)", async () => {
  const failures: string[] = [];
  const notes: string[] = [];
  for (const [theme, width] of [
    ["light", 320],
    ["dark", 800],
  ] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width, height: 900 });
    for (const step of STEPS) {
      await showStep(step);
      const { blocking, other } = await checkAccessibility(page);
      failures.push(...blocking.map((b) => `[${step} ${theme} ${width}] ${b}`));
      notes.push(...other.map((o) => `[${step} ${theme} ${width}] ${o.split("\n")[0]}`));
    }
  }
  if (notes.length) console.log(`axe, minor and moderate (not failing):\n${[...new Set(notes)].join("\n")}`);
  if (failures.length) throw new Error(`axe found serious/critical violations:\n\n${failures.join("\n\n")}`);
});

test("keyboard: Next moves to the following step, focus lands on its heading, Tab goes on to its first field", async () => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 800, height: 900 });
  await goToStep(page, "start");
  await byId(page, "nav-next").focus();
  await page.keyboard.press("Enter");
  await byId(page, "panel-parameters").waitFor();
  // The step moves focus once its (lazily loaded) panel has rendered: on a busy machine a moment after it appears.
  await eventually(async () => expect(await page.evaluate("document.activeElement && document.activeElement.tagName")).toBe("H2"));
  // From the heading, Tab reaches the step's first field.
  await byId(page, "param-discountRate").waitFor();
  await page.keyboard.press("Tab");
  expect(await page.evaluate("document.activeElement && document.activeElement.getAttribute('data-testid')")).toBe("param-discountRate");
  // The stepper is a row of buttons: Enter on one opens its step.
  await byId(page, "step-bids").focus();
  await page.keyboard.press("Enter");
  await byId(page, "panel-bids").waitFor();
});

test("language: the standalone selector switches to Dutch, figures follow, and the choice survives a reload", async () => {
  const expected = expectedLcc();
  await byId(page, "language-select").selectOption("nl");
  await goToStep(page, "results");
  expect(await page.evaluate("document.documentElement.lang")).toBe("nl");
  expect((await ranking(page))[0].value).toBe(money(expected.B, "nl-NL"));
  expect(await page.evaluate(`localStorage.getItem(${JSON.stringify(LANGUAGE_KEY)})`)).toBe("nl");
  await page.reload();
  await waitForWizard(page);
  expect(await page.evaluate("document.documentElement.lang")).toBe("nl");
  await byId(page, "language-select").selectOption("en");
});

/** Quality points for the three offers, so Results ranks on the MEAT total (cost points + quality points). */
const QUALITY = [55, 40, 30];

test("every step in Dutch and French at 320 and 800 px, Results ranked on the MEAT total: screenshots, and the deciding columns in view at 320 px", async () => {
  const withQuality = savedComparison(BIDS.map((b, i) => ({ ...b, qualityPoints: QUALITY[i] })));
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(`localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(withQuality))})`);
  const problems: string[] = [];
  for (const lang of ["nl", "fr"] as const) {
    await reopenInLanguage(page, lang);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      // Every step in this language, to look at: nothing cut, nothing overlapping, no sideways scrolling.
      for (const step of STEPS) {
        await showStep(step);
        await screenshot(page, `${step}-${lang}-${width}`);
        const stepWidth = (await page.evaluate("document.documentElement.scrollWidth")) as number;
        if (stepWidth > width) problems.push(`${lang} ${width} ${step}: page is ${stepWidth} px wide`);
      }
      await showStep("results");
      await byId(page, "ranking-meat-1").waitFor();
      await screenshot(page, `results-meat-${lang}-${width}`);
      const pageWidth = (await page.evaluate("document.documentElement.scrollWidth")) as number;
      if (pageWidth > width) problems.push(`${lang} ${width}: page is ${pageWidth} px wide`);
      if (width !== 320) continue;
      // Cost points, quality points and total of every offer inside the pane, with no sideways scrolling.
      const region = (await page.evaluate(
        `(() => { const r = document.querySelector('[data-testid="ranking-table"]').parentElement; return [r.scrollWidth, r.clientWidth]; })()`,
      )) as [number, number];
      if (region[0] > region[1]) problems.push(`${lang} 320: the ranking scrolls sideways (${region[0]} > ${region[1]} px)`);
      for (let row = 1; row <= 3; row++) {
        const cells = page.locator(`[data-testid="ranking-row-${row}"] td`);
        for (let c = 0; c < (await cells.count()); c++) {
          const box = await cells.nth(c).boundingBox();
          if (!box || box.x < 0 || box.x + box.width > 320)
            problems.push(`${lang} 320: row ${row} cell ${c + 1} is outside the pane (${JSON.stringify(box)})`);
        }
      }
    }
  }
  // Back to the comparison and language the other tests expect.
  await page.evaluate(
    `localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(savedComparison()))}); localStorage.setItem(${JSON.stringify(LANGUAGE_KEY)}, "en")`,
  );
  await page.reload();
  await waitForWizard(page);
  expect(problems).toEqual([]);
});

test("the Criteria step in Dutch and French at 320 and 800 px, light and dark: the ambitious preset above the quality points, a field in error, the labels open; nothing wider than the pane, no serious axe violation", async () => {
  // The ambitious preset (40 award points) against 30 quality points, and the warranty's worst = best: the cap warning and a field error show.
  const criteria = presetCriteria("ambitious").map((c) => (c.id === "warranty" ? { ...c, best: c.worst } : c));
  const withCriteria = savedComparison();
  const parameters = { ...withCriteria.parameters, qualityPoints: "30", criteria: JSON.stringify(criteria) };
  await page.evaluate(
    `localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify({ ...withCriteria, parameters }))})`,
  );
  const problems: string[] = [];
  for (const lang of ["nl", "fr"] as const) {
    await reopenInLanguage(page, lang);
    await goToStep(page, "criteria");
    await byId(page, "criteria-over").waitFor();
    const labels = byId(page, "criteria-area-label").getByRole("button");
    if ((await labels.getAttribute("aria-expanded")) !== "true") await labels.click();
    await byId(page, "criterion-label-level-EPEAT Gold").waitFor();
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await page.locator(`[data-theme="${theme}"]`).first().waitFor();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await screenshot(page, `criteria-${lang}-${width}-${theme}`);
        const pageWidth = (await page.evaluate("document.documentElement.scrollWidth")) as number;
        if (pageWidth > width) problems.push(`${lang} ${theme} ${width}: page is ${pageWidth} px wide`);
        const { blocking } = await checkAccessibility(page);
        problems.push(...blocking.map((b) => `[criteria ${lang} ${theme} ${width}] ${b}`));
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(
    `localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(savedComparison()))}); localStorage.setItem(${JSON.stringify(LANGUAGE_KEY)}, "en")`,
  );
  await page.reload();
  await waitForWizard(page);
  expect(problems).toEqual([]);
});

test("no request left 127.0.0.1, and the page logged no errors", () => {
  expect(session.guard.officeJsServed).toBe(0);
  expectCleanRequests(session.guard, "screens");
});
