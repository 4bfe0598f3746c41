/**
 * The bid-comparison wizard: five steps over one state, kept by the host (the workbook in Excel,
 * localStorage standalone). Fluent v9 with the Office (or system) theme, in English, Dutch or French.
 */
import { Button, FluentProvider, Select, Text, makeStyles, tokens, useId, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { type KeyboardEvent, Suspense, lazy, startTransition, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Host, SaveStatus, Theme } from "../../host/types";
import { LANGUAGES, type Language, languageOf } from "../../i18n/core";
import type { evaluate } from "./evaluation";
import { Notice } from "./Notice";
import { I18nProvider, hasLanguage, loadLanguage, useI18n } from "./i18n";
import { type StepId, STEPS, type WizardState, initialState, kindOf, reducer, toSaved } from "./state";
import { StartStep } from "./steps/StartStep";

// Steps after Start come as separate chunks, fetched right after the first render (see prefetch below).
const loadParameters = () => import("./steps/ParametersStep");
const loadBids = () => import("./steps/BidsStep");
const loadCircular = () => import("./steps/CircularStep");
const loadResults = () => import("./steps/ResultsStep");
const loadWrite = () => import("./steps/WriteStep");
const ParametersStep = lazy(() => loadParameters().then((m) => ({ default: m.ParametersStep })));
const BidsStep = lazy(() => loadBids().then((m) => ({ default: m.BidsStep })));
const CircularStep = lazy(() => loadCircular().then((m) => ({ default: m.CircularStep })));
const ResultsStep = lazy(() => loadResults().then((m) => ({ default: m.ResultsStep })));
const WriteStep = lazy(() => loadWrite().then((m) => ({ default: m.WriteStep })));
// The GPP worksheet-function reference is for people building their own sheets: loaded only when opened.
const FunctionList = lazy(() => import("../FunctionList").then((m) => ({ default: m.FunctionList })));

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
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  language: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  steps: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, listStyleType: "none", margin: 0, padding: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, outline: "none" },
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

/** Arrow keys, Home and End move focus among the step buttons (a roving tab stop: Tab reaches the current one). */
function moveAmongSteps(e: KeyboardEvent<HTMLElement>): void {
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const last = buttons.length - 1;
  const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: last }[e.key];
  if (next === undefined || at < 0) return;
  e.preventDefault();
  buttons[(next + buttons.length) % buttons.length].focus();
}

