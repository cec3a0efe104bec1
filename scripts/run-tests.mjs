#!/usr/bin/env node
// Runs every *.test.ts / *.test.tsx under src/ and test/ (or those under the paths given, or with
// --fast a quick selection) with node's test runner through tsx, in three lanes:
//   unit      src/** and test/*.test.ts        in one process on Node 22.8+, else in
//                                              TAMBON_TEST_CONCURRENCY batches at once (default: cores)
//   database  test/db, test/http, test/system  TAMBON_TEST_CONCURRENCY batches at once (default: cores)
//   browser   test/browser                     TAMBON_TEST_BROWSER_CONCURRENCY (default 1) while
//                                              database files wait, then every free slot
// The unit lane runs first; then the database and browser lanes run side by side in one pool of
// TAMBON_TEST_SLOTS slots (default: cores), the longest files first.
// Files run in batches (scripts/test-batch.mjs): one process runs several files one after the
// other, each in a suite of its own, so that the two seconds of CPU time a process spends on
// starting (Node, the project's modules, PGlite's WebAssembly) are paid once per batch, not once per
// file. A file expected to take TAMBON_TEST_BATCH_SECONDS (default 60) or more runs alone; the
// others fill batches up to that; TAMBON_TEST_ISOLATE=1 runs every file in a process of its own.
// Each file has its own databases (a new PostgreSQL database per file, a PGlite in memory, a
// temporary data dir, port 0). The migrated and demo databases that test files
// start from are built once per run (test/helpers/db.ts; on a whole run, beside the unit lane) in
// a folder given to every process as TAMBON_TEST_RUN_DIR, and removed at the end with the
// PostgreSQL templates listed there.
// At the end it prints each lane's wall and CPU time, the ten slowest files and the totals. A
// lane's CPU time (user + system) is that of its processes and every process they waited for (the
// commands they run, Chromium), not PostgreSQL's: on Linux, the growth of this process's
// children's times as they are reaped. A file's is the same measured by its batch from its first
// test to its last (scripts/test-batch.mjs), so a batch's start is the lane's, not a file's. On a
// loaded machine CPU time is the comparable figure, where wall times grow with the load.
// The files run compiled to JavaScript (scripts/test-build.mjs: a compiled copy of the project
// built once per change of the sources), so no test process pays for compiling TypeScript as it
// loads; TAMBON_TEST_TSX=1 runs the sources through tsx instead.
// Node 20 has no glob support in --test, hence the walk.
import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildTests, compiledPath, sourceOf } from "./test-build.mjs";
import { childrenCpu } from "./children-cpu.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const out = (s) => process.stdout.write(s + "\n");

// --fast: the unit lane, the command line's journeys and one journey through the app on both
// databases; .ci/run runs it on the older Node.js it supports (see there).
const FAST = ["test/system/operator-uses-the-cli.test.ts", "test/http/accounts-and-roles.test.ts"];
const fast = process.argv.includes("--fast");
const paths = process.argv.slice(2).filter((a) => a !== "--fast");
const roots = paths.length ? paths : ["src", "test"];
const files = [];
const walk = (p) => {
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (name !== "node_modules") walk(path.join(p, name));
  } else if (/\.test\.tsx?$/.test(p)) files.push(path.relative(ROOT, path.resolve(p)));
};
for (const r of roots) walk(r);
if (fast)
  files.splice(
    0,
    files.length,
    ...files.filter((f) => f.startsWith("src/") || path.dirname(f) === "test" || FAST.includes(f)),
  );
if (!files.length) {
  process.stderr.write(`no test files under ${roots.join(", ")}\n`);
  process.exit(1);
}

