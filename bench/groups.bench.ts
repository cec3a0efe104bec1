// Benchmarks of groups and meetings (src/modules/groups) on a large tambon: 75 villages and
// 2,000 village representatives in office.
//
//   npx tsx bench/groups.bench.ts            both databases
//   npx tsx bench/groups.bench.ts pglite     one of them
//
// Server time is measured around Fastify's inject (routing, session, CSRF, policy, command with its
// transaction and audit row, redirect or rendering), without a network in between.
import { createApp } from "../src/app.ts";
import { Client, testConfig } from "../test/helpers/app.ts";
import { openTestDatabase, type DbKind } from "../test/helpers/db.ts";
import { createTambon } from "../src/core/commands/tambons.ts";
import { roleGrants, tambonMembers, users, villages } from "../src/core/db/schema.ts";
import { hashPassword } from "../src/core/auth/password.ts";
import { todayIso } from "../src/core/dates.ts";
import { modules } from "../src/modules/index.ts";
import { villageRepTerms } from "../src/modules/groups/schema.ts";
import { coverage } from "../src/modules/groups/representatives/queries.ts";
import { recordSheet } from "../src/modules/groups/attendance/commands.ts";
import { actorFor } from "../src/core/auth/session.ts";
import { eq } from "drizzle-orm";
import type { Db } from "../src/core/db/index.ts";

type Figures = Record<string, string | number>;

const VILLAGES = 75;
const REPS = 2_000;

async function batches<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Median and 95th percentile of a list of milliseconds, rounded to 0.1 ms. */
function stats(ms: number[]): { median: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
  return { median: at(0.5), p95: at(0.95), max: Math.round(s[s.length - 1]! * 10) / 10 };
}

/** A tambon of 75 villages with 2,000 representatives in office and one facilitator. */
export async function buildLargeTambon(db: Db) {
  const made = await createTambon(db, null, { dopaCode: "910502", kind: "sao" }, modules);
  if (!made.ok) throw new Error("could not create the tambon");
  const tambon = made.value;
  const vs = await db
    .insert(villages)
    .values(
      Array.from({ length: VILLAGES }, (_, i) => ({
        tambonId: tambon.id,
        moo: i + 1,
        nameTh: `บ้านหมู่ที่ ${i + 1}`,
        code: `910502${String(i + 1).padStart(2, "0")}`,
      })),
    )
    .returning();
  const ids: number[] = [];
  await batches(
    Array.from({ length: REPS }, (_, i) => ({ name: `ตัวแทน ทดสอบ${i + 1}` })),
    1000,
    async (chunk) =>
      ids.push(
        ...(await db.insert(users).values(chunk).returning({ id: users.id })).map((r) => r.id),
      ),
  );
  const villageOf = (i: number) => vs[i % VILLAGES]!.id;
  await batches(
    ids.map((userId, i) => ({ userId, i })),
    1000,
    async (chunk) => {
      await db.insert(tambonMembers).values(
        chunk.map(({ userId, i }) => ({
          tambonId: tambon.id,
          userId,
          villageId: villageOf(i),
          status: "active" as const,
        })),
      );
      await db
        .insert(roleGrants)
        .values(chunk.map(({ userId }) => ({ tambonId: tambon.id, userId, role: "village_rep" })));
      await db.insert(villageRepTerms).values(
        chunk.map(({ userId, i }) => ({
          tambonId: tambon.id,
          villageId: villageOf(i),
          userId,
          startOn: "2024-01-01",
        })),
      );
    },
  );
  const [fac] = await db
    .insert(users)
    .values({
      name: "ผู้ก่อการดี",
      username: "bench-facilitator",
      passwordHash: await hashPassword("bench-password"),
    })
    .returning();
  await db.insert(tambonMembers).values({ tambonId: tambon.id, userId: fac!.id, status: "active" });
  await db.insert(roleGrants).values({ tambonId: tambon.id, userId: fac!.id, role: "facilitator" });

  return { tambon, villages: vs, ids, villageOf, facilitatorId: fac!.id };
}

