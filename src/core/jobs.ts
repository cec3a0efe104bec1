import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { ModuleDeps, ModuleJob, TambonModule } from "./modules.ts";
import { recordJob } from "./metrics.ts";
import { sweepOrphanFiles } from "./file-store.ts";
import { noticeJob } from "./notices/worker.ts";
import { sweepRateWindows } from "./rate-window.ts";
import { dailyBackupJob } from "./backup/schedule.ts";
import { databaseUpkeepJob } from "./db/upkeep.ts";

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

/** The core's job on PostgreSQL: drops the rate-limit windows that have ended. */
const rateSweepJob: ModuleJob = {
  id: "core.rate-sweep",
  everyMs: 10 * 60 * 1000,
  run: async (deps) => {
    if (deps.database.kind === "postgres") await sweepRateWindows(deps.database.db);
  },
};

/** This process among the instances (in `job_leases.holder`). */
const HOLDER = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
/** How long a claim holds without renewal: an instance that died frees its jobs after this. */
const LEASE_MS = 2 * 60 * 1000;
/** How often a running job renews its claim. */
const RENEW_MS = 30 * 1000;

/**
 * Runs a job's current slot (the `everyMs` long stretch of time `now` falls in) unless it ran
 * already: the first instance to claim the slot in `job_leases` runs it, and no instance claims the
 * next slot while a run holds its lease (renewed while it runs; freed when it ends, or `LEASE_MS`
 * after its instance died). The same holds on PGlite, where the one process claims its slots the
 * same way: a restart does not run again what the slot already ran (a daily backup, a re-index of
 * the search). Jobs about one instance's memory (`everyInstance`) run every time. Returns whether
 * it ran here; a job's failure is thrown.
 */
export async function runJobOnce(job: ModuleJob, deps: ModuleDeps, now = Date.now()) {
  const { database } = deps;
  if (job.everyInstance) {
    await job.run(deps);
    return true;
  }
  const slot = Math.floor(now / job.everyMs);
  const claimed = await database.rows(sql`
    insert into job_leases as l (job, slot, holder, until)
    values (${job.id}, ${slot}, ${HOLDER}, now() + ${LEASE_MS} * interval '1 millisecond')
    on conflict (job) do update
      set slot = excluded.slot, holder = excluded.holder, until = excluded.until
      where l.slot < excluded.slot and l.until <= now()
    returning holder`);
  if (claimed.length === 0) return false;
  const mine = sql`job = ${job.id} and holder = ${HOLDER} and slot = ${slot}`;
  const renew = setInterval(() => {
    database
      .rows(
        sql`update job_leases set until = now() + ${LEASE_MS} * interval '1 millisecond' where ${mine}`,
      )
      .catch(() => {});
  }, RENEW_MS);
  renew.unref();
  try {
    await job.run(deps);
  } finally {
    clearInterval(renew);
    await database.rows(sql`update job_leases set until = now() where ${mine}`);
  }
  return true;
}

/**
 * Starts the modules' background jobs on their intervals; returns a function that stops them. A
 * job never overlaps itself, and with several instances on one PostgreSQL it runs once per
 * interval across them (`runJobOnce`).
 */
export function startJobs(
  modules: TambonModule[],
  deps: ModuleDeps,
  log: FastifyBaseLogger,
): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  // TAMBON_BACKUP_DAILY=1: a backup a day in TAMBON_DATA_DIR/backups (backup/schedule.ts).
  const backups = deps.config.dailyBackups ? [dailyBackupJob(deps.config.dailyBackups.keep)] : [];
  const core = {
    id: "core",
    jobs: [fileSweepJob(modules), noticeJob(), rateSweepJob, databaseUpkeepJob, ...backups],
  };
  for (const mod of [...modules, core]) {
    for (const job of mod.jobs ?? []) {
      let busy = false;
      const run = () => {
        if (busy) return;
        busy = true;
        const p = runJobOnce(job, deps)
          .then(
            (ran) => {
              if (ran) recordJob(job.id, false);
            },
            (err: unknown) => {
              recordJob(job.id, true);
              log.error({ err, job: job.id }, "job failed");
            },
          )
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
