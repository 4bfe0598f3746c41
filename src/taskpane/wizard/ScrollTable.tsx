/**
 * A table of figures in a region that scrolls sideways on a narrow pane (and takes the keyboard focus to do
 * so): its caption names the region, a header row names the columns, and the rows are the caller's.
 */
import { makeStyles, mergeClasses } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { tableScroll, visuallyHidden } from "./styles";

const useStyles = makeStyles({
  scroll: tableScroll,
  caption: { textAlign: "left" },
  hidden: visuallyHidden,
});

export function ScrollTable(props: {
  caption: string;
  /** The caption only for screen readers (a heading above already says it). */
  hideCaption?: boolean;
  columns: readonly string[];
  className: string;
  testId: string;
  children: ReactNode;
}) {
  const s = useStyles();
  return (
    <div className={s.scroll} role="region" aria-label={props.caption} tabIndex={0}>
      <table className={props.className} data-testid={props.testId}>
        <caption className={mergeClasses(s.caption, props.hideCaption && s.hidden)}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c, i) => (
              <th scope="col" key={i}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
