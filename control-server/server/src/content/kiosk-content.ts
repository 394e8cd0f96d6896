import type { KioskContent, TerminalSummary } from "@linli/protocol";
import { listActiveApplicationServices } from "../applications/catalogue";
import type { Database } from "../db/database";
import type { NoticeBoard } from "../notices/notice-board";
import type { Facilities } from "./facilities";
import type { Guides } from "./guides";
import type { Lifts } from "./lifts";

export interface KioskContentSources {
  db: Database;
  notices: NoticeBoard;
  guides: Guides;
  facilities: Facilities;
  lifts: Lifts;
  /** Base of the public resident pages, for receipt QR codes. */
  publicUrl: () => string;
}

/** Everything a kiosk shows without a resident, for its own community; the kiosk caches it. */
export function kioskContentFor(terminal: TerminalSummary, sources: KioskContentSources): KioskContent {
  const community = sources.db
    .prepare("SELECT id, name FROM communities WHERE id = ?")
    .get(terminal.communityId) as { id: string; name: string };
  return {
    publicUrl: sources.publicUrl(),
    community,
    catalogue: listActiveApplicationServices(sources.db),
    notices: sources.notices.currentFor({ communityId: terminal.communityId, kind: terminal.kind }),
    guides: sources.guides.list(),
    facilities: sources.facilities
      .list(terminal.communityId)
      .map(({ communityId: _, ...facility }) => facility),
    lifts: sources.lifts
      .list(terminal.communityId)
      .map(({ communityId: _, outOfService: __, ...lift }) => lift),
    fetchedAt: new Date().toISOString(),
  };
}