/** Mount point: `<App host={await createHost()} />` (see src/host/index.ts). */
export function App({ host }: { host: Host }) {
  const [lang, setLang] = useState<Language>(host.savedLanguage ?? languageOf(host.locale));
  const [theme, setTheme] = useState<Theme>(host.theme);
  useEffect(() => host.watchTheme(setTheme), [host]);
  // The pane fills the page: no white browser margin around a dark theme, native controls in the same scheme.
  useEffect(() => {
    document.body.style.margin = "0";
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const chooseLanguage = (l: Language) => {
    setLang(l);
    host.saveLanguage?.(l);
  };
  // The language shown: the chosen one once its table is here (English is always here).
  const [shown, setShown] = useState<Language | null>(() => (hasLanguage(lang) ? lang : null));
  useEffect(() => {
    let live = true;
    loadLanguage(lang).then(
      () => live && setShown(lang),
      () => live && setShown("en"),
    );
    return () => {
      live = false;
    };
  }, [lang]);
  useEffect(() => {
    if (shown) document.documentElement.lang = shown;
  }, [shown]);
  const s = useStyles();
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
  const [step, setStep] = useState<StepId>("start");
  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState<{ offers: number } | null>(null);
  const [saved, setSaved] = useState<SaveStatus | "failed" | null>(null);
  const loaded = useRef<WizardState | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const languageId = useId("language");
  const stepperKeys = { onKeyDown: moveAmongSteps };

  useEffect(() => {
    let live = true;
    host
      .load()
      .then((saved) => {
        if (!live || !saved) return;
        dispatch({ type: "load", saved });
        setRestored({ offers: saved.group === "circular" ? 0 : saved.bids.length });
      })
      .catch(() => undefined) // unreadable storage: start fresh rather than not at all
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [host]);

  // Save every change, but not the state just loaded: writing it back would only rewrite the same cells.
  useEffect(() => {
    if (!ready) return;
    if (loaded.current === null) {
      loaded.current = state;
      return;
    }
    if (loaded.current === state) return;
    host.save(toSaved(state)).then(setSaved, () => setSaved("failed"));
  }, [state, ready, host]);

  const saveNow = () => void host.save(toSaved(state)).then(setSaved, () => setSaved("failed"));

  // After a step change, move focus to its heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);
  // A transition keeps the current step on screen until the next one's code is there, instead of
  // React's Suspense fallback, which React 19 shows for at least ~300 ms once it appears.
  const go = useCallback((next: StepId) => {
    moved.current = true;
    startTransition(() => setStep(next));
  }, []);

  // Fetch the other steps while the user reads Start, so moving on does not wait for the network.
  useEffect(() => {
    if (ready) for (const load of [loadParameters, loadBids, loadCircular, loadResults, loadWrite]) void load();
  }, [ready]);

  // The model (parsing, rules, LCC) arrives with the later steps; Start does not need it.
  const [evaluator, setEvaluator] = useState<{ run: typeof evaluate } | null>(null);
  useEffect(() => {
    void import("./evaluation").then((m) => setEvaluator({ run: m.evaluate }));
  }, []);
  const evaluation = useMemo(() => evaluator?.run(state) ?? null, [evaluator, state]);
  const kind = kindOf(state.group);
  const position = STEPS.indexOf(step);
  const stepLabel = (id: StepId) => t(id === "bids" && state.group === "circular" ? "step.options" : `step.${id}`);

  const bidsActions = useMemo(
    () => ({
      add: () => dispatch({ type: "addOffer", lang }),
      duplicate: (id: number) => dispatch({ type: "duplicateOffer", id }),
      remove: (id: number) => dispatch({ type: "removeOffer", id }),
      change: (id: number, key: string, text: string) => dispatch({ type: "offerField", id, key, text }),
      energyMode: (id: number, mode: "tec" | "modes") => dispatch({ type: "energyMode", id, mode }),
      importOffers: (offers: Record<string, string>[]) => dispatch({ type: "importOffers", offers }),
    }),
    [lang],
  );

  if (!ready) return <Text role="status">{t("app.loading")}</Text>;

  return (
    <div className={s.page}>
      <header className={s.header}>
        <h1 className={s.title}>{t("app.title")}</h1>
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
      {/* A stepper, not tabs: each step is a button, the current one marked aria-current="step"; the arrow
          keys move between steps, so the whole stepper is one stop for Tab. */}
      <nav aria-label={t("app.steps")}>
        <ol className={s.steps} {...stepperKeys}>
          {STEPS.map((id, i) => (
            <li key={id}>
              <Button
                size="small"
                appearance={id === step ? "primary" : "subtle"}
                aria-current={id === step ? "step" : undefined}
                tabIndex={id === step ? 0 : -1}
                onClick={() => go(id)}
                data-testid={`step-${id}`}
              >
                {`${i + 1}. ${stepLabel(id)}`}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      <main aria-labelledby="step-heading" data-testid={`panel-${step}`}>
        <h2 id="step-heading" ref={heading} tabIndex={-1} className={s.heading}>
          {stepLabel(step)}
        </h2>
        <Suspense fallback={<Text role="status">{t("common.working")}</Text>}>
          <div className={s.body}>
            {step !== "start" && !evaluation && <Text role="status">{t("common.working")}</Text>}
            {step === "start" && (
              <StartStep
                group={state.group}
                hostKind={host.kind}
                restored={restored}
                onGroup={(group) => dispatch({ type: "group", group })}
                onNew={() => {
                  dispatch({ type: "reset", group: state.group, lang });
                  setRestored(null);
                }}
              />
            )}
            {evaluation && step === "parameters" && (
              <ParametersStep
                group={state.group}
                entries={state.parameters}
                errors={evaluation.parameters.errors}
                onChange={(key, text) => dispatch({ type: "parameter", key, text })}
                onCountry={(country) => dispatch({ type: "country", country, lang })}
              />
            )}
            {evaluation &&
              step === "bids" &&
              (state.group === "circular" ? (
                <CircularStep entries={state.circular} errors={evaluation.circular.errors} onChange={(key, text) => dispatch({ type: "circular", key, text })} />
              ) : (
                <BidsStep kind={kind} offers={evaluation.offers} nextId={state.nextId} actions={bidsActions} workbook={host.workbook} />
              ))}
            {evaluation && step === "results" && <ResultsStep group={state.group} evaluation={evaluation} onGoTo={go} />}
            {evaluation && step === "write" && <WriteStep host={host} group={state.group} evaluation={evaluation} onGoTo={go} onWritten={saveNow} />}
          </div>
        </Suspense>
      </main>
      <div className={s.nav}>
        <Button onClick={() => go(STEPS[position - 1])} disabled={position === 0} data-testid="nav-back">
          {t("app.back")}
        </Button>
        <Button appearance="primary" onClick={() => go(STEPS[position + 1])} disabled={position === STEPS.length - 1} data-testid="nav-next">
          {t("app.next")}
        </Button>
      </div>
      <SaveNote status={saved} host={host} />
      <FunctionReference lang={lang} />
      <footer className={s.footer}>{t(host.kind === "excel" ? "app.footerExcel" : "app.footerStandalone")}</footer>
    </div>
  );
}

/** A disclosure below the wizard: the GPP functions with an example each. */
function FunctionReference({ lang }: { lang: Language }) {
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

/** Where the entries are kept right now; in Excel, whether they reached the workbook yet. */
function SaveNote({ status, host }: { status: SaveStatus | "failed" | null; host: Host }) {
  const { t, plural } = useI18n();
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
