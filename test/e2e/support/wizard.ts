/**
 * Driving the wizard the way a procurer does: through labelled fields and buttons, found by the
 * data-testid attributes of src/taskpane/wizard (step-<id>, panel-<id>, param-<key>, bid-<n>-<key>, …).
 */
import type { Locator, Page } from "playwright-core";
import { LANGUAGE_KEY } from "../../../src/host/StandaloneHost";
import { BID_FIELDS } from "../../../src/model";
import { BID_INPUT, COUNTRY, PARAMETER_INPUT } from "./comparison";

export const STEPS = ["start", "parameters", "criteria", "bids", "results", "write"] as const;
export type Step = (typeof STEPS)[number];

export const byId = (page: Page, id: string): Locator => page.getByTestId(id);

/** The first step is on screen (after the host has loaded the saved comparison, if any). */
export async function waitForWizard(page: Page): Promise<void> {
  await byId(page, "panel-start").waitFor({ state: "visible" });
}

/** The wizard reopened in a language (stored as the standalone host keeps it), the saved comparison unchanged. */
export async function reopenInLanguage(page: Page, lang: string): Promise<void> {
  await page.evaluate(`localStorage.setItem(${JSON.stringify(LANGUAGE_KEY)}, ${JSON.stringify(lang)})`);
  await page.reload();
  await waitForWizard(page);
}

/** An element each step shows once its (lazily loaded) code has rendered. */
const READY: Record<Step, string> = {
  start: '[data-testid="group-computers"]',
  parameters: '[data-testid="param-discountRate"]',
  criteria: '[data-testid="criteria-sum"], [data-testid="criteria-scenarios"]',
  bids: '[data-testid="bid-add"]',
  results: '[data-testid="ranking-table"], [data-testid="results-blocked"], [data-testid="results-error"]',
  write: '[data-testid="write-button"], [data-testid="write-blocked"]',
};

/** Through the stepper, as a keyboard or mouse user would; returns once the step has rendered. */
export async function goToStep(page: Page, step: Step): Promise<void> {
  await byId(page, `step-${step}`).click();
  await byId(page, `panel-${step}`).waitFor({ state: "visible" });
  await page.locator(READY[step]).first().waitFor({ state: "visible" });
}

/** Polls a locator's text until it matches (jest has no web-first assertions). */
export async function textOf(locator: Locator, expected: RegExp | string, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = "";
  for (;;) {
    last = ((await locator.textContent({ timeout }).catch(() => null)) ?? "").replace(/\s+/g, " ").trim();
    if (typeof expected === "string" ? last.includes(expected) : expected.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`text of ${locator} is ${JSON.stringify(last)}, expected ${expected}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls until check() holds; its last failure message explains a timeout. */
export async function eventually(check: () => Promise<void> | void, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The inline message a Fluent Field ties to its input through aria-describedby. */
export async function fieldMessage(input: Locator): Promise<string> {
  const ids = ((await input.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const texts: string[] = [];
  for (const id of ids) texts.push(((await input.page().locator(`[id="${id}"]`).textContent()) ?? "").trim());
  return texts.join(" | ");
}

/** A parameter field, opening "More settings" first when it lives there. */
export async function parameterField(page: Page, key: string): Promise<Locator> {
  const field = byId(page, `param-${key}`);
  if (!(await field.isVisible())) {
    await byId(page, "parameters-advanced").click();
    await field.waitFor({ state: "visible" });
  }
  return field;
}

export async function setParameter(page: Page, key: string, text: string): Promise<void> {
  await (await parameterField(page, key)).fill(text);
}

/** The reference inputs of REFERENCE-CASES.md, typed into the Parameters step (which must be showing). */
export async function enterParameters(page: Page): Promise<void> {
  for (const [key, text] of Object.entries(PARAMETER_INPUT)) {
    if (key === "maintenanceEscalation") continue; // under "More settings": last, so the grid above stays put
    await setParameter(page, key, text);
  }
  await byId(page, "param-country").selectOption(COUNTRY);
  await setParameter(page, "maintenanceEscalation", PARAMETER_INPUT.maintenanceEscalation);
}

/** Offer fields that are drop-downs. */
const SELECTS = new Set(["deviceType", "condition", "takeBackWithDataErasure"]);
/** Offer fields in the card's "Warranty and repair" group, folded until used. */
const GROUPED = new Set(BID_FIELDS.filter((f) => f.group === "warrantyAndRepair").map((f) => f.key as string));

/** Opens offer n's "Warranty and repair" group unless it is open. */
export async function openWarrantyGroup(page: Page, n: number): Promise<void> {
  const toggle = byId(page, `bid-${n}-group-warrantyAndRepair`);
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await byId(page, `bid-${n}-warrantyYears`).waitFor({ state: "visible" });
}

/** Types offer n's fields (its card must be open), opening the warranty group when a field lives there. */
export async function fillOffer(page: Page, n: number, entries: Readonly<Record<string, string>>): Promise<void> {
  for (const [key, text] of Object.entries(entries)) {
    if (GROUPED.has(key)) await openWarrantyGroup(page, n);
    const field = byId(page, `bid-${n}-${key}`);
    if (SELECTS.has(key)) await field.selectOption(text);
    else await field.fill(text);
  }
}

/** Adds an offer with "Add an offer" and types its fields; n is its 0-based position. */
export async function addOffer(page: Page, n: number, entries: Readonly<Record<string, string>>): Promise<void> {
  await byId(page, "bid-add").click();
  await byId(page, `bid-${n}-supplier`).waitFor({ state: "visible" });
  await fillOffer(page, n, entries);
}

/** The three offers of the tests, on the Bids step. */
export async function enterOffers(page: Page): Promise<void> {
  for (let n = 0; n < BID_INPUT.length; n++) await addOffer(page, n, BID_INPUT[n]);
}

/** Ranking rows as shown: name and the value compared. */
export async function ranking(page: Page): Promise<{ name: string; value: string }[]> {
  await byId(page, "ranking-row-1").waitFor({ state: "visible" });
  const rows = await page.locator('[data-testid^="ranking-row-"]').count();
  const out: { name: string; value: string }[] = [];
  for (let i = 1; i <= rows; i++) {
    const name = ((await byId(page, `ranking-name-${i}`).textContent()) ?? "").trim();
    const value = ((await byId(page, `ranking-value-${i}`).textContent()) ?? "").replace(/\s+/g, " ").trim();
    out.push({ name, value });
  }
  return out;
}
