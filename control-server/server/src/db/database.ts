import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { migrations as allMigrations, type Migration } from "./migrations/index";

export type { Database } from "better-sqlite3";

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `database schema version ${found} is newer than this server understands (${supported}); refusing to open it — run a newer build`,
    );
  }
}

/**
 * Opens (creating when absent) the server's SQLite database: WAL, `synchronous=FULL` because an
 * acknowledged alarm or application must survive a power cut, foreign keys on, and every pending
 * migration applied in one transaction.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = allMigrations): Database {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

export function migrate(db: Database, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}
