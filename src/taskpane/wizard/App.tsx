/**
 * The bid-comparison wizard: six steps over one state, kept by the host (the workbook in Excel,
 * localStorage standalone). Fluent v9 with the Office (or system) theme, in English, Dutch or French.
 */
import {
  Button,
  FluentProvider,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useId,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { Suspense, useEffect, useReducer, useState } from "react";
import type { Host } from "../../host/types";
import { LANGUAGES, type Language, languageOf } from "../../i18n/core";
import { FunctionReference } from "./FunctionReference";
import { I18nProvider, useI18n } from "./i18n";
import { LoadNotice } from "./LoadNotice";
import { SaveNote } from "./SaveNote";
import { StepPanel } from "./StepPanel";
import { Stepper } from "./Stepper";
import { type StepId, STEPS, initialState, reducer } from "./state";
import { prefetchSteps } from "./steps/lazySteps";
import { useEvaluation } from "./useEvaluation";
import { usePageLanguage } from "./usePageLanguage";
import { usePageTheme } from "./usePageTheme";
import { useSavedComparison } from "./useSavedComparison";
import { useStepNavigation } from "./useStepNavigation";

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box" },
  page: {
    maxWidth: "900px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  header: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  stepHeading: { margin: 0, outline: "none" },
  language: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  body: { marginTop: tokens.spacingVerticalM },
  nav: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  footer: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Mount point: `<App host={await createHost()} />` (see src/host/index.ts). */
export function App({ host }: { host: Host }) {
  const s = useStyles();
  const theme = usePageTheme(host);
  const [lang, setLang] = useState<Language>(host.savedLanguage ?? languageOf(host.locale));
  const shown = usePageLanguage(lang);
  const chooseLanguage = (l: Language) => {
    setLang(l);
    host.saveLanguage?.(l);
  };
  if (!shown) return <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} className={s.root} />;
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} className={s.root} data-theme={theme}>
      <I18nProvider lang={shown} hostLocale={host.locale}>
        <Wizard host={host} onLanguage={host.kind === "standalone" ? chooseLanguage : undefined} />
      </I18nProvider>
    </FluentProvider>
  );
}

function Wizard({ host, onLanguage }: { host: Host; onLanguage?: (l: Language) => void }) {
  const s = useStyles();
  const { t, lang } = useI18n();
  const [state, dispatch] = useReducer(reducer, lang, (l: Language) => initialState(l));
  const saving = useSavedComparison(host, state, dispatch);
  const { step, go, heading } = useStepNavigation();
  const evaluation = useEvaluation(state);
  const languageId = useId("language");

  useEffect(() => {
    if (saving.ready) prefetchSteps();
  }, [saving.ready]);

  const position = STEPS.indexOf(step);
  const stepLabel = (id: StepId) => t(id === "bids" && state.group === "circular" ? "step.options" : `step.${id}`);

  if (!saving.ready) return <Text role="status">{t("app.loading")}</Text>;

  return (
    <div className={s.page}>
      <header className={s.header}>
        <Subtitle2 as="h1" block className={s.heading}>
          {t("app.title")}
        </Subtitle2>
        {onLanguage && (
          <div className={s.language}>
            <label htmlFor={languageId}>{t("app.language")}</label>
            <Select id={languageId} value={lang} onChange={(_, d) => onLanguage(d.value as Language)} data-testid="language-select">
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </Select>
          </div>
        )}
      </header>
      <Stepper step={step} label={stepLabel} onGo={go} />
      <main aria-labelledby="step-heading" data-testid={`panel-${step}`}>
        {/* Subtitle1's size and weight; Text because the presets take no ref. */}
        <Text as="h2" size={500} weight="semibold" block id="step-heading" ref={heading} tabIndex={-1} className={s.stepHeading}>
          {stepLabel(step)}
        </Text>
        <Suspense fallback={<Text role="status">{t("common.working")}</Text>}>
          <div className={s.body}>
            {(step === "start" || saving.result?.report.problem) && <LoadNotice result={saving.result} onRetry={saving.retry} />}
            <StepPanel
              step={step}
              host={host}
              state={state}
              dispatch={dispatch}
              evaluation={evaluation}
              restored={saving.restored}
              unread={saving.result?.status === "failed" && host.kind === "standalone"}
              onNew={saving.startNew}
              onGoTo={go}
              onWritten={saving.saveNow}
            />
          </div>
        </Suspense>
      </main>
      <div className={s.nav}>
        <Button onClick={() => go(STEPS[position - 1])} disabled={position === 0} data-testid="nav-back">
          {t("app.back")}
        </Button>
        <Button
          appearance="primary"
          onClick={() => go(STEPS[position + 1])}
          disabled={position === STEPS.length - 1}
          data-testid="nav-next"
        >
          {t("app.next")}
        </Button>
      </div>
      <SaveNote status={saving.saved} host={host} onReload={saving.retry} />
      <FunctionReference lang={lang} />
      <footer className={s.footer}>{t(host.kind === "excel" ? "app.footerExcel" : "app.footerStandalone")}</footer>
    </div>
  );
}
