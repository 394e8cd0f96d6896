import {
  type Building,
  buildingSchema,
  type FacilityInput,
  type Guide,
  type GuideInput,
  guideSchema,
  type LiftInput,
  type NoticeInput,
  type NoticeReceiptsView,
  noticeReceiptsViewSchema,
  type StaffFacility,
  type StaffLift,
  type StaffNotice,
  staffFacilitySchema,
  staffLiftSchema,
  staffNoticeSchema,
} from "@linli/protocol";
import type { z } from "zod";
import { ApiError } from "../api/http";

type Call = (path: string, method?: "GET" | "POST" | "PUT", body?: unknown) => Promise<unknown>;

const noticeListSchema = staffNoticeSchema.array();

const notUnderstood = (what: string) =>
  new ApiError(200, "invalid_payload", `the server sent ${what} this console does not understand`);

const noticePath = (noticeId: string) => `/api/v1/notices/${encodeURIComponent(noticeId)}`;

/** `body[field]` as a list of `schema`, or an error saying the console cannot read it. */
function listOf<T>(body: unknown, field: string, schema: z.ZodType<T>, what: string): T[] {
  const parsed = schema.array().safeParse((body as Record<string, unknown> | null)?.[field]);
  if (!parsed.success) throw notUnderstood(what);
  return parsed.data;
}

function one<T>(body: unknown, schema: z.ZodType<T>, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw notUnderstood(what);
  return parsed.data;
}

/** Creates (id null) or replaces (PUT) one item of a collection. */
const save = (call: Call, collection: string, id: string | null, input: unknown) =>
  id ? call(`${collection}/${encodeURIComponent(id)}`, "PUT", input) : call(collection, "POST", input);

function parseNotice(body: unknown): StaffNotice {
  const parsed = staffNoticeSchema.safeParse(body);
  if (!parsed.success) throw notUnderstood("a notice");
  return parsed.data;
}

function parseReceipts(body: unknown): NoticeReceiptsView {
  const parsed = noticeReceiptsViewSchema.safeParse(body);
  if (!parsed.success) throw notUnderstood("a notice's receipts");
  return parsed.data;
}

/** The staff calls for notices and their receipts, on the console's session. */
export function noticeCalls(call: Call) {
  return {
    async notices(): Promise<StaffNotice[]> {
      const parsed = noticeListSchema.safeParse(
        ((await call("/api/v1/notices")) as { notices?: unknown } | null)?.notices,
      );
      if (!parsed.success) throw notUnderstood("a notice list");
      return parsed.data;
    },
    async publishNotice(input: NoticeInput): Promise<StaffNotice> {
      return parseNotice(await call("/api/v1/notices", "POST", input));
    },
    async withdrawNotice(noticeId: string): Promise<StaffNotice> {
      return parseNotice(await call(`${noticePath(noticeId)}/withdraw`, "POST"));
    },
    async noticeReceipts(noticeId: string): Promise<NoticeReceiptsView> {
      return parseReceipts(await call(`${noticePath(noticeId)}/receipts`));
    },
    /** Staff phoned a household that did not confirm: what they found. */
    async recordNoticeCallBack(
      noticeId: string,
      terminalId: string,
      note: string,
    ): Promise<NoticeReceiptsView> {
      return parseReceipts(
        await call(`${noticePath(noticeId)}/call-backs/${encodeURIComponent(terminalId)}`, "POST", { note }),
      );
    },
    async guides(): Promise<Guide[]> {
      return listOf(await call("/api/v1/guides"), "guides", guideSchema, "a guide list");
    },
    async saveGuide(id: string | null, input: GuideInput): Promise<Guide> {
      return one(await save(call, "/api/v1/guides", id, input), guideSchema, "a guide");
    },
    async facilities(): Promise<StaffFacility[]> {
      return listOf(await call("/api/v1/facilities"), "facilities", staffFacilitySchema, "a facility list");
    },
    async saveFacility(id: string | null, input: FacilityInput): Promise<StaffFacility> {
      return one(await save(call, "/api/v1/facilities", id, input), staffFacilitySchema, "a facility");
    },
    async lifts(): Promise<StaffLift[]> {
      return listOf(await call("/api/v1/lifts"), "lifts", staffLiftSchema, "a lift list");
    },
    async buildings(): Promise<Building[]> {
      return listOf(await call("/api/v1/buildings"), "buildings", buildingSchema, "a building list");
    },
    async saveLift(id: string | null, input: LiftInput): Promise<StaffLift> {
      return one(await save(call, "/api/v1/lifts", id, input), staffLiftSchema, "a lift");
    },
  };
}
