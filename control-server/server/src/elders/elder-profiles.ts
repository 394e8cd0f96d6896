import { randomUUID } from "node:crypto";
import type { Contact, ElderSummary } from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { Database } from "../db/database";
import { maskPhone } from "../privacy/mask";

export interface ElderInput {
  communityId: string;
  name: string;
  address: string;
  livingSituation: string;
  conditions: string[];
  medicationNotes: string;
  keyHolder: Contact | null;
  emergencyContacts: Contact[];
  terminalId: string | null;
}

export interface ElderRecord extends ElderSummary {
  communityId: string;
  terminalId: string | null;
  createdAt: string;
  updatedAt: string;
}

interface ElderRow {
  id: string;
  community_id: string;
  name: string;
  address: string;
  living_situation: string;
  conditions: string;
  medication_notes: string;
  key_holder_name: string | null;
  key_holder_relation: string | null;
  key_holder_phone: string | null;
  terminal_id: string | null;
  created_at: string;
  updated_at: string;
}

/** The profile's columns in table order, community_id through terminal_id. */
function profileColumns(input: ElderInput): Array<string | null> {
  return [
    input.communityId,
    input.name,
    input.address,
    input.livingSituation,
    JSON.stringify(input.conditions),
    input.medicationNotes,
    input.keyHolder?.name ?? null,
    input.keyHolder?.relation ?? null,
    input.keyHolder?.phone ?? null,
    input.terminalId,
  ];
}

/** Roles that phone people during an alarm see phone numbers in full; everyone else sees them masked. */
export function seesPhoneNumbers(staff: Pick<StaffPrincipal, "role">): boolean {
  return staff.role === "admin" || staff.role === "dispatcher";
}

function maskContact(contact: Contact): Contact {
  return { ...contact, phone: maskPhone(contact.phone) };
}

/** An elder's summary as a given reader may see it. */
export function forReader<T extends ElderSummary>(elder: T, reader: Pick<StaffPrincipal, "role">): T {
  if (seesPhoneNumbers(reader)) return elder;
  return {
    ...elder,
    keyHolder: elder.keyHolder ? maskContact(elder.keyHolder) : null,
    emergencyContacts: elder.emergencyContacts.map(maskContact),
  };
}

/** Elders living with a one-touch unit: where they live, what to know, whom to call and in which order. */
export class ElderProfiles {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  get(id: string): ElderRecord | null {
    const row = this.db.prepare("SELECT * FROM elders WHERE id = ?").get(id) as ElderRow | undefined;
    return row ? this.#toRecord(row) : null;
  }

  byTerminal(terminalId: string): ElderRecord | null {
    const row = this.db.prepare("SELECT * FROM elders WHERE terminal_id = ?").get(terminalId) as
      | ElderRow
      | undefined;
    return row ? this.#toRecord(row) : null;
  }

  list(filter: { communityId?: string | null } = {}): ElderRecord[] {
    const rows = this.db
      .prepare(
        "SELECT * FROM elders WHERE (@community IS NULL OR community_id = @community) ORDER BY community_id, name",
      )
      .all({ community: filter.communityId ?? null }) as ElderRow[];
    return rows.map((row) => this.#toRecord(row));
  }

  create(input: ElderInput, actor: StaffPrincipal, ip: string): ElderRecord {
    const id = randomUUID();
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO elders (id, community_id, name, address, living_situation, conditions, medication_notes,
             key_holder_name, key_holder_relation, key_holder_phone, terminal_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, ...profileColumns(input), now, now);
      this.#writeContacts(id, input.emergencyContacts);
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "elder.create",
        target: { type: "elder", id },
        ip,
      });
    })();
    return this.get(id)!;
  }

  update(id: string, input: ElderInput, actor: StaffPrincipal, ip: string): ElderRecord | null {
    const changed = this.db.transaction(() => {
      const result = this.db
        .prepare(
          `UPDATE elders SET community_id = ?, name = ?, address = ?, living_situation = ?, conditions = ?,
             medication_notes = ?, key_holder_name = ?, key_holder_relation = ?, key_holder_phone = ?,
             terminal_id = ?, updated_at = ? WHERE id = ?`,
        )
        .run(...profileColumns(input), new Date().toISOString(), id);
      if (result.changes === 0) return false;
      this.db.prepare("DELETE FROM elder_contacts WHERE elder_id = ?").run(id);
      this.#writeContacts(id, input.emergencyContacts);
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "elder.update",
        target: { type: "elder", id },
        ip,
      });
      return true;
    })();
    return changed ? this.get(id) : null;
  }

  #writeContacts(elderId: string, contacts: Contact[]): void {
    const insert = this.db.prepare(
      "INSERT INTO elder_contacts (elder_id, position, name, relation, phone) VALUES (?, ?, ?, ?, ?)",
    );
    for (const [position, contact] of contacts.entries()) {
      insert.run(elderId, position, contact.name, contact.relation, contact.phone);
    }
  }

  #toRecord(row: ElderRow): ElderRecord {
    const contacts = this.db
      .prepare("SELECT name, relation, phone FROM elder_contacts WHERE elder_id = ? ORDER BY position")
      .all(row.id) as Contact[];
    return {
      id: row.id,
      communityId: row.community_id,
      name: row.name,
      address: row.address,
      livingSituation: row.living_situation,
      conditions: JSON.parse(row.conditions) as string[],
      medicationNotes: row.medication_notes,
      keyHolder:
        row.key_holder_name && row.key_holder_phone
          ? {
              name: row.key_holder_name,
              relation: row.key_holder_relation ?? "",
              phone: row.key_holder_phone,
            }
          : null,
      emergencyContacts: contacts,
      terminalId: row.terminal_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
