// A provincial network's operator sets up many tambons and their people from files:
// `tambon tambons add FILE` and `tambon users import FILE`, run in-process (the commands' own
// functions on a test database; the command line's refusals through `run`), on a database a
// production start has left without the demo.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { DB_KINDS, openTestDatabase } from "../helpers/db.ts";
import { auditLog, roleGrants, tambonMembers, tambons, users } from "../../src/core/db/schema.ts";
import { CliError } from "../../src/core/cli.ts";
import { modules } from "../../src/modules/index.ts";
import { readSetupFile, report } from "../../src/cli/commands/setup-csv.ts";
import {
  TAMBON_FIELDS,
  addTambons,
  passOnInvitations,
  run as runTambons,
} from "../../src/cli/commands/tambons.ts";
import type { MailMessage } from "../../src/core/mail.ts";
import { USER_FIELDS, importUsers, run as runUsers } from "../../src/cli/commands/users.ts";
import { wantsDemo } from "../../src/cli/commands/serve.ts";
import { COMMANDS, commandHelp } from "../../src/cli/commands.ts";

process.env.TAMBON_PASSWORD_COST ??= "10";

const dir = mkdtempSync(path.join(tmpdir(), "tambon-setup-"));
let n = 0;
/** Writes a CSV file (a header line, then rows) and returns its path. */
function csv(lines: string[]): string {
  const file = path.join(dir, `f${n++}.csv`);
  writeFileSync(file, lines.join("\r\n") + "\r\n");
  return file;
}

const config = { publicUrl: "https://tambon.example.org", host: "127.0.0.1", port: 3000 };

/** Captures what a command writes to standard output and error while `fn` runs. */
async function captured<T>(fn: () => Promise<T>): Promise<{ value: T; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    return { value: await fn(), out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

test("a wrong command line is one line in Thai and English with exit code 2, before any database", async () => {
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof CliError, String(e));
      assert.ok(!e.message.includes("\n"), e.message);
      return e;
    }
    assert.fail("not refused");
  };
  const wrongVerb = await refusal(runTambons({ values: {}, positionals: ["remove", "x.csv"] }));
  assert.equal(wrongVerb.code, 2);
  assert.match(wrongVerb.message, /unknown action "remove".*ใช้ tambons add FILE/);
  assert.equal((await refusal(runUsers({ values: {}, positionals: ["add", "x.csv"] }))).code, 2);
  const missing = await refusal(
    runUsers({ values: {}, positionals: ["import", path.join(dir, "none.csv")] }),
  );
  assert.match(missing.message, /cannot read .*อ่านไฟล์ไม่ได้/);
  const noColumn = await refusal(
    runTambons({ values: {}, positionals: ["add", csv(["slug,kind", "x,sao"])] }),
  );
  assert.match(noColumn.message, /ไม่พบคอลัมน์ รหัสตำบล \/ missing columns dopa_code/);
  const noTambon = await refusal(
    runUsers({ values: {}, positionals: ["import", csv(["name,phone", "ก,0812345678"])] }),
  );
  assert.match(noTambon.message, /missing columns tambon/);
  const noRows = await refusal(
    runTambons({ values: {}, positionals: ["add", csv(["dopa_code,slug"])] }),
  );
  assert.match(
    noRows.message,
    /^tambons add: ไฟล์มีแต่แถวหัวตาราง.* \/ The file has a header row but no rows/,
  );
  const asNobody = await refusal(
    runUsers({ values: { as: " " }, positionals: ["import", csv(["tambon,name", "x,ก"])] }),
  );
  assert.equal(asNobody.code, 2);
  assert.match(asNobody.message, /--as needs a USERNAME/);
  for (const name of ["tambons", "users"]) {
    const help = commandHelp(COMMANDS.find((c) => c.name === name)!);
    assert.match(help, /--dry-run/);
    assert.match(help, /[\u0E00-\u0E7F]/, "Thai");
    assert.match(help, /Every row is checked first/, "English");
  }
});

