import type { ApplicationStatus, ApplicationView } from "@linli/protocol";
import { type FormEvent, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { TextArea } from "../components/text-area";
import { useI18n } from "../i18n/i18n";
import { needsNote, nextStatuses } from "./application-lists";

type Decision = Exclude<ApplicationStatus, "submitted">;
/** Nothing moves an application back to "submitted": every other status is something a clerk does. */
const actionKey = (status: ApplicationStatus) => `applicationAction.${status as Decision}` as const;

/**
 * The next steps this application allows, and a note to the resident: required when they must read why
 * (materials to add, a rejection), optional otherwise.
 */
export function ApplicationActions(props: {
  application: ApplicationView;
  api: ConsoleApi;
  onChanged(application: ApplicationView): void;
}) {
  const { t } = useI18n();
  const { application } = props;
  const choices = nextStatuses[application.status];
  const [chosen, setChosen] = useState<ApplicationStatus | null>(null);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const target = chosen && choices.includes(chosen) ? chosen : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    if (needsNote(target) && !note.trim()) {
      setProblem(t("applicationAction.noteRequired"));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const changed = await props.api.setApplicationStatus(application.receiptCode, target, note.trim());
      props.onChanged(changed);
      setDone(
        t("applicationAction.done", {
          code: changed.receiptCode,
          status: t(`applicationStatus.${changed.status}`),
        }),
      );
      setChosen(null);
      setNote("");
    } catch (error) {
      setProblem(t("applicationAction.failed", { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="application-actions-title">
      <h2 id="application-actions-title">{t("application.actions")}</h2>
      <div aria-live="polite">{done && <p className="message message-ok">{done}</p>}</div>
      {choices.length === 0 ? (
        <p className="muted">{t("application.noActions")}</p>
      ) : (
        <form className="action-form" onSubmit={submit} noValidate>
          <div className="action-choices">
            {choices.map((status) => (
              <button
                key={status}
                type="button"
                className={status === "rejected" ? "button button-danger-outline" : "button"}
                aria-pressed={target === status}
                data-action={status}
                onClick={() => {
                  setChosen(status);
                  setProblem(null);
                  setDone(null);
                }}
              >
                {t(actionKey(status))}
              </button>
            ))}
          </div>
          {target && (
            <>
              <TextArea
                label={
                  needsNote(target)
                    ? t(`applicationAction.noteFor.${target as "needs-materials" | "rejected"}`)
                    : t("applicationAction.noteOptional")
                }
                value={note}
                onChange={setNote}
                maxLength={500}
                error={problem}
              />
              <div>
                <button
                  type="submit"
                  className={target === "rejected" ? "button button-danger" : "button button-primary"}
                  disabled={busy}
                >
                  {t("applicationAction.confirm")} · {t(actionKey(target))}
                </button>
              </div>
            </>
          )}
          {!target && problem && (
            <p className="message message-error" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
