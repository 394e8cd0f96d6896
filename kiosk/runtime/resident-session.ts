import { isValidIdNumber, maskIdNumber } from "@linli/hardware/id-card/id-number";
import { type Ack, fail, ok } from "@linli/protocol";
import { z } from "zod";
import type { ResidentSession } from "../bridge/contract";
import type { CardReading } from "./device-host";
import type { RuntimeContext } from "./runtime-context";

const typedSignInSchema = z.object({
  idNumber: z.string().trim().toUpperCase(),
  name: z.string().trim().min(1).max(60),
});

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
        const signedIn = await this.#signIn(reading.idNumber, reading.name, "card");
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

  /** The typed fallback: an ID number (its check digit verified) and the name. */
  signInTyped(request: unknown): Promise<Ack<ResidentSession>> {
    const typed = typedSignInSchema.safeParse(request);
    if (!typed.success)
      return Promise.resolve(fail("invalid_payload", "sign-in needs an ID number and a name"));
    this.#cardPending = false;
    return this.#signIn(typed.data.idNumber, typed.data.name, "typed");
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

  async #signIn(idNumber: string, name: string, source: "card" | "typed"): Promise<Ack<ResidentSession>> {
    if (!isValidIdNumber(idNumber)) {
      return fail("invalid_payload", "the ID number is not valid (check digit)");
    }
    // A new resident: nothing of the previous one may stay.
    if (this.#session) this.end();
    const generation = ++this.#generation;
    const identity = await this.#identify(idNumber, name, source);
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

  /** The population registry's word when the centre can be reached; otherwise the card's (or typed) name. */
  async #identify(idNumber: string, name: string, source: "card" | "typed") {
    const unknown = { known: false, name, buildingId: null };
    const link = this.#context.link();
    if (!link?.connected) return unknown;
    const answer = await link.request<unknown>("resident:identify", { idNumber, name, source });
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
