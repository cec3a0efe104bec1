import { loadConfig } from "../../core/config.ts";
import { tickCommand } from "../../modules/decisions/cli.ts";
import { withDatabase } from "../database.ts";

/** `tambon tick`: one scheduler pass, for cron. */
export async function run(): Promise<number> {
  const config = loadConfig();
  return await withDatabase(config, (database) => tickCommand(database, config));
}
