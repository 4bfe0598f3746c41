/**
 * The wizard in a plain browser: state in localStorage (the offers are confidential and never leave the
 * machine), the workbook as an .xlsx download, theme from prefers-color-scheme, a language of the user's choice.
 * Saves wait for a short pause in typing (10 000 offers are ~4 MB of text to store per keystroke otherwise)
 * and are written at once when the page is hidden or closed, before a download, and on flush().
 */
import { LANGUAGES, type Language } from "../i18n/core";
import type { TemplateWriters } from "./templateWriters";
import { XLSX_TYPE, browserDownload } from "./download";
import { readSaved, storedText } from "./savedFormat";
import {
  CLEAN_REPORT,
  type Host,
  type LoadResult,
  type SaveStatus,
  type SavedComparison,
  type TemplateInput,
  type Theme,
  type WriteOutcome,
} from "./types";

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
  /** Offers the bytes as a file (of that MIME type); defaults to a temporary link with the download attribute. */
  readonly download?: (bytes: Uint8Array, fileName: string, type: string) => void;
  readonly today?: () => Date;
  /** How long a save waits for a pause in typing; default SAVE_DELAY_MS. */
  readonly saveDelayMs?: number;
  /** Calls back when the page is being hidden or left (pageHideEvents), so a waiting save is written first. */
  readonly onPageHide?: (flush: () => void) => void;
}

/** Short enough that a pause is saved before anyone closes the tab; pagehide covers what is quicker. */
export const SAVE_DELAY_MS = 300;

/**
 * The page's last moments: pagehide (closing, reloading, navigating away) and visibilitychange to hidden
 * (switching tabs, minimising; on mobile often the last event a page gets).
 */
export function pageHideEvents(
  win: Pick<Window, "addEventListener">,
  doc: Pick<Document, "addEventListener" | "visibilityState">,
): (flush: () => void) => void {
  return (flush) => {
    win.addEventListener("pagehide", flush);
    doc.addEventListener("visibilitychange", () => {
      if (doc.visibilityState === "hidden") flush();
    });
  };
}

const DARK = "(prefers-color-scheme: dark)";

export class StandaloneHost implements Host {
  readonly kind = "standalone" as const;
  readonly locale: string;
  readonly savedLanguage?: Language;

  constructor(private readonly options: StandaloneOptions) {
    this.locale = options.locale;
    const saved = this.read(LANGUAGE_KEY);
    this.savedLanguage = LANGUAGES.find((l) => l === saved);
    options.onPageHide?.(() => void this.flush().catch(() => undefined));
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

  /** The latest comparison not yet stored, and the saves waiting for it. */
  private pending: {
    comparison: SavedComparison;
    timer: ReturnType<typeof setTimeout>;
    waiters: { resolve(s: SaveStatus): void; reject(e: unknown): void }[];
  } | null = null;

  /** Stores after a pause in changes; each save's promise settles when the latest comparison is stored (or refused, or fails). */
  save(comparison: SavedComparison): Promise<SaveStatus> {
    return new Promise((resolve, reject) => {
      const waiters = this.pending?.waiters ?? [];
      if (this.pending) clearTimeout(this.pending.timer);
      waiters.push({ resolve, reject });
      const timer = setTimeout(() => void this.flush().catch(() => undefined), this.options.saveDelayMs ?? SAVE_DELAY_MS);
      this.pending = { comparison, timer, waiters };
    });
  }

  /** Stores a waiting save now (synchronously: pagehide leaves no time for more); resolves with its status. */
  flush(): Promise<SaveStatus> {
    const job = this.pending;
    if (!job) return Promise.resolve({ stored: !this.unread });
    clearTimeout(job.timer);
    this.pending = null;
    try {
      const status = this.store(job.comparison);
      job.waiters.forEach((w) => w.resolve(status));
      return Promise.resolve(status);
    } catch (e) {
      // A full or disabled storage: every waiting save learns it failed.
      job.waiters.forEach((w) => w.reject(e));
      return Promise.reject(e);
    }
  }

  private store(comparison: SavedComparison): SaveStatus {
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
    // What the download holds is stored first: a failed or slow write loses nothing typed before it.
    await this.flush().catch(() => undefined);
    const writers = this.options.writers;
    const bytes = await writers.writeXlsx(input);
    const date = (this.options.today?.() ?? new Date()).toISOString().slice(0, 10);
    const fileName = `lcc-${input.group}-${date}.xlsx`;
    (this.options.download ?? browserDownload)(bytes, fileName, XLSX_TYPE);
    return { kind: "download", fileName };
  }

  async offerFile(bytes: Uint8Array, fileName: string, type: string): Promise<void> {
    (this.options.download ?? browserDownload)(bytes, fileName, type);
  }

  private read(key: string): string | null {
    try {
      return this.options.storage.getItem(key);
    } catch {
      return null; // storage disabled (private mode, policy)
    }
  }
}
