import { useId } from "react";
import { useI18n } from "../i18n/i18n";

const SEGMENTS = 12;
/** Below this the other side counts as silent. */
const SPEAKING = 0.15;

/**
 * The other side's volume as a row of lit segments (a shape, not only a colour) and in words; screen
 * readers get the native meter with the same value.
 */
export function LevelMeter({ level }: { level: number }) {
  const { t } = useI18n();
  const labelId = useId();
  const lit = Math.round(level * SEGMENTS);
  const speaking = level >= SPEAKING;
  return (
    <div className="level" data-testid="call-level" data-level={level.toFixed(3)} data-speaking={speaking}>
      <span id={labelId} className="level-label">
        {t("call.level")}
      </span>
      <meter className="visually-hidden" aria-labelledby={labelId} min={0} max={1} value={level} />
      <span className="level-meter" aria-hidden="true">
        {Array.from({ length: SEGMENTS }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed segments of a meter
          <span key={index} className={index < lit ? "level-segment level-lit" : "level-segment"} />
        ))}
      </span>
      <span className="level-words">{speaking ? t("call.levelSpeaking") : t("call.levelSilent")}</span>
    </div>
  );
}
