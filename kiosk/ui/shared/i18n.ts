/**
 * The terminals' words, zh-CN first and English second, shared by the kiosk and the elder unit.
 * A typed dictionary: every key must exist in every language, so a missing translation fails the build.
 */

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];

const zhCN = {
  "brand.name": "邻里 · 社区服务",
  "brand.tagline": "社区服务中心 自助服务终端",
  "elder.brand": "邻里 · 居家呼叫",

  "elder.sos": "紧急呼叫",
  "elder.sosHint": "按下就会呼叫社区服务中心",
  "elder.sosBusy": "正在呼叫…",
  "elder.sosFailed": "呼叫没有成功，请再按一次，或直接拨打 120",
  "elder.noRuntime": "紧急情况请直接拨打 120",

  "alarm.sending": "正在呼叫服务中心…",
  "alarm.sendingHint": "请稍候",
  "alarm.sendingSpeech": "正在呼叫服务中心，请稍候。",
  "alarm.unreachable": "暂时联系不上服务中心，正在重试",
  "alarm.unreachableHint": "您的呼叫已保存在本机，会一直重试",
  "alarm.unreachableSpeech": "暂时联系不上服务中心，本机正在重试。",
  "alarm.phone": "请直接拨打 120，或家人电话",
  "alarm.phoneHint": "本机仍在继续呼叫服务中心",
  "alarm.phoneSpeech": "暂时联系不上服务中心。请直接拨打 120，或者给家人打电话。本机仍在继续呼叫服务中心。",
  "alarm.received": "服务中心已收到您的呼叫，正在安排人员",
  "alarm.receivedHint": "有人接听时，本机会告诉您",
  "alarm.receivedOfflineHint": "网络暂时中断，本机正在重新连接",
  "alarm.receivedSpeech": "服务中心已收到您的呼叫，正在安排人员，请稍候。",
  "alarm.acknowledged": "{name}已接听，救助人员马上就到",
  "alarm.acknowledgedSpeech": "{name}已接听，救助人员马上就到。请在家等候。",
  "alarm.someone": "服务中心",
  "alarm.acknowledgedHint": "请在家等候",
  "alarm.resolved": "本次求助已处理完毕",
  "alarm.resolvedSpeech": "本次求助已处理完毕。",
  "alarm.cancelled": "已取消，如需帮助请再按紧急呼叫",
  "alarm.cancelledSpeech": "已取消。如需帮助，请再按紧急呼叫。",
  "alarm.closedHint": "按确认键返回",
  "alarm.cancel": "误报取消",
  "alarm.cancelConfirm": "再按一次确认取消",
  "alarm.cancelConfirmSpeech": "再按一次确认取消。",

  "link.online": "在线",
  "link.connecting": "正在连接",
  "link.enrolling": "正在登记本终端",
  "link.offline": "网络中断，正在重试",
  "link.refused": "终端未注册或已被停用",
  "link.enrollmentFailed": "终端尚未登记成功",
  "link.onlineHint": "已连接社区服务中心",
  "link.connectingHint": "请稍候",
  "link.offlineHint": "本机会自动重新连接",
  "link.staffHint": "请联系工作人员处理",
  "link.detail": "详情：{detail}",

  "bridge.unreachable": "终端程序没有响应",
  "bridge.unreachableHint": "正在重新连接本机服务，请稍候",
  "bridge.missing": "终端程序未连接",
  "bridge.missingHint": "请由终端程序打开本页面",

  "outbox.pending": "{count} 条记录已保存在本机，网络恢复后自动发送",
  "outbox.rejected": "{count} 条记录未被服务器接受，请联系工作人员",

  "device.unavailable": "{device}暂时无法使用",
  "device.degraded": "{device}工作不正常",
  "device.printer": "打印机",
  "device.idCard": "身份证读卡器",
  "device.camera": "摄像头",
  "device.scanner": "扫描仪",
  "device.buttons": "呼叫按键",
  "device.pendant": "随身呼叫器",
  "device.speaker": "扬声器",
  "device.microphone": "麦克风",
  "device.touch": "触摸屏",
  "device.unknown": "设备“{name}”",

  "footer.terminal": "终端编号 {id}",
  "footer.unenrolled": "终端未登记",
  "footer.version": "版本 {version}",
  loading: "正在启动…",
} satisfies Record<string, string>;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  "brand.name": "Linli · Community Services",
  "brand.tagline": "Community service centre self-service terminal",
  "elder.brand": "Linli · Home Help",

  "elder.sos": "Emergency call",
  "elder.sosHint": "Press to call the community service centre",
  "elder.sosBusy": "Calling…",
  "elder.sosFailed": "The call did not go through. Press again, or dial 120",
  "elder.noRuntime": "In an emergency, dial 120",

  "alarm.sending": "Calling the service centre…",
  "alarm.sendingHint": "Please wait",
  "alarm.sendingSpeech": "Calling the service centre, please wait.",
  "alarm.unreachable": "Cannot reach the service centre, still trying",
  "alarm.unreachableHint": "Your call is saved on this unit and it keeps trying",
  "alarm.unreachableSpeech": "Cannot reach the service centre right now. This unit keeps trying.",
  "alarm.phone": "Please dial 120, or call your family",
  "alarm.phoneHint": "This unit keeps calling the service centre",
  "alarm.phoneSpeech":
    "Cannot reach the service centre. Please dial 120, or call your family. This unit keeps calling the service centre.",
  "alarm.received": "The service centre has your call and is finding someone",
  "alarm.receivedHint": "You will hear when someone takes your call",
  "alarm.receivedOfflineHint": "The network is down for now; this unit is reconnecting",
  "alarm.receivedSpeech": "The service centre has your call and is finding someone. Please wait.",
  "alarm.acknowledged": "{name} took your call, help is on the way",
  "alarm.acknowledgedSpeech": "{name} took your call. Help is on the way. Please stay at home.",
  "alarm.someone": "The service centre",
  "alarm.acknowledgedHint": "Please stay at home",
  "alarm.resolved": "Your call for help has been dealt with",
  "alarm.resolvedSpeech": "Your call for help has been dealt with.",
  "alarm.cancelled": "Cancelled. If you need help, press Emergency call again",
  "alarm.cancelledSpeech": "Cancelled. If you need help, press Emergency call again.",
  "alarm.closedHint": "Press OK to go back",
  "alarm.cancel": "False alarm, cancel",
  "alarm.cancelConfirm": "Press again to cancel",
  "alarm.cancelConfirmSpeech": "Press again to confirm cancelling.",

  "link.online": "Online",
  "link.connecting": "Connecting",
  "link.enrolling": "Enrolling this terminal",
  "link.offline": "Network down, retrying",
  "link.refused": "Terminal not registered or disabled",
  "link.enrollmentFailed": "Terminal not enrolled yet",
  "link.onlineHint": "Connected to the community service centre",
  "link.connectingHint": "Please wait",
  "link.offlineHint": "This terminal reconnects by itself",
  "link.staffHint": "Please ask a member of staff",
  "link.detail": "Detail: {detail}",

  "bridge.unreachable": "The terminal program is not responding",
  "bridge.unreachableHint": "Reconnecting to the local service, please wait",
  "bridge.missing": "Not connected to the terminal program",
  "bridge.missingHint": "Open this page from the terminal program",

  "outbox.pending": "{count} records saved on this terminal; they are sent when the network is back",
  "outbox.rejected": "{count} records were not accepted by the server; please ask a member of staff",

  "device.unavailable": "{device} is not available right now",
  "device.degraded": "{device} is not working properly",
  "device.printer": "The printer",
  "device.idCard": "The ID card reader",
  "device.camera": "The camera",
  "device.scanner": "The scanner",
  "device.buttons": "The call buttons",
  "device.pendant": "The wearable call button",
  "device.speaker": "The speaker",
  "device.microphone": "The microphone",
  "device.touch": "The touch screen",
  "device.unknown": "Device “{name}”",

  "footer.terminal": "Terminal {id}",
  "footer.unenrolled": "Terminal not enrolled",
  "footer.version": "Version {version}",
  loading: "Starting…",
};

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** The locale staff set for this terminal (`settings.locale`), zh-CN unless it names English. */
export function pickLocale(setting: unknown): Locale {
  return typeof setting === "string" && setting.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

/** 14:05 */
export function formatClock(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    date,
  );
}

/** 2025年6月3日 星期二 */
export function formatDate(date: Date, locale: Locale): string {
  const day = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric" }).format(
    date,
  );
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "long" }).format(date);
  return locale === "en" ? `${weekday}, ${day}` : `${day} ${weekday}`;
}
