import { createContext, useContext } from "react";
import type { ResidentSession, TerminalSnapshot } from "../bridge/contract";
import type { Route } from "./route";
import type { UiBridge } from "./shared/bridge-client";
import type { Locale, Translate } from "./shared/i18n";

/** What every screen of a visit may use: words, the runtime, and the way to move on. */
export interface Visit {
  t: Translate;
  locale: Locale;
  bridge: UiBridge;
  snapshot: TerminalSnapshot;
  /** The centre can be reached right now (lookups and phone uploads need it). */
  online: boolean;
  /** The resident signed in for this visit, or null. */
  resident: ResidentSession | null;
  go(route: Route): void;
  /** Replaces this screen (a submitted application's receipt replaces its form). */
  replace(route: Route): void;
  /** One screen back; to the start screen when there is nothing to go back to. */
  back(): void;
  /** The start screen of this visit (home when signed in, attract otherwise), forgetting the way there. */
  home(): void;
  /** Wipes the visit: signs out, forgets every answer, photo and number typed. */
  finish(): void;
}

export const VisitContext = createContext<Visit | null>(null);

export function useVisit(): Visit {
  const visit = useContext(VisitContext);
  if (!visit) throw new Error("useVisit outside a visit");
  return visit;
}

/** The zh-CN or English one of a pair of fields from the server's content. */
export function localized(locale: Locale, zh: string, en: string): string {
  return locale === "en" && en ? en : zh;
}