const count = (name, fallback) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const cores = os.availableParallelism();
// The database and browser lanes share this many slots (see runPool).
const slots = count("TAMBON_TEST_SLOTS", cores);
const lanes = [
  { name: "unit", concurrency: count("TAMBON_TEST_CONCURRENCY", cores), files: [] },
  { name: "database", concurrency: count("TAMBON_TEST_CONCURRENCY", cores), files: [] },
  { name: "browser", concurrency: count("TAMBON_TEST_BROWSER_CONCURRENCY", 1), files: [] },
];
for (const f of new Set(files)) {
  const lane = f.startsWith("test/browser/")
    ? lanes[2]
    : f.startsWith("src/") || path.dirname(f) === "test"
      ? lanes[0]
      : lanes[1];
  lane.files.push(f);
}
// The longest files start first, so no slot idles at the end of a lane while one long file runs.
// A file's time is the one recorded by the last run that ran it; a file without one is guessed
// from its size at the lane's usual seconds per byte.
const TIMES = path.join(ROOT, "node_modules/.cache/tambon-tests/times.json");
let recorded = {};
try {
  recorded = JSON.parse(readFileSync(TIMES, "utf8"));
} catch {
  // no run has recorded its times here yet
}
const size = (f) => statSync(path.join(ROOT, f)).size;
const expected = new Map();
for (const lane of lanes) {
  const perByte = lane.files
    .filter((f) => recorded[f] > 0)
    .map((f) => recorded[f] / size(f))
    .sort((a, b) => a - b);
  const rate = perByte.length ? perByte[Math.floor(perByte.length / 2)] : 1;
  for (const f of lane.files) expected.set(f, recorded[f] ?? size(f) * rate);
  lane.files.sort((a, b) => expected.get(b) - expected.get(a));
}

// The jobs of a lane: batches of files, each run by one process (see the top of this file).
const batchMs = count("TAMBON_TEST_BATCH_SECONDS", 60) * 1000;
const isolate = process.env.TAMBON_TEST_ISOLATE === "1";
/** Batches of up to `batchMs` of expected time, first fit, the lane's files taken longest first. */
function batchesOf(lane) {
  const jobs = [];
  for (const file of lane.files) {
    const ms = expected.get(file);
    const job = isolate || ms >= batchMs ? null : jobs.find((j) => j.ms + ms <= batchMs);
    if (job) {
      job.files.push(file);
      job.ms += ms;
    } else jobs.push({ lane, files: [file], ms });
  }
  return jobs;
}
/** `n` batches of about equal expected time (each file to the batch with the least so far). */
function splitInto(lane, n) {
  if (isolate) return batchesOf(lane);
  const jobs = Array.from({ length: Math.min(n, lane.files.length) }, () => ({
    lane,
    files: [],
    ms: 0,
  }));
  for (const file of lane.files) {
    const job = jobs.reduce((a, b) => (b.ms < a.ms ? b : a));
    job.files.push(file);
    job.ms += expected.get(file);
  }
  return jobs;
}

/** The children's CPU time not yet given to one of them (see `cpuOfEnded`). */
let cpuSeen = childrenCpu();
/** The CPU time of the child that has just ended (read on its `exit`, when it has been reaped). */
function cpuOfEnded() {
  const now = childrenCpu();
  if (now === null || cpuSeen === null) return null;
  const used = now - cpuSeen;
  cpuSeen = now;
  return used;
}
const cpuAtStart = cpuSeen;

/**
 * The whole machine's CPU time (seconds) busy and in all, every process counted (the tests,
 * PostgreSQL, Chromium, and anything else running): from the first line of /proc/stat, in ticks
 * of 10 ms; null where there is none. Over a run it tells whether the cores were kept busy.
 */
function machineCpu() {
  try {
    const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = ticks.map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    return { busy: busy / 100, all: (busy + idle + iowait) / 100 };
  } catch {
    return null;
  }
}
const machineAtStart = machineCpu();

// The compiled copy the files run from (null: through tsx); the time it took is printed with the
// lanes'.
const viaTsx = process.env.TAMBON_TEST_TSX === "1";
const buildStarted = performance.now();
const built = viaTsx ? null : await buildTests();
const buildMs = performance.now() - buildStarted;
cpuOfEnded(); // esbuild's service process, ended by the build: not a test file's time
/** The file a test process runs for a source test file, and the loader flags it needs. */
const runnable = (file) => (built ? compiledPath(built.dir, file) : file);
const loader = built ? [] : ["--import", "tsx"];
// Test processes compile WebAssembly (PGlite's) with V8's baseline compiler only: a test file
// lives too short for the optimising compiler's work to pay back (measured: 5–15 % less CPU time a
// file, none more). Only WebAssembly is compiled otherwise; JavaScript runs as it always does.
const nodeFlags = ["--liftoff-only"];

