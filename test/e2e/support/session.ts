/**
 * The set-up every end-to-end suite shares: dist/ served on 127.0.0.1 (serveStatic checks the build is
 * there), headless Chromium, one context whose every request goes through the guard, and the closing
 * check that nothing left 127.0.0.1 and no page logged an error.
 */
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ARTIFACTS } from "./artifacts";
import { launchChromium, newContext } from "./chromium";
import { RequestGuard } from "./guard";
import { type StaticServer, serveStatic } from "./server";

export interface BrowserSession {
  readonly server: StaticServer;
  readonly context: BrowserContext;
  readonly guard: RequestGuard;
}

export interface SessionOptions {
  readonly viewport: { readonly width: number; readonly height: number };
  /** Body the guard serves for the office.js CDN request (Excel mode); absent, that request is a violation. */
  readonly officeJs?: string;
}

/** Registers the suite's beforeAll/afterAll; the session's fields are there from the first test on. */
export function browserSession(options: SessionOptions): BrowserSession {
  const session = {} as { server: StaticServer; browser: Browser; context: BrowserContext; guard: RequestGuard };
  beforeAll(async () => {
    session.server = await serveStatic();
    session.browser = await launchChromium();
    session.context = await newContext(session.browser, { viewport: options.viewport });
    session.guard = await RequestGuard.attach(session.context, { officeJs: options.officeJs });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** A new page in the session's context, with the timeout the suites wait by. */
export async function newPage(session: BrowserSession): Promise<Page> {
  const page = await session.context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Keeps the suite's request log in test-artifacts/requests/<name>.json and fails on anything the guard saw. */
export function expectCleanRequests(guard: RequestGuard, name: string): void {
  guard.save(join(ARTIFACTS, "requests", `${name}.json`));
  if (guard.report().length) throw new Error(guard.summary());
}
