import type { Notice } from "@linli/protocol";
import type { MessageKey } from "../shared/i18n";
import { useVisit } from "../visit-context";

/** One notice: its kind and priority in words (not colour alone), title, and, when asked, the text. */
export function NoticeCard({ notice, full }: { notice: Notice; full?: boolean }) {
  const { t } = useVisit();
  return (
    <article className={`notice priority-${notice.priority}`} data-testid="notice">
      <p className="notice-tags">
        <span className="tag">{t(`notice.category.${notice.category}` as MessageKey)}</span>
        {notice.priority !== "normal" && (
          <span className="tag strong">{t(`notice.priority.${notice.priority}` as MessageKey)}</span>
        )}
      </p>
      <h3>{notice.title}</h3>
      <p className={full ? "notice-body" : "notice-body clamp"}>{notice.body}</p>
    </article>
  );
}
