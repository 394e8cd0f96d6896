import { formatClock } from "../shared/i18n";
import { useNow } from "../shared/use-now";
import { useVisit } from "../visit-context";
import { Icon } from "./icons";

/** Always on top: who the centre is, the time, read-aloud, elder mode, language, and the way out of a visit. */
export function TopBar(props: {
  elder: boolean;
  onElder: () => void;
  onLocale: () => void;
  onReadAloud: () => void;
  showHome: boolean;
}) {
  const { t, locale, resident, home, finish, snapshot } = useVisit();
  const now = useNow();
  return (
    <header className="top-bar">
      <div className="top-brand">
        <span className="brand-mark" aria-hidden="true">
          邻
        </span>
        <div>
          <p className="top-name">{snapshot.content?.community.name ?? t("brand.name")}</p>
          <time className="top-clock" dateTime={now.toISOString()}>
            {formatClock(now, locale)}
          </time>
        </div>
      </div>
      <nav className="top-tools" aria-label={t("kiosk.tools")}>
        <button type="button" className="tool" onClick={props.onReadAloud}>
          <Icon name="speaker" size={30} /> {t("kiosk.readAloud")}
        </button>
        <button type="button" className="tool" aria-pressed={props.elder} onClick={props.onElder}>
          <Icon name="text" size={30} /> {t("kiosk.elderMode")}
        </button>
        <button
          type="button"
          className="tool"
          lang={locale === "en" ? "zh-CN" : "en"}
          onClick={props.onLocale}
        >
          {t("kiosk.otherLanguage")}
        </button>
        {props.showHome && (
          <button type="button" className="tool" onClick={home}>
            {t("kiosk.home")}
          </button>
        )}
        {resident && (
          <button type="button" className="tool finish" onClick={finish} data-testid="finish">
            {t("kiosk.finish")}
          </button>
        )}
      </nav>
    </header>
  );
}
