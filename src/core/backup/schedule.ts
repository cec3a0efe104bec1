// The daily backup `serve` writes when TAMBON_BACKUP_DAILY=1: once a day (looked at every hour, so
// a restart does not skip a day nor write two), `TAMBON_DATA_DIR/backups/tambon-YYYY-MM-DD.tar.gz`,
// keeping the last TAMBON_BACKUP_KEEP of them. The server's own database handle is used, so the
// embedded database's lock is no obstacle.
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Database } from "../db/index.ts";
import type { ModuleJob } from "../modules.ts";
import { todayIso } from "../dates.ts";
import { writeBackup } from "./backup.ts";

const DAILY = /^tambon-\d{4}-\d{2}-\d{2}\.tar\.gz$/;
const HOUR_MS = 60 * 60 * 1000;

/** The folder of the daily backups in a data folder. */
export const backupsDir = (dataDir: string) => path.join(dataDir, "backups");

/**
 * Writes today's backup into `dataDir/backups` unless it is there already, then removes all
 * but the newest `keep` daily backups (and work folders a crash left there more than a day ago).
 * Returns the file written, or null.
 */
export async function dailyBackup(
  database: Database,
  opts: { dataDir: string; secret: string; keep: number; now?: Date },
): Promise<string | null> {
  const now = opts.now ?? new Date();
  const dir = backupsDir(opts.dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `tambon-${todayIso(now)}.tar.gz`);
  const there = await stat(file).then(
    () => true,
    () => false,
  );
  if (!there) await writeBackup(database, file, opts.secret);
  const names = await readdir(dir);
  const daily = names.filter((n) => DAILY.test(n)).sort();
  for (const old of daily.slice(0, Math.max(0, daily.length - opts.keep)))
    await rm(path.join(dir, old), { force: true });
  for (const n of names.filter((n) => n.startsWith(".tambon-backup-"))) {
    const { mtimeMs } = await stat(path.join(dir, n));
    if (now.getTime() - mtimeMs > 24 * HOUR_MS)
      await rm(path.join(dir, n), { recursive: true, force: true });
  }
  return there ? null : file;
}

/** The job `serve` runs when daily backups are on: looks every hour whether today's is written. */
export function dailyBackupJob(keep: number): ModuleJob {
  return {
    id: "core.daily-backup",
    everyMs: HOUR_MS,
    run: async ({ database, config }) => {
      await dailyBackup(database, { dataDir: config.dataDir, secret: config.secret, keep });
    },
  };
}
