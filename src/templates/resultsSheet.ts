/**
 * A Results sheet: the award summary at the top (winner, margin, one sentence, a warning when the
 * electricity price is missing), the comparison-level figures (named), the two charts, then one formula
 * row per input row. Every formula cell is locked and shaded; a blank input row gives a blank result row,
 * so offers can be added in the spare rows.
 *
 * Printing: a comparison has ~28 result columns, too many for one legible landscape page. Its columns are
 * grouped in `pages` (the award figures, then the costs, then the CO2), printed side by side at one fixed
 * scale with a page break between groups; each group starts with the offer names, so every printed row
 * says which offer it is. The first page carries the award summary, the others a chart each. The working
 * factors and chart data stay on screen, right of the print area.
 */
import type { Language, TemplateKey } from "../i18n";
import { absolute, cellAddress, columnLetter, rangeAddress } from "./address";
import { SheetDraft } from "./draft";
import { endOfPeriodFactor, formula, pvFactor, str } from "./formulas";
import type { ParameterKey, Refs } from "./names";
import { columnPixels, headerRowPoints, headerWidth, rowPoints, scaleToFit, wrappedLines } from "./layout";
import type { ChartPlan, PlanCell, ResultsLayout } from "./plan";
import { NUMBER_FORMATS, type UnitKey, headerWithUnit, t, tBuilt, unitLabel } from "./text";
import { TEMPLATE_VERSION } from "./types";
import type { ProductGroup } from "../model";

export interface ResultColumn<C> {
  readonly key: string;
  readonly unit: UnitKey;
  readonly formula: (c: C) => string;
  readonly kinds?: readonly ProductGroup[];
  /** A header not named by `key` in the templates' wording (a criterion's points). */
  readonly label?: string;
  /** Intermediate factors, shown at the right for transparency. */
  readonly working?: boolean;
  /** What the charts show, right of the working factors: per year when `perYear` holds (unit `perYearUnit`). */
  readonly chart?: { readonly label: string; readonly perYearUnit: UnitKey };
}

/** References inside the results table: a column in the same row, or a whole column. */
export interface RowRefs {
  col(key: string): string;
  all(key: string): string;
}

/**
 * The working factors over a row's `years` (engine pvFactor / endOfPeriodFactor), in this order: a PV
 * factor per escalating cost (column key → its escalation parameter), the annuity factor, the end-of-period factor.
 */
export function discountFactorColumns<C extends RowRefs & Pick<Refs, "name" | "param">>(
  years: (c: C) => string,
  escalations: Readonly<Record<string, ParameterKey>>,
): ResultColumn<C>[] {
  const working = (key: string, formula: (c: C) => string): ResultColumn<C> => ({ key, unit: "factor", working: true, formula });
  return [
    ...Object.entries(escalations).map(([key, escalation]) =>
      working(key, (c) => pvFactor(c, c.param("discountRate"), c.param(escalation), years(c))),
    ),
    working("annuityFactor", (c) => pvFactor(c, c.param("discountRate"), null, years(c))),
    working("endOfPeriodFactor", (c) => endOfPeriodFactor(c.param("discountRate"), years(c))),
  ];
}

export interface SummaryRow {
  readonly key: string;
  readonly cell: PlanCell;
  readonly unit: UnitKey;
  /** Workbook name of the value cell, when formulas use it. */
  readonly name?: string;
  /** Instead of the unit's format. */
  readonly numberFormat?: string;
}

/** The award summary: text formulas, "" when there is nothing to say. */
export interface Headline {
  readonly winner: string;
  readonly margin: string;
  readonly sentence: string;
  readonly warning: string;
}

