import {
  type PublicApplicationView,
  publicApplicationViewSchema,
  type UploadPage,
  uploadPageSchema,
} from "@linli/protocol";
import { z } from "zod";

/** A failed call: the HTTP status (0 when the server was unreachable) and the server's error code. */
export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`);
    this.name = "PublicApiError";
  }
}

const errorBodySchema = z.object({ error: z.object({ code: z.string() }) });

async function requestJson<T>(
  path: string,
  schema: z.ZodType<T>,
  init: { method?: "GET" | "POST"; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers:
        init.body === undefined
          ? { accept: "application/json" }
          : { accept: "application/json", "content-type": "application/json" },
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
  } catch {
    throw new PublicApiError(0, "unreachable");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    throw new PublicApiError(response.status, parsed.success ? parsed.data.error.code : "http_error");
  }
  // The server is trusted, but a page half-built from an unexpected answer is worse than a clear error.
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new PublicApiError(response.status, "unexpected_answer");
  return parsed.data;
}

const applicationPath = (receiptCode: string) =>
  `/api/v1/public/applications/${encodeURIComponent(receiptCode)}`;
const uploadPath = (token: string) => `/api/v1/public/uploads/${encodeURIComponent(token)}`;

export function fetchApplication(receiptCode: string): Promise<PublicApplicationView> {
  return requestJson(applicationPath(receiptCode), publicApplicationViewSchema);
}

export function rateApplication(
  receiptCode: string,
  rating: { score: number; comment: string },
): Promise<PublicApplicationView> {
  return requestJson(`${applicationPath(receiptCode)}/rating`, publicApplicationViewSchema, {
    method: "POST",
    body: rating,
  });
}

export function fetchUploadPage(token: string): Promise<UploadPage> {
  return requestJson(uploadPath(token), uploadPageSchema);
}

const uploadedSchema = z.object({ materialCode: z.string(), fileName: z.string(), size: z.number() });
export type UploadedFile = z.infer<typeof uploadedSchema>;

/**
 * Sends one file as the raw request body. XMLHttpRequest rather than fetch: only it reports upload
 * progress, and a photo over a weak mobile link takes long enough that a resident needs to see it move.
 */
export function uploadMaterialFile(
  token: string,
  materialCode: string,
  file: File,
  mimeType: string,
  onProgress: (fraction: number) => void,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `${uploadPath(token)}/files?materialCode=${encodeURIComponent(materialCode)}`);
    request.setRequestHeader("content-type", mimeType);
    request.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    request.setRequestHeader("accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new PublicApiError(0, "unreachable"));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status < 200 || request.status >= 300) {
        const parsed = errorBodySchema.safeParse(body);
        reject(new PublicApiError(request.status, parsed.success ? parsed.data.error.code : "http_error"));
        return;
      }
      const parsed = uploadedSchema.safeParse(body);
      if (parsed.success) resolve(parsed.data);
      else reject(new PublicApiError(request.status, "unexpected_answer"));
    };
    request.send(file);
  });
}
