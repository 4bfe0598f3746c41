/** The templates' request for a checked comparison (its own module: the xlsx worker needs it without the writers). */
import type { ProductGroup } from "../model/bid";
import type { TemplateInput as TemplateRequest } from "../templates";
import type { TemplateInput } from "./types";

export function templateRequest(input: TemplateInput, defaultRows: Readonly<Record<ProductGroup, number>>): TemplateRequest {
  return {
    template: input.group,
    parameters: input.parameters,
    bids: input.bids,
    circular: input.circular,
    language: input.language,
    tenderText: input.tenderText,
    ...(input.framework ? { framework: input.framework } : {}),
    ...(input.lockParameters ? { lockParameters: true } : {}),
    ...(input.callOffQuantities ? { callOffQuantities: input.callOffQuantities } : {}),
    ...(input.miniCompetition ? { miniCompetition: input.miniCompetition } : {}),
    // Room for every offer, and a few blank rows for offers typed into the sheet later.
    minimumRows: Math.max(defaultRows[input.group], input.bids.length + 5),
  };
}
