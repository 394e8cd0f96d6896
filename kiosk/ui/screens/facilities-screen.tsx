import { facilityKinds } from "@linli/protocol";
import { useState } from "react";
import { ScreenTitle } from "../components/screen-title";
import type { MessageKey } from "../shared/i18n";
import { useVisit } from "../visit-context";

type Kind = (typeof facilityKinds)[number];

/** 周边设施 by kind, nearest first, with the walking distance and opening hours. */
export function FacilitiesScreen() {
  const { t, snapshot } = useVisit();
  const facilities = snapshot.content?.facilities ?? [];
  const kinds = facilityKinds.filter((kind) => facilities.some((facility) => facility.kind === kind));
  const [kind, setKind] = useState<Kind | null>(kinds[0] ?? null);
  const shown = facilities
    .filter((facility) => facility.kind === kind)
    .sort((a, b) => a.distanceMeters - b.distanceMeters);
  return (
    <main className="screen facilities">
      <ScreenTitle>{t("facilities.title")}</ScreenTitle>
      {kinds.length === 0 && <p className="quiet">{t("content.none")}</p>}
      <fieldset className="chips" aria-label={t("facilities.kinds")}>
        {kinds.map((entry) => (
          <button
            key={entry}
            type="button"
            className="chip"
            aria-pressed={entry === kind}
            onClick={() => setKind(entry)}
          >
            {t(`facility.${entry}` as MessageKey)}
          </button>
        ))}
      </fieldset>
      <ul className="cards">
        {shown.map((facility) => (
          <li key={facility.id} className="card">
            <h2>{facility.name}</h2>
            <p>{facility.address}</p>
            <p className="quiet">
              {t("facilities.distance", { meters: facility.distanceMeters })}
              {facility.openingHours && ` · ${facility.openingHours}`}
              {facility.phone && ` · ${t("facilities.phone", { phone: facility.phone })}`}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
