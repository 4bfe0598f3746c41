/**
 * Where the entries are kept right now; in Excel, whether they reached the workbook yet, and which cells a
 * colleague changed meanwhile (kept, not overwritten), with a reload.
 */
import { Button, Text } from "@fluentui/react-components";
import type { Host } from "../../host/types";
import { Notice } from "./Notice";
import { partText } from "./LoadNotice";
import { criterionName } from "../../model/criteria/words";
import { useI18n } from "./i18n";
import type { SaveNoteStatus } from "./useSavedComparison";

/** Criteria the pane counts that the workbook's Results sheet does not score (switched on after it was written), above the save's own note. */
export function SaveNote(props: { status: SaveNoteStatus; host: Host; onReload?(): void }) {
  const { plural, lang } = useI18n();
  const unscored = props.status !== null && props.status !== "failed" ? (props.status.unscoredCriteria ?? []) : [];
  if (!unscored.length) return <SaveState {...props} />;
  return (
    <>
      <Notice intent="warning" testId="save-unscored">
        {plural("app.unscored", unscored.length, { list: unscored.map((id) => criterionName(lang, id)).join(", ") })}
      </Notice>
      <SaveState {...props} />
    </>
  );
}

function SaveState({ status, host, onReload }: { status: SaveNoteStatus; host: Host; onReload?(): void }) {
  const i18n = useI18n();
  const { t, plural } = i18n;
  if (status !== null && status !== "failed" && status.conflicts?.length)
    return (
      <Notice
        intent="warning"
        testId="save-conflicts"
        actions={
          onReload && (
            <Button onClick={onReload} data-testid="save-reload">
              {t("app.reload")}
            </Button>
          )
        }
      >
        {t("app.conflicts", {
          list: status.conflicts
            .map((c) => {
              // A blank value is said, not shown as empty quotes; a workbook setting (the framework set) has no cell.
              const [part, theirs, mine] = [partText(c.where, i18n), c.theirs || t("app.conflictEmpty"), c.mine || t("app.conflictEmpty")];
              return c.cell
                ? t("app.conflictItem", { part, cell: c.cell, theirs, mine })
                : t("app.conflictItemSetting", { part, theirs, mine });
            })
            .join("; "),
        })}
      </Notice>
    );
  if (status !== null && status !== "failed" && status.refused)
    return (
      <Notice intent="warning" testId="save-refused">
        {t(status.refused.reason === "unreadStoredData" ? "app.refusedUnread" : "app.refusedNotAttached")}
      </Notice>
    );
  if (status === "failed")
    return (
      <Notice intent="error" testId="save-failed">
        {t(host.kind === "excel" ? "app.saveFailedExcel" : "app.saveFailedBrowser")}
      </Notice>
    );
  if (host.kind !== "excel" || status === null) return null;
  if (status.offersNotStored)
    return (
      <Notice intent="warning" testId="save-partial">
        {plural("app.savePartial", status.offersNotStored)}
      </Notice>
    );
  return (
    <Text size={200} data-testid="save-status">
      {t(status.stored ? "app.savedInWorkbook" : "app.notInWorkbook")}
    </Text>
  );
}
