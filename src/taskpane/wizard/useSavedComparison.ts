/**
 * Loading and saving the comparison through the host: the one place that talks to host.load and host.save.
 * What could not be read is kept and reported (LoadNotice, Start); in Excel a failed read can be retried,
 * and the host writes nothing until one succeeds.
 */
import { type Dispatch, useCallback, useEffect, useRef, useState } from "react";
import type { Host, LoadResult, SaveStatus } from "../../host/types";
import { type Action, type WizardState, toSaved } from "./state";

export type SaveNoteStatus = SaveStatus | "failed" | null;

export interface SavedComparison {
  /** False until the saved comparison (if any) is read: the wizard waits rather than show defaults first. */
  readonly ready: boolean;
  /** The outcome of the last read, with what was repaired or could not be read; null before it or after "new". */
  readonly result: LoadResult | null;
  /** What was restored, for Start's "continuing" note; null for a fresh comparison. */
  readonly restored: { offers: number } | null;
  /** Reads the host again (Excel: after a failed read, or to see cells a colleague changed). */
  retry(): void;
  /** The user chose a new comparison: the host may now replace what it could not read (its backup stays). */
  startNew(): void;
  /** The outcome of the last save. */
  readonly saved: SaveNoteStatus;
  /** Saves at once, not after the pause saves wait for (after writing the template, whose new table can hold offers that did not fit before). */
  saveNow(): void;
}

export function useSavedComparison(host: Host, state: WizardState, dispatch: Dispatch<Action>): SavedComparison {
  const [ready, setReady] = useState(false);
  const [result, setResult] = useState<LoadResult | null>(null);
  const [restored, setRestored] = useState<{ offers: number } | null>(null);
  const [saved, setSaved] = useState<SaveNoteStatus>(null);
  const loaded = useRef<WizardState | null>(null);

  const apply = useCallback(
    (r: LoadResult) => {
      setResult(r);
      if (!r.comparison) return;
      loaded.current = null; // the state this read brings is not a change to save back
      dispatch({ type: "load", saved: r.comparison });
      setRestored({ offers: r.comparison.group === "circular" ? 0 : r.comparison.bids.length });
    },
    [dispatch],
  );

  useEffect(() => {
    let live = true;
    void host.load().then((r) => {
      if (!live) return;
      apply(r);
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, [host, apply]);

  // Save every change, but not the state just loaded: writing it back would only rewrite the same cells.
  useEffect(() => {
    if (!ready) return;
    if (loaded.current === null) {
      loaded.current = state;
      return;
    }
    if (loaded.current === state) return;
    host.save(toSaved(state)).then(setSaved, () => setSaved("failed"));
  }, [state, ready, host]);

  const saveNow = () => {
    host.save(toSaved(state)).then(setSaved, () => setSaved("failed"));
    void host.flush?.().catch(() => undefined);
  };
  // A reload shows what the workbook holds now: the last save's notice (a colleague's kept cells) is done with.
  const retry = useCallback(
    () =>
      void host.load().then((r) => {
        setSaved(null);
        apply(r);
      }),
    [host, apply],
  );
  const startNew = useCallback(() => {
    host.startNew?.();
    setRestored(null);
    setResult(null);
  }, [host]);
  return { ready, result, restored, retry, startNew, saved, saveNow };
}
