import {
  type NoticeInput,
  type NoticeReceiptsView,
  noticeReceiptsViewSchema,
  type StaffNotice,
  staffNoticeSchema,
} from "@linli/protocol";
import { ApiError } from "../api/http";

type Call = (path: string, method?: "GET" | "POST" | "PUT", body?: unknown) => Promise<unknown>;

const noticeListSchema = staffNoticeSchema.array();

const notUnderstood = (what: string) =>
  new ApiError(200, "invalid_payload", `the server sent ${what} this console does not understand`);

const noticePath = (noticeId: string) => `/api/v1/notices/${encodeURIComponent(noticeId)}`;

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
  };
}
