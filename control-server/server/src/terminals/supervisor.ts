import type { TerminalKind, TerminalSummary } from "@linli/protocol";
import type { Logger } from "pino";
import type { ServerBus } from "../bus";
import type { TerminalRegistry } from "./terminal-registry";

/** The part of a live link the supervisor needs: a way to cut it. */
export interface SupervisedLink {
  disconnect(): void;
}

interface LiveTerminal {
  terminal: TerminalSummary;
  link: SupervisedLink;
  lastSeen: number;
}

export interface SupervisionConfig {
  /** How long a terminal of each kind may stay silent before it is marked offline. */
  silenceMs: Record<TerminalKind, number>;
  /** How often silence is checked. */
  sweepMs: number;
  /** How often in-memory last-seen times are written to the database. */
  persistMs: number;
}

/**
 * Link supervision: knows which terminals are connected, when each was last heard from, and marks a
 * terminal offline the moment its link drops or once it has been silent longer than its kind allows.
 */
export class TerminalSupervisor {
  readonly #live = new Map<string, LiveTerminal>();
  readonly #unsaved = new Map<string, number>();
  readonly #timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly registry: TerminalRegistry,
    private readonly bus: ServerBus,
    private readonly config: SupervisionConfig,
    private readonly log: Logger,
  ) {}

  start(): void {
    for (const terminalId of this.registry.markAllOffline("server-restart")) {
      this.log.info({ terminalId }, "terminal marked offline: the server restarted");
    }
    this.#timers.push(setInterval(() => this.sweep(), this.config.sweepMs).unref());
    this.#timers.push(setInterval(() => this.persist(), this.config.persistMs).unref());
  }

  stop(): void {
    for (const timer of this.#timers) clearInterval(timer);
    this.persist();
  }

  connected(terminal: TerminalSummary, link: SupervisedLink): void {
    const previous = this.#live.get(terminal.id);
    const now = Date.now();
    this.#live.set(terminal.id, { terminal, link, lastSeen: now });
    // A terminal that reconnects before its old link timed out replaces it: only the newest link counts.
    if (previous && previous.link !== link) previous.link.disconnect();
    this.#changePresence(terminal, true, "connected", now);
  }

  /** Any sign of life on the link (a packet, a heartbeat). Cheap: called for every packet. */
  seen(terminalId: string): void {
    const live = this.#live.get(terminalId);
    if (!live) return;
    live.lastSeen = Date.now();
    this.#unsaved.set(terminalId, live.lastSeen);
  }

  disconnected(terminalId: string, link: SupervisedLink, reason: "disconnected" | "revoked"): void {
    const live = this.#live.get(terminalId);
    if (!live || live.link !== link) return;
    this.#live.delete(terminalId);
    this.#unsaved.delete(terminalId);
    this.#changePresence(live.terminal, false, reason, Date.now());
  }

  isOnline(terminalId: string): boolean {
    return this.#live.has(terminalId);
  }

  link(terminalId: string): SupervisedLink | undefined {
    return this.#live.get(terminalId)?.link;
  }

  get onlineCount(): number {
    return this.#live.size;
  }

  /** The registry's view with the freshest last-seen time, which lives in memory between writes. */
  withLiveness(terminal: TerminalSummary): TerminalSummary {
    const live = this.#live.get(terminal.id);
    return live ? { ...terminal, online: true, lastSeenAt: new Date(live.lastSeen).toISOString() } : terminal;
  }

  /**
   * Flags every terminal whose silence will have reached its limit before the next sweep, so that a
   * silent terminal is flagged within its supervision time, never a sweep period later.
   */
  sweep(now = Date.now()): void {
    for (const [terminalId, live] of this.#live) {
      if (now - live.lastSeen + this.config.sweepMs < this.config.silenceMs[live.terminal.kind]) continue;
      this.#live.delete(terminalId);
      this.#unsaved.delete(terminalId);
      this.log.warn({ terminalId, silentMs: now - live.lastSeen }, "terminal silent: marked offline");
      this.#changePresence(live.terminal, false, "silent", live.lastSeen);
      live.link.disconnect();
    }
  }

  persist(): void {
    if (this.#unsaved.size === 0) return;
    this.registry.touchMany(this.#unsaved);
    this.#unsaved.clear();
  }

  #changePresence(
    terminal: TerminalSummary,
    online: boolean,
    reason: "connected" | "disconnected" | "silent" | "revoked",
    at: number,
  ): void {
    if (!this.registry.setPresence(terminal.id, online, reason, new Date(at))) return;
    if (online) this.log.info({ terminalId: terminal.id, kind: terminal.kind }, "terminal online");
    else this.log.info({ terminalId: terminal.id, reason }, "terminal offline");
    this.bus.emit("terminal:presence", {
      terminalId: terminal.id,
      communityId: terminal.communityId,
      online,
      at: new Date(at).toISOString(),
      reason,
    });
  }
}
