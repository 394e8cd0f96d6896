import { randomUUID } from "node:crypto";
import type { Guide, GuideInput } from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { Database } from "../db/database";

interface GuideRow {
  id: string;
  category: Guide["category"];
  title: string;
  title_en: string;
  body: string;
  body_en: string;
  updated_at: string;
}

const toGuide = (row: GuideRow): Guide => ({
  id: row.id,
  title: row.title,
  titleEn: row.title_en,
  category: row.category,
  body: row.body,
  bodyEn: row.body_en,
  updatedAt: row.updated_at,
});

/** Service guides and policies in plain words, the same for the whole county. */
export class Guides {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  list(): Guide[] {
    return (this.db.prepare("SELECT * FROM guides ORDER BY position, id").all() as GuideRow[]).map(toGuide);
  }

  get(id: string): Guide | null {
    const row = this.db.prepare("SELECT * FROM guides WHERE id = ?").get(id) as GuideRow | undefined;
    return row ? toGuide(row) : null;
  }

  /** Creates (id null, placed last) or replaces a guide; null when the id names none. */
  save(id: string | null, input: GuideInput, actor: StaffPrincipal, ip: string): Guide | null {
    const guideId = id ?? randomUUID();
    const now = new Date().toISOString();
    const saved = this.db.transaction(() => {
      const values = [input.category, input.title, input.titleEn, input.body, input.bodyEn, now];
      const changes = id
        ? this.db
            .prepare(
              "UPDATE guides SET category = ?, title = ?, title_en = ?, body = ?, body_en = ?, updated_at = ? WHERE id = ?",
            )
            .run(...values, guideId).changes
        : this.db
            .prepare(
              `INSERT INTO guides (category, title, title_en, body, body_en, updated_at, id, position)
               VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM guides))`,
            )
            .run(...values, guideId).changes;
      if (changes === 0) return false;
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: id ? "guide.update" : "guide.create",
        target: { type: "guide", id: guideId },
        detail: { title: input.title },
        ip,
      });
      return true;
    })();
    return saved ? this.get(guideId) : null;
  }

  remove(id: string, actor: StaffPrincipal, ip: string): boolean {
    return this.db.transaction(() => {
      const guide = this.get(id);
      if (!guide) return false;
      this.db.prepare("DELETE FROM guides WHERE id = ?").run(id);
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "guide.delete",
        target: { type: "guide", id },
        detail: { title: guide.title },
        ip,
      });
      return true;
    })();
  }
}