for (const kind of DB_KINDS) {
  test(`${kind}: no demo in production; tambons and people from files, all or nothing, again changes nothing`, async () => {
    const database = await openTestDatabase(kind);
    try {
      const db = database.db;
      // A production start never loads the demo, even into an empty database and when asked to
      // (serve --demo-on-first-start, what npm start runs); elsewhere an empty database gets it.
      const asked = await captured(() => wantsDemo(database, { nodeEnv: "production" }));
      assert.equal(asked.value, false);
      assert.match(asked.err, /NODE_ENV=production: --demo-on-first-start ignored/);
      const dev = await captured(() => wantsDemo(database, { nodeEnv: "development" }));
      assert.equal(dev.value, true, "an empty database outside production gets the demo");
      const [admin] = await db
        .insert(users)
        .values({ name: "ผู้ดูแลเครือข่าย", username: "netadmin", isNetworkAdmin: true })
        .returning();
      const [existing] = await db
        .insert(users)
        .values({ name: "สมศรี มีสุข", username: "somsri", phone: "0811111111" })
        .returning();
      const audits = async () => (await db.select({ n: count() }).from(auditLog))[0]!.n;

      // One bad row (a code of another subdistrict than named, an unknown code, a wrong kind)
      // keeps every good row out too, and each is reported with its row number.
      const bad = csv([
        "รหัสตำบล,ชื่อตำบล,ประเภท,ผู้ดูแลตำบล",
        "910502,ละงู,อบต.,somsri",
        "910501,ละงู,อบต.,",
        "999999,,,",
        "520801,,city,",
      ]);
      const badRun = await addTambons(
        database,
        config,
        modules,
        await readSetupFile("tambons add", bad, TAMBON_FIELDS),
        { dryRun: false },
      );
      assert.equal(badRun.applied, false);
      assert.deepEqual(
        badRun.problems.map((p) => p.line),
        [3, 4, 5],
      );
      assert.match(badRun.problems[0]!.th, /รหัส 910501 คือตำบล/);
      assert.match(badRun.problems[1]!.en, /no subdistrict with DOPA code "999999"/);
      assert.match(badRun.problems[2]!.en, /kind must be sao or municipality/);
      assert.equal((await db.select().from(tambons)).length, 0, "nothing stored");
      assert.equal(await audits(), 0, "nothing audited");

      const good = csv([
        "dopa_code,slug,kind,name_en,admin,admin_name",
        "910502,la-ngu,sao,La-ngu,somsri,",
        "520801,,municipality,,prasit@example.org,นายประสิทธิ์ ใจดี",
      ]);
      const rows = await readSetupFile("tambons add", good, TAMBON_FIELDS);
      const dry = await addTambons(database, config, modules, rows, { dryRun: true });
      assert.deepEqual([dry.applied, dry.counts.create, dry.problems.length], [false, 2, 0]);
      assert.deepEqual(dry.invited, [], "a dry run hands out no invitation");
      assert.equal((await db.select().from(tambons)).length, 0, "a dry run stores nothing");

      const done = await addTambons(database, config, modules, rows, { dryRun: false });
      assert.deepEqual([done.applied, done.counts.create, done.problems.length], [true, 2, 0]);
      const made = await db.select().from(tambons).orderBy(tambons.dopaCode);
      assert.deepEqual(
        made.map((t) => [t.dopaCode, t.slug, t.kind]),
        [
          ["520801", made[0]!.slug, "municipality"],
          ["910502", "la-ngu", "sao"],
        ],
      );
      const laNgu = made[1]!;
      const adminRoles = await db
        .select({ role: roleGrants.role })
        .from(roleGrants)
        .where(and(eq(roleGrants.tambonId, laNgu.id), eq(roleGrants.userId, existing!.id)));
      assert.deepEqual(
        adminRoles.map((r) => r.role),
        ["admin"],
        "the existing account is the first admin",
      );
      assert.equal(done.invited.length, 1);
      assert.match(done.invited[0]!.url, /^https:\/\/tambon\.example\.org\/reset\/\S+$/);
      // The invitation goes by e-mail when e-mail is configured, and its link is printed anyway.
      const sent: MailMessage[] = [];
      const mailed = await captured(() =>
        passOnInvitations(done.invited, { sendMail: async (m) => sent.push(m) }),
      );
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!.to, "prasit@example.org");
      assert.match(sent[0]!.subject, /^คำเชิญเป็นผู้ดูแล.* \/ Invitation to administer /);
      assert.ok(sent[0]!.text.includes(done.invited[0]!.url));
      assert.ok(mailed.out.includes(`${done.invited[0]!.url} (ส่งทางอีเมลแล้ว / e-mailed)`));
      const down = await captured(() =>
        passOnInvitations(done.invited, {
          sendMail: async () => {
            throw new Error("connection refused");
          },
        }),
      );
      assert.match(down.err, /could not e-mail prasit@example\.org: connection refused/);
      assert.ok(down.out.includes(done.invited[0]!.url), "the link is printed all the same");
      const created = await db.select().from(auditLog).where(eq(auditLog.action, "tambon.create"));
      assert.equal(created.length, 2);
      assert.ok(
        created.every((a) => a.actorId === admin!.id),
        "audited as the network admin",
      );

      const before = await audits();
      const again = await addTambons(database, config, modules, rows, { dryRun: false });
      assert.deepEqual([again.counts.create, again.counts.unchanged], [0, 2]);
      assert.equal(await audits(), before, "running the file again changes nothing");

      // People: an existing account joins a tambon with a role; new accounts get a link.
      const people = csv([
        "ชื่อผู้ใช้,เบอร์โทรศัพท์,อีเมล,ชื่อ นามสกุล,ตำบล,บทบาท,หมู่ที่",
        "somsri,,,,la-ngu,ผู้ก่อการดี,",
        ',081-333-3333,,นางมาลี ดีงาม,la-ngu,"facilitator, อสม.",',
        ",,malee@example.org,Malee Dee,la-ngu,,",
      ]);
      const peopleRows = await readSetupFile("users import", people, USER_FIELDS);
      const imported = await importUsers(database, config, peopleRows, { dryRun: false });
      assert.deepEqual(imported.problems, []);
      assert.deepEqual(imported.counts, { create: 2, update: 1, unchanged: 0 });
      assert.equal(imported.links.length, 2);
      const rolesOf = async (userId: number) =>
        (
          await db
            .select({ role: roleGrants.role })
            .from(roleGrants)
            .where(and(eq(roleGrants.tambonId, laNgu.id), eq(roleGrants.userId, userId)))
        )
          .map((r) => r.role)
          .sort();
      assert.deepEqual(await rolesOf(existing!.id), ["admin", "facilitator", "member"]);
      const [malee] = await db.select().from(users).where(eq(users.phone, "0813333333"));
      assert.deepEqual(await rolesOf(malee!.id), ["facilitator", "health_volunteer", "member"]);
      const members = await db
        .select()
        .from(tambonMembers)
        .where(eq(tambonMembers.tambonId, laNgu.id));
      assert.equal(members.filter((m) => m.status === "active").length, 3);

      const beforePeople = await audits();
      const peopleAgain = await importUsers(database, config, peopleRows, { dryRun: false });
      assert.deepEqual(peopleAgain.counts, { create: 0, update: 0, unchanged: 3 });
      assert.equal(await audits(), beforePeople, "importing the same people again changes nothing");

      const badPeople = csv([
        "username,phone,email,name,tambon,role",
        ",0844444444,,คนใหม่,la-ngu,",
        ",0855555555,,คนที่สอง,nowhere,",
        ",12345,,คนที่สาม,la-ngu,",
        ",0866666666,,คนที่สี่,la-ngu,mayor",
        "somsri,0813333333,,,la-ngu,",
      ]);
      const refused = await captured(async () => {
        const r = await importUsers(
          database,
          config,
          await readSetupFile("users import", badPeople, USER_FIELDS),
          { dryRun: false },
        );
        return { r, code: report("users import", 5, r, false) };
      });
      assert.equal(refused.value.code, 1);
      assert.deepEqual(
        refused.value.r.problems.map((p) => p.line),
        [3, 4, 5, 6],
      );
      assert.match(refused.err, /^แถว 3: ไม่มีตำบล "nowhere" \/ row 3: no tambon "nowhere"$/m);
      assert.match(refused.err, /row 5: unknown role "mayor"/);
      assert.match(refused.err, /row 6: .*different accounts/);
      assert.match(refused.out, /"badRows":4.*"applied":false/);
      const [notMade] = await db.select().from(users).where(eq(users.phone, "0844444444"));
      assert.equal(notMade, undefined, "the good row was not stored either");
    } finally {
      await database.drop();
    }
  });
}
