import type { Database } from "better-sqlite3";
import { initial } from "./001-initial";
import { eldersAndAlarms } from "./002-elders-and-alarms";
import { devices } from "./003-devices";
import { elderServices } from "./004-elder-services";
import { dailyCheckins } from "./005-daily-checkins";
import { applications } from "./006-applications";
import { noticesAndContent } from "./007-notices-and-content";
import { communityElderServices } from "./008-community-elder-services";

/** A numbered schema step. `up` runs inside the single transaction that applies every pending step. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** In order; `PRAGMA user_version` holds the version of the last step applied. Never edit a released step. */
export const migrations: readonly Migration[] = [
  initial,
  eldersAndAlarms,
  devices,
  elderServices,
  dailyCheckins,
  applications,
  noticesAndContent,
  communityElderServices,
];