/** Recording attendance and rendering the coverage view on one kind of database. */
export async function benchGroups(kind: DbKind): Promise<Figures> {
  const database = await openTestDatabase(kind);
  const db = database.db;
  try {
    const { tambon, ids, villageOf, facilitatorId } = await buildLargeTambon(db);
    const app = await createApp(testConfig(), database);
    await app.ready();
    try {
      const c = new Client(app);
      await c.login("bench-facilitator", "bench-password");
      const base = `/t/${tambon.slug}`;
      const created = await c.post(
        `${base}/admin/meetings`,
        {
          kind: "village_assembly",
          titleTh: "ประชุมตัวแทน 75 หมู่บ้าน",
          date: todayIso(),
          startTime: "09:00",
          status: "planned",
          isPublic: "1",
        },
        { from: `${base}/admin/meetings/new` },
      );
      const meetingId = Number(/meetings\/(\d+)/.exec(String(created.headers.location))?.[1]);
      if (!meetingId) throw new Error(`could not schedule the meeting: ${created.statusCode}`);
      const token = await c.csrf(`${base}/admin/meetings/${meetingId}/attendance`);

      // One row at a time through the facilitator's form (name matched among 2,000 members).
      // CPU time of this process is reported too: on PGlite it includes the database's work and,
      // unlike wall time, does not grow when other programs share the cores.
      const byName: number[] = [];
      let cpu = process.cpuUsage();
      for (let i = 0; i < 300; i++) {
        const t0 = performance.now();
        const res = await c.post(
          `${base}/admin/meetings/${meetingId}/attendance`,
          { name: `ตัวแทน ทดสอบ${i + 1}`, villageId: String(villageOf(i)), role: "village_rep" },
          { csrf: token },
        );
        byName.push(performance.now() - t0);
        if (res.statusCode !== 303) throw new Error(`recording answered ${res.statusCode}`);
      }
      cpu = process.cpuUsage(cpu);
      const cpuByName = (cpu.user + cpu.system) / 1000 / 300;
      // Ticks on a village's sheet, one person per submit.
      const bySheet: number[] = [];
      cpu = process.cpuUsage();
      for (let i = 300; i < 600; i++) {
        const t0 = performance.now();
        const res = await c.post(
          `${base}/admin/meetings/${meetingId}/attendance/sheet`,
          { villageId: String(villageOf(i)), people: String(ids[i]) },
          { csrf: token },
        );
        bySheet.push(performance.now() - t0);
        if (res.statusCode !== 303) throw new Error(`sheet answered ${res.statusCode}`);
      }
      cpu = process.cpuUsage(cpu);
      const cpuBySheet = (cpu.user + cpu.system) / 1000 / 300;
      // The command alone (no HTTP, session or CSRF), one row per call.
      const [facUser] = await db.select().from(users).where(eq(users.id, facilitatorId));
      const actor = await actorFor(db, facUser!);
      const direct: number[] = [];
      for (let i = 600; i < 900; i++) {
        const t0 = performance.now();
        const r = await recordSheet(db, actor, tambon.id, meetingId, villageOf(i), [
          String(ids[i]),
        ]);
        direct.push(performance.now() - t0);
        if (!r.ok) throw new Error("the command failed");
      }
      const command = stats(direct.slice(20));
      const warm = byName.slice(20);
      const one = stats(warm);
      const sheet = stats(bySheet.slice(20));

      // The coverage view, signed in (so the page cache does not answer).
      const page: number[] = [];
      cpu = process.cpuUsage();
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        const res = await c.get(`${base}/representatives`);
        page.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`coverage answered ${res.statusCode}`);
      }
      cpu = process.cpuUsage(cpu);
      const cpuView = (cpu.user + cpu.system) / 1000 / 40;
      const query: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        await coverage(db, tambon.id, todayIso(), 5);
        query.push(performance.now() - t0);
      }
      const view = stats(page.slice(5));
      const q = stats(query.slice(5));
      return {
        [`${kind}: record one attendance row by name, median (ms)`]: one.median,
        [`${kind}: record one attendance row by name, p95 (ms)`]: one.p95,
        [`${kind}: record one attendance row by name, mean CPU time of this process (ms)`]:
          Math.round(cpuByName * 10) / 10,
        [`${kind}: record one row from a village sheet, median (ms)`]: sheet.median,
        [`${kind}: record one row from a village sheet, mean CPU time of this process (ms)`]:
          Math.round(cpuBySheet * 10) / 10,
        [`${kind}: record one row from a village sheet, p95 (ms)`]: sheet.p95,
        [`${kind}: the recording command alone, median (ms)`]: command.median,
        [`${kind}: the recording command alone, p95 (ms)`]: command.p95,
        [`${kind}: coverage view, 75 villages / 2,000 representatives, median (ms)`]: view.median,
        [`${kind}: coverage view, p95 (ms)`]: view.p95,
        [`${kind}: coverage view, mean CPU time of this process (ms)`]:
          Math.round(cpuView * 10) / 10,
        [`${kind}: coverage query alone, median (ms)`]: q.median,
      };
    } finally {
      await app.close();
    }
  } finally {
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kinds = (
    process.argv.slice(2).length ? process.argv.slice(2) : ["pglite", "postgres"]
  ) as DbKind[];
  for (const kind of kinds) {
    const figures = await benchGroups(kind);
    for (const [k, v] of Object.entries(figures)) process.stdout.write(`| ${k} | ${v} |\n`);
  }
}
