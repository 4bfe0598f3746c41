/**
 * Framework agreements in the pane: adopt a central purchasing body's parameter set (its fingerprint checked
 * first; a refused file changes nothing), see where this comparison deviates from it, lock its values, and
 * publish the Parameters as a set. Results and the award explanation name the set through frameworkNote.
 */
import {
  Button,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useMemo, useState } from "react";
import type { DomainError } from "../../../engine/result";
import type { Host, ProtectOutcome } from "../../../host/types";
import { type Entries, parameterText, parametersFromEntries } from "../../../model/entries";
import type { FrameworkNote } from "../../../model/explain";
import type { Parameters } from "../../../model/parameters";
import {
  type FrameworkOffers,
  type ParameterSet,
  deviationsFrom,
  publishParameterSet,
  setFileStem,
  verifyParameterSet,
} from "../../../model/parameterSet";
import { PARAMETER_INPUTS } from "../form";
import { TextField, useFieldStyles } from "../fields";
import { type I18n, useI18n } from "../i18n";
import { readText, useFilePicker } from "../FilePicker";
import { ScrollTable } from "../ScrollTable";
import { dataTable } from "../styles";

/** The call-off and mini-competition, on their own chunk: only a set published with its awarded offers needs them. */
const CallOffView = lazy(() => import(/* webpackChunkName: "calloff" */ "./CallOffView").then((m) => ({ default: m.CallOffView })));

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  heading: { margin: 0 },
  fingerprint: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  table: dataTable("left", { overflowWrap: "break-word", hyphens: "auto" }),
  details: { "& > summary": { cursor: "pointer", fontWeight: tokens.fontWeightSemibold } },
});

/** The fields a publisher most often leaves to each participant. */
const LOCAL_CANDIDATES: readonly (keyof Parameters)[] = [
  "electricityPricePerKWh",
  "energyEscalation",
  "country",
  "emissionFactorKgPerKWh",
  "currency",
];

const fieldLabel = (i18n: I18n, key: string) => i18n.tBuilt(`param.${key}`);

/** A parameter's value as the Parameters step shows it: options and yes/no in words. */
function valueText(i18n: I18n, key: keyof Parameters, value: Parameters[keyof Parameters]): string {
  if (typeof value === "boolean") return i18n.t(value ? "common.yes" : "common.no");
  if (PARAMETER_INPUTS.find((i) => i.key === key)?.kind === "select") return i18n.tBuilt(`option.${key}.${String(value)}`);
  return parameterText(key, value, i18n.lang) || "–";
}

export interface DeviationRow {
  readonly key: keyof Parameters;
  readonly field: string;
  readonly frameworkValue: string;
  readonly localValue: string;
  readonly allowed: boolean;
}

/** The comparison's deviations from the set in words; a value that cannot be read shows as typed. */
export function deviationRows(i18n: I18n, set: ParameterSet, entries: Entries): DeviationRow[] {
  const checked = parametersFromEntries(entries);
  return deviationsFrom(set, checked.value).map((d) => ({
    key: d.field,
    field: fieldLabel(i18n, d.field),
    frameworkValue: valueText(i18n, d.field, d.frameworkValue),
    localValue: checked.errors[d.field] ? entries[d.field] || "–" : valueText(i18n, d.field, d.localValue),
    allowed: d.allowed,
  }));
}

/**
 * What Results and the award explanation say of the set; with offers under a set that has awarded offers, a
 * mini-competition among its suppliers, naming the offers' suppliers that are not among them.
 */
export function frameworkNote(i18n: I18n, set: ParameterSet, entries: Entries, offerSuppliers: readonly string[] = []): FrameworkNote {
  const suppliers = [...new Set((set.offers?.bids ?? []).map((b) => b.supplier))];
  const outsiders = [...new Set(offerSuppliers.filter((x) => x.trim() !== "" && !suppliers.includes(x)))];
  return {
    name: set.name,
    version: set.version,
    fingerprint: set.fingerprint,
    deviations: deviationRows(i18n, set, entries),
    ...(suppliers.length && offerSuppliers.length ? { miniCompetition: { suppliers, outsiders } } : {}),
  };
}

