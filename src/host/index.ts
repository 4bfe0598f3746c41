/**
 * Picks the host the pane runs in. Inside Excel, Office.onReady reports it; the standalone page has no
 * office.js at all, and a page with office.js opened in a plain browser reports no host: both standalone.
 */
import { languageOf } from "../i18n/core";
import { browserDownload } from "./download";
import { StandaloneHost, pageHideEvents } from "./StandaloneHost";
import { templateWriters } from "./templateWriters";
import { themeOfBackground } from "./theme";
import type { Host, Theme } from "./types";

export type { Host, LoadResult, SavedComparison, SaveStatus, TemplateInput, WriteOutcome, Theme } from "./types";
export type { ProductGroup } from "../model/bid";
export { StandaloneHost } from "./StandaloneHost";

const systemTheme = (): Theme =>
  typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";

function officeTheme(): Theme {
  try {
    return themeOfBackground(Office.context.officeTheme?.bodyBackgroundColor, systemTheme());
  } catch {
    return systemTheme(); // officeTheme is missing where its requirement set is not supported
  }
}

export async function createHost(): Promise<Host> {
  if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
    const info = await Office.onReady();
    if (info.host === Office.HostType.Excel) {
      const locale = Office.context.displayLanguage || "en-US";
      const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);
      // Loaded only inside Excel: the standalone page never downloads the workbook code.
      const { ExcelHost } = await import("./ExcelHost");
      // Only Excel on the web lets the pane save a file (the browser does); the desktop panes do not.
      const download = String(Office.context.platform) === "OfficeOnline" ? browserDownload : undefined;
      return new ExcelHost({ run, locale, language: languageOf(locale), theme: officeTheme(), writers: templateWriters(run), download });
    }
  }
  return new StandaloneHost({
    storage: window.localStorage,
    locale: navigator.language || "en",
    writers: templateWriters(),
    matchMedia: window.matchMedia ? (q) => window.matchMedia(q) : undefined,
    onPageHide: pageHideEvents(window, document),
  });
}
