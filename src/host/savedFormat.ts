/**
 * The stored form of a comparison in the browser, versioned. Reading keeps whatever is readable field by
 * field and says what it repaired and what it could not read, so a hand edit or another version of the
 * tool never turns a saved comparison silently into an empty one.
 */
import { PRODUCT_GROUPS, type ProductGroup } from "../model/bid";
import type { Entries } from "../model/entries";
import { storedParameterSet } from "../model/parameterSet";
import type { SavedComparison } from "./types";

/**
 * 1: { group, parameters, bids, circular } without a version field; 2: the same with `version`; 3: the
 * parameter `residualCurve` (one curve for every blank residual value) replaced by `residualValueRule`
 * (LCC-METHOD §12.6: the curve of the device type, new offers only); 4: the parameter `criteria` (CRITERIA.md
 * §2, its JSON as the entry), the offers' answers keyed by criterion id, and an optional `framework`, the
 * framework agreement's parameter set the comparison adopted (as published, with its fingerprint). A
 * version-3 save has none of them: no criterion is on, no set adopted, and it reads as it was; the version
 * stops an older pane from dropping them unseen. 5: with a set, the call-off's quantities (`callOff`, by
 * product key, as typed) and `miniCompetition`; a version-4 save has neither: no quantity, no mini-competition.
 */
export const SAVED_FORMAT_VERSION = 5;

type Stored = Record<string, unknown>;

/** What a migration changed in the meaning of the figures: the pane says so when the comparison opens. */
export interface MethodChange {
  /** The blank residual values followed one curve (`was`: laptop or tablet) for every offer; now the device type's. */
  readonly kind: "residualCurve";
  readonly was: string;
}

const isStoredRecord = (x: unknown): x is Stored => !!x && typeof x === "object" && !Array.isArray(x);

/** Each step brings a stored object from version n to n + 1, noting any change of meaning. */
const MIGRATIONS: Record<number, (v: Stored, changes: MethodChange[]) => Stored> = {
  1: (v) => ({ ...v, version: 2 }),
  2: (v, changes) => {
    if (!isStoredRecord(v.parameters) || !("residualCurve" in v.parameters)) return { ...v, version: 3 };
    const { residualCurve, ...parameters } = v.parameters;
    changes.push({ kind: "residualCurve", was: String(residualCurve) });
    return { ...v, version: 3, parameters: { ...parameters, residualValueRule: "byDeviceType" } };
  },
  // Version 3 had no criteria and no framework set: nothing to change.
  3: (v) => ({ ...v, version: 4 }),
  // Version 4 had no call-off quantities and no mini-competition: nothing to change.
  4: (v) => ({ ...v, version: 5 }),
};

export const storedText = (c: SavedComparison): string =>
  JSON.stringify({
    version: SAVED_FORMAT_VERSION,
    group: c.group,
    parameters: c.parameters,
    bids: c.bids,
    circular: c.circular,
    framework: c.framework,
    frameworkLocked: c.framework && c.frameworkLocked ? true : undefined,
    callOff: c.framework ? c.callOff : undefined,
    miniCompetition: c.framework && c.miniCompetition ? true : undefined,
  });

export interface Readout {
  readonly comparison: SavedComparison | null;
  readonly repaired: string[];
  readonly unreadable: string[];
  readonly unknownGroup?: string;
  readonly newerVersion?: number;
  /** Read, but the method now gives its figures another meaning: shown to the user, never silent. */
  readonly methodChanges: MethodChange[];
}

const isRecord = (x: unknown): x is Stored => !!x && typeof x === "object" && !Array.isArray(x);

/** Entries field by field: text as is, a number or yes/no as its text, anything else reported. */
function readEntries(x: unknown, path: string, r: Readout): Entries | null {
  if (x === undefined) return {};
  if (!isRecord(x)) {
    r.unreadable.push(path);
    return null;
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(x)) {
    if (typeof value === "string") out[key] = value;
    else if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean") {
      out[key] = String(value);
      r.repaired.push(`${path}.${key}`);
    } else r.unreadable.push(`${path}.${key}`);
  }
  return out;
}

/** Reads stored text of any known version; never throws. */
export function readSaved(text: string): Readout {
  const r: Readout = { comparison: null, repaired: [], unreadable: [], methodChanges: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ...r, unreadable: ["json"] };
  }
  if (!isRecord(parsed)) return { ...r, unreadable: ["json"] };
  const version = parsed.version ?? 1;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) return { ...r, unreadable: ["version"] };
  if (version > SAVED_FORMAT_VERSION) return { ...r, newerVersion: version };
  let v = parsed;
  for (let n = version; n < SAVED_FORMAT_VERSION; n++) v = MIGRATIONS[n](v, r.methodChanges);

  const known = PRODUCT_GROUPS.includes(v.group as ProductGroup);
  const parameters = readEntries(v.parameters, "parameters", r) ?? {};
  const circular = readEntries(v.circular, "circular", r) ?? {};
  const bids: Entries[] = [];
  if (Array.isArray(v.bids)) v.bids.forEach((b, i) => ((e) => e && bids.push(e))(readEntries(b ?? null, `bids.${i}`, r)));
  else if (v.bids !== undefined) r.unreadable.push("bids");
  const group: ProductGroup = known ? (v.group as ProductGroup) : "computers";
  // An unreadable set is dropped and named: the parameters it brought stay as stored.
  const framework = v.framework === undefined ? null : storedParameterSet(v.framework);
  if (v.framework !== undefined && !framework) r.unreadable.push("framework");
  const callOff = framework && v.callOff !== undefined ? readEntries(v.callOff, "callOff", r) : null;
  const comparison: SavedComparison = framework
    ? {
        group,
        parameters,
        bids,
        circular,
        framework,
        frameworkLocked: v.frameworkLocked === true,
        ...(callOff ? { callOff } : {}),
        ...(v.miniCompetition === true ? { miniCompetition: true } : {}),
      }
    : { group, parameters, bids, circular };
  return known ? { ...r, comparison } : { ...r, comparison, unknownGroup: String(v.group) };
}
