import { randomBytes, randomUUID } from "node:crypto";
import { deflateSync } from "node:zlib";
import { newReceiptCode } from "@linli/protocol";
import type { Socket } from "socket.io-client";
import type { TestServer } from "../../test/harness";

/** Test material: real files of each accepted type, built here so that no binary sits in the repository. */
export const LI_XIAOMEI = { idNumber: "430302198503122428", name: "李晓梅", phone: "13807321001" };

export type AckOf<T = unknown> = { ok: boolean; data?: T; error?: { code: string; message: string } };
export const emitWithAck = <T = unknown>(socket: Socket, event: string, payload: unknown) =>
  socket.timeout(5000).emitWithAck(event, payload) as Promise<AckOf<T>>;

export const receiptCode = () => newReceiptCode((length) => randomBytes(length));

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real grey PNG of the given size. */
export function pngFile(width = 4, height = 4): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row++) rows[row * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A real one-page PDF. */
export function pdfFile(): Buffer {
  return Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    "latin1",
  );
}

/** JPEG start-of-image and JFIF header, then filler up to `size` bytes. */
export function jpegFile(size = 2048): Buffer {
  const file = Buffer.alloc(size, 0x11);
  file.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], 0);
  file.set([0xff, 0xd9], size - 2);
  return file;
}

export function submitPayload(code: string, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    receiptCode: code,
    serviceCode: "birth-permit",
    applicant: LI_XIAOMEI,
    answers: { remarried: true, "non-local": false },
    submittedAt: new Date().toISOString(),
    ...overrides,
  };
}

export function materialPayload(
  code: string,
  materialCode: string,
  file: Buffer,
  mimeType: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    id: randomUUID(),
    receiptCode: code,
    materialCode,
    fileName: `${materialCode}.${mimeType.split("/")[1]}`,
    mimeType,
    dataBase64: file.toString("base64"),
    addedAt: new Date().toISOString(),
    ...overrides,
  };
}

export async function signIn(
  harness: TestServer,
  role: string,
  username: string,
  communityId: string | null,
) {
  const password = `${username}-password-1`;
  const created = await harness.api("POST", "/api/v1/staff", {
    username,
    displayName: username,
    password,
    role,
    communityId,
  });
  if (created.status !== 201)
    throw new Error(`could not create ${username}: ${JSON.stringify(created.body)}`);
  return (await harness.api<{ token: string }>("POST", "/api/v1/auth/login", { username, password }, null))
    .body.token;
}

export const countRows = (harness: TestServer, table: string) =>
  (harness.server.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
