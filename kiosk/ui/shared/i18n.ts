/**
 * The terminals' words, zh-CN first and English second, shared by the kiosk and the elder unit.
 * A typed dictionary: every key must exist in every language, so a missing translation fails the build.
 */

import { kioskApplyEn, kioskApplyZhCN } from "./messages/kiosk-apply";
import { kioskPublicEn, kioskPublicZhCN } from "./messages/kiosk-public";

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

  "elder.checkin": "我很好",
  "elder.checkinDone": "今天已报平安",
  "elder.checkinSpeech": "好的，今天已报平安。",
  "elder.checkinFailed": "没有报上平安，请再按一次",
  "elder.services": "叫服务",
  "elder.servicesActive": "{count} 项在办理",
  "elder.call": "呼叫中心",
  "elder.back": "返回",

  "service.meals": "助餐送餐",
  "service.housekeeping": "家政保洁",
  "service.medical": "上门医疗",
  "service.companionship": "陪伴聊天",
  "service.repairs": "上门维修",
  "service.pickTitle": "您需要什么服务？",
  "service.pickSpeech": "您需要什么服务？请按屏幕上的服务。不需要请按返回。",
  "service.current": "正在办理：{service}，{status}",
  "service.currentMore": "共 {count} 项正在办理",
  "service.status.waiting": "等待受理",
  "service.status.accepted": "已受理",
  "service.status.dispatched": "已派单",
  "service.status.in-progress": "正在服务",
  "service.waiting": "已为您预约{service}，正在等待社区受理",
  "service.waitingHint": "社区受理后，本机会告诉您",
  "service.waitingOfflineHint": "已保存在本机，网络恢复后自动发送",
  "service.waitingSpeech": "已为您预约{service}，正在等待社区受理。",
  "service.accepted": "社区已受理您的{service}，正在安排人员",
  "service.acceptedHint": "派了人，本机会告诉您是谁来",
  "service.acceptedSpeech": "社区已受理您的{service}，正在安排人员。",
  "service.dispatched": "已派单，{provider}为您服务",
  "service.dispatchedHint": "{service}，请在家等候",
  "service.dispatchedSpeech": "您的{service}已派单，由{provider}为您服务，请在家等候。",
  "service.inProgress": "{provider}已上门，正在为您服务",
  "service.inProgressHint": "做完后，请您说说满不满意",
  "service.inProgressSpeech": "{provider}已上门，正在为您服务。",
  "service.someone": "服务人员",
  "service.done": "{service}已完成，您满意吗？",
  "service.doneHint": "确认键是满意，取消键是不满意",
  "service.doneSpeech": "{service}已完成。您满意吗？满意请按确认键，不满意请按取消键。",
  "service.rateGood": "满意",
  "service.rateBad": "不满意",
  "service.rateNotDone": "没有完成",
  "service.rateSkip": "跳过",
  "service.thanks": "谢谢您的评价",
  "service.thanksSpeech": "谢谢您的评价。",
  "service.followup": "已转告社区，工作人员会尽快跟进",
  "service.followupHint": "有进展时，本机会告诉您",
  "service.followupSpeech": "已转告社区，工作人员会尽快跟进处理。",
  "service.refused": "{service}暂时叫不了",
  "service.refusedHint": "本社区暂未开通这项服务，请按呼叫键和服务中心说",
  "service.refusedSpeech": "{service}暂时叫不了，本社区还没有开通这项服务。请按呼叫键，和服务中心说。",
  "service.cancelled": "社区已取消您的{service}",
  "service.cancelledHint": "如有需要，请再按叫服务",
  "service.cancelledSpeech": "社区已取消您的{service}。如有需要，请再按叫服务。",
  "service.others": "另有 {count} 项服务正在办理",
  "service.failed": "预约没有成功，请再按一次",
  "service.rateFailed": "评价没有成功，请再按一次",

  "call.ringing": "正在呼叫服务中心",
  "call.ringingHint": "请稍候，接通后直接说话就可以",
  "call.ringingSpeech": "正在呼叫服务中心，请稍候。",
  "call.talking": "{name}正在与您通话",
  "call.incoming": "服务中心来电",
  "call.connectingHint": "正在接通声音，请稍候",
  "call.mediaFailedHint": "声音没有接通，请挂断后再试",
  "call.talkingHint": "请直接说话，说完按挂断",
  "call.noMicHint": "麦克风用不了：您能听到对方，对方听不到您",
  "call.acceptedSpeech": "{name}已接听，请直接说话。",
  "call.incomingSpeech": "服务中心来电，{name}正在与您通话，请直接说话。",
  "call.someone": "工作人员",
  "call.hangup": "挂断",
  "call.endedSpeech": "通话已结束。",
  "call.lostSpeech": "网络中断，通话已结束。",
  "call.unavailable": "服务中心暂时没有人能接听",
  "call.unanswered": "暂时没有人接听",
  "call.unavailableHint": "请稍后再试，或直接打电话给社区服务中心",
  "call.unavailableSpeech":
    "服务中心暂时没有人能接听。请稍后再试，或者直接打电话给社区服务中心。紧急情况请按紧急呼叫。",
  "call.unansweredSpeech": "暂时没有人接听。请稍后再试，或者直接打电话给社区服务中心。紧急情况请按紧急呼叫。",

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
  ...kioskPublicZhCN,
  ...kioskApplyZhCN,
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

  "elder.checkin": "I'm fine",
  "elder.checkinDone": "Done today",
  "elder.checkinSpeech": "Thank you. You have checked in for today.",
  "elder.checkinFailed": "The check-in did not go through. Press again",
  "elder.services": "Services",
  "elder.servicesActive": "{count} under way",
  "elder.call": "Call us",
  "elder.back": "Back",

  "service.meals": "Meals",
  "service.housekeeping": "Cleaning",
  "service.medical": "Home doctor",
  "service.companionship": "Company",
  "service.repairs": "Repairs",
  "service.pickTitle": "Which service do you need?",
  "service.pickSpeech": "Which service do you need? Press one on the screen, or press Back.",
  "service.current": "Under way: {service}, {status}",
  "service.currentMore": "{count} under way",
  "service.status.waiting": "waiting",
  "service.status.accepted": "accepted",
  "service.status.dispatched": "someone assigned",
  "service.status.in-progress": "being done",
  "service.waiting": "{service} booked, waiting for the centre",
  "service.waitingHint": "You will hear when the centre accepts it",
  "service.waitingOfflineHint": "Saved on this unit; it is sent when the network is back",
  "service.waitingSpeech": "{service} booked. Waiting for the centre to accept it.",
  "service.accepted": "The centre accepted your {service}, finding someone",
  "service.acceptedHint": "You will hear who is coming",
  "service.acceptedSpeech": "The centre accepted your {service} and is finding someone.",
  "service.dispatched": "{provider} will come to help you",
  "service.dispatchedHint": "{service}. Please stay at home",
  "service.dispatchedSpeech": "Your {service}: {provider} will come to help you. Please stay at home.",
  "service.inProgress": "{provider} is here and at work",
  "service.inProgressHint": "When it is done, tell us if you are happy",
  "service.inProgressSpeech": "{provider} is here and at work.",
  "service.someone": "Someone",
  "service.done": "{service} is done. Are you happy with it?",
  "service.doneHint": "OK means happy, Cancel means not happy",
  "service.doneSpeech":
    "{service} is done. Are you happy with it? Press OK if you are, Cancel if you are not.",
  "service.rateGood": "Happy",
  "service.rateBad": "Not happy",
  "service.rateNotDone": "Not done",
  "service.rateSkip": "Skip",
  "service.thanks": "Thank you",
  "service.thanksSpeech": "Thank you for telling us.",
  "service.followup": "The centre has been told and will follow up",
  "service.followupHint": "You will hear when something happens",
  "service.followupSpeech": "The centre has been told and will follow up.",
  "service.refused": "{service} cannot be ordered here",
  "service.refusedHint": "Your community does not offer it yet: press Call to talk to the centre",
  "service.refusedSpeech":
    "{service} cannot be ordered: your community does not offer it yet. Press Call to talk to the centre.",
  "service.cancelled": "The centre cancelled your {service}",
  "service.cancelledHint": "If you still need it, press Services again",
  "service.cancelledSpeech":
    "The centre cancelled your {service}. If you still need it, press Services again.",
  "service.others": "{count} more under way",
  "service.failed": "The booking did not go through. Press again",
  "service.rateFailed": "Your answer did not go through. Press again",

  "call.ringing": "Calling the service centre",
  "call.ringingHint": "Please wait; once answered, just speak",
  "call.ringingSpeech": "Calling the service centre, please wait.",
  "call.talking": "{name} is talking with you",
  "call.incoming": "The service centre is calling",
  "call.connectingHint": "Connecting the sound, please wait",
  "call.mediaFailedHint": "The sound did not connect; hang up and try again",
  "call.talkingHint": "Just speak; press Hang up when you are done",
  "call.noMicHint": "The microphone does not work: you can hear them, they cannot hear you",
  "call.acceptedSpeech": "{name} answered. Please just speak.",
  "call.incomingSpeech": "The service centre is calling. {name} is talking with you. Please just speak.",
  "call.someone": "A member of staff",
  "call.hangup": "Hang up",
  "call.endedSpeech": "The call has ended.",
  "call.lostSpeech": "The network went down. The call has ended.",
  "call.unavailable": "Nobody at the centre can answer right now",
  "call.unanswered": "Nobody answered",
  "call.unavailableHint": "Please try again later, or phone the service centre",
  "call.unavailableSpeech":
    "Nobody at the centre can answer right now. Please try again later, or phone the service centre. In an emergency, press Emergency call.",
  "call.unansweredSpeech":
    "Nobody answered. Please try again later, or phone the service centre. In an emergency, press Emergency call.",

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
  ...kioskPublicEn,
  ...kioskApplyEn,
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

/** 6月3日 星期二: the elder unit's date, without the year an elder does not need. */
export function formatShortDate(date: Date, locale: Locale): string {
  if (locale === "en") {
    return new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "long" }).format(date);
  }
  const day = new Intl.DateTimeFormat(locale, { month: "long", day: "numeric" }).format(date);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "long" }).format(date);
  return `${day} ${weekday}`;
}

/** 2025年6月3日 星期二 */
export function formatDate(date: Date, locale: Locale): string {
  const day = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric" }).format(
    date,
  );
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "long" }).format(date);
  return locale === "en" ? `${weekday}, ${day}` : `${day} ${weekday}`;
}