export interface ChartSpec {
  readonly titleKey: TemplateKey;
  /** The title when the figures are per year (`perYear` holds). */
  readonly perYearTitleKey?: TemplateKey;
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
  /** Longest category text (offer name) filled in, so the first column shows it whole. */
  readonly longestCategory: number;
  /** A formula that is TRUE when input row i is blank. */
  readonly isBlank: (i: number) => string;
  readonly context: (i: number, rows: RowRefs) => C;
  readonly summary: (all: RowRefs["all"]) => readonly SummaryRow[];
  readonly headline: (all: RowRefs["all"]) => Headline;
  readonly categoryKey: string;
  readonly charts: readonly ChartSpec[];
  /** A formula TRUE when the offers are compared per year (chart data and titles follow it). */
  readonly perYear?: string;
  /** Whether it holds for the inputs written now (the chart titles' cached text). */
  readonly perYearNow?: boolean;
  /** Printed pages of result columns, left to right, each after the category column (none: one page). */
  readonly pages?: readonly (readonly string[])[];
}

/** The category column again at the start of the second printed page. */
export const REPEAT_PREFIX = "repeat.";

const HEADLINE_KEYS = ["winner", "margin", "sentence", "warning"] as const;
const CHART_ROWS = 16;
/** Minimum widths by unit, in characters: room for the figures (12 for 1,234,567.89). */
const MIN_WIDTH: Partial<Record<UnitKey, number>> = {
  currency: 12,
  currencyPerYear: 12,
  kg: 11,
  kgPerYear: 10,
  share: 8,
  points: 8,
  rank: 6,
  years: 7,
  factor: 10,
  kWhPerYear: 10,
};

