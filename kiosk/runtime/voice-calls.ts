import { randomUUID } from "node:crypto";
import { type Ack, fail } from "@linli/protocol";
import type { RuntimeContext } from "./runtime-context";

const UNREACHABLE = "the centre cannot be reached right now";

/**
 * Voice calls with the centre. A call is now or never, so nothing here goes through the outbox: the
 * runtime asks the server live and relays the WebRTC signalling between the page and the console.
 */
export class VoiceCalls {
  constructor(private readonly context: RuntimeContext) {}

  /** "Call the centre": rings the consoles now, or says at once that nobody can be reached. */
  async callCentre(): Promise<Ack<{ callId: string }>> {
    const link = this.context.link();
    if (!link) return fail("unavailable", UNREACHABLE);
    return link.request<{ callId: string }>("call:request", { callId: randomUUID() });
  }

  /**
   * The unit's physical call button: the screen shows the call ringing as if its own button had been
   * pressed, or that nobody could be reached.
   */
  async callFromButton(): Promise<void> {
    const answer = await this.callCentre();
    if (answer.ok) this.context.emit("call", { type: "ringing", callId: answer.data.callId });
    else this.context.emit("call", { type: "ended", callId: "", reason: "unanswered" });
  }

  async relay(name: "call:signal" | "call:hangup", request: unknown): Promise<Ack<null>> {
    const link = this.context.link();
    if (!link) return fail("unavailable", UNREACHABLE);
    return link.request<null>(name, request);
  }
}
