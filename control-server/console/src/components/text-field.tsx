import { LabelledField } from "./labelled-field";

/** A labelled input with an optional hint and error, both tied to it for screen readers. */
export function TextField(props: {
  id?: string;
  label: string;
  value: string;
  onChange(value: string): void;
  type?: "text" | "password" | "tel" | "search";
  placeholder?: string;
  required?: boolean;
  list?: string;
  autoComplete?: string;
  maxLength?: number;
  hint?: string;
  error?: string | null;
}) {
  return (
    <LabelledField id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          id={control.id}
          type={props.type ?? "text"}
          autoComplete={props.autoComplete}
          maxLength={props.maxLength}
          placeholder={props.placeholder}
          aria-required={props.required || undefined}
          list={props.list}
          value={props.value}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </LabelledField>
  );
}
