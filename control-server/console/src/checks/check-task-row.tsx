import type { CheckTask } from "@linli/protocol";
import type { ReactNode } from "react";
import { RelativeTime } from "../components/relative-time";
import { RequiredNoteForm } from "../components/required-note-form";
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
          <RequiredNoteForm
            label={t("check.noteLabel", { name: task.elder.name })}
            placeholder={t("check.notePlaceholder")}
            maxLength={MAX_NOTE}
            requiredMessage={t("check.required")}
            onSubmit={(note) => props.onClose(task, note)}
            actions={() => (
              <>
                <button type="submit" className="button button-primary" disabled={props.busy}>
                  {props.busy ? t("check.saving") : t("check.submit")}
                  <span className="visually-hidden"> · {task.elder.name}</span>
                </button>
                {props.call}
              </>
            )}
          />
        </td>
      )}
    </tr>
  );
}
