/** What a caller asks for: which template, with which inputs, in which language. */
import type { Language } from "../i18n";
import type { Bid, CircularInputs, Parameters, ProductGroup } from "../model";
import type { ParameterSet } from "../model/parameterSet";

/** Bumped when the layout, names or formulas change: stamped in workbook settings and file properties. */
export const TEMPLATE_VERSION = "1.1.0";

/** The sheets a template may have; the Bids and Scenarios sheets hold the offers or the options. */
export type SheetKey = "parameters" | "criteria" | "bids" | "scenarios" | "results" | "helper" | "tender" | "callOff";

export interface TemplateInput {
  /** One template per product group (PRODUCT_GROUPS). */
  readonly template: ProductGroup;
  /** Defaults to DEFAULT_PARAMETERS. */
  readonly parameters?: Parameters;
  /** computers / imaging: the offers; none gives an empty Bids table. */
  readonly bids?: readonly Bid[];
  /** circular: the device in use and its options; none gives the three options with blank figures. */
  readonly circular?: CircularInputs;
  readonly language?: Language;
  /** Rows the Bids (or Scenarios) table offers at least, so a procurer can add offers by hand. */
  readonly minimumRows?: number;
  /** Framework agreements: protect the Parameters sheet (no password; Review › Unprotect lifts it). */
  readonly lockParameters?: boolean;
  /** computers / imaging: add the Tender text sheet (the tender annex from these parameters, as text). */
  readonly tenderText?: boolean;
  /** Framework agreements: the parameter set adopted; the Parameters sheet compares every value with it, Results name it. */
  readonly framework?: ParameterSet;
  /** A set with awarded offers adds the Call-off sheet (computers / imaging); its quantities by Bids row, blank when absent. */
  readonly callOffQuantities?: readonly (number | null)[];
  /**
   * A mini-competition under the framework (computers / imaging): its suppliers are listed on the Parameters sheet
   * and an offer of another supplier is not compliant on Results (evaluateComparison's `suppliers`).
   */
  readonly miniCompetition?: { readonly suppliers: readonly string[] };
}

/**
 * Where the plan goes: the sheet names and the suffix of workbook names, chosen by a writer so that
 * nothing in the workbook is overwritten ("LCC Results (2)", "LCC_DiscountRate_2").
 */
export interface Placement {
  readonly sheetNames: Readonly<Partial<Record<SheetKey, string>>>;
  readonly nameSuffix: string;
}
