/** Step 1: which product group, and whether to continue the comparison kept by this host or start anew. */
import { Button, Field, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { HostKind } from "../../../host/types";
import { PRODUCT_GROUPS, type ProductGroup } from "../../../model/bid";
import { useI18n } from "../i18n";
import { Notice } from "../Notice";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, alignItems: "stretch" } });

export function StartStep(props: {
  group: ProductGroup;
  hostKind: HostKind;
  /** Offers and options in the comparison continued from the host, or null for a fresh one. */
  restored: { offers: number } | null;
  /** Stored data could not be read: it stays until the user starts a new comparison. */
  unread?: boolean;
  onGroup(group: ProductGroup): void;
  onNew(): void;
}) {
  const s = useStyles();
  const { t, plural } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const where = t(props.hostKind === "excel" ? "start.whereWorkbook" : "start.whereBrowser");
  return (
    <div className={s.stack}>
      <Field label={t("start.groupLabel")} hint={t("start.groupHint")}>
        <RadioGroup value={props.group} onChange={(_, d) => props.onGroup(d.value as ProductGroup)}>
          {PRODUCT_GROUPS.map((g) => (
            <Radio key={g} value={g} label={t(`group.${g}`)} data-testid={`group-${g}`} />
          ))}
        </RadioGroup>
      </Field>
      {props.restored ? (
        <Notice intent="info" testId="start-restored">
          {plural("start.continuing", props.restored.offers, { where })}
        </Notice>
      ) : (
        <Text data-testid="start-fresh">{t("start.fresh")}</Text>
      )}
      <Text>{t(props.hostKind === "excel" ? "start.keptInWorkbook" : "start.keptInBrowser")}</Text>
      {(props.restored || props.unread) && !confirming && (
        <div>
          <Button onClick={() => setConfirming(true)} data-testid="start-new">
            {t("start.new")}
          </Button>
        </div>
      )}
      {confirming && (
        // Inline rather than a dialog: the pane stays small, and focus stays where the user is.
        <Notice
          intent="warning"
          label={t("start.confirmTitle")}
          testId="start-new-confirmation"
          actions={
            <>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  props.onNew();
                }}
                data-testid="start-new-confirm"
              >
                {t("start.confirmYes")}
              </Button>
              <Button onClick={() => setConfirming(false)} data-testid="start-new-cancel">
                {t("start.confirmNo")}
              </Button>
            </>
          }
        >
          {t("start.confirmText", { where })}
        </Notice>
      )}
    </div>
  );
}
