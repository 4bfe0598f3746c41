/**
 * The tender annex (issue 10, section 1): what the procurement documents must announce before any offer
 * is opened (Directive 2014/24/EU art. 67–68; Belgian law of 17 June 2016, art. 81–82) — the award
 * criteria with their weighting and the LCC scoring formula, the LCC method with its parameters, the
 * technical specifications, the contract clauses and the data every tenderer supplies.
 *
 * A pure builder: Parameters (and, when another part of the product has them, commitments and criteria)
 * in, a small structured document out, in one language. Every number in it comes from the settings or from
 * the engine's own constants, written by numberText / percentText; the wording is in
 * src/i18n/<lang>/tender.json. The .docx writer (src/templates/docx/annexDocx.ts) and the Tender text sheet
 * (src/templates/tenderSheet.ts) render this structure; neither adds text of its own.
 */
import { ESCALATION_SHIFT, TIMING_SHIFT } from "../../engine/discounting";
import { WEEKS_PER_YEAR } from "../../engine/energy";
import { type ResidualValueRule, residualValue } from "../../engine/residualValue";
import { type Language, type PluralKeyOf, type TenderKey, type Values, LANGUAGES, lookupPlural, sectionOf, translate } from "../../i18n";
import { type BidField, type ComparisonKind, type FieldUnit, bidFields } from "../bid";
import { percentText } from "../entries";
import { numberText } from "../numbers";
import { COUNTRY_PRESETS, PARAMETER_FIELDS, type ParameterField, type Parameters } from "../parameters";
import { criteriaTextBuilt } from "../../i18n/criteria";
import { CATALOGUE } from "../criteria/catalogue";
import { criterionName } from "../criteria/text";

// ---- the structure

