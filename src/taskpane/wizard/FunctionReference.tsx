/** A disclosure below the wizard: the GPP functions with an example each. */
import { Button, Text } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import type { Language } from "../../i18n/core";
import { useI18n } from "./i18n";

// The GPP worksheet-function reference is for people building their own sheets: loaded only when opened.
const FunctionList = lazy(() => import("../FunctionList").then((m) => ({ default: m.FunctionList })));

export function FunctionReference({ lang }: { lang: Language }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button appearance="subtle" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="functions-toggle">
        {t(open ? "app.functionsHide" : "app.functionsShow")}
      </Button>
      {open && (
        <Suspense fallback={<Text role="status">{t("common.working")}</Text>}>
          <FunctionList lang={lang} />
        </Suspense>
      )}
    </div>
  );
}
