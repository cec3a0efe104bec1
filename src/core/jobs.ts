import type { FastifyBaseLogger } from "fastify";
import type { ModuleDeps, ModuleJob, TambonModule } from "./modules.ts";
import { sweepOrphanFiles } from "./file-store.ts";
import { noticeJob } from "./notices/worker.ts";

/** How often stored files that no row names any more are swept, and how old they must be. */
const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;
const SWEEP_AGE_MS = 60 * 60 * 1000;

/** The core's job: removes the files of the modules' declared kinds that no declared row names. */
export function fileSweepJob(modules: TambonModule[]): ModuleJob {
  const declared = modules.flatMap((m) => (m.files ? [m.files] : []));
  return {
    id: "core.file-sweep",
    everyMs: SWEEP_EVERY_MS,
    run: async (deps) => {
      await sweepOrphanFiles(deps.database.db, declared, {
        olderThan: new Date(Date.now() - SWEEP_AGE_MS),
      });
    },
  };
}

/** Starts the modules' background jobs on their intervals; returns a function that stops them. */
export function startJobs(
  modules: TambonModule[],
  deps: ModuleDeps,
  log: FastifyBaseLogger,
): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  for (const mod of [...modules, { id: "core", jobs: [fileSweepJob(modules), noticeJob()] }]) {
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
