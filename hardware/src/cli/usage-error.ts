/**
 * Thrown by a DeviceCli's `simulate` or `check` when its arguments are wrong, so that the front
 * ends print the message with the usage and exit with code 2 rather than blaming the device.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * True for errors about the command line rather than the device: a {@link UsageError}, an error
 * from node:util parseArgs, or (the convention of the device CLIs) a message naming an option,
 * such as "--path is required".
 */
export function isUsageError(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_")) return true;
  return /^--[a-z]/.test(error.message);
}
