/**
 * Framework agreements: a central purchasing body publishes its Parameters once as a parameter set with a
 * fingerprint (SHA-256 of a canonical JSON of the values), and participants adopt it. The fingerprint is
 * the same for the same values on every host: keys are sorted and numbers written by JavaScript's shortest
 * round-trip form, so 0.04 and 4e-2 are one value. Web Crypto digests it, in the browser and in Node alike.
 */
import { DEFAULT_PARAMETERS, type Parameters, validateParameters } from "./parameters";
import type { DomainError, ErrorKind, Rule } from "../engine/result";
import { type CriteriaIssue, checkCriteria } from "./criteria/settings";

export const PARAMETER_SET_FORMAT = "circular-ict-lcc/parameter-set";
/** Raised when the file's meaning changes; a newer file is refused rather than half-read. */
export const PARAMETER_SET_FORMAT_VERSION = 1;

export interface ParameterSetInfo {
  readonly name: string;
  readonly version: string;
  /** ISO date (YYYY-MM-DD) of publication. */
  readonly date: string;
  readonly publisher: string;
  /** The parameters a participant may set for itself (say the electricity price); any other change is a deviation. */
  readonly local: readonly (keyof Parameters)[];
}

export interface ParameterSet extends ParameterSetInfo {
  readonly format: typeof PARAMETER_SET_FORMAT;
  readonly formatVersion: number;
  readonly parameters: Parameters;
  /** "sha256:" and 64 hex digits, over the canonical JSON of { local, parameters }. */
  readonly fingerprint: string;
}

