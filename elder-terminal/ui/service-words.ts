import type { ElderServiceState } from "../../kiosk/bridge/contract";
import type { MessageKey, Translate } from "../../kiosk/ui/shared/i18n";

/** The server's catalogue as the unit offers it, in the order of the services screen. */
export const SERVICE_CODES = ["meals", "housekeeping", "medical", "companionship", "repairs"] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

const NAME_KEYS: Record<ServiceCode, MessageKey> = {
  meals: "service.meals",
  housekeeping: "service.housekeeping",
  medical: "service.medical",
  companionship: "service.companionship",
  repairs: "service.repairs",
};

const isKnown = (code: string): code is ServiceCode => (SERVICE_CODES as readonly string[]).includes(code);

/** The service in the unit's language; the server's name (or the code) for one the unit does not know. */
export function serviceName(request: Pick<ElderServiceState, "serviceCode" | "serviceName">, t: Translate) {
  return isKnown(request.serviceCode)
    ? t(NAME_KEYS[request.serviceCode])
    : (request.serviceName ?? request.serviceCode);
}

export function serviceLabel(code: ServiceCode, t: Translate): string {
  return t(NAME_KEYS[code]);
}

/** What the service screen shows; each scene has its own colour. */
export type ServiceScene =
  | "waiting"
  | "accepted"
  | "dispatched"
  | "in-progress"
  | "rate"
  | "followup"
  | "cancelled";

export interface ServiceView {
  requestEventId: string;
  scene: ServiceScene;
  title: string;
  hint: string;
  /** "Two more under way", when the elder has several requests open; null otherwise. */
  others: string | null;
  speech: string;
  /** The elder is asked to rate: 满意 / 不满意 / 没有完成 / 跳过. */
  question: boolean;
  /** Nothing more will happen to this request: the screen goes back to idle after a while. */
  closed: boolean;
  /** Changes exactly when there is something new to say. */
  key: string;
}

const ACTIVE: ReadonlySet<ElderServiceState["status"]> = new Set([
  "sending",
  "requested",
  "accepted",
  "dispatched",
  "in-progress",
]);

export const isActive = (request: ElderServiceState) => ACTIVE.has(request.status);

/** Identifies one finished round of a request (a reopened request can finish, and be rated, again). */
export const doneKey = (request: ElderServiceState) => `${request.requestEventId}|${request.at}`;

/**
 * One request in an elder's words, or null when there is nothing to show (rated as good). `ratedHere`
 * holds the finished rounds the elder rated on this unit: a "bad" rating from an earlier round does not
 * stop the question after the request, reopened, is done again.
 */
