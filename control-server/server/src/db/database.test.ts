import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseTooNewError, openDatabase, schemaVersion } from "./database";
import { migrations } from "./migrations/index";

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "linli-db-"));
  dirs.push(dir);
  return join(dir, "linli.db");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("database", () => {
  it("creates a new file at the latest schema version, in WAL mode with synchronous=FULL", () => {
    const file = tempFile();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
    db.close();
  });

  it("migration 1 seeds the four communities of the first county", () => {
    const db = openDatabase(tempFile());
    const names = (
      db.prepare("SELECT name FROM communities ORDER BY rowid").all() as Array<{ name: string }>
    ).map((row) => row.name);
    expect(names).toEqual(["湘滨社区", "封刀岭社区", "泉塘社区", "阳高社区"]);
    db.close();
  });

  it("reopening an up-to-date file changes nothing and keeps the data", () => {
    const file = tempFile();
    const first = openDatabase(file);
    first.prepare("INSERT INTO communities (id, name, created_at) VALUES ('test', '测试社区', 'now')").run();
    first.close();
    const second = openDatabase(file);
    expect(second.prepare("SELECT count(*) AS n FROM communities").get()).toEqual({ n: 5 });
    second.close();
  });

  it("applies only pending steps, all in one transaction: a failing step leaves the file as it was", () => {
    const file = tempFile();
    openDatabase(file, migrations).close();
    const latest = migrations.at(-1)!.version;
    const broken = [
      ...migrations,
      {
        version: latest + 1,
        name: "adds a table",
        up: (db: BetterSqlite3.Database) => db.exec("CREATE TABLE extra (x TEXT) STRICT"),
      },
      {
        version: latest + 2,
        name: "fails",
        up: (db: BetterSqlite3.Database) => db.exec("INSERT INTO missing VALUES (1)"),
      },
    ];
    expect(() => openDatabase(file, broken)).toThrow(/no such table: missing/);
    const raw = new BetterSqlite3(file);
    expect(raw.pragma("user_version", { simple: true })).toBe(latest);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({
      n: 0,
    });
    raw.close();
  });

  it("refuses a database written by a newer build", () => {
    const file = tempFile();
    openDatabase(file).close();
    const raw = new BetterSqlite3(file);
    raw.pragma("user_version = 99");
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer than this server understands/);
  });

  it("tables are STRICT: a wrong type is refused", () => {
    const db = openDatabase(tempFile());
    expect(() =>
      db
        .prepare(
          "INSERT INTO terminal_presence (terminal_id, online, reason, at) VALUES ('x', 'yes', 'r', 'now')",
        )
        .run(),
    ).toThrow();
    db.close();
  });
});