const runDir = mkdtempSync(path.join(os.tmpdir(), "tambon-test-run-"));
const env = {
  ...process.env,
  TAMBON_PASSWORD_COST: process.env.TAMBON_PASSWORD_COST ?? "10",
  TAMBON_TEST_RUN_DIR: runDir,
  TAMBON_TEST_RUN_ID: `r${randomBytes(4).toString("hex")}`,
  // Node 22.1 and newer keep the compiled code of the modules they load here, so the test
  // processes (and the commands they run) do not each compile the same hundreds of modules again;
  // Node 20 ignores it.
  NODE_COMPILE_CACHE:
    process.env.NODE_COMPILE_CACHE ??
    path.join(ROOT, "node_modules/.cache/tambon-tests/node-compile"),
};

/** Drops the PostgreSQL templates the run made and removes its folder. */
async function cleanUp() {
  const listed = path.join(runDir, "pg-templates.txt");
  if (existsSync(listed)) {
    const names = [...new Set(readFileSync(listed, "utf8").split("\n").filter(Boolean))];
    const { default: postgres } = await import("postgres");
    const sql = postgres(
      process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
      { max: 1, onnotice: () => {}, connect_timeout: 5 },
    );
    try {
      for (const name of names)
        if (/^tambon_tpl_[a-z0-9_]+$/.test(name))
          await sql.unsafe(`drop database if exists ${name} with (force)`);
    } catch (err) {
      process.stderr.write(`could not drop the run's template databases: ${err.message}\n`);
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  rmSync(runDir, { recursive: true, force: true });
}

let stopped = null;
let preparing = null;
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    stopped = signal;
    for (const child of children) child.kill(signal);
    preparing?.kill(signal);
  });

// On a whole run, the templates are built beside the unit lane, so the database lane's first
// files find them ready instead of one building while the other waits.
let prepared = Promise.resolve();
let prepareCpu = null;
if (!paths.length && lanes[1].files.length + lanes[2].files.length > 0) {
  preparing = spawn(
    process.execPath,
    [...nodeFlags, ...loader, path.resolve(ROOT, runnable("test/helpers/prepare-databases.ts"))],
    { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], env },
  );
  let errors = "";
  preparing.stderr.on("data", (d) => (errors += d));
  prepared = new Promise((resolve) =>
    preparing.on("exit", (code) => {
      preparing = null;
      prepareCpu = cpuOfEnded();
      if (code !== 0 && !stopped)
        process.stderr.write(
          `building the run's databases ahead failed; test files build them themselves:\n${errors}`,
        );
      resolve();
    }),
  );
}

const reporter = path.join(ROOT, "scripts/test-times-reporter.mjs");
const batchEntry = path.join(ROOT, "scripts/test-batch.mjs");
const reporterArgs = (times) => [
  ...nodeFlags,
  ...loader,
  "--test-reporter=spec",
  "--test-reporter-destination=stdout",
  `--test-reporter=${reporter}`,
  `--test-reporter-destination=${times}`,
];
const readTimes = (times) =>
  existsSync(times)
    ? readFileSync(times, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .map((l) => (l.file && built ? { ...l, file: sourceOf(built.dir, l.file, files) } : l))
    : [];
const children = new Set();

// Node 22.8 and newer can run test files without a process each: the unit lane's files then
// share one `node --test` process. Older Node runs them in as many batches as the lane runs at
// once, and TAMBON_TEST_ISOLATE=1 (to tell whether a file depends on running alone) each file in a
// process of its own.
const [major, minor] = process.versions.node.split(".").map(Number);
const oneProcess = !isolate && (major > 22 || (major === 22 && minor >= 8));

/** How a lane runs its files, as the summary says it. */
const howMany = (lane) =>
  lane.name === "unit" && oneProcess
    ? "in one process"
    : `${lane.concurrency} at a time, in ${lane.jobs ?? "?"} process(es)`;

/** The unit lane on Node 22.8 and newer: one `node --test` for all its (small, quick) files. */
function runLane(lane) {
  const times = path.join(runDir, `times-${lane.name}.jsonl`);
  const args = [
    ...reporterArgs(times),
    "--test",
    "--experimental-test-isolation=none",
    ...lane.files.map(runnable),
  ];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit", env });
    children.add(child);
    child.on("exit", (code, signal) => {
      children.delete(child);
      const cpu = cpuOfEnded();
      const lines = readTimes(times);
      resolve({
        lane,
        ok: code === 0,
        why: signal ?? `exit code ${code}`,
        ms: performance.now() - started,
        cpu,
        files: lines.filter((l) => l.file),
        totals: lines.find((l) => l.totals)?.totals ?? {},
      });
    });
  });
}

