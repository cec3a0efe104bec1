// The server's own CPU time per request of the pages members read most, signed in, over HTTP as
// it runs in production (`tambon serve` in its own process, the load from this one): the
// process's CPU time (all its threads, from /proc) over a run of requests, divided by the
// requests answered. On PGlite the database's thread is in the server's process and counted; on
// PostgreSQL the database server's own time is not.
// `npx tsx bench/server-cpu.bench.ts [pglite|postgres] [--connections 10] [--seconds 5]`
import { readFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
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

async function run(kind: "pglite" | "postgres", connections: number, seconds: number) {
  const { env, base, cleanup } = demoServerEnv(kind, 3193);
  const child = startServer(env);
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
      await autocannon({ url: base + url, connections, duration: 2, headers }); // warm-up
      const c0 = cpuMs(child.pid!);
      const r = await autocannon({ url: base + url, connections, duration: seconds, headers });
      const used = cpuMs(child.pid!) - c0;
      const answered = r.requests.total;
      if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      out[`${kind}, ${name}, signed in`] =
        `${(used / answered).toFixed(2)} ms server CPU · ${Math.round(r.requests.average)} req/s · p99 ${r.latency.p99} ms`;
    }
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
