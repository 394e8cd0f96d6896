import type { AuditEntry } from "../api/types";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { auditAction, auditActor, auditDetail, auditTarget, type Described, type Names } from "./audit-words";

function Who({ who }: { who: Described }) {
  return <span title={who.id ?? undefined}>{who.text}</span>;
}

export function AuditTable(props: { entries: AuditEntry[]; names: Names }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table audit-table">
        <caption className="visually-hidden">{t("audit.caption", { count: props.entries.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.target")}</th>
            <th scope="col">{t("audit.detail")}</th>
            <th scope="col">{t("audit.ip")}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => {
            const target = auditTarget(entry, props.names, t);
            const detail = auditDetail(entry.detail, props.names, t);
            return (
              <tr key={entry.id} data-audit-id={entry.id} data-action={entry.action}>
                <td className="nowrap">
                  <time dateTime={entry.at}>{formatTimestamp(entry.at, locale)}</time>
                </td>
                <td className="nowrap" data-column="actor">
                  <Who who={auditActor(entry, props.names, t)} />
                </td>
                <td className="nowrap" data-column="action">
                  {auditAction(entry.action, t)}
                </td>
                <td data-column="target">{target ? <Who who={target} /> : "—"}</td>
                <td className="audit-detail">{detail || "—"}</td>
                <td className="mono nowrap">{entry.ip ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