export type AnnexBlock =
  | { readonly kind: "heading"; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  /** A formula on a line of its own. */
  | { readonly kind: "formula"; readonly text: string }
  | { readonly kind: "bullets"; readonly items: readonly string[] }
  | { readonly kind: "table"; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface TenderAnnex {
  readonly language: Language;
  readonly group: ComparisonKind;
  readonly title: string;
  /** The object of the contract and, for a framework agreement, the parameter set and its version. */
  readonly subtitle: readonly string[];
  readonly blocks: readonly AnnexBlock[];
  /** Settings that must still be entered before the annex is published (keys of Parameters). */
  readonly missing: readonly string[];
}

/**
 * The circular commitments of LCC-METHOD §12. Each falls back to the Parameters field of the same name
 * once Parameters has it, then to 0 (no requirement, no cost) — so this reads today's Parameters and
 * tomorrow's alike.
 */
export interface AnnexCommitments {
  readonly requiredWarrantyYears?: number;
  readonly requiredSparePartsYears?: number;
  /** EUR per unit and year once no warranty covers the device. */
  readonly outOfWarrantyRepairPerYear?: number;
  /** EUR per unit, added to the end-of-life cost of an offer whose take-back lacks certified erasure. */
  readonly dataErasureCostPerUnit?: number;
  readonly residualValueRule?: ResidualValueRule;
}

/** A criterion of the tender as the criteria catalogue (CRITERIA.md) will hand it over: its name in the annex's language. */
export interface AnnexCriterion {
  readonly name: string;
  readonly role: "requirement" | "award";
  /** Requirement: the least acceptable answer (a number); absent for a yes/no requirement. */
  readonly threshold?: number;
  /** Award: the criterion's maximum points. */
  readonly points?: number;
  /** The unit of the answer, in the annex's language ("years", "cycles"); absent for yes/no. */
  readonly unit?: string;
}

export interface AnnexOptions {
  readonly commitments?: AnnexCommitments;
  readonly criteria?: readonly AnnexCriterion[];
}

/** The tender's criteria (Parameters `criteria`) as the annex states them: requirements with their threshold, award criteria with their points. */
export function criteriaOf(p: Parameters, lang: Language): AnnexCriterion[] {
  return (p.criteria ?? []).flatMap((c): AnnexCriterion[] => {
    if (c.role !== "requirement" && c.role !== "award") return [];
    const entry = CATALOGUE.find((k) => k.id === c.id);
    // "years", "cycles", "out of 10": the unit's words without a number.
    const unit = entry?.unit ? criteriaTextBuilt(lang, `unit.${entry.unit}.other`, { n: "" }).trim() : undefined;
    return [
      {
        name: criterionName(lang, c.id),
        role: c.role,
        threshold: c.role === "requirement" ? c.threshold : undefined,
        points: c.role === "award" ? c.points : undefined,
        unit,
      },
    ];
  });
}

/** CRITERIA.md `refurbishmentQuality`: the battery health a documented refurbishment guarantees. */
export const REFURBISHED_BATTERY_HEALTH = 0.8;
/** Bid fields the authority fills in, not the tenderer: its own quality score of the offer. */
const AUTHORITY_FIELDS: ReadonlySet<string> = new Set(["qualityPoints"]);
/** The Parameters table of section 2.1: the method's settings (the award's are in section 1). */
const METHOD_SECTIONS: ReadonlySet<string> = new Set(["discounting", "energy", "imaging"]);
const DAYS_PER_YEAR = 365;
const HOURS_PER_DAY = 24;
const WH_PER_KWH = 1000;
const KG_PER_TONNE = 1000;

// ---- wording

type TenderPluralKey = PluralKeyOf<TenderKey>;

const tenderTables = () =>
  Object.fromEntries(LANGUAGES.map((l) => [l, sectionOf(l, "tender")])) as Record<Language, Record<string, unknown>>;

/** The commitments the annex states: the options' own, else the Parameters'. */
function commitmentsOf(p: Parameters, given: AnnexCommitments = {}) {
  return {
    warranty: given.requiredWarrantyYears ?? p.requiredWarrantyYears,
    spareParts: given.requiredSparePartsYears ?? p.requiredSparePartsYears,
    repair: given.outOfWarrantyRepairPerYear ?? p.outOfWarrantyRepairPerYear,
    erasure: given.dataErasureCostPerUnit ?? p.dataErasureCostPerUnit,
    residualRule: given.residualValueRule ?? p.residualValueRule,
  };
}

/** Builds the annex for one product group in one language. */
export function tenderAnnex(group: ComparisonKind, p: Parameters, lang: Language, options: AnnexOptions = {}): TenderAnnex {
  const t = (key: TenderKey, values?: Values): string => translate(lang, "tender", key, values);
  const plural = (key: TenderPluralKey, n: number): string => lookupPlural(tenderTables(), lang, key, n, { n: numberText(n, lang) });
  const num = (n: number): string => numberText(n, lang);
  const pct = (f: number): string => percentText(f, lang);
  const unit = (u: FieldUnit): string => t(`unit.${u}`, { cur: p.currency });
  const money = (n: number): string => `${num(n)} ${p.currency}`;
  const years = (n: number): string => plural("years", n);
  const points = (n: number): string => plural("points", n);

  const c = commitmentsOf(p, options.commitments);
  const criteria = options.criteria ?? criteriaOf(p, lang);
  const awardCriteria = criteria.filter((k) => k.role === "award");
  const requirements = criteria.filter((k) => k.role === "requirement");
  const N = p.evaluationYears;
  // Imaging: without the authority's own print volume, printing would cost nothing for every offer.
  const volumeNotSet = group === "imaging" && !(p.monoPagesPerYear > 0) && !(p.colourPagesPerYear > 0);
  const missing: string[] = [];
  const blocks: AnnexBlock[] = [];
  const heading = (level: 1 | 2, text: string) => blocks.push({ kind: "heading", level, text });
  const para = (text: string) => blocks.push({ kind: "paragraph", text });
  const formula = (text: string) => blocks.push({ kind: "formula", text });
  // A list of clauses ends with a full stop, whichever of its items comes last.
  const bullets = (items: string[]) =>
    items.length && blocks.push({ kind: "bullets", items: items.map((i, n) => (n === items.length - 1 ? i.replace(/\s*;$/, ".") : i)) });
  const table = (header: string[], rows: string[][]) => blocks.push({ kind: "table", header, rows });

  // Exponents of the formulas, from the engine's own conventions.
  const shifted = (shift: number): string => (shift === 0 ? "t" : `(t − ${num(shift)})`);
  const discountExponent = shifted(TIMING_SHIFT[p.timing]);
  const escalationExponent = shifted(ESCALATION_SHIFT[p.escalationBase]);

  const subtitle = [t(`subtitle.${group}`)];
  if (p.parameterSetName.trim())
    subtitle.push(t("subtitle.parameterSet", { name: p.parameterSetName.trim(), version: p.parameterSetVersion.trim() || "—" }));

  para(t("intro"));

  // ---- 1. Award criteria
  heading(1, t("h.award"));
  const total = p.pricePoints + p.qualityPoints;
  if (p.qualityPoints > 0) para(t("award.meat"));
  else para(t("award.costOnly"));
  const rows: string[][] = [[t("award.row.lcc"), points(p.pricePoints)]];
  if (p.qualityPoints > 0) {
    const named = awardCriteria.reduce((s, k) => s + (k.points ?? 0), 0);
    if (awardCriteria.length) {
      for (const k of awardCriteria) rows.push([t("award.row.criterion", { name: k.name }), points(k.points ?? 0)]);
      if (named < p.qualityPoints) rows.push([t("award.row.otherQuality"), points(p.qualityPoints - named)]);
    } else {
      rows.push([t("award.row.quality"), points(p.qualityPoints)]);
    }
    rows.push([t("award.row.total"), points(total)]);
    table([t("award.header.criterion"), t("award.header.weight")], rows);
    if (named > p.qualityPoints) para(t("award.cap", { quality: points(p.qualityPoints) }));
    para(t("award.total", { total: points(total) }));
  } else {
    table([t("award.header.criterion"), t("award.header.weight")], rows);
  }
  para(t("award.compliance"));

  heading(2, t("h.scoring"));
  const max = num(p.pricePoints);
  if (p.scoringMethod === "lowest") {
    para(t("scoring.lowest.words", { points: points(p.pricePoints) }));
    formula(t("scoring.lowest.formula", { max }));
  } else if (p.scoringMethod === "linear") {
    para(t("scoring.linear.words", { points: points(p.pricePoints) }));
    formula(t("scoring.linear.formula", { max }));
  } else {
    const best = p.rangeBestValue > 0 ? money(p.rangeBestValue) : t("scoring.range.bestOffer");
    const worst = p.rangeWorstValue > 0 ? money(p.rangeWorstValue) : t("scoring.range.worstOffer");
    para(t("scoring.range.words", { best, worst, points: points(p.pricePoints) }));
    formula(t("scoring.range.formula", { max }));
    if (!(p.rangeBestValue > 0 && p.rangeWorstValue > 0)) para(t("scoring.range.equal", { points: points(p.pricePoints) }));
  }
  para(t("scoring.eac"));

  // ---- 2. LCC method
  heading(1, t("h.lcc"));
  para(t("lcc.intro", { cur: p.currency }));

  heading(2, t("h.parameters"));
  const shown = PARAMETER_FIELDS.filter((f) => METHOD_SECTIONS.has(f.section) && f.groups.includes(group));
  const counted = (f: ParameterField): boolean => p.includeExternalities || !["co2PricePerTonne", "co2Escalation"].includes(f.key);
  const parameterRows = shown.filter(counted).map((f) => {
    const value = p[f.key];
    let text: string;
    if (
      (f.key === "electricityPricePerKWh" && !(p.electricityPricePerKWh > 0)) ||
      (volumeNotSet && (f.key === "monoPagesPerYear" || f.key === "colourPagesPerYear"))
    ) {
      missing.push(f.key);
      text = t("value.notSet");
    } else if (typeof value === "boolean") text = t(value ? "value.yes" : "value.no");
    else if (typeof value === "number") text = f.percent ? pct(value) : f.unit ? `${num(value)} ${unit(f.unit)}` : num(value);
    else text = translate(lang, "wizard", `option.${f.key}.${value}`);
    return [translate(lang, "templates", `param.${f.key}`), text];
  });
  if (p.includeExternalities)
    parameterRows.push([
      translate(lang, "templates", "param.emissionFactorKgPerKWh"),
      `${num(p.emissionFactorKgPerKWh)} ${unit("kgCO2e/kWh")}`,
    ]);
  table([t("parameters.header.parameter"), t("parameters.header.value")], parameterRows);

  heading(2, t("h.costs"));
  para(t("costs.intro", { years: years(N) }));
  const costs: string[] = [t("cost.acquisition")];
  if (c.warranty > 0) costs.push(t("cost.warrantyTopUp", { years: years(c.warranty) }));
  costs.push(t("cost.energy", { escalation: pct(p.energyEscalation) }));
  costs.push(t("cost.maintenance", { escalation: pct(p.maintenanceEscalation) }));
  if (group === "imaging") {
    const paper = {
      paper: `${num(p.paperCostPerPage)} ${unit("EUR/page")}`,
      duplex: pct(p.duplexShare),
      escalation: pct(p.maintenanceEscalation),
    };
    if (volumeNotSet) costs.push(t("cost.printingNotSet", { ...paper, volume: t("value.notSet") }));
    else costs.push(t("cost.printing", { ...paper, mono: num(p.monoPagesPerYear), colour: num(p.colourPagesPerYear) }));
  }
  if (c.repair > 0) costs.push(t("cost.repairs", { amount: money(c.repair), escalation: pct(p.maintenanceEscalation) }));
  if (bidFields(group).some((f) => (f.key as string) === "batteryReplacementCost"))
    costs.push(t("cost.oneOff", { escalation: pct(p.maintenanceEscalation) }));
  costs.push(t("cost.endOfLife"));
  if (c.erasure > 0) costs.push(t("cost.dataErasure", { amount: money(c.erasure) }));
  costs.push(t("cost.residual"));
  if (p.includeExternalities) costs.push(t("cost.co2"));
  bullets(costs);
  para(t("lcc.symbols", { rate: pct(p.discountRate), years: years(N) }));
  formula(t("lcc.formula", { exp: discountExponent }));
  formula(t("lcc.escalation", { exp: escalationExponent }));
  para(t(`lcc.timing.${p.timing}`));
  para(t(`lcc.rateType.${p.rateType}`, { rate: pct(p.discountRate) }));
  if (!Number.isInteger(N)) {
    const whole = Math.floor(N);
    para(t("lcc.partialYear", { years: years(N), whole: years(whole), fraction: num(N - whole), next: num(whole + 1) }));
  }

  heading(2, t("h.energy"));
  if (group === "computers") {
    const offDays = DAYS_PER_YEAR - p.useDaysPerYear;
    para(t("energy.tec"));
    para(t("energy.modes", { days: num(p.useDaysPerYear), offDays: num(offDays) }));
    formula(
      t("energy.modes.formula", { days: num(p.useDaysPerYear), offDays: num(offDays), hours: num(HOURS_PER_DAY), wh: num(WH_PER_KWH) }),
    );
  } else {
    para(t("energy.imaging", { weeks: num(WEEKS_PER_YEAR) }));
    formula(t("energy.imaging.formula", { weeks: num(WEEKS_PER_YEAR) }));
  }
  para(
    t("energy.price", {
      price: p.electricityPricePerKWh > 0 ? `${num(p.electricityPricePerKWh)} ${unit("EUR/kWh")}` : t("value.notSet"),
      escalation: pct(p.energyEscalation),
    }),
  );

  heading(2, t("h.co2"));
  if (p.includeExternalities) {
    const preset = p.country !== "custom" ? COUNTRY_PRESETS[p.country] : undefined;
    const source =
      preset && preset.emissionFactorKgPerKWh === p.emissionFactorKgPerKWh
        ? translate(lang, "sources", preset.source.key)
        : t("co2.ownFactor");
    para(
      t("co2.counted", {
        factor: `${num(p.emissionFactorKgPerKWh)} ${unit("kgCO2e/kWh")}`,
        source,
        price: `${num(p.co2PricePerTonne)} ${unit("EUR/t")}`,
        escalation: pct(p.co2Escalation),
      }),
    );
    formula(
      t("co2.formula", {
        factor: num(p.emissionFactorKgPerKWh),
        kg: num(KG_PER_TONNE),
        price: num(p.co2PricePerTonne),
        escalation: pct(p.co2Escalation),
        exp: escalationExponent,
      }),
    );
  } else {
    para(t("co2.notCounted"));
  }

  heading(2, t("h.residual"));
  para(t("residual.bid"));
  const curveShare = (curve: "laptop" | "tablet"): string => {
    const share = residualValue(1, N, curve);
    return pct(share.ok ? Math.round(share.value * 1000) / 1000 : 0);
  };
  if (c.residualRule === "none") para(t("residual.rule.none"));
  else para(t("residual.rule.byDeviceType", { laptop: curveShare("laptop"), tablet: curveShare("tablet"), years: years(N) }));

  heading(2, t("h.eac"));
  para(t("eac.words", { years: years(N) }));
  formula(t("eac.formula", { exp: discountExponent }));

  const commitments: string[] = [];
  if (c.warranty > 0) commitments.push(t("commitment.warranty", { years: years(c.warranty) }));
  if (c.repair > 0) commitments.push(t("commitment.repair", { amount: money(c.repair), escalation: pct(p.maintenanceEscalation) }));
  if (c.spareParts > 0) commitments.push(t("commitment.spareParts", { years: years(c.spareParts) }));
  if (c.erasure > 0) commitments.push(t("commitment.dataErasure", { amount: money(c.erasure) }));
  if (commitments.length) {
    heading(2, t("h.commitments"));
    bullets(commitments);
  }

  // ---- 3. Technical specifications
  heading(1, t("h.specs"));
  para(t("specs.intro"));
  const required: string[] = [];
  if (c.warranty > 0) required.push(t("specs.warranty", { years: years(c.warranty) }));
  if (c.spareParts > 0) required.push(t("specs.spareParts", { years: years(c.spareParts) }));
  for (const k of requirements) {
    required.push(
      k.threshold === undefined
        ? t("specs.yesNo", { name: k.name })
        : t("specs.atLeast", { name: k.name, threshold: k.unit ? `${num(k.threshold)} ${k.unit}` : num(k.threshold) }),
    );
  }
  if (required.length) bullets(required);
  else para(t("specs.none"));
  para(t("specs.equivalent"));
  para(t("specs.labels", { battery: pct(REFURBISHED_BATTERY_HEALTH) }));

  // ---- 4. Contract clauses
  heading(1, t("h.clauses"));
  para(t("clauses.intro"));
  bullets([
    t("clause.takeBack"),
    t("clause.dataErasure"),
    c.spareParts > 0 ? t("clause.spareParts", { years: years(c.spareParts) }) : t("clause.sparePartsContract"),
    t("clause.social"),
  ]);

  // ---- 5. Data to supply, from the Bids table's own fields
  heading(1, t("h.data"));
  para(t("data.intro"));
  const dataRows = bidFields(group)
    .filter((f) => !AUTHORITY_FIELDS.has(f.key))
    .map((f: BidField) => [
      translate(lang, "templates", `bid.${f.key}`),
      // Codes as the Bids table's list accepts them.
      f.unit ? unit(f.unit) : f.options ? f.options.join(", ") : "—",
      t(f.required ? "value.yes" : "value.optional"),
      translate(lang, "templates", `bidNote.${f.key}`),
    ]);
  for (const k of criteria) {
    dataRows.push([
      t("data.criterion", { name: k.name }),
      k.threshold === undefined && !k.unit ? t("data.yesNo") : (k.unit ?? "—"),
      t("value.yes"),
      t(k.role === "award" ? "data.award" : "data.requirement"),
    ]);
  }
  table([t("data.header.data"), t("data.header.unit"), t("data.header.required"), t("data.header.explanation")], dataRows);
  para(t("data.evidence"));

  return { language: lang, group, title: t("title"), subtitle, blocks, missing };
}

/** The annex as plain text, one block per paragraph: for logs, tests and a quick look. */
export function annexText(annex: TenderAnnex): string {
  const lines = [annex.title, ...annex.subtitle, ""];
  for (const b of annex.blocks) {
    if (b.kind === "bullets") lines.push(...b.items.map((i) => `• ${i}`));
    else if (b.kind === "table") lines.push(b.header.join(" | "), ...b.rows.map((r) => r.join(" | ")));
    else lines.push(b.text);
  }
  return lines.join("\n");
}
