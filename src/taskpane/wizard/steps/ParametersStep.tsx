/**
 * Step 2: the general inputs of the comparison, each with its unit, default and source, validated inline by
 * the model's rules (a rate typed as 4 instead of 4 % is caught with a message saying so).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Switch,
  makeStyles,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ProductGroup } from "../../../model/bid";
import { parameterText } from "../../../model/entries";
import { COUNTRY_PRESETS, type CountryCode, DEFAULT_PARAMETERS, PARAMETER_SOURCES, type Source } from "../../../model/parameters";
import { type ParameterInput, PARAMETER_INPUTS, type Section, isShown } from "../form";
import { type EntryFormProps, SelectField, TextField, useFieldStyles, withUnit } from "../fields";
import { useI18n } from "../i18n";
import { stepLayout } from "../styles";

const useStyles = makeStyles(stepLayout);

const SECTIONS: readonly Section[] = ["general", "energy", "commitments", "award", "imaging"];

export function ParametersStep(
  props: EntryFormProps & {
    group: ProductGroup;
    onCountry(country: CountryCode | "custom"): void;
    /** The framework agreement's section (adopt, deviations, lock, publish), after the fields (Tab from the heading still reaches the first one). */
    framework?: ReactNode;
    /** A locked framework value: shown, not editable. */
    readOnly?(key: string): boolean;
  },
) {
  const s = useStyles();
  const f = useFieldStyles();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const scoring = props.entries.scoringMethod;
  const visible = (input: ParameterInput) =>
    isShown(input, props.group) && (scoring === "range" || (input.key !== "rangeBestValue" && input.key !== "rangeWorstValue"));

  const optionLabel = (input: ParameterInput, value: string) =>
    input.kind === "select" ? i18n.tBuilt(`option.${input.key}.${value}`) : value;

  /** The emission factor's default and source are those of the country preset chosen, not of the EU-27 default. */
  const preset = COUNTRY_PRESETS[props.entries.country as CountryCode] as (typeof COUNTRY_PRESETS)[CountryCode] | undefined;

  const sourceOf = (input: ParameterInput): Source | undefined => {
    if (input.key === "emissionFactorKgPerKWh") return preset?.source;
    return PARAMETER_SOURCES[input.key];
  };

  const hintOf = (input: ParameterInput): string | undefined => {
    const parts: string[] = [];
    if (input.key === "electricityPricePerKWh") parts.push(t("parameters.electricityHint"));
    else if (input.key === "emissionFactorKgPerKWh")
      parts.push(
        preset
          ? t("parameters.default", { value: parameterText(input.key, preset.emissionFactorKgPerKWh, lang) })
          : t("parameters.factorOwn"),
      );
    else if (input.kind !== "text" && input.kind !== "switch")
      parts.push(t("parameters.default", { value: optionLabel(input, parameterText(input.key, DEFAULT_PARAMETERS[input.key], lang)) }));
    const source = input.key === "electricityPricePerKWh" ? undefined : sourceOf(input);
    if (source) parts.push(t("parameters.source", { text: i18n.source(source.key), date: source.date || "–" }));
    const own = i18n.tOptional(`param.${input.key}.hint`);
    if (own) parts.push(own);
    return parts.join(" · ") || undefined;
  };

  const render = (input: ParameterInput) => {
    const label = withUnit(t(`param.${input.key}`), input.unit ? i18n.tBuilt(`unit.${input.unit}`) : undefined);
    const error = props.errors[input.key] ? i18n.error(props.errors[input.key], t(`param.${input.key}`)) : undefined;
    const value = props.entries[input.key] ?? "";
    const testId = `param-${input.key}`;
    const locked = props.readOnly?.(input.key) ?? false;
    // What every kind of field shows around its input (the switch has no inline error).
    const labelled = { label, hint: hintOf(input), error, testId };
    if (input.kind === "switch") {
      return (
        <Field key={input.key} label={label} hint={labelled.hint} className={f.wide}>
          {/* The Field's label names the switch; "Yes"/"No" beside it is for the eye (a second label would confuse). */}
          <div>
            <Switch
              checked={value === "true"}
              disabled={locked}
              onChange={(_, d) => props.onChange(input.key, String(d.checked))}
              data-testid={testId}
            />
            <span aria-hidden="true">{t(value === "true" ? "common.yes" : "common.no")}</span>
          </div>
        </Field>
      );
    }
    if (input.kind === "select") {
      const options = (input.options ?? []).map((o) => ({ value: o, label: optionLabel(input, o) }));
      const onChange =
        input.key === "country" ? (v: string) => props.onCountry(v as CountryCode | "custom") : (v: string) => props.onChange(input.key, v);
      return <SelectField key={input.key} {...labelled} value={value} options={options} onChange={onChange} disabled={locked} />;
    }
    return (
      <TextField
        key={input.key}
        {...labelled}
        value={value}
        onChange={(text) => props.onChange(input.key, text)}
        numeric={input.kind !== "text"}
        readOnly={locked}
        required={input.key === "electricityPricePerKWh"}
      />
    );
  };

  const problems = PARAMETER_INPUTS.filter((i) => visible(i) && props.errors[i.key]).length;
  const advanced = PARAMETER_INPUTS.filter((i) => i.section === "advanced" && visible(i));
  return (
    <div className={s.stack}>
      {problems > 0 && (
        <MessageBar intent="warning" data-testid="parameters-problems">
          <MessageBarBody>{i18n.plural("parameters.problems", problems)}</MessageBarBody>
        </MessageBar>
      )}
      {props.errors.criteria && (
        // The criteria (CRITERIA.md) of a saved comparison that cannot be read: said here, since they block the results.
        <MessageBar intent="error" data-testid="parameters-criteria-problem">
          <MessageBarBody>{i18n.error(props.errors.criteria, props.errors.criteria.argument)}</MessageBarBody>
        </MessageBar>
      )}
      {SECTIONS.map((section) => {
        const inputs = PARAMETER_INPUTS.filter((i) => i.section === section && visible(i));
        if (!inputs.length) return null;
        return (
          <section key={section} aria-labelledby={`parameters-${section}`} className={s.stack}>
            <Subtitle2 as="h3" block id={`parameters-${section}`} className={s.heading}>
              {t(`parameters.section.${section}`)}
            </Subtitle2>
            <div className={f.grid}>{inputs.map(render)}</div>
          </section>
        );
      })}
      <Accordion collapsible defaultOpenItems={advanced.some((i) => props.errors[i.key]) ? ["advanced"] : []}>
        <AccordionItem value="advanced">
          <AccordionHeader data-testid="parameters-advanced">{t("parameters.section.advanced")}</AccordionHeader>
          <AccordionPanel>
            <div className={f.grid}>{advanced.map(render)}</div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {props.framework}
    </div>
  );
}
