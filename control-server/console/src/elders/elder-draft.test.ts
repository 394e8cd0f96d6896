import { describe, expect, it } from "vitest";
import type { ElderRecord } from "../api/types";
import {
  type ContactDraft,
  draftFromRecord,
  type ElderDraft,
  emptyDraft,
  moveContact,
  toElderInput,
  validateElderDraft,
} from "./elder-draft";

const contact = (name: string, phone: string, relation = "儿子"): ContactDraft => ({
  key: name,
  name,
  relation,
  phone,
  maskedPhone: null,
});

const good: ElderDraft = {
  ...emptyDraft("xiangbin", null),
  name: "王秀英",
  address: "湘滨社区 3 栋 2 单元 101",
  contacts: [contact("王强", "13812345678")],
};

describe("elder profile checks", () => {
  it("accepts a complete profile, and leaves an empty key holder out", () => {
    expect(validateElderDraft(good)).toEqual({});
    expect(toElderInput({ ...good, name: " 王秀英 " })).toMatchObject({
      name: "王秀英",
      keyHolder: null,
      emergencyContacts: [{ name: "王强", relation: "儿子", phone: "13812345678" }],
      terminalId: null,
    });
  });

  it("names each mistake beside its field", () => {
    expect(
      validateElderDraft({
        ...good,
        name: " ",
        address: "",
        keyHolder: contact("", "139"),
        contacts: [contact("王强", "not a phone"), contact("", "")],
      }),
    ).toEqual({
      name: "elder.nameRequired",
      address: "elder.addressRequired",
      "keyHolder.name": "elder.contactNameRequired",
      "keyHolder.phone": "elder.phoneInvalid",
      "contacts.0.phone": "elder.phoneInvalid",
      "contacts.1.name": "elder.contactNameRequired",
      "contacts.1.phone": "elder.phoneRequired",
    });
    expect(
      validateElderDraft({ ...good, contacts: Array.from({ length: 6 }, () => good.contacts[0]!) }),
    ).toMatchObject({ contacts: "elder.contactsTooMany" });
  });

  it("asks for a number the server masked to be typed again", () => {
    const draft = draftFromRecord({
      id: "e1",
      communityId: "xiangbin",
      name: "王秀英",
      address: "湘滨社区",
      livingSituation: "独居",
      conditions: ["高血压"],
      medicationNotes: "",
      keyHolder: null,
      emergencyContacts: [{ name: "王强", relation: "儿子", phone: "138****5678" }],
      terminalId: null,
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-01-01T00:00:00.000Z",
    } satisfies ElderRecord);
    expect(draft.contacts[0]).toMatchObject({ phone: "", maskedPhone: "138****5678" });
    expect(validateElderDraft(draft)["contacts.0.phone"]).toBe("elder.phoneMaskedRetype");
  });

  it("moves contacts in the calling order, and not past either end", () => {
    const list = [contact("甲", "13800000001"), contact("乙", "13800000002"), contact("丙", "13800000003")];
    expect(moveContact(list, 2, -1).map((c) => c.name)).toEqual(["甲", "丙", "乙"]);
    expect(moveContact(list, 0, 1).map((c) => c.name)).toEqual(["乙", "甲", "丙"]);
    expect(moveContact(list, 0, -1)).toBe(list);
    expect(moveContact(list, 2, 1)).toBe(list);
  });
});
