/** The comparison evaluated for the current state, once the model's code (parsing, rules, LCC) has arrived. */
import { useEffect, useMemo, useState } from "react";
import type { Evaluation, evaluate } from "./evaluation";
import type { WizardState } from "./state";

export function useEvaluation(state: WizardState): Evaluation | null {
  // The model arrives as its own chunk with the later steps; Start does not need it.
  const [evaluator, setEvaluator] = useState<{ run: typeof evaluate } | null>(null);
  useEffect(() => {
    void import("./evaluation").then((m) => setEvaluator({ run: m.evaluate }));
  }, []);
  return useMemo(() => evaluator?.run(state) ?? null, [evaluator, state]);
}
