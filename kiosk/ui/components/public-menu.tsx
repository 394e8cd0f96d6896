import type { ReactNode } from "react";
import type { Route } from "../route";
import type { MessageKey } from "../shared/i18n";
import { useVisit } from "../visit-context";
import { Icon, type IconName } from "./icons";

const ENTRIES: Array<{ route: Route; icon: IconName; label: MessageKey }> = [
  { route: { name: "guides" }, icon: "guide", label: "menu.guides" },
  { route: { name: "lookup" }, icon: "progress", label: "menu.lookup" },
  { route: { name: "facilities" }, icon: "place", label: "menu.facilities" },
  { route: { name: "lifts" }, icon: "lift", label: "menu.lifts" },
  { route: { name: "notices" }, icon: "notice", label: "menu.notices" },
];

/** What anyone may use without signing in: guides, progress, facilities, lifts, notices. */
export function PublicMenu({ children }: { children?: ReactNode }) {
  const { t, go } = useVisit();
  return (
    <nav className="public-menu" aria-label={t("menu.public")}>
      {ENTRIES.map((entry) => (
        <button key={entry.route.name} type="button" className="tile" onClick={() => go(entry.route)}>
          <Icon name={entry.icon} size={56} />
          <span>{t(entry.label)}</span>
        </button>
      ))}
      {children}
    </nav>
  );
}
