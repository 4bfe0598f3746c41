/**
 * What a page downloads before it can show anything: its <script src> tags and their gzip size. The bench
 * (scripts/bench/browser.ts) prints it; test/build.test.ts holds the task pane to its budget.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The budget of the task pane's initial JS, gzip (issue 9): later steps' code loads on demand. */
export const INITIAL_JS_BUDGET_KB = 150;

/** gzip size in bytes at zlib's default level 6, as web servers use. */
export const gzipSize = (buf: Buffer): number => gzipSync(buf).length;

/** The scripts a page loads before anything else: its <script src> tags (webpack's lazy chunks are not among them). */
export function initialScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)]
    .map((m) => m[1].replace(/^\.?\//, ""))
    .filter((src) => !/^https?:/i.test(src));
}

/** The initial scripts of a built page (dist/index.html: the standalone pane) with their raw and gzip sizes in bytes. */
export function initialJs(dir: string, page = "index.html"): { files: string[]; raw: number; gzip: number } {
  const file = (name: string) => readFileSync(join(dir, name));
  const files = initialScripts(file(page).toString("utf8"));
  return {
    files,
    raw: files.reduce((s, f) => s + file(f).length, 0),
    gzip: files.reduce((s, f) => s + gzipSize(file(f)), 0),
  };
}
