import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isValidIdNumber } from "@linli/hardware/id-card/id-number";
import { sampleCards } from "@linli/hardware/id-card/sample-cards";
import { applicationServiceSchema, materialsNeeded } from "@linli/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/database";
import { listActiveApplicationServices, listApplicationServices } from "./catalogue";

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "linli-applications-"));
  dirs.push(dir);
  return join(dir, "linli.db");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("migration 006: the application catalogue and the population registry", () => {
  it("seeds the four certificate services, each valid by the protocol and every condition naming a question", () => {
    const db = openDatabase(tempFile());
    const services = listActiveApplicationServices(db);
    expect(services.map((s) => s.name)).toEqual([
      "居住证",
      "再生育证（准生证）",
      "失业登记",
      "独生子女父母光荣证",
    ]);
    for (const service of services) {
      expect(applicationServiceSchema.parse(service)).toEqual(service);
      const questions = new Set(service.questions.map((q) => q.code));
      expect(questions.size).toBeGreaterThanOrEqual(1);
      for (const material of service.materials) {
        for (const question of Object.keys(material.when)) expect(questions).toContain(question);
      }
    }
    db.close();
  });

  it("the checklist depends on the answers: a remarried couple adds the divorce and remarriage papers", () => {
    const db = openDatabase(tempFile());
    const birthPermit = listApplicationServices(db).find((s) => s.code === "birth-permit")!;
    const firstMarriage = materialsNeeded(birthPermit, { remarried: false }).map((m) => m.name);
    const remarried = materialsNeeded(birthPermit, { remarried: true }).map((m) => m.name);
    expect(firstMarriage).toContain("结婚证");
    expect(firstMarriage).not.toContain("离婚证或离婚判决书");
    expect(remarried).toEqual(expect.arrayContaining(["离婚证或离婚判决书", "再婚结婚证"]));
    expect(remarried).not.toContain("结婚证");
    const permit = listApplicationServices(db).find((s) => s.code === "residence-permit")!;
    expect(materialsNeeded(permit, { renting: true }).map((m) => m.code)).toContain("tenancy-contract");
    expect(materialsNeeded(permit, { renting: false }).map((m) => m.code)).toContain("property-certificate");
    db.close();
  });

  it("an inactive service stays in the catalogue but not in what kiosks offer", () => {
    const db = openDatabase(tempFile());
    db.prepare("UPDATE application_services SET active = 0 WHERE code = 'unemployment-registration'").run();
    expect(listApplicationServices(db)).toHaveLength(4);
    expect(listActiveApplicationServices(db).map((s) => s.code)).not.toContain("unemployment-registration");
    db.close();
  });

  it("the registry knows the sample card holders, with valid ID numbers, and survives a reopen", () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    const rows = db.prepare("SELECT id_number, name, community_id FROM residents").all() as Array<{
      id_number: string;
      name: string;
      community_id: string;
    }>;
    for (const row of rows) expect(isValidIdNumber(row.id_number)).toBe(true);
    for (const card of [sampleCards.resident, sampleCards.elder, sampleCards.permit]) {
      expect(rows).toContainEqual(expect.objectContaining({ id_number: card.idNumber, name: card.name }));
    }
    db.close();
  });

  it("its tables are STRICT: a wrong type is refused", () => {
    const db = openDatabase(tempFile());
    expect(() =>
      db
        .prepare(
          "INSERT INTO application_files (id, receipt_code, material_code, file_name, mime_type, size, source, path, added_at, received_at) VALUES ('f', 'K', 'm', 'a.png', 'image/png', 'big', 'kiosk', 'p', 'now', 'now')",
        )
        .run(),
    ).toThrow();
    db.close();
  });
});
