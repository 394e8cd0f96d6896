import { useI18n } from "../i18n/i18n";

/** The browser will not play the alarm sound until someone clicks: says so, and is the button to click. */
export function SoundBlockedNotice({ onEnable, urgent }: { onEnable(): void; urgent: boolean }) {
  const { t } = useI18n();
  return (
    <div className={urgent ? "sound-blocked sound-blocked-urgent" : "sound-blocked"} role="alert">
      <p>
        <span aria-hidden="true">✕♪ </span>
        {t(urgent ? "sound.blockedUrgent" : "sound.blocked")}
      </p>
      <button type="button" className="button button-primary" onClick={onEnable}>
        {t("sound.enable")}
      </button>
    </div>
  );
}
