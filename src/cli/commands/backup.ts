import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../../core/config.ts";
import { CliError, type CommandArgs } from "../../core/cli.ts";
import { withDatabase } from "../../core/db/migrated.ts";
import { writeBackup } from "../../core/backup/backup.ts";
import { progressOn } from "../../core/backup/progress.ts";

/** `tambon backup FILE`: the database, its stored files and the installation secret in one archive. */
export async function run({ positionals }: CommandArgs): Promise<number> {
  const out = positionals[0]!;
  if (existsSync(out))
    throw new CliError(`${out} exists already; choose another name / มีไฟล์ชื่อนี้อยู่แล้ว`);
  const dir = path.dirname(path.resolve(out));
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new CliError(`the folder ${dir} does not exist / ไม่พบโฟลเดอร์ ${dir}`);
  const config = loadConfig();
  if (!config.databaseUrl && !existsSync(path.join(config.dataDir, "pglite")))
    throw new CliError(
      `no database in ${config.dataDir} (TAMBON_DATA_DIR) to back up / ไม่พบฐานข้อมูลใน ${config.dataDir}`,
    );
  const progress = progressOn();
  const manifest = await withDatabase(config, (database) =>
    writeBackup(database, out, config.secret, progress),
  );
  const rows = manifest.tables.reduce((s, t) => s + t.rows, 0);
  const size = statSync(out).size;
  process.stdout.write(
    `สำรองข้อมูลแล้ว / backed up to ${out}: ${manifest.tables.length} tables, ` +
      `${rows.toLocaleString("en")} rows, ${manifest.files.count} stored files, ` +
      `${(size / 1024 / 1024).toFixed(1)} MiB\n`,
  );
  return 0;
}
