// The command-line import at scale: `tambon import people FILE --tambon SLUG` on a generated CSV of
// 1,000,000 person rows (18 villages, four people a house, half with a valid Thai ID), run as its
// own process against PostgreSQL and against PGlite; then the same file again (nothing changes).
//
//   npx tsx bench/community-import.bench.ts            both databases
//   npx tsx bench/community-import.bench.ts pglite     one of them
//   BENCH_ROWS=100000 npx tsx bench/community-import.bench.ts
//   BENCH_AGAIN=0 …                                  without the second run of the same file
//   BENCH_CLI_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/p" …  Node flags for the import's process
//
// Time is the wall time of the CLI process (start-up, migration check, reading, checking and
// writing in one transaction), and its CPU time (user + system, from /proc) with, on PostgreSQL,
// the CPU time of the server processes serving its database: on a shared machine the CPU time is
// the fairer figure. Peak memory is the process's high-water resident set (VmHWM), read from
// /proc while it runs. The load average is printed beside each run.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { migrateDatabase, openDatabase, type Database } from "../src/core/db/index.ts";
import {
  backendsOf,
  cpuOf,
  loadAverage,
  printSummary,
  writePeopleCsv,
  type SummaryRow,
} from "./community.bench.ts";

type Figures = Record<string, string | number>;

const ROOT = path.resolve(import.meta.dirname, "..");
const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const VILLAGES = 18;

async function seedTambon(database: Database): Promise<void> {
  await database.db
    .execute(sql`insert into tambons (slug, dopa_code, name_th, name_en, district_th, district_en,
      province_th, province_en, kind)
    values ('bench-import', '990102', 'ทดสอบนำเข้า', 'Bench import', 'ทดสอบ', 'Bench', 'ทดสอบ', 'Bench', 'sao')`);
  await database.db.execute(sql`insert into villages (tambon_id, moo, name_th, code)
    select t.id, n, 'บ้านทดสอบ ' || n, '990102' || lpad(n::text, 2, '0')
    from tambons t, generate_series(1, ${VILLAGES}) n where t.slug = 'bench-import'`);
}

/**
 * Runs the CLI import; its wall time, CPU time (its own, and of the PostgreSQL processes serving
 * `pgDatabase`), peak resident memory and summary line.
 */
function runImport(file: string, env: Record<string, string>, pgDatabase?: string) {
  // dist/ is rebuilt first when src/ is newer: not part of the import's time.
  spawnSync(process.execPath, [path.join(ROOT, "bin/tambon.js"), "--help"], { stdio: "ignore" });
  return new Promise<{
    seconds: number;
    cpu: number;
    serverCpu: number;
    load: string;
    peakMb: number;
    summary: Record<string, unknown>;
  }>((resolve, reject) => {
    const load = loadAverage();
    // The test helpers this file reaches lower the password cost for tests; the CLI is no test.
    const { TAMBON_PASSWORD_COST: _cost, ...inherited } = process.env;
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_CLI_FLAGS?.split(" ").filter(Boolean) ?? []),
        path.join(ROOT, "bin/tambon.js"),
        ...["import", "people", file, "--tambon", "bench-import"],
      ],
      { env: { ...inherited, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let peakKb = 0;
    let cpu = 0;
    const server = new Map<number, number>();
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // The process has ended.
      }
      cpu = Math.max(cpu, cpuOf(child.pid!) ?? 0);
      if (pgDatabase)
        for (const pid of backendsOf(pgDatabase))
          server.set(pid, Math.max(server.get(pid) ?? 0, cpuOf(pid) ?? 0));
    }, 100);
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on("close", (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`import exited ${code}: ${err}`));
      resolve({
        seconds,
        cpu,
        serverCpu: [...server.values()].reduce((a, b) => a + b, 0),
        load,
        peakMb: Math.round(peakKb / 1024),
        summary: JSON.parse(out.trim().split("\n").pop()!) as Record<string, unknown>,
      });
    });
  });
}

