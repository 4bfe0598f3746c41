/**
 * The quality chart's data (CRITERIA.md §3.4): per ranked offer, the points of each award criterion and its
 * own quality points (other criteria, e.g. service), stacked; the total is the quality total, capped at the
 * tender's quality points. Pure, so the figures are tested apart from the drawing.
 */
import { tokens } from "@fluentui/react-components";
import type { Language } from "../../../i18n/core";
import type { CriteriaSettings } from "../../../model/criteria/settings";
import { CATALOGUE, type CriterionId } from "../../../model/criteria/catalogue";
import { criterionName } from "../../../model/criteria/text";
import type { RankedOffer } from "../../../model/explain";
import type { BarRow, Segment } from "./StackedBars";

const COLORS = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteGreenBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
  tokens.colorPaletteLavenderBorderActive,
  tokens.colorPaletteCranberryBorderActive,
  tokens.colorPalettePeachBorderActive,
  tokens.colorPaletteSteelBorderActive,
];

/** The award criteria of the tender, in catalogue order. */
export const awardCriteria = (settings: CriteriaSettings): CriterionId[] => {
  const award = new Set(settings.filter((s) => s.role === "award").map((s) => s.id));
  return CATALOGUE.filter((c) => award.has(c.id)).map((c) => c.id);
};

export function qualityBars(
  offers: readonly RankedOffer[],
  settings: CriteriaSettings,
  lang: Language,
  otherLabel: string,
): { segments: Segment[]; rows: BarRow[] } | undefined {
  const ids = awardCriteria(settings);
  if (!ids.length) return undefined;
  const other = offers.some((o) => o.result.qualityPoints > 0);
  const segments: Segment[] = [
    ...ids.map((id, i) => ({ label: criterionName(lang, id), color: COLORS[i % COLORS.length] })),
    ...(other ? [{ label: otherLabel, color: tokens.colorNeutralStroke1 }] : []),
  ];
  const rows = offers.map(({ name, result: r }) => ({
    name,
    values: [...ids.map((id) => r.criteria.find((c) => c.id === id)?.points ?? 0), ...(other ? [r.qualityPoints] : [])],
    total: r.qualityTotal,
  }));
  return { segments, rows };
}
