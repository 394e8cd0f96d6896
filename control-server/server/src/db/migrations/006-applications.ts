import type { Database } from "better-sqlite3";
import type { Migration } from "./index";

interface SeedQuestion {
  code: string;
  text: string;
  textEn: string;
}
interface SeedMaterial {
  code: string;
  name: string;
  nameEn: string;
  note: string;
  noteEn: string;
  when: Record<string, boolean>;
}
interface SeedService {
  code: string;
  name: string;
  nameEn: string;
  department: string;
  departmentEn: string;
  summary: string;
  summaryEn: string;
  targetDays: number;
  questions: SeedQuestion[];
  materials: SeedMaterial[];
}

const idCard = (note: string, noteEn: string): SeedMaterial => ({
  code: "id-card",
  name: "居民身份证",
  nameEn: "Resident ID card",
  note,
  noteEn,
  when: {},
});
const householdRegister: SeedMaterial = {
  code: "household-register",
  name: "户口簿",
  nameEn: "Household register (hukou booklet)",
  note: "户主页及本人页",
  noteEn: "The head-of-household page and your own page",
  when: {},
};
const remarriedQuestion: SeedQuestion = {
  code: "remarried",
  text: "夫妻一方或双方是否离异后再婚？",
  textEn: "Has either of you divorced and remarried?",
};
/** A remarried couple shows how the earlier marriage ended and the new marriage certificate. */
const marriageMaterials: SeedMaterial[] = [
  {
    code: "marriage-certificate",
    name: "结婚证",
    nameEn: "Marriage certificate",
    note: "夫妻双方的结婚证",
    noteEn: "The couple's marriage certificate",
    when: { remarried: false },
  },
  {
    code: "divorce-certificate",
    name: "离婚证或离婚判决书",
    nameEn: "Divorce certificate or divorce judgment",
    note: "前一段婚姻的离婚证、离婚调解书或判决书",
    noteEn: "For the earlier marriage: divorce certificate, mediation statement or court judgment",
    when: { remarried: true },
  },
  {
    code: "remarriage-certificate",
    name: "再婚结婚证",
    nameEn: "Certificate of the current marriage",
    note: "现婚姻的结婚证",
    noteEn: "The marriage certificate of the current marriage",
    when: { remarried: true },
  },
];

