/**
 * The worksheet functions' error messages follow Office's display language. functions.js is its own bundle
 * (its own copy of errors.ts), so it reads the language itself: once Office is ready, from
 * Office.context.displayLanguage. The one place functions.js touches Office.js, duck-typed so the bundle
 * still loads where there is no Office (a browser page, Node).
 */
import { languageOf } from "../i18n/core";
import { setMessageLanguage } from "./errors";

interface OfficeLike {
  onReady(callback?: () => void): unknown;
  readonly context?: { readonly displayLanguage?: string };
}

export function followDisplayLanguage(office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office): void {
  if (!office || typeof office.onReady !== "function") return;
  office.onReady(() => {
    const display = office.context?.displayLanguage;
    if (display) setMessageLanguage(languageOf(display));
  });
}
