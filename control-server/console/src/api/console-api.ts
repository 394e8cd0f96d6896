import {
  type AlarmStatus,
  type AlarmView,
  alarmViewSchema,
  type CameraSummary,
  type CheckTask,
  type CommandType,
  type CommunityElderService,
  cameraSummarySchema,
  checkTaskSchema,
  communityElderServiceSchema,
  type ElderService,
  elderServiceSchema,
  type GateEventView,
  type GateSummary,
  gateEventSchema,
  gateSummarySchema,
  type PlateRead,
  type Provider,
  plateReadSchema,
  providerSchema,
  type ServiceRequestView,
  type ServiceStatus,
  serviceRequestViewSchema,
  type TerminalSummary,
  terminalSummarySchema,
} from "@linli/protocol";
import { applicationCalls } from "../applications/applications-api";
import { noticeCalls } from "../notices/notices-api";
import { ApiError, requestBlob, requestJson } from "./http";
import type {
  AuditEntry,
  AuditQuery,
  CheckTaskStatus,
  CommandRecord,
  Community,
  ElderInput,
  ElderRecord,
  EnrollmentCode,
  EnrollmentRequest,
  NewStaff,
  PresenceRecord,
  ProviderInput,
  ServiceStep,
  Session,
  StaffAccount,
  TerminalDetail,
  TerminalLogRecord,
} from "./types";

const terminalListSchema = terminalSummarySchema.array();
const alarmListSchema = alarmViewSchema.array();
const serviceRequestListSchema = serviceRequestViewSchema.array();
const checkTaskListSchema = checkTaskSchema.array();
const devicesSchema = { gates: gateSummarySchema.array(), cameras: cameraSummarySchema.array() };

const notUnderstood = (what: string) =>
  new ApiError(200, "invalid_payload", `the server sent ${what} this console does not understand`);

const terminalPath = (terminalId: string) => `/api/v1/terminals/${encodeURIComponent(terminalId)}`;
const alarmPath = (alarmId: string) => `/api/v1/alarms/${encodeURIComponent(alarmId)}`;
const elderPath = (elderId: string) => `/api/v1/elders/${encodeURIComponent(elderId)}`;
const serviceRequestPath = (requestId: string) => `/api/v1/service-requests/${encodeURIComponent(requestId)}`;

/** A service request is acted on by staff and told to the elder: one the console cannot read is an error. */
function parseServiceRequest(body: unknown): ServiceRequestView {
  const parsed = serviceRequestViewSchema.safeParse(body);
  if (!parsed.success) throw notUnderstood("a service request");
  return parsed.data;
}

/** Parses `body[field]` as a list of `schema`, or says the server sent something this console cannot read. */
function parseList<T>(
  body: unknown,
  field: string,
  schema: { safeParse(value: unknown): { success: true; data: T[] } | { success: false } },
  what: string,
): T[] {
  const parsed = schema.safeParse((body as Record<string, unknown> | null)?.[field]);
  if (!parsed.success) throw notUnderstood(what);
  return parsed.data;
}

/** An alarm is what staff act on in an emergency: one the console cannot read is an error, not a guess. */
function parseAlarm(body: unknown): AlarmView {
  const parsed = alarmViewSchema.safeParse(body);
  if (!parsed.success) throw notUnderstood("an alarm");
  return parsed.data;
}

/** Sign in; the only call made without a token. */
export async function signIn(username: string, password: string): Promise<Session> {
  return (await requestJson("/api/v1/auth/login", {
    method: "POST",
    body: { username, password },
  })) as Session;
}

/**
 * The API as a signed-in staff member sees it. A 401 on any call means the session is gone (expired,
 * or ended elsewhere): `onUnauthorized` sends the user back to sign-in.
 */
