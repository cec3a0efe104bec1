import { loadConfig } from "../../../core/config.ts";
import { withDatabase } from "../../../core/db/migrated.ts";
import { mailerFor } from "../../../core/mail.ts";
import { tick } from "../questions/tick.ts";

/** `tambon tick`: one scheduler pass (phases, reminders, e-mails), for cron; prints what it did. */
export async function run(): Promise<number> {
  const config = loadConfig();
  return await withDatabase(config, async (database) => {
    const report = await tick(database.db, new Date(), await mailerFor(config));
    process.stdout.write(
      `moved ${report.moved} question(s), reminded ${report.reminded}, sent ${report.emails} e-mail(s)\n`,
    );
    return 0;
  });
}
