/**
 * A --parameters file, read the same way by every CLI (template, tender, bid form): plain parameters (checked
 * by parametersFromJson), or a framework's published parameter set (verified against its fingerprint).
 * An Error's message is what to print. `criteria` (CRITERIA.md §2) problems are worded at their JSON path
 * ("criteria[2].best: …"); its warnings (award points above the quality maximum: the cap applies) are the note.
 */
import { readFileSync } from "node:fs";
import { type Language, describeError } from "../src/i18n";
import { type Parameters, isParameterSetFile, parametersFromJson, verifyParameterSet } from "../src/model";
import { issueText } from "../src/model/criteria";
import type { ParameterSet } from "../src/model/parameterSet";

export async function readParametersFile(
  file: string | undefined,
  language: Language,
): Promise<{ parameters: Parameters; note?: string; set?: ParameterSet }> {
  let json: unknown = {};
  try {
    if (file) json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (isParameterSetFile(json)) {
    const read = await verifyParameterSet(json);
    if (!read.ok) throw new Error(read.problems.map((e) => `${file}: ${describeError(e, language)}`).join("\n"));
    const s = read.set;
    return {
      parameters: s.parameters,
      set: s,
      note: `Parameter set "${s.name}" version ${s.version} (${[s.publisher, s.date].filter(Boolean).join(", ")}), ${s.fingerprint}`,
    };
  }
  const { parameters, problems, criteriaIssues } = parametersFromJson(json);
  const worded = (severity: "error" | "warning") =>
    criteriaIssues.filter((i) => i.severity === severity).map((i) => `${file}: ${issueText(language, i)}`);
  if (!parameters)
    throw new Error(
      [
        ...problems.filter((e) => e.rule !== "criteriaInvalid").map((e) => `${file}: ${describeError(e, language)}`),
        ...worded("error"),
      ].join("\n"),
    );
  const warnings = worded("warning");
  return warnings.length ? { parameters, note: warnings.join("\n") } : { parameters };
}
