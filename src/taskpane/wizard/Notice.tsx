/**
 * A plain notice box for the first screen (Start, save status): MessageBar's look without its code, which
 * comes later with the other steps. Errors and warnings are announced (alert), the rest politely (status).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function Notice(props: {
  intent: "info" | "warning" | "error";
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
  label?: string;
}) {
  const s = useStyles();
  return (
    <div
      className={mergeClasses(s.box, s[props.intent])}
      role={props.intent === "info" ? "status" : "alert"}
      aria-label={props.label}
      data-testid={props.testId}
    >
      <div>{props.children}</div>
      {props.actions && <div className={s.actions}>{props.actions}</div>}
    </div>
  );
}
