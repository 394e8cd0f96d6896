import type { Database } from "better-sqlite3";
import type { Migration } from "./index";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Plain-language guides and policies for the first county; the English text is for the kiosk's English mode. */
const GUIDES = [
  {
    id: "guide-residence-permit",
    category: "guide",
    title: "居住证办理指南",
    titleEn: "How to apply for a residence permit",
    body: [
      "谁可以办：离开户籍所在地，在本县居住满半年，并有合法稳定就业、合法稳定住所或连续就读之一的人。",
      "带什么：本人居民身份证；租房合同或房产证；工作证明或社保缴费记录（上学的带学校证明）；近期一寸白底照片一张（也可在社区现场拍）。",
      "在哪办：所在社区综合服务中心的自助机或窗口，也可以在自助机上先登记，再补交材料。",
      "多久：材料齐全的，15 个工作日内可以领证。领证时凭回执单上的受理编号。",
      "不收费。首次办理免费；遗失补领按规定收取工本费。",
    ].join("\n"),
    bodyEn: [
      "Who: anyone who left their registered home and has lived in the county for six months with a stable job, a stable home or school enrolment.",
      "Bring: your ID card; a tenancy contract or property certificate; proof of work or social insurance records (students: a school certificate); a recent photo (or have it taken at the centre).",
      "Where: the kiosk or the counter of your community service centre.",
      "How long: within 15 working days when the materials are complete. Collect it with the receipt code.",
      "Cost: free the first time.",
    ].join("\n"),
  },
  {
    id: "policy-old-age-allowance",
    category: "policy",
    title: "高龄津贴政策",
    titleEn: "Old-age allowance",
    body: [
      "本县户籍、年满 80 周岁的老人，每月可以领取高龄津贴：80 至 89 周岁每月 100 元，90 至 99 周岁每月 200 元，100 周岁以上每月 500 元。",
      "怎么申请：老人或家属带老人身份证、户口簿和老人本人的银行卡（社保卡也可以），到社区服务中心登记。行动不便的，可以打电话请社区工作人员上门。",
      "钱怎么发：审核通过后，从次月起每月按时打到老人的卡上，不用每年重新申请。",
      "需要注意：老人去世或户口迁出的，家属请在一个月内告诉社区，停发津贴。",
    ].join("\n"),
    bodyEn: [
      "Residents of the county aged 80 or over receive a monthly allowance: 100 yuan from 80 to 89, 200 yuan from 90 to 99, 500 yuan from 100.",
      "Apply at the community service centre with the elder's ID card, household register and bank or social security card. Staff visit elders who cannot come.",
      "Once approved it is paid every month from the next month on; no need to apply again each year.",
      "Please tell the community within a month when the elder dies or moves away.",
    ].join("\n"),
  },
  {
    id: "guide-medical-insurance",
    category: "guide",
    title: "城乡居民医保参保缴费",
    titleEn: "Joining the residents' medical insurance",
    body: [
      "谁要参保：没有参加职工医保的本县户籍居民和持居住证的常住人口，包括老人、小孩和学生。",
      "什么时候交：每年 9 月 1 日至 12 月 31 日集中缴纳下一年的保费；新生儿出生后 90 天内参保，出生起的费用都可以报。",
      "怎么交：在社区自助机、微信“湖南税务”或银行柜台都能交。家里老人不会操作的，可以到社区服务中心请工作人员帮忙。",
      "看病报销：在本县住院，乡镇卫生院报销约 85%，县级医院约 75%；门诊慢特病（如高血压、糖尿病）办了认定后也能报。",
      "低保户、特困人员和重度残疾人的个人缴费由政府资助，请带相关证件到社区确认。",
    ].join("\n"),
    bodyEn: [
      "Who: residents of the county (and holders of a residence permit) without employee medical insurance, including elders, children and students.",
      "When: from 1 September to 31 December for the next year; newborns within 90 days of birth.",
      "How: at the community kiosk, online, or at a bank counter; staff at the centre help elders.",
      "Refunds: about 85% of hospital costs at township health centres, about 75% at county hospitals; chronic conditions are covered once certified.",
      "The government pays the contribution of families on subsistence allowance, people in extreme poverty and people with severe disabilities.",
    ].join("\n"),
  },
  {
    id: "policy-elder-home-care",
    category: "policy",
    title: "居家养老上门服务补贴",
    titleEn: "Home-care service subsidy for elders",
    body: [
      "独居、空巢或失能的 70 周岁以上老人，可以申请居家养老上门服务补贴，每月最多 300 元，用于助餐、助洁、助医等服务。",
      "老人按一键呼叫终端上的“助餐”“家政”“就医”按钮就能下单，服务完成后按按钮评价；补贴直接和服务机构结算，老人不用先垫钱。",
      "申请时带老人身份证和户口簿到社区服务中心，社区会上门评估。",
    ].join("\n"),
    bodyEn: [
      "Elders over 70 who live alone, whose children live away, or who need care may receive up to 300 yuan a month for meals, cleaning and medical visits at home.",
      "Press the meals, housekeeping or medical button on the one-touch unit; the subsidy is settled with the provider directly.",
      "Apply at the community service centre with the elder's ID card and household register; staff will visit to assess.",
    ].join("\n"),
  },
] as const;

