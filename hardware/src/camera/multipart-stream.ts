/** One part of a multipart stream: lower-cased headers and the raw body bytes. */
export interface StreamPart {
  headers: Record<string, string>;
  body: Buffer;
}

export interface StreamPush {
  parts: StreamPart[];
  /** Things skipped to resynchronise (oversized parts, broken headers), for logging. */
  problems: string[];
}

const crlf = Buffer.from("\r\n");
const headerEnd = Buffer.from("\r\n\r\n");
const maxHeaderBytes = 16 * 1024;

type State =
  | { name: "boundary" }
  | { name: "headers" }
  | { name: "body"; headers: Record<string, string>; length: number }
  | { name: "body-until-boundary"; headers: Record<string, string> }
  | { name: "discard"; remaining: number };

/** Extracts the boundary from a multipart Content-Type, or undefined when there is none. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\//i.test(contentType)) return undefined;
  const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * Incremental parser for endless multipart streams (`multipart/x-mixed-replace`, as Dahua's
 * attachFileProc sends): feed it chunks as they arrive and it returns the parts completed so far.
 * Uses each part's Content-Length when present (JPEG bodies may contain anything) and otherwise
 * looks for the next boundary. Garbage, over-long headers and oversized parts are skipped until
 * the next boundary, so one broken part does not end the stream.
 */
export class MultipartStreamParser {
  readonly #delimiter: Buffer;
  readonly #bodyDelimiter: Buffer;
  readonly #maxPartBytes: number;
  #buffer: Buffer = Buffer.alloc(0);
  #state: State = { name: "boundary" };

  constructor(boundary: string, options: { maxPartBytes?: number } = {}) {
    if (boundary === "") throw new Error("a multipart boundary cannot be empty");
    this.#delimiter = Buffer.from(`--${boundary}`, "latin1");
    this.#bodyDelimiter = Buffer.concat([crlf, this.#delimiter]);
    this.#maxPartBytes = options.maxPartBytes ?? 4 * 1024 * 1024;
  }

  push(chunk: Uint8Array): StreamPush {
    this.#buffer = this.#buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#buffer, chunk]);
    const result: StreamPush = { parts: [], problems: [] };
    while (this.#step(result)) {
      // keep stepping while the state machine makes progress
    }
    return result;
  }

  #consume(length: number): void {
    this.#buffer = this.#buffer.subarray(length);
  }

  /** Advances one step; false when more bytes are needed. */
  #step(result: StreamPush): boolean {
    const state = this.#state;
    switch (state.name) {
      case "boundary": {
        const at = this.#buffer.indexOf(this.#delimiter);
        if (at === -1) {
          // Keep a tail that might be the start of a delimiter split across chunks.
          const keep = Math.min(this.#buffer.length, this.#delimiter.length - 1);
          this.#consume(this.#buffer.length - keep);
          return false;
        }
        const lineEnd = this.#buffer.indexOf(crlf, at + this.#delimiter.length);
        if (lineEnd === -1) {
          this.#consume(at);
          if (this.#buffer.length > this.#delimiter.length + 256) {
            result.problems.push("boundary line without an end; skipped");
            this.#consume(this.#delimiter.length);
            return true;
          }
          return false;
        }
        // "--boundary--" closes a finite multipart body; an endless stream just carries on.
        this.#consume(lineEnd + crlf.length);
        this.#state = { name: "headers" };
        return true;
      }
      case "headers": {
        if (this.#buffer.subarray(0, 2).equals(crlf)) {
          this.#consume(2);
          this.#state = { name: "body-until-boundary", headers: {} };
          return true;
        }
        const end = this.#buffer.indexOf(headerEnd);
        if (end === -1) {
          if (this.#buffer.length > maxHeaderBytes) {
            result.problems.push(`part headers longer than ${maxHeaderBytes} bytes; skipped`);
            this.#consume(this.#buffer.length);
            this.#state = { name: "boundary" };
          }
          return false;
        }
        const headers: Record<string, string> = {};
        for (const line of this.#buffer.subarray(0, end).toString("latin1").split("\r\n")) {
          const colon = line.indexOf(":");
          if (colon <= 0) continue;
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
        this.#consume(end + headerEnd.length);
        const declared = headers["content-length"];
        if (declared === undefined) {
          this.#state = { name: "body-until-boundary", headers };
        } else if (!/^\d+$/.test(declared)) {
          result.problems.push(`part with Content-Length "${declared}"; skipped`);
          this.#state = { name: "boundary" };
        } else if (Number(declared) > this.#maxPartBytes) {
          result.problems.push(`part of ${declared} bytes exceeds ${this.#maxPartBytes}; skipped`);
          this.#state = { name: "discard", remaining: Number(declared) };
        } else {
          this.#state = { name: "body", headers, length: Number(declared) };
        }
        return true;
      }
      case "body": {
        if (this.#buffer.length < state.length) return false;
        result.parts.push({
          headers: state.headers,
          body: Buffer.from(this.#buffer.subarray(0, state.length)),
        });
        this.#consume(state.length);
        this.#state = { name: "boundary" };
        return true;
      }
      case "body-until-boundary": {
        const end = this.#buffer.indexOf(this.#bodyDelimiter);
        if (end === -1) {
          if (this.#buffer.length > this.#maxPartBytes) {
            result.problems.push(`part without Content-Length beyond ${this.#maxPartBytes} bytes; skipped`);
            this.#consume(this.#buffer.length - this.#bodyDelimiter.length);
            this.#state = { name: "boundary" };
          }
          return false;
        }
        result.parts.push({ headers: state.headers, body: Buffer.from(this.#buffer.subarray(0, end)) });
        this.#consume(end + crlf.length);
        this.#state = { name: "boundary" };
        return true;
      }
      case "discard": {
        const dropped = Math.min(state.remaining, this.#buffer.length);
        this.#consume(dropped);
        const remaining = state.remaining - dropped;
        this.#state = remaining === 0 ? { name: "boundary" } : { name: "discard", remaining };
        return remaining === 0;
      }
    }
  }
}

/** Encodes one part of a multipart stream, with Content-Length so binary bodies are safe. */
export function encodeStreamPart(boundary: string, contentType: string, body: Uint8Array): Buffer {
  const head = `--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, "latin1"), body, crlf]);
}
