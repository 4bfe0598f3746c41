/**
 * The call-off workbook a participant downloads from the Call-off view. The rule: its Bids table is the
 * framework's catalogue (the set's awarded offers), never the offers of the Offers step; its Call-off sheet
 * holds the quantities typed in the pane; its Parameters are the set's values with the participant's own only
 * where the set leaves them local (callOffParameters), so the sheet's figures are the pane's (computeCallOff).
 */
import type { TemplateInput } from "../../../host/types";
import type { Language } from "../../../i18n/core";
import { callOffParameters, callOffQuantitiesFor } from "../../../model/callOff";
import type { Parameters } from "../../../model/parameters";
import type { ParameterSet } from "../../../model/parameterSet";

export function callOffWorkbookInput(
  set: ParameterSet,
  quantities: Readonly<Record<string, string>>,
  current: Parameters | undefined,
  language: Language,
): TemplateInput | null {
  const offers = set.offers;
  if (!offers?.bids.length) return null;
  return {
    group: offers.kind,
    parameters: callOffParameters(set, current),
    bids: offers.bids,
    language,
    framework: set,
    callOffQuantities: callOffQuantitiesFor(set, quantities, offers.bids, current, language),
  };
}
