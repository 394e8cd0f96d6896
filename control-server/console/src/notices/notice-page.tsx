import type { NoticeReceiptsView, StaffNotice } from "@linli/protocol";
import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffPrincipal } from "../api/types";
import { ConfirmDialog, type ConfirmRequest } from "../components/confirm-dialog";
import { PageTitle } from "../components/page-title";
import { pageHref } from "../components/use-hash-route";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import type { LiveLink } from "../live/use-console-socket";
import { CallBackTable } from "./call-back-table";
import { publishesNotices } from "./notice-permissions";
import { categoryWords, kindWords, priorityWords, stateWords } from "./notice-words";
import { ReceiptsTable } from "./receipts-table";
import { useNoticeReceipts } from "./use-notice-receipts";
import "./notices.css";

/** One notice: what it says and for whom, every terminal's proof, and the households to call back. Live. */
export function NoticePage(props: {
  noticeId: string;
  api: ConsoleApi;
  live: LiveLink;
  communities: Community[];
  staff: StaffPrincipal;
}) {
  const { t } = useI18n();
  const store = useNoticeReceipts(props.api, props.live, props.noticeId);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const view = store.view;

  const withdraw = (notice: StaffNotice) =>
    setConfirm({
      title: t("noticeDetail.withdrawTitle"),
      body: t("noticeDetail.withdrawBody", { title: notice.title }),
      confirmLabel: t("noticeDetail.withdraw"),
      danger: true,
      onConfirm: () => {
        props.api.withdrawNotice(notice.id).then(
          () => {
            setMessage({ text: t("noticeDetail.withdrawn"), error: false });
            store.refresh();
          },
          (error: Error) =>
            setMessage({ text: t("noticeDetail.failed", { message: error.message }), error: true }),
        );
      },
    });

  const called = async (terminalId: string, note: string) => {
    try {
      store.put(await props.api.recordNoticeCallBack(props.noticeId, terminalId, note));
      setMessage({ text: t("callBack.saved"), error: false });
      return true;
    } catch (error) {
      setMessage({ text: t("noticeDetail.failed", { message: (error as Error).message }), error: true });
      return false;
    }
  };

  return (
    <>
      <p className="back">
        <a className="back-link" href={pageHref("notices")}>
          <span aria-hidden="true">← </span>
          {t("noticeDetail.back")}
        </a>
      </p>
      {!view && (
        <>
          <PageTitle>{t("noticeDetail.title")}</PageTitle>
          {store.error ? (
            <div className="message message-error" role="alert">
              {t("noticeDetail.loadFailed", { message: store.error })}{" "}
              <button type="button" className="button button-small" onClick={store.refresh}>
                {t("fleet.retry")}
              </button>
            </div>
          ) : (
            <p className="muted">{t("notices.loading")}</p>
          )}
        </>
      )}
      {view && (
        <NoticeDetail
          view={view}
          communities={props.communities}
          canWithdraw={publishesNotices(props.staff.role) && view.notice.state !== "withdrawn"}
          message={message}
          onWithdraw={withdraw}
          onCalled={called}
        />
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </>
  );
}

function NoticeDetail(props: {
  view: NoticeReceiptsView;
  communities: Community[];
  canWithdraw: boolean;
  message: { text: string; error: boolean } | null;
  onWithdraw(notice: StaffNotice): void;
  onCalled(terminalId: string, note: string): Promise<boolean>;
}) {
  const { t, locale } = useI18n();
  const { notice, terminals, callBack } = props.view;
  const communities =
    notice.communityIds.length === 0
      ? t("notices.everyCommunity")
      : notice.communityIds.map((id) => props.communities.find((c) => c.id === id)?.name ?? id).join("、");
  const tiles = [
    { key: "targeted", label: t("noticeDetail.targeted"), value: notice.counts.targeted, tone: "plain" },
    { key: "delivered", label: t("noticeDetail.delivered"), value: notice.counts.delivered, tone: "plain" },
    { key: "shown", label: t("noticeDetail.shown"), value: notice.counts.shown, tone: "plain" },
    { key: "heard", label: t("noticeDetail.heard"), value: notice.counts.heard, tone: "ok" },
    ...(notice.requiresConfirmation
      ? [
          {
            key: "toCallBack",
            label: t("noticeDetail.toCallBack"),
            value: notice.counts.toCallBack,
            tone: notice.counts.toCallBack > 0 ? "warn" : "ok",
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="detail-head">
        <PageTitle>{notice.title}</PageTitle>
        {props.canWithdraw && (
          <button
            type="button"
            className="button button-danger-outline"
            onClick={() => props.onWithdraw(notice)}
          >
            {t("noticeDetail.withdraw")}
          </button>
        )}
      </div>
      <div className="messages" aria-live="polite">
        {props.message && (
          <p className={props.message.error ? "message message-error" : "message message-ok"}>
            {props.message.text}
          </p>
        )}
      </div>
      <dl className="summary notice-summary" data-testid="notice-counts">
        {tiles.map((tile) => (
          <div key={tile.key} className={`summary-tile summary-${tile.tone}`} data-summary={tile.key}>
            <dt>{tile.label}</dt>
            <dd>{tile.value}</dd>
          </div>
        ))}
      </dl>
      <div className="notice-layout">
        <section className="panel notice-facts" aria-labelledby="notice-facts-title">
          <h2 id="notice-facts-title">{t("noticeDetail.facts")}</h2>
          <div className="notice-facts-columns">
            <dl className="facts">
              <dt>{t("noticeDetail.state")}</dt>
              <dd>
                <span className={`notice-state notice-state-${notice.state}`}>
                  {t(stateWords[notice.state])}
                </span>
              </dd>
              <dt>{t("noticeDetail.kind")}</dt>
              <dd>
                <span className={`notice-priority notice-priority-${notice.priority}`}>
                  {t(priorityWords[notice.priority])}
                </span>{" "}
                {t(categoryWords[notice.category])}
              </dd>
              <dt>{t("noticeDetail.for")}</dt>
              <dd>
                {communities} · {notice.terminalKinds.map((kind) => t(kindWords[kind])).join("、")}
              </dd>
              <dt>{t("noticeDetail.from")}</dt>
              <dd>{formatTimestamp(notice.startsAt, locale)}</dd>
              <dt>{t("noticeDetail.until")}</dt>
              <dd>
                {notice.endsAt ? formatTimestamp(notice.endsAt, locale) : t("noticeDetail.untilWithdrawn")}
              </dd>
              <dt>{t("noticeDetail.confirmation")}</dt>
              <dd>
                {notice.requiresConfirmation
                  ? t("noticeDetail.confirmationYes")
                  : t("noticeDetail.confirmationNo")}
              </dd>
              <dt>{t("noticeDetail.publishedBy")}</dt>
              <dd>
                {notice.publishedBy.name} · {formatTimestamp(notice.publishedAt, locale)}
              </dd>
              {notice.withdrawnAt && (
                <>
                  <dt>{t("noticeDetail.withdrawnAt")}</dt>
                  <dd>{formatTimestamp(notice.withdrawnAt, locale)}</dd>
                </>
              )}
            </dl>
            <div>
              <h3 className="subheading">{t("noticeDetail.body")}</h3>
              <p className="pre-line notice-body">{notice.body}</p>
            </div>
          </div>
        </section>
        {notice.requiresConfirmation && (
          <section className="panel" aria-labelledby="call-back-title" data-section="call-back">
            <h2 id="call-back-title">{t("callBack.title", { count: callBack.length })}</h2>
            <p className="section-note">{t("callBack.intro")}</p>
            {callBack.length === 0 ? (
              <p className="empty" data-testid="call-back-empty">
                {notice.state === "withdrawn" ? t("callBack.withdrawn") : t("callBack.empty")}
              </p>
            ) : (
              <CallBackTable households={callBack} onCalled={props.onCalled} />
            )}
          </section>
        )}
        <section className="panel" aria-labelledby="receipts-title" data-section="receipts">
          <h2 id="receipts-title">{t("receipts.title", { count: terminals.length })}</h2>
          {terminals.length === 0 ? (
            <p className="empty">{t("receipts.empty")}</p>
          ) : (
            <ReceiptsTable terminals={terminals} />
          )}
        </section>
      </div>
    </>
  );
}
