import { parseArgs } from "node:util";
import { and, eq } from "drizzle-orm";
import { ConfigError, loadConfig, type Config } from "../core/config.ts";
import { migrateDatabase, openDatabase, type Database } from "../core/db/index.ts";
import { tambons, users } from "../core/db/schema.ts";
import { hashPassword, passwordProblem } from "../core/auth/password.ts";
import { isEmail, isPhone, normalisePhone } from "../core/forms.ts";
import { audit } from "../core/audit.ts";
import { createApp, modules } from "../app.ts";
import { DEMO_PASSWORD, loadDemo, type DemoLogin } from "../demo/load-demo.ts";
import { runTallyCommand } from "../modules/decisions/tally-cli.ts";
import { startJobs } from "../core/jobs.ts";
import { exportQuestionCommand, tickCommand, verifyCommand } from "../modules/decisions/cli.ts";

const HELP = `tambon — แพลตฟอร์มตำบลจัดการสุขภาพ / the Tambon community-health platform

ใช้งาน / usage: tambon <command> [options]

คำสั่ง / commands:
  serve                 เปิดเว็บเซิร์ฟเวอร์ / start the web server
      --demo-on-first-start   โหลดข้อมูลสาธิตเมื่อฐานข้อมูลยังว่าง / load the demo network into an empty database
  migrate               ปรับโครงสร้างฐานข้อมูลให้เป็นปัจจุบัน / apply pending database migrations
  demo                  โหลดเครือข่ายสาธิต (ละงู ล้อมแรด เกาะคา) / load the demo network (La-ngu, Lom Raet, Ko Kha)
  create-admin          สร้างผู้ดูแลเครือข่าย / create a network administrator
      --name NAME  --username U | --phone P | --email E
      รหัสผ่านจาก TAMBON_ADMIN_PASSWORD หรือ --password-stdin / password from TAMBON_ADMIN_PASSWORD or --password-stdin
  tally FILE|-          นับคะแนนแบบประชาธิปไตยลื่นไหล (JSON) / count a fluid-democracy vote (JSON in, JSON out)
      --summary             ไม่แสดงน้ำหนักและสายการมอบสิทธิ์ / omit weights and chains
      --verify FILE         นับซ้ำไฟล์จาก export-question และตรวจค่าแฮช / recount an export-question file and check its hashes
  tick                  เลื่อนขั้นเรื่องที่ถึงกำหนดและส่งการแจ้งเตือน (สำหรับ cron) / move questions whose phase ended, send notifications (for cron)
  export-question ID --tambon SLUG
                        ส่งออกบัตร การมอบสิทธิ์ และสมาชิก ณ เวลาปิด (JSON) / write the ballots, delegations and members at closing (JSON)
  help, --help          แสดงวิธีใช้นี้ / show this help

สภาพแวดล้อม / environment:
  PORT (3000)  HOST (127.0.0.1)  DATABASE_URL (postgres://…; ไม่กำหนด = PGlite ฝังตัว / unset = embedded PGlite)
  TAMBON_DATA_DIR (./data)  TAMBON_SECRET  SMTP_URL  LOG_LEVEL (info)
`;

/** A CLI failure: printed as one line, exit code 1 (2 for usage errors). */
class CliError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

async function open(config: Config): Promise<Database> {
  try {
    const database = config.databaseUrl
      ? await openDatabase({ url: config.databaseUrl })
      : await openDatabase({ dataDir: `${config.dataDir}/pglite` });
    await migrateDatabase(database);
    return database;
  } catch (err) {
    const what = config.databaseUrl
      ? "PostgreSQL at DATABASE_URL"
      : `PGlite in ${config.dataDir}/pglite`;
    throw new CliError(
      `cannot open the database (${what}): ${(err as Error).message.split("\n")[0]}`,
    );
  }
}

function printLogins(logins: DemoLogin[], url: string) {
  const out = process.stdout;
  out.write(`\nTambon พร้อมใช้งานที่ / is running at ${url}\n`);
  out.write(`\nบัญชีสาธิต / demo logins (รหัสผ่าน / password: ${DEMO_PASSWORD})\n`);
  for (const l of logins)
    out.write(
      `  ${l.username.padEnd(20)} ${l.role}${l.tambon !== "—" ? `  (${url}/t/${l.tambon})` : ""}\n`,
    );
  out.write("\n");
}

