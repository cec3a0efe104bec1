// A province under load, on PostgreSQL: `npx tsx bench/province.bench.ts [--tambons 150]
// [--connections 10,25,50] [--seconds 8] [--members 5]`. The demo is loaded, then each of the
// province's tambons is a copy of the demo tambon's settings, menu, categories, areas, policies
// and villages, with 2,000 news, 200 pages, 500 members, 50 questions and 100 meetings of its own
// (set-wise SQL: INSERT … SELECT … FROM generate_series) and its news in the site search. A real
// server listens on a free port; 5 members in each of 20 tambons sign in through the login form, and
// autocannon drives each page kind with their sessions (every request another member's cookie
// and tambon), at each number of connections, then all kinds mixed. Votes are not part of the
// journey: only reads and searches are measured.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { createApp } from "../src/app.ts";
import { migrateDatabase, type Database } from "../src/core/db/index.ts";
import { benchConfig, openBenchDatabase, signIn } from "./db.ts";
import { loadDemo } from "../src/demo/load-demo.ts";
import { modules } from "../src/modules/index.ts";
import { hashPassword } from "../src/core/auth/password.ts";

type Figures = Record<string, string | number>;

const NEWS = 2_000;
const PAGES = 200;
const MEMBERS = 500;
const QUESTIONS = 50;
const MEETINGS = 100;
const SAMPLED_TAMBONS = 20;
const PASSWORD = "province-bench-1";

/** The columns of a table that an insert may set (no id, nothing generated). */
async function columns(database: Database, table: string): Promise<string[]> {
  const rows = await database.rows<{ column_name: string }>(sql`
    select column_name from information_schema.columns
    where table_schema = 'public' and table_name = ${table} and column_name <> 'id'
      and is_generated = 'NEVER' and column_default is distinct from ${`nextval('${table}_id_seq'::regclass)`}
    order by ordinal_position`);
  return rows.map((r) => r.column_name);
}

/** Copies the demo tambon's rows of `table` to every province tambon (tambon_id replaced). */
async function copyPerTambon(database: Database, table: string, demoId: number) {
  const cols = await columns(database, table);
  const list = cols.map((c) => `"${c}"`).join(", ");
  const values = cols.map((c) => (c === "tambon_id" ? "p.id" : `s."${c}"`)).join(", ");
  await database.rows(
    sql.raw(`insert into ${table} (${list})
      select ${values} from ${table} s cross join province_tambons p where s.tambon_id = ${demoId}`),
  );
}

