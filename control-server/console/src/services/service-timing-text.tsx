import type { ServiceRequestView } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";
import { serviceTiming, timingWords } from "./service-timing";

/** Time left before the target, or how far past it, in words; overdue is marked ▲ as well as coloured. */
export function ServiceTimingText({ request, now }: { request: ServiceRequestView; now: number }) {
  const { t } = useI18n();
  const timing = serviceTiming(request, now);
  const late = timing.kind === "overdue" || timing.kind === "doneLate";
  return (
    <span className={late ? "timing timing-late" : "timing"} data-timing={timing.kind}>
      {late && <span aria-hidden="true">▲ </span>}
      {timingWords(timing, t)}
    </span>
  );
}
