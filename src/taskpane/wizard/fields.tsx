/** Labelled inputs used by every step: a Fluent Field gives the label, hint and inline error to screen readers. */
import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement, Ref } from "react";
import type { DomainError } from "../../engine/result";
import type { Entries } from "../../model/entries";

/** What every form over text entries takes: the entries as typed, each field's first error, and a change of one field. */
export interface EntryFormProps {
  entries: Entries;
  errors: Readonly<Record<string, DomainError>>;
  onChange(key: string, text: string): void;
}

export const useFieldStyles = makeStyles({
  /** One column at 320 px, more as the pane widens. */
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 220px), 1fr))",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    // Long option texts must wrap or clip, not widen the pane (320 px).
    "& > *": { minWidth: 0, alignSelf: "start" }, // a one-line label beside a two-line one must not stretch its input
  },
  select: { width: "100%", minWidth: 0 },
  wide: { gridColumn: "1 / -1" },
});

interface Common {
  readonly label: string;
  readonly testId: string;
  readonly hint?: string;
  readonly error?: string;
  readonly required?: boolean;
  readonly className?: string;
}

/** Label, hint, required mark and inline error around one control. */
function LabelledField(props: Common & { children: ReactElement }) {
  return (
    <Field
      label={props.label}
      hint={props.hint}
      required={props.required}
      validationState={props.error ? "error" : "none"}
      validationMessage={props.error}
      className={props.className}
    >
      {props.children}
    </Field>
  );
}

export function TextField(
  props: Common & {
    value: string;
    onChange(text: string): void;
    numeric?: boolean;
    placeholder?: string;
    inputRef?: Ref<HTMLInputElement>;
    readOnly?: boolean;
    type?: "password";
  },
) {
  return (
    <LabelledField {...props}>
      <Input
        ref={props.inputRef}
        value={props.value}
        onChange={(_, d) => props.onChange(d.value)}
        inputMode={props.numeric ? "decimal" : undefined}
        placeholder={props.placeholder}
        readOnly={props.readOnly}
        type={props.type}
        autoComplete="off"
        data-testid={props.testId}
      />
    </LabelledField>
  );
}

export function SelectField(
  props: Common & {
    value: string;
    options: readonly { value: string; label: string }[];
    onChange(value: string): void;
    disabled?: boolean;
  },
) {
  const s = useFieldStyles();
  return (
    <LabelledField {...props}>
      <Select
        className={s.select}
        value={props.value}
        disabled={props.disabled}
        onChange={(_, d) => props.onChange(d.value)}
        data-testid={props.testId}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </LabelledField>
  );
}

/** "Price per unit (€)". */
export const withUnit = (label: string, unit: string | undefined): string => (unit ? `${label} (${unit})` : label);
