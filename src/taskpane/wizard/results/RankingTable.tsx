/** The ranking: rank, offer, the value compared (LCC or EAC), distance to the best, and MEAT points. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { RankBy } from "../../../model/uncertainty";
import type { RankedOffer } from "../../../model/explain";
import { useI18n } from "../i18n";
import { dataTable, tableScroll, visuallyHidden } from "../styles";

const useStyles = makeStyles({
  scroll: tableScroll,
  table: {
    ...dataTable("right", { whiteSpace: "nowrap" }),
    "& th:nth-child(2), & td:nth-child(2)": { textAlign: "left", whiteSpace: "normal" },
  },
  /**
   * Below 480 px (the pane at 320 px) each row becomes a card: the offer's name on top, then one line per
   * figure with its column name, so cost points, quality points and the total show without scrolling sideways.
   */
  cards: {
    "@media (max-width: 479.98px)": {
      "& thead": { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
      "& tr": {
        display: "flex",
        flexDirection: "column",
        padding: `${tokens.spacingVerticalS} 0`,
        borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      },
      "& th, & td": {
        display: "flex",
        justifyContent: "space-between",
        flexWrap: "wrap",
        gap: `0 ${tokens.spacingHorizontalS}`,
        textAlign: "left",
        whiteSpace: "normal",
        borderBottom: "none",
      },
      "& td::before": { content: "attr(data-label)", color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
      "& tbody th": { fontSize: tokens.fontSizeBase300, order: -1 },
    },
  },
  // A 10 000-character name wraps anywhere and shows three lines; the full name is in the tooltip.
  name: {
    overflowWrap: "anywhere",
    display: "-webkit-box",
    WebkitLineClamp: 3,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    minWidth: "8em",
  },
  hidden: visuallyHidden,
  winner: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorPaletteGreenBackground1 },
});

export function RankingTable({
  offers,
  comparesEac,
  rankBy,
  limit,
}: {
  offers: readonly RankedOffer[];
  comparesEac: boolean;
  rankBy: RankBy;
  limit: number;
}) {
  const s = useStyles();
  const { t, money, number, percent } = useI18n();
  const meat = rankBy === "meat";
  const headers = {
    rank: t("results.rank"),
    value: t(comparesEac ? "results.eac" : "results.lcc"),
    difference: t("results.difference"),
    price: t("results.priceScore"),
    quality: t("results.qualityScore"),
    total: t("results.meatTotal"),
  };
  return (
    <div className={s.scroll} role="region" aria-label={t("results.rankingTable")} tabIndex={0}>
      <table className={`${s.table} ${s.cards}`} data-testid="ranking-table">
        <caption className={s.hidden}>{t("results.rankingTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{headers.rank}</th>
            <th scope="col">{t("results.offer")}</th>
            <th scope="col">{headers.value}</th>
            <th scope="col">{headers.difference}</th>
            {meat && <th scope="col">{headers.price}</th>}
            {meat && <th scope="col">{headers.quality}</th>}
            {meat && <th scope="col">{headers.total}</th>}
          </tr>
        </thead>
        <tbody>
          {offers.slice(0, limit).map(({ name, result: r }, i) => (
            <tr key={i} className={i === 0 ? s.winner : undefined} data-testid={`ranking-row-${i + 1}`}>
              <td data-label={headers.rank}>{meat ? r.meatRank : r.rank}</td>
              <th scope="row" data-testid={`ranking-name-${i + 1}`}>
                <span className={s.name} title={name}>
                  {name}
                </span>
              </th>
              <td data-label={headers.value} data-testid={`ranking-value-${i + 1}`}>
                {money(r.comparisonValue)}
              </td>
              <td data-label={headers.difference}>
                {r.differenceToBest === 0 ? "–" : `+${money(r.differenceToBest)} (${percent(r.differenceToBestShare, 1)})`}
              </td>
              {meat && (
                <td data-label={headers.price} data-testid={`ranking-price-${i + 1}`}>
                  {number(r.priceScore)}
                </td>
              )}
              {meat && (
                <td data-label={headers.quality} data-testid={`ranking-quality-${i + 1}`}>
                  {number(r.qualityTotal)}
                </td>
              )}
              {meat && (
                <td data-label={headers.total} data-testid={`ranking-meat-${i + 1}`}>
                  {number(r.meatScore)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
