import type { NoticeTerminalReceipt } from "@linli/protocol";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

/** Every terminal the notice is for, with when it arrived, showed and (elder units) was heard. */
export function ReceiptsTable(props: { terminals: NoticeTerminalReceipt[] }) {
  const { t, locale } = useI18n();
  const when = (iso: string | null, testId: string) =>
    iso ? (
      <time dateTime={iso} data-receipt={testId}>
        <span aria-hidden="true" className="receipt-yes">
          ✓{" "}
        </span>
        {formatTimestamp(iso, locale)}
      </time>
    ) : (
      <span className="muted" data-receipt={testId}>
        {t("receipts.notYet")}
      </span>
    );
  return (
    <div className="table-wrap">
      <table className="data-table receipts-table" data-testid="receipts-table">
        <caption className="visually-hidden">
          {t("receipts.caption", { count: props.terminals.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("receipts.terminal")}</th>
            <th scope="col">{t("receipts.delivered")}</th>
            <th scope="col">{t("receipts.shown")}</th>
            <th scope="col">{t("receipts.heard")}</th>
          </tr>
        </thead>
        <tbody>
          {props.terminals.map((terminal) => (
            <tr key={terminal.terminalId} data-terminal-id={terminal.terminalId}>
              <th scope="row">
                <span className="terminal-name">{terminal.name}</span>
                <span className="cell-sub">
                  {t(`kind.${terminal.kind}`)} · {terminal.community.name}
                  {terminal.elder ? ` · ${terminal.elder.name}` : ""}
                </span>
              </th>
              <td>{when(terminal.deliveredAt, "delivered")}</td>
              <td>{when(terminal.shownAt, "shown")}</td>
              <td>
                {terminal.kind === "elder" ? (
                  when(terminal.heardAt, "heard")
                ) : (
                  <span className="muted">{t("receipts.kioskNoHeard")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
