/**
 * An offer's answers to the tender's circular criteria (CRITERIA.md), in its card: the criteria that are
 * not off and apply to the offer's device type and condition, by area, each with the control of its answer
 * type. warranty, spareParts and dataErasure are Bids fields, answered in the card's Warranty and repair
 * group, so they are not asked twice. Each answer is the entry keyed by the criterion id.
 */
import { Field, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DomainError } from "../../../engine/result";
import { criteriaText, criteriaTextBuilt } from "../../../i18n/criteria";
import type { Language } from "../../../i18n/core";
import {
  AREAS,
  type AnswerUnit,
  CATALOGUE,
  type CriteriaSettings,
  type Criterion,
  type CriterionArea,
  LABELS,
  answerEntry,
  appliesTo,
  criterionName,
  criterionQuestion,
  labelName,
  parseAnswer,
} from "../../../model/criteria";
import { type EntryFormProps, SelectField, TextField, useFieldStyles, withUnit } from "../fields";
import { type I18n, type WizardKey, useI18n } from "../i18n";

const useStyles = makeStyles({
  area: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
});

/** The criteria an offer answers in this group: on (requirement, award, clause), applying to it, without a Bids field. */
export function askedCriteria(settings: CriteriaSettings, deviceType: string, condition: string): Criterion[] {
  const on = new Set(settings.filter((s) => s.role !== "off").map((s) => s.id));
  return CATALOGUE.filter((c) => on.has(c.id) && !c.bidField && appliesTo(c, deviceType, condition));
}

const UNIT_KEYS: Record<AnswerUnit, WizardKey> = {
  years: "unit.years",
  cycles: "unit.cycles",
  score: "unit.score",
  percent: "unit.percent",
};

/** An offer field's name as the pane shows it: a criterion (keyed by its id) by its name, a Bids field by its label. */
export const offerFieldLabel = (i18n: Pick<I18n, "lang" | "tBuilt">, key: string): string => {
  const c = CATALOGUE.find((x) => x.id === key);
  return c ? criterionName(i18n.lang, c.id) : i18n.tBuilt(`bid.${key}`);
};

/** A wrong answer in the pane's language: the valid yes/no words or labels of this language, not of all three. */
export function answerError(i18n: Pick<I18n, "error" | "lang">, criterion: Criterion, error: DomainError): string {
  const lang: Language = i18n.lang;
  const name = criterionName(lang, criterion.id);
  if (error.rule !== "unknownOption") return i18n.error(error, name);
  const valid =
    criterion.answer === "yesNo"
      ? [criteriaText(lang, "answer.yes"), criteriaText(lang, "answer.no")]
      : LABELS.map((l) => labelName(lang, l));
  return i18n.error({ ...error, detail: valid.join(", ") }, name);
}

export function CriteriaAnswers(props: EntryFormProps & { index: number; settings: CriteriaSettings }) {
  const s = useStyles();
  const f = useFieldStyles();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const n = props.index;
  const asked = askedCriteria(props.settings, props.entries.deviceType ?? "", props.entries.condition ?? "");
  if (!asked.length) return <Text size={200}>{t("bid.criteria.none")}</Text>;

  const control = (c: Criterion) => {
    const key = c.id;
    const entry = props.entries[key] ?? "";
    const name = criterionName(lang, c.id);
    const error = props.errors[key] ? answerError(i18n, c, props.errors[key]) : undefined;
    const hint = criterionQuestion(lang, c.id);
    const testId = `bid-${n}-criterion-${key}`;
    if (c.answer === "number")
      return (
        <TextField
          key={key}
          label={withUnit(name, c.unit && t(UNIT_KEYS[c.unit]))}
          value={entry}
          onChange={(v) => props.onChange(key, v)}
          numeric
          error={error}
          hint={hint}
          testId={testId}
        />
      );
    if (c.answer === "label") {
      // A label typed or imported in another spelling ("epeat gold", "geen") is shown as the catalogue's.
      const parsed = parseAnswer(key, entry);
      const value = parsed.error ? entry : parsed.value === null ? "" : answerEntry(lang, parsed.value);
      const unknown = parsed.error ? [{ value: entry, label: entry }] : [];
      return (
        <SelectField
          key={key}
          label={name}
          value={value}
          options={[
            { value: "", label: t("bid.criteria.noAnswer") },
            ...unknown,
            ...LABELS.map((l) => ({ value: answerEntry(lang, l), label: labelName(lang, l) })),
          ]}
          onChange={(v) => props.onChange(key, v)}
          error={error}
          hint={hint}
          testId={testId}
        />
      );
    }
    // yes/no: ja/nee, oui/non or yes/no as typed or imported in any language; a choice writes this language's word.
    const parsed = parseAnswer(key, entry);
    const value = parsed.value === true ? "yes" : parsed.value === false ? "no" : "";
    return (
      <Field key={key} label={name} hint={hint} validationState={error ? "error" : "none"} validationMessage={error} className={f.wide}>
        <RadioGroup
          layout="horizontal"
          value={value}
          onChange={(_, d) => props.onChange(key, d.value === "" ? "" : answerEntry(lang, d.value === "yes"))}
          data-testid={testId}
        >
          <Radio value="yes" label={criteriaText(lang, "answer.yes")} data-testid={`${testId}-yes`} />
          <Radio value="no" label={criteriaText(lang, "answer.no")} data-testid={`${testId}-no`} />
          <Radio value="" label={t("bid.criteria.noAnswer")} data-testid={`${testId}-blank`} />
        </RadioGroup>
      </Field>
    );
  };

  const areas = AREAS.filter((a) => asked.some((c) => c.area === a));
  return (
    <>
      {areas.map((area: CriterionArea) => (
        <section key={area} aria-label={criteriaTextBuilt(lang, `area.${area}`)} data-testid={`bid-${n}-criteria-${area}`}>
          <h4 className={s.area}>{criteriaTextBuilt(lang, `area.${area}`)}</h4>
          <div className={f.grid}>{asked.filter((c) => c.area === area).map(control)}</div>
        </section>
      ))}
    </>
  );
}
