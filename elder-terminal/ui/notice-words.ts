import type { TerminalNotice } from "../../kiosk/bridge/contract";
import type { Locale } from "../../kiosk/ui/shared/i18n";

type Category = TerminalNotice["notice"]["category"];
type Priority = TerminalNotice["notice"]["priority"];

/** The notice screen's own words, zh-CN first; kept beside the screen like the unit's other word files. */
const WORDS = {
  "zh-CN": {
    category: {
      government: "政务通知",
      water: "用水通知",
      power: "用电通知",
      gas: "燃气通知",
      community: "社区通知",
    } satisfies Record<Category, string>,
    priority: { normal: "", important: "重要", emergency: "紧急" } satisfies Record<Priority, string>,
    heard: "听到了",
    hint: "或按确认键",
    again: "再说一遍。",
    more: "还有 {count} 条通知",
  },
  en: {
    category: {
      government: "Government notice",
      water: "Water notice",
      power: "Power notice",
      gas: "Gas notice",
      community: "Community notice",
    } satisfies Record<Category, string>,
    priority: { normal: "", important: "Important", emergency: "Emergency" } satisfies Record<
      Priority,
      string
    >,
    heard: "Heard it",
    hint: "or press OK",
    again: "Once more.",
    more: "{count} more waiting",
  },
} as const;

/** The unit's speech engine takes at most this many characters at a time. */
const MAX_SPEECH = 500;

export interface NoticeView {
  noticeId: string;
  /** The colour and icon of the screen. */
  scene: "notice-normal" | "notice-important" | "notice-emergency";
  /** "紧急 · 停水通知" */
  kicker: string;
  title: string;
  body: string;
  heard: string;
  hint: string;
  /** Other notices still waiting to be heard, or null. */
  more: string | null;
  /** Said when the notice comes on screen: twice for important and emergency notices. */
  speech: string;
  key: string;
}

/** The first notice the household has not yet heard, as the screen shows and says it; null when none. */
export function describeNotice(notices: TerminalNotice[], locale: Locale): NoticeView | null {
  const waiting = notices.filter((entry) => entry.heardAt === null);
  const first = waiting[0];
  if (!first) return null;
  const { notice } = first;
  const words = WORDS[locale];
  const urgency = words.priority[notice.priority];
  const kind = words.category[notice.category];
  const kicker = urgency ? `${urgency} · ${kind}` : kind;
  const once = `${urgency}${kind}：${notice.title}。${notice.body}`;
  const twice = `${once} ${words.again}${once}`;
  const repeat = notice.priority !== "normal";
  const speech = repeat && twice.length <= MAX_SPEECH ? twice : once.slice(0, MAX_SPEECH);
  return {
    noticeId: notice.id,
    scene: `notice-${notice.priority}`,
    kicker,
    title: notice.title,
    body: notice.body,
    heard: words.heard,
    hint: words.hint,
    more: waiting.length > 1 ? words.more.replace("{count}", String(waiting.length - 1)) : null,
    speech,
    key: `notice|${notice.id}|${notice.publishedAt}`,
  };
}
