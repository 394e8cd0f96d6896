import { type FormEvent, type ReactNode, useId, useState } from "react";

/**
 * A one-line note a row's action cannot be recorded without (a household phoned, an elder checked on):
 * an empty note is refused beside the field, which takes the focus; the note is emptied once `onSubmit`
 * reports the action recorded.
 */
export function RequiredNoteForm(props: {
  /** The field's label, for screen readers (the row says whose note it is). */
  label: string;
  placeholder: string;
  maxLength: number;
  requiredMessage: string;
  onSubmit(note: string): Promise<boolean>;
  /** The submit button and whatever follows it, given whether this form's own submission is under way. */
  actions(submitting: boolean): ReactNode;
}) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setError(props.requiredMessage);
      document.getElementById(inputId)?.focus();
      return;
    }
    setSubmitting(true);
    if (await props.onSubmit(note.trim())) setNote("");
    setSubmitting(false);
  };

  return (
    <form className="check-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="visually-hidden">
        {props.label}
      </label>
      <input
        id={inputId}
        type="text"
        value={note}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onChange={(e) => {
          setNote(e.target.value);
          setError(null);
        }}
      />
      {props.actions(submitting)}
      {error && (
        <p id={`${inputId}-error`} className="field-error check-form-error">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
    </form>
  );
}
