/**
 * A horizontal stacked bar chart in plain SVG (no chart library: the pane must stay small). Each row is an
 * HTML label over a stretchable SVG bar, so text never scales with the width; negative parts (residual
 * value) stack to the left of zero. Screen readers get a summary per bar and a data table.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useI18n } from "../i18n";

export interface Segment {
  readonly label: string;
  readonly color: string;
}

export interface BarRow {
  readonly name: string;
  /** One value per segment, in segment order; may be negative. */
  readonly values: readonly number[];
  readonly total: number;
}

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  caption: { fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexDirection: "column", gap: "2px" },
  rowLabel: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    flexWrap: "wrap",
  },
  bar: { width: "100%", height: "16px", display: "block" },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: 0,
    margin: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
  },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: tokens.spacingHorizontalXS, borderRadius: "2px" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { padding: "2px 6px", textAlign: "right" },
    "& th:first-child": { textAlign: "left" },
  },
  scroll: { overflowX: "auto" },
});

const WIDTH = 1000;

export function StackedBars(props: {
  title: string;
  segments: readonly Segment[];
  rows: readonly BarRow[];
  format(n: number): string;
  /** The total's name, in the bar summaries and the table; "Total" unless the chart totals something narrower. */
  totalLabel?: string;
  /** The folded data table's title; "Show the figures as a table" unless said otherwise. */
  tableLabel?: string;
  testId: string;
}) {
  const s = useStyles();
  const { t } = useI18n();
  const totalLabel = props.totalLabel ?? t("chart.total");
  const tableLabel = props.tableLabel ?? t("chart.showTable");
  const captionId = useId();
  let min = 0;
  let max = 0;
  for (const r of props.rows) {
    min = Math.min(
      min,
      r.values.filter((v) => v < 0).reduce((a, b) => a + b, 0),
    );
    max = Math.max(
      max,
      r.values.filter((v) => v > 0).reduce((a, b) => a + b, 0),
    );
  }
  const span = max - min || 1;
  const x = (v: number) => ((v - min) / span) * WIDTH;
  return (
    <figure className={s.figure} aria-labelledby={captionId} data-testid={props.testId}>
      <figcaption id={captionId} className={s.caption}>
        {props.title}
      </figcaption>
      <ul className={s.legend}>
        {props.segments.map((seg) => (
          <li key={seg.label}>
            <span className={s.swatch} style={{ background: seg.color }} aria-hidden="true" />
            {seg.label}
          </li>
        ))}
      </ul>
      {props.rows.map((r) => {
        let up = 0;
        let down = 0;
        const summary = `${r.name}: ${props.segments.map((seg, i) => `${seg.label} ${props.format(r.values[i])}`).join(", ")}; ${totalLabel} ${props.format(r.total)}`;
        return (
          <div key={r.name} className={s.row}>
            <div className={s.rowLabel} aria-hidden="true">
              <span>{r.name}</span>
              <span>{props.format(r.total)}</span>
            </div>
            <svg className={s.bar} viewBox={`0 0 ${WIDTH} 16`} preserveAspectRatio="none" role="img" aria-label={summary}>
              {r.values.map((v, i) => {
                const from = v >= 0 ? up : down + v;
                if (v >= 0) up += v;
                else down += v;
                return (
                  <rect
                    key={i}
                    x={x(from)}
                    width={Math.max(0, x(from + Math.abs(v)) - x(from))}
                    y={0}
                    height={16}
                    style={{ fill: props.segments[i].color }}
                  />
                );
              })}
              <line x1={x(0)} x2={x(0)} y1={0} y2={16} style={{ stroke: tokens.colorNeutralForeground1, strokeWidth: 3 }} />
              <line
                x1={x(r.total)}
                x2={x(r.total)}
                y1={0}
                y2={16}
                style={{ stroke: tokens.colorNeutralForeground1, strokeWidth: 6, strokeDasharray: "4 3" }}
              />
            </svg>
          </div>
        );
      })}
      <details>
        <summary>{tableLabel}</summary>
        <div className={s.scroll} tabIndex={0} role="region" aria-label={tableLabel}>
          <table className={s.table}>
            <thead>
              <tr>
                <th scope="col">{""}</th>
                {props.segments.map((seg) => (
                  <th key={seg.label} scope="col">
                    {seg.label}
                  </th>
                ))}
                <th scope="col">{totalLabel}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.name}>
                  <th scope="row">{r.name}</th>
                  {r.values.map((v, i) => (
                    <td key={i}>{props.format(v)}</td>
                  ))}
                  <td>{props.format(r.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