/** Places near the centres of the demo communities, nearest first within each. */
const FACILITIES = [
  ["fac-xb-toilet", "xiangbin", "toilet", "湘滨公园公共厕所", "湘滨公园东门北侧", 180, "06:00–22:00", null],
  ["fac-xb-parking", "xiangbin", "parking", "湘滨社区停车场", "湘滨路 18 号服务中心后院", 60, "全天", null],
  [
    "fac-xb-clinic",
    "xiangbin",
    "clinic",
    "湘滨社区卫生服务站",
    "湘滨路 26 号",
    320,
    "08:00–17:30",
    "0731-84012345",
  ],
  [
    "fac-xb-pharmacy",
    "xiangbin",
    "pharmacy",
    "老百姓大药房（湘滨店）",
    "湘滨路 40 号",
    450,
    "07:30–22:30",
    "0731-84016677",
  ],
  [
    "fac-xb-petrol",
    "xiangbin",
    "petrol",
    "中国石化星沙加油站",
    "开元东路与湘滨路交叉口",
    1200,
    "全天",
    "0731-84023456",
  ],
  [
    "fac-fdl-clinic",
    "fengdaoling",
    "clinic",
    "封刀岭社区卫生服务中心",
    "封刀岭路 8 号",
    250,
    "08:00–17:30",
    "0731-84031234",
  ],
  [
    "fac-fdl-toilet",
    "fengdaoling",
    "toilet",
    "封刀岭菜市场公共厕所",
    "封刀岭菜市场西侧",
    400,
    "05:30–21:00",
    null,
  ],
  [
    "fac-fdl-charging",
    "fengdaoling",
    "charging",
    "封刀岭电动车充电站",
    "封刀岭路 12 号旁",
    150,
    "全天",
    null,
  ],
  ["fac-qt-parking", "quantang", "parking", "泉塘公共停车场", "泉塘路 55 号", 300, "全天", null],
  [
    "fac-qt-pharmacy",
    "quantang",
    "pharmacy",
    "益丰大药房（泉塘店）",
    "泉塘路 61 号",
    380,
    "08:00–22:00",
    "0731-84045678",
  ],
] as const;

const BUILDINGS = [
  ["bld-xb-3", "xiangbin", "湘滨小区 3 栋"],
  ["bld-xb-7", "xiangbin", "湘滨小区 7 栋"],
  ["bld-fdl-2", "fengdaoling", "封刀岭安置小区 2 栋"],
] as const;

/** Inspection dates relative to the day the database is created, so that the demo shows every status. */
const LIFTS = [
  ["lift-xb-3-1", "bld-xb-3", "1 单元", -60, 305, false],
  ["lift-xb-3-2", "bld-xb-3", "2 单元", -350, 15, false],
  ["lift-xb-7-1", "bld-xb-7", "1 单元", -380, -15, false],
  ["lift-fdl-2-1", "bld-fdl-2", "1 单元", -30, 335, true],
] as const;

