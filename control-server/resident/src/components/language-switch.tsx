import { useI18n } from "../i18n/i18n";
import type { Locale } from "../i18n/messages";

const NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

/** Two buttons, each labelled in its own language, so either reader finds theirs. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t("language.label")}</legend>
      {(Object.keys(NAMES) as Locale[]).map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={locale === option}
          onClick={() => setLocale(option)}
        >
          {NAMES[option]}
        </button>
      ))}
    </fieldset>
  );
}
