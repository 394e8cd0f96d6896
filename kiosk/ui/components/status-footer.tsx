import { describeDevices, describeLink, describeOutbox } from "../shared/describe-status";
import { StatusIcon } from "../shared/status-icon";
import { useVisit } from "../visit-context";

/**
 * The kiosk's link to the centre, in words, at the foot of every screen; on the attract screen also the
 * calm notes (records waiting to be sent, devices not working) and the terminal's number.
 */
export function StatusFooter({ reachable, detailed }: { reachable: boolean; detailed: boolean }) {
  const { t, snapshot } = useVisit();
  const status = describeLink(snapshot, reachable, t);
  const notes = detailed
    ? [...describeOutbox(snapshot.outbox, t), ...describeDevices(snapshot.devices, t)]
    : [];
  return (
    <footer className="status-footer">
      <div
        className={`link-strip tone-${status.tone}`}
        role="status"
        aria-live="polite"
        data-testid="link-banner"
      >
        <StatusIcon tone={status.tone} size={36} />
        <p>
          <strong>{status.title}</strong> <span>{status.hint}</span>
        </p>
      </div>
      {notes.length > 0 && (
        <ul className="notes" aria-live="polite" data-testid="notes">
          {notes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {detailed && (
        <p className="terminal-id">
          {snapshot.terminalId ? t("footer.terminal", { id: snapshot.terminalId }) : t("footer.unenrolled")} ·{" "}
          {t("footer.version", { version: snapshot.version })}
        </p>
      )}
    </footer>
  );
}
