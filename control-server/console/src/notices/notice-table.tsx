import type { StaffNotice } from "@linli/protocol";
import type { Community } from "../api/types";
import { noticeHref } from "../components/use-hash-route";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { categoryWords, priorityWords, stateWords } from "./notice-words";

/** Notices newest first: for whom, when, and how many terminals proved delivery, display and "heard it". */
export function NoticeTable(props: { notices: StaffNotice[]; communities: Community[] }) {
  const { t, locale } = useI18n();
  const communityNames = (notice: StaffNotice) =>
    notice.communityIds.length === 0
      ? t("notices.everyCommunity")
      : notice.communityIds.map((id) => props.communities.find((c) => c.id === id)?.name ?? id).join("、");
  return (
    <div className="table-wrap">
      <table className="data-table notice-table">
        <caption className="visually-hidden">{t("notices.caption", { count: props.notices.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("noticeColumn.notice")}</th>
            <th scope="col">{t("noticeColumn.state")}</th>
            <th scope="col" className="numeric">
              {t("noticeColumn.delivered")}
            </th>
            <th scope="col" className="numeric">
              {t("noticeColumn.shown")}
            </th>
            <th scope="col" className="numeric">
              {t("noticeColumn.heard")}
            </th>
            <th scope="col" className="numeric">
              {t("noticeColumn.toCallBack")}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.notices.map((notice) => (
            <tr key={notice.id} data-notice-id={notice.id}>
              <th scope="row">
                <a className="terminal-name" href={noticeHref(notice.id)}>
                  {notice.title}
                </a>
                <span className="cell-sub">
                  <span className={`notice-priority notice-priority-${notice.priority}`}>
                    {t(priorityWords[notice.priority])}
                  </span>{" "}
                  {t(categoryWords[notice.category])} · {communityNames(notice)}
                </span>
              </th>
              <td>
                <span className={`notice-state notice-state-${notice.state}`}>
                  {t(stateWords[notice.state])}
                </span>
                <span className="cell-sub">{formatTimestamp(notice.startsAt, locale)}</span>
              </td>
              <td className="numeric" data-count="delivered">
                {t("notices.ofTargeted", { count: notice.counts.delivered, total: notice.counts.targeted })}
              </td>
              <td className="numeric" data-count="shown">
                {notice.counts.shown}
              </td>
              <td className="numeric" data-count="heard">
                {notice.counts.heard}
              </td>
              <td className="numeric" data-count="toCallBack">
                {notice.requiresConfirmation ? (
                  <span className={notice.counts.toCallBack > 0 ? "cell-warn" : undefined}>
                    {notice.counts.toCallBack}
                  </span>
                ) : (
                  <span className="muted">{t("notices.noConfirmation")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