/** Name, version, fingerprint and either "unchanged" or the deviations, as a table (Parameters and Results). */
export function FrameworkSummary({ set, entries }: { set: ParameterSet; entries: Entries }) {
  const s = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const rows = deviationRows(i18n, set, entries);
  return (
    <div className={s.stack} data-testid="framework-summary">
      <Text weight="semibold" data-testid="framework-name">
        {t("framework.adopted", { name: set.name, version: set.version, publisher: set.publisher, date: set.date })}
      </Text>
      <Text>
        {t("framework.fingerprint")}:{" "}
        <span className={s.fingerprint} data-testid="framework-fingerprint">
          {set.fingerprint}
        </span>
      </Text>
      {rows.length === 0 ? (
        <Text data-testid="framework-unchanged">{t("framework.unchanged")}</Text>
      ) : (
        <ScrollTable
          caption={i18n.plural("framework.deviations", rows.length)}
          columns={[t("framework.field"), t("framework.frameworkValue"), t("framework.localValue")]}
          className={s.table}
          testId="framework-deviations"
        >
          {rows.map((r) => (
            <tr key={r.key} data-testid={`framework-deviation-${r.key}`}>
              <th scope="row">{r.field}</th>
              <td>{r.frameworkValue}</td>
              <td>
                {r.localValue}
                {r.allowed && ` (${t("framework.allowed")})`}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </div>
  );
}

/** The Parameters step's framework section: adopt (and then lock, unlock or drop) or publish. */
export function FrameworkPanel(props: {
  set?: ParameterSet;
  locked: boolean;
  entries: Entries;
  /** True when the Parameters have no problem (a set is published only from valid values). */
  valid: boolean;
  today: string;
  onAdopt(set: ParameterSet): void;
  onDrop(): void;
  onLock(locked: boolean): void;
  /** Excel: protect or unprotect the workbook's Parameters and Criteria sheets along with the lock. */
  protect?(protect: boolean, options: { password?: string; editable: readonly string[] }): Promise<ProtectOutcome>;
  /** The comparison's compliant offers, to publish with the set as its awarded catalogue (computed when asked). */
  awarded?(): FrameworkOffers | undefined;
  /** The call-off's quantities as typed, by product key, and the suppliers of the offers now in the list. */
  callOff?: Entries;
  onCallOff?(key: string, text: string): void;
  offerSuppliers?: readonly string[];
  onMiniCompetition?(): void;
  /** Where the host can offer a file: the call-off workbook's download. */
  offerFile?: Host["offerFile"];
}) {
  const s = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const chooser = useFilePicker(".json,application/json", t("framework.adopt"), "framework-input", (f) => void adopt(f));
  const [refusal, setRefusal] = useState<{ file: string; problems: string[] } | null>(null);
  const [password, setPassword] = useState("");
  const [sheet, setSheet] = useState<ProtectOutcome | null>(null);

  /**
   * In Excel the sheet's protection first: when Excel refuses (a wrong password), the pane's lock stays as it
   * was too. A mini-competition locks the set the same way, then starts (`then`).
   */
  const lock = async (locked: boolean, then: () => void = () => props.onLock(locked)) => {
    setSheet(null);
    if (props.protect && props.set) {
      const outcome = await props.protect(locked, { password: password || undefined, editable: props.set.local });
      setSheet(outcome);
      if (outcome.kind === "failed") return;
    }
    then();
  };

  const adopt = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await readText(file));
    } catch {
      setRefusal({ file: file.name, problems: [t("framework.notJson")] });
      return;
    }
    let verified;
    try {
      verified = await verifyParameterSet(json);
    } catch (e) {
      // Web Crypto is there only in secure contexts (https, localhost): say so rather than fail silently.
      setRefusal({ file: file.name, problems: [String(e instanceof Error ? e.message : e)] });
      return;
    }
    if (!verified.ok) {
      setRefusal({ file: file.name, problems: verified.problems.map((p: DomainError) => i18n.error(p, p.argument)) });
      return;
    }
    setRefusal(null);
    props.onAdopt(verified.set);
  };

  const local = props.set?.local.map((k) => fieldLabel(i18n, k)).join(", ");
  return (
    <section aria-labelledby="framework-heading" className={s.stack} data-testid="framework-panel">
      <Subtitle2 as="h3" block id="framework-heading" className={s.heading}>
        {t("framework.title")}
      </Subtitle2>
      {chooser.picker}
      {props.set ? (
        <>
          <FrameworkSummary set={props.set} entries={props.entries} />
          {props.locked && (
            <MessageBar intent="info" layout="multiline" data-testid="framework-locked">
              <MessageBarBody>
                {t("framework.locked", { fields: local || t("framework.noLocal") })} {t("framework.unlockHint")}
              </MessageBarBody>
            </MessageBar>
          )}
          {props.protect && (
            <TextField
              label={t("framework.password")}
              value={password}
              onChange={setPassword}
              testId="framework-password"
              type="password"
            />
          )}
          {sheet && (
            <MessageBar
              intent={sheet.kind === "failed" ? "error" : sheet.kind === "notWritten" ? "warning" : "success"}
              layout="multiline"
              data-testid="framework-sheet"
            >
              <MessageBarBody>
                {sheet.kind === "done"
                  ? sheet.criteria
                    ? t(sheet.protected ? "framework.sheetsProtected" : "framework.sheetsUnprotected")
                    : t(sheet.protected ? "framework.sheetProtected" : "framework.sheetUnprotected")
                  : sheet.kind === "notWritten"
                    ? t("framework.sheetNotWritten")
                    : t("framework.sheetFailed", { message: sheet.message })}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={s.row}>
            <Button onClick={() => void lock(!props.locked)} data-testid="framework-lock">
              {t(props.locked ? "framework.unlock" : "framework.lock")}
            </Button>
            <Button onClick={chooser.choose} data-testid="framework-adopt">
              {t("framework.adopt")}
            </Button>
            <Button onClick={props.onDrop} data-testid="framework-drop">
              {t("framework.drop")}
            </Button>
          </div>
        </>
      ) : (
        <div className={s.row}>
          <Button onClick={chooser.choose} data-testid="framework-adopt">
            {t("framework.adopt")}
          </Button>
          <Text size={200}>{t("framework.adoptHint")}</Text>
        </div>
      )}
      {refusal && (
        <MessageBar intent="error" layout="multiline" data-testid="framework-refused">
          <MessageBarBody>
            <MessageBarTitle>{t("framework.refused", { file: refusal.file })}</MessageBarTitle>
            <ul>
              {refusal.problems.map((p, i) => (
                <li key={i} data-testid={`framework-problem-${i}`}>
                  {p}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {props.set?.offers && props.onCallOff && props.onMiniCompetition && (
        <Suspense fallback={<Text role="status">{t("common.working")}</Text>}>
          <CallOffView
            set={props.set}
            entries={props.entries}
            quantities={props.callOff ?? {}}
            onQuantity={props.onCallOff}
            offerSuppliers={props.offerSuppliers ?? []}
            onMiniCompetition={() => void lock(true, props.onMiniCompetition)}
            offerFile={props.offerFile}
          />
        </Suspense>
      )}
      {!props.set && <Publish entries={props.entries} valid={props.valid} today={props.today} awarded={props.awarded} />}
    </section>
  );
}

/** Publish the Parameters as a set.json: name, version, publisher, the fields left to participants. */
function Publish({
  entries,
  valid,
  today,
  awarded,
}: {
  entries: Entries;
  valid: boolean;
  today: string;
  awarded?: () => FrameworkOffers | undefined;
}) {
  const s = useStyles();
  const f = useFieldStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [info, setInfo] = useState({ name: entries.parameterSetName ?? "", version: entries.parameterSetVersion ?? "", publisher: "" });
  const [local, setLocal] = useState<readonly (keyof Parameters)[]>(["electricityPricePerKWh"]);
  const [file, setFile] = useState<{ href: string; name: string } | null>(null);
  const [withOffers, setWithOffers] = useState(false);
  const offers = useMemo(() => awarded?.(), [awarded]);
  const published = withOffers && offers?.bids.length ? offers : undefined;
  const complete = valid && info.name.trim() !== "" && info.version.trim() !== "" && info.publisher.trim() !== "";

  useEffect(() => {
    if (!complete) return setFile(null);
    let current = true;
    const parameters = parametersFromEntries(entries).value;
    void publishParameterSet(
      parameters,
      {
        name: info.name.trim(),
        version: info.version.trim(),
        publisher: info.publisher.trim(),
        date: today,
        local,
      },
      published,
    ).then((set) => {
      if (!current) return;
      const name = `${setFileStem(set)}.json`;
      setFile({ href: `data:application/json;charset=utf-8,${encodeURIComponent(`${JSON.stringify(set, null, 2)}\n`)}`, name });
    });
    return () => {
      current = false;
    };
  }, [complete, entries, info, local, today, published]);

  return (
    <details className={s.details} data-testid="framework-publish">
      <summary>{t("framework.publish")}</summary>
      <div className={s.stack}>
        <Text size={200}>{t("framework.publishHint")}</Text>
        <div className={f.grid}>
          {(["name", "version", "publisher"] as const).map((k) => (
            <TextField
              key={k}
              label={t(`framework.${k}`)}
              value={info[k]}
              onChange={(v) => setInfo({ ...info, [k]: v })}
              testId={`framework-publish-${k}`}
              required
            />
          ))}
        </div>
        <fieldset className={s.stack} style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>{t("framework.local")}</legend>
          {LOCAL_CANDIDATES.map((k) => (
            <Checkbox
              key={k}
              label={fieldLabel(i18n, k)}
              checked={local.includes(k)}
              onChange={(_, d) => setLocal(d.checked ? [...local, k] : local.filter((x) => x !== k))}
              data-testid={`framework-local-${k}`}
            />
          ))}
        </fieldset>
        {awarded &&
          (offers?.bids.length ? (
            <Checkbox
              label={t("framework.publishOffers", { n: offers.bids.length })}
              checked={withOffers}
              onChange={(_, d) => setWithOffers(!!d.checked)}
              data-testid="framework-publish-offers"
            />
          ) : (
            <Text size={200} data-testid="framework-publish-no-offers">
              {t("framework.publishNoOffers")}
            </Text>
          ))}
        {file ? (
          <Link href={file.href} download={file.name} data-testid="framework-download">
            {t("framework.download", { file: file.name })}
          </Link>
        ) : (
          <Text size={200} data-testid="framework-publish-missing">
            {t("framework.publishMissing")}
          </Text>
        )}
      </div>
    </details>
  );
}
