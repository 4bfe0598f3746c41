/**
 * The one mapping from a domain error to an Excel error: kind "type" → #VALUE!, "domain" → #NUM!, with
 * the message describeError renders (it names the argument and the rule).
 *
 * Under Excel the result is a real CustomFunctions.Error. Under Node (jest, bench) that global is absent,
 * so a plain object with the same code and message stands in: tests assert on code and message only.
 * Note: Excel shows custom messages for #VALUE! only; for #NUM! it keeps the code and drops the text.
 */
import type { DomainError } from "../engine/result";
import { type Language, languageOf } from "../i18n/core";
import { describeError, errorText } from "../i18n/errors";
import { functionName } from "./names";

export type ExcelErrorCode = "#VALUE!" | "#NUM!";

/** What a GPP function hands back instead of a number: CustomFunctions.Error in Excel. */
export interface ExcelError {
  readonly code: ExcelErrorCode | CustomFunctions.ErrorCode;
  readonly message?: string;
}

// The runtime language decides the message language; navigator is absent under Node 20, hence "en".
let messageLanguage: Language = languageOf(typeof navigator !== "undefined" ? navigator.language : undefined);

/** Tests and hosts that know the display language better (Office.context.displayLanguage) set it here. */
export function setMessageLanguage(lang: Language): void {
  messageLanguage = lang;
}

function hasRuntime(): boolean {
  return typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function";
}

function makeError(code: ExcelErrorCode, message: string): ExcelError {
  if (!hasRuntime()) return { code, message };
  // ErrorCode is a string enum whose values are the Excel codes; fall back to the literal if a host lacks it.
  const runtimeCode = (code === "#VALUE!" ? CustomFunctions.ErrorCode?.invalidValue : CustomFunctions.ErrorCode?.invalidNumber) ?? code;
  return new CustomFunctions.Error(runtimeCode as CustomFunctions.ErrorCode, message);
}

export function toExcelError(error: DomainError): ExcelError {
  return makeError(error.kind === "type" ? "#VALUE!" : "#NUM!", describeError(error, messageLanguage));
}

/** A bug, not bad input: still an Excel error with a message, never an exception escaping into Excel. */
export function unexpectedError(id: string, cause: unknown): ExcelError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return makeError("#VALUE!", errorText(messageLanguage, "unexpectedError", { name: functionName(messageLanguage, id), detail }));
}

export function isExcelError(value: unknown): value is ExcelError {
  return (
    (hasRuntime() && value instanceof CustomFunctions.Error) ||
    (typeof value === "object" && value !== null && !Array.isArray(value) && "code" in value)
  );
}