export async function benchCommunityImport(
  kind: "postgres" | "pglite",
  rows = 1_000_000,
  summary: SummaryRow[] = [],
): Promise<Figures> {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-import-bench-"));
  const file = path.join(dir, "people.csv");
  await writePeopleCsv(file, rows);
  let env: Record<string, string>;
  let dropPg: (() => Promise<void>) | null = null;
  let pgDatabase: string | undefined;
  if (kind === "postgres") {
    const name = `tambon_bench_import_${process.pid}`;
    const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
    const database = await openDatabase({ url });
    await migrateDatabase(database);
    await seedTambon(database);
    await database.close();
    env = { DATABASE_URL: url, TAMBON_DATA_DIR: dir };
    pgDatabase = name;
    dropPg = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    };
  } else {
    const database = await openDatabase({ dataDir: path.join(dir, "pglite") });
    await migrateDatabase(database);
    await seedTambon(database);
    await database.close();
    env = { TAMBON_DATA_DIR: dir };
  }
  try {
    // The reference: the same CLI answering --help (start-up only), for what a process costs.
    const t0 = performance.now();
    spawnSync(process.execPath, [path.join(ROOT, "bin/tambon.js"), "--help"], { stdio: "ignore" });
    const startUp = (performance.now() - t0) / 1000;
    const first = await runImport(file, env, pgDatabase);
    if (first.summary.create !== rows || first.summary.badRows !== 0)
      throw new Error(`import: ${JSON.stringify(first.summary)}`);
    // BENCH_AGAIN=0 leaves out the second run (the same file again).
    const again = process.env.BENCH_AGAIN === "0" ? null : await runImport(file, env, pgDatabase);
    const cpu = (r: typeof first) =>
      kind === "postgres"
        ? `${r.cpu.toFixed(1)} s CLI + ${r.serverCpu.toFixed(1)} s server`
        : `${r.cpu.toFixed(1)} s`;
    const limit = kind === "postgres" ? 60 : 180;
    const total = (r: typeof first) => r.cpu + r.serverCpu;
    const row = (measure: string, r: typeof first, target: string, met: string): SummaryRow => ({
      measure,
      database: kind,
      wall: `${r.seconds.toFixed(1)} s`,
      cpu: `${cpu(r)}${kind === "postgres" ? ` = ${total(r).toFixed(1)} s` : ""}`,
      peakRss: `${r.peakMb} MB`,
      target,
      met,
    });
    const n = rows.toLocaleString("en");
    summary.push(
      row(
        `tambon import people, ${n} rows`,
        first,
        `≤ ${limit} s, ≤ 500 MB`,
        `time ${total(first) <= limit ? "yes" : "NO"} (CPU) · memory ${first.peakMb <= 500 ? "yes" : "NO"}`,
      ),
    );
    if (again)
      summary.push(
        row(
          `the same file again (${n} unchanged)`,
          again,
          "≤ 500 MB",
          `memory ${again.peakMb <= 500 ? "yes" : "NO"}`,
        ),
      );
    return {
      "person rows": rows,
      "CSV size": `${Math.round(statSync(file).size / 2 ** 20)} MB`,
      "load average (1, 5, 15 min) at the start": first.load,
      "reference: `tambon --help`, wall": `${startUp.toFixed(1)} s`,
      "tambon import people (one process, one transaction), wall": `${first.seconds.toFixed(1)} s`,
      "the same, CPU time (user + system)": cpu(first),
      "rows per second (wall)": Math.round(rows / first.seconds),
      "peak resident memory of the import": `${first.peakMb} MB`,
      "the same file again (nothing changes)": !again
        ? "not run (BENCH_AGAIN=0)"
        : `${again.seconds.toFixed(1)} s wall · ${cpu(again)} CPU · ${Number(again.summary.unchanged).toLocaleString("en")} unchanged · ${again.peakMb} MB · load ${again.load}`,
    };
  } finally {
    await dropPg?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv.slice(2);
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const summary: SummaryRow[] = [];
  for (const kind of (["postgres", "pglite"] as const).filter(
    (k) => !which.length || which.includes(k),
  )) {
    process.stdout.write(`\n## tambon import people on ${kind}\n`);
    for (const [k, v] of Object.entries(await benchCommunityImport(kind, rows, summary)))
      process.stdout.write(`| ${k} | ${v} |\n`);
  }
  printSummary(summary);
}
