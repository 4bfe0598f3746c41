/** Style fragments shared by several steps (makeStyles takes them as plain objects). */
import { type GriffelStyle, tokens } from "@fluentui/react-components";

/** A step's layout: its sections stacked with the step spacing, headings without the browser's margins. */
export const stepLayout = {
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
} satisfies Record<string, GriffelStyle>;

/** Read by screen readers, not shown (captions, the CSV file input behind its button). */
export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};

/** A compact data table (ranking, not-ranked offers, deviations, circular options); `align` is the cells' text alignment. */
export const dataTable = (align: "left" | "right", extra: GriffelStyle = {}): GriffelStyle => ({
  borderCollapse: "collapse",
  width: "100%",
  fontSize: tokens.fontSizeBase200,
  "& th, & td": {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: align,
    ...extra,
  },
});

/** The box a wide table scrolls in, so the pane itself never scrolls sideways. */
export const tableScroll: GriffelStyle = { overflowX: "auto", maxWidth: "100%" };
