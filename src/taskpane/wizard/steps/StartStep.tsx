/** Step 1: which product group, and whether to continue the comparison kept by this host or start anew. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HostKind, ProductGroup } from "../../../host/types";
import { PRODUCT_GROUPS } from "../../../host/types";
import { useI18n } from "../i18n";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, alignItems: "stretch" } });

export function StartStep(props: {
  group: ProductGroup;
  hostKind: HostKind;
  /** Offers and options in the comparison continued from the host, or null for a fresh one. */
  restored: { offers: number } | null;
  onGroup(group: ProductGroup): void;
  onNew(): void;
}) {
  const s = useStyles();
  const { t } = useI18n();
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
        <MessageBar intent="info" data-testid="start-restored">
          <MessageBarBody>{t("start.continuing", { where, offers: props.restored.offers })}</MessageBarBody>
        </MessageBar>
      ) : (
        <Text data-testid="start-fresh">{t("start.fresh")}</Text>
      )}
      <Text>{t(props.hostKind === "excel" ? "start.keptInWorkbook" : "start.keptInBrowser")}</Text>
      {props.restored && (
        <Dialog>
          <DialogTrigger disableButtonEnhancement>
            <Button data-testid="start-new">{t("start.new")}</Button>
          </DialogTrigger>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t("start.confirmTitle")}</DialogTitle>
              <DialogContent>{t("start.confirmText", { where })}</DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="primary" onClick={props.onNew} data-testid="start-new-confirm">
                    {t("start.confirmYes")}
                  </Button>
                </DialogTrigger>
                <DialogTrigger disableButtonEnhancement>
                  <Button data-testid="start-new-cancel">{t("start.confirmNo")}</Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </div>
  );
}
