import { isValidIdNumber } from "./id-number";

/**
 * The 256-byte text block of a resident ID card and the other card types read with the same
 * command, UCS-2 little-endian padded with spaces. Offsets and lengths in bytes, from
 * shared/references/hardware.md §1; the card type flag is at byte 248.
 */
export const ID_CARD_TEXT_LENGTH = 256;
const TYPE_FLAG_OFFSET = 248;

export type Sex = "male" | "female" | "unknown" | "unspecified";

interface CardCommon {
  /** Raw photo bytes as read (proprietary WLT format: no open decoder exists, so it is kept as is). */
  photo: Buffer;
  /** Raw fingerprint bytes when the reader was asked for them and the card has them. */
  fingerprint?: Buffer;
}

/** 居民身份证 — and the fields a Hong Kong/Macau/Taiwan residence permit shares with it. */
export interface ResidentCard extends CardCommon {
  type: "resident";
  name: string;
  sex: Sex;
  /** Two-digit GB 3304 nationality (民族) code, e.g. "01". */
  nationCode: string;
  /** The nationality's name, e.g. 汉, or undefined for an unknown code. */
  nation: string | undefined;
  /** YYYYMMDD as printed on the card. */
  birthDate: string;
  address: string;
  idNumber: string;
  /** Whether the 18th character is the right ISO 7064 MOD 11-2 check digit. */
  idNumberValid: boolean;
  issuingAuthority: string;
  validFrom: string;
  /** YYYYMMDD, or 长期 for a card that does not expire. */
  validTo: string;
}

/** 港澳台居民居住证 (flag J). */
export interface ResidencePermitCard extends Omit<ResidentCard, "type" | "nationCode" | "nation"> {
  type: "hk-mo-tw-residence-permit";
  /** The holder's Hong Kong/Macau/Taiwan travel permit number. */
  permitNumber: string;
  issueCount: string;
}

/** 外国人永久居留身份证, 2017 edition (flag I). */
export interface ForeignPermanentResidentCard2017 extends CardCommon {
  type: "foreign-permanent-resident-2017";
  englishName: string;
  chineseName: string;
  sex: Sex;
  cardNumber: string;
  /** ISO 3166-1 alpha-3 code, e.g. CAN. */
  nationality: string;
  birthDate: string;
  validFrom: string;
  validTo: string;
  cardVersion: string;
  issuingOfficeCode: string;
}

/** 外国人永久居留身份证, 2023 edition (flag Y), numbered like an 18-digit ID number. */
export interface ForeignPermanentResidentCard2023 extends CardCommon {
  type: "foreign-permanent-resident-2023";
  chineseName: string;
  englishName: string;
  sex: Sex;
  renewalCount: string;
  cardNumber: string;
  cardNumberValid: boolean;
  nationality: string;
  birthDate: string;
  validFrom: string;
  validTo: string;
}

export type IdCard =
  | ResidentCard
  | ResidencePermitCard
  | ForeignPermanentResidentCard2017
  | ForeignPermanentResidentCard2023;

/** The identifying number of any card type: what a kiosk signs a resident in with. */
export function cardNumberOf(card: IdCard): string {
  return card.type === "resident" || card.type === "hk-mo-tw-residence-permit"
    ? card.idNumber
    : card.cardNumber;
}

export function cardHolderName(card: IdCard): string {
  return card.type === "resident" || card.type === "hk-mo-tw-residence-permit" ? card.name : card.chineseName;
}

const SEX_CODES: Record<string, Sex> = { "0": "unknown", "1": "male", "2": "female", "9": "unspecified" };
const SEX_CODE_OF: Record<Sex, string> = { unknown: "0", male: "1", female: "2", unspecified: "9" };

