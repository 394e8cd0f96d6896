import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