/** JSON with sorted keys and no spaces; non-finite numbers have no JSON form and are refused. */
export function canonicalJson(value: unknown): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return JSON.stringify(Object.is(value, -0) ? 0 : value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The values the fingerprint covers: what the set asks, and what a participant may change of it. No
 * criteria is left out rather than written as [], so a set published before the criteria keeps its fingerprint.
 */
const fingerprinted = (parameters: Parameters, local: readonly string[]): unknown => {
  const { criteria, ...rest } = parameters;
  return { local: [...local].sort(), parameters: criteria.length ? parameters : rest };
};

export async function fingerprintOf(parameters: Parameters, local: readonly string[] = []): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(fingerprinted(parameters, local)));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
  return `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

const KNOWN = Object.keys(DEFAULT_PARAMETERS).join(", ");
const problem = (argument: string, rule: Rule, detail?: string, kind: ErrorKind = "type"): DomainError =>
  detail === undefined ? { kind, argument, rule } : { kind, argument, rule, detail };

/**
 * A JSON object of parameters (the CLI's --parameters file, a set's "parameters"): unknown keys and values
 * that break a rule are named by their JSON path; missing keys take the defaults. `criteria` (CRITERIA.md
 * §2) is checked by checkCriteria: `criteriaIssues` has each problem and warning at its JSON path to word in
 * the user's language (issueText); an error is also a `criteriaInvalid` problem, so nothing passes unseen.
 */
export function parametersFromJson(
  given: unknown,
  path = "",
): { parameters?: Parameters; problems: DomainError[]; criteriaIssues: CriteriaIssue[] } {
  if (typeof given !== "object" || given === null || Array.isArray(given))
    return { problems: [problem(path || "parameters", "notAParameterSet", "a JSON object of parameters")], criteriaIssues: [] };
  const at = (key: string): string => (path ? `${path}.${key}` : key);
  // Template 1.0.0's one curve for every offer became a rule by device type (LCC-METHOD §12.6): say so.
  if ("residualCurve" in given) return { problems: [problem(at("residualCurve"), "residualCurveReplaced")], criteriaIssues: [] };
  const unknown = Object.keys(given).filter((k) => !(k in DEFAULT_PARAMETERS));
  if (unknown.length) return { problems: unknown.map((k) => problem(at(k), "unknownParameter", KNOWN)), criteriaIssues: [] };
  const merged = { ...DEFAULT_PARAMETERS, ...given } as Parameters;
  const errors = validateParameters(merged);
  const checked =
    "criteria" in given
      ? checkCriteria((given as { criteria: unknown }).criteria, merged, at("criteria"))
      : { settings: [], issues: [], ok: true };
  const problems = [
    ...errors.map((e) => ({ ...e.error, argument: at(e.field) })),
    ...checked.issues.filter((i) => i.severity === "error").map((i) => problem(i.path, "criteriaInvalid", i.rule)),
  ];
  // The checked settings: labels in `levels` by their canonical names, whatever case the file used.
  return problems.length
    ? { problems, criteriaIssues: checked.issues }
    : { parameters: { ...merged, criteria: checked.settings }, problems, criteriaIssues: checked.issues };
}

/** Every parameter written out, so the set keeps its meaning when a later version changes a default. */
export async function publishParameterSet(parameters: Parameters, info: ParameterSetInfo): Promise<ParameterSet> {
  const named: Parameters = { ...parameters, parameterSetName: info.name, parameterSetVersion: info.version };
  const local = [...new Set(info.local)].sort();
  return {
    format: PARAMETER_SET_FORMAT,
    formatVersion: PARAMETER_SET_FORMAT_VERSION,
    name: info.name,
    version: info.version,
    date: info.date,
    publisher: info.publisher,
    local,
    parameters: named,
    fingerprint: await fingerprintOf(named, local),
  };
}

/** A file that says it is a parameter set (and is then verified as one, never read as plain parameters). */
export const isParameterSetFile = (json: unknown): boolean => typeof json === "object" && json !== null && "format" in json;

export type VerifiedSet =
  { readonly ok: true; readonly set: ParameterSet } | { readonly ok: false; readonly problems: readonly DomainError[] };

/** A parameter set read from a file: the right format, a version this product knows, valid values, and values that match the fingerprint. */
export async function verifyParameterSet(json: unknown): Promise<VerifiedSet> {
  const fail = (...problems: DomainError[]): VerifiedSet => ({ ok: false, problems });
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return fail(problem("file", "notAParameterSet", "a JSON object expected"));
  const set = json as Partial<ParameterSet>;
  if (set.format !== PARAMETER_SET_FORMAT) return fail(problem("format", "notAParameterSet", `"format" must be "${PARAMETER_SET_FORMAT}"`));
  if (typeof set.formatVersion !== "number" || !(set.formatVersion >= 1))
    return fail(problem("formatVersion", "notAParameterSet", "a version number expected"));
  if (set.formatVersion > PARAMETER_SET_FORMAT_VERSION)
    return fail(problem("formatVersion", "newerFormat", `${set.formatVersion} > ${PARAMETER_SET_FORMAT_VERSION}`));
  const missing = (["name", "version", "date", "publisher", "fingerprint"] as const).filter((k) => typeof set[k] !== "string");
  if (missing.length) return fail(...missing.map((k) => problem(k, "missing")));
  const local: unknown = set.local ?? [];
  if (!Array.isArray(local)) return fail(problem("local", "notAParameterSet", "a list of parameter names expected"));
  const unknownLocal = local.flatMap((k, i) =>
    typeof k === "string" && k in DEFAULT_PARAMETERS ? [] : [problem(`local[${i}]`, "unknownParameter", KNOWN)],
  );
  if (unknownLocal.length) return fail(...unknownLocal);
  const { parameters, problems } = parametersFromJson(set.parameters, "parameters");
  // A set published before the criteria has none: its fingerprint covers what it had.
  if (!parameters) return fail(...problems);
  const names = local as (keyof Parameters)[];
  const actual = await fingerprintOf(parameters, names);
  if (actual !== set.fingerprint) return fail(problem("fingerprint", "fingerprintMismatch", `${set.fingerprint} ≠ ${actual}`, "domain"));
  return { ok: true, set: { ...(set as ParameterSet), local: names, parameters } };
}

export interface Deviation {
  readonly field: keyof Parameters;
  readonly frameworkValue: Parameters[keyof Parameters];
  readonly localValue: Parameters[keyof Parameters];
  /** The set marks the field as local: a participant's own value, listed but not a deviation from the method. */
  readonly allowed: boolean;
}

/** A value typed but not readable (NaN) differs from every value; it has no canonical JSON, so it is compared here. */
const sameValue = (a: unknown, b: unknown): boolean =>
  typeof a === "number" || typeof b === "number" ? a === b : canonicalJson(a) === canonicalJson(b);

/**
 * A set as a comparison stores it (already verified when adopted): read back field by field, null when its
 * shape is not that of a set. The fingerprint is kept as stored; verifyParameterSet checks it again.
 */
export function storedParameterSet(x: unknown): ParameterSet | null {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return null;
  const set = x as Partial<ParameterSet>;
  if (set.format !== PARAMETER_SET_FORMAT || typeof set.formatVersion !== "number" || set.formatVersion > PARAMETER_SET_FORMAT_VERSION)
    return null;
  if ((["name", "version", "date", "publisher", "fingerprint"] as const).some((k) => typeof set[k] !== "string")) return null;
  if (!Array.isArray(set.local) || !set.local.every((k) => typeof k === "string" && k in DEFAULT_PARAMETERS)) return null;
  const { parameters } = parametersFromJson(set.parameters, "parameters");
  return parameters ? { ...(set as ParameterSet), parameters } : null;
}

/** Where a comparison's parameters differ from the adopted set (the set's name and version are not values). */
export function deviationsFrom(set: ParameterSet, current: Parameters): Deviation[] {
  const out: Deviation[] = [];
  for (const field of Object.keys(DEFAULT_PARAMETERS) as (keyof Parameters)[]) {
    if (field === "parameterSetName" || field === "parameterSetVersion") continue;
    const frameworkValue = set.parameters[field];
    const localValue = current[field];
    if (!sameValue(frameworkValue, localValue)) out.push({ field, frameworkValue, localValue, allowed: set.local.includes(field) });
  }
  return out;
}
