import { randomUUID } from "node:crypto";
import type { Provider } from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { Database } from "../db/database";

interface ProviderRow {
  id: string;
  name: string;
  kind: Provider["kind"];
  phone: string;
  service_codes: string;
  community_ids: string;
  active: number;
}

export type ProviderInput = Omit<Provider, "id">;

/** Organisations and volunteers who deliver elder services, with the services and communities they cover. */
export class Providers {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  list(filter: { communityId?: string | null; serviceCode?: string } = {}): Provider[] {
    const rows = this.db.prepare("SELECT * FROM providers ORDER BY name").all() as ProviderRow[];
    return rows
      .map(toProvider)
      .filter((p) => !filter.communityId || p.communityIds.includes(filter.communityId))
      .filter((p) => !filter.serviceCode || p.serviceCodes.includes(filter.serviceCode));
  }

  get(id: string): Provider | null {
    const row = this.db.prepare("SELECT * FROM providers WHERE id = ?").get(id) as ProviderRow | undefined;
    return row ? toProvider(row) : null;
  }

  save(id: string | null, input: ProviderInput, actor: StaffPrincipal, ip: string): Provider | null {
    const providerId = id ?? randomUUID();
    const changed = this.db.transaction(() => {
      const values = [
        input.name,
        input.kind,
        input.phone,
        JSON.stringify(input.serviceCodes),
        JSON.stringify(input.communityIds),
        input.active ? 1 : 0,
      ];
      const result = id
        ? this.db
            .prepare(
              "UPDATE providers SET name = ?, kind = ?, phone = ?, service_codes = ?, community_ids = ?, active = ? WHERE id = ?",
            )
            .run(...values, id)
        : this.db
            .prepare(
              `INSERT INTO providers (name, kind, phone, service_codes, community_ids, active, id, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(...values, providerId, new Date().toISOString());
      if (result.changes === 0) return false;
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: id ? "provider.update" : "provider.create",
        target: { type: "provider", id: providerId },
        ip,
      });
      return true;
    })();
    return changed ? this.get(providerId) : null;
  }
}

function toProvider(row: ProviderRow): Provider {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    phone: row.phone,
    serviceCodes: JSON.parse(row.service_codes) as string[],
    communityIds: JSON.parse(row.community_ids) as string[],
    active: row.active === 1,
  };
}
