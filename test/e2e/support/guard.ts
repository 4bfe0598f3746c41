/**
 * The request guard: every request of every page and worker of a browser context is recorded, requests to
 * 127.0.0.1 / localhost go through, the office.js CDN request is answered with the test's stand-in (and
 * counted apart), and anything else is aborted and reported. Page errors, console errors (CSP refusals
 * land there) and failed local responses are collected too, so a test can assert the run was clean.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { BrowserContext, Page, Request, Route } from "playwright-core";

export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
/** Schemes that never touch the network. */
const OFFLINE_SCHEMES = new Set(["data:", "blob:", "about:", "chrome-error:"]);

export function isLocal(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (OFFLINE_SCHEMES.has(u.protocol)) return true;
  return (
    (u.protocol === "http:" || u.protocol === "https:" || u.protocol === "ws:" || u.protocol === "wss:") && LOCAL_HOSTS.has(u.hostname)
  );
}

export interface GuardOptions {
  /** Body served for the office.js CDN URL (Excel mode); absent: that request is a violation like any other. */
  readonly officeJs?: string;
}

export interface Problem {
  readonly kind: "off-host request" | "page error" | "console error" | "failed response" | "failed request";
  readonly page: string;
  readonly detail: string;
}

export class RequestGuard {
  /** Every URL requested, in order. */
  readonly requests: string[] = [];
  /** How often the office.js CDN URL was asked for and answered with the stand-in. */
  officeJsServed = 0;
  private readonly problems: Problem[] = [];

  private constructor(private readonly options: GuardOptions) {}

  static async attach(context: BrowserContext, options: GuardOptions = {}): Promise<RequestGuard> {
    const guard = new RequestGuard(options);
    await context.route("**/*", (route) => guard.handle(route));
    // Requests that routing does not see (a worker's own fetches, blob: and data: URLs) still show up here.
    context.on("request", (request) => guard.record(request));
    context.on("page", (page) => guard.watch(page));
    for (const page of context.pages()) guard.watch(page);
    return guard;
  }

  private async handle(route: Route): Promise<void> {
    const url = route.request().url();
    if (url.split("?")[0] === OFFICE_JS_URL && this.options.officeJs !== undefined) {
      this.officeJsServed++;
      await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: this.options.officeJs });
      return;
    }
    if (isLocal(url)) {
      await route.fallback();
      return;
    }
    this.problems.push({ kind: "off-host request", page: route.request().frame()?.url() ?? "?", detail: url });
    await route.abort("blockedbyclient");
  }

  private record(request: Request): void {
    const url = request.url();
    this.requests.push(url);
    if (!isLocal(url) && url.split("?")[0] !== OFFICE_JS_URL && !this.problems.some((p) => p.detail === url)) {
      this.problems.push({ kind: "off-host request", page: safePageUrl(request), detail: url });
    }
  }

  private watch(page: Page): void {
    page.on("pageerror", (error) => this.problems.push({ kind: "page error", page: page.url(), detail: error.stack ?? error.message }));
    page.on("console", (message) => {
      if (message.type() === "error") this.problems.push({ kind: "console error", page: page.url(), detail: message.text() });
    });
    page.on("response", (response) => {
      if (response.status() >= 400 && isLocal(response.url()))
        this.problems.push({ kind: "failed response", page: page.url(), detail: `${response.status()} ${response.url()}` });
    });
    page.on("requestfailed", (request) => {
      const failure = request.failure()?.errorText ?? "";
      // Aborted off-host requests are reported as such above; a download navigation ends as "net::ERR_ABORTED".
      if (isLocal(request.url()) && !/ERR_ABORTED/.test(failure))
        this.problems.push({ kind: "failed request", page: page.url(), detail: `${request.url()}: ${failure}` });
    });
    page.on("websocket", (ws) => {
      this.requests.push(ws.url());
      if (!isLocal(ws.url())) this.problems.push({ kind: "off-host request", page: page.url(), detail: `websocket ${ws.url()}` });
    });
  }

  /** Requests that left (or tried to leave) the machine. */
  offHost(): string[] {
    return this.problems.filter((p) => p.kind === "off-host request").map((p) => p.detail);
  }

  /** Everything that went wrong, one line each (empty when the run was clean). */
  report(): string[] {
    return this.problems.map((p) => `${p.kind} on ${p.page}: ${p.detail}`);
  }

  /** Keeps the record with the test artifacts (CI uploads them): every URL requested, and every problem. */
  save(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      `${JSON.stringify({ officeJsServed: this.officeJsServed, problems: this.report(), requests: this.requests }, null, 1)}\n`,
    );
  }

  /** For a test's failure message: what went wrong, and what was requested. */
  summary(): string {
    const unique = [...new Set(this.requests.map((u) => u.replace(/^(blob:[^/]+\/\/[^/]+\/).*/, "$1…")))];
    return [
      `problems:`,
      ...this.report().map((l) => `  ${l}`),
      `requests (${this.requests.length}, ${unique.length} distinct):`,
      ...unique.map((u) => `  ${u}`),
    ].join("\n");
  }
}

function safePageUrl(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    return "(worker)";
  }
}
