import { describe, expect, it } from "vitest";
import {
  cardHolderName,
  cardNumberOf,
  encodeIdCardText,
  ID_CARD_TEXT_LENGTH,
  parseIdCardText,
} from "./id-card-text";
import { idNumberCheckCharacter, isValidIdNumber, maskIdNumber } from "./id-number";
import { sampleCards } from "./sample-cards";

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");

describe("ID number check digit (ISO 7064 MOD 11-2)", () => {
  it("accepts the GB 11643 example and the sample cards", () => {
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("11010519491231002x")).toBe(true);
    expect(isValidIdNumber(sampleCards.resident.idNumber)).toBe(true);
    expect(isValidIdNumber(sampleCards.elder.idNumber)).toBe(true);
    expect(isValidIdNumber(sampleCards.permit.idNumber)).toBe(true);
    expect(isValidIdNumber(sampleCards.foreign2023.cardNumber)).toBe(true);
  });

  it("rejects a wrong check digit, a typo and the wrong shape", () => {
    expect(isValidIdNumber("430302198503122429")).toBe(false);
    expect(isValidIdNumber("430302198503212428")).toBe(false);
    expect(isValidIdNumber("43030219850312242")).toBe(false);
    expect(isValidIdNumber("43030219850312242A")).toBe(false);
    expect(idNumberCheckCharacter("43030219850312242")).toBe("8");
    expect(() => idNumberCheckCharacter("4303")).toThrow(RangeError);
  });

  it("masks all but the first three and last four characters", () => {
    expect(maskIdNumber("430302198503122428")).toBe("430***********2428");
    expect(maskIdNumber("CAN430085031201")).toBe("CAN********1201");
  });
});

function residentBlock(): Buffer {
  // Hand-built from the table in hardware.md: UCS-2LE fields padded with 20 00.
  const block = Buffer.from(" ".repeat(128), "utf16le");
  const put = (offset: number, text: string) => block.set(Buffer.from(text, "utf16le"), offset);
  put(0, "李晓梅");
  put(30, "2");
  put(32, "01");
  put(36, "19850312");
  put(52, "湖南省湘潭市雨湖区建设北路16号3栋2单元501室");
  put(122, "430302198503122428");
  put(158, "湘潭市公安局雨湖分局");
  put(188, "20150610");
  put(204, "20350610");
  return block;
}

describe("text block", () => {
  it("is UCS-2 little-endian (hex fixture of the name and sex fields)", () => {
    const block = residentBlock();
    expect(block.subarray(0, 8)).toEqual(hex("4E 67 53 66 85 68 20 00"));
    expect(block.subarray(30, 36)).toEqual(hex("32 00 30 00 31 00"));
    expect(block.subarray(248, 250)).toEqual(hex("20 00"));
  });

  it("parses a resident card with trimmed fields, nation name and a validated number", () => {
    const photo = Buffer.alloc(1024, 7);
    const card = parseIdCardText(residentBlock(), photo);
    expect(card).toEqual({
      type: "resident",
      name: "李晓梅",
      sex: "female",
      nationCode: "01",
      nation: "汉",
      birthDate: "19850312",
      address: "湖南省湘潭市雨湖区建设北路16号3栋2单元501室",
      idNumber: "430302198503122428",
      idNumberValid: true,
      issuingAuthority: "湘潭市公安局雨湖分局",
      validFrom: "20150610",
      validTo: "20350610",
      photo,
    });
  });

  it("flags a resident card whose number fails the check digit", () => {
    const block = residentBlock();
    block.set(Buffer.from("9", "utf16le"), 122 + 17 * 2);
    const card = parseIdCardText(block, Buffer.alloc(0));
    expect(card.type === "resident" && card.idNumberValid).toBe(false);
  });

  it("accepts NUL padding as well as spaces", () => {
    const block = residentBlock();
    block.fill(0, 6, 30);
    const card = parseIdCardText(block, Buffer.alloc(0));
    expect(card.type === "resident" && card.name).toBe("李晓梅");
  });

  it.each(Object.entries(sampleCards))("round-trips the %s sample card", (_name, card) => {
    const text = encodeIdCardText(card);
    expect(text).toHaveLength(ID_CARD_TEXT_LENGTH);
    expect(parseIdCardText(text, card.photo)).toEqual(card);
  });

  it("reads the type flag at byte 248", () => {
    expect(encodeIdCardText(sampleCards.permit).subarray(248, 250)).toEqual(hex("4A 00"));
    expect(encodeIdCardText(sampleCards.foreign2017).subarray(248, 250)).toEqual(hex("49 00"));
    expect(encodeIdCardText(sampleCards.foreign2023).subarray(248, 250)).toEqual(hex("59 00"));
  });

  it("joins the 2023 card's English name across its two fields", () => {
    const text = encodeIdCardText(sampleCards.foreign2023);
    expect(text.subarray(52, 122).toString("utf16le")).toBe("GARCIA LOPEZ, MARIA FERNANDA DE LOS");
    expect(text.subarray(220, 242).toString("utf16le").trimEnd()).toBe(" ANGELES");
  });

  it("keeps the fingerprint when present", () => {
    const fingerprint = Buffer.alloc(1024, 3);
    const card = parseIdCardText(
      encodeIdCardText(sampleCards.resident),
      sampleCards.resident.photo,
      fingerprint,
    );
    expect(card.fingerprint).toEqual(fingerprint);
  });

  it("rejects a short block, an unknown type flag and a bad sex code with a clear error", () => {
    expect(() => parseIdCardText(Buffer.alloc(100), Buffer.alloc(0))).toThrow(/100 bytes, expected 256/);
    const unknown = residentBlock();
    unknown.set(Buffer.from("Q", "utf16le"), 248);
    expect(() => parseIdCardText(unknown, Buffer.alloc(0))).toThrow(/unknown card type flag "Q"/);
    const badSex = residentBlock();
    badSex.set(Buffer.from("5", "utf16le"), 30);
    expect(() => parseIdCardText(badSex, Buffer.alloc(0))).toThrow(/sex code "5"/);
  });

  it("gives the holder's name and number of every card type", () => {
    expect(cardHolderName(sampleCards.resident)).toBe("李晓梅");
    expect(cardHolderName(sampleCards.foreign2017)).toBe("史约翰");
    expect(cardNumberOf(sampleCards.permit)).toBe("81000019900101102X");
    expect(cardNumberOf(sampleCards.foreign2023)).toBe("94372419920704002X");
  });

  it("refuses to encode a field that does not fit", () => {
    expect(() =>
      encodeIdCardText({ ...sampleCards.resident, name: "一二三四五六七八九十一二三四五六" }),
    ).toThrow(/name .* needs 32 bytes, the field has 30/);
  });
});
