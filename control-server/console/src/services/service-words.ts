import type { ElderService, ServiceRequestView, ServiceStatus } from "@linli/protocol";
import type { Translate } from "../i18n/i18n";
import type { Locale, MessageKey } from "../i18n/messages";

/** A mark for each state, so that state is never told by colour alone. */
export const serviceStatusMarks: Record<ServiceStatus, string> = {
  requested: "●",
  accepted: "◔",
  dispatched: "◑",
  "in-progress": "◕",
  done: "✓",
  cancelled: "⊘",
};

/** The catalogue's own name of the service, in the console's language. */
export const serviceName = (service: ElderService, locale: Locale) =>
  locale === "en" ? service.nameEn : service.name;

/** The elder's name, or the unit's when no profile is linked to it. */
export function requester(request: ServiceRequestView, t: Translate): string {
  return request.elder?.name ?? t("service.noProfileName", { terminal: request.terminal.name });
}

const EVENT_TYPES = [
  "requested",
  "accepted",
  "dispatched",
  "in-progress",
  "done",
  "cancelled",
  "target-missed",
  "reopened",
  "rated",
] as const;

/** What happened at a step of the history; a step newer than this console is shown as the server named it. */
export function serviceEventWords(type: string, t: Translate): string {
  return (EVENT_TYPES as readonly string[]).includes(type)
    ? t(`serviceEvent.${type as (typeof EVENT_TYPES)[number]}`)
    : type;
}

export const ratingKey = (rating: NonNullable<ServiceRequestView["rating"]>): MessageKey =>
  `serviceRating.${rating}`;