/** The certificates residents most often ask the community service centre about, as the county lists them. */
const SERVICES: SeedService[] = [
  {
    code: "residence-permit",
    name: "居住证",
    nameEn: "Residence permit",
    department: "县公安局户政窗口",
    departmentEn: "County Public Security Bureau, household registration desk",
    summary:
      "在本县居住半年以上、有合法稳定就业或住所的非本县户籍居民，可申领居住证，享受子女入学、就业服务等基本公共服务。",
    summaryEn:
      "Residents registered elsewhere who have lived here for six months with a stable job or home may apply; the permit opens schooling, employment and other public services.",
    targetDays: 15,
    questions: [
      { code: "renting", text: "您是否租房居住？", textEn: "Do you rent your home?" },
      { code: "employed", text: "您是否在本地就业？", textEn: "Do you work in this county?" },
    ],
    materials: [
      idCard("原件", "The original"),
      {
        code: "photo",
        name: "近期一寸免冠照片",
        nameEn: "Recent passport-size photo",
        note: "白底，两张",
        noteEn: "White background, two copies",
        when: {},
      },
      {
        code: "tenancy-contract",
        name: "房屋租赁合同",
        nameEn: "Tenancy contract",
        note: "已登记备案的租赁合同",
        noteEn: "A registered tenancy contract",
        when: { renting: true },
      },
      {
        code: "property-certificate",
        name: "房产证",
        nameEn: "Property ownership certificate",
        note: "本人或配偶名下的不动产权证书",
        noteEn: "Your or your spouse's property certificate",
        when: { renting: false },
      },
      {
        code: "employment-proof",
        name: "劳动合同或营业执照",
        nameEn: "Employment contract or business licence",
        note: "",
        noteEn: "",
        when: { employed: true },
      },
    ],
  },
  {
    code: "birth-permit",
    name: "再生育证（准生证）",
    nameEn: "Birth permit (再生育证)",
    department: "县卫生健康局",
    departmentEn: "County Health Commission",
    summary: "已育有子女、计划再生育的夫妻，在怀孕前或怀孕后向女方户籍地或居住地申请再生育服务登记。",
    summaryEn:
      "Couples who have children and plan another register with the health commission where the wife is registered or lives, before or during the pregnancy.",
    targetDays: 20,
    questions: [
      remarriedQuestion,
      {
        code: "non-local",
        text: "女方户籍是否不在本县？",
        textEn: "Is the wife's household registration outside this county?",
      },
    ],
    materials: [
      idCard("夫妻双方身份证", "Both spouses' ID cards"),
      householdRegister,
      ...marriageMaterials,
      {
        code: "birth-certificates",
        name: "现有子女出生医学证明",
        nameEn: "Birth certificates of the existing children",
        note: "每个子女一份",
        noteEn: "One for each child",
        when: {},
      },
      {
        code: "residence-permit",
        name: "居住证",
        nameEn: "Residence permit",
        note: "户籍不在本县的，提供本县居住证",
        noteEn: "When registered elsewhere: the residence permit of this county",
        when: { "non-local": true },
      },
    ],
  },
  {
    code: "unemployment-registration",
    name: "失业登记",
    nameEn: "Unemployment registration",
    department: "县人力资源和社会保障局就业服务中心",
    departmentEn: "County Human Resources and Social Security Bureau, employment service centre",
    summary:
      "劳动年龄内、有劳动能力和就业意愿的失业人员办理失业登记后，可享受免费职业介绍、培训补贴等就业服务。",
    summaryEn:
      "People of working age who can and want to work register to receive free job placement, training subsidies and other employment services.",
    targetDays: 5,
    questions: [
      {
        code: "had-job",
        text: "您是否解除或终止了劳动合同？",
        textEn: "Did your employment contract end or was it terminated?",
      },
      {
        code: "graduate",
        text: "您是否为毕业两年内未就业的高校毕业生？",
        textEn: "Are you a graduate, within two years of graduating, who has not found work?",
      },
    ],
    materials: [
      idCard("原件", "The original"),
      householdRegister,
      {
        code: "contract-termination",
        name: "解除或终止劳动合同证明",
        nameEn: "Proof that the employment contract ended",
        note: "原单位出具",
        noteEn: "Issued by the former employer",
        when: { "had-job": true },
      },
      {
        code: "diploma",
        name: "毕业证书",
        nameEn: "Graduation certificate",
        note: "",
        noteEn: "",
        when: { graduate: true },
      },
    ],
  },
  {
    code: "only-child-certificate",
    name: "独生子女父母光荣证",
    nameEn: "Certificate of honour for parents of an only child",
    department: "县卫生健康局",
    departmentEn: "County Health Commission",
    summary: "只生育一个子女并自愿不再生育的夫妻可申领，凭证享受独生子女父母奖励及相关扶助政策。",
    summaryEn:
      "Couples with one child who choose to have no more may apply; the certificate entitles them to the only-child parents' allowance and related support.",
    targetDays: 10,
    questions: [
      remarriedQuestion,
      { code: "adopted", text: "子女是否为依法收养？", textEn: "Is the child legally adopted?" },
    ],
    materials: [
      idCard("夫妻双方身份证", "Both spouses' ID cards"),
      householdRegister,
      ...marriageMaterials,
      {
        code: "birth-certificate",
        name: "子女出生医学证明",
        nameEn: "The child's birth certificate",
        note: "",
        noteEn: "",
        when: { adopted: false },
      },
      {
        code: "adoption-certificate",
        name: "收养登记证",
        nameEn: "Adoption registration certificate",
        note: "",
        noteEn: "",
        when: { adopted: true },
      },
    ],
  },
];

/**
 * Fictional residents of the demo communities. The first three hold the simulator's sample cards
 * (`hardware/src/id-card/sample-cards.ts`), so a demo kiosk greets a known resident. Building ids are
 * those of migration 007's lifts, so a kiosk can show the resident's own lifts first.
 */
const RESIDENTS = [
  ["430302198503122428", "李晓梅", "xiangbin", "bld-xb-3", "湘滨小区3栋2单元501室", "13807321001"],
  ["430304196008151014", "王建国", "fengdaoling", "bld-fdl-2", "封刀岭安置小区2栋101室", "13907322002"],
  ["81000019900101102X", "陈嘉欣", "quantang", null, "泉塘社区8栋1单元302室", null],
  ["430302197809213029", "张丽华", "xiangbin", "bld-xb-7", "湘滨小区7栋1单元201室", "13607323003"],
  ["430302198802061514", "周志强", "xiangbin", "bld-xb-3", "湘滨小区3栋1单元702室", "15807324004"],
  ["430304199205172045", "刘芳", "yanggao", null, "阳高社区2栋3单元402室", "18907325005"],
  ["430304195511031226", "赵秀英", "fengdaoling", "bld-fdl-2", "封刀岭安置小区2栋303室", null],
] as const;

