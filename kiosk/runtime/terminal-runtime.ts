import { EventEmitter } from "node:events";
import { join } from "node:path";
import {
  type Ack,
  type AckError,
  type DurableTerminalEvent,
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
  LinkState,
  OutboxRequest,
  TerminalSnapshot,
} from "../bridge/contract";
import { enroll, loadCredentials, saveCredentials } from "./credentials";
import { DailyCheckin } from "./daily-checkin";
import type { DeviceHost, DevicePress } from "./device-host";
import { KioskApplications } from "./kiosk-applications";
import { KioskContentCache } from "./kiosk-content";
import { Outbox } from "./outbox";
import { RemoteSettings } from "./remote-settings";
import { ResidentSessions } from "./resident-session";
import type { RuntimeContext, RuntimeEvents } from "./runtime-context";
import { ServerLink, type ServerLinkOptions } from "./server-link";
import { ServiceRequests } from "./service-requests";
import { Sos } from "./sos";
import { EspeakSpeaker } from "./speaker";
import type { TerminalConfig } from "./terminal-config";
import { TerminalNotices } from "./terminal-notices";
import { VoiceCalls } from "./voice-calls";

export type { RuntimeEvents } from "./runtime-context";

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
 * link, the durable outbox, staff commands, and the bridge calls its UI makes. Each feature (SOS,
 * services, calls, check-in, notices, the kiosk's residents and applications) lives in its own module
 * and reaches the runtime through a `RuntimeContext`.
 */
export class TerminalRuntime extends EventEmitter<RuntimeEvents> {
  readonly #options: TerminalRuntimeOptions;
  readonly #outbox: Outbox;
  readonly #settings: RemoteSettings;
  readonly #context: RuntimeContext;
  readonly #sos: Sos;
  readonly #services: ServiceRequests;
  readonly #calls: VoiceCalls;
  readonly #checkin: DailyCheckin;
  readonly #notices: TerminalNotices;
  readonly #content: KioskContentCache;
  readonly #residents: ResidentSessions;
  readonly #applications: KioskApplications;
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
    this.#context = {
      config: options.config,
      kind: options.kind,
      log: options.log,
      outbox: this.#outbox,
      link: () => this.#link,
      send: (request) => this.send(request),
      publishState: () => this.#publishState(),
      emit: this.emit.bind(this) as RuntimeContext["emit"],
    };
    this.#sos = new Sos(this.#context);
    this.#services = new ServiceRequests(this.#context);
    this.#calls = new VoiceCalls(this.#context);
    this.#checkin = new DailyCheckin(this.#context);
    this.#notices = new TerminalNotices(this.#context);
    this.#content = new KioskContentCache(this.#context);
    this.#residents = new ResidentSessions(this.#context, () => this.#applications.wipe());
    this.#applications = new KioskApplications(this.#context, {
      residents: this.#residents,
      content: () => this.#content.current,
      printer: () => options.devices.printer(),
    });
    options.devices.printer()?.onPrinted((jobId) => this.#applications.printed(jobId));
    options.devices.on("card", (reading) => void this.#residents.card(reading));
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
      alarm: this.#sos.current,
      services: this.#services.current,
      lastCheckinAt: this.#checkin.lastCheckinAt,
      notices: this.#notices.current,
      content: this.#content.current,
      resident: this.#residents.resident,
      submitted: this.#applications.submitted,
      drafts: this.#applications.drafts,
    };
  }

  /** Every bridge call lands here, whichever transport carried it. */
  async call<K extends BridgeCallName>(name: K, request: unknown): Promise<Ack<BridgeCalls[K]["response"]>> {
    return (await this.#dispatch(name, request)) as Ack<BridgeCalls[K]["response"]>;
  }

  async #dispatch(name: BridgeCallName, request: unknown): Promise<Ack<unknown>> {
    switch (name) {
      case "state:get":
        return ok(this.snapshot());
      case "outbox:send":
        return this.send(request);
      case "alarm:raise":
        return this.#sos.raise("screen");
      case "alarm:cancel":
        return this.#sos.cancel();
      case "call:request":
        return this.#calls.callCentre();
      case "call:signal":
      case "call:hangup":
        return this.#calls.relay(name, request);
      case "checkin":
        return this.#checkin.checkin();
      case "service:request":
        return this.#services.request((request as { serviceCode?: unknown } | null)?.serviceCode);
      case "service:rate":
        return this.#services.rate(request);
      case "device:key":
        return this.#handleKey(request);
      case "speak":
        return this.#speak(request);
      case "notice:shown":
        return this.#notices.shown(request);
      case "notice:heard":
        return this.#notices.heard(request);
      case "resident:send-code":
        return this.#residents.sendCode(request);
      case "resident:sign-in":
        return this.#residents.signInTyped(request);
      case "session:end":
        this.#residents.end();
        return ok(null);
      case "application:start":
        return this.#applications.start(request);
      case "application:capture":
        return this.#applications.capture(request);
      case "application:phone-upload":
        return this.#applications.phoneUpload(request);
      case "application:submit":
        return this.#applications.submit(request);
      case "receipt:print":
        return this.#applications.printAgain(request);
      case "application:lookup":
        return this.#applications.lookup(request);
      case "application:rate":
        return this.#applications.rate(request);
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
    return this.#sos.raise(source);
  }

  cancelAlarm(): Ack<{ raiseId: string }> {
    return this.#sos.cancel();
  }

  #onPress(press: DevicePress): void {
    if (press.button === "sos") {
      this.#sos.raise(press.source);
      return;
    }
    if (press.button === "call") {
      void this.#calls.callFromButton();
      return;
    }
    // OK while a notice is read aloud means "heard it"; otherwise it is the UI's to interpret.
    if (press.button === "ok" && this.#notices.okPressed()) return;
    if (press.button === "fine") {
      this.#checkin.checkin();
      return;
    }
    // Buttons configured as "service:<code>" ask for that service directly (e.g. "service:meals").
    if (press.button.startsWith("service:")) {
      this.#services.request(press.button.slice("service:".length));
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
      this.#sos.linkState(state);
      if (state === "online" && this.#options.kind === "kiosk") void this.#content.refresh();
      this.#setLinkState(state, detail);
    });
    link.on("delivered", (delivery) => {
      if (delivery.event === "alarm:raise") {
        this.#sos.received(delivery.id, (delivery.result as { alarmId: string }).alarmId);
      }
      if (delivery.event === "application:submit") this.#applications.delivered(delivery.id, delivery.result);
      this.emit("outbox:delivered", delivery);
      this.#publishState();
    });
    link.on("rejected", (rejection) => this.#onRejected(rejection));
    link.on("alarm", (update) => this.#sos.update(update));
    link.on("service", (update) => this.#services.update(update));
    link.on("call", (event) => this.emit("call", event));
    link.on("notices", (list) => this.#notices.received(list.notices));
    link.on("content:changed", () => void this.#content.refresh());
    link.on("upload:received", (upload) => this.#applications.uploadReceived(upload));
    link.on("command", (command) => void this.#runCommand(command));
    link.reportStatus({ version: this.#options.version, devices: this.#options.devices.health() });
    this.#link = link;
    link.start();
  }

  /** The server refused an event for good: the elder hears it at once, and staff find it in the unit's log. */
  #onRejected(rejection: { id: string; event: DurableTerminalEvent; error: AckError }): void {
    if (rejection.event === "service:request") this.#services.refused(rejection.id);
    if (rejection.event === "terminal:log") return;
    this.send({
      event: "terminal:log",
      payload: {
        at: new Date().toISOString(),
        level: "error",
        code: "event-refused",
        message:
          `${rejection.event} ${rejection.id}: ${rejection.error.code}: ${rejection.error.message}`.slice(
            0,
            500,
          ),
      },
    });
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
