import { type FormEvent, type ReactNode, useId, useState } from "react";
import { ApiError } from "../api/http";
import { useI18n } from "../i18n/i18n";

/**
 * The frame every kiosk-content form shares: a title, its fields, the server's refusal if any, and
 * save / cancel. `save` throws to refuse; the form stays as typed then.
 */
export function ContentForm(props: {
  title: string;
  editing: boolean;
  save(): Promise<void>;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      await props.save();
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 0 ? t("error.unreachable") : (error as Error).message;
      setFailure(t("content.saveFailed", { message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form-card notice-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
      {failure && (
        <p className="message message-error form-problems" role="alert">
          {failure}
        </p>
      )}
      <div className="form-footer">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("content.saving") : t(props.editing ? "content.save" : "content.add")}
        </button>
        {props.editing && (
          <button type="button" className="button" onClick={props.onCancel}>
            {t("content.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

/** A labelled <select>. */
export function SelectField(props: {
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled input of another type than text (a number, a date). */
export function InputField(props: {
  label: string;
  type: "number" | "date";
  value: string;
  hint?: string;
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type}
        value={props.value}
        min={props.type === "number" ? 0 : undefined}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