export function resultsSheet<C>(spec: ResultsSpec<C>): { draft: SheetDraft; layout: ResultsLayout; charts: ChartPlan[] } {
  const { lang, currency } = spec;
  const d = new SheetDraft("results", spec.sheetName, lang);
  d.protect = true;
  const applies = (c: ResultColumn<C>) => !c.kinds || c.kinds.includes(spec.kind);
  const main = spec.columns.filter((c) => !c.working && !c.chart && applies(c));
  const category = main.find((c) => c.key === spec.categoryKey)!;
  const paged = (spec.pages ?? []).map((keys, p) => [
    p === 0 ? category : { ...category, key: `${REPEAT_PREFIX}${p + 1}` },
    ...keys.flatMap((k) => main.filter((c) => c.key === k)),
  ]);
  const unpaged = main.filter((c) => !paged.flat().includes(c));
  if (paged.length) paged[paged.length - 1].push(...unpaged);
  const printed: ResultColumn<C>[] = paged.length ? paged.flat() : main;
  const pageStarts = paged.map((_, p) => paged.slice(0, p).reduce((a, g) => a + g.length, 0));
  const isCategory = (c: ResultColumn<C>) => c === category || c.key.startsWith(REPEAT_PREFIX);
  const working = spec.columns.filter((c) => c.working && applies(c));
  const chartData = spec.columns.filter((c) => c.chart && applies(c));
  const columns = [...printed, ...working, ...chartData];
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const colOf = (key: string): number => {
    const i = index.get(key);
    if (i === undefined) throw new Error(`no result column ${key}`);
    return i;
  };
  const summaryRows = spec.summary(() => "").length;
  const SUMMARY_ROW = 2 + HEADLINE_KEYS.length + 1;
  // Paged: a chart on top of each page after the first, beside the summary; else charts below it.
  const CHART_ROW = paged.length > 1 ? 1 : SUMMARY_ROW + summaryRows + 1;
  const HEADER_ROW = Math.max(SUMMARY_ROW + summaryRows, CHART_ROW + CHART_ROWS) + 1;
  const first = HEADER_ROW + 1;
  const n = spec.rowCount;
  const all = (key: string) => absolute(rangeAddress(colOf(key), first, 1, Math.max(n, 1)));

  // Widths: each header's longest word fits; the first column shows the longest offer name.
  const headers = columns.map((c): PlanCell => {
    const label = c.chart ? c.chart.label : (c.label ?? tBuilt(lang, `result.${isCategory(c) ? category.key : c.key}`));
    const unit = (u: UnitKey) => unitLabel(lang, u, currency);
    if (c.chart && spec.perYear)
      return formula(
        `IF(${spec.perYear},${str(headerWithUnit(label, unit(c.chart.perYearUnit)))},${str(headerWithUnit(label, unit(c.unit)))})`,
      );
    return headerWithUnit(label, unit(c.unit));
  });
  const headerText = (i: number): string => {
    const h = headers[i];
    return typeof h === "string" ? h : ((h as { formula: string }).formula.match(/"([^"]*)"\)$/)?.[1] ?? "");
  };
  d.columnWidths = columns.map((c, i) =>
    isCategory(c)
      ? Math.min(48, Math.max(28, Math.ceil(spec.longestCategory * 1.05) + 2))
      : headerWidth(headerText(i), MIN_WIDTH[c.unit] ?? 10),
  );

  d.write(0, 0, [[t(lang, `title.${spec.kind}`)], [`${t(lang, "results.templateVersion")} ${TEMPLATE_VERSION}`]]);
  d.style(0, 0, 1, 1, { role: "title" });
  d.style(0, 1, 1, 1, { role: "hint" });

  // The award summary, across the first printed page.
  const pageOne = paged.length > 1 ? paged[0].length : printed.length;
  const pageOneChars = d.columnWidths.slice(0, pageOne).reduce((a, b) => a + b, 0);
  const headline = spec.headline(all);
  const headlineRows: PlanCell[][] = [
    [t(lang, "summary.winner"), formula(headline.winner)],
    [t(lang, "summary.margin"), formula(headline.margin)],
    [formula(headline.sentence)],
    [formula(headline.warning)],
  ];
  headlineRows.forEach((cells, i) => d.write(0, 2 + i, [cells]));
  d.style(0, 2, 1, 2, { role: "label" });
  d.style(1, 2, 1, 2, { role: "summary" });
  d.merge(1, 2, pageOne - 1);
  d.merge(1, 3, pageOne - 1);
  d.merge(0, 4, pageOne);
  d.style(0, 4, 1, 1, { wrap: true });
  // Room for the sentence: about 260 characters in the longest language.
  d.rowHeight(4, rowPoints(wrappedLines("x".repeat(260), pageOneChars)));
  d.merge(0, 5, pageOne);
  d.style(0, 5, 1, 1, { role: "warning", wrap: true });
  d.rowHeight(5, rowPoints(wrappedLines(t(lang, "summary.noElectricityPrice"), pageOneChars, true)));

  const summary = spec.summary(all);
  summary.forEach((s, i) => {
    const row = SUMMARY_ROW + i;
    d.write(0, row, [[tBuilt(lang, `summary.${s.key}`), s.cell]]);
    d.style(1, row, 1, 1, { role: "formula", numberFormat: s.numberFormat ?? NUMBER_FORMATS[s.unit] });
    d.merge(1, row, Math.min(3, pageOne - 1));
    if (s.name) d.addName(s.name, 1, row);
  });

  if (working.length) {
    d.write(colOf(working[0].key), HEADER_ROW - 1, [[t(lang, "results.working")]]);
    d.style(colOf(working[0].key), HEADER_ROW - 1, 1, 1, { role: "section" });
  }
  if (chartData.length) {
    d.write(colOf(chartData[0].key), HEADER_ROW - 1, [[t(lang, "results.chartData")]]);
    d.style(colOf(chartData[0].key), HEADER_ROW - 1, 1, 1, { role: "section" });
  }
  d.write(0, HEADER_ROW, [headers]);
  d.style(0, HEADER_ROW, columns.length, 1, { role: "header", wrap: true });
  d.rowHeight(
    HEADER_ROW,
    headerRowPoints(
      columns.map((_, i) => headerText(i)),
      d.columnWidths,
    ),
  );
  d.freezeRows = first;

  const rows: PlanCell[][] = [];
  for (let i = 0; i < n; i++) {
    const r = first + i + 1;
    const refs: RowRefs = { col: (key) => `$${columnLetter(colOf(key))}${r}`, all };
    const c = spec.context(i, refs);
    rows.push(columns.map((col) => formula(`IF(${spec.isBlank(i)},"",${col.formula(c)})`)));
  }
  d.write(0, first, rows);
  columns.forEach((c, i) =>
    d.style(i, first, 1, n, { role: "formula", numberFormat: NUMBER_FORMATS[c.unit], wrap: isCategory(c) || undefined }),
  );

  // Charts on top of the pages after the first, or side by side below the summary on one page.
  const slots: [number, number][] =
    paged.length > 1
      ? paged.slice(1).map((g, p) => [pageStarts[p + 1], pageStarts[p + 1] + g.length - 1])
      : [
          [0, Math.floor((printed.length + working.length) / 2) - 1],
          [Math.floor((printed.length + working.length) / 2), printed.length + working.length - 1],
        ];
  const charted = spec.filledRows > 0 ? Math.min(spec.filledRows, n) : n;
  const titleCol = chartData.length ? colOf(chartData[0].key) : undefined;
  const charts = spec.charts.map((chart, i): ChartPlan => {
    const from = colOf(chart.from);
    const to = colOf(chart.to);
    const perYear = chart.perYearTitleKey && spec.perYear && titleCol !== undefined;
    const title = t(lang, perYear && spec.perYearNow ? chart.perYearTitleKey! : chart.titleKey);
    let titleCell: string | undefined;
    if (perYear) {
      // The title follows the comparison: a cell the chart's title refers to.
      titleCell = cellAddress(titleCol, CHART_ROW + i);
      d.write(titleCol, CHART_ROW + i, [
        [formula(`IF(${spec.perYear},${str(t(lang, chart.perYearTitleKey!))},${str(t(lang, chart.titleKey))})`)],
      ]);
    }
    const [left, right] = slots[i];
    return {
      sheet: "results",
      title,
      titleCell,
      type: chart.type,
      data: rangeAddress(from, HEADER_ROW, to - from + 1, charted + 1),
      seriesCount: to - from + 1,
      categories: rangeAddress(colOf(spec.categoryKey), first, 1, charted),
      topLeft: cellAddress(left, CHART_ROW),
      bottomRight: cellAddress(right + 1, CHART_ROW + CHART_ROWS),
    };
  });

  // Print: through the last printed column (the circular template's few columns: through the working factors).
  const lastPrinted = paged.length > 1 ? printed.length : printed.length + working.length;
  const pixels = (from: number, count: number) => d.columnWidths.slice(from, from + count).reduce((a, w) => a + columnPixels(w), 0);
  d.print = {
    area: rangeAddress(0, 0, lastPrinted, first + Math.max(n, 1)),
    titleRows: `${HEADER_ROW + 1}:${HEADER_ROW + 1}`,
    ...(paged.length > 1 ? { scale: scaleToFit(Math.max(...paged.map((g, p) => pixels(pageStarts[p], g.length)))) } : { fitToWidth: 1 }),
    columnBreaks: pageStarts.slice(1),
    footer: { left: "", center: "", right: "" },
  };

  return {
    draft: d,
    charts,
    layout: {
      sheet: "results",
      firstRow: first + 1,
      rowCount: n,
      columns: columns.map((c, i) => ({ key: c.key, column: columnLetter(i) })),
      summary: [
        ...HEADLINE_KEYS.map((key, i) => ({ key, address: cellAddress(key === "winner" || key === "margin" ? 1 : 0, 2 + i) })),
        ...summary.map((s, i) => ({ key: s.key, address: cellAddress(1, SUMMARY_ROW + i) })),
      ],
    },
  };
}
