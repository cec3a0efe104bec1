// Server CPU time per request of the pages members use most, in process (Fastify's inject, no
// network): the signed-in home, a news item, the news list and one category, the decisions list
// and a meeting; the same pages rendered for an anonymous visitor (page cache dropped before each
// request); then the news lists again with 20,000 news in the tambon (seeded set-wise in SQL).
// `npx tsx bench/pages.bench.ts [pglite|postgres]`; `--cpu-prof` on node profiles the same run.
// CPU time (process.cpuUsage) is the fair figure on a shared machine: wall time is shown beside it.
// On PGlite the database runs in this process, so its CPU time is counted; on PostgreSQL the
// server's own time is not (the database queries' count per page is shown instead).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { createApp } from "../src/app.ts";
import { migrateDatabase, queryCount, type Database } from "../src/core/db/index.ts";
import { benchConfig, openBenchDatabase, signIn } from "./db.ts";
import { loadDemo } from "../src/demo/load-demo.ts";
import { modules } from "../src/modules/index.ts";
import { pageCache } from "../src/core/page-cache.ts";
import { clearActorCache } from "../src/core/auth/session.ts";

process.env.TAMBON_PASSWORD_COST ??= "14";
type Figures = Record<string, string | number>;

/** CPU and wall time per request, and queries per request, over `runs` requests after warm-up. */
async function measure(
  app: FastifyInstance,
  url: string,
  opts: { cookie?: string; runs?: number; before?: () => void },
) {
  const runs = opts.runs ?? 200;
  const headers: Record<string, string> = { "accept-encoding": "br, gzip" };
  if (opts.cookie) headers.cookie = opts.cookie;
  const one = async () => {
    opts.before?.();
    const res = await app.inject({ url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    return res;
  };
  // Warm-up long enough for the JIT to settle (with 20, the first pages measured read up to
  // 40 % higher than the same page measured later in the run).
  for (let i = 0; i < 200; i++) await one();
  const q0 = queryCount.n;
  await one();
  const queries = queryCount.n - q0;
  // Five batches; the median batch is shown (other work on the machine disturbs some batches).
  const batches: { cpu: number; wall: number }[] = [];
  for (let b = 0; b < 5; b++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < runs / 5; i++) await one();
    const cpu = process.cpuUsage(c0);
    batches.push({
      cpu: (cpu.user + cpu.system) / 1000 / (runs / 5),
      wall: (performance.now() - t0) / (runs / 5),
    });
  }
  batches.sort((a, b) => a.cpu - b.cpu);
  return { ...batches[2]!, queries };
}

const fmt = (r: { cpu: number; wall: number; queries: number }) =>
  `${r.cpu.toFixed(2)} ms CPU · ${r.wall.toFixed(2)} ms wall · ${r.queries} queries`;

/** CPU time and size of one page compressed each way (median of 50). */
function compressionCost(body: Buffer): Figures {
  const ways: [string, () => Buffer][] = [
    ["brotli 5", () => brotli(body, 5)],
    ["brotli 4", () => brotli(body, 4)],
    ["brotli 2", () => brotli(body, 2)],
    ["brotli 1", () => brotli(body, 1)],
    ["gzip 6", () => gzipSync(body, { level: 6 })],
    ["gzip 1", () => gzipSync(body, { level: 1 })],
  ];
  const out: Figures = {};
  for (const [name, fn] of ways) {
    const ms: number[] = [];
    let size = 0;
    for (let i = 0; i < 50; i++) {
      const t0 = process.cpuUsage();
      size = fn().length;
      const c = process.cpuUsage(t0);
      ms.push((c.user + c.system) / 1000);
    }
    ms.sort((a, b) => a - b);
    out[name] = `${ms[25]!.toFixed(2)} ms CPU · ${(size / 1024).toFixed(1)} KB`;
  }
  return out;
}

function brotli(body: Buffer, quality: number) {
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** Published news added set-wise to La-ngu until it has `total`. */
async function growNews(database: Database, tambonId: number, total: number) {
  await database.rows(sql`
    insert into site_news (tambon_id, category_id, slug, title, summary, body_md, body_html, status, publish_at)
    select ${tambonId},
      (select id from site_categories where tambon_id = ${tambonId} order by id offset (g % 3) limit 1),
      'bench-' || g, 'ข่าวประชาสัมพันธ์ ครั้งที่ ' || g, 'สรุปข่าว ' || g,
      'เนื้อหาข่าว ' || g, '<p>เนื้อหาข่าว ' || g || '</p>', 'published',
      now() - (g || ' hours')::interval - interval '400 days'
    from generate_series(1, greatest(0, ${total} - (select count(*) from site_news where tambon_id = ${tambonId}))::int) g`);
  await database.rows(sql`ANALYZE`);
}

/** The pages' figures on one database kind. */
export async function benchPages(kind: "pglite" | "postgres"): Promise<Figures> {
  const { database, drop } = await openBenchDatabase(kind, "pages");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tambon-pages-bench-"));
  const out: Figures = {};
  try {
    await migrateDatabase(database);
    await loadDemo(database.db, modules);
    await database.rows(sql`ANALYZE`);
    pageCache.invalidate(null);
    clearActorCache();
    const app = await createApp(benchConfig(dataDir), database);
    await app.ready();
    const tambonId = app.tambons.bySlug("la-ngu")!.id;
    const cookie = await signIn(app, "langu-admin", "tambon-demo");
    const home = await app.inject({ url: "/t/la-ngu" });
    const newsHref = /href="(\/t\/la-ngu\/news\/\d+[^"?]*)"/.exec(home.body)![1]!;
    const list = await app.inject({ url: "/t/la-ngu/news" });
    const categoryHref = /href="(\/t\/la-ngu\/news\?category=[^"]+)"/.exec(list.body)![1]!;
    const meetings = await app.inject({ url: "/t/la-ngu/meetings", headers: { cookie } });
    const meetingHref = /href="(\/t\/la-ngu\/meetings\/\d+)"/.exec(meetings.body)![1]!;
    const pages: [string, string][] = [
      ["home", "/t/la-ngu"],
      ["news item", newsHref],
      ["news list", "/t/la-ngu/news"],
      ["category list", categoryHref],
      ["decisions list", "/t/la-ngu/decisions"],
      ["meeting", meetingHref],
    ];
    out[`${kind}, demo: signed-in home HTML`] = `${(
      (await app.inject({ url: "/t/la-ngu", headers: { cookie } })).rawPayload.length / 1024
    ).toFixed(1)} KB`;
    for (const [k, v] of Object.entries(
      compressionCost((await app.inject({ url: "/t/la-ngu", headers: { cookie } })).rawPayload),
    ))
      out[`${kind}, signed-in home: ${k}`] = v;
    // PROFILE=prefix: a CPU profile of each signed-in page (prefix-<page>.cpuprofile) and of each
    // page rendered for a visitor after a change (prefix-<page>-anonymous.cpuprofile), and
    // nothing else measured (see bench/cpu-profile.ts).
    if (process.env.PROFILE) {
      const profiler = new Session();
      profiler.connect();
      await profiler.post("Profiler.enable");
      const profiled = async (name: string, run: () => ReturnType<typeof measure>) => {
        await profiler.post("Profiler.start");
        out[`${kind}, demo: ${name}`] = fmt(await run());
        const { profile } = await profiler.post("Profiler.stop");
        const file = `${process.env.PROFILE}-${name.replace(/\W+/g, "-")}.cpuprofile`;
        writeFileSync(file, JSON.stringify(profile));
      };
      for (const [name, url] of pages)
        await profiled(`${name}, signed in`, () => measure(app, url, { cookie }));
      for (const [name, url] of pages)
        if ((await app.inject({ url })).statusCode === 200)
          await profiled(`${name}, anonymous`, () =>
            measure(app, url, { before: () => pageCache.invalidate(tambonId) }),
          );
      profiler.disconnect();
      await app.close();
      return out;
    }
    for (const [name, url] of pages)
      out[`${kind}, demo: ${name}, signed in`] = fmt(await measure(app, url, { cookie }));
    for (const [name, url] of pages) {
      // Pages open to members only are not measured for a visitor.
      if ((await app.inject({ url })).statusCode !== 200) continue;
      out[`${kind}, demo: ${name}, anonymous, rendered`] = fmt(
        await measure(app, url, { before: () => pageCache.invalidate(tambonId) }),
      );
    }
    out[`${kind}, demo: home, anonymous, cached`] = fmt(await measure(app, "/t/la-ngu", {}));
    const lists: [string, string][] = [
      ["home", "/t/la-ngu"],
      ["news list", "/t/la-ngu/news"],
      ["news list, page 50", "/t/la-ngu/news?page=50"],
      ["category list", categoryHref],
    ];
    for (const [name, url] of lists)
      out[`${kind}, 200 news: ${name}, signed in`] = fmt(await measure(app, url, { cookie }));
    await growNews(database, tambonId, 200);
    for (const [name, url] of lists)
      out[`${kind}, 200 news: ${name}, signed in`] = fmt(await measure(app, url, { cookie }));
    const t0 = performance.now();
    await growNews(database, tambonId, 20_000);
    out[`${kind}: 19,800 news added in`] = `${Math.round(performance.now() - t0)} ms`;
    pageCache.invalidate(null);
    for (const [name, url] of lists)
      out[`${kind}, 20,000 news: ${name}, signed in`] = fmt(await measure(app, url, { cookie }));
    await app.close();
  } finally {
    await database.close();
    drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const load = os.loadavg().map((l) => l.toFixed(1));
  process.stdout.write(
    `${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model} · load ${load.join(" ")} · Node ${process.version}\n`,
  );
  const kinds = process.argv[2] ? [process.argv[2] as "pglite" | "postgres"] : ["pglite" as const];
  for (const kind of kinds)
    for (const [k, v] of Object.entries(await benchPages(kind)))
      process.stdout.write(`| ${k} | ${v} |\n`);
}
