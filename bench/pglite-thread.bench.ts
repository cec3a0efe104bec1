// The cached home page beside a client running slow statements, on PGlite in the server's own
// thread, and in its worker thread at the server's priority and yielding to it (what `serve` uses): `npx tsx bench/pglite-thread.bench.ts`.
// Each server is a child process on the same demo data folder; the slow client sends one request
// at a time to a bench-only route whose statement keeps the database busy (CPU in the engine, as
// a common-word search at 20,000 news does), while autocannon loads the cached home page with 50
// connections. The figures are req/s and p99 of the home page alone and beside the slow client.
// BENCH_SECONDS (10) sets each phase's length, BENCH_SLOW_ROWS (3,000,000) the slow statement's
// size, BENCH_PAGE_TTL_MS keeps the page cached longer than its 10 s, and BENCH_MODES (main,nice0,
// worker: all three) runs only the servers it names, for repeating one comparison.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Database } from "../src/core/db/index.ts";

const root = path.resolve(import.meta.dirname, "..");
/** The statement of the slow client: a few hundred milliseconds of work in the engine. */
const SLOW = sql`select count(*) from generate_series(1, ${Number(process.env.BENCH_SLOW_ROWS ?? 3_000_000)}) g where g % 7 = 3`;

/** PGlite in the server's thread, in its worker thread at the server's priority, or as `serve` runs it (the worker yielding). */
type Mode = "main" | "worker, nice 0" | "worker";

/** Runs a server (child process): the app on the data folder, PGlite in this thread or a worker. */
async function serve(mode: Mode, dataDir: string, port: number) {
  const { loadConfig } = await import("../src/core/config.ts");
  const { createApp } = await import("../src/app.ts");
  const { openDatabase, countingLogger } = await import("../src/core/db/index.ts");
  let database: Database;
  if (mode !== "main")
    database = await openDatabase({
      dataDir: path.join(dataDir, "pglite"),
      threadNice: mode === "worker, nice 0" ? 0 : undefined,
    });
  else {
    // PGlite in the server's thread, as before the worker (no lock: the bench owns the folder).
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = await PGlite.create(path.join(dataDir, "pglite"));
    const db = drizzle({ client, logger: countingLogger }) as unknown as Database["db"];
    database = {
      db,
      kind: "pglite",
      rows: <T>(q: SQL) => rowsOf<T>(db, q),
      close: () => client.close(),
    };
  }
  const config = { ...loadConfig({ ...process.env, TAMBON_DATA_DIR: dataDir }), port };
  if (process.env.BENCH_PAGE_TTL_MS) {
    // The page kept cached for the whole run (normally 10 s): the figure is then the cached
    // page's alone, not that of its re-rendering, which waits for the database like any query.
    const { pageCache } = await import("../src/core/page-cache.ts");
    (pageCache as unknown as { ttlMs: number }).ttlMs = Number(process.env.BENCH_PAGE_TTL_MS);
  }
  const app = await createApp(config, database);
  app.get("/bench/slow", async () => (await database.rows(SLOW)).length);
  await app.listen({ port, host: "127.0.0.1" });
  process.on(
    "SIGTERM",
    () =>
      void app
        .close()
        .then(() => database.close())
        .then(() => process.exit(0)),
  );
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 6000; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer from ${url}`);
}

async function load(url: string, seconds: number) {
  const r = await autocannon({ url, connections: 50, duration: seconds });
  return { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** Home page alone, then beside the slow client, on one server. */
async function measure(mode: Mode, dataDir: string, port: number, seconds: number) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", import.meta.filename, "serve", mode, dataDir, String(port)],
    { env: { ...process.env, LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "inherit"] },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/t/la-ngu`, child);
    await load(`${base}/t/la-ngu`, 3); // warm-up
    const alone = await load(`${base}/t/la-ngu`, seconds);
    let running = true;
    let slowDone = 0;
    const slowMs: number[] = [];
    const slow = (async () => {
      while (running) {
        const t0 = performance.now();
        await (await fetch(`${base}/bench/slow`)).text();
        slowMs.push(performance.now() - t0);
        slowDone++;
      }
    })();
    const beside = await load(`${base}/t/la-ngu`, seconds);
    running = false;
    await slow;
    slowMs.sort((a, b) => a - b);
    return {
      [`${mode}: home alone (req/s)`]: alone.rps,
      [`${mode}: home alone (p99 ms)`]: alone.p99,
      [`${mode}: home beside the slow client (req/s)`]: beside.rps,
      [`${mode}: home beside the slow client (p99 ms)`]: beside.p99,
      [`${mode}: slow statements done (median ms)`]: `${slowDone} (${Math.round(slowMs[slowMs.length >> 1] ?? 0)})`,
      [`${mode}: errors`]: alone.errors + beside.errors,
    };
  } finally {
    if (child.exitCode === null) {
      const done = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await done;
    }
  }
}

if (process.argv[2] === "serve") {
  await serve(process.argv[3] as Mode, process.argv[4]!, Number(process.argv[5]));
} else {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const dir = mkdtempSync(path.join(os.tmpdir(), "tambon-bench-"));
  const made = spawnSync(process.execPath, [path.join(root, "bin/tambon.js"), "demo"], {
    env: { ...process.env, TAMBON_DATA_DIR: dir },
    encoding: "utf8",
  });
  if (made.status !== 0) throw new Error(`tambon demo failed: ${made.stderr}`);
  try {
    const only = process.env.BENCH_MODES?.split(",");
    const figures = {
      ...(!only || only.includes("main") ? await measure("main", dir, 3193, seconds) : {}),
      ...(!only || only.includes("nice0")
        ? await measure("worker, nice 0", dir, 3194, seconds)
        : {}),
      ...(!only || only.includes("worker") ? await measure("worker", dir, 3195, seconds) : {}),
    };
    const load = os.loadavg().map((l) => l.toFixed(1));
    process.stdout.write(
      `${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model} · load ${load.join(" ")} · Node ${process.version}\n`,
    );
    for (const [k, v] of Object.entries(figures)) process.stdout.write(`| ${k} | ${v} |\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
