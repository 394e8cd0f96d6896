import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { dictionaries, type Locale, locales, type MessageKey } from "./messages";

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const LOCALE_STORAGE_KEY = "linli.resident.locale";
const I18nContext = createContext<I18n | null>(null);

/** zh-CN unless this phone chose English here before (storage may be off in private browsing). */
function storedLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    stored = null;
  }
  return (locales as readonly string[]).includes(stored ?? "") ? (stored as Locale) : "zh-CN";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = dictionaries[locale]["app.name"];
  }, [locale]);
  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[locale];
    const t: Translate = (key, params) =>
      dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        params && name in params ? String(params[name]) : whole,
      );
    return { locale, setLocale, t };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
