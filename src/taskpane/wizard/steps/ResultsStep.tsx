/** Step 4: ranking, winner's margin, charts, EAC note, sensitivity and the explanation for the award report. */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Suspense, lazy, useMemo, useRef, useState } from "react";
import type { RankingProbability } from "../../../engine/sensitivity";
import { type ProductGroup, kindOf } from "../../../model/bid";
import type { RankBy } from "../../../model/uncertainty";
import type { Evaluation } from "../evaluation";
import type { BidResult } from "../../../model/evaluate";
import { offerName } from "../evaluation";
import { explainRanking, ranked, serviceLives } from "../../../model/explain";
import { explainNotRanked, notRankedText } from "../explainCompliance";
import { rankedView } from "../../../model/evaluate";
import { type WizardKey, useI18n } from "../i18n";
import { stepLayout } from "../styles";
import { CircularResults } from "../results/CircularResults";
import { RankingTable } from "../results/RankingTable";
import { offerFieldLabel } from "./CriteriaAnswers";
import { Sensitivity } from "../results/Sensitivity";
import type { StepId } from "../state";
import type { Entries } from "../../../model/entries";
import type { ParameterSet } from "../../../model/parameterSet";
import { FrameworkSummary, frameworkNote } from "../framework/FrameworkPanel";

const Charts = lazy(() => import("../charts/Charts"));

