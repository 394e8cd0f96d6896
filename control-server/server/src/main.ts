import { createControlServer } from "./app";
import { loadConfig } from "./config";

/** `npm run server`: the control server alone, configured by the environment. */
async function main(): Promise<void> {
  const config = loadConfig();
  const server = await createControlServer(config);
  const { url } = await server.listen();
  process.stdout.write(`Linli control server listening on ${url}\n`);
  process.stdout.write(`Console: ${url}/console/   API docs: ${url}/api/docs\n`);
  if (server.generatedAdminPassword) {
    process.stdout.write(
      `First start: created administrator "${server.adminUsername}" with password ${server.generatedAdminPassword}\n` +
        "This password is shown only once; sign in and change it, or set LINLI_ADMIN_PASSWORD before the first start.\n",
    );
  }
  const stop = async (signal: string) => {
    process.stdout.write(`${signal}: shutting down\n`);
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
