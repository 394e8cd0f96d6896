import type { ReactNode } from "react";
import type { Session } from "../api/types";
import { handlesApplications } from "../applications/application-roles";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { LiveStatus } from "../live/use-console-socket";
import { LanguageSwitch } from "./language-switch";
import { type Page, pageHref, type Route } from "./use-hash-route";

const LIVE_WORDS: Record<LiveStatus, MessageKey> = {
  live: "live.live",
  connecting: "live.connecting",
  down: "live.down",
};

export function Layout(props: {
  session: Session;
  communityName: string | null;
  route: Route;
  live: LiveStatus;
  /** What waits beside a link: alarms to take, service requests to accept, elders to check on. */
  counts: Partial<Record<Page, number>>;
  /** Shown above every page. */
  alarmBar: ReactNode;
  /** Gentler notices under the alarm bar: service alerts, elder units gone offline. */
  notices: ReactNode;
  /** A ringing call or the call in progress, over the corner of every page. */
  calls: ReactNode;
  onSignOut(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { staff } = props.session;
  const links: Array<{ page: Page; label: MessageKey }> = [
    { page: "fleet", label: "nav.fleet" },
    { page: "alarms", label: "nav.alarms" },
    { page: "services", label: "nav.services" },
    ...(handlesApplications(staff.role)
      ? [{ page: "applications" as const, label: "nav.applications" as const }]
      : []),
    { page: "checks", label: "nav.checks" },
    { page: "notices", label: "nav.notices" },
    { page: "elders", label: "nav.elders" },
    { page: "providers", label: "nav.providers" },
    { page: "devices", label: "nav.devices" },
  ];
  if (handlesApplications(staff.role)) {
    links.push({ page: "catalogue", label: "nav.catalogue" }, { page: "residents", label: "nav.residents" });
  }
  if (staff.role === "admin") {
    links.push(
      { page: "enrol", label: "nav.enrol" },
      { page: "staff", label: "nav.staff" },
      { page: "audit", label: "nav.audit" },
    );
  }
  // A terminal's page belongs under the fleet, an alarm's under the alarms, an elder's under the elders: its
  // link says where the user is without claiming to be the page.
  const parent: Partial<Record<Route["page"], Page>> = {
    terminal: "fleet",
    alarm: "alarms",
    elder: "elders",
    elderNew: "elders",
    service: "services",
    application: "applications",
    notice: "notices",
    "kiosk-content": "notices",
  };
  const current = (page: Page) =>
    props.route.page === page ? "page" : parent[props.route.page] === page ? "true" : undefined;

  return (
    <div className="shell">
      <button
        type="button"
        className="skip-link"
        // The URL fragment holds the page route, so the skip link moves the focus itself.
        onClick={() => document.getElementById("main")?.focus()}
      >
        {t("nav.skip")}
      </button>
      {props.alarmBar}
      <div className="notice-area">{props.notices}</div>
      <aside className="sidebar">
        <div className="sidebar-brand">
          <span className="brand-mark" aria-hidden="true">
            邻
          </span>
          <div>
            <p className="brand-name">{t("app.name")}</p>
            <p className="brand-sub">{t("app.console")}</p>
          </div>
        </div>
        <nav aria-label={t("nav.label")}>
          <ul>
            {links.map((link) => (
              <li key={link.page}>
                <a href={pageHref(link.page)} aria-current={current(link.page)}>
                  {t(link.label)}
                  <NavCount page={link.page} count={props.counts[link.page] ?? 0} />
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="workspace">
        <header className="topbar">
          <p className={`live live-${props.live}`} role="status" data-testid="live-status">
            <span className="live-dot" aria-hidden="true" />
            {t(LIVE_WORDS[props.live])}
          </p>
          <div className="topbar-user">
            <span className="user-name">{staff.displayName}</span>
            <span className="user-role">
              {t(`role.${staff.role}`)} · {props.communityName ?? t("staff.countyWide")}
            </span>
          </div>
          <LanguageSwitch />
          <a className="button" href={pageHref("password")} aria-current={current("password")}>
            {t("nav.password")}
          </a>
          <button type="button" className="button" onClick={props.onSignOut}>
            {t("nav.signOut")}
          </button>
        </header>
        <main id="main" className="content" tabIndex={-1}>
          {props.children}
        </main>
      </div>
      {props.calls}
    </div>
  );
}

/** Words read after the count beside each link; the alarms' count is the urgent one (red). */
const COUNT_WORDS: Partial<Record<Page, { words: MessageKey; testId: string; calm: boolean }>> = {
  alarms: { words: "nav.openAlarms", testId: "nav-open-alarms", calm: false },
  services: { words: "nav.waitingServices", testId: "nav-waiting-services", calm: true },
  checks: { words: "nav.openChecks", testId: "nav-open-checks", calm: true },
  applications: { words: "nav.waitingApplications", testId: "nav-waiting-applications", calm: true },
};

function NavCount({ page, count }: { page: Page; count: number }) {
  const { t } = useI18n();
  const words = COUNT_WORDS[page];
  if (!words || count === 0) return null;
  return (
    <span className={words.calm ? "nav-count nav-count-calm" : "nav-count"} data-testid={words.testId}>
      {count}
      <span className="visually-hidden">{t(words.words, { count })}</span>
    </span>
  );
}