export function describeService(
  request: ElderServiceState,
  t: Translate,
  context: { online: boolean; ratedHere: ReadonlySet<string>; othersActive: number },
): ServiceView | null {
  const service = serviceName(request, t);
  const provider = request.providerName ?? t("service.someone");
  const unhappy = request.rating === "bad" || request.rating === "not-done";
  const base = { question: false, closed: false };
  const view = ((): Omit<ServiceView, "key" | "others" | "requestEventId"> | null => {
    switch (request.status) {
      case "sending":
      case "requested":
        return {
          ...base,
          scene: "waiting",
          title: t("service.waiting", { service }),
          hint: t(
            request.status === "sending" && !context.online
              ? "service.waitingOfflineHint"
              : "service.waitingHint",
          ),
          speech: t("service.waitingSpeech", { service }),
        };
      case "accepted":
        // Reopened after the elder said it was not good or not done: the centre follows up.
        return unhappy
          ? followUp(t)
          : {
              ...base,
              scene: "accepted",
              title: t("service.accepted", { service }),
              hint: t("service.acceptedHint"),
              speech: t("service.acceptedSpeech", { service }),
            };
      case "dispatched":
        return {
          ...base,
          scene: "dispatched",
          title: t("service.dispatched", { provider }),
          hint: t("service.dispatchedHint", { service }),
          speech: t("service.dispatchedSpeech", { service, provider }),
        };
      case "in-progress":
        return {
          ...base,
          scene: "in-progress",
          title: t("service.inProgress", { provider }),
          hint: t("service.inProgressHint"),
          speech: t("service.inProgressSpeech", { provider }),
        };
      case "done": {
        if (request.rating === "good") return null;
        if (unhappy && context.ratedHere.has(doneKey(request))) return followUp(t);
        return {
          ...base,
          scene: "rate",
          title: t("service.done", { service }),
          hint: t("service.doneHint"),
          speech: t("service.doneSpeech", { service }),
          question: true,
        };
      }
      case "cancelled":
        return {
          ...base,
          scene: "cancelled",
          title: t("service.cancelled", { service }),
          hint: t("service.cancelledHint"),
          speech: t("service.cancelledSpeech", { service }),
          closed: true,
        };
      case "refused":
        return {
          ...base,
          scene: "cancelled",
          title: t("service.refused", { service }),
          hint: t("service.refusedHint"),
          speech: t("service.refusedSpeech", { service }),
          closed: true,
        };
    }
  })();
  if (!view) return null;
  // The follow-up is said once, whether the unit's own rating or the centre's reopening brought it; a
  // question is asked again for each finished round.
  const key =
    view.scene === "followup"
      ? `${request.requestEventId}|followup`
      : view.scene === "rate"
        ? `${doneKey(request)}|rate`
        : `${request.requestEventId}|${view.scene}|${view.speech}`;
  const others = context.othersActive > 0 ? t("service.others", { count: context.othersActive }) : null;
  return { ...view, requestEventId: request.requestEventId, others, key };
}

function followUp(t: Translate): Omit<ServiceView, "key" | "others" | "requestEventId"> {
  return {
    scene: "followup",
    title: t("service.followup"),
    hint: t("service.followupHint"),
    speech: t("service.followupSpeech"),
    question: false,
    closed: false,
  };
}

/**
 * The request the service screen should show now, or null: a question to rate first (the newest), then
 * the request with the latest news, leaving out what the elder has put away (`dismissed` keys).
 */
export function focusService(
  services: readonly ElderServiceState[],
  t: Translate,
  context: { online: boolean; ratedHere: ReadonlySet<string>; dismissed: ReadonlySet<string> },
): ServiceView | null {
  const activeCount = services.filter(isActive).length;
  const candidates = services
    .map((request) => ({
      request,
      view: describeService(request, t, {
        ...context,
        othersActive: activeCount - (isActive(request) ? 1 : 0),
      }),
    }))
    .filter(
      (entry): entry is { request: ElderServiceState; view: ServiceView } =>
        entry.view !== null && !context.dismissed.has(entry.view.key),
    )
    .sort(
      (a, b) =>
        Number(b.view.question) - Number(a.view.question) ||
        b.request.at.localeCompare(a.request.at) ||
        b.request.requestedAt.localeCompare(a.request.requestedAt),
    );
  return candidates[0]?.view ?? null;
}

const STATUS_WORDS: Partial<Record<ElderServiceState["status"], MessageKey>> = {
  sending: "service.status.waiting",
  requested: "service.status.waiting",
  accepted: "service.status.accepted",
  dispatched: "service.status.dispatched",
  "in-progress": "service.status.in-progress",
};

/** For the idle and services screens: how many requests are under way, and the newest in a line. */
export function summarizeServices(
  services: readonly ElderServiceState[],
  t: Translate,
): { active: number; line: string | null } {
  const active = services.filter(isActive);
  const newest = [...active].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0];
  if (!newest) return { active: 0, line: null };
  const status = t(STATUS_WORDS[newest.status] ?? "service.status.waiting");
  return { active: active.length, line: t("service.current", { service: serviceName(newest, t), status }) };
}
