// Benchmarks of the community-data module (src/modules/community): a tambon of 18 villages
// receives 1,000,000 person rows from a generated CSV (about 250,000 households, half the people
// with a valid Thai ID) through the same streaming import `tambon import people` runs, then the
// public village page is timed over those million people.
//
//   npx tsx bench/community.bench.ts            both databases
//   npx tsx bench/community.bench.ts postgres   one of them
//
// Peak memory is the process's resident set sampled every 100 ms during the import. Server time
// is measured around Fastify's inject with the page cache emptied before each request.
import {
  createWriteStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createApp } from "../src/app.ts";
import { testConfig } from "../test/helpers/app.ts";
import { openTestDatabase, type DbKind } from "../test/helpers/db.ts";
import { rowsOf } from "../src/core/db/index.ts";
import { pageCache } from "../src/core/page-cache.ts";
import { thaiIdCheckDigit } from "../src/core/thai-id.ts";
import { autoMap } from "../src/core/imports.ts";
import { csvSource, runStreamingImport } from "../src/core/import-stream.ts";
import { peopleImporter } from "../src/modules/community/imports/people.ts";

type Figures = Record<string, string | number>;

/** Clock ticks a second of /proc's CPU times (USER_HZ, 100 on Linux). */
const HZ = 100;

/** A process's CPU time (user + system) in seconds, from /proc; null once it has ended. */
export function cpuOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / HZ;
  } catch {
    return null;
  }
}

/** This process's high-water resident memory (VmHWM) in MB. */
export function peakRssMb(pid: number | "self" = "self"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** One line of the summary a bench prints at its end. */
export interface SummaryRow {
  measure: string;
  database: string;
  wall: string;
  cpu: string;
  peakRss: string;
  target: string;
  /** Whether the CPU time (or memory) meets the target: the fair figure on a shared machine. */
  met: string;
}

/** Prints the summary table (Markdown) of every measure a bench run took. */
export function printSummary(rows: readonly SummaryRow[]): void {
  if (!rows.length) return;
  const out = [
    "\n## Summary (CPU = user + system of the app process, + the PostgreSQL backends on PostgreSQL)\n",
    "| measure | database | wall | CPU | peak RSS (VmHWM) | target | met |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.measure} | ${r.database} | ${r.wall} | ${r.cpu} | ${r.peakRss} | ${r.target} | ${r.met} |`,
    ),
  ];
  process.stdout.write(out.join("\n") + "\n");
}

/** The PostgreSQL server processes serving `database` (their command line names it). */
export function backendsOf(database: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8");
      // "postgres: [cluster: ]user database host(port) activity"
      if (/^postgres: (?:\S+: )?\S+ (\S+) /.exec(cmd)?.[1] === database) out.push(Number(d));
    } catch {
      // Ended meanwhile.
    }
  }
  return out;
}

export const loadAverage = () =>
  readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

const VILLAGES = 18;

