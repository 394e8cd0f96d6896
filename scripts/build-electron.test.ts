/** The Electron entry points bundle, and the preload reaches nothing but Electron's IPC. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("build:electron", () => {
  it("bundles main and preload of both builds to CommonJS; the preload requires only electron", () => {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/build-electron.ts"], { stdio: "pipe" });
    for (const build of ["kiosk", "elder-terminal"]) {
      const main = readFileSync(`${build}/dist/main/main.cjs`, "utf8");
      expect(main).toContain("contextIsolation: true");
      expect(main).toContain("nodeIntegration: false");
      expect(main).toContain("devTools: false");
      expect(main).not.toContain("import.meta");
      const preload = readFileSync(`${build}/dist/preload/preload.cjs`, "utf8");
      expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(["electron"]);
      expect(preload).toContain('exposeInMainWorld("linliBridge"');
    }
  }, 120_000);
});
