/** The current step's form: Start at once, the others from their own chunks once the model has evaluated the state. */
import { Text } from "@fluentui/react-components";
import { type Dispatch, useMemo } from "react";
import type { Host } from "../../host/types";
import type { Evaluation } from "./evaluation";
import { useI18n } from "./i18n";
import { kindOf } from "../../model/bid";
import { type Action, type StepId, type WizardState, isLocked } from "./state";
import { StartStep } from "./steps/StartStep";
import { BidsStep, CircularStep, CriteriaStep, FrameworkPanel, ParametersStep, ResultsStep, WriteStep } from "./steps/lazySteps";

export function StepPanel(props: {
  step: StepId;
  host: Host;
  state: WizardState;
  dispatch: Dispatch<Action>;
  evaluation: Evaluation | null;
  restored: { offers: number } | null;
  /** Standalone: stored data could not be read; Start offers an explicit new comparison. */
  unread: boolean;
  onNew(): void;
  onGoTo(step: StepId): void;
  onWritten(): void;
}) {
  const { step, host, state, dispatch, evaluation, onGoTo } = props;
  const { t, lang } = useI18n();

  const bidsActions = useMemo(
    () => ({
      add: () => dispatch({ type: "addOffer", lang }),
      duplicate: (id: number) => dispatch({ type: "duplicateOffer", id }),
      remove: (id: number) => dispatch({ type: "removeOffer", id }),
      change: (id: number, key: string, text: string) => dispatch({ type: "offerField", id, key, text }),
      energyMode: (id: number, mode: "tec" | "modes") => dispatch({ type: "energyMode", id, mode }),
      importOffers: (offers: Record<string, string>[]) => dispatch({ type: "importOffers", offers }),
    }),
    [lang, dispatch],
  );

  // The awarded catalogue a set may be published with: the compliant offers, as Results ranks them.
  const awarded = useMemo(() => {
    if (!evaluation || state.group === "circular") return undefined;
    return () => {
      const r = evaluation.result;
      if (!r?.ok) return undefined;
      return { kind: kindOf(state.group), bids: evaluation.compared.filter((_, i) => r.value.bids[i].compliant).map((c) => c.bid) };
    };
  }, [evaluation, state.group]);

  if (step === "start")
    return (
      <StartStep
        group={state.group}
        hostKind={host.kind}
        restored={props.restored}
        unread={props.unread}
        onGroup={(group) => dispatch({ type: "group", group })}
        onNew={() => {
          dispatch({ type: "reset", group: state.group, lang });
          props.onNew();
        }}
      />
    );
  if (!evaluation) return <Text role="status">{t("common.working")}</Text>;
  switch (step) {
    case "parameters":
      return (
        <ParametersStep
          group={state.group}
          entries={state.parameters}
          errors={evaluation.parameters.errors}
          onChange={(key, text) => dispatch({ type: "parameter", key, text })}
          onCountry={(country) => dispatch({ type: "country", country, lang })}
          readOnly={(key) => isLocked(state, key)}
          framework={
            <FrameworkPanel
              set={state.framework}
              locked={!!state.frameworkLocked}
              entries={state.parameters}
              valid={Object.keys(evaluation.parameters.errors).length === 0}
              today={new Date().toISOString().slice(0, 10)}
              onAdopt={(set) => dispatch({ type: "adoptSet", set, lang })}
              onDrop={() => dispatch({ type: "dropSet" })}
              onLock={(locked) => dispatch({ type: "lockSet", locked })}
              protect={host.protectParameters?.bind(host)}
              offerFile={host.offerFile?.bind(host)}
              awarded={awarded}
              callOff={state.callOff}
              onCallOff={(key, text) => dispatch({ type: "callOffQuantity", key, text })}
              offerSuppliers={evaluation.offers.map((o) => o.bid?.supplier ?? o.offer.entries.supplier ?? "")}
              onMiniCompetition={() => {
                dispatch({ type: "miniCompetition", lang });
                onGoTo("bids");
              }}
            />
          }
        />
      );
    case "criteria": {
      const p = evaluation.parameters.value;
      return (
        <CriteriaStep
          group={state.group}
          entry={state.parameters.criteria}
          context={{
            qualityPoints: p.qualityPoints,
            requiredWarrantyYears: p.requiredWarrantyYears,
            requiredSparePartsYears: p.requiredSparePartsYears,
          }}
          readOnly={isLocked(state, "criteria")}
          onChange={(text) => dispatch({ type: "parameter", key: "criteria", text })}
        />
      );
    }
    case "bids":
      return state.group === "circular" ? (
        <CircularStep
          entries={state.circular}
          errors={evaluation.circular.errors}
          onChange={(key, text) => dispatch({ type: "circular", key, text })}
        />
      ) : (
        <BidsStep
          kind={kindOf(state.group)}
          offers={evaluation.offers}
          nextId={state.nextId}
          actions={bidsActions}
          workbook={host.workbook}
          criteria={evaluation.parameters.value.criteria}
        />
      );
    case "results":
      return (
        <ResultsStep
          group={state.group}
          evaluation={evaluation}
          onGoTo={onGoTo}
          framework={state.framework && { set: state.framework, entries: state.parameters, miniCompetition: !!state.miniCompetition }}
        />
      );
    case "write":
      return (
        <WriteStep
          host={host}
          group={state.group}
          evaluation={evaluation}
          onGoTo={onGoTo}
          onWritten={props.onWritten}
          onImportOffers={bidsActions.importOffers}
          framework={
            state.framework && {
              set: state.framework,
              locked: !!state.frameworkLocked,
              callOff: state.callOff,
              miniCompetition: !!state.miniCompetition,
            }
          }
        />
      );
  }
}
