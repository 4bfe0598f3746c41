/**
 * What the host could not read when the comparison was loaded: standalone, what was recovered from the
 * browser's storage and what was not; in Excel, why the pane writes nothing to the workbook, with Retry.
 */
import { Button } from "@fluentui/react-components";
import type { LoadResult, WorkbookProblem } from "../../host/types";
import { type CriterionId, LABELS, type Label, criterionOf } from "../../model/criteria/catalogue";
import { criterionName, labelName } from "../../model/criteria/text";
import { type I18n, useI18n } from "./i18n";
import { Notice } from "./Notice";

const CRITERIA_FIELDS = ["role", "threshold", "points", "worst", "best"] as const;

/** A Criteria sheet part in words: criteria.batteryCycles.points is Criteria – Battery cycles – Points. */
function criteriaPart(rest: readonly string[], { t, lang }: Pick<I18n, "t" | "lang">): string {
  const [id, field] = [rest[0], rest.slice(1).join(".")];
  if (id === "levels" && (LABELS as readonly string[]).includes(field))
    return `${t("load.partCriteria")} – ${t("load.criteriaLevel", { label: labelName(lang, field as Label) })}`;
  const name = criterionOf(id) ? criterionName(lang, id as CriterionId) : id;
  const known = CRITERIA_FIELDS.find((f) => f === field);
  return [t("load.partCriteria"), name, known ? t(`load.criteriaField.${known}`) : field].filter(Boolean).join(" – ");
}

/** A stored part's path in words: bids.2.price is offer 3 – Purchase price per unit; bids.2.batteryCycles names the criterion. */
export function partText(path: string, { t, tBuilt, lang }: Pick<I18n, "t" | "tBuilt" | "lang">): string {
  const [head, ...rest] = path.split(".");
  const field = rest.join(".");
  if (head === "json" || head === "version") return t("load.partAll");
  if (head === "framework" && !rest.length) return t("framework.title");
  if (head === "criteria") return criteriaPart(rest, { t, lang });
  if (head === "bids" && rest.length === 2 && criterionOf(rest[1]))
    return `${t("load.offer", { n: Number(rest[0]) + 1 })} – ${criterionName(lang, rest[1] as CriterionId)}`;
  if (head === "parameters") return field ? `${t("step.parameters")} – ${tBuilt(`param.${field}`)}` : t("step.parameters");
  if (head === "bids") {
    if (!rest.length) return t("load.partOffers");
    const offer = t("load.offer", { n: Number(rest[0]) + 1 });
    return rest.length > 1 ? `${offer} – ${tBuilt(`bid.${rest.slice(1).join(".")}`)}` : offer;
  }
  if (head === "circular" && rest.length === 2) return `${tBuilt(`scenario.${rest[0]}`)} – ${tBuilt(`scenario.field.${rest[1]}`)}`;
  return field ? `${t("step.options")} – ${tBuilt(`circular.${field}`)}` : t("step.options");
}

function problemText(p: WorkbookProblem, t: I18n["t"]): string {
  switch (p.kind) {
    case "readFailed":
      return t("load.readFailed", { message: p.message });
    case "tableNotFound":
      return t("load.tableNotFound", { table: p.table });
    case "namesMissing":
      return t("load.namesMissing", { names: p.names.join(", ") });
    case "tableShape": {
      const parts = [
        p.missing.length ? t("load.columnsMissing", { list: p.missing.join(", ") }) : "",
        p.duplicated.length ? t("load.columnsDuplicated", { list: p.duplicated.join(", ") }) : "",
      ];
      return t("load.tableShape", { table: p.table, details: parts.filter(Boolean).join(" ") });
    }
    case "sheetMissing":
      return t("load.sheetMissing", { sheet: p.sheet });
  }
}

/**
 * Read as stored, but figures an earlier version computed another way (LCC-METHOD §12.6), and in Excel the
 * cells that could not be read (left as they are): said, never silent.
 */
function changeLines(r: LoadResult["report"], i18n: I18n): string[] {
  const { t } = i18n;
  return [
    ...(r.unreadableCells ?? []).map((c) => t("load.unreadableCell", { cell: c.cell, value: c.value, part: partText(c.part, i18n) })),
    ...(r.methodChanges ?? []).map((c) => t("load.residualCurveChanged", { curve: c.was })),
    r.unscoredCriteria?.length
      ? i18n.plural("app.unscored", r.unscoredCriteria.length, {
          list: r.unscoredCriteria.map((id) => criterionName(i18n.lang, id)).join(", "),
        })
      : "",
    r.olderTemplate !== undefined ? t("load.olderTemplate", { version: r.olderTemplate }) : "",
  ].filter(Boolean);
}

export function LoadNotice({ result, onRetry }: { result: LoadResult | null; onRetry(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!result) return null;
  const changes = changeLines(result.report, i18n);
  if (result.status === "ok")
    return changes.length ? (
      <Notice intent={result.report.unreadableCells?.length ? "warning" : "info"} testId="load-changes">
        {changes.map((line) => (
          <p key={line} style={{ margin: 0 }}>
            {line}
          </p>
        ))}
      </Notice>
    ) : null;
  const r = result.report;
  if (r.problem)
    return (
      <Notice
        intent="error"
        testId="load-problem"
        actions={
          <Button onClick={onRetry} data-testid="load-retry">
            {t("load.retry")}
          </Button>
        }
      >
        {problemText(r.problem, t)}
      </Notice>
    );
  const lines = [
    t(result.status === "failed" ? "load.failed" : "load.recovered"),
    r.newerVersion !== undefined ? t("load.newerVersion", { version: r.newerVersion }) : "",
    r.unreadable.includes("json") ? t("load.damaged") : "",
    r.unknownGroup !== undefined ? t("load.unknownGroup", { group: r.unknownGroup }) : "",
    r.repaired.length ? t("load.repaired", { parts: r.repaired.map((p) => partText(p, i18n)).join("; ") }) : "",
    r.unreadable.length ? t("load.unreadable", { parts: r.unreadable.map((p) => partText(p, i18n)).join("; ") }) : "",
    r.backupKey ? t("load.backup", { key: r.backupKey }) : t("load.noBackup"),
    ...changes,
  ];
  return (
    <Notice intent="warning" testId="load-report">
      {lines.filter(Boolean).map((line) => (
        <p key={line} style={{ margin: 0 }}>
          {line}
        </p>
      ))}
    </Notice>
  );
}
