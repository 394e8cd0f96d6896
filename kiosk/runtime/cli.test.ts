/** `npm run kiosk` / `npm run elder` as an installer runs them: a config file in, a UI URL out. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../control-server/server/test/harness";
import { type LineProcess, tsx } from "../../test-support/child-process";

let harness: TestServer | null = null;
let terminal: LineProcess | null = null;
const dir = mkdtempSync(join(tmpdir(), "linli-cli-"));

afterEach(async () => {
  await terminal?.kill();
  await harness?.close();
  harness = null;
});
afterEach(() => rmSync(join(dir, "data"), { recursive: true, force: true }));

describe("terminal command line", () => {
  it("enrols with the config's code, prints the UI URL, and the UI is served on loopback", async () => {
    harness = await startTestServer();
    const code = await harness.api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
      kind: "elder",
      communityId: "quantang",
      name: "泉塘 张爷爷家",
    });
    const config = join(dir, "elder.json");
    writeFileSync(
      config,
      JSON.stringify({ server: harness.url, enrollmentCode: code.body.code, dataDir: "data" }),
    );
    terminal = tsx("kiosk/runtime/cli.ts", ["--kind", "elder", "--config", config]);
    const [, url] = await terminal.waitFor(/^UI: (http:\/\/127\.0\.0\.1:\d+\/#bridge=\S+)$/);
    const page = await fetch(new URL(url!).origin);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>邻里 · 居家呼叫</title>");
    await eventually(async () => {
      const list = await harness!.api<{ terminals: Array<{ name: string; online: boolean }> }>(
        "GET",
        "/api/v1/terminals",
      );
      return list.body.terminals[0]?.online;
    }, 10_000);
  });

  it("explains a bad config file and exits with an error", async () => {
    const config = join(dir, "bad.json");
    writeFileSync(config, JSON.stringify({ server: "not a url", dataDir: "" }));
    terminal = tsx("kiosk/runtime/cli.ts", ["--kind", "kiosk", "--config", config]);
    expect(await terminal.exited).toBe(1);
    expect(terminal.stderrTail).toMatch(/bad terminal config .*bad\.json: server: .*dataDir/);
  });

  it("prints its usage and exits 2 without a config", async () => {
    terminal = tsx("kiosk/runtime/cli.ts", ["--kind", "kiosk"], { LINLI_TERMINAL_CONFIG: "" });
    expect(await terminal.exited).toBe(2);
    expect(terminal.stderrTail).toContain("usage: npm run kiosk -- --config FILE [--open]");
  });
});
