/** Resolves once `check` holds, polling every 50 ms; fails naming `what` when it has not within `timeoutMs`. */
export function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    for (;;) {
      if (await check()) return;
      if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
}
