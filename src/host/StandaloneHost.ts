/**
 * The wizard in a plain browser: state in localStorage (the offers are confidential and never leave the
 * machine), the workbook as an .xlsx download, theme from prefers-color-scheme, a language of the user's choice.
 */
import { LANGUAGES, type Language } from "../i18n/core";
import type { TemplateWriters } from "./templateWriters";
import { readSaved, storedText } from "./savedFormat";
import { CLEAN_REPORT, type Host, type LoadResult, type SaveStatus, type SavedComparison, type TemplateInput, type Theme, type WriteOutcome } from "./types";

/** The key keeps its old name: the format version is inside the stored value (see savedFormat.ts). */
export const STORAGE_KEY = "circular-ict-lcc.comparison.v1";
/** A copy of stored text that could not be read in full; a later different copy gets ".2", ".3"… */
export const BACKUP_KEY = "circular-ict-lcc.comparison.backup";
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

  /** Set while stored data could not be read: saves refuse until the user starts a new comparison. */
  private unread: { backupKey?: string } | null = null;

  async load(): Promise<LoadResult> {
    const text = this.read(STORAGE_KEY);
    if (!text) return { status: "ok", comparison: null, report: CLEAN_REPORT };
    const { comparison, methodChanges, ...report } = readSaved(text);
    const clean = !report.repaired.length && !report.unreadable.length && !report.unknownGroup && !report.newerVersion;
    const changed = methodChanges.length ? { methodChanges } : {};
    if (clean) return { status: "ok", comparison, report: { ...CLEAN_REPORT, ...changed } };
    const backupKey = this.backup(text);
    const status = comparison ? "recovered" : "failed";
    // What was read in part may be saved over once its copy is safe; what was not read at all stays put.
    this.unread = status === "failed" || !backupKey ? { backupKey } : null;
    return { status, comparison, report: { ...report, ...changed, backupKey } };
  }

  async save(comparison: SavedComparison): Promise<SaveStatus> {
    if (this.unread) return { stored: false, refused: { reason: "unreadStoredData", ...this.unread } };
    this.options.storage.setItem(STORAGE_KEY, storedText(comparison));
    return { stored: true };
  }

  startNew(): void {
    this.unread = null;
  }

  /** Keeps a copy of text that was not read in full; the key it is under, or undefined when storage refused. */
  private backup(text: string): string | undefined {
    for (let n = 1; n < 100; n++) {
      const key = n === 1 ? BACKUP_KEY : `${BACKUP_KEY}.${n}`;
      const held = this.read(key);
      if (held === text) return key;
      if (held !== null) continue;
      try {
        this.options.storage.setItem(key, text);
        return key;
      } catch {
        return undefined;
      }
    }
    return undefined;
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