/** GB 3304 nationality (民族) codes used on resident ID cards. */
export const NATIONS: Record<string, string> = {
  "01": "汉",
  "02": "蒙古",
  "03": "回",
  "04": "藏",
  "05": "维吾尔",
  "06": "苗",
  "07": "彝",
  "08": "壮",
  "09": "布依",
  "10": "朝鲜",
  "11": "满",
  "12": "侗",
  "13": "瑶",
  "14": "白",
  "15": "土家",
  "16": "哈尼",
  "17": "哈萨克",
  "18": "傣",
  "19": "黎",
  "20": "傈僳",
  "21": "佤",
  "22": "畲",
  "23": "高山",
  "24": "拉祜",
  "25": "水",
  "26": "东乡",
  "27": "纳西",
  "28": "景颇",
  "29": "柯尔克孜",
  "30": "土",
  "31": "达斡尔",
  "32": "仫佬",
  "33": "羌",
  "34": "布朗",
  "35": "撒拉",
  "36": "毛南",
  "37": "仡佬",
  "38": "锡伯",
  "39": "阿昌",
  "40": "普米",
  "41": "塔吉克",
  "42": "怒",
  "43": "乌孜别克",
  "44": "俄罗斯",
  "45": "鄂温克",
  "46": "德昂",
  "47": "保安",
  "48": "裕固",
  "49": "京",
  "50": "塔塔尔",
  "51": "独龙",
  "52": "鄂伦春",
  "53": "赫哲",
  "54": "门巴",
  "55": "珞巴",
  "56": "基诺",
  "97": "其他",
  "98": "外国血统中国籍人士",
};

type Layout = Record<string, readonly [offset: number, length: number]>;

const RESIDENT_LAYOUT = {
  name: [0, 30],
  sex: [30, 2],
  nationCode: [32, 4],
  birthDate: [36, 16],
  address: [52, 70],
  idNumber: [122, 36],
  issuingAuthority: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
} as const satisfies Layout;

const PERMIT_LAYOUT = {
  ...RESIDENT_LAYOUT,
  permitNumber: [220, 18],
  issueCount: [238, 4],
} as const satisfies Layout;

const FOREIGN_2017_LAYOUT = {
  englishName: [0, 120],
  sex: [120, 2],
  cardNumber: [122, 30],
  nationality: [152, 6],
  chineseName: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
  birthDate: [220, 16],
  cardVersion: [236, 4],
  issuingOfficeCode: [240, 8],
} as const satisfies Layout;

const FOREIGN_2023_LAYOUT = {
  chineseName: [0, 30],
  sex: [30, 2],
  renewalCount: [32, 4],
  birthDate: [36, 16],
  englishName: [52, 70],
  cardNumber: [122, 36],
  validFrom: [188, 16],
  validTo: [204, 16],
  englishNameContinued: [220, 22],
  nationality: [242, 6],
} as const satisfies Layout;

export class IdCardTextError extends Error {
  override readonly name = "IdCardTextError";
}

function rawField(text: Buffer, [offset, length]: readonly [number, number]): string {
  return text.subarray(offset, offset + length).toString("utf16le");
}

/** Fields are padded with spaces; some readers and card writers pad with NULs instead. */
function trimPadding(value: string): string {
  return value.replace(/^[\s\0]+|[\s\0]+$/g, "");
}

function field(text: Buffer, range: readonly [number, number]): string {
  return trimPadding(rawField(text, range));
}

function fields<L extends Layout>(text: Buffer, layout: L): { [K in keyof L]: string } {
  const out: Record<string, string> = {};
  for (const [name, range] of Object.entries(layout)) out[name] = field(text, range);
  return out as { [K in keyof L]: string };
}

function sexOf(code: string): Sex {
  const sex = SEX_CODES[code];
  if (!sex) throw new IdCardTextError(`unknown sex code "${code}"`);
  return sex;
}

