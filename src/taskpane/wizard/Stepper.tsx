/**
 * The step list: a stepper, not tabs. Each step is a button, the current one marked aria-current="step";
 * the arrow keys, Home and End move between steps (a roving tab stop), so the whole stepper is one stop for Tab.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { type KeyboardEvent, useRef } from "react";
import { useI18n } from "./i18n";
import { STEPS, type StepId } from "./state";

const useStyles = makeStyles({
  steps: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, listStyleType: "none", margin: 0, padding: 0 },
});

export function Stepper({ step, label, onGo }: { step: StepId; label(id: StepId): string; onGo(id: StepId): void }) {
  const s = useStyles();
  const { t } = useI18n();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const move = (e: KeyboardEvent<HTMLElement>) => {
    const at = buttons.current.indexOf(document.activeElement as HTMLButtonElement);
    const last = STEPS.length - 1;
    const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: last }[e.key];
    if (next === undefined || at < 0) return;
    e.preventDefault();
    buttons.current[(next + STEPS.length) % STEPS.length]?.focus();
  };

  return (
    <nav aria-label={t("app.steps")}>
      <ol className={s.steps} onKeyDown={move}>
        {STEPS.map((id, i) => (
          <li key={id}>
            <Button
              ref={(el) => {
                buttons.current[i] = el as HTMLButtonElement | null;
              }}
              size="small"
              appearance={id === step ? "primary" : "subtle"}
              aria-current={id === step ? "step" : undefined}
              tabIndex={id === step ? 0 : -1}
              onClick={() => onGo(id)}
              data-testid={`step-${id}`}
            >
              {`${i + 1}. ${label(id)}`}
            </Button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
