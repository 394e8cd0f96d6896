import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { noticeHref, pageHref } from "../components/use-hash-route";
import { useI18n } from "../i18n/i18n";
import type { LiveLink } from "../live/use-console-socket";
import { NoticeForm } from "./notice-form";
import { publishesNotices } from "./notice-permissions";
import { NoticeTable } from "./notice-table";
import { useNotices } from "./use-notices";
import "./notices.css";

/** 通知公告: publish a notice to kiosks and elder units, and see how far each one got. */
export function NoticesPage(props: {
  api: ConsoleApi;
  live: LiveLink;
  communities: Community[];
  staff: StaffPrincipal;
}) {
  const { t } = useI18n();
  const list = useNotices(props.api, props.live);
  const [published, setPublished] = useState<{ id: string; title: string } | null>(null);
  const canPublish = publishesNotices(props.staff.role);

  return (
    <>
      <PageTitle>{t("notices.title")}</PageTitle>
      <p className="page-intro">{t("notices.intro")}</p>
      <p className="page-note">
        <a className="panel-link" href={pageHref("kiosk-content")}>
          {t("notices.contentLink")}
        </a>
      </p>
      <div className="messages" aria-live="polite">
        {published && (
          <p className="message message-ok" data-testid="notice-published">
            {t("notices.published", { title: published.title })}{" "}
            <a href={noticeHref(published.id)}>{t("notices.openPublished")}</a>
          </p>
        )}
      </div>
      {!canPublish && <p className="message message-info page-note">{t("notices.readOnly")}</p>}
      <div className={canPublish ? "split notice-split" : undefined}>
        <section aria-labelledby="notices-list-title">
          <h2 id="notices-list-title" className="section-title">
            {t("notices.listTitle")}
          </h2>
          {list.error && (
            <div className="message message-error" role="alert">
              {t("notices.loadFailed", { message: list.error })}{" "}
              <button type="button" className="button button-small" onClick={list.refresh}>
                {t("fleet.retry")}
              </button>
            </div>
          )}
          {!list.notices && !list.error && <p className="muted">{t("notices.loading")}</p>}
          {list.notices?.length === 0 && <p className="empty">{t("notices.empty")}</p>}
          {list.notices && list.notices.length > 0 && (
            <NoticeTable notices={list.notices} communities={props.communities} />
          )}
        </section>
        {canPublish && (
          <NoticeForm
            api={props.api}
            communities={props.communities}
            ownCommunity={props.staff.communityId}
            onPublished={(notice) => {
              setPublished({ id: notice.id, title: notice.title });
              list.refresh();
            }}
          />
        )}
      </div>
    </>
  );
}