/**
 * Runs the lanes' jobs (batches of files, `jobsOf`) from one pool of slots: each batch runs in its
 * own process (scripts/test-batch.mjs) as soon as a slot is free, longest first, with at most a
 * lane's concurrency of its batches at once while other lanes' batches wait (then as many as there
 * are slots). So the database lane's slots do not idle at its end while its last long file runs,
 * the browser files do not wait for the whole database lane, and the last browser files do not
 * leave a slot idle. The unit lane on Node older than 22.8 runs through it alone. A batch's output
 * is printed in one piece when it ends.
 */
function runPool(pool, slots, jobsOf) {
  const queue = pool.flatMap((lane) => {
    const jobs = jobsOf(lane);
    lane.jobs = jobs.length;
    return jobs;
  });
  queue.sort((a, b) => b.ms - a.ms);
  const results = new Map(
    pool.map((lane) => [
      lane,
      { lane, ok: true, why: "", started: null, ended: 0, cpu: 0, files: [], totals: {} },
    ]),
  );
  const running = new Map(pool.map((lane) => [lane, 0]));
  let next = 0;
  return new Promise((resolve) => {
    let active = 0;
    const launch = () => {
      while (!stopped && active < slots) {
        // A lane's limit holds while files of other lanes wait; once only its own files are
        // left, it may take every free slot (so no slot idles through the last browser files).
        const othersWait = (lane) => queue.some((job) => job.lane !== lane);
        const i = queue.findIndex(
          (job) => running.get(job.lane) < job.lane.concurrency || !othersWait(job.lane),
        );
        if (i < 0) break;
        const [{ lane, files: batch }] = queue.splice(i, 1);
        const result = results.get(lane);
        result.started ??= performance.now();
        const n = next++;
        const times = path.join(runDir, `times-${lane.name}-${n}.jsonl`);
        const batchTimes = path.join(runDir, `batch-${lane.name}-${n}.jsonl`);
        const child = spawn(process.execPath, [...reporterArgs(times), batchEntry], {
          cwd: ROOT,
          stdio: ["ignore", "pipe", "pipe"],
          env: {
            ...env,
            TAMBON_TEST_BATCH: JSON.stringify(batch.map((f) => [f, runnable(f)])),
            TAMBON_TEST_BATCH_TIMES: batchTimes,
          },
        });
        children.add(child);
        active++;
        running.set(lane, running.get(lane) + 1);
        const output = [];
        child.stdout.on("data", (d) => output.push(d));
        child.stderr.on("data", (d) => output.push(d));
        let cpu = null;
        child.on("exit", () => (cpu = cpuOfEnded()));
        child.on("close", (code, signal) => {
          children.delete(child);
          active--;
          running.set(lane, running.get(lane) - 1);
          process.stdout.write(Buffer.concat(output));
          const lines = readTimes(times);
          if (cpu !== null && result.cpu !== null) result.cpu += cpu;
          else result.cpu = null;
          // The batch's own measure of each file (wall and CPU from its first test to its last);
          // a file alone in its process is given the whole process's CPU time.
          const measured = new Map(readTimes(batchTimes).map((l) => [l.file, l]));
          result.files.push(
            ...lines
              .filter((l) => l.file)
              .map((l) => {
                const m = measured.get(l.file);
                return {
                  ...l,
                  ms: m?.ms ?? l.ms,
                  cpu: batch.length === 1 ? cpu : (m?.cpu ?? null),
                };
              }),
          );
          for (const [k, v] of Object.entries(lines.find((l) => l.totals)?.totals ?? {}))
            result.totals[k] = (result.totals[k] ?? 0) + v;
          // Each file's suite of the batch is not a suite of the tests.
          result.totals.suites = Math.max(0, (result.totals.suites ?? 0) - batch.length);
          if (code !== 0) {
            result.ok = false;
            const failed = lines.filter((l) => l.file && !l.passed).map((l) => l.file);
            result.why =
              signal ?? `exit code ${code} (${(failed.length ? failed : batch).join(", ")})`;
          }
          result.ended = performance.now();
          launch();
          if (active === 0) resolve([...results.values()]);
        });
      }
      if (active === 0) resolve([...results.values()]);
    };
    launch();
  }).then((done) => done.map((r) => ({ ...r, ms: r.started === null ? 0 : r.ended - r.started })));
}

