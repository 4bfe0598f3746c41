/**
 * Issue 9: scoring 1 000 offers × 18 criteria (every criterion on: requirements and awards), the answers
 * read from text as a CSV import would, and the settings checked; the pane's budget is the 1 s time to results.
 */
import { seededRandom } from "../../src/engine/random";
import { COMPUTER_DEVICE_TYPES } from "../../src/model/bid";
import {
  type Answer,
  CATALOGUE,
  type CriteriaOffer,
  type CriterionId,
  type CriterionSetting,
  LABELS,
  answerEntry,
  checkCriteria,
  parseCriteriaRecord,
  presetCriteria,
  scoreOffers,
} from "../../src/model/criteria";
import { type Figure, measure } from "./measure";

const OFFERS = 1000;
const CONTEXT = { qualityPoints: 60, requiredWarrantyYears: 3 };

/** The ambitious preset with its one clause made a requirement, so all 18 criteria are scored. */
const SETTINGS: CriterionSetting[] = presetCriteria("ambitious").map((s) =>
  s.role === "clause" || s.role === "off" ? { id: s.id, role: "requirement" } : s,
);

function offers(): CriteriaOffer[] {
  const next = seededRandom(909);
  const out: CriteriaOffer[] = [];
  for (let i = 0; i < OFFERS; i++) {
    const answers: Partial<Record<CriterionId, Answer>> = {};
    for (const c of CATALOGUE) {
      if (next() < 0.05) answers[c.id] = null;
      else if (c.answer === "number") answers[c.id] = Math.round((c.min ?? 0) + ((c.max ?? 0) - (c.min ?? 0)) * next() * 0.5);
      else if (c.answer === "yesNo") answers[c.id] = next() < 0.9;
      else answers[c.id] = LABELS[Math.floor(next() * LABELS.length)];
    }
    out.push({
      deviceType: COMPUTER_DEVICE_TYPES[i % COMPUTER_DEVICE_TYPES.length],
      condition: i % 5 === 0 ? "refurbished" : "new",
      warrantyYears: answers.warranty as number | null,
      sparePartsYears: answers.spareParts as number | null,
      takeBackWithDataErasure: answers.dataErasure as boolean | null,
      extraWarrantyYearPrice: i % 3 === 0 ? 25 : null,
      criteria: answers,
      qualityPoints: i % 30,
    });
  }
  return out;
}

export function benchCriteria(): Figure[] {
  const all = offers();
  const horizons = all.map((_, i) => 3 + (i % 4));
  // The same answers as CSV cells in Dutch (ids as headers), read back as an import would.
  const records = all.map((o) =>
    Object.fromEntries(
      CATALOGUE.map((c) => [c.id, answerEntry("nl", c.bidField ? ((o[c.bidField] ?? null) as Answer) : (o.criteria?.[c.id] ?? null))]),
    ),
  );
  const compliant = scoreOffers(SETTINGS, all, CONTEXT, horizons).filter((r) => r.compliant).length;
  return [
    measure(
      `Criteria: score ${OFFERS} offers × ${CATALOGUE.length} criteria (${compliant} compliant; pane target: within the 1 s to results)`,
      () => scoreOffers(SETTINGS, all, CONTEXT, horizons),
    ),
    measure(`Criteria: read ${OFFERS} × ${CATALOGUE.length} answers from text (nl)`, () =>
      records.map((r, i) => parseCriteriaRecord(r, { row: i + 2, locale: "nl" })),
    ),
    measure(`Criteria: check the ${SETTINGS.length} settings`, () => checkCriteria(SETTINGS, CONTEXT)),
  ];
}
