import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";

export interface HttpCredentials {
  username: string;
  password: string;
}

/** One `WWW-Authenticate` challenge, e.g. Digest with realm, nonce, qop. */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

const authParam = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;

function parseAuthParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of text.matchAll(authParam)) {
    params[match[1]!.toLowerCase()] = match[2] !== undefined ? match[2].replace(/\\(.)/g, "$1") : match[3]!;
  }
  return params;
}

/** Reads the challenges of a 401 response; each raw `WWW-Authenticate` header is one challenge. */
export function parseChallenges(rawHeaders: string[]): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if (rawHeaders[index]!.toLowerCase() !== "www-authenticate") continue;
    const value = rawHeaders[index + 1]!.trim();
    const space = value.indexOf(" ");
    const scheme = (space === -1 ? value : value.slice(0, space)).toLowerCase();
    challenges.push({ scheme, params: space === -1 ? {} : parseAuthParams(value.slice(space + 1)) });
  }
  return challenges;
}

function hashName(algorithm: string): "md5" | "sha256" {
  const normalised = algorithm.toUpperCase().replace(/-SESS$/, "");
  if (normalised === "MD5") return "md5";
  if (normalised === "SHA-256") return "sha256";
  throw new Error(`digest algorithm ${algorithm} is not supported (MD5 and SHA-256 are)`);
}

function digestResponse(
  fields: {
    algorithm: string;
    realm: string;
    nonce: string;
    uri: string;
    method: string;
    qop?: string;
    nc?: string;
    cnonce?: string;
  },
  credentials: HttpCredentials,
): string {
  const hashAlgorithm = hashName(fields.algorithm);
  const hash = (text: string) => createHash(hashAlgorithm).update(text, "utf8").digest("hex");
  let ha1 = hash(`${credentials.username}:${fields.realm}:${credentials.password}`);
  if (/-sess$/i.test(fields.algorithm)) ha1 = hash(`${ha1}:${fields.nonce}:${fields.cnonce ?? ""}`);
  const ha2 = hash(`${fields.method}:${fields.uri}`);
  return fields.qop
    ? hash(`${ha1}:${fields.nonce}:${fields.nc}:${fields.cnonce}:${fields.qop}:${ha2}`)
    : hash(`${ha1}:${fields.nonce}:${ha2}`);
}

/** The `Authorization` header answering a challenge (RFC 7616 Digest, or Basic). */
export function authorizationFor(
  challenge: AuthChallenge,
  request: { method: string; uri: string },
  credentials: HttpCredentials,
  nonceCount = 1,
  cnonce = randomBytes(8).toString("hex"),
): string {
  if (challenge.scheme === "basic") {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, "utf8").toString("base64")}`;
  }
  if (challenge.scheme !== "digest")
    throw new Error(`the camera asks for ${challenge.scheme} authentication`);
  const { realm = "", nonce = "", opaque } = challenge.params;
  const algorithm = challenge.params.algorithm ?? "MD5";
  const offered = (challenge.params.qop ?? "").split(",").map((option) => option.trim());
  const qop = offered.includes("auth") ? "auth" : undefined;
  const nc = nonceCount.toString(16).padStart(8, "0");
  const response = digestResponse(
    { algorithm, realm, nonce, uri: request.uri, method: request.method, qop, nc, cnonce },
    credentials,
  );
  const parts = [
    `username="${credentials.username}"`,
    `realm="${realm}"`,
    `nonce="${nonce}"`,
    `uri="${request.uri}"`,
    `algorithm=${algorithm}`,
    `response="${response}"`,
  ];
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  if (opaque !== undefined) parts.push(`opaque="${opaque}"`);
  return `Digest ${parts.join(", ")}`;
}

export class HttpStatusError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = "HttpStatusError";
  }
}

/**
 * GETs a URL, answering a 401 challenge (Digest preferred over Basic) once when credentials are
 * given. Resolves with the response once its headers arrive, whatever the status; the caller reads
 * or discards the body. `timeoutMs` bounds the wait for the response headers only, so that long
 * streams (Dahua events) can use the same call.
 */
export async function getWithAuth(
  url: URL,
  options: { credentials?: HttpCredentials; timeoutMs: number; headers?: Record<string, string> },
): Promise<{ request: http.ClientRequest; response: http.IncomingMessage }> {
  const uri = `${url.pathname}${url.search}`;
  const send = (authorization?: string) =>
    new Promise<{ request: http.ClientRequest; response: http.IncomingMessage }>((resolve, reject) => {
      const headers: Record<string, string> = { ...options.headers };
      if (authorization) headers.authorization = authorization;
      const request = http.request(url, { method: "GET", headers });
      const timer = setTimeout(() => {
        request.destroy(new Error(`no answer from ${url.host} within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      request.once("response", (response) => {
        clearTimeout(timer);
        resolve({ request, response });
      });
      request.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end();
    });

  const first = await send();
  if (first.response.statusCode !== 401 || !options.credentials) return first;
  const challenges = parseChallenges(first.response.rawHeaders);
  first.response.resume();
  const challenge =
    challenges.find((candidate) => candidate.scheme === "digest") ??
    challenges.find((candidate) => candidate.scheme === "basic");
  if (!challenge)
    throw new HttpStatusError(401, `${url.host} refused access without offering Digest or Basic`);
  return send(authorizationFor(challenge, { method: "GET", uri }, options.credentials));
}

/**
 * The device side of HTTP Digest (MD5, qop=auth), for simulators that must challenge a client the
 * way a real camera does.
 */
export class DigestGuard {
  readonly #nonces = new Set<string>();

  constructor(
    readonly realm: string,
    readonly credentials: HttpCredentials,
  ) {}

  challenge(): string {
    const nonce = randomBytes(16).toString("hex");
    this.#nonces.add(nonce);
    if (this.#nonces.size > 1000) this.#nonces.delete(this.#nonces.values().next().value!);
    return `Digest realm="${this.realm}", qop="auth", nonce="${nonce}", opaque="${randomBytes(8).toString("hex")}"`;
  }

  /** True when the request carries a valid Digest answer to one of our challenges. */
  verify(method: string, authorization: string | undefined): boolean {
    if (!authorization || !/^digest\s/i.test(authorization)) return false;
    const params = parseAuthParams(authorization.slice(authorization.indexOf(" ") + 1));
    if (params.username !== this.credentials.username || params.realm !== this.realm) return false;
    if (!params.nonce || !this.#nonces.has(params.nonce) || !params.uri || !params.response) return false;
    let expected: string;
    try {
      expected = digestResponse(
        {
          algorithm: params.algorithm ?? "MD5",
          realm: this.realm,
          nonce: params.nonce,
          uri: params.uri,
          method,
          qop: params.qop,
          nc: params.nc,
          cnonce: params.cnonce,
        },
        this.credentials,
      );
    } catch {
      return false;
    }
    const given = Buffer.from(params.response, "utf8");
    const wanted = Buffer.from(expected, "utf8");
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
}