/** Writes `rows` person rows: four people a house, Thai IDs on every other row. */
export async function writePeopleCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write("หมู่ที่,บ้านเลขที่,ชื่อ-สกุล,เลขประจำตัวประชาชน,วันเกิด,เพศ,ความสัมพันธ์\n");
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const house = Math.floor(i / 4);
    const moo = 1 + (house % VILLAGES);
    const first12 = String(300000000000 + i);
    const id = i % 2 === 0 ? first12 + thaiIdCheckDigit(first12) : "";
    const year = 2480 + (i % 88);
    const day = `${1 + (i % 28)}/${1 + (i % 12)}/${year}`;
    const sex = i % 2 === 0 ? "ชาย" : "หญิง";
    const relation = i % 4 === 0 ? "หัวหน้า" : i % 4 === 1 ? "คู่สมรส" : "บุตร";
    chunk += `${moo},${house}/${moo},คนทดสอบ ${i},${id},${day},${sex},${relation}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

export async function benchCommunity(kind: DbKind, rows = 1_000_000): Promise<Figures> {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-community-bench-"));
  const file = path.join(dir, "people.csv");
  await writePeopleCsv(file, rows);
  const database = await openTestDatabase(kind);
  const db = database.db;
  await db.execute(sql`insert into tambons (slug, dopa_code, name_th, name_en, district_th, district_en,
      province_th, province_en, kind)
    values ('bench-community', '990101', 'ทดสอบชุมชน', 'Bench community', 'ทดสอบ', 'Bench', 'ทดสอบ', 'Bench', 'sao')`);
  await db.execute(sql`insert into villages (tambon_id, moo, name_th, code)
    select t.id, n, 'บ้านทดสอบ ' || n, '990101' || lpad(n::text, 2, '0')
    from tambons t, generate_series(1, ${VILLAGES}) n where t.slug = 'bench-community'`);
  const res = (await db.execute(
    sql`select id from tambons where slug = 'bench-community'`,
  )) as unknown as { id: number }[] | { rows: { id: number }[] };
  const tambonId = Number((Array.isArray(res) ? res : res.rows)[0]!.id);

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const size = statSync(file).size;
  const source = await csvSource(file, size);
  const importer = await peopleImporter(db, tambonId, null, "people.csv");
  const t0 = performance.now();
  const report = await runStreamingImport(
    source,
    autoMap(source.headers, importer.fields),
    importer,
    {
      apply: true,
      batch: 2000,
    },
  );
  const importMs = performance.now() - t0;
  const t1 = performance.now();
  const again = await runStreamingImport(
    source,
    autoMap(source.headers, importer.fields),
    importer,
    {
      apply: true,
      batch: 2000,
    },
  );
  const rerunMs = performance.now() - t1;
  clearInterval(sampler);
  if (report.badRows || report.create !== rows)
    throw new Error(`import: ${JSON.stringify(report)}`);

  const app = await createApp(testConfig(), database);
  await app.ready();
  const page = async (url: string, runs: number) => {
    const ms: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      pageCache.invalidate(null);
      const s = performance.now();
      const r = await app.inject({ url });
      if (r.statusCode !== 200) throw new Error(`${url} answered ${r.statusCode}`);
      if (i > 0) ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    return `median ${Math.round(ms[Math.floor(ms.length / 2)]! * 10) / 10} ms · max ${Math.round(ms[ms.length - 1]! * 10) / 10} ms`;
  };
  const village = await page("/t/bench-community/community/villages/1", 5);
  const whole = await page("/t/bench-community/community", 3);
  await app.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    "person rows": rows,
    "CSV size": `${Math.round(size / 2 ** 20)} MB`,
    "import (check + write, one transaction)": `${Math.round(importMs / 100) / 10} s`,
    "rows per second": Math.round(rows / (importMs / 1000)),
    "re-run of the same file (nothing changes)": `${Math.round(rerunMs / 100) / 10} s · ${again.unchanged.toLocaleString("en")} unchanged`,
    "peak resident memory of the process": `${Math.round(peak / 2 ** 20)} MB`,
    "village page, server time": village,
    "tambon page, server time": whole,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv.slice(2);
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  if (process.env.BENCH_PAGES) {
    const summary: SummaryRow[] = [];
    for (const kind of (["postgres", "pglite"] as const).filter(
      (k) => !which.length || which.includes(k),
    )) {
      process.stdout.write(`\n## community pages and sync on ${kind}\n`);
      for (const [k, v] of Object.entries(await benchCommunityPages(kind, rows, summary)))
        process.stdout.write(`| ${k} | ${v} |\n`);
    }
    printSummary(summary);
    process.exit(0);
  }
  for (const kind of (["postgres", "pglite"] as const).filter(
    (k) => !which.length || which.includes(k),
  )) {
    process.stdout.write(`\n## community on ${kind}\n`);
    for (const [k, v] of Object.entries(await benchCommunity(kind, rows)))
      process.stdout.write(`| ${k} | ${v} |\n`);
  }
}

