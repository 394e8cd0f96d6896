import type { ApplicationStatus } from "@linli/protocol";
import type { Logger } from "pino";
import type { SmsGateway } from "../alarms/sms-gateway";
import { maskPhone } from "../privacy/mask";

/** What the resident reads for each status worth a text; `{note}` is the clerk's note to them. */
const TEXTS: Partial<Record<ApplicationStatus, string>> = {
  "needs-materials": "【邻里】您的{service}申请（回执码 {code}）需要补充材料：{note}。详情 {url}",
  approved: "【邻里】您的{service}申请（回执码 {code}）已批准，请凭回执码到社区服务中心领取。详情 {url}",
  rejected: "【邻里】您的{service}申请（回执码 {code}）未获批准：{note}。详情 {url}",
  completed: "【邻里】您的{service}已办结，感谢您的耐心。欢迎为这次办理打分：{url}",
};
/** A text is one or two SMS segments: long notes are cut, the page has them in full. */
const NOTE_LIMIT = 60;

export interface StatusChange {
  receiptCode: string;
  serviceName: string;
  status: ApplicationStatus;
  note: string;
  /** The phone the resident gave (kiosk, phone page or counter); null: no text. */
  phone: string | null;
}

/**
 * Texts the resident when their application needs something from them or is decided, with the link
 * to its progress page. Sent after the change is stored; a text that fails is logged, never retried
 * (the progress page and the kiosk have the news too).
 */
export class StatusTexts {
  constructor(
    private readonly sms: SmsGateway,
    private readonly publicUrl: () => string,
    private readonly log: Logger,
  ) {}

  statusChanged(change: StatusChange): void {
    const template = TEXTS[change.status];
    if (!template || !change.phone || !this.sms.configured) return;
    const note = change.note.length > NOTE_LIMIT ? `${change.note.slice(0, NOTE_LIMIT)}…` : change.note;
    const text = template
      .replace("{service}", change.serviceName)
      .replace("{code}", change.receiptCode)
      .replace("{note}", note)
      .replace("{url}", `${this.publicUrl()}/r/${change.receiptCode}`);
    const phone = maskPhone(change.phone);
    this.sms.send(change.phone, text).then(
      () =>
        this.log.info({ receiptCode: change.receiptCode, phone, status: change.status }, "resident texted"),
      (error: Error) =>
        this.log.warn(
          { receiptCode: change.receiptCode, phone, status: change.status, err: error.message },
          "could not text the resident",
        ),
    );
  }
}
