import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { build } from "vite";

/**
 * Builds a UI from the current source into a directory of the caller's own: other test files build into
 * the shared dist at the same time, and a build empties its output first, so a shared directory could be
 * empty just when a page loads.
 */
export async function buildUiIntoOwnDir(configFile: string, dirPrefix: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), dirPrefix));
  await build({ configFile, logLevel: "error", build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Whether `distDir` was built after the last change to any file under `sourceRoots`. */
function distIsFresh(distDir: string, sourceRoots: string[]): boolean {
  const built = statSync(join(distDir, "index.html"), { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return false;
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const root of sourceRoots) visit(root);
  return built >= newest;
}

/**
 * Builds a UI into its shared dist when the dist is older than its sources. Test files run in parallel and
 * share the dist, which a build empties first: builds take turns through a lock directory, and a dist
 * already built from the same source (by `npm run build`, as `npm test` does first) is left alone.
 */
export async function buildWhenStale(ui: {
  configFile: string;
  distDir: string;
  /** Everything the bundle is made of: the UI's source and config, and the packages it imports. */
  sourceRoots: string[];
}): Promise<void> {
  const lock = join(
    tmpdir(),
    `linli-ui-build-${createHash("sha256").update(ui.distDir).digest("hex").slice(0, 12)}`,
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock older than any build is left over from a killed run.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for the UI build lock ${lock}`);
      await sleep(100);
    }
  }
  try {
    if (distIsFresh(ui.distDir, ui.sourceRoots)) return;
    await build({ configFile: ui.configFile, logLevel: "error" });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
