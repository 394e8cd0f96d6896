import { formatDateTime, formatRelative } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

/** "3 分钟前", with the exact time for machines and on hover. */
export function RelativeTime({ iso, now }: { iso: string; now: number }) {
  const { locale, t } = useI18n();
  const exact = formatDateTime(iso, locale);
  return (
    <time dateTime={iso} title={exact}>
      {formatRelative(iso, now, locale, t)}
    </time>
  );
}
