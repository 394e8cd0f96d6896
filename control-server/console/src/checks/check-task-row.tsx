import type { CheckTask } from "@linli/protocol";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { RelativeTime } from "../components/relative-time";
import { useI18n } from "../i18n/i18n";

const MAX_NOTE = 1000;

/** One elder to contact: who, where, since when, and 已联系 with what was found (required). */
export function CheckTaskRow(props: {
  task: CheckTask;
  now: number;
  canAct: boolean;
  busy: boolean;
  /** A 呼叫 button for the elder's unit, when this console can call. */
  call: ReactNode;
  onClose(task: CheckTask, note: string): Promise<boolean>;
}) {
  const { t } = useI18n();
  const { task } = props;
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setError(t("check.required"));
      document.getElementById(inputId)?.focus();
      return;
    }
    if (await props.onClose(task, note.trim())) setNote("");
  };

  return (
    <tr data-task-id={task.id}>
      <th scope="row">
        <span className="terminal-name">{task.elder.name}</span>
        <span className="cell-sub">
          {task.community.name} · {task.elder.address}
        </span>
      </th>
      <td className="nowrap">
        {task.date}
        <span className="cell-sub">
          <RelativeTime iso={task.createdAt} now={props.now} />
        </span>
      </td>
      {props.canAct && (
        <td>
          <form className="check-form" onSubmit={submit} noValidate>
            <label htmlFor={inputId} className="visually-hidden">
              {t("check.noteLabel", { name: task.elder.name })}
            </label>
            <input
              id={inputId}
              type="text"
              value={note}
              maxLength={MAX_NOTE}
              placeholder={t("check.notePlaceholder")}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              onChange={(e) => {
                setNote(e.target.value);
                setError(null);
              }}
            />
            <button type="submit" className="button button-primary" disabled={props.busy}>
              {props.busy ? t("check.saving") : t("check.submit")}
              <span className="visually-hidden"> · {task.elder.name}</span>
            </button>
            {props.call}
            {error && (
              <p id={`${inputId}-error`} className="field-error check-form-error">
                <span aria-hidden="true">✕ </span>
                {error}
              </p>
            )}
          </form>
        </td>
      )}
    </tr>
  );
}
