import { EventEmitter } from "node:events";
import type {
  CheckTask,
  PresenceChange,
  TerminalKind,
  TerminalSummary,
  UploadReceived,
} from "@linli/protocol";

/** In-process notifications between subsystems (e.g. the terminal link tells the console gateway). */
export class ServerBus extends EventEmitter<{
  "terminal:presence": [PresenceChange];
  "terminal:updated": [TerminalSummary];
  "terminal:revoked": [string];
  "command:queued": [{ terminalId: string; commandId: string }];
  /** An alarm was raised (`raised`) or changed; listeners build the views their audience may see. */
  "alarm:changed": [{ alarmId: string; raised: boolean }];
  /** A service request changed; `alert` when a supervisor must look (missed target, reopened by the elder). */
  "checktask:changed": [CheckTask];
  "service:changed": [{ requestId: string; alert: "target-missed" | "reopened" | null }];
  /** What kiosks show changed (catalogue, notices, guides, …) for one community, or for all (null). */
  "content:changed": [{ communityId: string | null }];
  /** A kiosk application was submitted, got a material or a rating, or changed status. */
  "application:changed": [{ receiptCode: string }];
  /** A resident's phone uploaded a material for the application open at this kiosk. */
  "upload:received": [{ terminalId: string; upload: UploadReceived }];
  /** Notices changed for these terminal groups (published, edited, withdrawn, started or ended). */
  "notices:changed": [{ groups: Array<{ communityId: string; kind: TerminalKind }> }];
  /** A terminal proved delivery, display or "heard it" of a notice. */
  "notice:receipt": [{ noticeId: string; terminalId: string }];
}> {}
