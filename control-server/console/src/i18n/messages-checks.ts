/** 今日平安 (daily check tasks) and the warning strip for elder units gone offline: zh-CN first. */
export const checksZhCN = {
  "nav.checks": "今日平安",
  "nav.openChecks": "位老人待联系",

  "checks.title": "今日平安",
  "checks.intro":
    "到了每天的报平安时间，这些老人还没有在终端上按「我很好」。请打电话或上门确认老人平安，再填写联系结果。老人之后按了「我很好」，任务会自动关闭。",
  "checks.loading": "正在加载…",
  "checks.loadFailed": "今日平安任务加载失败：{message}",
  "checks.open": "待联系（{count}）",
  "checks.openEmpty": "所有老人都已报平安，或都已联系过。",
  "checks.done": "最近已处理（{count}）",
  "checks.doneEmpty": "最近没有处理过的任务。",
  "checks.caption": "未报平安的老人，共 {count} 位",
  "checks.doneCaption": "最近已处理的任务，共 {count} 条",
  "checks.readOnly": "您的角色只能查看，不能关闭任务。",
  "checkColumn.elder": "老人",
  "checkColumn.date": "日期",
  "checkColumn.contact": "联系结果",
  "checkColumn.doneBy": "处理人",
  "check.noteLabel": "联系结果：{name}",
  "check.notePlaceholder": "例如：已电话联系，老人在女儿家",
  "check.submit": "已联系",
  "check.saving": "正在保存…",
  "check.required": "请先写下联系结果。",
  "check.closed": "已记录：{name} 平安。",
  "check.failed": "保存失败：{message}",
  "check.alreadyClosed": "这条任务已经关闭（老人已报平安或已有人联系），列表已刷新",
  "check.byElder": "老人自己",

  "offline.title": "居家终端离线 · {count} 台",
  "offline.intro": "离线期间老人按呼叫键，中心收不到。请电话联系老人，或派人上门查看。",
  "offline.since": "离线自 {time}（{relative}）",
  "offline.acknowledge": "知道了",
  "offline.acknowledgeFor": "知道了 · {name}",
  "offline.announce": "居家终端离线：{name}。",
  "offline.back": "居家终端已恢复在线：{name}。",

  "auditAction.check_task.done": "关闭今日平安任务",
} satisfies Record<string, string>;

export const checksEn: Record<keyof typeof checksZhCN, string> = {
  "nav.checks": "Daily check-in",
  "nav.openChecks": "elders to contact",

  "checks.title": "Daily check-in",
  "checks.intro":
    "By today's check-in hour these elders had not pressed “I'm fine” on their unit. Call or visit to make sure they are well, then record what you found. A later press of “I'm fine” closes the task by itself.",
  "checks.loading": "Loading…",
  "checks.loadFailed": "Could not load the check-in tasks: {message}",
  "checks.open": "To contact ({count})",
  "checks.openEmpty": "Every elder has checked in, or has been contacted.",
  "checks.done": "Recently closed ({count})",
  "checks.doneEmpty": "No task was closed recently.",
  "checks.caption": "Elders who did not check in, {count} in all",
  "checks.doneCaption": "Recently closed tasks, {count} in all",
  "checks.readOnly": "Your role can read these tasks but not close them.",
  "checkColumn.elder": "Elder",
  "checkColumn.date": "Day",
  "checkColumn.contact": "What you found",
  "checkColumn.doneBy": "Closed by",
  "check.noteLabel": "What you found: {name}",
  "check.notePlaceholder": "For example: phoned, she is at her daughter's",
  "check.submit": "Contacted",
  "check.saving": "Saving…",
  "check.required": "Please write what you found first.",
  "check.closed": "Recorded: {name} is well.",
  "check.failed": "Could not save: {message}",
  "check.alreadyClosed":
    "this task is already closed (the elder checked in, or someone contacted them); the list has been refreshed",
  "check.byElder": "the elder",

  "offline.title": "Elder units offline · {count}",
  "offline.intro":
    "While a unit is offline, the centre does not hear the elder's call button. Phone the elder, or send someone to look.",
  "offline.since": "offline since {time} ({relative})",
  "offline.acknowledge": "Got it",
  "offline.acknowledgeFor": "Got it · {name}",
  "offline.announce": "Elder unit offline: {name}.",
  "offline.back": "Elder unit back online: {name}.",

  "auditAction.check_task.done": "Check-in task closed",
};