function seed(db: Database): void {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY_MS).toISOString();
  const guide = db.prepare(
    `INSERT INTO guides (id, category, title, title_en, body, body_en, position, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [position, g] of GUIDES.entries()) {
    guide.run(g.id, g.category, g.title, g.titleEn, g.body, g.bodyEn, position, at(0));
  }
  const facility = db.prepare(
    `INSERT INTO facilities (id, community_id, kind, name, address, distance_meters, opening_hours, phone, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const row of FACILITIES) facility.run(...row, at(0));
  const building = db.prepare("INSERT INTO buildings (id, community_id, name) VALUES (?, ?, ?)");
  for (const row of BUILDINGS) building.run(...row);
  const lift = db.prepare(
    `INSERT INTO lifts (id, building_id, location, last_inspected_at, next_inspection_due, out_of_service, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [id, buildingId, location, inspected, due, outOfService] of LIFTS) {
    lift.run(id, buildingId, location, at(inspected), at(due), outOfService ? 1 : 0, at(0));
  }
}

export const noticesAndContent: Migration = {
  version: 7,
  name: "notices with their per-terminal receipts; guides, nearby facilities and lifts shown on kiosks",
  up(db) {
    db.exec(`
      CREATE TABLE notices (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('government', 'water', 'power', 'gas', 'community')),
        priority TEXT NOT NULL CHECK (priority IN ('normal', 'important', 'emergency')),
        -- UTC ISO times, so that comparing the strings compares the instants.
        starts_at TEXT NOT NULL,
        ends_at TEXT,
        requires_confirmation INTEGER NOT NULL CHECK (requires_confirmation IN (0, 1)),
        published_at TEXT NOT NULL,
        published_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        withdrawn_at TEXT,
        withdrawn_by TEXT REFERENCES staff(id),
        CHECK (ends_at IS NULL OR ends_at > starts_at)
      ) STRICT;
      CREATE INDEX notices_current ON notices(withdrawn_at, starts_at);

      -- No row for a notice means every community.
      CREATE TABLE notice_communities (
        notice_id TEXT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
        community_id TEXT NOT NULL REFERENCES communities(id),
        PRIMARY KEY (notice_id, community_id)
      ) STRICT;

      CREATE TABLE notice_terminal_kinds (
        notice_id TEXT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'elder')),
        PRIMARY KEY (notice_id, kind)
      ) STRICT;

      -- Proof per terminal: it has the notice, showed it (or read it aloud), the household heard it.
      CREATE TABLE notice_receipts (
        notice_id TEXT NOT NULL REFERENCES notices(id),
        terminal_id TEXT NOT NULL REFERENCES terminals(id),
        delivered_at TEXT,
        shown_at TEXT,
        heard_at TEXT,
        PRIMARY KEY (notice_id, terminal_id)
      ) STRICT;

      -- Running totals of the receipts per notice and terminal group (the group the terminal was in when it
      -- sent them), kept with each receipt: a notice list stays cheap while thousands of receipts arrive.
      CREATE TABLE notice_receipt_counts (
        notice_id TEXT NOT NULL REFERENCES notices(id),
        community_id TEXT NOT NULL REFERENCES communities(id),
        kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'elder')),
        terminals INTEGER NOT NULL,
        delivered INTEGER NOT NULL,
        shown INTEGER NOT NULL,
        heard INTEGER NOT NULL,
        PRIMARY KEY (notice_id, community_id, kind)
      ) STRICT;

      -- Staff phoned a household that did not confirm a notice; what they found.
      CREATE TABLE notice_callbacks (
        notice_id TEXT NOT NULL REFERENCES notices(id),
        terminal_id TEXT NOT NULL REFERENCES terminals(id),
        note TEXT NOT NULL,
        called_at TEXT NOT NULL,
        called_by TEXT NOT NULL REFERENCES staff(id),
        PRIMARY KEY (notice_id, terminal_id)
      ) STRICT;

      CREATE TABLE guides (
        id TEXT PRIMARY KEY,
        category TEXT NOT NULL CHECK (category IN ('guide', 'policy')),
        title TEXT NOT NULL,
        title_en TEXT NOT NULL,
        body TEXT NOT NULL,
        body_en TEXT NOT NULL,
        position INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE facilities (
        id TEXT PRIMARY KEY,
        community_id TEXT NOT NULL REFERENCES communities(id),
        kind TEXT NOT NULL CHECK (kind IN ('toilet', 'parking', 'petrol', 'clinic', 'pharmacy', 'charging')),
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        distance_meters INTEGER NOT NULL CHECK (distance_meters >= 0),
        opening_hours TEXT NOT NULL,
        phone TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX facilities_by_community ON facilities(community_id, distance_meters);

      CREATE TABLE buildings (
        id TEXT PRIMARY KEY,
        community_id TEXT NOT NULL REFERENCES communities(id),
        name TEXT NOT NULL,
        UNIQUE (community_id, name)
      ) STRICT;

      CREATE TABLE lifts (
        id TEXT PRIMARY KEY,
        building_id TEXT NOT NULL REFERENCES buildings(id),
        location TEXT NOT NULL,
        last_inspected_at TEXT NOT NULL,
        next_inspection_due TEXT NOT NULL,
        out_of_service INTEGER NOT NULL CHECK (out_of_service IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX lifts_by_building ON lifts(building_id);
    `);
    seed(db);
  },
};
