/** Step 3 of the circular group: the device in use and the three options (extend, refurbished, new). */
import { Card, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { DEVICE_FIELDS, SCENARIO_FIELDS, SCENARIO_KINDS, SCENARIO_UNITS } from "../../../model/bid";
import { type EntryFormProps, TextField, useFieldStyles, withUnit } from "../fields";
import { type WizardKey, useI18n } from "../i18n";
import { stepLayout } from "../styles";

const useStyles = makeStyles({
  ...stepLayout,
  card: { padding: tokens.spacingVerticalM },
});

export function CircularStep({ entries, errors, onChange }: EntryFormProps) {
  const s = useStyles();
  const f = useFieldStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const input = (key: string, labelKey: WizardKey, unit: string, hint?: string) => (
    <TextField
      key={key}
      label={withUnit(t(labelKey), i18n.tBuilt(`unit.${unit}`))}
      value={entries[key] ?? ""}
      onChange={(v) => onChange(key, v)}
      numeric
      hint={hint}
      error={errors[key] ? i18n.error(errors[key], t(labelKey)) : undefined}
      testId={`circular-${key.replace(".", "-")}`}
    />
  );
  return (
    <div className={s.stack}>
      <Card className={s.card} role="group" aria-labelledby="circular-device">
        <Subtitle2 as="h3" block id="circular-device" className={s.heading}>
          {t("circular.device")}
        </Subtitle2>
        <div className={f.grid}>
          {DEVICE_FIELDS.map((k) => input(k, `circular.${k}`, SCENARIO_UNITS[k], i18n.tOptional(`circular.${k}.hint`)))}
        </div>
      </Card>
      {SCENARIO_KINDS.map((kind) => (
        <Card key={kind} className={s.card} role="group" aria-labelledby={`circular-${kind}`} data-testid={`circular-card-${kind}`}>
          <Subtitle2 as="h3" block id={`circular-${kind}`} className={s.heading}>
            {t(`scenario.${kind}`)}
          </Subtitle2>
          <p>{t(`scenario.${kind}.hint`)}</p>
          <div className={f.grid}>
            {SCENARIO_FIELDS.map((field) =>
              input(
                `${kind}.${field}`,
                field === "upfrontCost" || field === "serviceYears" || field === "embodiedKgCO2e"
                  ? `scenario.field.${field}.${kind}`
                  : `scenario.field.${field}`,
                SCENARIO_UNITS[field],
              ),
            )}
          </div>
        </Card>
      ))}
    </div>
  );
}
