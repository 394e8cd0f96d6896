import { type ReactNode, useId } from "react";

/** What a field's control needs to be tied to its label, hint and error. */
export interface FieldControl {
  id: string;
  describedBy: string | undefined;
  invalid: true | undefined;
}

/** A label, the control `children` renders, an optional hint and error, all tied together for screen readers. */
export function LabelledField(props: {
  id?: string | undefined;
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  children(control: FieldControl): ReactNode;
}) {
  const fallbackId = useId();
  const id = props.id ?? fallbackId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, describedBy: describedBy || undefined, invalid: props.error ? true : undefined })}
      {props.hint && (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">✕ </span>
          {props.error}
        </p>
      )}
    </div>
  );
}
