import type { Notice } from "@linli/protocol";
import { useEffect } from "react";
import type { UiBridge } from "../shared/bridge-client";

/** Notices this page already reported; the runtime records `shown` once per notice anyway. */
const reported = new Set<string>();

/** Proof of display: tells the runtime which notices are on screen now. */
export function useNoticesShown(bridge: UiBridge, notices: Notice[]): void {
  const ids = notices.map((notice) => notice.id).join(",");
  useEffect(() => {
    for (const noticeId of ids ? ids.split(",") : []) {
      if (reported.has(noticeId)) continue;
      reported.add(noticeId);
      void bridge.call("notice:shown", { noticeId }).then((answer) => {
        if (!answer.ok) reported.delete(noticeId);
      });
    }
  }, [bridge, ids]);
}
