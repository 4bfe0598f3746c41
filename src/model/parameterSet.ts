/**
 * Framework agreements: a central purchasing body publishes its Parameters once as a parameter set with a
 * fingerprint (SHA-256 of a canonical JSON of the values), and participants adopt it. The fingerprint is
 * the same for the same values on every host: keys are sorted and numbers written by JavaScript's shortest
 * round-trip form, so 0.04 and 4e-2 are one value. Web Crypto digests it, in the browser and in Node alike.
 */
import { DEFAULT_PARAMETERS, type Parameters, validateParameters } from "./parameters";
import type { DomainError, ErrorKind, Rule } from "../engine/result";
import { type CriteriaIssue, checkCriteria } from "./criteria/settings";
import { type Bid, type ComparisonKind } from "./bid";
import { bidEntries, bidFromEntries } from "./entries";

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

/** The framework's awarded catalogue: the compliant offers of the framework comparison, one Bids row each. */
export interface FrameworkOffers {
  readonly kind: ComparisonKind;
  readonly bids: readonly Bid[];
}

export interface ParameterSet extends ParameterSetInfo {
  readonly format: typeof PARAMETER_SET_FORMAT;
  readonly formatVersion: number;
  readonly parameters: Parameters;
  /** Published with the awarded offers: what participants call off (and whose suppliers a mini-competition reopens). */
  readonly offers?: FrameworkOffers;
  /** "sha256:" and 64 hex digits, over the canonical JSON of { local, parameters } (and offers when the set has them). */
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
const fingerprinted = (parameters: Parameters, local: readonly string[], offers?: FrameworkOffers): unknown => {
  const { criteria, ...rest } = parameters;
  // No offers is left out too, so a set published without its catalogue keeps its fingerprint.
  return { local: [...local].sort(), parameters: criteria.length ? parameters : rest, ...(offers ? { offers } : {}) };
};

export async function fingerprintOf(parameters: Parameters, local: readonly string[] = [], offers?: FrameworkOffers): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(fingerprinted(parameters, local, offers)));
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

/**
 * The offers as a set holds them: each one read back through the Bids table's own checks (bidEntries →
 * bidFromEntries), so a published and a verified catalogue are the same values; the problems name offers[i].field.
 */
export function offersFromJson(given: unknown, path = "offers"): { offers?: FrameworkOffers; problems: DomainError[] } {
  const o = given as Partial<FrameworkOffers> | null;
  if (typeof o !== "object" || o === null || (o.kind !== "computers" && o.kind !== "imaging") || !Array.isArray(o.bids))
    return { problems: [problem(path, "notAParameterSet", '{ "kind": "computers" | "imaging", "bids": [...] }')] };
  const kind = o.kind;
  const problems: DomainError[] = [];
  const bids: Bid[] = [];
  o.bids.forEach((b: unknown, i) => {
    if (typeof b !== "object" || b === null) return problems.push(problem(`${path}.bids[${i}]`, "notAParameterSet", "an offer"));
    const checked = bidFromEntries(bidEntries(b as Bid, kind, "en"), kind);
    for (const [field, e] of Object.entries(checked.errors)) problems.push({ ...e, argument: `${path}.bids[${i}].${field}` });
    if (checked.bid) bids.push(checked.bid);
  });
  return problems.length ? { problems } : { offers: { kind, bids }, problems };
}

/** Every parameter written out, so the set keeps its meaning when a later version changes a default. */
export async function publishParameterSet(
  parameters: Parameters,
  info: ParameterSetInfo,
  awarded?: FrameworkOffers,
): Promise<ParameterSet> {
  const named: Parameters = { ...parameters, parameterSetName: info.name, parameterSetVersion: info.version };
  const local = [...new Set(info.local)].sort();
  let offers: FrameworkOffers | undefined;
  if (awarded) {
    const read = offersFromJson(awarded);
    if (!read.offers) throw new Error(read.problems.map((p) => `${p.argument}: ${p.rule}`).join("; "));
    offers = read.offers;
  }
  return {
    format: PARAMETER_SET_FORMAT,
    formatVersion: PARAMETER_SET_FORMAT_VERSION,
    name: info.name,
    version: info.version,
    date: info.date,
    publisher: info.publisher,
    local,
    parameters: named,
    ...(offers ? { offers } : {}),
    fingerprint: await fingerprintOf(named, local, offers),
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
  let offers: FrameworkOffers | undefined;
  if (set.offers !== undefined) {
    const read = offersFromJson(set.offers);
    if (!read.offers) return fail(...read.problems);
    offers = read.offers;
  }
  const names = local as (keyof Parameters)[];
  const actual = await fingerprintOf(parameters, names, offers);
  if (actual !== set.fingerprint) return fail(problem("fingerprint", "fingerprintMismatch", `${set.fingerprint} ≠ ${actual}`, "domain"));
  return { ok: true, set: { ...(set as ParameterSet), local: names, parameters, ...(offers ? { offers } : {}) } };
}

/** "ICT-framework-2027-1.0": the set's name and version as a file name's stem (letters, digits, . _ - kept). */
export const setFileStem = (set: Pick<ParameterSetInfo, "name" | "version">): string =>
  `${set.name}-${set.version}`.replace(/[^\p{L}\p{N}._-]+/gu, "-");

/** The framework's suppliers (of its awarded offers), once each, in catalogue order: a mini-competition's participants. */
export const frameworkSuppliers = (set: ParameterSet): string[] => [...new Set((set.offers?.bids ?? []).map((b) => b.supplier))];

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
  const offers = set.offers === undefined ? undefined : offersFromJson(set.offers).offers;
  if (set.offers !== undefined && !offers) return null;
  return parameters ? { ...(set as ParameterSet), parameters, ...(offers ? { offers } : {}) } : null;
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
