import type { AlarmStatus } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";
import { statusMarks } from "./alarm-words";

/** 待接警 / 处理中 / 已结束 / 误报（老人已取消）: a word and a mark, never a colour alone. */
export function AlarmStatusBadge({ status }: { status: AlarmStatus }) {
  const { t } = useI18n();
  return (
    <span className={`alarm-status alarm-status-${status}`} data-alarm-status={status}>
      <span aria-hidden="true">{statusMarks[status]} </span>
      {t(`alarmStatus.${status}`)}
    </span>
  );
}
