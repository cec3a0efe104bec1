// The set-up of a test file's database with the demo loaded: built from scratch (create, migrate,
// load the demo: what every test file did before the run's templates) and copied from the run's
// template (what test/helpers/db.ts does now), on PGlite and PostgreSQL. Wall time and, for
// PGlite (which runs inside this process), CPU time of this process, which grows less than wall
// time when other programs share the cores.
// Run with `npx tsx bench/test-setup.bench.ts [pglite|postgres]`.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";

type Figures = Record<string, string | number>;

const runDir = mkdtempSync(path.join(os.tmpdir(), "tambon-bench-setup-"));
process.env.TAMBON_TEST_RUN_DIR = runDir;
process.env.TAMBON_TEST_RUN_ID = `b${randomBytes(4).toString("hex")}`;
process.env.TAMBON_PASSWORD_COST ??= "14";

const { openEmptyDatabase, openTestDatabase, PG_TEMPLATES_FILE, TEST_PG_URL } =
  await import("../test/helpers/db.ts");
const { migrateDatabase } = await import("../src/core/db/index.ts");
const { loadDemo } = await import("../src/demo/load-demo.ts");
const { modules } = await import("../src/modules/index.ts");

async function timed(fn: () => Promise<void>) {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const used = process.cpuUsage(cpu);
  return {
    wall: Math.round(performance.now() - t0),
    cpu: Math.round((used.user + used.system) / 1000),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Set-up times of a demo database of one kind, in milliseconds. */
async function benchTestSetup(kind: "pglite" | "postgres"): Promise<Figures> {
  const scratch = await timed(async () => {
    const database = await openEmptyDatabase(kind);
    await migrateDatabase(database);
    await loadDemo(database.db, modules);
    await database.drop();
  });
  const first = await timed(async () => {
    await (await openTestDatabase(kind, { demo: true })).drop();
  });
  const copies: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 3; i++)
    copies.push(
      await timed(async () => {
        const database = await openTestDatabase(kind, { demo: true });
        await database.drop();
      }),
    );
  return {
    [`${kind}: from scratch: create, migrate, load the demo (ms)`]: scratch.wall,
    [`${kind}: from scratch, CPU time of this process (ms)`]: scratch.cpu,
    [`${kind}: first of the run: build the templates, then copy (ms)`]: first.wall,
    [`${kind}: copy of the run's demo template, median of 3 (ms)`]: median(
      copies.map((c) => c.wall),
    ),
    [`${kind}: copy of the run's demo template, CPU time of this process (ms)`]: median(
      copies.map((c) => c.cpu),
    ),
  };
}

async function cleanUp() {
  try {
    const names = readFileSync(path.join(runDir, PG_TEMPLATES_FILE), "utf8")
      .split("\n")
      .filter(Boolean);
    const { default: postgres } = await import("postgres");
    const sql = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
    for (const name of new Set(names))
      await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.end({ timeout: 5 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kinds = (process.argv.slice(2).length ? process.argv.slice(2) : ["pglite", "postgres"]) as (
    "pglite" | "postgres"
  )[];
  try {
    for (const kind of kinds)
      for (const [k, v] of Object.entries(await benchTestSetup(kind)))
        process.stdout.write(`| ${k} | ${v.toLocaleString("en")} |\n`);
  } finally {
    await cleanUp();
  }
}
