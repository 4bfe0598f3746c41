/** Shared set-up for the wizard's jsdom tests: stubs jsdom lacks, an in-memory host, the reference comparison. */
import { render, screen, waitFor } from "@testing-library/react";
import { StandaloneHost } from "../../src/host/StandaloneHost";
import type { TemplateWriters } from "../../src/host/templateWriters";
import type { SavedComparison } from "../../src/host/types";
import type { Language } from "../../src/i18n";
import { DEFAULT_PARAMETERS, type Parameters } from "../../src/model";
import { App } from "../../src/taskpane/wizard";
import { bidEntries, parameterText } from "../../src/model/entries";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { recordingWriters } from "../fixtures/writers";

/** Writers that record what they were asked to write (shared with the host tests). */
export { recordingWriters };

// Fluent v9 measures elements with ResizeObserver, which jsdom does not have.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

/** localStorage as a plain map, so each test starts empty and can be inspected. */
export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
}

export interface HostOptions {
  readonly storage?: Storage;
  readonly locale?: string;
  readonly writers?: TemplateWriters;
  /** File names offered for download are pushed here. */
  readonly downloads?: string[];
  /** Files offered for download, bytes and all, are pushed here. */
  readonly files?: { readonly name: string; readonly bytes: Uint8Array }[];
}

export function standaloneHost(options: HostOptions = {}) {
  return new StandaloneHost({
    storage: options.storage ?? new MemoryStorage(),
    locale: options.locale ?? "en-GB",
    writers: options.writers ?? recordingWriters(),
    download: (bytes, name) => {
      options.downloads?.push(name);
      options.files?.push({ name, bytes });
    },
    today: () => new Date("2026-01-15T10:00:00Z"),
  });
}

export function parameterEntriesOf(p: Parameters, lang: Language = "en"): Record<string, string> {
  return Object.fromEntries((Object.keys(DEFAULT_PARAMETERS) as (keyof Parameters)[]).map((k) => [k, parameterText(k, p[k], lang)]));
}

/** REFERENCE-CASES.md: two notebook offers, the cheaper purchase loses. */
export function referenceComparison(lang: Language = "en"): SavedComparison {
  return {
    group: "computers",
    parameters: parameterEntriesOf(referenceParameters, lang),
    bids: [bidEntries(bidA, "computers", lang), bidEntries(bidB, "computers", lang)],
    circular: {},
  };
}

/** A host whose storage already holds a comparison. */
export function hostWith(saved: SavedComparison, options: HostOptions = {}) {
  const storage = options.storage ?? new MemoryStorage();
  storage.setItem("circular-ict-lcc.comparison.v1", JSON.stringify(saved));
  return standaloneHost({ ...options, storage });
}

export const renderApp = (host = standaloneHost()) => ({ host, ...render(<App host={host} />) });

/** Assertion helpers (no jest-dom here): what a user sees or has checked. */
export const checked = (el: HTMLElement): boolean => (el as HTMLInputElement).checked;
export const text = (el: HTMLElement): string => (el.textContent ?? "").replace(/\s+/g, " ").trim();
export const value = (el: HTMLElement): string => (el as HTMLInputElement).value;

// The steps after Start are lazy chunks: compile them once per file before the first test needs them.
beforeAll(async () => {
  await Promise.all([
    import("../../src/taskpane/wizard/steps/ParametersStep"),
    import("../../src/taskpane/wizard/steps/CriteriaStep"),
    import("../../src/taskpane/wizard/steps/BidsStep"),
    import("../../src/taskpane/wizard/steps/CircularStep"),
    import("../../src/taskpane/wizard/steps/ResultsStep"),
    import("../../src/taskpane/wizard/steps/WriteStep"),
    import("../../src/taskpane/wizard/evaluation"),
    import("../../src/taskpane/wizard/charts/Charts"),
  ]);
});

/** Goes to a step by its button and waits until its lazy content is on screen. */
export async function openStep(
  user: { click(el: Element): Promise<void> },
  step: "start" | "parameters" | "criteria" | "bids" | "results" | "write",
) {
  await user.click(await screen.findByTestId(`step-${step}`));
  await screen.findByTestId(`panel-${step}`);
  await waitFor(() => expect(screen.queryByText(/^(Working…|Bezig…|En cours…)$/)).toBeNull());
}
