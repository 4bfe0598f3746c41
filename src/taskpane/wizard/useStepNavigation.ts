/** Which step is shown, and focus on its heading after a move so keyboard and screen-reader users land on it. */
import { type RefObject, startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { StepId } from "./state";

export function useStepNavigation(): { step: StepId; go(next: StepId): void; heading: RefObject<HTMLHeadingElement | null> } {
  const [step, setStep] = useState<StepId>("start");
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);
  // A transition keeps the current step on screen until the next one's code is there, instead of
  // React's Suspense fallback, which React 19 shows for at least ~300 ms once it appears.
  const go = useCallback((next: StepId) => {
    moved.current = true;
    startTransition(() => setStep(next));
  }, []);
  return { step, go, heading };
}
