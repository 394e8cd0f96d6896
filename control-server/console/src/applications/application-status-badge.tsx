import type { ApplicationStatus } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";

/** The status in a coloured pill; the words carry the meaning, the colour only helps. */
export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return (
    <span className={`application-status application-status-${status}`} data-status={status}>
      {t(`applicationStatus.${status}`)}
    </span>
  );
}
