import { loadConfig } from "../../core/config.ts";
import { openMigrated } from "../../core/db/migrated.ts";

/** `tambon migrate`: applies pending migrations and says to which database. */
export async function run(): Promise<number> {
  const database = await openMigrated(loadConfig());
  await database.close();
  process.stdout.write(`migrations applied (${database.kind})\n`);
  return 0;
}
