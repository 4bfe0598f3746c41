/**
 * The wizard in a plain browser: state in localStorage (the offers are confidential and never leave the
 * machine), the workbook as an .xlsx download, theme from prefers-color-scheme, a language of the user's choice.
 */
import { LANGUAGES, type Language } from "../i18n/core";
import type { TemplateWriters } from "./templateWriters";
import { type Host, type SaveStatus, type SavedComparison, type TemplateInput, type Theme, type WriteOutcome, asSavedComparison } from "./types";

export const STORAGE_KEY = "circular-ict-lcc.comparison.v1";
export const LANGUAGE_KEY = "circular-ict-lcc.language";

export interface StandaloneOptions {
  readonly storage: Storage;
  readonly locale: string;
  readonly writers: TemplateWriters;
  /** window.matchMedia, when there is one. */
  readonly matchMedia?: (query: string) => MediaQueryList;
  /** Offers the bytes as a file; defaults to a temporary link with the download attribute. */
  readonly download?: (bytes: Uint8Array, fileName: string) => void;
  readonly today?: () => Date;
}

const DARK = "(prefers-color-scheme: dark)";

function browserDownload(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class StandaloneHost implements Host {
  readonly kind = "standalone" as const;
  readonly locale: string;
  readonly savedLanguage?: Language;

  constructor(private readonly options: StandaloneOptions) {
    this.locale = options.locale;
    const saved = this.read(LANGUAGE_KEY);
    this.savedLanguage = LANGUAGES.find((l) => l === saved);
  }

  get theme(): Theme {
    return this.options.matchMedia?.(DARK).matches ? "dark" : "light";
  }

  watchTheme(onChange: (theme: Theme) => void): () => void {
    const query = this.options.matchMedia?.(DARK);
    if (!query) return () => undefined;
    const listener = (e: MediaQueryListEvent) => onChange(e.matches ? "dark" : "light");
    query.addEventListener("change", listener);
    return () => query.removeEventListener("change", listener);
  }

  async load(): Promise<SavedComparison | null> {
    const text = this.read(STORAGE_KEY);
    if (!text) return null;
    try {
      return asSavedComparison(JSON.parse(text));
    } catch {
      return null; // damaged entry: start a new comparison rather than fail
    }
  }

  async save(comparison: SavedComparison): Promise<SaveStatus> {
    this.options.storage.setItem(STORAGE_KEY, JSON.stringify(comparison));
    return { stored: true };
  }

  saveLanguage(language: Language): void {
    try {
      this.options.storage.setItem(LANGUAGE_KEY, language);
    } catch {
      // a full or disabled storage only loses the preference
    }
  }

  async write(input: TemplateInput): Promise<WriteOutcome> {
    const writers = this.options.writers;
    const bytes = await writers.writeXlsx(input);
    const date = (this.options.today?.() ?? new Date()).toISOString().slice(0, 10);
    const fileName = `lcc-${input.group}-${date}.xlsx`;
    (this.options.download ?? browserDownload)(bytes, fileName);
    return { kind: "download", fileName };
  }

  private read(key: string): string | null {
    try {
      return this.options.storage.getItem(key);
    } catch {
      return null; // storage disabled (private mode, policy)
    }
  }
}
