import { isValidIdNumber, maskIdNumber } from "@linli/hardware/id-card/id-number";
import { type Ack, fail, ok } from "@linli/protocol";
import { z } from "zod";
import type { ResidentSession } from "../bridge/contract";
import type { CardReading } from "./device-host";
import type { RuntimeContext } from "./runtime-context";

const sendCodeSchema = z.object({ idNumber: z.string().trim().toUpperCase() });
const typedSignInSchema = z.object({
  idNumber: z.string().trim().toUpperCase(),
  code: z.string().regex(/^\d{6}$/),
});

const codeSentSchema = z.object({ phoneMasked: z.string(), resendAfter: z.string() });

/** Offline, a typed number proves nothing (no code can be texted): the card still works. */
const TYPED_NEEDS_THE_CENTRE =
  "signing in without the ID card needs the centre, which cannot be reached right now: place the ID card";

const identitySchema = z.object({
  known: z.boolean(),
  name: z.string().min(1).max(60),
  buildingId: z.string().nullable(),
});

/**
 * The resident at the kiosk. The UI only ever sees the name and the masked number; the full ID number
 * stays here, for the applications of this session, and is forgotten when the session ends (finish,
 * idle, the card taken away, or another card placed).
 */
export class ResidentSessions {
  readonly #context: RuntimeContext;
  readonly #onEnd: () => void;
  #session: { resident: ResidentSession; idNumber: string } | null = null;
  /** Bumped at every sign-in and sign-out, so that a registry answer for an earlier card is dropped. */
  #generation = 0;
  /** A card is being signed in (the registry is being asked). */
  #cardPending = false;

  constructor(context: RuntimeContext, onEnd: () => void) {
    this.#context = context;
    this.#onEnd = onEnd;
  }

  get resident(): ResidentSession | null {
    return this.#session?.resident ?? null;
  }

  /** The signed-in resident's full ID number and name, for an application; never for the UI or a log. */
  get applicant(): { idNumber: string; name: string } | null {
    return this.#session ? { idNumber: this.#session.idNumber, name: this.#session.resident.name } : null;
  }

  async card(reading: CardReading): Promise<void> {
    switch (reading.type) {
      case "card": {
        this.#cardPending = true;
        const signedIn = await this.#signIn(reading.idNumber, "card", () =>
          this.#identify(reading.idNumber, reading.name),
        );
        if (signedIn.ok) {
          this.#cardPending = false;
          this.#context.emit("card", { type: "signed-in", resident: signedIn.data });
        } else if (signedIn.error.code !== "conflict") {
          // A conflict means the card went away (or another came) while the registry answered: nothing to say.
          this.#cardPending = false;
          this.#context.emit("card", { type: "unreadable", reason: signedIn.error.message });
        }
        return;
      }
      case "unreadable":
        this.#context.emit("card", { type: "unreadable", reason: reading.reason });
        return;
      case "removed": {
        // Only a card's session (or a card still being signed in) ends with the card; a typed one stays.
        const cardSession = this.#session?.resident.source === "card";
        if (!cardSession && !this.#cardPending) return;
        this.#cardPending = false;
        this.end();
        this.#context.emit("card", { type: "removed" });
        return;
      }
    }
  }

  /**
   * No card with them, step 1: the centre texts a code to the phone the population registry has for this
   * ID number. Anyone may know a neighbour's number; only the registry's phone proves the person.
   */
  async sendCode(request: unknown): Promise<Ack<{ phoneMasked: string; resendAfter: string }>> {
    const typed = sendCodeSchema.safeParse(request);
    if (!typed.success) return fail("invalid_payload", "a code needs an ID number");
    if (!isValidIdNumber(typed.data.idNumber))
      return fail("invalid_payload", "the ID number is not valid (check digit)");
    const link = this.#context.link();
    if (!link?.connected) return fail("unavailable", TYPED_NEEDS_THE_CENTRE);
    const answer = await link.request<unknown>("resident:send-code", { idNumber: typed.data.idNumber });
    if (!answer.ok) return answer;
    const sent = codeSentSchema.safeParse(answer.data);
    if (!sent.success) return fail("internal", "the centre's answer was not understood");
    this.#context.log.info({ id: maskIdNumber(typed.data.idNumber) }, "sign-in code asked for");
    return ok({ phoneMasked: sent.data.phoneMasked, resendAfter: sent.data.resendAfter });
  }

  /** No card, step 2: the typed ID number and the texted code; the registry's name when the code is right. */
  async signInTyped(request: unknown): Promise<Ack<ResidentSession>> {
    const typed = typedSignInSchema.safeParse(request);
    if (!typed.success) return fail("invalid_payload", "sign-in needs an ID number and the 6-digit code");
    const { idNumber, code } = typed.data;
    if (!isValidIdNumber(idNumber))
      return fail("invalid_payload", "the ID number is not valid (check digit)");
    const link = this.#context.link();
    if (!link?.connected) return fail("unavailable", TYPED_NEEDS_THE_CENTRE);
    const answer = await link.request<unknown>("resident:verify", { idNumber, code });
    if (!answer.ok) return answer;
    const identity = identitySchema.safeParse(answer.data);
    if (!identity.success) return fail("internal", "the centre's answer was not understood");
    this.#cardPending = false;
    return this.#signIn(idNumber, "typed", async () => identity.data);
  }

  /** Forgets the resident (and, through `onEnd`, their drafts and receipts). */
  end(): void {
    this.#generation++;
    const hadSession = this.#session !== null;
    this.#session = null;
    this.#onEnd();
    if (hadSession) this.#context.log.info("resident session ended");
    this.#context.publishState();
  }

  async #signIn(
    idNumber: string,
    source: "card" | "typed",
    identify: () => Promise<z.infer<typeof identitySchema>>,
  ): Promise<Ack<ResidentSession>> {
    if (!isValidIdNumber(idNumber)) {
      return fail("invalid_payload", "the ID number is not valid (check digit)");
    }
    // A new resident: nothing of the previous one may stay.
    if (this.#session) this.end();
    const generation = ++this.#generation;
    const identity = await identify();
    if (generation !== this.#generation) return fail("conflict", "the session ended during sign-in");
    const resident: ResidentSession = {
      name: identity.name,
      idMasked: maskIdNumber(idNumber),
      source,
      known: identity.known,
      buildingId: identity.buildingId,
      signedInAt: new Date().toISOString(),
    };
    this.#session = { resident, idNumber };
    this.#context.log.info({ id: resident.idMasked, source, known: resident.known }, "resident signed in");
    this.#context.publishState();
    return ok(resident);
  }

  /** The population registry's word on a card when the centre can be reached; otherwise the card's name. */
  async #identify(idNumber: string, name: string) {
    const unknown = { known: false, name, buildingId: null };
    const link = this.#context.link();
    if (!link?.connected) return unknown;
    const answer = await link.request<unknown>("resident:identify", { idNumber, name, source: "card" });
    if (!answer.ok) {
      this.#context.log.warn(
        { error: answer.error },
        "registry look-up failed; signed in with the given name",
      );
      return unknown;
    }
    const identity = identitySchema.safeParse(answer.data);
    return identity.success ? identity.data : unknown;
  }
}
