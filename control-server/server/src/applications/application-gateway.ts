import { isValidIdNumber } from "@linli/hardware/id-card/id-number";
import {
  type Ack,
  applicationLookupSchema,
  applicationMaterialFileSchema,
  applicationRatingSchema,
  applicationSubmitSchema,
  type ConsoleToServerEvents,
  fail,
  ok,
  residentIdentifySchema,
  type ServerToConsoleEvents,
  type ServerToTerminalEvents,
  type TerminalSummary,
  type TerminalToServerEvents,
  uploadSessionRequestSchema,
} from "@linli/protocol";
import type { Namespace } from "socket.io";
import type { StaffPrincipal } from "../auth/staff";
import type { ServerBus } from "../bus";
import { EventRefusal } from "../terminals/inbox";
import type { TerminalEventHandlers } from "../terminals/terminal-event-handlers";
import type { ApplicationOffice } from "./application-office";
import { APPLICATION_STAFF_ROLES } from "./application-roles";

/** The gateway's registration helpers for one connected terminal, and the terminal. */
export interface TerminalEventTools extends TerminalEventHandlers {
  terminal: TerminalSummary;
}

/** The terminal events of kiosk applications, for the gateway's list of known events. */
export const APPLICATION_TERMINAL_EVENTS = [
  "application:submit",
  "application:material",
  "application:rate",
  "resident:identify",
  "application:lookup",
  "upload:session",
] as const satisfies ReadonlyArray<keyof TerminalToServerEvents>;

/** A live event's refusal is its answer; anything else is the gateway's internal error. */
function refusable<T>(run: () => T): Ack<T> {
  try {
    return ok(run());
  } catch (error) {
    if (error instanceof EventRefusal) return fail(error.code, error.message);
    throw error;
  }
}

/** Registers a kiosk's application events on its socket. Elder units have no business here. */
export function registerApplicationEvents(
  { terminal, handle, durable }: TerminalEventTools,
  office: ApplicationOffice,
): void {
  const kioskOnly = <T>(run: () => T): Ack<T> =>
    terminal.kind === "kiosk" ? refusable(run) : fail("forbidden", "only kiosks take applications");
  const asIs = <T>(result: T) => result;
  const announce = ({ receiptCode }: { receiptCode: string }) => office.announce(receiptCode);
  const fromKiosk = <T>(run: () => T): T => {
    if (terminal.kind !== "kiosk") throw new EventRefusal("forbidden", "only kiosks take applications");
    return run();
  };

  durable(
    "application:submit",
    applicationSubmitSchema,
    (submit) => fromKiosk(() => office.submitFromKiosk(terminal, submit)),
    { announce, answer: asIs },
  );
  durable(
    "application:material",
    applicationMaterialFileSchema,
    (file) => fromKiosk(() => office.addKioskMaterial(terminal, file)),
    { announce, answer: asIs },
  );
  durable(
    "application:rate",
    applicationRatingSchema,
    (rating) => fromKiosk(() => office.rateFromKiosk(terminal, rating)),
    { announce, answer: asIs },
  );

  handle("resident:identify", residentIdentifySchema, (request) =>
    kioskOnly(() => {
      if (!isValidIdNumber(request.idNumber))
        throw new EventRefusal("invalid_payload", "the ID number's check digit is wrong");
      return office.residents.identify(request, terminal);
    }),
  );
  handle("application:lookup", applicationLookupSchema, (request) =>
    kioskOnly(() => office.lookup(terminal, request)),
  );
  handle("upload:session", uploadSessionRequestSchema, (request) =>
    kioskOnly(() => office.openUploadSession(terminal, request)),
  );
}

/** Tells the kiosk that opened a phone-upload session when the phone's file is stored. */
export function attachApplicationPushes(
  namespace: Namespace<
    TerminalToServerEvents,
    ServerToTerminalEvents,
    Record<string, never>,
    { terminal: TerminalSummary }
  >,
  bus: ServerBus,
): void {
  bus.on("upload:received", ({ terminalId, upload }) => {
    for (const socket of namespace.sockets.values()) {
      if (socket.data.terminal?.id === terminalId) socket.emit("upload:received", upload);
    }
  });
}

/** Pushes each change of an application to the consoles whose staff may read it, in their own view. */
export function pushApplicationChangesToConsoles(
  namespace: Namespace<
    ConsoleToServerEvents,
    ServerToConsoleEvents,
    Record<string, never>,
    { staff: StaffPrincipal }
  >,
  bus: ServerBus,
  office: ApplicationOffice,
): void {
  bus.on("application:changed", ({ receiptCode }) => {
    for (const socket of namespace.sockets.values()) {
      const reader = socket.data.staff;
      if (!reader || !APPLICATION_STAFF_ROLES.includes(reader.role)) continue;
      const view = office.view(receiptCode, reader);
      if (view) socket.emit("application:changed", view);
    }
  });
}
