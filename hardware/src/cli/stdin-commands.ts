import { createInterface } from "node:readline";
import type { Print } from "./device-cli";

/**
 * Reads a simulator's control commands from stdin, one per line, answering each in order (a command
 * never overtakes the one before it); a command that throws answers with its error. Returns a stop function.
 */
export function listenToStdin(run: (line: string) => string | Promise<string>, print: Print): () => void {
  const lines = createInterface({ input: process.stdin, terminal: false });
  let queue = Promise.resolve();
  lines.on("line", (line) => {
    queue = queue.then(async () => {
      const output = await Promise.resolve()
        .then(() => run(line))
        .catch((error: Error) => `error: ${error.message}`);
      if (output) print(output);
    });
  });
  return () => lines.close();
}
