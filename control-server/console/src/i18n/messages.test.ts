import { describe, expect, it } from "vitest";
import { ApiError } from "../api/http";
import { describeSignInError } from "../sign-in/sign-in-error";
import { dictionaries, type MessageKey } from "./messages";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const t = (key: MessageKey, params?: Record<string, string | number>) =>
  dictionaries["zh-CN"][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole));

describe("console dictionary", () => {
  it("has every key in both languages with the same placeholders", () => {
    for (const [key, english] of Object.entries(dictionaries.en)) {
      const chinese = dictionaries["zh-CN"][key as MessageKey];
      expect(chinese.trim(), key).not.toBe("");
      expect(english.trim(), key).not.toBe("");
      expect(placeholders(english), key).toEqual(placeholders(chinese));
    }
  });
});

describe("sign-in errors", () => {
  it("tells a wrong password from a lock-out, and names when the lock ends", () => {
    expect(
      describeSignInError(new ApiError(401, "unauthorized", "wrong username or password"), t, "zh-CN"),
    ).toBe("用户名或密码错误，请重新输入。");
    const until = new Date(2030, 0, 1, 9, 5).toISOString();
    const locked = new ApiError(423, "forbidden", `too many failed sign-ins; try again after ${until}`);
    expect(describeSignInError(locked, t, "zh-CN")).toContain("请于 09:05 后再试");
    expect(describeSignInError(new ApiError(423, "forbidden", "later"), t, "zh-CN")).toContain("请稍后再试");
    expect(describeSignInError(new ApiError(0, "unreachable", "Failed to fetch"), t, "zh-CN")).toBe(
      "无法连接服务器，请检查网络后重试。",
    );
  });
});
