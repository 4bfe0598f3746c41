/**
 * Loading the comparison the host keeps, with what could not be read: the Start step says so, and in
 * Excel a failed read can be retried (the host writes nothing until one succeeds).
 */
import { type Dispatch, useCallback, useEffect, useState } from "react";
import type { Host, LoadResult } from "../../host/types";
import type { Action } from "./state";

export function useStoredComparison(host: Host, dispatch: Dispatch<Action>) {
  const [ready, setReady] = useState(false);
  const [result, setResult] = useState<LoadResult | null>(null);
  const [restored, setRestored] = useState<{ offers: number } | null>(null);

  const apply = useCallback(
    (r: LoadResult) => {
      setResult(r);
      if (!r.comparison) return;
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

  const retry = useCallback(() => void host.load().then(apply), [host, apply]);
  /** The user chose a new comparison: the host may now replace what it could not read (its backup stays). */
  const startNew = useCallback(() => {
    host.startNew?.();
    setRestored(null);
    setResult(null);
  }, [host]);

  return { ready, result, restored, retry, startNew };
}
