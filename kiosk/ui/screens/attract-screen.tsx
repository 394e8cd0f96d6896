import { useEffect, useState } from "react";
import { CardIllustration } from "../components/card-illustration";
import { Icon } from "../components/icons";
import { NoticeCard } from "../components/notice-card";
import { PublicMenu } from "../components/public-menu";
import { useNoticesShown } from "../hooks/use-notices-shown";
import { currentNotices } from "../notice-order";
import { formatClock, formatDate } from "../shared/i18n";
import { useNow } from "../shared/use-now";
import { useVisit } from "../visit-context";

/** Nobody signed in: notices (an emergency takes over), the card prompt, and the public services. */
export function AttractScreen() {
  const { t, locale, snapshot, bridge, go } = useVisit();
  const now = useNow(5000);
  const notices = currentNotices(snapshot, now);
  const emergency = notices.find((notice) => notice.priority === "emergency");
  const shownNotices = emergency ? [emergency] : notices.slice(0, 2);
  useNoticesShown(bridge, shownNotices);
  const [unreadable, setUnreadable] = useState(false);
  useEffect(
    () =>
      bridge.on("card", (event) => {
        if (event.type === "unreadable") setUnreadable(true);
      }),
    [bridge],
  );

  return (
    <main className="screen attract">
      <div className="attract-clock">
        <time dateTime={now.toISOString()}>{formatClock(now, locale)}</time>
        <p>{formatDate(now, locale)}</p>
      </div>
      {emergency ? (
        <section className="emergency" role="alert" aria-labelledby="emergency-title">
          <p className="emergency-label">{t("notice.priority.emergency")}</p>
          <h1 id="emergency-title">{emergency.title}</h1>
          <p className="emergency-body">{emergency.body}</p>
        </section>
      ) : (
        <section className="attract-notices" aria-labelledby="notices-title">
          <h1 id="notices-title">{t("attract.noticesTitle")}</h1>
          {notices.length === 0 ? (
            <p className="quiet">{t("notices.none")}</p>
          ) : (
            shownNotices.map((notice) => <NoticeCard key={notice.id} notice={notice} />)
          )}
        </section>
      )}

      <section className="card-prompt" aria-labelledby="card-prompt-title">
        <CardIllustration />
        <div>
          <h2 id="card-prompt-title">{t("attract.placeCard")}</h2>
          <p>{unreadable ? t("attract.cardUnreadable") : t("attract.placeCardHint")}</p>
        </div>
      </section>

      <PublicMenu>
        <button
          type="button"
          className="tile secondary"
          aria-label={t("attract.typeId")}
          onClick={() => go({ name: "type-id" })}
        >
          <Icon name="keypad" size={56} />
          <small>{t("attract.noCard")}</small>
          <span>{t("attract.typeIdShort")}</span>
        </button>
      </PublicMenu>
    </main>
  );
}
