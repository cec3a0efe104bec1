import type { FastifyBaseLogger } from "fastify";
import type { ModuleDeps, TambonModule } from "./modules.ts";

/** Starts the modules' background jobs on their intervals; returns a function that stops them. */
export function startJobs(
  modules: TambonModule[],
  deps: ModuleDeps,
  log: FastifyBaseLogger,
): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  for (const mod of modules) {
    for (const job of mod.jobs ?? []) {
      let busy = false;
      const run = () => {
        if (busy) return;
        busy = true;
        const p = job
          .run(deps)
          .catch((err: unknown) => log.error({ err, job: job.id }, "job failed"))
          .finally(() => {
            busy = false;
            running.delete(p);
          });
        running.add(p);
      };
      timers.push(setInterval(run, job.everyMs));
      setTimeout(run, 1000).unref();
    }
  }
  return async () => {
    for (const t of timers) clearInterval(t);
    await Promise.all(running);
  };
}
