import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { join } from "node:path";
import {
  type Ack,
  describeIssues,
  durableTerminalEvents,
  fail,
  ok,
  type TerminalCommand,
  type TerminalKind,
} from "@linli/protocol";
import type { Logger } from "pino";
import type {
  BridgeCallName,
  BridgeCalls,
  BridgeEventName,
  BridgeEvents,
  LinkState,
  OutboxRequest,
  TerminalSnapshot,
} from "../bridge/contract";
import { enroll, loadCredentials, saveCredentials } from "./credentials";
import type { DeviceHost, DevicePress } from "./device-host";
import { ElderAlarm } from "./elder-alarm";
import { ElderServices } from "./elder-services";
import { Outbox } from "./outbox";
import { RemoteSettings } from "./remote-settings";
import { ServerLink, type ServerLinkOptions } from "./server-link";
import { EspeakSpeaker } from "./speaker";
import type { TerminalConfig } from "./terminal-config";

export interface TerminalRuntimeOptions {
  config: TerminalConfig;
  kind: TerminalKind;
  version: string;
  log: Logger;
  devices: DeviceHost;
  /** Overrides for tests and benchmarks (timeouts, backoff). */
  link?: Pick<ServerLinkOptions, "ackTimeoutMs" | "backoff">;
  /** How often to retry enrolment while the server cannot be reached. */
  enrollRetryMs?: number;
}

/**
 * A terminal's runtime, the same in the Electron build and in browser mode: enrolment, the server
 * link, the durable outbox, the devices, and the bridge calls its UI makes.
 */
type RuntimeEvents = { [E in BridgeEventName]: [BridgeEvents[E]] } & {
  /** A sentence the unit said aloud (for logs and tests; not sent to the UI). */
  spoke: [string];
};

