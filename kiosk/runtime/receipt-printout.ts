import { EscPosEncoder } from "@linli/hardware/printer/escpos-encoder";

export interface ReceiptDetails {
  communityName: string;
  serviceName: string;
  department: string;
  receiptCode: string;
  applicantName: string;
  submittedAt: string;
  /** Working days the department promises; null when the catalogue is not known. */
  targetDays: number | null;
  missing: Array<{ name: string }>;
  progressUrl: string;
}

/** 王秀英 → 王*英, 王强 → 王*: enough for the resident to know it is theirs, not enough for a passer-by. */
export function maskName(name: string): string {
  const characters = [...name];
  if (characters.length <= 1) return name;
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${"*".repeat(characters.length - 2)}${characters.at(-1)}`;
}

/** The date `workingDays` working days after `from` (weekends skipped; holidays are the department's to add). */
export function targetDate(from: Date, workingDays: number): Date {
  const date = new Date(from);
  let left = workingDays;
  while (left > 0) {
    date.setDate(date.getDate() + 1);
    const day = date.getDay();
    if (day !== 0 && day !== 6) left--;
  }
  return date;
}

const two = (n: number) => String(n).padStart(2, "0");
const localDate = (date: Date) => `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
const localDateTime = (date: Date) => `${localDate(date)} ${two(date.getHours())}:${two(date.getMinutes())}`;

/**
 * The receipt (回执) as ESC/POS bytes, Chinese text in GB18030: the community, the service, the receipt
 * code in large print, the masked applicant, when, the promised date, what is still missing, and a QR
 * code to the public progress page with a line saying to scan it.
 */
export function encodeReceipt(receipt: ReceiptDetails): Buffer {
  const submittedAt = new Date(receipt.submittedAt);
  const printer = new EscPosEncoder().initialize();
  printer.align("center").bold().size(2, 2).line(receipt.communityName);
  printer.size(1, 1).line("办事回执").bold(false).line("");
  printer.bold().line(receipt.serviceName).bold(false).line(receipt.department).line("");
  printer.line("回执码");
  printer.bold().size(2, 2).line(receipt.receiptCode).size(1, 1).bold(false).line("");
  printer.align("left");
  printer.line(`申请人：${maskName(receipt.applicantName)}`);
  printer.line(`提交时间：${localDateTime(submittedAt)}`);
  if (receipt.targetDays !== null) {
    printer.line(
      `承诺办结：${localDate(targetDate(submittedAt, receipt.targetDays))} 前（${receipt.targetDays} 个工作日）`,
    );
  }
  printer.line("");
  if (receipt.missing.length === 0) {
    printer.line("材料：已齐全");
  } else {
    printer.bold().line("尚缺材料（请补交）：").bold(false);
    for (const material of receipt.missing) printer.line(`  · ${material.name}`);
  }
  printer.line("").align("center");
  printer.qrCode(receipt.progressUrl, { moduleSize: 6, errorCorrection: "M" });
  printer.line("").line("请用手机扫码查看办理进度").line("Scan to follow your application");
  return printer.feed(4).cut().encode();
}
