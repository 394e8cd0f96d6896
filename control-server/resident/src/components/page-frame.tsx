import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import { LanguageSwitch } from "./language-switch";

/** The brand and the language switch on top, the page below. */
export function PageFrame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <header className="topbar">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">
            邻
          </span>
          {t("app.brand")}
        </p>
        <LanguageSwitch />
      </header>
      <main className="page">{children}</main>
    </>
  );
}
