import { isValidIdNumber, maskIdNumber } from "@linli/hardware/id-card/id-number";
import {
  type Ack,
  describeIssues,
  fail,
  ok,
  type ResidentCodeSent,
  type ResidentIdentity,
  residentSendCodeSchema,
  residentVerifySchema,
  type TerminalSummary,
  type TerminalToServerEvents,
} from "@linli/protocol";
import type { Logger } from "pino";
import type { z } from "zod";
import type { AuditLog } from "../audit";
import { maskPhone } from "../privacy/mask";
import type { ApplicationOffice } from "./application-office";
import { type PhoneVerification, VerificationRefusal } from "./phone-verification";

/** What the kiosk's typed sign-in needs from the server. */
export interface ResidentGatewayDeps {
  applicationOffice: ApplicationOffice;
  phoneVerification: PhoneVerification;
  audit: AuditLog;
}

/** The terminal events of the kiosk's typed sign-in, for the gateway's list of known events. */
export const RESIDENT_TERMINAL_EVENTS = [
  "resident:send-code",
  "resident:verify",
] as const satisfies ReadonlyArray<keyof TerminalToServerEvents>;

/**
 * Said alike for "no such resident" and "no phone on record": a kiosk must not become a way to find out
 * whether a number belongs to a registered person.
 */
export const NO_PHONE_ON_RECORD =
  "没有登记手机号，请放置身份证，或到服务台办理 (no mobile phone is on record for this ID number: place the ID card, or ask at the service desk)";

/** The part of a Socket.IO socket the typed sign-in needs. */
interface ResidentSocket {
  on(event: string, listener: (payload: unknown, ack: unknown) => void): unknown;
  handshake: { address: string };
}

/** A refused code, in the kiosk's error codes: which one tells the kiosk what to say. */
function refusalOfCode(refusal: VerificationRefusal): Ack<never> {
  switch (refusal.problem) {
    case "wrong-code":
      return fail("invalid_payload", refusal.message);
    case "code-locked":
      return fail("forbidden", refusal.message);
    case "code-expired":
    case "code-used":
    case "no-code":
      return fail("expired", refusal.message);
    default:
      return fail(refusal.code, refusal.message);
  }
}

/**
 * Sign-in without the ID card: the kiosk sends the typed ID number, the centre texts a code to the phone
 * the population registry has for that person, and the typed code proves the resident holds it — as good
 * as the card. Kiosks only. Neither the code nor the phone nor the ID number reaches a log in clear.
 */
export function registerResidentEvents(
  socket: ResidentSocket,
  terminal: TerminalSummary,
  { applicationOffice, phoneVerification, audit }: ResidentGatewayDeps,
  log: Logger,
): void {
  const residents = applicationOffice.residents;
  // Counts texts per kiosk (the phone page counts per address): one busy kiosk does not starve another.
  const sender = `terminal:${terminal.id}`;

  /** An acknowledged event whose answer takes a while (the SMS gateway); nothing throws across the socket. */
  const handleAsync = <S extends z.ZodType, R>(
    event: keyof TerminalToServerEvents,
    schema: S,
    run: (payload: z.infer<S>) => Promise<Ack<R>>,
  ) =>
    socket.on(event, (payload: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      if (terminal.kind !== "kiosk") return ack(fail("forbidden", "only kiosks sign residents in"));
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return ack(fail("invalid_payload", `${event}: ${describeIssues(parsed.error)}`));
      run(parsed.data).then(
        (answer) => ack(answer),
        (error: unknown) => {
          log.error({ err: error, event }, "event failed");
          ack(fail("internal", "the server could not process this event; try again"));
        },
      );
    });

  /** The registry's phone for a typed number, or null; the same null for "unknown" and "no phone". */
  const registered = (idNumber: string) => {
    const resident = residents.findByIdNumber(idNumber);
    return resident?.phone ? { ...resident, phone: resident.phone } : null;
  };

  handleAsync("resident:send-code", residentSendCodeSchema, async ({ idNumber }) => {
    if (!isValidIdNumber(idNumber)) return fail("invalid_payload", "the ID number's check digit is wrong");
    const resident = registered(idNumber);
    audit.record({
      actor: { type: "terminal", id: terminal.id },
      action: "resident.code_requested",
      ...(resident ? { target: { type: "resident", id: resident.id } } : {}),
      detail: { id: maskIdNumber(idNumber), phone: resident ? maskPhone(resident.phone) : null },
    });
    if (!resident) return fail("not_found", NO_PHONE_ON_RECORD);
    try {
      const sent = await phoneVerification.send(resident.phone, sender);
      log.info({ id: maskIdNumber(idNumber), phone: maskPhone(resident.phone) }, "sign-in code sent");
      return ok<ResidentCodeSent>({ phoneMasked: maskPhone(resident.phone), ...sent });
    } catch (error) {
      if (error instanceof VerificationRefusal) return fail(error.code, error.message);
      throw error;
    }
  });

  handleAsync("resident:verify", residentVerifySchema, async ({ idNumber, code }) => {
    if (!isValidIdNumber(idNumber)) return fail("invalid_payload", "the ID number's check digit is wrong");
    const resident = registered(idNumber);
    if (!resident) return fail("not_found", NO_PHONE_ON_RECORD);
    try {
      phoneVerification.confirm(resident.phone, code, sender);
    } catch (error) {
      if (!(error instanceof VerificationRefusal)) throw error;
      audit.record({
        actor: { type: "terminal", id: terminal.id },
        action: "resident.code_refused",
        target: { type: "resident", id: resident.id },
        detail: { id: maskIdNumber(idNumber), phone: maskPhone(resident.phone), problem: error.problem },
      });
      return refusalOfCode(error);
    }
    audit.record({
      actor: { type: "terminal", id: terminal.id },
      action: "resident.identify",
      target: { type: "resident", id: resident.id },
      detail: { known: true, source: "typed", proof: "phone-code", phone: maskPhone(resident.phone) },
    });
    return ok<ResidentIdentity>({ known: true, name: resident.name, buildingId: resident.buildingId });
  });
}
