import { formatClock, formatDate, type Locale } from "../shared/i18n";
import { useNow } from "../shared/use-now";

export function ClockFace({ locale }: { locale: Locale }) {
  const now = useNow();
  return (
    <div className="clock">
      <time className="clock-time" dateTime={now.toISOString()}>
        {formatClock(now, locale)}
      </time>
      <p className="clock-date">{formatDate(now, locale)}</p>
    </div>
  );
}
