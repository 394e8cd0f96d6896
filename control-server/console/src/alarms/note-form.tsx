import { type FormEvent, useId, useRef, useState } from "react";
import { TextArea } from "../components/text-area";
import { useI18n } from "../i18n/i18n";

const MAX_NOTE = 2000;

/** A required note (a remark, or what was done to close the alarm); cleared once the server has it. */
export function NoteForm(props: {
  title: string;
  label: string;
  hint?: string;
  submitLabel: string;
  requiredMessage: string;
  busy: boolean;
  onSubmit(note: string): Promise<boolean>;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const base = useId();
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setError(props.requiredMessage);
      form.current?.querySelector("textarea")?.focus();
      return;
    }
    if (await props.onSubmit(note.trim())) setNote("");
  };

  return (
    <form ref={form} className="note-form" onSubmit={submit} noValidate aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} className="subheading">
        {props.title}
      </h3>
      <TextArea
        id={`${base}-note`}
        label={props.label}
        hint={props.hint}
        value={note}
        maxLength={MAX_NOTE}
        error={error}
        onChange={(value) => {
          setNote(value);
          setError(null);
        }}
      />
      <button type="submit" className="button button-primary" disabled={props.busy}>
        {props.busy ? t("alarmAction.saving") : props.submitLabel}
      </button>
    </form>
  );
}
