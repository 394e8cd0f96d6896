import { decodeEscPos } from "@linli/hardware/printer/escpos-decoder";
import { describe, expect, it } from "vitest";
import { encodeReceipt, maskName, targetDate } from "./receipt-printout";

describe("the printed receipt", () => {
  it("decodes (GB18030) to the community, service, code in large print, masked name, target, missing materials and the QR", () => {
    const [document, ...more] = decodeEscPos(
      encodeReceipt({
        communityName: "湘滨社区服务中心",
        serviceName: "居住证",
        department: "县公安局",
        receiptCode: "K7M2-9QXD-4HTP",
        applicantName: "欧阳秀英",
        // A Friday: five working days later is the next Friday.
        submittedAt: new Date(2026, 10, 27, 9, 30).toISOString(),
        targetDays: 5,
        missing: [{ name: "房屋租赁合同" }, { name: "一寸免冠照片" }],
        progressUrl: "http://192.168.1.10:8080/r/K7M2-9QXD-4HTP",
      }),
    );
    expect(more).toEqual([]);
    const texts = document!.items.flatMap((item) => (item.kind === "text" ? [item] : []));
    const lines = texts.map((item) => item.text);
    expect(lines).toEqual(
      expect.arrayContaining([
        "湘滨社区服务中心",
        "居住证",
        "申请人：欧**英",
        "提交时间：2026-11-27 09:30",
        "承诺办结：2026-12-04 前（5 个工作日）",
        "  · 房屋租赁合同",
        "  · 一寸免冠照片",
        "请用手机扫码查看办理进度",
      ]),
    );
    expect(texts.find((item) => item.text === "K7M2-9QXD-4HTP")).toMatchObject({
      width: 2,
      height: 2,
      bold: true,
    });
    expect(document!.items.filter((item) => item.kind === "qr")).toEqual([
      expect.objectContaining({ data: "http://192.168.1.10:8080/r/K7M2-9QXD-4HTP" }),
    ]);
    expect(document!.cut).toBe("partial");
    expect(document!.unknownCommands).toEqual([]);
  });

  it("says the materials are complete when nothing is missing, and leaves the target out when unknown", () => {
    const [document] = decodeEscPos(
      encodeReceipt({
        communityName: "湘滨社区服务中心",
        serviceName: "失业登记",
        department: "",
        receiptCode: "0000-1111-2222",
        applicantName: "王强",
        submittedAt: new Date().toISOString(),
        targetDays: null,
        missing: [],
        progressUrl: "http://x.example/r/0000-1111-2222",
      }),
    );
    const text = document!.items.flatMap((item) => (item.kind === "text" ? [item.text] : []));
    expect(text).toContain("材料：已齐全");
    expect(text).toContain("申请人：王*");
    expect(text.some((line) => line.startsWith("承诺办结"))).toBe(false);
  });

  it("masks names and counts working days", () => {
    expect(maskName("李晓梅")).toBe("李*梅");
    expect(maskName("王强")).toBe("王*");
    expect(maskName("欧阳秀英")).toBe("欧**英");
    expect(maskName("A")).toBe("A");
    // Saturday 28 Nov 2026 + 1 working day = Monday 30 Nov.
    expect(targetDate(new Date(2026, 10, 28, 12), 1).getDate()).toBe(30);
  });
});
