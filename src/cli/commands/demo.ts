import { loadConfig } from "../../core/config.ts";
import { modules } from "../../modules/index.ts";
import { DEMO_PASSWORD, loadDemo } from "../../demo/load-demo.ts";
import { withDatabase } from "../../core/db/migrated.ts";

/** `tambon demo`: adds the demo tambons that are missing, then lists the demo logins. */
export async function run(): Promise<number> {
  await withDatabase(loadConfig(), async (database) => {
    const logins = await loadDemo(database.db, modules, (l) => process.stdout.write(l + "\n"));
    process.stdout.write(
      `demo logins (password: ${DEMO_PASSWORD}): ${logins.map((l) => l.username).join(", ")}\n`,
    );
  });
  return 0;
}