/** Parses a card's text block (with the photo and fingerprint read alongside it). */
export function parseIdCardText(text: Uint8Array, photo: Uint8Array, fingerprint?: Uint8Array): IdCard {
  const block = Buffer.from(text);
  if (block.length < ID_CARD_TEXT_LENGTH) {
    throw new IdCardTextError(`text block has ${block.length} bytes, expected ${ID_CARD_TEXT_LENGTH}`);
  }
  const common: CardCommon = { photo: Buffer.from(photo) };
  if (fingerprint && fingerprint.length > 0) common.fingerprint = Buffer.from(fingerprint);
  const flag = field(block, [TYPE_FLAG_OFFSET, 2]);
  switch (flag) {
    case "": {
      const f = fields(block, RESIDENT_LAYOUT);
      return {
        type: "resident",
        ...f,
        sex: sexOf(f.sex),
        nation: NATIONS[f.nationCode],
        idNumberValid: isValidIdNumber(f.idNumber),
        ...common,
      };
    }
    case "J": {
      const f = fields(block, PERMIT_LAYOUT);
      return {
        type: "hk-mo-tw-residence-permit",
        name: f.name,
        birthDate: f.birthDate,
        address: f.address,
        idNumber: f.idNumber,
        issuingAuthority: f.issuingAuthority,
        validFrom: f.validFrom,
        validTo: f.validTo,
        permitNumber: f.permitNumber,
        issueCount: f.issueCount,
        sex: sexOf(f.sex),
        idNumberValid: isValidIdNumber(f.idNumber),
        ...common,
      };
    }
    case "I": {
      const f = fields(block, FOREIGN_2017_LAYOUT);
      return { type: "foreign-permanent-resident-2017", ...f, sex: sexOf(f.sex), ...common };
    }
    case "Y": {
      const { englishNameContinued: _, ...f } = fields(block, FOREIGN_2023_LAYOUT);
      // The English name runs on from 52 into 220; a space may fall exactly at the split.
      const englishName =
        rawField(block, FOREIGN_2023_LAYOUT.englishName) +
        rawField(block, FOREIGN_2023_LAYOUT.englishNameContinued);
      return {
        type: "foreign-permanent-resident-2023",
        ...f,
        englishName: trimPadding(englishName),
        sex: sexOf(f.sex),
        cardNumberValid: isValidIdNumber(f.cardNumber),
        ...common,
      };
    }
    default:
      throw new IdCardTextError(`unknown card type flag "${flag}"`);
  }
}

function put(block: Buffer, [offset, length]: readonly [number, number], value: string, name: string): void {
  const bytes = Buffer.from(value, "utf16le");
  if (bytes.length > length) {
    throw new IdCardTextError(`${name} "${value}" needs ${bytes.length} bytes, the field has ${length}`);
  }
  block.set(bytes, offset);
}

function putAll<L extends Layout>(block: Buffer, layout: L, values: { [K in keyof L]: string }): void {
  for (const [name, range] of Object.entries(layout)) put(block, range, values[name as keyof L], name);
}

/** Builds the text block a card would return: the inverse of `parseIdCardText`, used by the simulator. */
export function encodeIdCardText(card: IdCard): Buffer {
  const block = Buffer.from(" ".repeat(ID_CARD_TEXT_LENGTH / 2), "utf16le");
  switch (card.type) {
    case "resident":
      putAll(block, RESIDENT_LAYOUT, { ...card, sex: SEX_CODE_OF[card.sex] });
      break;
    case "hk-mo-tw-residence-permit":
      // Permits carry no nationality code; the field stays blank.
      putAll(block, PERMIT_LAYOUT, { ...card, nationCode: "", sex: SEX_CODE_OF[card.sex] });
      put(block, [TYPE_FLAG_OFFSET, 2], "J", "type flag");
      break;
    case "foreign-permanent-resident-2017":
      putAll(block, FOREIGN_2017_LAYOUT, { ...card, sex: SEX_CODE_OF[card.sex] });
      put(block, [TYPE_FLAG_OFFSET, 2], "I", "type flag");
      break;
    case "foreign-permanent-resident-2023": {
      const firstLength = FOREIGN_2023_LAYOUT.englishName[1] / 2;
      putAll(block, FOREIGN_2023_LAYOUT, {
        ...card,
        englishName: card.englishName.slice(0, firstLength),
        englishNameContinued: card.englishName.slice(firstLength),
        sex: SEX_CODE_OF[card.sex],
      });
      put(block, [TYPE_FLAG_OFFSET, 2], "Y", "type flag");
      break;
    }
  }
  return block;
}
