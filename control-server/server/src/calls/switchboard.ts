import { randomUUID } from "node:crypto";
import {
  type Ack,
  type CallEndReason,
  type CallSignalMessage,
  CONSOLE_NAMESPACE,
  fail,
  ok,
  TERMINAL_NAMESPACE,
  type TerminalSummary,
} from "@linli/protocol";
import type { Logger } from "pino";
import type { Server, Socket } from "socket.io";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { ElderProfiles } from "../elders/elder-profiles";

interface Call {
  id: string;
  terminal: TerminalSummary;
  /** The console socket in the call, once someone answered. */
  consoleSocketId: string | null;
  ringTimer: NodeJS.Timeout | null;
}

/** Who may talk to elders: the roles that take alarms, community staff only with their own community. */
function mayAnswer(staff: StaffPrincipal | undefined, communityId: string): staff is StaffPrincipal {
  if (!staff || staff.role === "caseworker") return false;
  return staff.communityId === null || staff.communityId === communityId;
}

/**
 * Two-way voice between an elder unit and a console: the server rings the consoles that may answer,
 * connects the first to accept, and relays the WebRTC signalling of that pair only. Media flows peer to
 * peer on the LAN; the server never sees it.
 */
export class CallSwitchboard {
  readonly #calls = new Map<string, Call>();

  constructor(
    private readonly io: Server,
    private readonly elders: ElderProfiles,
    private readonly audit: AuditLog,
    private readonly log: Logger,
    private readonly ringTimeoutMs = 60_000,
  ) {}

  /** The elder pressed "call the centre". */
  requestFromUnit(terminal: TerminalSummary, callId: string): Ack<{ callId: string }> {
    if (this.#calls.has(callId)) return fail("conflict", "this call id is in use");
    const consoles = this.#consoles().filter((socket) => mayAnswer(socket.data.staff, terminal.communityId));
    if (consoles.length === 0) return fail("unavailable", "no one at the centre can answer right now");
    const call: Call = { id: callId, terminal, consoleSocketId: null, ringTimer: null };
    call.ringTimer = setTimeout(() => this.#end(call, "unanswered", null), this.ringTimeoutMs);
    this.#calls.set(callId, call);
    const elder = this.elders.byTerminal(terminal.id);
    for (const socket of consoles) {
      socket.emit("call:ringing", {
        callId,
        terminal: { id: terminal.id, name: terminal.name },
        communityId: terminal.communityId,
        elder: elder ? { name: elder.name, address: elder.address } : null,
        at: new Date().toISOString(),
      });
    }
    this.log.info({ callId, terminalId: terminal.id }, "unit calling the centre");
    return ok({ callId });
  }

  accept(console: Socket, callId: string, ip: string): Ack<{ callId: string }> {
    const call = this.#calls.get(callId);
    const staff = console.data.staff as StaffPrincipal | undefined;
    if (!call || !mayAnswer(staff, call.terminal.communityId)) return fail("not_found", "no such call");
    if (call.consoleSocketId) return fail("conflict", "someone else already took this call");
    if (call.ringTimer) clearTimeout(call.ringTimer);
    call.consoleSocketId = console.id;
    this.audit.record({
      actor: { type: "staff", id: staff.id },
      action: "call.accept",
      target: { type: "terminal", id: call.terminal.id },
      ip,
    });
    this.#unit(call.terminal.id)?.emit("call:accepted", { callId, staffName: staff.displayName });
    for (const socket of this.#consoles()) socket.emit("call:taken", { callId, by: staff.displayName });
    return ok({ callId });
  }

  /** A console calls a unit; the unit answers hands-free (an elder may not be able to press anything). */
  dial(console: Socket, terminal: TerminalSummary | null, ip: string): Ack<{ callId: string }> {
    const staff = console.data.staff as StaffPrincipal | undefined;
    if (terminal?.kind !== "elder" || !mayAnswer(staff, terminal.communityId)) {
      return fail("not_found", "no such elder unit");
    }
    const unit = this.#unit(terminal.id);
    if (!unit) return fail("unavailable", "the unit is offline");
    const call: Call = { id: randomUUID(), terminal, consoleSocketId: console.id, ringTimer: null };
    this.#calls.set(call.id, call);
    this.audit.record({
      actor: { type: "staff", id: staff.id },
      action: "call.dial",
      target: { type: "terminal", id: terminal.id },
      ip,
    });
    unit.emit("call:incoming", { callId: call.id, staffName: staff.displayName });
    return ok({ callId: call.id });
  }

  /** Relays signalling between the two parties of a connected call, and nobody else. */
  signal(from: { terminalId: string } | { consoleSocketId: string }, message: CallSignalMessage): Ack<null> {
    const call = this.#calls.get(message.callId);
    if (!call?.consoleSocketId || !this.#isParty(call, from)) return fail("not_found", "no such call");
    const target = "terminalId" in from ? this.#console(call.consoleSocketId) : this.#unit(call.terminal.id);
    if (!target) return fail("unavailable", "the other side is gone");
    target.emit("call:signal", message);
    return ok(null);
  }

  hangup(from: { terminalId: string } | { consoleSocketId: string }, callId: string): Ack<null> {
    const call = this.#calls.get(callId);
    if (!call || !this.#isParty(call, from)) return fail("not_found", "no such call");
    this.#end(call, "hung-up", from);
    return ok(null);
  }

  /** A party's link dropped: its calls end for the other side. */
  linkLost(from: { terminalId: string } | { consoleSocketId: string }): void {
    for (const call of [...this.#calls.values()]) {
      if (this.#isParty(call, from)) this.#end(call, "link-lost", from);
    }
  }

  #end(
    call: Call,
    reason: CallEndReason,
    by: { terminalId: string } | { consoleSocketId: string } | null,
  ): void {
    if (call.ringTimer) clearTimeout(call.ringTimer);
    this.#calls.delete(call.id);
    const event = { callId: call.id, reason };
    if (!(by && "terminalId" in by)) this.#unit(call.terminal.id)?.emit("call:ended", event);
    if (call.consoleSocketId) {
      if (!(by && "consoleSocketId" in by)) this.#console(call.consoleSocketId)?.emit("call:ended", event);
    } else {
      // Still ringing: every console stops.
      for (const socket of this.#consoles()) socket.emit("call:ended", event);
    }
    this.log.info({ callId: call.id, reason }, "call ended");
  }

  #isParty(call: Call, from: { terminalId: string } | { consoleSocketId: string }): boolean {
    return "terminalId" in from
      ? from.terminalId === call.terminal.id
      : from.consoleSocketId === call.consoleSocketId;
  }

  #consoles(): Socket[] {
    return [...this.io.of(CONSOLE_NAMESPACE).sockets.values()];
  }

  #console(socketId: string): Socket | undefined {
    return this.io.of(CONSOLE_NAMESPACE).sockets.get(socketId);
  }

  #unit(terminalId: string): Socket | undefined {
    return [...this.io.of(TERMINAL_NAMESPACE).sockets.values()].find(
      (socket) => (socket.data as { terminal?: TerminalSummary }).terminal?.id === terminalId,
    );
  }
}
