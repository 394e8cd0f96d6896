import type { AlarmView } from "@linli/protocol";
import { CallButton } from "../calls/call-button";
import { useI18n } from "../i18n/i18n";
import { alarmCaller } from "./alarm-words";
import { NoteForm } from "./note-form";
import type { AlarmActions } from "./use-alarm-actions";

/**
 * What this staff member can do now: take an open alarm; note; close an alarm in progress (or one the
 * elder cancelled, once someone has checked) with what was done.
 */
export function AlarmActionsPanel(props: { alarm: AlarmView; canAct: boolean; actions: AlarmActions }) {
  const { t } = useI18n();
  const { alarm, actions } = props;
  const busy = actions.busyId === alarm.id;
  return (
    <section className="panel alarm-actions" aria-labelledby="alarm-actions-title">
      <h2 id="alarm-actions-title">{t("alarmDetail.actions")}</h2>
      {props.canAct && (
        <div className="alarm-call">
          <CallButton
            terminalId={alarm.terminal.id}
            terminalName={alarm.terminal.name}
            name={alarm.elder?.name}
            address={alarm.elder?.address ?? null}
            size="big"
          />
          <p className="field-hint">{t("call.dialHint")}</p>
        </div>
      )}
      {alarm.status === "resolved" && (
        <p className="message message-ok" data-testid="alarm-resolution">
          <strong>{t("alarmDetail.resolution")}</strong> {alarm.resolution}
        </p>
      )}
      {!props.canAct ? (
        <p className="message message-info">{t("alarmDetail.readOnly")}</p>
      ) : (
        <>
          {alarm.status === "open" && (
            <button
              type="button"
              className="button button-danger button-big"
              disabled={busy}
              onClick={() => void actions.acknowledge(alarm)}
            >
              {busy ? t("alarmBar.acknowledging") : t("alarmBar.acknowledge")}
              <span className="visually-hidden"> · {alarmCaller(alarm, t)}</span>
            </button>
          )}
          {(alarm.status === "acknowledged" || alarm.status === "cancelled") && (
            <NoteForm
              title={t("alarmDetail.resolveTitle")}
              label={t("alarmDetail.resolveLabel")}
              hint={t(
                alarm.status === "cancelled" ? "alarmDetail.resolveHintCancelled" : "alarmDetail.resolveHint",
              )}
              submitLabel={t("alarmDetail.resolveSubmit")}
              requiredMessage={t("alarmDetail.resolveRequired")}
              busy={busy}
              onSubmit={(note) => actions.resolve(alarm, note)}
            />
          )}
          <NoteForm
            title={t("alarmDetail.noteTitle")}
            label={t("alarmDetail.noteLabel")}
            submitLabel={t("alarmDetail.noteSubmit")}
            requiredMessage={t("alarmDetail.noteRequired")}
            busy={busy}
            onSubmit={(note) => actions.addNote(alarm, note)}
          />
        </>
      )}
    </section>
  );
}
