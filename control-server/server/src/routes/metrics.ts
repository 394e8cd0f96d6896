import { monitorEventLoopDelay } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerContext } from "../context";

const millis = (nanos: number) => Math.round((nanos / 1e6) * 100) / 100;

/** Process figures for operators and benchmarks: memory, CPU time, event-loop delay, live links. */
export function metricsRoutes(app: FastifyInstance, { guard, supervisor }: ServerContext): void {
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  app.addHook("onClose", async () => loopDelay.disable());

  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/metrics",
    {
      onRequest: guard("admin"),
      schema: {
        tags: ["health"],
        summary: "Process metrics; `reset=true` starts a new event-loop delay window",
        security: [{ bearer: [] }],
        querystring: z.object({ reset: z.enum(["true", "false"]).default("false") }),
        response: {
          200: z.object({
            rssBytes: z.number(),
            heapUsedBytes: z.number(),
            cpuMicros: z.object({ user: z.number(), system: z.number() }),
            eventLoopDelayMs: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
            terminalsOnline: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const memory = process.memoryUsage();
      const figures = {
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        cpuMicros: process.cpuUsage(),
        eventLoopDelayMs: {
          p50: millis(loopDelay.percentile(50)),
          p99: millis(loopDelay.percentile(99)),
          max: millis(loopDelay.max),
        },
        terminalsOnline: supervisor.onlineCount,
      };
      if (request.query.reset === "true") loopDelay.reset();
      return figures;
    },
  );
}