async function serve(config: Config, demoOnFirstStart: boolean) {
  const database = await open(config);
  let logins: DemoLogin[] = [];
  const [any] = await database.db.select({ id: tambons.id }).from(tambons).limit(1);
  // A deployment that was started with the demo shows its logins again; a real one (whose
  // administrator was made with create-admin) never gets the demo back.
  const [demoAdmin] = await database.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.username, "admin"), eq(users.isDemo, true)))
    .limit(1);
  const [anyone] = await database.db.select({ id: users.id }).from(users).limit(1);
  if (demoOnFirstStart && !any && !anyone) {
    process.stdout.write("กำลังโหลดข้อมูลสาธิต / loading the demo network…\n");
    logins = await loadDemo(database.db, modules);
  } else if (demoOnFirstStart && demoAdmin) {
    logins = await loadDemo(database.db, modules);
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
  if (logins.length) printLogins(logins, url);
  else process.stdout.write(`\nTambon พร้อมใช้งานที่ / is running at ${url}\n\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function createAdmin(config: Config, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: "string" },
      username: { type: "string" },
      phone: { type: "string" },
      email: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
    strict: true,
  });
  const name = values.name?.trim();
  if (!name) throw new CliError("create-admin: --name is required / ต้องระบุ --name", 2);
  const username = values.username?.trim().toLowerCase() || null;
  const phone = values.phone ? normalisePhone(values.phone) : null;
  const email = values.email?.trim() || null;
  if (!username && !phone && !email)
    throw new CliError(
      "create-admin: give --username, --phone or --email / ต้องระบุอย่างน้อยหนึ่งอย่าง",
      2,
    );
  if (username && !/^[a-z0-9][a-z0-9.-]{2,39}$/.test(username))
    throw new CliError("create-admin: --username uses a-z, 0-9, dot and dash (3-40 characters)", 2);
  if (phone && !isPhone(phone))
    throw new CliError("create-admin: --phone must be a Thai phone number of 9-10 digits", 2);
  if (email && !isEmail(email))
    throw new CliError("create-admin: --email is not a valid e-mail address", 2);
  const password = values["password-stdin"]
    ? (await readStdin()).replace(/\r?\n$/, "")
    : (process.env.TAMBON_ADMIN_PASSWORD ?? "");
  if (!password)
    throw new CliError(
      "create-admin: set TAMBON_ADMIN_PASSWORD or use --password-stdin / ต้องระบุรหัสผ่าน",
      2,
    );
  if (passwordProblem(password))
    throw new CliError(
      "create-admin: the password needs at least 8 characters / รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร",
      2,
    );
  const database = await open(config);
  try {
    const passwordHash = await hashPassword(password);
    const id = await database.db.transaction(async (tx) => {
      const [u] = await tx
        .insert(users)
        .values({ name, username, phone, email, passwordHash, isPlatformAdmin: true })
        .returning({ id: users.id });
      await audit(tx, {
        tambonId: null,
        actorId: null,
        action: "user.create",
        targetType: "user",
        targetId: u!.id,
        after: { name, username, phone, email, platformAdmin: true },
      });
      return u!.id;
    });
    process.stdout.write(`created network administrator #${id} (${username ?? phone ?? email})\n`);
  } catch (err) {
    const m = (err as Error).message + String((err as { cause?: unknown }).cause ?? "");
    if (/unique|duplicate/i.test(m))
      throw new CliError(
        "create-admin: an account with this username, phone or e-mail exists / มีบัญชีนี้แล้ว",
      );
    throw err;
  } finally {
    await database.close();
  }
}

/** Runs the tambon command with its arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  try {
    if (command === "tally" && rest.includes("--verify")) {
      return await verifyCommand(rest.filter((a) => a !== "--verify"));
    }
    if (command === "tally") {
      return await runTallyCommand(rest, {
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
      });
    }
    const config = loadConfig();
    switch (command) {
      case "serve": {
        const { values } = parseArgs({
          args: rest,
          options: { "demo-on-first-start": { type: "boolean" } },
          strict: true,
        });
        await serve(config, !!values["demo-on-first-start"]);
        return -1;
      }
      case "migrate": {
        const database = await open(config);
        await database.close();
        process.stdout.write(`migrations applied (${database.kind})\n`);
        return 0;
      }
      case "demo": {
        const database = await open(config);
        try {
          const logins = await loadDemo(database.db, modules, (l) =>
            process.stdout.write(l + "\n"),
          );
          process.stdout.write(
            `demo logins (password: ${DEMO_PASSWORD}): ${logins.map((l) => l.username).join(", ")}\n`,
          );
        } finally {
          await database.close();
        }
        return 0;
      }
      case "tick": {
        const database = await open(config);
        try {
          return await tickCommand(database, config);
        } finally {
          await database.close();
        }
      }
      case "export-question": {
        const database = await open(config);
        try {
          return await exportQuestionCommand(database, rest);
        } finally {
          await database.close();
        }
      }
      case "create-admin":
        await createAdmin(config, rest);
        return 0;
      default:
        throw new CliError(`unknown command "${command}"; see tambon --help / ไม่รู้จักคำสั่งนี้`, 2);
    }
  } catch (err) {
    if (err instanceof CliError || err instanceof ConfigError) {
      process.stderr.write(`tambon: ${err.message}\n`);
      return err instanceof CliError ? err.code : 2;
    }
    if ((err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`tambon: ${(err as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`tambon: ${(err as Error).message.split("\n")[0]}\n`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
