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
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createApp } from "../src/app.ts";
import { testConfig } from "../test/helpers/app.ts";
import { openTestDatabase, type DbKind } from "../test/helpers/db.ts";
import { pageCache } from "../src/core/page-cache.ts";
import { thaiIdCheckDigit } from "../src/core/thai-id.ts";
import { autoMap } from "../src/core/imports.ts";
import { csvSource, runStreamingImport } from "../src/core/import-stream.ts";
import { peopleImporter } from "../src/modules/community/imports/people.ts";

type Figures = Record<string, string | number>;

const VILLAGES = 18;

/** Writes `rows` person rows: four people a house, Thai IDs on every other row. */
async function writeCsv(file: string, rows: number): Promise<void> {
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
  await writeCsv(file, rows);
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
  for (const kind of (["postgres", "pglite"] as const).filter(
    (k) => !which.length || which.includes(k),
  )) {
    process.stdout.write(`\n## community on ${kind}\n`);
    for (const [k, v] of Object.entries(await benchCommunity(kind, rows)))
      process.stdout.write(`| ${k} | ${v} |\n`);
  }
}
