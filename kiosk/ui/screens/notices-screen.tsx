import { NoticeCard } from "../components/notice-card";
import { ScreenTitle } from "../components/screen-title";
import { useNoticesShown } from "../hooks/use-notices-shown";
import { currentNotices } from "../notice-order";
import { useNow } from "../shared/use-now";
import { useVisit } from "../visit-context";

/** 通知公告: every current notice in full, the most urgent first. */
export function NoticesScreen() {
  const { t, snapshot, bridge } = useVisit();
  const notices = currentNotices(snapshot, useNow(30_000));
  useNoticesShown(bridge, notices);
  return (
    <main className="screen notices">
      <ScreenTitle>{t("notices.title")}</ScreenTitle>
      {notices.length === 0 && <p className="quiet">{t("notices.none")}</p>}
      {notices.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} full />
      ))}
    </main>
  );
}
