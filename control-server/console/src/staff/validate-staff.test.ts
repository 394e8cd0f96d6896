import { describe, expect, it } from "vitest";
import { type StaffDraft, validateStaffDraft } from "./validate-staff";

const good: StaffDraft = {
  username: "li.ming",
  displayName: "李明",
  password: "0123456789",
  role: "dispatcher",
  communityId: "",
};

describe("new staff account checks", () => {
  it("accepts a complete account", () => {
    expect(validateStaffDraft(good)).toEqual({});
  });

  it("names each mistake beside its field", () => {
    expect(
      validateStaffDraft({
        username: "李",
        displayName: " ",
        password: "short",
        role: "admin",
        communityId: "",
      }),
    ).toEqual({
      username: "staff.usernameInvalid",
      displayName: "staff.displayNameRequired",
      password: "staff.passwordTooShort",
    });
    expect(validateStaffDraft({ ...good, username: "" }).username).toBe("staff.usernameRequired");
  });

  it("requires a community for community staff only", () => {
    expect(validateStaffDraft({ ...good, role: "community_staff" }).communityId).toBe(
      "staff.communityRequired",
    );
    expect(validateStaffDraft({ ...good, role: "community_staff", communityId: "xiangbin" })).toEqual({});
  });
});
