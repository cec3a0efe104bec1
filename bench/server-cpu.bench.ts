// The server's own CPU time per request of the pages members read most, signed in, over HTTP as
// it runs in production (`tambon serve` in its own process, the load from this one): the
// process's CPU time (all its threads, from /proc) over a run of requests, divided by the
// requests answered. On PGlite the database's thread is in the server's process and counted; on
// PostgreSQL the database server's own time is not.
// `npx tsx bench/server-cpu.bench.ts [pglite|postgres] [--connections 10] [--seconds 5]`
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/core/db/index.ts";
import { demoServerEnv, sessionCookie, startServer, stop, waitFor } from "./http.bench.ts";

/** User and system CPU time of a process and its threads, in ms (Linux). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** The address of the first link on `from` whose path matches `re`. */
async function firstLink(base: string, from: string, re: RegExp, cookie: string) {
  const html = await (await fetch(base + from, { headers: { cookie } })).text();
  for (const m of html.matchAll(/href="([^"]+)"/g))
    if (re.test(m[1]!)) return m[1]!.replace(/&amp;/g, "&");
  throw new Error(`no link matching ${re} on ${from}`);
}

/**
 * La-ngu grown to `total` published news, copies of its own (their real text), added set-wise
 * while the server is stopped; returns the new items' ids.
 */
async function growNews(env: Record<string, string>, total: number): Promise<number[]> {
  const database = await openDatabase(
    env.DATABASE_URL
      ? { url: env.DATABASE_URL }
      : { dataDir: path.join(env.TAMBON_DATA_DIR!, "pglite") },
  );
  try {
    const live = sql`n.status = 'published' and n.publish_at <= now()`;
    const [{ id: tambonId, top }] = (await database.rows<{ id: number; top: number }>(sql`
      select t.id, coalesce((select max(id) from site_news), 0) as top
      from tambons t where t.slug = 'la-ngu'`)) as [{ id: number; top: number }];
    await database.rows(sql`
      with own as (select n.*, row_number() over (order by n.id) - 1 as k, count(*) over () as m
        from site_news n where n.tambon_id = ${tambonId} and ${live})
      insert into site_news (tambon_id, category_id, slug, title, summary, body_md, body_html,
        status, publish_at, author_id)
      select o.tambon_id, o.category_id, o.slug || '-' || g, o.title || ' (' || g || ')',
        o.summary, o.body_md, o.body_html, 'published',
        now() - interval '400 days' - (g || ' hours')::interval, o.author_id
      from generate_series(1, ${total} - (select count(*) from site_news
        where tambon_id = ${tambonId})::int) g
      join own o on o.k = g % o.m`);
    await database.rows(sql`ANALYZE`);
    const rows = await database.rows<{ id: number }>(
      sql`select id from site_news where tambon_id = ${tambonId} and id > ${top} order by id`,
    );
    return rows.map((r) => Number(r.id));
  } finally {
    await database.close();
  }
}

/** Server CPU per request over a run of `seconds` (after 2 s of warm-up), with its throughput. */
async function measure(
  pid: number,
  opts: { url: string; connections: number; seconds: number; headers: Record<string, string> },
  path?: () => string,
) {
  const requests = path
    ? [{ method: "GET" as const, setupRequest: (req: object) => ({ ...req, path: path() }) }]
    : undefined;
  await autocannon({ ...opts, duration: 2, requests }); // warm-up
  const c0 = cpuMs(pid);
  const r = await autocannon({ ...opts, duration: opts.seconds, requests });
  const used = cpuMs(pid) - c0;
  if (r.non2xx || r.errors) throw new Error(`${opts.url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return `${(used / r.requests.total).toFixed(2)} ms server CPU · ${Math.round(r.requests.average)} req/s · p99 ${r.latency.p99} ms`;
}

async function run(kind: "pglite" | "postgres", connections: number, seconds: number) {
  const { env, base, cleanup } = demoServerEnv(kind, 3193);
  let child = startServer(env);
  const out: Record<string, string> = {};
  try {
    await waitFor(`${base}/t/la-ngu`, child);
    const cookie = await sessionCookie(base);
    const t = "/t/la-ngu";
    const pages: [string, string][] = [
      ["home", t],
      ["news item", await firstLink(base, `${t}/news`, /^\/t\/la-ngu\/news\/\d/, cookie)],
      ["news list", `${t}/news`],
      [
        "category list",
        await firstLink(base, `${t}/news`, /^\/t\/la-ngu\/news\?category=/, cookie),
      ],
      ["decisions list", `${t}/decisions`],
      ["meeting", await firstLink(base, `${t}/meetings`, /^\/t\/la-ngu\/meetings\/\d+$/, cookie)],
    ];
    const headers = { cookie, "accept-encoding": "br, gzip" };
    for (const [name, url] of pages) {
      const check = await fetch(base + url, { headers });
      if (check.status !== 200) throw new Error(`${url}: ${check.status}`);
      out[`${kind}, ${name}, signed in`] = await measure(child.pid!, {
        url: base + url,
        connections,
        seconds,
        headers,
      });
    }
    // A visitor (or a crawler) reading news items no one has read since the server started: each
    // request a page the page cache does not hold, in a tambon that has not changed meanwhile
    // (what every page shares, such as the menu, is kept; the item itself is read).
    await stop(child);
    const ids = await growNews(env, 20_000);
    child = startServer(env);
    await waitFor(`${base}/t/la-ngu`, child);
    let n = 0;
    out[`${kind}, news item not yet cached, anonymous (20,000 news)`] = await measure(
      child.pid!,
      { url: base, connections, seconds, headers: { "accept-encoding": "br, gzip" } },
      () => `/t/la-ngu/news/${ids[n++ % ids.length]}`,
    );
  } finally {
    await stop(child);
    cleanup();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const kinds = (["pglite", "postgres"] as const).filter(
    (k) => !["pglite", "postgres"].includes(process.argv[2] ?? "") || process.argv[2] === k,
  );
  const connections = arg("--connections", 10);
  const seconds = arg("--seconds", 5);
  process.stdout.write(
    `${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model} · load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} · Node ${process.version} · ${connections} connections, ${seconds} s a page\n`,
  );
  for (const kind of kinds)
    for (const [k, v] of Object.entries(await run(kind, connections, seconds)))
      process.stdout.write(`| ${k} | ${v} |\n`);
}
