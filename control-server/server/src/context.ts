import type { Logger } from "pino";
import type { AlarmService } from "./alarms/alarm-service";
import type { ApplicationOffice } from "./applications/application-office";
import type { PhoneVerification } from "./applications/phone-verification";
import type { AuditLog } from "./audit";
import type { StaffService } from "./auth/staff";
import type { ServerBus } from "./bus";
import type { DailyCheckins } from "./checkins/daily-checkins";
import type { Facilities } from "./content/facilities";
import type { Guides } from "./content/guides";
import type { Lifts } from "./content/lifts";
import type { Database } from "./db/database";
import type { DeviceHost } from "./devices/device-host";
import type { ElderProfiles } from "./elders/elder-profiles";
import type { StaffGuard } from "./http/staff-guard";
import type { NoticeBoard } from "./notices/notice-board";
import type { CommunityCatalogue } from "./services/community-catalogue";
import type { Providers } from "./services/providers";
import type { ServiceRequests } from "./services/service-requests";
import type { TerminalCommands } from "./terminals/commands";
import type { Enrollment } from "./terminals/enrollment";
import type { TerminalSupervisor } from "./terminals/supervisor";
import type { TerminalRegistry } from "./terminals/terminal-registry";

/** The services route modules and gateways are built from; assembled once in `createControlServer`. */
export interface ServerContext {
  db: Database;
  log: Logger;
  audit: AuditLog;
  bus: ServerBus;
  staff: StaffService;
  guard: StaffGuard;
  terminals: TerminalRegistry;
  enrollment: Enrollment;
  commands: TerminalCommands;
  supervisor: TerminalSupervisor;
  elders: ElderProfiles;
  alarms: AlarmService;
  /** Gates and cameras of the devices file. */
  devices: DeviceHost;
  /** Which elder services each community offers, and its targets. */
  communityCatalogue: CommunityCatalogue;
  serviceRequests: ServiceRequests;
  checkins: DailyCheckins;
  providers: Providers;
  /** Kiosk applications: the catalogue, applications and their materials, the population registry. */
  applicationOffice: ApplicationOffice;
  /** Text-message codes proving a resident's phone, for applications from the phone page. */
  phoneVerification: PhoneVerification;
  /** Base URL of the resident pages (receipt QR codes, phone uploads): LINLI_PUBLIC_URL, else where we listen. */
  publicUrl(): string;
  notices: NoticeBoard;
  /** What kiosks show besides notices: guides and policies, nearby facilities, lifts. */
  guides: Guides;
  facilities: Facilities;
  lifts: Lifts;
}
