/**
 * Steps after Start come as separate chunks: declared here once, fetched ahead by prefetchSteps. So does the
 * framework panel the Parameters step shows (with its checkbox, link and message bar), which Start never needs.
 */
import { lazy } from "react";

const loaders = {
  // The framework panel comes with it: the step does not show first and then wait for the panel.
  parameters: () => Promise.all([import("./ParametersStep"), import("../framework/FrameworkPanel")]).then(([step]) => step),
  criteria: () => import("./CriteriaStep"),
  bids: () => import("./BidsStep"),
  circular: () => import("./CircularStep"),
  results: () => import("./ResultsStep"),
  write: () => import("./WriteStep"),
  framework: () => import("../framework/FrameworkPanel"),
};

export const ParametersStep = lazy(() => loaders.parameters().then((m) => ({ default: m.ParametersStep })));
export const CriteriaStep = lazy(() => loaders.criteria().then((m) => ({ default: m.CriteriaStep })));
export const BidsStep = lazy(() => loaders.bids().then((m) => ({ default: m.BidsStep })));
export const CircularStep = lazy(() => loaders.circular().then((m) => ({ default: m.CircularStep })));
export const ResultsStep = lazy(() => loaders.results().then((m) => ({ default: m.ResultsStep })));
export const WriteStep = lazy(() => loaders.write().then((m) => ({ default: m.WriteStep })));
export const FrameworkPanel = lazy(() => loaders.framework().then((m) => ({ default: m.FrameworkPanel })));

/** Fetches every later step while the user reads Start, so moving on does not wait for the network. */
export function prefetchSteps(): void {
  for (const load of Object.values(loaders)) void load();
}
