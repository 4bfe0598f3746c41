/**
 * A Results sheet: a summary block (parameter set and version used, comparison-level figures, named),
 * room for the two charts beside it, then one formula row per input row. Every formula cell is locked and
 * shaded; a blank input row gives a blank result row, so offers can be added in the spare rows.
 */
import type { Language, TemplateKey } from "../i18n";
import { absolute, cellAddress, columnLetter, rangeAddress } from "./address";
import { SheetDraft } from "./draft";
import { formula } from "./formulas";
import type { ChartPlan, PlanCell, ResultsLayout } from "./plan";
import { NUMBER_FORMATS, type UnitKey, headerWithUnit, t, tBuilt, unitLabel } from "./text";
import { TEMPLATE_VERSION } from "./types";
import type { ProductGroup } from "../model";

export interface ResultColumn<C> {
  readonly key: string;
  readonly unit: UnitKey;
  readonly formula: (c: C) => string;
  readonly kinds?: readonly ProductGroup[];
  /** Intermediate factors, shown at the right for transparency. */
  readonly working?: boolean;
}

/** References inside the results table: a column in the same row, or a whole column. */
export interface RowRefs {
  col(key: string): string;
  all(key: string): string;
}

export interface SummaryRow {
  readonly key: string;
  readonly cell: PlanCell;
  readonly unit: UnitKey;
  /** Workbook name of the value cell, when formulas use it. */
  readonly name?: string;
}

export interface ChartSpec {
  readonly titleKey: TemplateKey;
  readonly type: ChartPlan["type"];
  /** First and last of adjacent columns, one series each. */
  readonly from: string;
  readonly to: string;
}

export interface ResultsSpec<C> {
  readonly kind: ProductGroup;
  readonly lang: Language;
  readonly sheetName: string;
  readonly currency: string;
  readonly columns: readonly ResultColumn<C>[];
  readonly rowCount: number;
  /** Input rows filled in when the template is written: the charts show those (all rows when none). */
  readonly filledRows: number;
  /** A formula that is TRUE when input row i is blank. */
  readonly isBlank: (i: number) => string;
  readonly context: (i: number, rows: RowRefs) => C;
  readonly summary: (all: RowRefs["all"]) => readonly SummaryRow[];
  readonly categoryKey: string;
  readonly charts: readonly ChartSpec[];
}

const SUMMARY_ROW = 2;
const HEADER_ROW = 17;
const CHART_SLOTS = [
  ["D2", "J16"],
  ["K2", "Q16"],
] as const;

export function resultsSheet<C>(spec: ResultsSpec<C>): { draft: SheetDraft; layout: ResultsLayout; charts: ChartPlan[] } {
  const { lang, currency } = spec;
  const d = new SheetDraft("results", spec.sheetName, lang);
  d.protect = true;
  const columns = [...spec.columns.filter((c) => !c.working), ...spec.columns.filter((c) => c.working)].filter((c) => !c.kinds || c.kinds.includes(spec.kind));
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const colOf = (key: string): number => {
    const i = index.get(key);
    if (i === undefined) throw new Error(`no result column ${key}`);
    return i;
  };
  const first = HEADER_ROW + 1;
  const n = spec.rowCount;
  const all = (key: string) => absolute(rangeAddress(colOf(key), first, 1, Math.max(n, 1)));

  d.write(0, 0, [[t(lang, `title.${spec.kind}`)], [`${t(lang, "results.templateVersion")} ${TEMPLATE_VERSION}`]]);
  d.style(0, 0, 1, 1, { role: "title" });
  d.style(0, 1, 1, 1, { role: "hint" });
  const summary = spec.summary(all);
  summary.forEach((s, i) => {
    const row = SUMMARY_ROW + i;
    d.write(0, row, [[tBuilt(lang, `summary.${s.key}`), s.cell]]);
    d.style(1, row, 1, 1, { role: "formula", numberFormat: NUMBER_FORMATS[s.unit] });
    if (s.name) d.addName(s.name, 1, row);
  });

  const working = columns.findIndex((c) => c.working);
  if (working >= 0) {
    d.write(working, HEADER_ROW - 1, [[t(lang, "results.working")]]);
    d.style(working, HEADER_ROW - 1, 1, 1, { role: "section" });
  }
  d.write(0, HEADER_ROW, [columns.map((c) => headerWithUnit(tBuilt(lang, `result.${c.key}`), unitLabel(lang, c.unit, currency)))]);
  d.style(0, HEADER_ROW, columns.length, 1, { role: "header", wrap: true });

  const rows: PlanCell[][] = [];
  for (let i = 0; i < n; i++) {
    const r = first + i + 1;
    const refs: RowRefs = { col: (key) => `$${columnLetter(colOf(key))}${r}`, all };
    const c = spec.context(i, refs);
    rows.push(columns.map((col) => formula(`IF(${spec.isBlank(i)},"",${col.formula(c)})`)));
  }
  d.write(0, first, rows);
  columns.forEach((c, i) => d.style(i, first, 1, n, { role: "formula", numberFormat: NUMBER_FORMATS[c.unit] }));
  d.columnWidths = columns.map((_, i) => (i === 0 ? 36 : 14));

  const charted = spec.filledRows > 0 ? Math.min(spec.filledRows, n) : n;
  const charts = spec.charts.map((chart, i): ChartPlan => {
    const from = colOf(chart.from);
    const to = colOf(chart.to);
    return {
      sheet: "results",
      title: t(lang, chart.titleKey),
      type: chart.type,
      data: rangeAddress(from, HEADER_ROW, to - from + 1, charted + 1),
      seriesCount: to - from + 1,
      categories: rangeAddress(colOf(spec.categoryKey), first, 1, charted),
      topLeft: CHART_SLOTS[i][0],
      bottomRight: CHART_SLOTS[i][1],
    };
  });

  return {
    draft: d,
    charts,
    layout: {
      sheet: "results",
      firstRow: first + 1,
      rowCount: n,
      columns: columns.map((c, i) => ({ key: c.key, column: columnLetter(i) })),
      summary: summary.map((s, i) => ({ key: s.key, address: cellAddress(1, SUMMARY_ROW + i) })),
    },
  };
}
