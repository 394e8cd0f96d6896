import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { authorizationFor, DigestGuard, getWithAuth, parseChallenges } from "./http-auth";

describe("Digest authorization", () => {
  it("answers the RFC 2617 example challenge with the documented response", () => {
    // RFC 2617 §3.5: Mufasa / "Circle Of Life", cnonce 0a4f113b, nc 00000001.
    const challenge = parseChallenges([
      "WWW-Authenticate",
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    ])[0]!;
    const header = authorizationFor(
      challenge,
      { method: "GET", uri: "/dir/index.html" },
      { username: "Mufasa", password: "Circle Of Life" },
      1,
      "0a4f113b",
    );
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('qop=auth, nc=00000001, cnonce="0a4f113b"');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  });

  it("answers Basic challenges with base64 credentials", () => {
    const [challenge] = parseChallenges(["www-authenticate", 'Basic realm="cam"']);
    expect(
      authorizationFor(challenge!, { method: "GET", uri: "/" }, { username: "admin", password: "pw" }),
    ).toBe(`Basic ${Buffer.from("admin:pw").toString("base64")}`);
  });

  it("is verified by the simulators' guard only with the right password and an issued nonce", () => {
    const guard = new DigestGuard("Login to ITC", { username: "admin", password: "secret" });
    const [challenge] = parseChallenges(["WWW-Authenticate", guard.challenge()]);
    const request = { method: "GET", uri: "/cgi-bin/snapManager.cgi?action=attachFileProc" };
    expect(
      guard.verify("GET", authorizationFor(challenge!, request, { username: "admin", password: "secret" })),
    ).toBe(true);
    expect(
      guard.verify("GET", authorizationFor(challenge!, request, { username: "admin", password: "wrong" })),
    ).toBe(false);
    const forged = { scheme: "digest", params: { ...challenge!.params, nonce: "not-issued" } };
    expect(
      guard.verify("GET", authorizationFor(forged, request, { username: "admin", password: "secret" })),
    ).toBe(false);
    expect(guard.verify("GET", undefined)).toBe(false);
  });
});

describe("getWithAuth", () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  it("retries once with Digest after a 401 and returns the answer", async () => {
    const guard = new DigestGuard("cam", { username: "admin", password: "pw" });
    let requests = 0;
    server = http.createServer((request, response) => {
      requests++;
      if (!guard.verify(request.method!, request.headers.authorization)) {
        response.writeHead(401, { "www-authenticate": guard.challenge() });
        response.end();
        return;
      }
      response.end("picture");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/snap.jpg?channel=1`);

    const good = await getWithAuth(url, {
      credentials: { username: "admin", password: "pw" },
      timeoutMs: 2000,
    });
    expect(good.response.statusCode).toBe(200);
    good.response.resume();
    expect(requests).toBe(2);

    const bad = await getWithAuth(url, {
      credentials: { username: "admin", password: "nope" },
      timeoutMs: 2000,
    });
    expect(bad.response.statusCode).toBe(401);
    bad.response.resume();
  });

  it("gives up when no answer comes in time", async () => {
    server = http.createServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await expect(getWithAuth(url, { timeoutMs: 100 })).rejects.toThrow(
      /no answer from 127\.0\.0\.1:\d+ within 100 ms/,
    );
    server.closeAllConnections();
  });
});