export class TerminalRuntime extends EventEmitter<RuntimeEvents> {
  readonly #options: TerminalRuntimeOptions;
  readonly #outbox: Outbox;
  readonly #settings: RemoteSettings;
  readonly #alarm: ElderAlarm;
  readonly #services = new ElderServices();
  #lastCheckinAt: string | null = null;
  readonly #speaker = new EspeakSpeaker();
  #link: ServerLink | null = null;
  #terminalId: string | null = null;
  #linkState: TerminalSnapshot["link"] = {
    state: "enrolling",
    since: new Date().toISOString(),
    detail: null,
  };
  #enrollTimer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(options: TerminalRuntimeOptions) {
    super();
    this.#options = options;
    this.#outbox = new Outbox(join(options.config.dataDir, "outbox.db"));
    this.#settings = new RemoteSettings(join(options.config.dataDir, "settings.json"));
    this.#alarm = new ElderAlarm(options.config.alarm.phoneAdviceSeconds * 1000);
    this.#alarm.on("change", () => this.#publishState());
    this.#services.on("change", () => this.#publishState());
    for (const pending of this.#outbox.pendingOf("service:request")) {
      this.#services.requested(pending.id, String(pending.payload.serviceCode), pending.createdAt);
    }
    const pendingRaise = this.#outbox.pendingOf("alarm:raise").at(-1);
    if (pendingRaise) this.#alarm.raised(pendingRaise.id, pendingRaise.createdAt, false);
    options.devices.on("health", (devices) => {
      this.#link?.reportStatus({ version: options.version, devices });
      this.#publishState();
    });
    options.devices.on("press", (press) => this.#onPress(press));
  }

  async start(): Promise<void> {
    await this.#options.devices.start();
    const { config } = this.#options;
    const credentials = loadCredentials(config.dataDir);
    if (credentials && credentials.server === config.server) return this.#connect(credentials);
    await this.#enroll();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#enrollTimer) clearTimeout(this.#enrollTimer);
    this.#link?.stop();
    await this.#options.devices.stop();
    this.#outbox.close();
  }

  snapshot(): TerminalSnapshot {
    return {
      kind: this.#options.kind,
      version: this.#options.version,
      terminalId: this.#terminalId,
      link: this.#linkState,
      outbox: this.#outbox.stats(),
      devices: this.#options.devices.health(),
      settings: this.#settings.current,
      alarm: this.#alarm.current,
      services: this.#services.current,
      lastCheckinAt: this.#lastCheckinAt,
      notices: [],
      content: null,
      resident: null,
      submitted: [],
    };
  }

  /** Every bridge call lands here, whichever transport carried it. */
  async call<K extends BridgeCallName>(name: K, request: unknown): Promise<Ack<BridgeCalls[K]["response"]>> {
    switch (name) {
      case "state:get":
        return ok(this.snapshot()) as Ack<BridgeCalls[K]["response"]>;
      case "outbox:send":
        return this.send(request) as Ack<BridgeCalls[K]["response"]>;
      case "alarm:raise":
        return this.raiseAlarm("screen") as Ack<BridgeCalls[K]["response"]>;
      case "alarm:cancel":
        return this.cancelAlarm() as Ack<BridgeCalls[K]["response"]>;
      case "call:request":
        return (await this.callCentre()) as Ack<BridgeCalls[K]["response"]>;
      case "call:signal":
      case "call:hangup":
        return (
          this.#link
            ? await this.#link.request(name, request)
            : fail("unavailable", "the centre cannot be reached right now")
        ) as Ack<BridgeCalls[K]["response"]>;
      case "checkin":
        return this.checkin() as Ack<BridgeCalls[K]["response"]>;
      case "service:request":
        return this.requestService((request as { serviceCode?: unknown } | null)?.serviceCode) as Ack<
          BridgeCalls[K]["response"]
        >;
      case "service:rate":
        return this.rateService(request) as Ack<BridgeCalls[K]["response"]>;
      case "device:key":
        return this.#handleKey(request) as Ack<BridgeCalls[K]["response"]>;
      case "speak":
        return (await this.#speak(request)) as Ack<BridgeCalls[K]["response"]>;
      default:
        return fail("invalid_payload", `unknown bridge call "${String(name)}"`);
    }
  }

  /** Validates and commits a durable event; `ok` only once it is on disk. */
  send(request: unknown): Ack<{ id: string; queuedAt: string }> {
    const { event, payload } = (request ?? {}) as Partial<OutboxRequest>;
    const schema = event ? durableTerminalEvents[event] : undefined;
    if (!event || !schema) return fail("invalid_payload", `unknown event "${String(event)}"`);
    // Validate the payload as it will travel, with a placeholder id the outbox replaces.
    const parsed = schema.safeParse({ ...(payload as object), id: "00000000-0000-4000-8000-000000000000" });
    if (!parsed.success) return fail("invalid_payload", describeIssues(parsed.error));
    const { id, createdAt } = this.#outbox.add(event, parsed.data);
    this.#publishState();
    void this.#link?.drain();
    return ok({ id, queuedAt: createdAt });
  }

  /** SOS: committed to the outbox first; the elder hears "sending" only once it is on disk. */
  raiseAlarm(source: "button" | "pendant" | "screen"): Ack<{ raiseId: string }> {
    const sent = this.send({
      event: "alarm:raise",
      payload: { kind: "sos", raisedAt: new Date().toISOString(), source },
    });
    if (!sent.ok) return sent;
    this.#options.log.warn({ raiseId: sent.data.id, source }, "SOS raised");
    this.#alarm.raised(sent.data.id, sent.data.queuedAt, this.#link?.connected ?? false);
    return ok({ raiseId: sent.data.id });
  }

  cancelAlarm(): Ack<{ raiseId: string }> {
    const alarm = this.#alarm.current;
    if (
      !alarm ||
      (alarm.phase !== "sending" && alarm.phase !== "received" && alarm.phase !== "acknowledged")
    ) {
      return fail("not_found", "there is no alarm to cancel");
    }
    const sent = this.send({
      event: "alarm:cancel",
      payload: { raiseId: alarm.raiseId, cancelledAt: new Date().toISOString() },
    });
    if (!sent.ok) return sent;
    this.#alarm.cancelled();
    return ok({ raiseId: alarm.raiseId });
  }

  /** "Call the centre": rings the consoles now, or says at once that nobody can be reached. */
  async callCentre(): Promise<Ack<{ callId: string }>> {
    if (!this.#link) return fail("unavailable", "the centre cannot be reached right now");
    return this.#link.request<{ callId: string }>("call:request", { callId: randomUUID() });
  }

  /** The daily "I'm fine": committed to the outbox like every other event that must arrive. */
  checkin(): Ack<{ at: string }> {
    const at = new Date().toISOString();
    const sent = this.send({ event: "checkin:ok", payload: { at } });
    if (!sent.ok) return sent;
    this.#lastCheckinAt = at;
    this.#publishState();
    return ok({ at });
  }

  /** A service from the catalogue, committed to the outbox; the centre confirms it by its update. */
  requestService(serviceCode: unknown): Ack<{ requestEventId: string }> {
    if (typeof serviceCode !== "string")
      return fail("invalid_payload", "a service request needs a serviceCode");
    const sent = this.send({
      event: "service:request",
      payload: { serviceCode, requestedAt: new Date().toISOString() },
    });
    if (!sent.ok) return sent;
    this.#services.requested(sent.data.id, serviceCode, sent.data.queuedAt);
    return ok({ requestEventId: sent.data.id });
  }

  rateService(request: unknown): Ack<{ requestEventId: string }> {
    const { requestEventId, rating } = (request ?? {}) as { requestEventId?: unknown; rating?: unknown };
    const known = typeof requestEventId === "string" ? this.#services.get(requestEventId) : undefined;
    if (known?.status !== "done") return fail("not_found", "there is no finished service request to rate");
    const sent = this.send({
      event: "service:rate",
      payload: { requestEventId: known.requestEventId, rating, ratedAt: new Date().toISOString() },
    });
    if (!sent.ok) return sent;
    this.#services.rated(known.requestEventId, rating as NonNullable<typeof known.rating>);
    return ok({ requestEventId: known.requestEventId });
  }

  #onPress(press: DevicePress): void {
    if (press.button === "sos") {
      this.raiseAlarm(press.source);
      return;
    }
    if (press.button === "call") {
      void this.callCentre().then((answer) => {
        if (!answer.ok) this.emit("call", { type: "ended", callId: "", reason: "unanswered" });
      });
      return;
    }
    if (press.button === "fine") {
      this.checkin();
      return;
    }
    // Buttons configured as "service:<code>" ask for that service directly (e.g. "service:meals").
    if (press.button.startsWith("service:")) {
      this.requestService(press.button.slice("service:".length));
      return;
    }
    this.emit("button", { button: press.button, device: press.device });
  }

  #handleKey(request: unknown): Ack<{ handled: boolean }> {
    const key = request as BridgeCalls["device:key"]["request"] | null;
    if (
      !key ||
      (key.type !== "down" && key.type !== "up") ||
      typeof key.key !== "string" ||
      typeof key.code !== "string"
    ) {
      return fail("invalid_payload", "a key event needs type, key and code");
    }
    return ok({ handled: this.#options.devices.handleKey(key) });
  }

  async #speak(request: unknown): Promise<Ack<null>> {
    const text = (request as { text?: unknown } | null)?.text;
    if (typeof text !== "string" || text.length === 0 || text.length > 500) {
      return fail("invalid_payload", "speak needs a text of 1–500 characters");
    }
    try {
      this.emit("spoke", text);
      await this.#speaker.speak(text);
      return ok(null);
    } catch (error) {
      return fail("unavailable", (error as Error).message);
    }
  }

  async #enroll(): Promise<void> {
    const { config, log } = this.#options;
    if (!config.enrollmentCode) {
      this.#setLinkState("enrollment-failed", "no credentials and no enrollmentCode in the terminal config");
      return;
    }
    this.#setLinkState("enrolling", null);
    const outcome = await enroll(config.server, config.enrollmentCode);
    if (this.#stopped) return;
    if (outcome.ok) {
      saveCredentials(config.dataDir, outcome.credentials);
      log.info({ terminalId: outcome.credentials.terminalId }, "enrolled");
      return this.#connect(outcome.credentials);
    }
    log.error({ message: outcome.message }, "enrolment failed");
    this.#setLinkState("enrollment-failed", outcome.message);
    if (!outcome.permanent) {
      this.#enrollTimer = setTimeout(() => void this.#enroll(), this.#options.enrollRetryMs ?? 10_000);
    }
  }

  #connect(credentials: { server: string; terminalId: string; token: string }): void {
    this.#terminalId = credentials.terminalId;
    const link = new ServerLink({
      credentials,
      outbox: this.#outbox,
      log: this.#options.log.child({ subsystem: "link" }),
      ...this.#options.link,
    });
    link.on("state", (state, detail) => {
      if (state === "online") this.#alarm.linkUp();
      else if (state === "offline" || state === "refused") this.#alarm.linkDown();
      this.#setLinkState(state, detail);
    });
    link.on("delivered", (delivery) => {
      if (delivery.event === "alarm:raise") {
        this.#alarm.received(delivery.id, (delivery.result as { alarmId: string }).alarmId);
      }
      this.emit("outbox:delivered", delivery);
      this.#publishState();
    });
    link.on("alarm", (update) => this.#alarm.update(update));
    link.on("service", (update) => this.#services.update(update));
    link.on("call", (event) => this.emit("call", event));
    link.on("command", (command) => void this.#runCommand(command));
    link.reportStatus({ version: this.#options.version, devices: this.#options.devices.health() });
    this.#link = link;
    link.start();
  }

  async #runCommand(command: TerminalCommand): Promise<void> {
    this.#options.log.info({ commandId: command.commandId, type: command.type }, "command received");
    const outcome = await this.#execute(command).then(
      (detail) => ({ status: "succeeded" as const, detail }),
      (error: Error) => ({ status: "failed" as const, detail: error.message }),
    );
    this.send({ event: "command:result", payload: { commandId: command.commandId, ...outcome } });
  }

  async #execute(command: TerminalCommand): Promise<string> {
    switch (command.type) {
      case "reload":
        this.emit("reload", null);
        return "the UI was told to reload";
      case "restart":
        this.#link?.stop();
        this.#link = null;
        await this.#options.devices.stop();
        await this.#options.devices.start();
        this.#connect(loadCredentials(this.#options.config.dataDir)!);
        this.emit("reload", null);
        return "link, devices and UI restarted";
      case "update-config": {
        const settings = this.#settings.update(command.params);
        this.#publishState();
        return `settings now ${JSON.stringify(settings)}`;
      }
    }
  }

  #setLinkState(state: LinkState, detail: string | null): void {
    if (this.#linkState.state === state && this.#linkState.detail === detail) return;
    this.#linkState = { state, since: new Date().toISOString(), detail };
    this.#publishState();
  }

  #publishState(): void {
    if (!this.#stopped) this.emit("state", this.snapshot());
  }
}
