/** Style fragments shared by several steps (makeStyles takes them as plain objects). */
import type { GriffelStyle } from "@fluentui/react-components";

/** Read by screen readers, not shown (captions, the CSV file input behind its button). */
export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};
