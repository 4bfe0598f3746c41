/**
 * The criteria in words, in the user's language: names, answers, reasons and settings problems. Every face
 * (wizard, Criteria sheet, CLI) words a reason or a problem through these, so all say the same thing.
 */
import { type CriteriaKey, criteriaPlural, criteriaText, criteriaTextBuilt } from "../../i18n/criteria";
import type { Language } from "../../i18n/core";
import { numberText } from "../numbers";
import { type Answer, type AnswerUnit, type Criterion, type CriterionId, ROLES, criterionOf } from "./catalogue";
import type { OfferReason } from "./scoring";
import type { FrameworkSupplierReason } from "../evaluate";
import type { CriteriaIssue } from "./settings";
import { criterionName, labelName } from "./words";

export { criterionName, labelName } from "./words";
export const criterionQuestion = (lang: Language, id: CriterionId): string => criteriaTextBuilt(lang, `criterion.${id}.question`);
export const criterionSource = (lang: Language, id: CriterionId): string => criteriaTextBuilt(lang, `criterion.${id}.source`);

/** A number with its unit: "3 years", "800 cycles", "7 out of 10", "40 %". */
export const quantityText = (lang: Language, unit: AnswerUnit | undefined, n: number): string =>
  unit ? criteriaPlural(lang, `unit.${unit}`, n, { n: numberText(n, lang) }) : numberText(n, lang);

/** An answer as the offer gave it: "3 years", "yes", "EPEAT Silver", "no answer". */
export function answerText(lang: Language, criterion: Criterion, answer: Answer): string {
  if (answer === null) return criteriaText(lang, "answer.blank");
  if (typeof answer === "boolean") return criteriaText(lang, answer ? "answer.yes" : "answer.no");
  if (typeof answer === "number") return quantityText(lang, criterion.unit, answer);
  return labelName(lang, answer);
}

/**
 * One reason an offer is not compliant: "Spare parts: 3 years, the tender asks at least 5"; in a mini-competition
 * "not a framework supplier (Supplier X): …" (the pane, the explanation and the workbook's Reasons column say this).
 */
export function reasonText(lang: Language, reason: OfferReason | FrameworkSupplierReason): string {
  if (reason.requirement === "frameworkSupplier") return criteriaText(lang, "reason.frameworkSupplier", { supplier: reason.supplier });
  if (reason.requirement !== "criterion") {
    const id: CriterionId = reason.requirement === "warrantyYears" ? "warranty" : "spareParts";
    return criteriaText(lang, "reason.below", {
      name: criterionName(lang, id),
      answer: quantityText(lang, "years", reason.answer),
      required: numberText(reason.required, lang),
    });
  }
  const c = criterionOf(reason.criterion) as Criterion;
  const name = criterionName(lang, c.id);
  const answer = answerText(lang, c, reason.answer);
  switch (reason.problem) {
    case "noAnswer":
      return criteriaText(lang, "reason.noAnswer", { name });
    case "no":
      return criteriaText(lang, "reason.no", { name });
    case "notAccepted":
      return reason.accepted?.length
        ? criteriaText(lang, "reason.notAccepted", { name, answer, accepted: reason.accepted.map((l) => labelName(lang, l)).join(", ") })
        : criteriaText(lang, "reason.labelRequired", { name, answer });
    default:
      return criteriaText(lang, reason.problem === "above" ? "reason.above" : "reason.below", {
        name,
        answer,
        required: numberText(reason.required ?? 0, lang),
      });
  }
}

/** A settings problem without its place: "worst and best are both 5: they must differ". */
export function issueMessage(lang: Language, issue: CriteriaIssue): string {
  const values = { ...issue.values };
  if (typeof values.role === "string" && (ROLES as readonly string[]).includes(values.role))
    values.role = criteriaTextBuilt(lang, `role.${values.role}`);
  return criteriaText(lang, `issue.${issue.rule}` as CriteriaKey, values);
}

/** A settings problem at its JSON path: "criteria[2].best: worst and best are both 5: they must differ". */
export const issueText = (lang: Language, issue: CriteriaIssue): string => `${issue.path}: ${issueMessage(lang, issue)}`;
