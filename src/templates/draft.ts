/** A sheet being laid out: collects blocks, styles, validation and notes by 0-based column/row. */
import type { Language } from "../i18n";
import { cellAddress, rangeAddress } from "./address";
import { rowPoints, wrappedLines } from "./layout";
import type { Block, NamePlan, Note, PlanCell, PrintPlan, RowHeight, SheetPlan, Style, StyledRange, Validation } from "./plan";
import { t } from "./text";
import type { SheetKey } from "./types";

/** Excel's limits for an input message. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export interface ValidationRule {
  readonly list?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

/**
 * The validation of `range` in the workbook's language `lang`: the rule, its input help and its error
 * message; undefined when there is neither a rule nor help. The pane uses it for a column it adds later.
 */
export function validationOf(
  lang: Language,
  range: string,
  rule: ValidationRule,
  help?: { title: string; message: string },
): Validation | undefined {
  const prompt = help && { title: clip(help.title, PROMPT_TITLE_MAX), message: clip(help.message, PROMPT_MESSAGE_MAX) };
  if (rule.list) {
    const error = {
      title: t(lang, "validation.title"),
      message: clip(t(lang, "validation.list", { options: rule.list.join(", ") }), PROMPT_MESSAGE_MAX),
    };
    return { range, list: rule.list, prompt, error };
  }
  if (rule.min !== undefined || rule.max !== undefined) {
    const message =
      rule.max === undefined
        ? t(lang, "validation.atLeast", { min: rule.min ?? 0 })
        : t(lang, "validation.between", { min: rule.min ?? 0, max: rule.max });
    return { range, decimal: { min: rule.min, max: rule.max }, prompt, error: { title: t(lang, "validation.title"), message } };
  }
  return prompt ? { range, prompt } : undefined;
}

export class SheetDraft {
  readonly blocks: Block[] = [];
  readonly styles: StyledRange[] = [];
  readonly validations: Validation[] = [];
  readonly notes: Note[] = [];
  readonly names: NamePlan[] = [];
  readonly rowHeights: RowHeight[] = [];
  readonly merges: string[] = [];
  columnWidths: number[] = [];
  print?: PrintPlan;
  freezeRows?: number;
  hidden?: boolean;
  protect?: boolean;

  constructor(
    readonly key: SheetKey,
    readonly name: string,
    readonly lang: Language,
  ) {}

  write(col: number, row: number, rows: readonly (readonly PlanCell[])[]): void {
    if (rows.length && rows[0].length) this.blocks.push({ anchor: cellAddress(col, row), rows });
  }

  style(col: number, row: number, width: number, height: number, style: Style): void {
    if (width > 0 && height > 0) this.styles.push({ range: rangeAddress(col, row, width, height), style });
  }

  addName(name: string, col: number, row: number, width = 1, height = 1, comment?: string): void {
    this.names.push({ name, sheet: this.key, range: rangeAddress(col, row, width, height), comment });
  }

  /** A row's height in points; the tallest asked for wins. */
  rowHeight(row: number, height: number): void {
    const known = this.rowHeights.find((r) => r.row === row);
    if (!known) this.rowHeights.push({ row, height });
    else if (known.height < height) this.rowHeights.splice(this.rowHeights.indexOf(known), 1, { row, height });
  }

  merge(col: number, row: number, width: number, height = 1): void {
    this.merges.push(rangeAddress(col, row, width, height));
  }

  /**
   * A text in column A merged across `width` columns, its row as tall as the text wrapped at the sheet's
   * whole width needs (set the column widths first).
   */
  wrapAcross(row: number, width: number, text: string): void {
    this.merge(0, row, width);
    this.rowHeight(
      row,
      rowPoints(
        wrappedLines(
          text,
          this.columnWidths.reduce((a, b) => a + b, 0),
        ),
      ),
    );
  }

  note(col: number, row: number, text: string): void {
    this.notes.push({ address: cellAddress(col, row), text });
  }

  /** Input help and the rule of an input range: a list of codes, or a number within bounds. */
  validate(col: number, row: number, height: number, rule: ValidationRule, help?: { title: string; message: string }): void {
    const v = validationOf(this.lang, rangeAddress(col, row, 1, height), rule, help);
    if (v) this.validations.push(v);
  }

  toPlan(): SheetPlan {
    return {
      key: this.key,
      name: this.name,
      blocks: this.blocks,
      styles: this.styles,
      validations: this.validations,
      notes: this.notes,
      columnWidths: this.columnWidths,
      freezeRows: this.freezeRows,
      hidden: this.hidden,
      protect: this.protect,
      rowHeights: [...this.rowHeights].sort((a, b) => a.row - b.row),
      merges: this.merges,
      print: this.print,
    };
  }
}
