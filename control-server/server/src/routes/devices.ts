import { createHash, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import type { CardRecord } from "@linli/hardware/gate/uhppote-codec";
import { cameraSummarySchema, gateEventSchema, gateSummarySchema, plateReadSchema } from "@linli/protocol";
import type { FastifyInstance, FastifyReply, FastifyRequest, LogLevel } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/staff";
import type { ServerContext } from "../context";
import type { ServerGate } from "../devices/device-host";
import { httpError, httpErrorSchema } from "../http/errors";
import { canAccessCommunity } from "../http/staff-guard";

const security = [{ bearer: [] }];
const DEFAULT_PUSH_LIMIT = 4 * 1024 * 1024;

const gateParams = z.object({ name: z.string().min(1).max(64) });
const cardNumber = z.coerce.number().int().min(1).max(0xfffffffe, "card numbers are 1–4294967294");
const calendarDate = z.iso.date("a date like 2025-01-31");
const doorNumber = z.enum(["1", "2", "3", "4"], { error: "doors are numbered 1–4" });
/** true: at any time; 2–254: only within that time profile of the controller. */
const doorAccess = z.union([z.boolean(), z.number().int().min(2).max(254)]);

const cardSchema = z.object({
  card: z.number().int(),
  from: z.string(),
  to: z.string(),
  /** Doors the card opens: true at any time, or the time profile (2–254) it is limited to. */
  doors: z.record(z.string(), doorAccess),
});
type CardView = z.infer<typeof cardSchema>;

function cardView(record: CardRecord): CardView {
  const doors: Record<string, boolean | number> = {};
  record.doors.forEach((access, index) => {
    if (access !== 0) doors[String(index + 1)] = access === 1 ? true : access;
  });
  // The PIN is a secret of the card holder: never shown.
  return { card: record.cardNumber, from: record.from, to: record.to, doors };
}

const logLevels: LogLevel[] = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];
/** Quieter than info, but never louder than the server was asked to be. */
const atLeastWarn = (level: string): LogLevel =>
  logLevels.indexOf(level as LogLevel) > logLevels.indexOf("warn") ? (level as LogLevel) : "warn";

