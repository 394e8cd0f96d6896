import type { IdCard } from "./id-card-text";

/**
 * Fictional cards for the simulator and tests. The people do not exist; the numbers have the right
 * shape and check digits (ISO 7064 MOD 11-2) so that validation passes, as with a real card.
 */

/** Stands in for the 1024-byte WLT photo: deterministic bytes, not a real image. */
function fakePhoto(seed: number): Buffer {
  const photo = Buffer.alloc(1024);
  let state = seed;
  for (let index = 0; index < photo.length; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    photo[index] = state >>> 24;
  }
  return photo;
}

export const sampleCards = {
  /** A woman from 雨湖区, 湘潭市, 湖南省, card valid 20 years. */
  resident: {
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
    photo: fakePhoto(1),
  },
  /** An elder from 岳塘区 whose card never expires (issued after 46). */
  elder: {
    type: "resident",
    name: "王建国",
    sex: "male",
    nationCode: "15",
    nation: "土家",
    birthDate: "19600815",
    address: "湖南省湘潭市岳塘区东湖街道和平社区12栋101室",
    idNumber: "430304196008151014",
    idNumberValid: true,
    issuingAuthority: "湘潭市公安局岳塘分局",
    validFrom: "20180320",
    validTo: "长期",
    photo: fakePhoto(2),
  },
  /** A Hong Kong resident living in 湘潭 with a residence permit (flag J). */
  permit: {
    type: "hk-mo-tw-residence-permit",
    name: "陈嘉欣",
    sex: "female",
    birthDate: "19900101",
    address: "湖南省湘潭市岳塘区建设南路8号",
    idNumber: "81000019900101102X",
    idNumberValid: true,
    issuingAuthority: "湘潭市公安局岳塘分局",
    validFrom: "20220905",
    validTo: "20270905",
    permitNumber: "H12345678",
    issueCount: "01",
    photo: fakePhoto(3),
  },
  /** A Canadian permanent resident, 2017 card (flag I). */
  foreign2017: {
    type: "foreign-permanent-resident-2017",
    englishName: "SMITH, JOHN ALEXANDER",
    chineseName: "史约翰",
    sex: "male",
    cardNumber: "CAN430085031201",
    nationality: "CAN",
    birthDate: "19850312",
    validFrom: "20200101",
    validTo: "20300101",
    cardVersion: "01",
    issuingOfficeCode: "4300",
    photo: fakePhoto(4),
  },
  /** A Spanish permanent resident, 2023 card (flag Y) with an 18-digit number. */
  foreign2023: {
    type: "foreign-permanent-resident-2023",
    chineseName: "玛丽亚",
    englishName: "GARCIA LOPEZ, MARIA FERNANDA DE LOS ANGELES",
    sex: "female",
    renewalCount: "00",
    cardNumber: "94372419920704002X",
    cardNumberValid: true,
    nationality: "ESP",
    birthDate: "19920704",
    validFrom: "20240115",
    validTo: "20340115",
    photo: fakePhoto(5),
  },
} satisfies Record<string, IdCard>;

export type SampleCardName = keyof typeof sampleCards;

export function isSampleCardName(name: string): name is SampleCardName {
  return Object.hasOwn(sampleCards, name);
}
