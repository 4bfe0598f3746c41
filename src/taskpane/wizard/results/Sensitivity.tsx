/**
 * How robust the ranking is: the winner's margin over the runner-up when one input moves across its stated
 * range (tornado), the value of each input at which the two would swap (break-even), and the share of
 * 10 000 Monte Carlo draws in which each offer ranks first.
 */
import { Body1Strong, Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { RankingProbability } from "../../../engine/sensitivity";
import type { Language } from "../../../i18n/core";
import { type Bid, type ComparisonKind } from "../../../model/bid";
import { type Parameters } from "../../../model/parameters";
import { numberText, percentText } from "../../../model/entries";
import {
  type BreakEven,
  PERCENT_RANGES,
  RANGE_KEYS,
  type RangeKey,
  marginAnalysis,
  monteCarloOrder,
  rangeBase,
  readRanges,
} from "../../../model/sensitivityView";
import { type RankBy, SHARED_INPUTS, type SharedInput, comparisonPricing, defaultRanges } from "../../../model/uncertainty";
import { TextField, useFieldStyles, withUnit } from "../fields";
import { useI18n } from "../i18n";
import { DRAWS, SEED } from "../monteCarloJob";
import { runMonteCarlo } from "../montecarlo";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  bar: { width: "100%", height: "14px", display: "block" },
  // The tornado's shared axis: the same half-width (scale) as every bar, zero in the middle.
  axis: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, marginLeft: "1.2em", fontSize: tokens.fontSizeBase200 },
  ticks: {
    display: "grid",
    gridTemplateColumns: "1fr auto 1fr",
    gap: tokens.spacingHorizontalS,
    fontVariantNumeric: "tabular-nums",
    "& > :last-child": { textAlign: "right" },
  },
  legend: {
    margin: 0,
    paddingLeft: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
  },
  key: { display: "inline-block", width: "1.6em", height: "10px", marginRight: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  list: {
    margin: 0,
    paddingLeft: "1.2em",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
  progress: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

const UNITS: Record<RangeKey, "EUR/kWh" | "years" | ""> = {
  discountRate: "",
  electricityPricePerKWh: "EUR/kWh",
  serviceLifeShiftYears: "years",
  energyUseShare: "",
};
const text = (key: RangeKey, n: number, lang: Language) => (PERCENT_RANGES.has(key) ? percentText(n, lang) : numberText(n, lang));

export function Sensitivity(props: {
  parameters: Parameters;
  bids: readonly Bid[];
  names: readonly string[];
  kind: ComparisonKind;
  rankBy: RankBy;
  /** Offers are compared on equivalent annual cost: the lead is money per year. */
  perYear: boolean;
  onMonteCarlo(result: RankingProbability | null): void;
}) {
  const s = useStyles();
  const f = useFieldStyles();
  const i18n = useI18n();
  const { t, lang, money, number, percent } = i18n;
  const p = props.parameters;
  const [entries, setEntries] = useState<Record<string, string>>(() => {
    const r = defaultRanges(p);
    return Object.fromEntries(
      RANGE_KEYS.flatMap((k) => [
        [`${k}.low`, text(k, r[k].low, lang)],
        [`${k}.high`, text(k, r[k].high, lang)],
      ]),
    );
  });
  const [mc, setMc] = useState<{ key: string; result: RankingProbability } | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState(0);
  const cancel = useRef<AbortController | null>(null);
  useEffect(() => () => cancel.current?.abort(), []);

  const { ranges, errors } = useMemo(() => {
    const { ranges, invalid } = readRanges(entries, p);
    const errors: Record<string, string> = Object.fromEntries(
      invalid.map((k) => [k, t("sensitivity.rangeError", { base: text(k, rangeBase(k, p), lang) })]),
    );
    return { ranges, errors };
  }, [entries, p, t, lang]);
  const ok = Object.keys(errors).length === 0;

  const pricing = useMemo(
    () => (ok ? comparisonPricing(p, props.bids, props.kind, props.rankBy, ranges) : null),
    [ok, p, props.bids, props.kind, props.rankBy, ranges],
  );
  const jobKey = JSON.stringify([ranges, props.rankBy, props.bids.length]);

  const analysis = useMemo(() => (pricing ? marginAnalysis(pricing, p) : null), [pricing, p]);

  // A result for other ranges or another ranking no longer speaks for this one.
  const { onMonteCarlo } = props;
  const stale = mc !== null && mc.key !== jobKey;
  useEffect(() => {
    if (stale) onMonteCarlo(null);
  }, [stale, onMonteCarlo]);

  const run = async () => {
    const controller = new AbortController();
    cancel.current = controller;
    setRunning(true);
    setProgress(0);
    try {
      const job = { parameters: p, bids: props.bids, kind: props.kind, rankBy: props.rankBy, ranges, draws: DRAWS, seed: SEED };
      const result = await runMonteCarlo(job, setProgress, controller.signal);
      setMc({ key: jobKey, result });
      props.onMonteCarlo(result);
    } catch (e) {
      if (!controller.signal.aborted) throw e;
    } finally {
      cancel.current = null;
      setRunning(false);
    }
  };

  const meat = props.rankBy === "meat";
  const marginText = (m: number) => (meat ? t("sensitivity.points", { n: number(m) }) : money(m));
  const axisUnit = t(meat ? "sensitivity.unitPoints" : props.perYear ? "sensitivity.unitMoneyPerYear" : "sensitivity.unitMoney");
  const label = (key: RangeKey) => t(`sensitivity.input.${key}`);
  /** The label inside a sentence: "when the electricity price is …". */
  const inline = (key: RangeKey) => label(key).charAt(0).toLocaleLowerCase(i18n.locale) + label(key).slice(1);
  const valueText = (key: SharedInput, x: number) =>
    key === "discountRate"
      ? percent(x, 2)
      : key === "electricityPricePerKWh"
        ? `${number(x, 4)} ${t("unit.EUR/kWh")}`
        : t("sensitivity.years", { n: (x >= 0 ? "+" : "") + number(x, 1) });
  const current = mc && mc.key === jobKey ? mc.result : null;
  /** Under MEAT a tie of the total scores is where the award decision flips; a step is never a break-even. */
  const breakEvenText = (b: BreakEven, names: { winner: string; runnerUp: string; input: string }) => {
    const range = { lo: valueText(b.key, b.lo), hi: valueText(b.key, b.hi) };
    const step = b.step === null ? "" : ` ${t("sensitivity.step", { value: valueText(b.key, b.step) })}`;
    if (b.value !== null)
      return t(meat ? "sensitivity.breakEvenMeat" : "sensitivity.breakEven", { ...names, value: valueText(b.key, b.value) }) + step;
    if (b.step !== null) return t(meat ? "sensitivity.noTieMeat" : "sensitivity.noTie", { ...names, ...range }) + step;
    return t(meat ? "sensitivity.noBreakEvenMeat" : "sensitivity.noBreakEven", { ...names, ...range });
  };

  return (
    <section className={s.stack} aria-labelledby="sensitivity-heading" data-testid="sensitivity">
      <Body1Strong as="h3" block id="sensitivity-heading" className={s.heading}>
        {t("sensitivity.title")}
      </Body1Strong>
      <Text>{t("sensitivity.intro")}</Text>
      <div className={f.grid}>
        {RANGE_KEYS.flatMap((k) =>
          (["low", "high"] as const).map((end) => (
            <TextField
              key={`${k}.${end}`}
              label={withUnit(t(`sensitivity.${end}`, { input: label(k) }), UNITS[k] ? t(`unit.${UNITS[k]}`) : undefined)}
              value={entries[`${k}.${end}`]}
              onChange={(v) => setEntries({ ...entries, [`${k}.${end}`]: v })}
              numeric
              error={end === "high" ? errors[k] : undefined}
              testId={`range-${k}-${end}`}
            />
          )),
        )}
      </div>
      {analysis && (
        <>
          <Body1Strong as="h4" block className={s.heading}>
            {t("sensitivity.tornadoTitle", { winner: props.names[analysis.winner], runnerUp: props.names[analysis.runnerUp] })}
          </Body1Strong>
          <ul className={s.list} data-testid="tornado">
            {analysis.bars.map((bar) => {
              const key = SHARED_INPUTS[bar.index];
              const flips = bar.atLow < 0 || bar.atHigh < 0;
              const u = analysis.shared[bar.index];
              return (
                <li key={key} data-testid={`tornado-${key}`}>
                  {t(flips ? "sensitivity.tornadoFlips" : "sensitivity.tornadoHolds", {
                    input: label(key),
                    low: valueText(key, u.low),
                    high: valueText(key, u.high),
                    atLow: marginText(bar.atLow),
                    atHigh: marginText(bar.atHigh),
                  })}
                  <TornadoBar atLow={bar.atLow} atHigh={bar.atHigh} base={analysis.base} scale={analysis.scale} className={s.bar} />
                </li>
              );
            })}
          </ul>
          <TornadoAxis
            scale={analysis.scale}
            unit={axisUnit}
            winner={props.names[analysis.winner]}
            runnerUp={props.names[analysis.runnerUp]}
            format={marginText}
          />
          <Body1Strong as="h4" block className={s.heading}>
            {t("sensitivity.breakEvenTitle")}
          </Body1Strong>
          <ul className={s.list} data-testid="break-even">
            {analysis.breakEven.map((b) => (
              <li key={b.key} data-testid={`break-even-${b.key}`}>
                {breakEvenText(b, { winner: props.names[analysis.winner], runnerUp: props.names[analysis.runnerUp], input: inline(b.key) })}
              </li>
            ))}
          </ul>
        </>
      )}
      <Body1Strong as="h4" block className={s.heading}>
        {t("sensitivity.monteCarloTitle")}
      </Body1Strong>
      <Text>{t("sensitivity.monteCarloIntro", { draws: number(DRAWS, 0), seed: SEED })}</Text>
      <div>
        <Button onClick={run} disabled={!ok || running} data-testid="mc-run">
          {t("sensitivity.monteCarloRun", { draws: number(DRAWS, 0) })}
        </Button>
      </div>
      {running && (
        <div className={s.progress} data-testid="mc-progress">
          <Spinner size="tiny" label={t("sensitivity.monteCarloProgress", { done: number(progress, 0), draws: number(DRAWS, 0) })} />
          <Button onClick={() => cancel.current?.abort()} data-testid="mc-cancel">
            {t("sensitivity.monteCarloCancel")}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {current && (
          <ul className={s.list} data-testid="mc-result">
            {monteCarloOrder(current)
              .slice(0, 10)
              .map((i) => (
                <li key={i} data-testid={`mc-share-${i}`}>
                  {t("sensitivity.monteCarloShare", {
                    name: props.names[i],
                    share: percent(current.firstShare[i], 1),
                    rank: number(current.meanRank[i], 2),
                  })}
                </li>
              ))}
          </ul>
        )}
      </div>
      {!ok && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("sensitivity.fixRanges")}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** The margin across one input's range as a bar; the red line at zero is where the ranking would flip. */
function TornadoBar({
  atLow,
  atHigh,
  base,
  scale,
  className,
}: {
  atLow: number;
  atHigh: number;
  base: number;
  scale: number;
  className: string;
}) {
  const w = 1000;
  const x = (v: number) => w / 2 + (v / (scale || 1)) * (w / 2 - 4);
  const from = Math.min(atLow, atHigh);
  const to = Math.max(atLow, atHigh);
  return (
    <svg className={className} viewBox={`0 0 ${w} 14`} preserveAspectRatio="none" aria-hidden="true">
      <rect x={x(from)} width={Math.max(2, x(to) - x(from))} y={2} height={10} style={{ fill: tokens.colorBrandBackground }} />
      <line x1={x(base)} x2={x(base)} y1={0} y2={14} style={{ stroke: tokens.colorNeutralForeground1, strokeWidth: 4 }} />
      <line
        x1={x(0)}
        x2={x(0)}
        y1={0}
        y2={14}
        style={{ stroke: tokens.colorPaletteRedBorderActive, strokeWidth: 4, strokeDasharray: "3 2" }}
      />
    </svg>
  );
}

/** The tornado's scale (the lead from −scale to +scale, no lead in the middle) and what the marks mean. */
function TornadoAxis({
  scale,
  unit,
  winner,
  runnerUp,
  format,
}: {
  scale: number;
  unit: string;
  winner: string;
  runnerUp: string;
  format(n: number): string;
}) {
  const s = useStyles();
  const { t } = useI18n();
  return (
    <div className={s.axis} data-testid="tornado-axis">
      <div className={s.ticks} aria-hidden="true">
        <span>{format(-scale)}</span>
        <span>0</span>
        <span>{format(scale)}</span>
      </div>
      <Text size={200}>{t("sensitivity.axis", { winner, runnerUp, unit })}</Text>
      <ul className={s.legend} data-testid="tornado-legend">
        <li>
          <span className={s.key} style={{ backgroundColor: tokens.colorBrandBackground }} />
          {t("sensitivity.legendBar")}
        </li>
        <li>
          <span className={s.key} style={{ borderLeft: `4px solid ${tokens.colorNeutralForeground1}`, width: 0 }} />
          {t("sensitivity.legendBase")}
        </li>
        <li>
          <span className={s.key} style={{ borderLeft: `4px dashed ${tokens.colorPaletteRedBorderActive}`, width: 0 }} />
          {t("sensitivity.legendZero", { runnerUp })}
        </li>
      </ul>
    </div>
  );
}