const useStyles = makeStyles({
  ...stepLayout,
  winner: { fontSize: tokens.fontSizeBase400 },
  // At 320 px the two choices go under each other instead of squeezing their labels into narrow columns.
  rankBy: { flexWrap: "wrap" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  name: { overflowWrap: "anywhere" },
  offList: { listStyleType: "none", margin: `${tokens.spacingVerticalXS} 0 0`, padding: 0 },
  offItem: {
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  reason: { color: tokens.colorPaletteRedForeground1 },
});

const TABLE_ROWS = 50;

/**
 * Offers that fail a requirement: who, their figure, and every reason they are not ranked (no rank, no
 * score). A list rather than a table, so the reasons wrap at 320 px instead of scrolling sideways.
 */
function NotRankedList({ offers, comparesEac }: { offers: readonly { name: string; result: BidResult }[]; comparesEac: boolean }) {
  const s = useStyles();
  const i18n = useI18n();
  const { t, money } = i18n;
  return (
    <section aria-labelledby="not-ranked-caption">
      <Text weight="semibold" block id="not-ranked-caption">
        {t("results.notRankedTable")}
      </Text>
      <ul data-testid="not-ranked-table" className={s.offList}>
        {offers.map(({ name, result: r }, i) => (
          <li key={i} data-testid={`not-ranked-row-${i + 1}`} className={s.offItem}>
            <Text weight="semibold" block className={s.name} data-testid={`not-ranked-name-${i + 1}`}>
              {name}
            </Text>
            <Text block size={200}>
              {t(comparesEac ? "results.eac" : "results.lcc")} {money(r.comparisonValue)}
            </Text>
            <Text block className={s.reason} data-testid={`not-ranked-reason-${i + 1}`}>
              {notRankedText(i18n, r)}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ResultsStep({
  group,
  evaluation,
  onGoTo,
  framework,
}: {
  group: ProductGroup;
  evaluation: Evaluation;
  onGoTo(step: StepId): void;
  /** The framework agreement's set adopted, and the Parameters entries to compare with it. */
  framework?: { set: ParameterSet; entries: Entries; miniCompetition?: boolean };
}) {
  const s = useStyles();
  const i18n = useI18n();
  const { t, money, percent, number } = i18n;
  // The quality total: the offers' quality points and the criteria's (CRITERIA.md §3.4).
  const hasQuality =
    evaluation.compared.some((o) => o.bid.qualityPoints > 0) ||
    evaluation.parameters.value.criteria.some((c) => c.role === "award" && (c.points ?? 0) > 0);
  const [rankBy, setRankBy] = useState<RankBy>(hasQuality ? "meat" : "lcc");
  const [rows, setRows] = useState(TABLE_ROWS);
  const [monteCarlo, setMonteCarlo] = useState<RankingProbability | null>(null);
  const [copied, setCopied] = useState<"copied" | "select" | null>(null);
  const explanationText = useRef<HTMLTextAreaElement>(null);
  const names = useMemo(() => evaluation.compared.map((o) => offerName(o.offer.entries, o.index, t)), [evaluation.compared, t]);
  const bids = useMemo(() => evaluation.compared.map((o) => o.bid), [evaluation.compared]);

  const goTo = (step: StepId, key: WizardKey) => (
    <Button onClick={() => onGoTo(step)} data-testid={`results-goto-${step}`}>
      {t(key)}
    </Button>
  );
  if (!evaluation.parametersOk)
    return (
      <MessageBar intent="warning" data-testid="results-blocked">
        <MessageBarBody>
          {t("results.fixParameters")} {goTo("parameters", "results.goParameters")}
        </MessageBarBody>
      </MessageBar>
    );

  if (group === "circular") {
    return evaluation.scenarios ? (
      <CircularResults scenarios={evaluation.scenarios} />
    ) : (
      <MessageBar intent="warning" data-testid="results-blocked">
        <MessageBarBody>
          {t("results.fixOptions")} {goTo("bids", "results.goOptions")}
        </MessageBarBody>
      </MessageBar>
    );
  }

  const excluded = evaluation.offers.filter((o) => !o.bid);
  const excludedNote = excluded.length > 0 && (
    <MessageBar intent="warning" layout="multiline" data-testid="results-excluded">
      <MessageBarBody>
        {i18n.plural("results.excluded", excluded.length)}
        <ul>
          {excluded.slice(0, 10).map((o) => {
            const [key] = Object.keys(o.errors);
            return (
              <li key={o.offer.id}>
                {t("results.excludedOffer", {
                  name: offerName(o.offer.entries, o.index, t),
                  reason: i18n.error(o.errors[key], offerFieldLabel(i18n, key)),
                })}
              </li>
            );
          })}
        </ul>
        {goTo("bids", "results.goOffers")}
      </MessageBarBody>
    </MessageBar>
  );
  const result = evaluation.result;
  if (!result)
    return (
      <div className={s.stack}>
        {excludedNote}
        <MessageBar intent="info" data-testid="results-blocked">
          <MessageBarBody>
            {t("results.noOffers")} {goTo("bids", "results.goOffers")}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  if (!result.ok)
    return (
      <MessageBar intent="error" data-testid="results-error">
        <MessageBarBody>{t("results.cannotScore", { reason: i18n.error(result.error, result.error.argument) })}</MessageBarBody>
      </MessageBar>
    );

  // §12.4: only offers that meet every requirement are ranked and scored; the others are listed with their reasons.
  const comparison = rankedView(result.value);
  const rankedNames = comparison.indices.map((i) => names[i]);
  const rankedBids = comparison.indices.map((i) => bids[i]);
  const notRanked = result.value.bids.flatMap((r, i) => (r.compliant ? [] : [{ name: names[i], result: r }]));
  // Compliance first (CRITERIA.md §3.4): who is out and why, before any ranking; "all meet them" when the tender sets requirements.
  const p0 = evaluation.parameters.value;
  const requirements = p0.criteria.some((c) => c.role === "requirement") || p0.requiredWarrantyYears > 0 || p0.requiredSparePartsYears > 0;
  const notRankedNote =
    notRanked.length > 0 ? (
      <section className={s.stack} data-testid="not-ranked" aria-labelledby="compliance-heading">
        <Subtitle2 as="h3" block className={s.heading} id="compliance-heading">
          {t("results.compliance")}
        </Subtitle2>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{i18n.plural("results.notRanked", notRanked.length)}</MessageBarBody>
        </MessageBar>
        <NotRankedList offers={notRanked} comparesEac={result.value.comparesEac} />
      </section>
    ) : (
      requirements && (
        <section className={s.stack} data-testid="all-compliant" aria-labelledby="compliance-heading">
          <Subtitle2 as="h3" block className={s.heading} id="compliance-heading">
            {t("results.compliance")}
          </Subtitle2>
          <MessageBar intent="success">
            <MessageBarBody>{t("results.allCompliant")}</MessageBarBody>
          </MessageBar>
        </section>
      )
    );
  if (comparison.indices.length === 0)
    return (
      <div className={s.stack}>
        {excludedNote}
        <MessageBar intent="info" data-testid="results-none-compliant">
          <MessageBarBody>{t("results.noneCompliant")}</MessageBarBody>
        </MessageBar>
        {notRankedNote}
      </div>
    );
  const order = ranked(rankedNames, comparison.result, rankBy);
  const [winner, runnerUp] = order;
  const p = evaluation.parameters.value;
  // The ranked offers are explained by what decided their order; the others by the requirement they fail.
  const explanation = [
    explainRanking(i18n, {
      parameters: p,
      comparison: comparison.result,
      order,
      rankBy,
      firstShare: monteCarlo ? monteCarlo.firstShare[comparison.result.bids.indexOf(winner.result)] : undefined,
      framework:
        framework && frameworkNote(i18n, framework.set, framework.entries, framework.miniCompetition ? bids.map((b) => b.supplier) : []),
    }),
    explainNotRanked(i18n, notRanked),
  ]
    .filter(Boolean)
    .join(" ");
  const marginMoney = runnerUp ? runnerUp.result.comparisonValue - winner.result.comparisonValue : 0;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(explanation);
      setCopied("copied");
    } catch {
      // Some Office webviews refuse the clipboard API: select the text for Ctrl+C instead.
      explanationText.current?.select();
      setCopied("select");
    }
  };

  return (
    <div className={s.stack}>
      {excludedNote}
      {notRankedNote}
      <RadioGroup
        layout="horizontal"
        className={s.rankBy}
        value={rankBy}
        onChange={(_, d) => setRankBy(d.value as RankBy)}
        aria-label={t("results.rankBy")}
      >
        <Radio value="lcc" label={t(comparison.result.comparesEac ? "results.rankByEac" : "results.rankByLcc")} data-testid="rank-by-lcc" />
        <Radio value="meat" label={t("results.rankByMeat")} data-testid="rank-by-meat" />
      </RadioGroup>
      <Text className={s.winner} data-testid="winner-summary" aria-live="polite">
        {!runnerUp
          ? t("results.single", { winner: winner.name, value: money(winner.result.comparisonValue) })
          : rankBy === "meat"
            ? t("results.winnerMeat", {
                winner: winner.name,
                total: number(winner.result.meatScore),
                margin: number(winner.result.meatScore - runnerUp.result.meatScore),
                runnerUp: runnerUp.name,
              })
            : t(comparison.result.comparesEac ? "results.winnerEac" : "results.winnerLcc", {
                winner: winner.name,
                value: money(winner.result.comparisonValue),
                margin: money(marginMoney),
                // One definition everywhere: the gap relative to the best offer's value, as in the table.
                share: percent(runnerUp.result.differenceToBestShare, 1),
                runnerUp: runnerUp.name,
              })}
      </Text>
      {comparison.result.comparesEac && (
        <MessageBar intent="info" layout="multiline" data-testid="eac-note">
          <MessageBarBody>
            {t("results.eacNote", {
              lives: new Intl.ListFormat(i18n.locale, { type: "conjunction" }).format(serviceLives(comparison.result).map(i18n.short)),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {p.includeExternalities && (
        <MessageBar intent="info" layout="multiline" data-testid="co2-note">
          <MessageBarBody>{t("results.co2Note", { price: money(p.co2PricePerTonne) })}</MessageBarBody>
        </MessageBar>
      )}
      {framework && <FrameworkSummary set={framework.set} entries={framework.entries} />}
      <RankingTable offers={order} comparesEac={comparison.result.comparesEac} rankBy={rankBy} limit={rows} />
      {order.length > rows && (
        <Button onClick={() => setRows(order.length)} data-testid="ranking-all">
          {t("results.showAll", { n: order.length })}
        </Button>
      )}
      <Subtitle2 as="h3" block className={s.heading}>
        {t("results.chartsTitle")}
      </Subtitle2>
      <Suspense fallback={<Spinner size="tiny" label={t("common.working")} />}>
        <Charts
          offers={[...order, ...notRanked]}
          includeExternalities={p.includeExternalities}
          perYear={comparison.result.comparesEac}
          quality={{ offers: order, criteria: p.criteria }}
        />
      </Suspense>
      {order.length > 1 && (
        <Sensitivity
          key={`${p.discountRate}|${p.electricityPricePerKWh}`}
          parameters={p}
          bids={rankedBids}
          names={rankedNames}
          kind={kindOf(group)}
          rankBy={rankBy}
          perYear={comparison.result.comparesEac}
          onMonteCarlo={setMonteCarlo}
        />
      )}
      <Field label={t("results.explanation")} hint={t("results.explanationHint")}>
        <Textarea ref={explanationText} value={explanation} readOnly resize="vertical" rows={8} data-testid="explanation-text" />
      </Field>
      <div className={s.row}>
        <Button onClick={copy} data-testid="explanation-copy">
          {t("results.copy")}
        </Button>
        <span aria-live="polite">{copied && t(copied === "copied" ? "results.copied" : "results.pressCtrlC")}</span>
      </div>
    </div>
  );
}
