import type { ApplicationService } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";

/** The catalogue as big buttons: name, department, the promised working days and what it is for. */
export function ServiceStep(props: {
  services: ApplicationService[];
  onChoose(service: ApplicationService): void;
}) {
  const { t, locale } = useI18n();
  const english = locale === "en";
  return (
    <ul className="apply-services">
      {props.services.map((service) => (
        <li key={service.code}>
          <button
            type="button"
            className="apply-service"
            data-service={service.code}
            onClick={() => props.onChoose(service)}
          >
            <span className="apply-service-name">{english ? service.nameEn : service.name}</span>
            <span className="apply-service-department">
              {english ? service.departmentEn : service.department}
            </span>
            <span className="apply-service-promise">{t("apply.promise", { days: service.targetDays })}</span>
            <span className="apply-service-summary">{english ? service.summaryEn : service.summary}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
