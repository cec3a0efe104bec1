import { and, eq } from "drizzle-orm";
import { loadConfig, type Config } from "../../core/config.ts";
import { tambons, users } from "../../core/db/schema.ts";
import { startJobs } from "../../core/jobs.ts";
import { createApp, modules } from "../../app.ts";
import type { DemoLogin } from "../../demo/load-demo.ts";
import type { Database } from "../../core/db/index.ts";
import { openMigrated } from "../../core/db/migrated.ts";
import { CliError, type CommandArgs } from "../../core/cli.ts";
import { checkSharedSecret } from "../../core/shared-secret.ts";
import { sealStoredChannels } from "../../core/notices/channel-secrets.ts";

function printLogins(logins: DemoLogin[], password: string, url: string) {
  const out = process.stdout;
  out.write(`\nTambon พร้อมใช้งานที่ / is running at ${url}\n`);
  out.write(`\nบัญชีสาธิต / demo logins (รหัสผ่าน / password: ${password})\n`);
  for (const l of logins)
    out.write(
      `  ${l.username.padEnd(20)} ${l.role}${l.tambon !== "—" ? `  (${url}/t/${l.tambon})` : ""}\n`,
    );
  out.write("\n");
}

/**
 * Whether `--demo-on-first-start` loads the demo: into an empty database, or one started with it;
 * never when NODE_ENV is production (a production start shows no demo logins, whatever its flags).
 */
export async function wantsDemo(
  database: Database,
  config: Pick<Config, "nodeEnv">,
): Promise<boolean> {
  if (config.nodeEnv === "production") {
    process.stderr.write(
      "tambon: NODE_ENV=production: --demo-on-first-start ignored, no demo data / ไม่โหลดข้อมูลสาธิตในการใช้งานจริง\n",
    );
    return false;
  }
  const [any] = await database.db.select({ id: tambons.id }).from(tambons).limit(1);
  const [anyone] = await database.db.select({ id: users.id }).from(users).limit(1);
  if (!any && !anyone) {
    process.stdout.write("กำลังโหลดข้อมูลสาธิต / loading the demo network…\n");
    return true;
  }
  // A deployment that was started with the demo shows its logins again; a real one (whose
  // administrator was made with create-admin) never gets the demo back.
  const [demoAdmin] = await database.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.username, "admin"), eq(users.isDemo, true)))
    .limit(1);
  return !!demoAdmin;
}

async function serve(config: Config, demoOnFirstStart: boolean) {
  const database = await openMigrated(config);
  try {
    await checkSharedSecret(database, config.secret);
    // LINE tokens kept in the clear by earlier versions are sealed under the secret just checked.
    await sealStoredChannels(database, config.secret);
  } catch (err) {
    await database.close();
    throw err;
  }
  let logins: DemoLogin[] = [];
  let demoPassword = "";
  if (demoOnFirstStart && (await wantsDemo(database, config))) {
    const { DEMO_PASSWORD, loadDemo } = await import("../../demo/load-demo.ts");
    logins = await loadDemo(database.db, modules);
    demoPassword = DEMO_PASSWORD;
  }
  const app = await createApp(config, database, { level: config.logLevel });
  const stopJobs = startJobs(modules, { database, tambons: app.tambons, config }, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing requests");
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    try {
      await stopJobs();
      await app.close();
      await database.close();
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await database.close();
    throw new CliError(`cannot listen on ${config.host}:${config.port}: ${(err as Error).message}`);
  }
  const shownHost =
    config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
  const url = `http://${shownHost}:${config.port}`;
  if (logins.length) printLogins(logins, demoPassword, url);
  else process.stdout.write(`\nTambon พร้อมใช้งานที่ / is running at ${url}\n\n`);
}

/** `tambon serve [--demo-on-first-start]`: keeps running until SIGINT or SIGTERM. */
export async function run({ values }: CommandArgs): Promise<number> {
  await serve(loadConfig(), !!values["demo-on-first-start"]);
  return -1;
}
