import { existsSync } from "node:fs";
import { loadConfig } from "../../core/config.ts";
import { CliError, type CommandArgs } from "../../core/cli.ts";
import { withDatabase } from "../../core/db/migrated.ts";
import { lockDataDir } from "../../core/db/data-dir-lock.ts";
import {
  checkArchive,
  RestoreRefused,
  restoreInto,
  writeSecret,
} from "../../core/backup/restore.ts";
import { progressOn } from "../../core/backup/progress.ts";

/**
 * `tambon restore FILE [--force]`: checks the archive whole, then replaces the database's content
 * with it in one transaction, and puts its installation secret into the data folder.
 */
export async function run({ positionals, values }: CommandArgs): Promise<number> {
  const file = positionals[0]!;
  // Nothing is created (data folder, secret) for a file that is not there.
  if (!existsSync(file)) throw new CliError(`${file} does not exist / ไม่พบไฟล์`);
  const config = loadConfig();
  // The embedded database is taken before the archive is read: a running server refuses at once.
  const lock = config.databaseUrl ? null : lockDataDir(config.dataDir);
  const progress = progressOn();
  try {
    const archive = await checkArchive(file, config.dataDir, progress).catch((err: unknown) => {
      throw err instanceof RestoreRefused ? new CliError(err.message) : err;
    });
    try {
      const restored = await withDatabase(config, (database) =>
        restoreInto(database, archive, { force: !!values.force, progress }),
      ).catch((err: unknown) => {
        throw err instanceof RestoreRefused ? new CliError(err.message) : err;
      });
      await writeSecret(config.dataDir, archive.secret);
      process.stdout.write(
        `กู้คืนแล้ว / restored ${file}: ${restored.tables} tables, ` +
          `${restored.rows.toLocaleString("en")} rows, ${archive.manifest.files.count} stored files` +
          ` (${config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`})\n`,
      );
      if (process.env.TAMBON_SECRET && process.env.TAMBON_SECRET !== archive.secret)
        process.stdout.write(
          "TAMBON_SECRET is set and differs from the archive's secret (now in secret.key): " +
            "sessions and links made before the backup end unless TAMBON_SECRET is set to it\n",
        );
      return 0;
    } finally {
      await archive.dispose();
    }
  } finally {
    progress.end();
    lock?.release();
  }
}
