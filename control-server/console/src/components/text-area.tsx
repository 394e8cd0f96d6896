import { LabelledField } from "./labelled-field";

/** A labelled multi-line input with an optional hint and error, both tied to it for screen readers. */
export function TextArea(props: {
  id?: string;
  label: string;
  value: string;
  onChange(value: string): void;
  rows?: number;
  maxLength?: number;
  hint?: string;
  error?: string | null;
}) {
  return (
    <LabelledField id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <textarea
          id={control.id}
          rows={props.rows ?? 3}
          maxLength={props.maxLength}
          value={props.value}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </LabelledField>
  );
}
