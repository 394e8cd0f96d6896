import type { ServiceStatus } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";
import { serviceStatusMarks } from "./service-words";

/** 待受理 / 已受理 / 已派单 / 上门中 / 已完成 / 已取消: a word and a mark, never a colour alone. */
export function ServiceStatusBadge({ status }: { status: ServiceStatus }) {
  const { t } = useI18n();
  return (
    <span className={`service-status service-status-${status}`} data-service-status={status}>
      <span aria-hidden="true">{serviceStatusMarks[status]} </span>
      {t(`serviceStatus.${status}`)}
    </span>
  );
}
