/** One offer as an expandable card: a compact summary line, and its fields when opened. */
import { Badge, Button, Card, Field, Radio, RadioGroup, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type ReactNode, type Ref, useState } from "react";
import type { DomainError } from "../../../engine/result";
import type { Entries } from "../../../model/entries";
import { type BidField, type ComparisonKind, type FieldGroup, bidFields } from "../../../model/bid";
import { type EnergyMode, MODE_FIELDS, energyModeOf } from "../form";
import { type EntryFormProps, SelectField, TextField, useFieldStyles, withUnit } from "../fields";
import { useI18n } from "../i18n";
import type { CriteriaSettings } from "../../../model/criteria/settings";
import { CriteriaAnswers, askedCriteria, offerFieldLabel } from "./CriteriaAnswers";

const useStyles = makeStyles({
  card: { padding: tokens.spacingVerticalS },
  flagged: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  summary: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  toggle: { flexGrow: 1, justifyContent: "flex-start", textAlign: "left", minWidth: 0, overflowWrap: "anywhere" },
  reason: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: tokens.spacingVerticalM },
  group: { marginTop: tokens.spacingVerticalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  groupToggle: { justifyContent: "flex-start", textAlign: "left", paddingLeft: 0 },
});

/** A group of fields is used when one of them holds something or has a problem: then it opens by itself. */
const isUsed = (fields: readonly BidField[], entries: Entries, errors: Readonly<Record<string, DomainError>>) =>
  fields.some((f) => (entries[f.key] ?? "").trim() !== "" || errors[f.key] !== undefined);

const MODES = new Set<string>(MODE_FIELDS);

/** A folded group of the card: its toggle, and its content (whose root has the id `id`) or a hint when folded. */
/**
 * A folded group of an offer card, named by its key: the toggle's test id, its title and hint, and the id of the
 * region it opens (the same id on aria-controls and on the region) all follow from the offer number and the key.
 */
function Fold(props: {
  n: number;
  group: "warrantyAndRepair" | "criteria";
  open: boolean;
  onToggle(): void;
  /** The open region's class name and test id. */
  bodyClassName?: string;
  bodyTestId?: string;
  children: ReactNode;
}) {
  const s = useStyles();
  const { t } = useI18n();
  const id = `offer-${props.n}-${props.group}`;
  return (
    <div className={s.group} role="group" aria-labelledby={`${id}-toggle`}>
      <Button
        appearance="transparent"
        className={s.groupToggle}
        id={`${id}-toggle`}
        icon={<span aria-hidden="true">{props.open ? "▾" : "▸"}</span>}
        aria-expanded={props.open}
        aria-controls={props.open ? id : undefined}
        onClick={props.onToggle}
        data-testid={`bid-${props.n}-group-${props.group}`}
      >
        {t(`bid.group.${props.group}`)}
      </Button>
      {props.open ? (
        <div id={id} className={props.bodyClassName} data-testid={props.bodyTestId}>
          {props.children}
        </div>
      ) : (
        <Text size={200} block>
          {t(`bid.group.${props.group}.hint`)}
        </Text>
      )}
    </div>
  );
}