function ms(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${Math.round(s[Math.floor(s.length / 2)]! * 10) / 10} ms · max ${Math.round(s[s.length - 1]! * 10) / 10} ms`;
}

/**
 * The public village page over a million people of the demo tambon (seeded in SQL with
 * generate_series: four people a house, ages 0–99), timed with the page cache emptied: cold
 * (the first page after a change to one village's people, which counts that village again), after
 * a change to every village (all counted again) and warm (the registry's counts kept until the
 * next change); then a volunteer's phone syncs 200 queued
 * household submissions (8 requests of 25, members' repeat of each household included) through
 * the HTTP route.
 */
export async function benchCommunityPages(
  kind: DbKind,
  people = 1_000_000,
  summary: SummaryRow[] = [],
): Promise<Figures> {
  const { startTestApp, Client } = await import("../test/helpers/app.ts");
  const { postMultipart } = await import("../test/helpers/multipart.ts");
  const t = await startTestApp(kind, { demo: true });
  const db = t.database.db;
  const [tb] = await rowsOf<{ id: number }>(db, sql`select id from tambons where slug = 'la-ngu'`);
  const tambonId = Number(tb!.id);
  const vs = await rowsOf<{ id: number; moo: number }>(
    db,
    sql`select id, moo from villages where tambon_id = ${tambonId} order by moo`,
  );
  const houses = Math.ceil(people / 4);
  const s0 = performance.now();
  await db.execute(sql`insert into community_households (tambon_id, village_id, house_no)
    select ${tambonId}, (array[${sql.raw(vs.map((v) => v.id).join(","))}])[1 + g % ${vs.length}], 'b' || g
    from generate_series(0, ${houses - 1}) g`);
  await db.execute(sql`insert into community_people (tambon_id, household_id, village_id, name, birth_date, sex, relation)
    select h.tambon_id, h.id, h.village_id, 'คนทดสอบ ' || h.id || '-' || k,
      (current_date - ((h.id * 7 + k * 3571) % 36500) * interval '1 day')::date,
      case when (h.id + k) % 2 = 0 then 'male' else 'female' end,
      case when k = 0 then 'head' else 'child' end
    from community_households h, generate_series(0, 3) k
    where h.tambon_id = ${tambonId} and h.house_no like 'b%'`);
  // What autovacuum (PostgreSQL) or the upkeep job (PGlite) does after so many new rows: the
  // statistics, and the visibility map the village counts' index-only scans rely on.
  await db.execute(sql`vacuum analyze community_people`);
  await db.execute(sql`vacuum analyze community_households`);
  const seedMs = performance.now() - s0;
  const [n] = await rowsOf<{ n: string }>(
    db,
    sql`select count(*) as n from community_people where tambon_id = ${tambonId}`,
  );

  const moo = vs[0]!.moo;
  const url = `/t/la-ngu/community/villages/${moo}`;
  // CPU time of this process and of the PostgreSQL processes serving its database (wall time
  // on a shared machine says more about the others than about the code).
  const [dbName] = await rowsOf<{ name: string }>(db, sql`select current_database() as name`);
  const serverCpu = () =>
    kind === "postgres" ? backendsOf(dbName!.name).reduce((a, pid) => a + (cpuOf(pid) ?? 0), 0) : 0;
  const cpuMs = { cold: [] as number[], warm: [] as number[], everywhere: [] as number[] };
  const get = async (which?: keyof typeof cpuMs) => {
    pageCache.invalidate(null);
    const c0 = process.cpuUsage();
    const server0 = serverCpu();
    const s = performance.now();
    const r = await t.app.inject({ url });
    if (r.statusCode !== 200) throw new Error(`${url} answered ${r.statusCode}`);
    const wall = performance.now() - s;
    const c = process.cpuUsage(c0);
    if (which) cpuMs[which].push((c.user + c.system) / 1000 + (serverCpu() - server0) * 1000);
    return wall;
  };
  const pageLoad = loadAverage();
  await get(); // the app's first page (templates, plans) is not the figures' cost
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    await db.execute(
      sql`update community_people set name = name where id = (select min(id) from community_people where tambon_id = ${tambonId})`,
    );
    cold.push(await get("cold"));
    for (let j = 0; j < 3; j++) warm.push(await get("warm"));
  }
  // A change to every village at once (an import, say): each village is counted again.
  const everywhere: number[] = [];
  for (let i = 0; i < 2; i++) {
    await db.execute(
      sql`update community_people set name = name where id in (select min(id) from community_people
        where tambon_id = ${tambonId} group by village_id)`,
    );
    everywhere.push(await get("everywhere"));
  }
  const whole: number[] = [];
  for (let i = 0; i < 3; i++) {
    pageCache.invalidate(null);
    const s = performance.now();
    await t.app.inject({ url: "/t/la-ngu/community" });
    whole.push(performance.now() - s);
  }

  // 200 queued submissions of one phone: the demo survey's answers, each household's members.
  const phone = new Client(t.app);
  await phone.login("langu-osm");
  const [form] = await rowsOf<{ version_id: number; round_id: number; answers: unknown }>(
    db,
    sql`select v.id as version_id, r.id as round_id, s.answers
      from community_forms f
      join community_form_versions v on v.form_id = f.id and v.version = f.current_version
      join community_rounds r on r.form_id = f.id and r.status = 'open'
      join community_submissions s on s.form_version_id = v.id
      where f.tambon_id = ${tambonId} and f.level = 'household' and s.status = 'accepted'
      limit 1`,
  );
  const template = (
    typeof form!.answers === "string" ? JSON.parse(form!.answers) : form!.answers
  ) as Record<string, unknown>;
  const memberTemplate = ((template.members as Record<string, unknown>[]) ?? [])[0] ?? {};
  const [own] = await rowsOf<{ village_id: number }>(
    db,
    sql`select m.village_id from tambon_members m join users u on u.id = m.user_id
      where u.username = 'langu-osm' and m.tambon_id = ${tambonId}`,
  );
  const targets = await rowsOf<{ id: number; version: number }>(
    db,
    sql`select id, version from community_households
      where tambon_id = ${tambonId} and village_id = ${own!.village_id} and house_no like 'b%'
      order by id limit 200`,
  );
  const folks = await rowsOf<{
    id: number;
    household_id: number;
    name: string;
    birth_date: string;
  }>(
    db,
    sql`select id, household_id, name, birth_date::text as birth_date from community_people
      where household_id in (${sql.raw(targets.map((h) => h.id).join(","))}) order by id`,
  );
  const items = targets.map((h, i) => ({
    clientId: `bench-${kind}-${i}-${Date.now()}`,
    formVersionId: Number(form!.version_id),
    roundId: Number(form!.round_id),
    householdId: h.id,
    personId: null,
    villageId: null,
    baseVersion: h.version,
    collectedAt: new Date().toISOString(),
    answers: {
      ...template,
      members: folks
        .filter((p) => p.household_id === h.id)
        .map((p, k) => ({
          ...memberTemplate,
          person_id: p.id,
          member_name: p.name,
          birth_date: p.birth_date,
          sex: k % 2 === 0 ? "male" : "female",
        })),
    },
  }));
  const from = "/t/la-ngu/community/collect";
  await phone.get(from);
  const load = loadAverage();
  const cpu0 = process.cpuUsage();
  const server0 = serverCpu();
  const s1 = performance.now();
  const outcomes: Record<string, number> = {};
  for (let i = 0; i < items.length; i += 25) {
    const res = await postMultipart(
      phone,
      `${from}/sync`,
      { payload: JSON.stringify(items.slice(i, i + 25)) },
      {},
      { from },
    );
    if (res.statusCode !== 200) throw new Error(`sync answered ${res.statusCode}: ${res.body}`);
    const body = JSON.parse(res.body) as { results?: { status: string }[] } | { status: string }[];
    for (const o of Array.isArray(body) ? body : (body.results ?? []))
      outcomes[o.status] = (outcomes[o.status] ?? 0) + 1;
  }
  const syncMs = performance.now() - s1;
  const used = process.cpuUsage(cpu0);
  const syncCpu = (used.user + used.system) / 1e6;
  const syncServer = serverCpu() - server0;
  await t.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const plus = kind === "postgres" ? " (app + server)" : "";
  const people_ = `${Math.round(Number(n!.n) / 1000).toLocaleString("en")}k people`;
  const pageRow = (measure: string, wall: number[], cpu: number[]): SummaryRow => ({
    measure: `${measure}, ${people_} (median)`,
    database: kind,
    wall: `${Math.round(median(wall))} ms`,
    cpu: `${Math.round(median(cpu))} ms${plus}`,
    peakRss: `${peakRssMb()} MB (bench process)`,
    target: "< 200 ms server time",
    met: median(cpu) < 200 ? "yes (CPU)" : "NO (CPU)",
  });
  const syncCpuAll = syncCpu + syncServer;
  summary.push(
    pageRow("village page, first after a change to one village", cold, cpuMs.cold),
    pageRow("village page, first after a change to every village", everywhere, cpuMs.everywhere),
    pageRow("village page, warm", warm, cpuMs.warm),
    {
      measure: "sync of 200 queued submissions (8 requests of 25)",
      database: kind,
      wall: `${(syncMs / 1000).toFixed(1)} s`,
      cpu: `${syncCpuAll.toFixed(1)} s${plus}`,
      peakRss: `${peakRssMb()} MB (bench process)`,
      target: "< 10 s",
      met: syncCpuAll < 10 ? "yes (CPU)" : "NO (CPU)",
    },
  );
  return {
    "people in the tambon": Number(n!.n).toLocaleString("en"),
    "seeding (generate_series)": `${Math.round(seedMs / 100) / 10} s`,
    "load average (1, 5, 15 min) before the pages": pageLoad,
    "village page, cold (first page after a change), wall": ms(cold),
    [`village page, cold, CPU time (app${kind === "postgres" ? " + server" : ""})`]: ms(cpuMs.cold),
    "village page, first after a change to every village, wall": ms(everywhere),
    [`the same, CPU time (app${kind === "postgres" ? " + server" : ""})`]: ms(cpuMs.everywhere),
    "village page, warm (no change since), wall": ms(warm),
    [`village page, warm, CPU time (app${kind === "postgres" ? " + server" : ""})`]: ms(cpuMs.warm),
    "tambon page, warm": ms(whole),
    "sync of 200 queued submissions (8 requests of 25), wall": `${Math.round(syncMs)} ms · ${JSON.stringify(outcomes)}`,
    "the same, CPU time (user + system)":
      kind === "postgres"
        ? `${syncCpu.toFixed(1)} s app + ${syncServer.toFixed(1)} s server`
        : `${syncCpu.toFixed(1)} s`,
    "load average (1, 5, 15 min) before the sync": load,
  };
}
