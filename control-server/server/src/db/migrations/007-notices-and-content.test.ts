import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AuditLog } from "../../audit";
import { Lifts } from "../../content/lifts";
import { openDatabase } from "../database";
import { migrations } from "./index";

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "linli-007-"));
  dirs.push(dir);
  return join(dir, "linli.db");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("migration 7: notices and kiosk content", () => {
  it("creates STRICT tables and seeds guides, facilities of several kinds, and lifts in every status", () => {
    const db = openDatabase(
      tempFile(),
      migrations.filter((m) => m.version <= 7),
    );
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .all(
        "notices",
        "notice_communities",
        "notice_terminal_kinds",
        "notice_receipts",
        "notice_callbacks",
        "guides",
        "facilities",
        "buildings",
        "lifts",
        "communities",
      ) as Array<{ name: string; sql: string }>;
    expect(tables).toHaveLength(10);
    for (const table of tables) expect(table.sql).toMatch(/STRICT$/);

    const guides = db.prepare("SELECT title, category FROM guides ORDER BY position").all();
    expect(guides).toEqual(
      expect.arrayContaining([
        { title: "居住证办理指南", category: "guide" },
        { title: "高龄津贴政策", category: "policy" },
      ]),
    );
    const kinds = db.prepare("SELECT DISTINCT kind FROM facilities ORDER BY kind").all() as Array<{
      kind: string;
    }>;
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(["clinic", "parking", "petrol", "pharmacy", "toilet"]),
    );
    // Every seeded facility belongs to a seeded community (foreign keys are on).
    expect(
      db
        .prepare(
          "SELECT count(*) AS n FROM facilities WHERE community_id NOT IN (SELECT id FROM communities)",
        )
        .get(),
    ).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM notices").get()).toEqual({ n: 0 });

    const statuses = new Lifts(db, new AuditLog(db)).list(null).map((lift) => lift.status);
    expect(new Set(statuses)).toEqual(new Set(["ok", "due-soon", "overdue", "out-of-service"]));
    db.close();
  });

  it("refuses rows its constraints forbid", () => {
    const db = openDatabase(tempFile());
    expect(() =>
      db
        .prepare(
          `INSERT INTO facilities (id, community_id, kind, name, address, distance_meters, opening_hours, updated_at)
           VALUES ('x', 'xiangbin', 'casino', 'n', 'a', 10, '', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO lifts (id, building_id, location, last_inspected_at, next_inspection_due, out_of_service, updated_at)
           VALUES ('x', 'no-such-building', '1 单元', 'a', 'b', 0, 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
