/**
 * Headless Debian Chromium through playwright-core (TOOLCHAIN.md): the system browser, never a downloaded
 * one, with background networking, component updates and sync switched off so the browser itself makes no
 * requests of its own.
 */
import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
] as const;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is required for the browser tests: ${CHROMIUM} was not found. Install it with \`apt-get install -y chromium\` (.ci/run does); never \`npx playwright install\`.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS], headless: true });
}

/** The task pane's widths: the narrowest Office allows, and a comfortable desktop pane. */
export const WIDTHS = [320, 800] as const;

/** A fresh profile per context (no shared storage between tests unless they share the context). */
export function contextOptions(over: BrowserContextOptions = {}): BrowserContextOptions {
  return {
    viewport: { width: 800, height: 900 },
    acceptDownloads: true,
    locale: "en-GB",
    timezoneId: "Europe/Brussels",
    colorScheme: "light",
    reducedMotion: "reduce",
    serviceWorkers: "block",
    ...over,
  };
}

export async function newContext(browser: Browser, over: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext(contextOptions(over));
}
