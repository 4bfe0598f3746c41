/**
 * End to end, standalone in Dutch: CRITERIA.md §4 in the wizard. The comparison is seeded in localStorage
 * (the §4 criteria in the Parameters entry `criteria`, offers P–T) with P's battery cycles and label left
 * blank; they are typed through P's card (Circular criteria group). Results: the minimum requirements
 * first, S out with its reason in Dutch; then P, Q, R, T ranked on the MEAT total with their LCCs, quality
 * totals and MEAT scores as the engine computes them; the quality points per criterion as a chart. Screenshots of the card's criteria group
 * and the Results' compliance block at 320 and 800 px in nl and fr (test-artifacts/screenshots/criteria-*.png),
 * each checked for sideways scrolling and by axe-core (no serious or critical violation).
 */
import type { Page } from "playwright-core";
import { LANGUAGE_KEY, STORAGE_KEY } from "../../src/host/StandaloneHost";
import { DEFAULT_PARAMETERS, type Parameters, bidEntries, evaluateComparison, parameterText } from "../../src/model";
import { SECTION_4, SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { referenceParameters } from "../fixtures/referenceBids";
import { join } from "node:path";
import { SCREENSHOTS, checkAccessibility, screenshot } from "./support/artifacts";
import { WIDTHS } from "./support/chromium";
import { money } from "./support/comparison";
import { browserSession, expectCleanRequests, newPage } from "./support/session";
import { byId, eventually, goToStep, reopenInLanguage, textOf, waitForWizard } from "./support/wizard";

const session = browserSession({ viewport: { width: 800, height: 900 } });
let page: Page;

const PARAMETERS: Parameters = { ...referenceParameters, criteria: SECTION_4 };
const NAMES = SECTION_4_BIDS.map((b) => `${b.product} (${b.supplier})`);

/** §4 as the pane keeps it in nl, P's battery cycles and label not yet answered. */
function seeded(): object {
  const bids: Record<string, string>[] = SECTION_4_BIDS.map((b) => ({ ...bidEntries(b, "computers", "nl") }));
  delete bids[0].batteryCycles;
  delete bids[0].label;
  const keys = Object.keys(DEFAULT_PARAMETERS) as (keyof Parameters)[];
  return {
    group: "computers",
    parameters: Object.fromEntries(keys.map((k) => [k, parameterText(k, PARAMETERS[k], "nl")])),
    bids,
    circular: {},
  };
}

const nl = (n: number) => new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
const clean = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();

beforeAll(async () => {
  page = await newPage(session);
  await page.goto(`${session.server.url}index.html`);
  await waitForWizard(page);
  await page.evaluate(
    `localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(seeded()))}); localStorage.setItem(${JSON.stringify(LANGUAGE_KEY)}, "nl")`,
  );
  await page.reload();
  await waitForWizard(page);
});

async function openCriteriaGroup(n: number): Promise<void> {
  const toggle = byId(page, `bid-${n}-toggle`);
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const group = byId(page, `bid-${n}-group-criteria`);
  if ((await group.getAttribute("aria-expanded")) !== "true") await group.click();
  await byId(page, `bid-${n}-criteria`).waitFor({ state: "visible" });
}

const sideways = async (width: number): Promise<number> => {
  const w = (await page.evaluate("document.documentElement.scrollWidth")) as number;
  return w > width ? w : 0;
};

test("P's answers typed in its card; Results in nl: S out with its reason, then P, Q, R, T ranked on MEAT with their LCCs", async () => {
  await goToStep(page, "bids");
  await openCriteriaGroup(0);
  // Only what applies to a new notebook and is not a Bids field: no warranty here, no refurbishment quality.
  expect(await byId(page, "bid-0-criterion-warranty").count()).toBe(0);
  expect(await byId(page, "bid-0-criterion-refurbishmentQuality").count()).toBe(0);
  await byId(page, "bid-0-criterion-batteryCycles").fill("500");
  await byId(page, "bid-0-criterion-label").selectOption("EPEAT Silver");
  await page.getByTestId("bid-0-criterion-takeBack").getByText("ja", { exact: true }).click();
  // The standalone pane stores after a short pause in typing.
  await eventually(async () => {
    const stored = JSON.parse(((await page.evaluate(`localStorage.getItem(${JSON.stringify(STORAGE_KEY)})`)) as string) ?? "{}");
    expect([stored.bids[0].batteryCycles, stored.bids[0].label, stored.bids[0].takeBack]).toEqual(["500", "EPEAT Silver", "ja"]);
  });

  const result = evaluateComparison(PARAMETERS, SECTION_4_BIDS, "computers");
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const expected = result.value.bids
    .map((r, i) => ({ name: NAMES[i], r }))
    .filter((o) => o.r.compliant)
    .sort((a, b) => a.r.meatRank - b.r.meatRank);

  await goToStep(page, "results");
  await byId(page, "rank-by-meat").check();
  await byId(page, "ranking-meat-1").waitFor();
  // Compliance first: the block is above the ranking, S with its reason in Dutch.
  const block = byId(page, "not-ranked");
  expect((await block.boundingBox())!.y).toBeLessThan((await byId(page, "ranking-table").boundingBox())!.y);
  expect(clean(await byId(page, "not-ranked-name-1").textContent())).toBe("S (Supplier S)");
  expect(clean(await byId(page, "not-ranked-reason-1").textContent())).toBe(
    "Niet gerangschikt: Reserveonderdelen: 3 jaar, de opdracht vraagt minstens 5",
  );
  const shown = [];
  for (let i = 1; i <= expected.length; i++) {
    shown.push({
      name: clean(await byId(page, `ranking-name-${i}`).textContent()),
      lcc: clean(await byId(page, `ranking-value-${i}`).textContent()),
      quality: clean(await byId(page, `ranking-quality-${i}`).textContent()),
      meat: clean(await byId(page, `ranking-meat-${i}`).textContent()),
    });
  }
  expect(shown).toEqual(
    expected.map(({ name, r }) => ({ name, lcc: money(r.comparisonValue, "nl-NL"), quality: nl(r.qualityTotal), meat: nl(r.meatScore) })),
  );
  // CRITERIA.md §4's quality totals, and the engine's MEAT order R, Q, P, T.
  expect(shown.map((s) => [s.name[0], s.quality])).toEqual([
    ["R", "38,00"],
    ["Q", "54,00"],
    ["P", "42,71"],
    ["T", "40,00"],
  ]);
  console.log(
    `§4 in the wizard (nl):\n${shown.map((s, i) => `${i + 1}. ${s.name} LCC ${s.lcc} quality ${s.quality} MEAT ${s.meat}`).join("\n")}`,
  );
  await byId(page, "chart-quality").waitFor();
  await textOf(
    byId(page, "explanation-text"),
    "Op de gunningscriteria haalt Q (Supplier Q) meer punten dan R (Supplier R) voor garantie (10,00 meer) en batterijcycli (6,00 meer).",
  );
});

test("screenshots of P's criteria group and the Results' compliance block at 320 and 800 px in nl and fr; nothing scrolls sideways, axe finds nothing serious", async () => {
  const problems: string[] = [];
  for (const lang of ["nl", "fr"] as const) {
    await reopenInLanguage(page, lang);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await goToStep(page, "bids");
      await openCriteriaGroup(0);
      await byId(page, "bid-0-criteria").scrollIntoViewIfNeeded();
      await screenshot(page, `criteria-card-${lang}-${width}`);
      // The group itself, close up, to look at.
      await byId(page, "bid-card-0").screenshot({
        path: join(SCREENSHOTS, `criteria-card-only-${lang}-${width}.png`),
        animations: "disabled",
      });
      if (await sideways(width)) problems.push(`${lang} ${width} card: page is ${await sideways(width)} px wide`);
      problems.push(...(await checkAccessibility(page)).blocking.map((b) => `${lang} ${width} card, axe: ${b}`));
      await goToStep(page, "results");
      await byId(page, "not-ranked").waitFor();
      await byId(page, "chart-quality").waitFor();
      await screenshot(page, `criteria-results-${lang}-${width}`);
      await byId(page, "not-ranked").screenshot({
        path: join(SCREENSHOTS, `criteria-compliance-only-${lang}-${width}.png`),
        animations: "disabled",
      });
      await byId(page, "chart-quality").screenshot({
        path: join(SCREENSHOTS, `criteria-chart-only-${lang}-${width}.png`),
        animations: "disabled",
      });
      if (await sideways(width)) problems.push(`${lang} ${width} results: page is ${await sideways(width)} px wide`);
      problems.push(...(await checkAccessibility(page)).blocking.map((b) => `${lang} ${width} results, axe: ${b}`));
    }
  }
  await textOf(byId(page, "not-ranked-reason-1"), "Non classée");
  expect(problems).toEqual([]);
});

test("no request left 127.0.0.1, and the page logged no errors", () => {
  expectCleanRequests(session.guard, "criteria");
});
