import { describe, expect, it } from "vitest";
import type { AuditEntry, StaffAccount } from "../api/types";
import { dictionaries, type MessageKey } from "../i18n/messages";
import { auditAction, auditActor, auditDetail, auditTarget, type Names } from "./audit-words";

const t = (key: MessageKey, params?: Record<string, string | number>) =>
  dictionaries["zh-CN"][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole));

const admin: StaffAccount = {
  id: "5f0c2a9e-0000-4000-8000-000000000001",
  username: "admin",
  displayName: "管理员",
  role: "admin",
  communityId: null,
  disabled: false,
  lockedUntil: null,
  createdAt: "2025-01-01T00:00:00.000Z",
};
const names: Names = {
  staff: new Map([[admin.id, admin]]),
  terminals: new Map(),
  communities: new Map([["yanggao", "阳高社区"]]),
};
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: "2025-01-01T00:00:00.000Z",
  actorType: "staff",
  actorId: admin.id,
  action: "auth.login",
  targetType: null,
  targetId: null,
  detail: {},
  ip: "127.0.0.1",
  ...over,
});

describe("audit log wording", () => {
  it("names known actions and shows others as recorded", () => {
    expect(auditAction("auth.login", t)).toBe("登录");
    expect(auditAction("terminal.enrollment_code.create", t)).toBe("生成注册码");
    expect(auditAction("gate.open", t)).toBe("gate.open");
  });

  it("shows a staff member by display name and a terminal by its short id", () => {
    expect(auditActor(entry({}), names, t).text).toBe("管理员");
    expect(auditActor(entry({ actorType: "anonymous", actorId: null }), names, t).text).toBe("匿名");
    const terminal = auditTarget(
      entry({ targetType: "terminal", targetId: "0123456789abcdef-terminal" }),
      names,
      t,
    );
    expect(terminal).toEqual({ text: "终端 01234567", id: "0123456789abcdef-terminal" });
  });

  it("writes details as key: value pairs, naming communities and roles and shortening ids", () => {
    expect(auditDetail({ username: "li.ming", failures: 2 }, names, t)).toBe(
      "username: li.ming · failures: 2",
    );
    expect(
      auditDetail(
        {
          role: "community_staff",
          communityId: "yanggao",
          commandId: "ff657eff-6475-472f-bd67-52af87baedbd",
        },
        names,
        t,
      ),
    ).toBe("role: 社区工作人员 · communityId: 阳高社区 · commandId: ff657eff");
    expect(auditDetail({ communityId: null }, names, t)).toBe("communityId: —");
  });
});
