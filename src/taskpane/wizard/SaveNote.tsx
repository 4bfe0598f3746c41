/** Where the entries are kept right now; in Excel, whether they reached the workbook yet. */
import { Text } from "@fluentui/react-components";
import type { Host } from "../../host/types";
import { Notice } from "./Notice";
import { useI18n } from "./i18n";
import type { SaveNoteStatus } from "./useSavedComparison";

export function SaveNote({ status, host }: { status: SaveNoteStatus; host: Host }) {
  const { t, plural } = useI18n();
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
