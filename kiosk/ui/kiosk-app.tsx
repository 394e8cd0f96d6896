import { useEffect, useMemo } from "react";
import { ClockFace } from "./components/clock-face";
import { LinkBanner } from "./components/link-banner";
import { NotesPanel } from "./components/notes-panel";
import type { UiBridge } from "./shared/bridge-client";
import { describeDevices, describeLink, describeOutbox } from "./shared/describe-status";
import { pickLocale, translator } from "./shared/i18n";
import { useTerminal } from "./shared/use-terminal";

/** The idle (attract) screen of the service-centre kiosk. */
export function KioskApp({ bridge }: { bridge: UiBridge }) {
  const { snapshot, reachable } = useTerminal(bridge);
  const locale = pickLocale(snapshot?.settings.locale);
  const t = useMemo(() => translator(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t("brand.name");
  }, [locale, t]);

  const status = describeLink(snapshot, reachable, t);
  const notes = snapshot
    ? [...describeOutbox(snapshot.outbox, t), ...describeDevices(snapshot.devices, t)]
    : [];

  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <span className="brand-mark" aria-hidden="true">
          邻
        </span>
        <div>
          <h1 className="brand-name">{t("brand.name")}</h1>
          <p className="brand-tagline">{t("brand.tagline")}</p>
        </div>
      </header>
      <LinkBanner status={status} t={t} />
      <main className="kiosk-main">
        <ClockFace locale={locale} />
      </main>
      <NotesPanel lines={notes} />
      <footer className="kiosk-footer">
        <span>
          {snapshot?.terminalId ? t("footer.terminal", { id: snapshot.terminalId }) : t("footer.unenrolled")}
        </span>
        {snapshot && <span>{t("footer.version", { version: snapshot.version })}</span>}
      </footer>
    </div>
  );
}