/** sha256 first, so that comparing tokens takes the same time whatever their lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** A camera's token: `?token=` in its push URL, `Authorization: Bearer <token>`, or Basic with it as the password. */
function cameraToken(header: string | undefined, queryToken: string | undefined): string | null {
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length).trim();
  if (header?.startsWith("Basic ")) {
    const decoded = Buffer.from(header.slice("Basic ".length).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  return queryToken ?? null;
}

export function deviceRoutes(app: FastifyInstance, { guard, devices, audit }: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  const visibleGates = (staff: StaffPrincipal) =>
    devices.gates.filter((gate) => canAccessCommunity(staff, gate.entry.communityId));
  const visibleCameras = (staff: StaffPrincipal) =>
    devices.cameras.filter((camera) => canAccessCommunity(staff, camera.entry.communityId));

  /** The gate, or a 404 sent: staff of another community are not told it exists. */
  const findGate = (request: FastifyRequest, reply: FastifyReply, name: string): ServerGate | undefined => {
    const gate = devices.gate(name);
    if (gate && canAccessCommunity(request.staff, gate.entry.communityId)) return gate;
    void reply.code(404).send(httpError("not_found", `no gate ${name}`));
    return undefined;
  };

  /** The controller did not answer (or the request could not be sent): 503, with its reason. */
  const controllerFailed = (reply: FastifyReply, gate: ServerGate, error: unknown) =>
    reply
      .code(503)
      .send(
        httpError(
          "unavailable",
          `gate ${gate.name} did not answer: ${(error as Error).message || "no reply"}; check its power and network`,
        ),
      );

  const checkDoors = (gate: ServerGate, doors: readonly string[]): string | null => {
    const unknown = doors.filter((door) => !(door in gate.entry.doors));
    if (unknown.length === 0) return null;
    const known = Object.entries(gate.entry.doors)
      .map(([door, name]) => `${door} ${name}`)
      .join(", ");
    return `gate ${gate.name} has no door ${unknown.join(", ")} (its doors: ${known})`;
  };

  api.get(
    "/api/v1/devices",
    {
      onRequest: guard(),
      schema: {
        tags: ["devices"],
        summary: "The gates and cameras of the server's devices file, each with its health",
        security,
        response: {
          200: z.object({ gates: z.array(gateSummarySchema), cameras: z.array(cameraSummarySchema) }),
        },
      },
    },
    async (request) => ({
      gates: visibleGates(request.staff).map((gate) => devices.gateSummary(gate)),
      cameras: visibleCameras(request.staff).map((camera) => devices.cameraSummary(camera)),
    }),
  );

  api.post(
    "/api/v1/gates/:name/open",
    {
      onRequest: guard("admin", "dispatcher"),
      schema: {
        tags: ["devices"],
        summary: "Unlock a door of a gate for its configured delay (audited)",
        security,
        params: gateParams,
        body: z.object({ door: z.number().int().min(1).max(4) }),
        response: {
          200: z.object({
            gate: z.string(),
            door: z.number(),
            doorName: z.string(),
            opened: z.literal(true),
          }),
          400: httpErrorSchema,
          404: httpErrorSchema,
          409: httpErrorSchema,
          503: httpErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const gate = findGate(request, reply, request.params.name);
      if (!gate) return reply;
      const { door } = request.body;
      const problem = checkDoors(gate, [String(door)]);
      if (problem) return reply.code(400).send(httpError("invalid_payload", problem));
      const doorName = gate.entry.doors[String(door) as "1"] ?? "";
      const record = (result: string) =>
        audit.record({
          actor: { type: "staff", id: request.staff.id },
          action: "gate.door_opened",
          target: { type: "gate", id: gate.name },
          detail: { door, doorName, result },
          ip: request.ip,
        });
      let opened: boolean;
      try {
        opened = await gate.driver.openDoor(door);
      } catch (error) {
        record("no-answer");
        return controllerFailed(reply, gate, error);
      }
      record(opened ? "opened" : "refused");
      if (!opened) {
        return reply
          .code(409)
          .send(
            httpError("conflict", `gate ${gate.name} refused to open door ${door} (set normally closed?)`),
          );
      }
      return { gate: gate.name, door, doorName, opened: true as const };
    },
  );

  api.get(
    "/api/v1/gates/:name/cards",
    {
      onRequest: guard("admin", "dispatcher"),
      schema: {
        tags: ["devices"],
        summary: "Cards stored on a gate's controller, a page at a time (read from the controller)",
        security,
        params: gateParams,
        querystring: z.object({
          /** 1-based slot of the controller's card store to start at. */
          start: z.coerce.number().int().min(1).default(1),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({
            count: z.number().int(),
            cards: z.array(cardSchema),
            /** Pass as `start` for the next page; null at the end. */
            next: z.number().int().nullable(),
          }),
          404: httpErrorSchema,
          503: httpErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const gate = findGate(request, reply, request.params.name);
      if (!gate) return reply;
      const { start, limit } = request.query;
      try {
        const count = await gate.driver.getCardCount();
        const cards: CardView[] = [];
        let slot = start;
        let next: number | null = null;
        // Deleted cards leave empty slots; an empty slot that is not a deleted one is the end.
        for (; ; slot++) {
          if (cards.length === limit) {
            next = slot;
            break;
          }
          const { card, deleted } = await gate.driver.getCardByIndex(slot);
          if (card) cards.push(cardView(card));
          else if (!deleted) break;
        }
        return { count, cards, next };
      } catch (error) {
        return controllerFailed(reply, gate, error);
      }
    },
  );

  api.put(
    "/api/v1/gates/:name/cards/:card",
    {
      onRequest: guard("admin"),
      schema: {
        tags: ["devices"],
        summary: "Issue a card on a gate's controller, or replace its dates and doors (audited)",
        security,
        params: gateParams.extend({ card: cardNumber }),
        body: z
          .object({
            from: calendarDate,
            to: calendarDate,
            doors: z.partialRecord(doorNumber, doorAccess),
            /** Keypad PIN for readers with a keypad; 0 or absent for none. */
            pin: z.number().int().min(0).max(999_999).optional(),
          })
          .refine((card) => card.from <= card.to, { error: "`to` must not be before `from`", path: ["to"] }),
        response: {
          200: cardSchema,
          400: httpErrorSchema,
          404: httpErrorSchema,
          409: httpErrorSchema,
          503: httpErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const gate = findGate(request, reply, request.params.name);
      if (!gate) return reply;
      const { from, to, doors, pin } = request.body;
      const problem = checkDoors(gate, Object.keys(doors));
      if (problem) return reply.code(400).send(httpError("invalid_payload", problem));
      const access = (door: "1" | "2" | "3" | "4") => {
        const value = doors[door];
        return value === undefined || value === false ? 0 : value === true ? 1 : value;
      };
      const record: CardRecord = {
        cardNumber: request.params.card,
        from,
        to,
        doors: [access("1"), access("2"), access("3"), access("4")],
        pin: pin ?? 0,
      };
      let stored: CardRecord | null;
      try {
        if (!(await gate.driver.putCard(record))) {
          return reply
            .code(409)
            .send(
              httpError("conflict", `gate ${gate.name} refused card ${record.cardNumber} (card store full?)`),
            );
        }
        stored = await gate.driver.getCardByNumber(record.cardNumber);
      } catch (error) {
        return controllerFailed(reply, gate, error);
      }
      const view = cardView(stored ?? record);
      audit.record({
        actor: { type: "staff", id: request.staff.id },
        action: "gate.card_issued",
        target: { type: "gate", id: gate.name },
        detail: { card: view.card, from: view.from, to: view.to, doors: view.doors },
        ip: request.ip,
      });
      return view;
    },
  );

  api.delete(
    "/api/v1/gates/:name/cards/:card",
    {
      onRequest: guard("admin"),
      schema: {
        tags: ["devices"],
        summary: "Remove a card from a gate's controller (audited)",
        security,
        params: gateParams.extend({ card: cardNumber }),
        response: { 204: z.null(), 404: httpErrorSchema, 503: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const gate = findGate(request, reply, request.params.name);
      if (!gate) return reply;
      const { card } = request.params;
      let deleted: boolean;
      try {
        deleted = await gate.driver.deleteCard(card);
      } catch (error) {
        return controllerFailed(reply, gate, error);
      }
      if (!deleted)
        return reply.code(404).send(httpError("not_found", `gate ${gate.name} has no card ${card}`));
      audit.record({
        actor: { type: "staff", id: request.staff.id },
        action: "gate.card_removed",
        target: { type: "gate", id: gate.name },
        detail: { card },
        ip: request.ip,
      });
      return reply.code(204).send(null);
    },
  );

  api.get(
    "/api/v1/gate-events",
    {
      onRequest: guard(),
      schema: {
        tags: ["devices"],
        summary: "Card swipes, door openings and alarms reported by the gates, newest first",
        security,
        querystring: z.object({
          gate: z.string().min(1).max(64).optional(),
          before: z.coerce.number().int().min(1).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ events: z.array(gateEventSchema) }) },
      },
    },
    async (request) => ({
      events: devices.records.gateEvents({
        gates: visibleGates(request.staff).map((gate) => gate.name),
        ...request.query,
      }),
    }),
  );

  api.get(
    "/api/v1/plate-reads",
    {
      onRequest: guard(),
      schema: {
        tags: ["devices"],
        summary: "Licence plates read by the cameras, newest first (the read is audited)",
        security,
        querystring: z.object({
          camera: z.string().min(1).max(64).optional(),
          before: z.coerce.number().int().min(1).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ reads: z.array(plateReadSchema) }) },
      },
    },
    async (request) => {
      const reads = devices.records.plateReads({
        cameras: visibleCameras(request.staff).map((camera) => camera.name),
        ...request.query,
      });
      audit.record({
        actor: { type: "staff", id: request.staff.id },
        action: "plate_reads.read",
        ...(request.query.camera ? { target: { type: "camera", id: request.query.camera } } : {}),
        detail: { count: reads.length },
        ip: request.ip,
      });
      return { reads };
    },
  );

  api.get(
    "/api/v1/plate-reads/:id/pictures/:kind",
    {
      onRequest: guard(),
      schema: {
        tags: ["devices"],
        summary: "A plate read's picture: the plate close-up or the scene (JPEG)",
        security,
        params: z.object({ id: z.coerce.number().int().min(1), kind: z.enum(["plate", "scene"]) }),
        response: { 200: z.unknown().describe("the JPEG"), 404: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const picture = devices.records.picture(request.params.id, request.params.kind);
      const camera = picture && devices.camera(picture.camera);
      // Reads of cameras no longer configured are only shown to county-wide staff.
      const community = camera?.entry.communityId;
      if (!picture || (request.staff.communityId && request.staff.communityId !== community)) {
        return reply.code(404).send(httpError("not_found", "no such picture"));
      }
      return reply
        .type("image/jpeg")
        .header("cache-control", "private, max-age=86400")
        .send(createReadStream(picture.file));
    },
  );

  // Cameras push their reads here. They cannot sign in as staff: each presents its own token.
  const pushLimit = Math.max(
    DEFAULT_PUSH_LIMIT,
    ...devices.cameras.map((camera) =>
      camera.entry.type === "hikvision-push" ? (camera.entry.maxBodyBytes ?? DEFAULT_PUSH_LIMIT) : 0,
    ),
  );
  void app.register(async (scope) => {
    // The receiver reads the multipart body itself; take it whole, as bytes, whatever its type.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: pushLimit }, (_request, body, done) =>
      done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/v1/cameras/:name/anpr",
      {
        // The push URL may carry the camera's token: keep it out of the request log.
        logLevel: atLeastWarn(app.log.level),
        schema: {
          tags: ["devices"],
          summary:
            "Hikvision ISAPI ANPR push (multipart/form-data: alert XML, then JPEGs) from a configured camera",
          description:
            "Configure the camera's HTTP listening host to POST here with `?token=<its token from the devices file>` " +
            "(or HTTP Basic with the token as password). Answered at once: 200 when accepted, 400 when malformed " +
            "(nothing is stored), 413 when too large.",
          params: gateParams,
          querystring: z.object({ token: z.string().max(200).optional() }),
          response: {
            200: z.string(),
            400: z.string(),
            401: httpErrorSchema,
            404: httpErrorSchema,
            413: z.string(),
            415: z.string(),
          },
        },
        onRequest: async (request, reply) => {
          const camera = devices.camera(request.params.name);
          if (camera?.entry.type !== "hikvision-push") {
            return reply.code(404).send(httpError("not_found", `no pushing camera ${request.params.name}`));
          }
          const token = cameraToken(request.headers.authorization, request.query.token);
          if (!token || !sameSecret(token, camera.entry.token)) {
            request.log.warn({ camera: camera.name, from: request.ip }, "camera push with a wrong token");
            return reply.code(401).send(httpError("unauthorized", "wrong or missing camera token"));
          }
          const declared = Number(request.headers["content-length"]);
          const limit = camera.entry.maxBodyBytes ?? DEFAULT_PUSH_LIMIT;
          if (Number.isFinite(declared) && declared > limit) {
            return reply
              .code(413)
              .header("connection", "close")
              .type("text/plain; charset=utf-8")
              .send(`push larger than ${limit} bytes`);
          }
          return undefined;
        },
      },
      async (request, reply) => {
        const camera = devices.camera(request.params.name);
        const receiver = camera?.driver;
        if (!receiver || !("accept" in receiver))
          return reply.code(404).send(httpError("not_found", "no camera"));
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const outcome = await receiver.accept(request.headers["content-type"], body);
        return reply
          .code(outcome.status as 200 | 400 | 413 | 415)
          .type("text/plain; charset=utf-8")
          .send(outcome.message);
      },
    );
  });
}
