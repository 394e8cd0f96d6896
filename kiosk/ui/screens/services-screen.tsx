import { ScreenTitle } from "../components/screen-title";
import { localized, useVisit } from "../visit-context";

/** 我要办事: the catalogue, each with its department, promised days and what it is for. */
export function ServicesScreen() {
  const { t, locale, snapshot, go } = useVisit();
  const services = (snapshot.content?.catalogue ?? []).filter((service) => service.active);
  return (
    <main className="screen services">
      <ScreenTitle>{t("services.title")}</ScreenTitle>
      {services.length === 0 && <p className="quiet">{t("services.none")}</p>}
      <ul className="service-list">
        {services.map((service) => (
          <li key={service.code}>
            <button
              type="button"
              className="service"
              onClick={() => go({ name: "apply", serviceCode: service.code })}
            >
              <span className="service-name">{localized(locale, service.name, service.nameEn)}</span>
              <span className="service-meta">
                {localized(locale, service.department, service.departmentEn)} ·{" "}
                {t("services.days", { days: service.targetDays })}
              </span>
              <span className="service-summary">{localized(locale, service.summary, service.summaryEn)}</span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
