/**
 * Screenshots (test-artifacts/, gitignored; CI keeps them) and accessibility checks with axe-core.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Result } from "axe-core";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Page } from "playwright-core";

export const ARTIFACTS = resolve(__dirname, "..", "..", "..", "test-artifacts");
export const SCREENSHOTS = join(ARTIFACTS, "screenshots");

/** test-artifacts/screenshots/<name>.png, the whole page, animations stopped and the caret hidden. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  // Let fonts and lazy chunks settle, so the picture shows the step, not a spinner.
  await page.evaluate("document.fonts.ready.then(() => undefined)");
  await settle(page);
  await page.screenshot({ path, fullPage: true, animations: "disabled", caret: "hide" });
  return path;
}

const BLOCKING = new Set(["serious", "critical"]);

export interface AxeOutcome {
  /** Serious and critical violations, one readable paragraph each (empty when none). */
  readonly blocking: string[];
  /** Minor and moderate ones, for the log. */
  readonly other: string[];
}

export function describeViolation(v: Result): string {
  const nodes = v.nodes
    .slice(0, 8)
    .map((n) => `    ${n.target.join(" ")}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`)
    .join("\n");
  const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : "";
  return `${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n${nodes}${more}`;
}

/** Waits for running CSS transitions and finite animations to end (infinite ones, spinners, are left alone). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    "Promise.all(document.getAnimations().filter((a) => { const t = a.effect && a.effect.getComputedTiming(); return !!t && Number.isFinite(t.endTime); }).map((a) => a.finished.catch(() => undefined))).then(() => undefined)",
  );
}

/**
 * Tabster, Fluent UI v9's focus manager, puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`
 * around focus groups on purpose: they only hand focus on, and would confuse screen readers without
 * aria-hidden. axe's aria-hidden-focus flags them; Microsoft's own scanners drop exactly these nodes
 * (microsoft/tabster#288, microsoft/accessibility-insights-web#7605). Every other node of the rule counts.
 */
export function withoutTabsterDummies(violations: readonly Result[]): Result[] {
  return violations
    .map((v) =>
      v.id === "aria-hidden-focus"
        ? { ...v, nodes: v.nodes.filter((n) => !/data-tabster-dummy|data-is-focus-trap-zone-bumper="true"/.test(n.html)) }
        : v,
    )
    .filter((v) => v.nodes.length > 0);
}

/**
 * axe-core's full default rule set (WCAG 2.x A/AA and best practices) on the page once it has settled.
 * Legacy mode runs axe.run in the page itself instead of finishing each run in a fresh blank page: the
 * pane has no frames, and it is five times faster here.
 */
export async function checkAccessibility(page: Page): Promise<AxeOutcome> {
  await settle(page);
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const violations = withoutTabsterDummies(results.violations);
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? "")).map(describeViolation);
  const other = violations.filter((v) => !BLOCKING.has(v.impact ?? "")).map(describeViolation);
  return { blocking, other };
}
