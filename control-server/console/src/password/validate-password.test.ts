import { describe, expect, it } from "vitest";
import { validatePasswordDraft } from "./validate-password";

describe("password change checks", () => {
  it("accepts a new password of ten characters typed twice", () => {
    expect(validatePasswordDraft({ current: "old", next: "0123456789", repeat: "0123456789" })).toEqual({});
  });

  it("names what is wrong", () => {
    expect(validatePasswordDraft({ current: "", next: "short", repeat: "" })).toEqual({
      current: "password.currentRequired",
      next: "password.tooShort",
    });
    expect(
      validatePasswordDraft({ current: "0123456789", next: "0123456789", repeat: "0123456789" }).next,
    ).toBe("password.sameAsCurrent");
    expect(validatePasswordDraft({ current: "old", next: "0123456789", repeat: "0123456780" })).toEqual({
      repeat: "password.mismatch",
    });
  });
});