/** The province, set-wise in SQL. Returns the row counts. */
async function seed(database: Database, tambonCount: number, passwordHash: string) {
  const run = (q: string) => database.rows(sql.raw(q));
  const [demo] = await database.rows<{ id: number }>(
    sql`select id from tambons where slug = 'la-ngu'`,
  );
  const demoId = demo!.id;
  const tambonCols = (await columns(database, "tambons")).filter(
    (c) => !["slug", "dopa_code", "host", "name_th", "name_en"].includes(c),
  );
  await run(`
    insert into tambons (slug, dopa_code, name_th, name_en, ${tambonCols.map((c) => `"${c}"`).join(", ")})
    select 'prov-' || n, '97' || lpad(n::text, 4, '0'), 'ตำบลทดสอบ ' || n, 'Province ' || n,
      ${tambonCols.map((c) => `t."${c}"`).join(", ")}
    from tambons t cross join generate_series(1, ${tambonCount}) n where t.id = ${demoId}`);
  await run(`create table province_tambons as
    select id, row_number() over (order by id)::int as n from tambons where slug like 'prov-%'`);
  for (const table of [
    "site_settings",
    "site_menu_items",
    "site_categories",
    "issue_areas",
    "decision_policies",
    "villages",
  ])
    await copyPerTambon(database, table, demoId);
  await run(`
    with cats as (
      select tambon_id, id, row_number() over (partition by tambon_id order by id)::int as k
      from site_categories where tambon_id in (select id from province_tambons))
    insert into site_news (tambon_id, category_id, slug, title, summary, body_md, body_html, status, publish_at)
    select p.id, c.id, 'news-' || g, 'ข่าวประชาสัมพันธ์ ครั้งที่ ' || g, 'สรุปข่าว ' || g,
      'เนื้อหาข่าว ' || g, '<p>เนื้อหาข่าว ' || g || '</p>', 'published',
      now() - (g || ' hours')::interval
    from province_tambons p cross join generate_series(1, ${NEWS}) g
    join cats c on c.tambon_id = p.id and c.k = 1 + g % 3`);
  await run(`
    insert into site_pages (tambon_id, title_th, title_en, body_md, body_html)
    select p.id, 'หน้าข้อมูล ' || g, 'Page ' || g, 'เนื้อหา ' || g, '<p>เนื้อหา ' || g || '</p>'
    from province_tambons p cross join generate_series(1, ${PAGES}) g`);
  await run(`
    insert into users (name, username, password_hash)
    select 'สมาชิก ' || p.n || '-' || g, 'prov-' || p.n || '-' || g, '${passwordHash}'
    from province_tambons p cross join generate_series(1, ${MEMBERS}) g`);
  await run(`
    insert into tambon_members (tambon_id, user_id, village_id, status, verified_at)
    select p.id, u.id,
      (select v.id from villages v where v.tambon_id = p.id order by v.moo limit 1),
      'active', now()
    from users u join province_tambons p on p.n = split_part(u.username, '-', 2)::int
    where u.username like 'prov-%'`);
  await run(`
    insert into role_grants (tambon_id, user_id, role)
    select tambon_id, user_id, 'member' from tambon_members
    where tambon_id in (select id from province_tambons)`);
  await run(`
    insert into questions (tambon_id, area_id, policy_id, title, phase, phase_ends_at)
    select p.id,
      (select a.id from issue_areas a where a.tambon_id = p.id order by a.id limit 1),
      (select d.id from decision_policies d where d.tambon_id = p.id order by d.id limit 1),
      'ประเด็นสุขภาพของตำบล ข้อที่ ' || g, 'discussion', now() + interval '14 days'
    from province_tambons p cross join generate_series(1, ${QUESTIONS}) g`);
  await run(`
    insert into meetings (tambon_id, kind, step, title_th, starts_at, status, signin_code)
    select p.id, 'briefing', 1, 'ประชุมชี้แจง ครั้งที่ ' || g,
      now() - ((g - 50) || ' days')::interval, case when g > 50 then 'held' else 'planned' end,
      lpad(((p.n * 7919 + g * 104729) % 1000000)::text, 6, '0')
    from province_tambons p cross join generate_series(1, ${MEETINGS}) g`);
  // The site search over the news, as indexItem stores it: every item holds "ประปา" (common),
  // one in a thousand "ไฟฟ้า" (rare).
  await run(`
    insert into search_documents (tambon_id, kind, ref_id, title, url, tsv)
    select n.tambon_id, 'news', n.id, n.title, '/news/' || n.id || '-' || n.slug,
      setweight(to_tsvector('simple', 'ข่าว ประชาสัมพันธ์ ครั้ง ที่ ' || n.id), 'A')
        || setweight(to_tsvector('simple', 'ประปา หมู่บ้าน ซ่อม ท่อ '
          || case when n.id % 1000 = 0 then 'ไฟฟ้า ' else '' end || md5(n.id::text)), 'B')
        || array_to_tsvector(array['§t' || n.tambon_id, '§knews']::text[])
    from site_news n where n.tambon_id in (select id from province_tambons)`);
  await run(`
    insert into search_snippets (document_id, tambon_id, body)
    select d.id, d.tambon_id, n.summary from search_documents d
      join site_news n on n.tambon_id = d.tambon_id and n.id = d.ref_id and d.kind = 'news'
    where d.tambon_id in (select id from province_tambons)`);
  await run(`ANALYZE`);
  const counts: Record<string, number> = {};
  for (const t of ["site_news", "site_pages", "tambon_members", "questions", "meetings"]) {
    const [r] = await database.rows<{ c: number }>(
      sql.raw(
        `select count(*)::int as c from ${t} where tambon_id in (select id from province_tambons)`,
      ),
    );
    counts[t] = r!.c;
  }
  return counts;
}

type Req = { method: "GET"; path: string; headers: Record<string, string> };

async function drive(base: string, requests: Req[], connections: number, seconds: number) {
  const r = await autocannon({ url: base, connections, duration: seconds, requests });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx + r.timeouts,
  };
}

