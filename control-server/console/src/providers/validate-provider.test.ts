import { describe, expect, it } from "vitest";
import { emptyProvider, toProviderInput, validateProviderDraft } from "./validate-provider";

describe("provider drafts", () => {
  it("name each missing or wrong field", () => {
    expect(validateProviderDraft(emptyProvider(null))).toEqual({
      name: "providerForm.nameRequired",
      phone: "providerForm.phoneInvalid",
      serviceCodes: "providerForm.servicesRequired",
      communityIds: "providerForm.communitiesRequired",
    });
    const draft = {
      ...emptyProvider("xiangbin"),
      name: "  湘滨爱心食堂 ",
      phone: "0731-55551234",
      serviceCodes: ["meals"],
    };
    expect(validateProviderDraft(draft)).toEqual({});
    expect(validateProviderDraft({ ...draft, name: "食".repeat(65) }).name).toBe("providerForm.nameTooLong");
    expect(validateProviderDraft({ ...draft, phone: "call me" }).phone).toBe("providerForm.phoneInvalid");
    expect(validateProviderDraft({ ...draft, phone: "+86 138 1234 5678" })).toEqual({});
    expect(toProviderInput(draft)).toEqual({
      name: "湘滨爱心食堂",
      kind: "organisation",
      phone: "0731-55551234",
      serviceCodes: ["meals"],
      communityIds: ["xiangbin"],
      active: true,
    });
  });
});
