/** Loading and saving the comparison through the host: the one place that talks to host.load and host.save. */
import { type Dispatch, useCallback, useEffect, useRef, useState } from "react";
import type { Host, SaveStatus } from "../../host/types";
import { type Action, type WizardState, toSaved } from "./state";

export type SaveNoteStatus = SaveStatus | "failed" | null;

export interface SavedComparison {
  /** False until the saved comparison (if any) is read: the wizard waits rather than show defaults first. */
  readonly ready: boolean;
  /** What was restored, for Start's "continuing" note; null for a fresh comparison. */
  readonly restored: { offers: number } | null;
  forgetRestored(): void;
  /** The outcome of the last save. */
  readonly saved: SaveNoteStatus;
  /** Saves at once (after writing the template, whose new table can hold offers that did not fit before). */
  saveNow(): void;
}

export function useSavedComparison(host: Host, state: WizardState, dispatch: Dispatch<Action>): SavedComparison {
  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState<{ offers: number } | null>(null);
  const [saved, setSaved] = useState<SaveNoteStatus>(null);
  const loaded = useRef<WizardState | null>(null);

  useEffect(() => {
    let live = true;
    host
      .load()
      .then((saved) => {
        if (!live || !saved) return;
        dispatch({ type: "load", saved });
        setRestored({ offers: saved.group === "circular" ? 0 : saved.bids.length });
      })
      .catch(() => undefined) // unreadable storage: start fresh rather than not at all
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [host, dispatch]);

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

  const saveNow = () => void host.save(toSaved(state)).then(setSaved, () => setSaved("failed"));
  const forgetRestored = useCallback(() => setRestored(null), []);
  return { ready, restored, forgetRestored, saved, saveNow };
}