export function BidCard(
  props: EntryFormProps & {
    index: number;
    name: string;
    kind: ComparisonKind;
    expanded: boolean;
    onToggle(): void;
    onEnergyMode(mode: EnergyMode): void;
    onDuplicate(): void;
    onRemove(): void;
    /** The tender's circular criteria (Parameters `criteria`): the card asks for the answers of those that apply. */
    criteria?: CriteriaSettings;
    /** The card's first field (the supplier), for focus when the offer was just added. */
    firstFieldRef?: Ref<HTMLInputElement>;
  },
) {
  const s = useStyles();
  const f = useFieldStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const n = props.index;
  const problems = Object.keys(props.errors).length;
  const mode = energyModeOf(props.entries);
  const bodyId = `offer-${n}-fields`;
  const refurbished = props.entries.condition === "refurbished";
  const fields = bidFields(props.kind);
  const grouped = (group: FieldGroup) => fields.filter((f) => f.group === group);
  const commitments = grouped("warrantyAndRepair");
  const commitmentsUsed = isUsed(commitments, props.entries, props.errors);
  const [openGroup, setOpenGroup] = useState(commitmentsUsed);
  // Folded until used; a problem in it is never folded away.
  const groupOpen = openGroup || commitments.some((f) => props.errors[f.key] !== undefined);
  // Typing in a group keeps it open, even once its last problem is fixed.
  const change = (def: BidField, text: string) => {
    if (def.group) setOpenGroup(true);
    props.onChange(def.key, text);
  };
  // The circular criteria: folded by default, opened by a problem in an answer.
  const criteria = props.criteria ?? [];
  const asked = askedCriteria(criteria, props.entries.deviceType ?? "", props.entries.condition ?? "");
  const [openCriteria, setOpenCriteria] = useState(false);
  const criteriaOpen = openCriteria || asked.some((c) => props.errors[c.id] !== undefined);
  const [firstKey] = Object.keys(props.errors);
  const firstReason = firstKey ? i18n.error(props.errors[firstKey], offerFieldLabel(i18n, firstKey)) : "";

  const field = (def: BidField) => {
    const key = def.key;
    if (props.kind === "computers" && (key === "tecKWhPerYear" ? mode !== "tec" : MODES.has(key) && mode !== "modes")) return null;
    const label = withUnit(t(`bid.${key}`), def.unit ? t(`unit.${def.unit}`) : undefined);
    const error = props.errors[key] ? i18n.error(props.errors[key], t(`bid.${key}`)) : undefined;
    const hint = i18n.tOptional(`bid.${key}.hint`);
    const testId = `bid-${n}-${key}`;
    const energyChoice =
      key === "tecKWhPerYear" || (key === "onW" && mode === "modes") ? (
        <Field key="energy-mode" label={t("bid.energyMode")} className={f.wide}>
          <RadioGroup layout="horizontal" value={mode} onChange={(_, d) => props.onEnergyMode(d.value as EnergyMode)}>
            <Radio value="tec" label={t("bid.energyMode.tec")} data-testid={`bid-${n}-energy-tec`} />
            <Radio value="modes" label={t("bid.energyMode.modes")} data-testid={`bid-${n}-energy-modes`} />
          </RadioGroup>
        </Field>
      ) : null;
    // A blank enum keeps its meaning (take-back without erasure), so it can be chosen as such.
    const blankOption = def.nullable ? [{ value: "", label: i18n.tBuilt(`option.${key}.blank`) }] : [];
    const input =
      def.kind === "enum" ? (
        <SelectField
          key={key}
          label={label}
          value={props.entries[key] ?? ""}
          options={[...blankOption, ...(def.options ?? []).map((o) => ({ value: o, label: i18n.tBuilt(`option.${key}.${o}`) }))]}
          onChange={(v) => change(def, v)}
          error={error}
          hint={hint}
          testId={testId}
        />
      ) : (
        <TextField
          key={key}
          label={label}
          value={props.entries[key] ?? ""}
          onChange={(v) => change(def, v)}
          numeric={def.kind === "number"}
          required={def.required}
          error={error}
          hint={hint}
          testId={testId}
          inputRef={key === "supplier" ? props.firstFieldRef : undefined}
        />
      );
    return energyChoice ? [energyChoice, input] : input;
  };

  return (
    <Card className={mergeClasses(s.card, problems > 0 && s.flagged)} data-testid={`bid-card-${n}`} role="group" aria-label={props.name}>
      <div className={s.summary}>
        <Button
          appearance="subtle"
          className={s.toggle}
          aria-expanded={props.expanded}
          aria-controls={props.expanded ? bodyId : undefined}
          onClick={props.onToggle}
          data-testid={`bid-${n}-toggle`}
        >
          {t("offer.title", { n: n + 1, name: props.name })}
        </Button>
        {problems > 0 ? (
          <Badge color="danger" appearance="tint" data-testid={`bid-${n}-flag`}>
            {t("offer.needsAttention", { n: problems })}
          </Badge>
        ) : refurbished ? (
          <Badge appearance="tint" color="success">
            {t("option.condition.refurbished")}
          </Badge>
        ) : null}
      </div>
      {!props.expanded && problems > 0 && (
        <Text size={200} className={s.reason} data-testid={`bid-${n}-reason`}>
          {firstReason}
        </Text>
      )}
      {props.expanded && (
        <div id={bodyId}>
          <div className={f.grid}>{fields.filter((d) => !d.group).map(field)}</div>
          {commitments.length > 0 && (
            <Fold n={n} group="warrantyAndRepair" open={groupOpen} onToggle={() => setOpenGroup(!groupOpen)} bodyClassName={f.grid}>
              {commitments.map(field)}
            </Fold>
          )}
          {criteria.some((c) => c.role !== "off") && (
            <Fold
              n={n}
              group="criteria"
              open={criteriaOpen}
              onToggle={() => setOpenCriteria(!criteriaOpen)}
              bodyTestId={`bid-${n}-criteria`}
            >
              <CriteriaAnswers index={n} settings={criteria} entries={props.entries} errors={props.errors} onChange={props.onChange} />
            </Fold>
          )}
          <div className={s.actions}>
            <Button
              onClick={props.onDuplicate}
              data-testid={`bid-${n}-duplicate`}
              aria-label={t("offer.duplicateNamed", { name: props.name })}
            >
              {t("offer.duplicate")}
            </Button>
            <Button onClick={props.onRemove} data-testid={`bid-${n}-remove`} aria-label={t("offer.removeNamed", { name: props.name })}>
              {t("offer.remove")}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
