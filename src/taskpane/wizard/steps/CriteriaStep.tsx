/**
 * Step 3: the tender's circular criteria (CRITERIA.md §2). A preset fills every criterion's role and numbers
 * from the catalogue; the list, grouped by area, sets each criterion's role and the numbers that role needs,
 * with its source one click away. The settings are the `criteria` parameter entry (its JSON), checked by the
 * model's checkCriteria, whose problems are worded at their input; the award points run against the quality
 * points of the tender.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  InfoLabel,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { Language } from "../../../i18n/core";
import { criteriaText, criteriaTextBuilt } from "../../../i18n/criteria";
import {
  AREAS,
  CATALOGUE,
  type Criterion,
  type CriterionArea,
  type CriterionId,
  DEFAULT_LABEL_LEVELS,
  LABELS,
  type Label,
  PRESETS,
  type Preset,
  ROLES,
  type Role,
  isCriterionId,
} from "../../../model/criteria/catalogue";
import {
  type CriteriaContext,
  type CriteriaIssue,
  type SettingField,
  awardPointsSum,
  checkCriteria,
  presetCriteria,
  usedFields,
} from "../../../model/criteria/settings";
import { criterionName, criterionSource, issueMessage, issueText, labelName } from "../../../model/criteria/text";
import { numberText, readNumber } from "../../../model/numbers";
import type { ProductGroup } from "../../../model/bid";
import { useI18n } from "../i18n";
import { stepLayout } from "../styles";

/** As many columns of at least `min` as fit, one at 320 px; a cell never widens the pane. */
const columns = (min: string) => ({
  display: "grid",
  gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${min}), 1fr))`,
  columnGap: tokens.spacingHorizontalM,
  rowGap: tokens.spacingVerticalS,
  "& > *": { minWidth: 0, alignSelf: "start" },
});

const useStyles = makeStyles({
  stack: stepLayout.stack,
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: "none" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  applies: { color: tokens.colorNeutralForeground3 },
  numbers: columns("140px"),
  select: { width: "100%", minWidth: 0 },
  /** Fluent's Input is as wide as its native input's default size: fill the grid cell instead, however narrow. */
  input: { width: "100%", minWidth: 0 },
  inner: { minWidth: 0, width: "100%" },
  role: { gridColumn: "1 / -1", maxWidth: "320px" },
  levels: { gridColumn: "1 / -1", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  /** Label shares are short numbers: two a row even at 320 px. */
  shares: columns("115px"),
  sum: { fontWeight: tokens.fontWeightSemibold },
});

/** One criterion's entry as stored (from JSON: any value may be of the wrong type, which checkCriteria names). */
type Row = { readonly id: string; readonly role?: unknown } & Record<string, unknown>;

/** The stored entries, or null when the entry is not a JSON list (the Parameters step says why). */
function rowsOf(entry: string | undefined): Row[] | null {
  if (entry === undefined || entry.trim() === "") return [];
  try {
    const json: unknown = JSON.parse(entry);
    return Array.isArray(json) ? (json as Row[]) : null;
  } catch {
    return null;
  }
}

/** The same settings, whatever the order of keys: how the step knows a preset is still as chosen. */
const canonical = (rows: readonly object[]): string =>
  JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))));

const PRESET_TEXT: Record<Preset, string> = Object.fromEntries(PRESETS.map((p) => [p, canonical(presetCriteria(p))])) as Record<
  Preset,
  string
>;

/** The numbers a role starts with: the preset's that gives the criterion this role, else none (the authority enters them). */
function startingNumbers(c: Criterion, role: Role, row: Row): Record<string, unknown> {
  const preset = [c.ambitious, c.basis].find((p) => p.role === role);
  const out: Record<string, unknown> = {};
  for (const field of usedFields(c, role)) {
    const value = row[field] ?? preset?.[field] ?? (field === "levels" ? DEFAULT_LABEL_LEVELS : undefined);
    if (value !== undefined) out[field] = field === "levels" ? { ...(value as object) } : value;
  }
  return out;
}

/** A number as typed: blank is no value, a number in the UI language is the number, anything else stays text (and is named as such). */
function typed(text: string, lang: Language): unknown {
  if (text.trim() === "") return undefined;
  const n = readNumber(text, { locale: lang, percent: false });
  return typeof n === "number" ? n : text;
}
const shown = (value: unknown, lang: Language): string =>
  typeof value === "number" ? numberText(value, lang) : typeof value === "string" ? value : "";

export function CriteriaStep(props: {
  /** The circular scenarios compare ways of keeping devices, not offers: they have no criteria. */
  group: ProductGroup;
  /** The `criteria` parameter entry: CRITERIA.md §2 as JSON, "" for none. */
  entry: string | undefined;
  /** The Parameters the settings are checked against (quality points, Wr, Sr). */
  context: CriteriaContext;
  /** A framework set that fixes the criteria: shown, not editable. */
  readOnly: boolean;
  onChange(entry: string): void;
}) {
  const s = useStyles();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const stored = useMemo(() => rowsOf(props.entry), [props.entry]);
  const raw = useMemo(() => stored ?? [], [stored]);
  /** Every criterion of the catalogue in its order, as set or off; entries the catalogue does not know are kept after them. */
  const rows: Row[] = [
    ...CATALOGUE.map((c) => raw.find((r) => r?.id === c.id) ?? { id: c.id, role: "off" }),
    ...raw.filter((r) => !(typeof r?.id === "string" && isCriterionId(r.id))),
  ];
  const checked = checkCriteria(raw, props.context);

  /** Each problem at its criterion and field; the ones no input shows are listed above the criteria. */
  const at = new Map<string, CriteriaIssue[]>();
  const elsewhere: CriteriaIssue[] = [];
  for (const issue of checked.issues) {
    const row = issue.index === undefined ? undefined : raw[issue.index];
    const c = row && typeof row.id === "string" ? CATALOGUE.find((x) => x.id === row.id) : undefined;
    const role = row?.role as Role;
    const fields: readonly string[] = c && (ROLES as readonly string[]).includes(role) ? usedFields(c, role) : [];
    const field = issue.field?.startsWith("levels[") ? "levels" : issue.field;
    if (c && field && fields.includes(field)) at.set(`${c.id}.${issue.field}`, [...(at.get(`${c.id}.${issue.field}`) ?? []), issue]);
    else if (issue.rule !== "pointsAboveQualityMaximum") elsewhere.push(issue);
  }
  const issuesAt = (id: CriterionId, field: string) => at.get(`${id}.${field}`) ?? [];

  const save = (next: readonly Row[]) => {
    if (!props.readOnly) props.onChange(JSON.stringify(next));
  };
  const update = (id: CriterionId, change: (row: Row) => Row) => save(rows.map((r) => (r.id === id ? change(r) : r)));
  const setRole = (c: Criterion, role: Role) => update(c.id, (row) => ({ id: c.id, role, ...startingNumbers(c, role, row) }));
  const setNumber = (id: CriterionId, field: SettingField, text: string) =>
    update(id, (row) => {
      const { [field]: _old, ...rest } = row;
      const value = typed(text, lang);
      return (value === undefined ? rest : { ...rest, [field]: value }) as Row;
    });
  const setLevel = (id: CriterionId, label: Label, text: string) =>
    update(id, (row) => {
      const levels = { ...((typeof row.levels === "object" && row.levels) || {}) } as Record<string, unknown>;
      delete levels[label];
      const value = typed(text, lang);
      if (value !== undefined) levels[label] = value;
      return { ...row, levels };
    });

  const preset: Preset | "none" | "" =
    stored !== null && stored.length === 0 ? "none" : (PRESETS.find((p) => canonical(raw) === PRESET_TEXT[p]) ?? "");
  const choosePreset = (p: string) => {
    if (props.readOnly) return;
    props.onChange(p === "none" ? "" : JSON.stringify(presetCriteria(p as Preset)));
  };

  // The running sum counts the points typed, valid or not, so it follows every keystroke.
  const sum = awardPointsSum(
    rows.flatMap((r) =>
      r.role === "award" && typeof r.points === "number" && isCriterionId(r.id)
        ? [{ id: r.id, role: "award" as const, points: r.points }]
        : [],
    ),
  );
  const max = props.context.qualityPoints;
  const over: CriteriaIssue = {
    severity: "warning",
    path: "criteria",
    rule: "pointsAboveQualityMaximum",
    values: { sum: numberText(sum, lang), max: numberText(max, lang) },
  };

  const appliesText = (c: Criterion): string =>
    c.appliesTo === "all"
      ? criteriaText(lang, "appliesTo.all")
      : "deviceTypes" in c.appliesTo
        ? c.appliesTo.deviceTypes.map((d) => i18n.tBuilt(`option.deviceType.${d}`)).join(", ")
        : criteriaText(lang, "appliesTo.refurbished");

  const numberField = (c: Criterion, field: Exclude<SettingField, "levels">, value: unknown) => {
    const issues = issuesAt(c.id, field);
    const error = issues.find((i) => i.severity === "error");
    const unit = field !== "points" && c.unit ? ` (${criteriaTextBuilt(lang, `unit.${c.unit}.other`, { n: "" }).trim()})` : "";
    return (
      <Field
        key={field}
        label={`${criteriaTextBuilt(lang, `field.${field}`)}${unit}`}
        validationState={error ? "error" : issues.length ? "warning" : "none"}
        validationMessage={issues.length ? issues.map((i) => issueMessage(lang, i)).join("; ") : undefined}
      >
        <Input
          className={s.input}
          input={{ className: s.inner }}
          value={shown(value, lang)}
          onChange={(_, d) => setNumber(c.id, field, d.value)}
          inputMode="decimal"
          readOnly={props.readOnly}
          autoComplete="off"
          data-testid={`criterion-${c.id}-${field}`}
        />
      </Field>
    );
  };

  const levelsField = (c: Criterion, row: Row) => {
    const levels = (typeof row.levels === "object" && row.levels ? row.levels : {}) as Record<string, unknown>;
    const issues = issuesAt(c.id, "levels");
    return (
      <div className={s.levels} key="levels" role="group" aria-labelledby={`criterion-${c.id}-levels-heading`}>
        <Text id={`criterion-${c.id}-levels-heading`} weight="semibold">
          {criteriaText(lang, "field.levels")}
        </Text>
        <Text size={200}>{t("criteria.levelsHint")}</Text>
        {issues.length > 0 && (
          <MessageBar
            intent={issues.some((i) => i.severity === "error") ? "error" : "warning"}
            data-testid={`criterion-${c.id}-levels-error`}
          >
            <MessageBarBody>{issues.map((i) => issueMessage(lang, i)).join("; ")}</MessageBarBody>
          </MessageBar>
        )}
        <div className={s.shares}>
          {LABELS.filter((l) => l !== "none").map((label) => {
            const own = issuesAt(c.id, `levels[${JSON.stringify(label)}]`);
            return (
              <Field
                key={label}
                label={labelName(lang, label)}
                validationState={own.length ? "error" : "none"}
                validationMessage={own.length ? own.map((i) => issueMessage(lang, i)).join("; ") : undefined}
              >
                <Input
                  className={s.input}
                  input={{ className: s.inner }}
                  value={shown(levels[label], lang)}
                  onChange={(_, d) => setLevel(c.id, label, d.value)}
                  inputMode="decimal"
                  readOnly={props.readOnly}
                  autoComplete="off"
                  data-testid={`criterion-${c.id}-level-${label}`}
                />
              </Field>
            );
          })}
        </div>
      </div>
    );
  };

  const criterionItem = (c: Criterion) => {
    const row = rows.find((r) => r.id === c.id) as Row;
    const role: Role = (ROLES as readonly string[]).includes(row.role as string) ? (row.role as Role) : "off";
    const name = criterionName(lang, c.id);
    return (
      <li key={c.id} className={s.item} data-testid={`criterion-${c.id}`}>
        <InfoLabel
          weight="semibold"
          info={<span data-testid={`criterion-${c.id}-source-text`}>{t("criteria.source", { text: criterionSource(lang, c.id) })}</span>}
          infoButton={{ "aria-label": t("criteria.sourceOf", { name }), "data-testid": `criterion-${c.id}-source` } as object}
        >
          {name}
        </InfoLabel>
        <Text size={200} className={s.applies}>
          {t("criteria.appliesTo", { devices: appliesText(c) })}
        </Text>
        <div className={s.numbers}>
          <Field label={t("criteria.role")} className={s.role}>
            <Select
              className={s.select}
              value={role}
              disabled={props.readOnly}
              onChange={(_, d) => setRole(c, d.value as Role)}
              data-testid={`criterion-${c.id}-role`}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {criteriaTextBuilt(lang, `role.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          {usedFields(c, role).map((field) => (field === "levels" ? levelsField(c, row) : numberField(c, field, row[field])))}
        </div>
      </li>
    );
  };

  const inUse = (area: CriterionArea) => CATALOGUE.filter((c) => c.area === area && rows.find((r) => r.id === c.id)?.role !== "off");

  if (props.group === "circular")
    return (
      <MessageBar intent="info" data-testid="criteria-scenarios">
        <MessageBarBody>{t("criteria.scenarios")}</MessageBarBody>
      </MessageBar>
    );
  return (
    <div className={s.stack}>
      <Text>{t("criteria.intro")}</Text>
      {props.readOnly && (
        <MessageBar intent="info" data-testid="criteria-locked">
          <MessageBarBody>{t("criteria.locked")}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t("criteria.preset")} hint={t("criteria.presetHint")}>
        <RadioGroup value={preset} onChange={(_, d) => choosePreset(d.value)} disabled={props.readOnly} data-testid="criteria-preset">
          {PRESETS.map((p) => (
            <Radio key={p} value={p} label={criteriaTextBuilt(lang, `preset.${p}`)} data-testid={`criteria-preset-${p}`} />
          ))}
          <Radio value="none" label={t("criteria.presetNone")} data-testid="criteria-preset-none" />
        </RadioGroup>
      </Field>
      <div role="status" aria-live="polite" className={s.stack}>
        <Text className={s.sum} data-testid="criteria-sum">
          {t("criteria.sum", { sum: numberText(sum, lang), max: numberText(max, lang) })}
        </Text>
        {sum > max && (
          <MessageBar intent="warning" data-testid="criteria-over">
            <MessageBarBody>{issueMessage(lang, over)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {(stored === null || elsewhere.length > 0) && (
        <MessageBar
          intent={stored === null || elsewhere.some((i) => i.severity === "error") ? "error" : "warning"}
          data-testid="criteria-problems"
        >
          <MessageBarBody>
            {stored === null ? t("criteria.unreadable") : elsewhere.map((i) => issueText(lang, i)).join(" · ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {/* Lifetime, and every area with a problem, open at first. */}
      <Accordion
        multiple
        collapsible
        defaultOpenItems={AREAS.filter(
          (a) => a === "lifetime" || CATALOGUE.some((c) => c.area === a && [...at.keys()].some((k) => k.startsWith(`${c.id}.`))),
        )}
      >
        {AREAS.map((area) => (
          <AccordionItem key={area} value={area}>
            <AccordionHeader data-testid={`criteria-area-${area}`}>
              {t("criteria.area", {
                area: criteriaTextBuilt(lang, `area.${area}`),
                on: inUse(area).length,
                total: CATALOGUE.filter((c) => c.area === area).length,
              })}
            </AccordionHeader>
            <AccordionPanel>
              <ul className={s.list}>{CATALOGUE.filter((c) => c.area === area).map(criterionItem)}</ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