export async function benchProvince(
  opts: { tambons?: number; connections?: number[]; seconds?: number; members?: number } = {},
): Promise<Figures> {
  const tambonCount = opts.tambons ?? 150;
  const levels = opts.connections ?? [10, 25, 50];
  const seconds = opts.seconds ?? 8;
  const perTambon = opts.members ?? 5;
  const { database, drop } = await openBenchDatabase("postgres", "province");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tambon-province-bench-"));
  const out: Figures = {};
  out["scale"] =
    `${tambonCount} tambons × (${NEWS} news, ${PAGES} pages, ${MEMBERS} members, ${QUESTIONS} questions, ${MEETINGS} meetings)`;
  out["load average before (1, 5, 15 min)"] = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  try {
    await migrateDatabase(database);
    await loadDemo(database.db, modules);
    // One hash of the members' password at the test cost, reused by every member.
    const testRun = process.env.TAMBON_TEST_RUN_ID;
    process.env.TAMBON_TEST_RUN_ID = "province-bench";
    process.env.TAMBON_PASSWORD_COST = "14";
    const hash = await hashPassword(PASSWORD);
    if (testRun === undefined) delete process.env.TAMBON_TEST_RUN_ID;
    else process.env.TAMBON_TEST_RUN_ID = testRun;
    const t0 = performance.now();
    const counts = await seed(database, tambonCount, hash);
    out["seeding (SQL, with ANALYZE)"] = `${((performance.now() - t0) / 1000).toFixed(1)} s`;
    for (const [t, c] of Object.entries(counts)) out[`rows in ${t}`] = c;
    const [size] = await database.rows<{ s: string }>(
      sql`select pg_size_pretty(pg_database_size(current_database())) as s`,
    );
    out["database size"] = size!.s;

    const app = await createApp(benchConfig(dataDir), database);
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    try {
      // Sampled tambons spread over the province; a few members of each signed in.
      const sampled = await database.rows<{ id: number; n: number; slug: string }>(sql`
        select p.id, p.n, t.slug from province_tambons p join tambons t on t.id = p.id
        where p.n % ${Math.max(1, Math.floor(tambonCount / SAMPLED_TAMBONS))} = 0
        order by p.n limit ${SAMPLED_TAMBONS}`);
      const t1 = performance.now();
      const kinds: Record<string, Req[]> = {};
      const add = (kind: string, p: string, cookie: string) =>
        (kinds[kind] ??= []).push({
          method: "GET",
          path: p,
          headers: { cookie, "accept-encoding": "br, gzip" },
        });
      for (const t of sampled) {
        const news = await database.rows<{ id: number; slug: string }>(sql`
          select id, slug from site_news where tambon_id = ${t.id} order by random() limit ${perTambon}`);
        const questions = await database.rows<{ id: number }>(sql`
          select id from questions where tambon_id = ${t.id} order by random() limit ${perTambon}`);
        const meetings = await database.rows<{ id: number }>(sql`
          select id from meetings where tambon_id = ${t.id} order by random() limit ${perTambon}`);
        const cookies = await Promise.all(
          Array.from({ length: perTambon }, (_, k) =>
            signIn(base, `prov-${t.n}-${1 + k * 37}`, PASSWORD),
          ),
        );
        for (let k = 0; k < perTambon; k++) {
          const cookie = cookies[k]!;
          const at = `/t/${t.slug}`;
          add("home", at, cookie);
          add("news list", `${at}/news`, cookie);
          add("news item", `${at}/news/${news[k]!.id}-${news[k]!.slug}`, cookie);
          add("decisions list", `${at}/decisions`, cookie);
          add("question", `${at}/decisions/${questions[k]!.id}`, cookie);
          add("meeting", `${at}/meetings/${meetings[k]!.id}`, cookie);
          add("search, common word", `${at}/search?q=${encodeURIComponent("ประปา")}`, cookie);
          add("search, rare word", `${at}/search?q=${encodeURIComponent("ไฟฟ้า")}`, cookie);
        }
      }
      out["members signed in"] =
        `${sampled.length * perTambon} across ${sampled.length} tambons, in ${((performance.now() - t1) / 1000).toFixed(1)} s`;
      // Every URL answers 200 before it is measured.
      for (const [kind, reqs] of Object.entries(kinds)) {
        const r = reqs[0]!;
        const res = await fetch(base + r.path, { headers: r.headers, redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${kind} ${r.path}: ${res.status}`);
      }
      await drive(base, Object.values(kinds).flat(), 10, 3); // warm-up
      out["load average at the start of the runs"] = os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ");
      // Every kind's requests interleaved, so a connection moves from page to page.
      const mixed: Req[] = [];
      const all = Object.values(kinds);
      for (let i = 0; i < all[0]!.length; i++) for (const reqs of all) mixed.push(reqs[i]!);
      for (const c of levels) {
        for (const [kind, reqs] of Object.entries(kinds)) {
          const r = await drive(base, reqs, c, seconds);
          out[`${kind}, ${c} connections`] =
            `${r.rps} req/s · p50 ${r.p50} ms · p99 ${r.p99} ms${r.errors ? ` · ${r.errors} errors` : ""}`;
        }
        const r = await drive(base, mixed, c, seconds);
        out[`all kinds mixed, ${c} connections`] =
          `${r.rps} req/s · p50 ${r.p50} ms · p99 ${r.p99} ms${r.errors ? ` · ${r.errors} errors` : ""}`;
      }
      out["load average after the runs"] = os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ");
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      tambons: { type: "string", default: "150" },
      connections: { type: "string", default: "10,25,50" },
      seconds: { type: "string", default: "8" },
      members: { type: "string", default: "5" },
    },
  });
  process.stdout.write(
    `${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model} · load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} · Node ${process.version}\n`,
  );
  const figures = await benchProvince({
    tambons: Number(values.tambons),
    connections: values.connections.split(",").map(Number),
    seconds: Number(values.seconds),
    members: Number(values.members),
  });
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`| ${k} | ${v} |\n`);
}
