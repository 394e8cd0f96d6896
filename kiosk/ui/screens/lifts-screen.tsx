import { ScreenTitle } from "../components/screen-title";
import type { MessageKey } from "../shared/i18n";
import { formatDay } from "../status-words";
import { useVisit } from "../visit-context";

/** 电梯年检: each lift's inspection status in words; the signed-in resident's building first. */
export function LiftsScreen() {
  const { t, locale, snapshot, resident } = useVisit();
  const mine = resident?.buildingId ?? null;
  const lifts = [...(snapshot.content?.lifts ?? [])].sort(
    (a, b) =>
      Number(b.buildingId === mine) - Number(a.buildingId === mine) ||
      a.buildingName.localeCompare(b.buildingName, "zh-CN"),
  );
  return (
    <main className="screen lifts">
      <ScreenTitle>{t("lifts.title")}</ScreenTitle>
      {lifts.length === 0 && <p className="quiet">{t("content.none")}</p>}
      <ul className="cards">
        {lifts.map((lift) => (
          <li key={lift.id} className={`card lift lift-${lift.status}`} data-testid="lift">
            <h2>
              {lift.buildingName} · {lift.location}
              {lift.buildingId === mine && <span className="tag">{t("lifts.yours")}</span>}
            </h2>
            <p className="lift-status">{t(`lift.${lift.status}` as MessageKey)}</p>
            <p className="quiet">
              {t("lifts.dates", {
                last: formatDay(lift.lastInspectedAt, locale),
                next: formatDay(lift.nextInspectionDue, locale),
              })}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