export function createConsoleApi(token: string, onUnauthorized: () => void) {
  const call = async (
    path: string,
    method: "GET" | "POST" | "PUT" = "GET",
    body?: unknown,
  ): Promise<unknown> => {
    try {
      return await requestJson(path, { method, body, token });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized();
      throw error;
    }
  };
  return {
    ...applicationCalls(call, (path) => requestBlob(path, token)),
    ...noticeCalls(call),
    async signOut(): Promise<void> {
      await call("/api/v1/auth/logout", "POST");
    },
    async communities(): Promise<Community[]> {
      return ((await call("/api/v1/communities")) as { communities: Community[] }).communities;
    },
    async terminals(): Promise<TerminalSummary[]> {
      const body = (await call("/api/v1/terminals")) as { terminals: unknown };
      const parsed = terminalListSchema.safeParse(body.terminals);
      if (!parsed.success) throw notUnderstood("a terminal list");
      return parsed.data;
    },
    async createEnrollmentCode(request: EnrollmentRequest): Promise<EnrollmentCode> {
      return (await call("/api/v1/terminals/enrollment-codes", "POST", request)) as EnrollmentCode;
    },
    async terminal(terminalId: string): Promise<TerminalDetail> {
      const body = (await call(terminalPath(terminalId))) as { presence?: unknown; log?: unknown };
      const parsed = terminalSummarySchema.safeParse(body);
      if (!parsed.success || !Array.isArray(body.presence) || !Array.isArray(body.log))
        throw notUnderstood("a terminal");
      return {
        terminal: parsed.data,
        presence: body.presence as PresenceRecord[],
        log: body.log as TerminalLogRecord[],
      };
    },
    async revoke(terminalId: string): Promise<TerminalSummary> {
      return terminalSummarySchema.parse(await call(`${terminalPath(terminalId)}/revoke`, "POST"));
    },
    async commands(terminalId: string): Promise<CommandRecord[]> {
      return ((await call(`${terminalPath(terminalId)}/commands`)) as { commands: CommandRecord[] }).commands;
    },
    async sendCommand(terminalId: string, type: CommandType): Promise<CommandRecord> {
      return (await call(`${terminalPath(terminalId)}/commands`, "POST", { type })) as CommandRecord;
    },
    async staff(): Promise<StaffAccount[]> {
      return ((await call("/api/v1/staff")) as { staff: StaffAccount[] }).staff;
    },
    async createStaff(account: NewStaff): Promise<StaffAccount> {
      return (await call("/api/v1/staff", "POST", account)) as StaffAccount;
    },
    async audit(query: AuditQuery): Promise<AuditEntry[]> {
      const search = new URLSearchParams({ limit: String(query.limit) });
      if (query.action) search.set("action", query.action);
      if (query.before !== undefined) search.set("before", String(query.before));
      return ((await call(`/api/v1/audit?${search}`)) as { entries: AuditEntry[] }).entries;
    },
    /** Alarms in one state, newest first. */
    async alarms(status: AlarmStatus, limit: number): Promise<AlarmView[]> {
      const search = new URLSearchParams({ status, limit: String(limit) });
      const body = (await call(`/api/v1/alarms?${search}`)) as { alarms: unknown };
      const parsed = alarmListSchema.safeParse(body.alarms);
      if (!parsed.success) throw notUnderstood("an alarm list");
      return parsed.data;
    },
    async alarm(alarmId: string): Promise<AlarmView> {
      return parseAlarm(await call(alarmPath(alarmId)));
    },
    /** Takes the alarm: it stops escalating, and the elder hears who took it. */
    async acknowledgeAlarm(alarmId: string): Promise<AlarmView> {
      return parseAlarm(await call(`${alarmPath(alarmId)}/ack`, "POST"));
    },
    async resolveAlarm(alarmId: string, note: string): Promise<AlarmView> {
      return parseAlarm(await call(`${alarmPath(alarmId)}/resolve`, "POST", { note }));
    },
    async addAlarmNote(alarmId: string, note: string): Promise<AlarmView> {
      return parseAlarm(await call(`${alarmPath(alarmId)}/notes`, "POST", { note }));
    },
    async elders(): Promise<ElderRecord[]> {
      return ((await call("/api/v1/elders")) as { elders: ElderRecord[] }).elders;
    },
    async elder(elderId: string): Promise<ElderRecord> {
      return (await call(elderPath(elderId))) as ElderRecord;
    },
    async createElder(input: ElderInput): Promise<ElderRecord> {
      return (await call("/api/v1/elders", "POST", input)) as ElderRecord;
    },
    async updateElder(elderId: string, input: ElderInput): Promise<ElderRecord> {
      return (await call(elderPath(elderId), "PUT", input)) as ElderRecord;
    },
    /** The elder-service catalogue, with each service's target time. */
    async elderServices(): Promise<ElderService[]> {
      return parseList(
        await call("/api/v1/elder-services"),
        "services",
        elderServiceSchema.array(),
        "services",
      );
    },
    /** The county's elder services as one community offers them. */
    async communityServices(communityId: string): Promise<CommunityElderService[]> {
      return parseList(
        await call(`/api/v1/communities/${encodeURIComponent(communityId)}/elder-services`),
        "services",
        communityElderServiceSchema.array(),
        "services",
      );
    },
    async setCommunityService(
      communityId: string,
      serviceCode: string,
      offer: { offered: boolean; targetMinutes: number | null },
    ): Promise<CommunityElderService> {
      return communityElderServiceSchema.parse(
        await call(
          `/api/v1/communities/${encodeURIComponent(communityId)}/elder-services/${encodeURIComponent(serviceCode)}`,
          "PUT",
          offer,
        ),
      );
    },
    /** Providers; with a service and a community, only those who offer that service there. */
    async providers(filter: { serviceCode?: string; communityId?: string } = {}): Promise<Provider[]> {
      const search = new URLSearchParams(filter);
      const body = await call(`/api/v1/providers${search.size > 0 ? `?${search}` : ""}`);
      return parseList(body, "providers", providerSchema.array(), "a provider list");
    },
    async createProvider(input: ProviderInput): Promise<Provider> {
      return providerSchema.parse(await call("/api/v1/providers", "POST", input));
    },
    async updateProvider(providerId: string, input: ProviderInput): Promise<Provider> {
      return providerSchema.parse(
        await call(`/api/v1/providers/${encodeURIComponent(providerId)}`, "PUT", input),
      );
    },
    /** Service requests in one state, newest first. */
    async serviceRequests(status: ServiceStatus, limit: number): Promise<ServiceRequestView[]> {
      const search = new URLSearchParams({ status, limit: String(limit) });
      const body = await call(`/api/v1/service-requests?${search}`);
      return parseList(body, "requests", serviceRequestListSchema, "a service request list");
    },
    async serviceRequest(requestId: string): Promise<ServiceRequestView> {
      return parseServiceRequest(await call(serviceRequestPath(requestId)));
    },
    /** 受理, 派单 (with the provider), 上门, 完成, 取消 (with the reason): each told to the elder's unit. */
    async serviceStep(
      requestId: string,
      step: ServiceStep,
      body: { providerId?: string; note?: string } = {},
    ): Promise<ServiceRequestView> {
      return parseServiceRequest(await call(`${serviceRequestPath(requestId)}/${step}`, "POST", body));
    },
    async checkTasks(status: CheckTaskStatus, limit: number): Promise<CheckTask[]> {
      const search = new URLSearchParams({ status, limit: String(limit) });
      return parseList(
        await call(`/api/v1/check-tasks?${search}`),
        "tasks",
        checkTaskListSchema,
        "check tasks",
      );
    },
    /** Closes a check task with what staff found (called the elder, visited, …). */
    async closeCheckTask(taskId: string, note: string): Promise<CheckTask> {
      const body = await call(`/api/v1/check-tasks/${encodeURIComponent(taskId)}/done`, "POST", { note });
      const parsed = checkTaskSchema.safeParse(body);
      if (!parsed.success) throw notUnderstood("a check task");
      return parsed.data;
    },
    /** The server's gates and cameras, each with its health. */
    async devices(): Promise<{ gates: GateSummary[]; cameras: CameraSummary[] }> {
      const body = await call("/api/v1/devices");
      return {
        gates: parseList(body, "gates", devicesSchema.gates, "a gate list"),
        cameras: parseList(body, "cameras", devicesSchema.cameras, "a camera list"),
      };
    },
    /** Unlocks a door for the gate's configured time (audited). */
    async openDoor(gate: string, door: number): Promise<void> {
      await call(`/api/v1/gates/${encodeURIComponent(gate)}/open`, "POST", { door });
    },
    async gateEvents(limit: number): Promise<GateEventView[]> {
      const body = await call(`/api/v1/gate-events?limit=${limit}`);
      return parseList(body, "events", gateEventSchema.array(), "gate events");
    },
    /** Plate reads, newest first (the server audits the read). */
    async plateReads(limit: number): Promise<PlateRead[]> {
      const body = await call(`/api/v1/plate-reads?limit=${limit}`);
      return parseList(body, "reads", plateReadSchema.array(), "plate reads");
    },
    /** A plate read's picture: it needs the session token, so it is fetched rather than linked. */
    async picture(url: string): Promise<Blob> {
      try {
        return await requestBlob(url, token);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) onUnauthorized();
        throw error;
      }
    },
    /** Ends the staff member's other sessions; this one stays signed in. */
    async changePassword(currentPassword: string, newPassword: string): Promise<void> {
      await call("/api/v1/auth/password", "POST", { currentPassword, newPassword });
    },
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