function seed(db: Database): void {
  const now = new Date().toISOString();
  const insertService = db.prepare(
    `INSERT INTO application_services
       (code, position, name, name_en, department, department_en, summary, summary_en, target_days,
        questions, materials, active, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  for (const [position, s] of SERVICES.entries()) {
    insertService.run(
      s.code,
      position,
      s.name,
      s.nameEn,
      s.department,
      s.departmentEn,
      s.summary,
      s.summaryEn,
      s.targetDays,
      JSON.stringify(s.questions),
      JSON.stringify(s.materials),
      now,
    );
  }
  const insertResident = db.prepare(
    `INSERT INTO residents (id, id_number, name, community_id, building_id, address, phone, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [index, [idNumber, name, community, building, address, phone]] of RESIDENTS.entries()) {
    insertResident.run(`seed-${index + 1}`, idNumber, name, community, building, address, phone, now, now);
  }
}

export const applications: Migration = {
  version: 6,
  name: "kiosk applications: the service catalogue, the population registry, applications and their materials",
  up(db) {
    db.exec(`
      -- Questions and materials (with their 'when' conditions) are edited and read as a whole with
      -- their service, so they are JSON columns in the protocol's shapes.
      CREATE TABLE application_services (
        code TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        department TEXT NOT NULL,
        department_en TEXT NOT NULL,
        summary TEXT NOT NULL,
        summary_en TEXT NOT NULL,
        target_days INTEGER NOT NULL CHECK (target_days BETWEEN 1 AND 365),
        questions TEXT NOT NULL DEFAULT '[]',
        materials TEXT NOT NULL DEFAULT '[]',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- The population registry (实有人口): who lives where.
      CREATE TABLE residents (
        id TEXT PRIMARY KEY,
        id_number TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        community_id TEXT NOT NULL REFERENCES communities(id),
        building_id TEXT,
        address TEXT NOT NULL DEFAULT '',
        phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- A card holder the registry did not know (or knew under another name), for staff to review.
      CREATE TABLE resident_proposals (
        id TEXT PRIMARY KEY,
        id_number TEXT NOT NULL,
        name TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('card', 'typed')),
        community_id TEXT NOT NULL REFERENCES communities(id),
        terminal_id TEXT REFERENCES terminals(id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        seen_count INTEGER NOT NULL DEFAULT 1,
        proposed_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        reviewed_by TEXT REFERENCES staff(id),
        reviewed_at TEXT
      ) STRICT;
      -- One open proposal per ID number: the same card seen again refreshes it.
      CREATE UNIQUE INDEX resident_proposals_pending ON resident_proposals(id_number) WHERE status = 'pending';

      CREATE TABLE applications (
        receipt_code TEXT PRIMARY KEY,
        -- The kiosk's durable event id; null for applications staff entered in the console.
        submit_event_id TEXT UNIQUE,
        service_code TEXT NOT NULL REFERENCES application_services(code),
        applicant_id_number TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        applicant_phone TEXT,
        resident_id TEXT REFERENCES residents(id),
        answers TEXT NOT NULL DEFAULT '{}',
        community_id TEXT NOT NULL REFERENCES communities(id),
        channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'console', 'phone')),
        terminal_id TEXT REFERENCES terminals(id),
        created_by TEXT REFERENCES staff(id),
        status TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'needs-materials', 'approved', 'rejected', 'completed')),
        submitted_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        -- The department's promise: target_days working days (Monday to Friday, local time) after submission.
        target_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX applications_by_applicant ON applications(applicant_id_number);
      CREATE INDEX applications_by_community ON applications(community_id, submitted_at);

      CREATE TABLE application_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        receipt_code TEXT NOT NULL REFERENCES applications(receipt_code),
        at TEXT NOT NULL,
        status TEXT NOT NULL,
        -- 'terminal:<id>' or 'staff:<id>'.
        actor TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX application_history_by_application ON application_history(receipt_code, id);

      -- No foreign key to applications: a kiosk's material may arrive before its application.
      CREATE TABLE application_files (
        id TEXT PRIMARY KEY,
        event_id TEXT UNIQUE,
        receipt_code TEXT NOT NULL,
        material_code TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'application/pdf')),
        size INTEGER NOT NULL CHECK (size > 0),
        source TEXT NOT NULL CHECK (source IN ('kiosk', 'phone')),
        terminal_id TEXT REFERENCES terminals(id),
        -- Relative to the data directory: materials/<receipt code>/<id>.<ext>.
        path TEXT NOT NULL,
        added_at TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX application_files_by_application ON application_files(receipt_code, added_at);

      CREATE TABLE application_ratings (
        receipt_code TEXT PRIMARY KEY REFERENCES applications(receipt_code),
        event_id TEXT UNIQUE,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment TEXT NOT NULL DEFAULT '',
        channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'phone')),
        rated_at TEXT NOT NULL
      ) STRICT;

      -- The phone-upload QR sessions; only the token's hash is kept.
      CREATE TABLE upload_sessions (
        token_hash TEXT PRIMARY KEY,
        receipt_code TEXT NOT NULL,
        service_code TEXT NOT NULL REFERENCES application_services(code),
        answers TEXT NOT NULL DEFAULT '{}',
        terminal_id TEXT REFERENCES terminals(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;

      -- Text-message codes for applications from the phone page: only a salted hash of the code is kept;
      -- the newest code of a phone is the one that counts. Rows also count texts per phone and per address.
      CREATE TABLE phone_verification_codes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        phone TEXT NOT NULL,
        code_salt TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        ip TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        tries INTEGER NOT NULL DEFAULT 0,
        used_at TEXT
      ) STRICT;
      CREATE INDEX phone_verification_codes_by_phone ON phone_verification_codes(phone, sent_at);
      CREATE INDEX phone_verification_codes_by_ip ON phone_verification_codes(ip, sent_at);
    `);
    seed(db);
  },
};