/** Keeps each file's time for the next run's order. */
function record(results) {
  const times = { ...recorded };
  for (const r of results) for (const f of r.files) times[f.file] = f.ms;
  try {
    mkdirSync(path.dirname(TIMES), { recursive: true });
    const partial = `${TIMES}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(times, null, 1));
    renameSync(partial, TIMES);
  } catch (err) {
    process.stderr.write(`could not record the files' times: ${err.message}\n`);
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];
const started = performance.now();
try {
  const [unit, ...pool] = lanes;
  if (unit.files.length) {
    out(`\n== ${unit.name} lane: ${unit.files.length} file(s)`);
    if (oneProcess) results.push(await runLane(unit));
    else
      results.push(
        ...(await runPool([unit], unit.concurrency, (lane) => splitInto(lane, lane.concurrency))),
      );
  }
  const shared = pool.filter((lane) => lane.files.length);
  if (shared.length && !stopped) {
    out(
      `\n== ${shared.map((l) => `${l.name} lane (${l.files.length} file(s), ${l.concurrency} at a time)`).join(" and ")}: ${slots} slot(s)`,
    );
    results.push(...(await runPool(shared, slots, batchesOf)));
  }
} finally {
  await prepared;
  await cleanUp();
}
record(results);

const cpuText = (ms) => (ms === null || ms === undefined ? "" : `${seconds(ms).padStart(9)} CPU`);
out("\n== test times (wall; CPU: user + system of the processes, PostgreSQL's not counted)");
if (built)
  out(
    `${"compile".padEnd(9)} ${seconds(buildMs).padStart(9)} ${"".padStart(13)}  ${built.built ? "built" : "already built"}: ${path.relative(ROOT, built.dir)}`,
  );
for (const r of results)
  out(
    `${r.lane.name.padEnd(9)} ${seconds(r.ms).padStart(9)} ${cpuText(r.cpu)}  ${r.lane.files.length} file(s), ${howMany(r.lane)}${r.ok ? "" : `  FAILED (${r.why})`}`,
  );
if (prepareCpu !== null) out(`${"templates".padEnd(9)} ${"".padStart(9)} ${cpuText(prepareCpu)}`);
const allCpu = cpuAtStart === null ? null : childrenCpu() - cpuAtStart;
out(`${"total".padEnd(9)} ${seconds(performance.now() - started).padStart(9)} ${cpuText(allCpu)}`);
const machineAtEnd = machineCpu();
if (machineAtStart && machineAtEnd) {
  const busy = machineAtEnd.busy - machineAtStart.busy;
  const all = machineAtEnd.all - machineAtStart.all;
  out(
    `${"machine".padEnd(9)} ${"".padStart(9)} ${cpuText(busy * 1000)}  busy ${((100 * busy) / all).toFixed(0)} % of ${os.cpus().length} cores (every process: tests, PostgreSQL, Chromium, others)`,
  );
}
const slowest = results
  .flatMap((r) => r.files)
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 10);
if (slowest.length) {
  out("\nslowest test files (wall time of the file's process; CPU time of it and its children):");
  for (const f of slowest)
    out(`${seconds(f.ms).padStart(9)} ${cpuText(f.cpu)}  ${f.file}${f.passed ? "" : "  (failed)"}`);
}
const costly = results
  .flatMap((r) => r.files)
  .filter((f) => typeof f.cpu === "number")
  .sort((a, b) => b.cpu - a.cpu)
  .slice(0, 10);
if (costly.length) {
  out("\ncostliest test files (CPU time):");
  for (const f of costly) out(`${cpuText(f.cpu)} ${seconds(f.ms).padStart(9)} wall  ${f.file}`);
}
if (process.env.TAMBON_TEST_CPU_REPORT) {
  // Every file's wall and CPU time as JSON lines, for bench/RESULTS.md.
  writeFileSync(
    process.env.TAMBON_TEST_CPU_REPORT,
    results
      .flatMap((r) => r.files.map((f) => JSON.stringify({ lane: r.lane.name, ...f })))
      .join("\n") + "\n",
  );
}
const totals = {};
for (const r of results)
  for (const [k, v] of Object.entries(r.totals)) totals[k] = (totals[k] ?? 0) + v;
out(
  "\n" +
    ["tests", "suites", "pass", "fail", "cancelled", "skipped", "todo"]
      .map((k) => `${k} ${totals[k] ?? 0}`)
      .join(", "),
);
if (stopped) process.exit(128 + os.constants.signals[stopped]);
process.exit(results.every((r) => r.ok) ? 0 : 1);
