/** The ranking: rank, offer, the value compared (LCC or EAC), distance to the best, and MEAT points. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { RankBy } from "../../../model/uncertainty";
import type { RankedOffer } from "../../../model/explain";
import { useI18n } from "../i18n";
import { visuallyHidden } from "../styles";

const useStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      textAlign: "right",
      whiteSpace: "nowrap",
    },
    "& th:nth-child(2), & td:nth-child(2)": { textAlign: "left", whiteSpace: "normal" },
  },
  // A 10 000-character name wraps anywhere and shows three lines; the full name is in the tooltip.
  name: { overflowWrap: "anywhere", display: "-webkit-box", WebkitLineClamp: 3, WebkitBoxOrient: "vertical", overflow: "hidden", minWidth: "8em" },
  hidden: visuallyHidden,
  winner: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorPaletteGreenBackground1 },
});

export function RankingTable({ offers, comparesEac, rankBy, limit }: { offers: readonly RankedOffer[]; comparesEac: boolean; rankBy: RankBy; limit: number }) {
  const s = useStyles();
  const { t, money, number, percent } = useI18n();
  const meat = rankBy === "meat";
  return (
    <div className={s.scroll} role="region" aria-label={t("results.rankingTable")} tabIndex={0}>
      <table className={s.table} data-testid="ranking-table">
        <caption className={s.hidden}>{t("results.rankingTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("results.rank")}</th>
            <th scope="col">{t("results.offer")}</th>
            <th scope="col">{t(comparesEac ? "results.eac" : "results.lcc")}</th>
            <th scope="col">{t("results.difference")}</th>
            {meat && <th scope="col">{t("results.priceScore")}</th>}
            {meat && <th scope="col">{t("results.qualityScore")}</th>}
            {meat && <th scope="col">{t("results.meatTotal")}</th>}
          </tr>
        </thead>
        <tbody>
          {offers.slice(0, limit).map(({ name, result: r }, i) => (
            <tr key={i} className={i === 0 ? s.winner : undefined} data-testid={`ranking-row-${i + 1}`}>
              <td>{meat ? r.meatRank : r.rank}</td>
              <th scope="row" data-testid={`ranking-name-${i + 1}`}>
                <span className={s.name} title={name}>
                  {name}
                </span>
              </th>
              <td data-testid={`ranking-value-${i + 1}`}>{money(r.comparisonValue)}</td>
              <td>{r.differenceToBest === 0 ? "–" : `+${money(r.differenceToBest)} (${percent(r.differenceToBestShare, 1)})`}</td>
              {meat && <td>{number(r.priceScore)}</td>}
              {meat && <td>{number(r.qualityPoints)}</td>}
              {meat && <td data-testid={`ranking-meat-${i + 1}`}>{number(r.meatScore)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
