// Benchmarks of the plans module (src/modules/plans) on a province: 150 tambons, 2,000 villages,
// 20,000 projects (one tambon with a plan of 300 projects and a previous plan of 200), 100,000
// budget rows, 1,500 indicators and 500,000 measurements, made with SQL generate_series.
//
//   npx tsx bench/plans.bench.ts            both databases
//   npx tsx bench/plans.bench.ts postgres   one of them
//
// Server time is measured around Fastify's inject (routing, session, policy, queries,
// rendering), without a network in between; the page cache is emptied before every request, so
// each one reads the database and renders. The duplicate check and the dashboard's query are
// timed as calls of their functions.
import { sql } from "drizzle-orm";
import { createApp } from "../src/app.ts";
import { testConfig } from "../test/helpers/app.ts";
import { openTestDatabase, type DbKind } from "../test/helpers/db.ts";
import { pageCache } from "../src/core/page-cache.ts";
import { rowsOf, type Db } from "../src/core/db/index.ts";
import { getPlan } from "../src/modules/plans/plans/queries.ts";
import { planDistribution } from "../src/modules/plans/distribution/queries.ts";
import { findOverlaps } from "../src/modules/plans/duplicates/queries.ts";
import { indicatorCards, listIndicators } from "../src/modules/plans/indicators/queries.ts";

type Figures = Record<string, string | number>;

const TAMBONS = 150;
const VILLAGES = 2_000;
const PROJECTS = 20_000;
const MEASURE_PERIODS = 25;

/** Median, 95th percentile and maximum of a list of milliseconds, rounded to 0.1 ms. */
function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
  return { median: at(0.5), p95: at(0.95), max: Math.round(s[s.length - 1]! * 10) / 10 };
}

const TAMBON_INDEX = `select id, row_number() over (order by id) as n from tambons where slug like 'bench-%'`;

/** The rows of a raw query, whichever driver answered (PGlite and node-postgres give \`rows\`). */
async function select<T>(db: Db, query: string): Promise<T[]> {
  return rowsOf<T>(db, sql.raw(query));
}

/** The province, in SQL only (the same statements on PGlite and PostgreSQL). */
export async function build(db: Db): Promise<{ rows: Record<string, number> }> {
  const run = (q: string) => db.execute(sql.raw(q));
  await run(`
    insert into tambons (slug, dopa_code, name_th, name_en, district_th, district_en,
                         province_th, province_en, kind)
    select 'bench-' || n, '98' || lpad(n::text, 4, '0'), 'ทดสอบ' || n, 'Bench ' || n,
           'อำเภอทดสอบ' || (1 + n % 10), 'District ' || (1 + n % 10), 'ทดสอบ', 'Bench', 'sao'
    from generate_series(1, ${TAMBONS}) n`);
  await run(`
    with t as (${TAMBON_INDEX})
    insert into villages (tambon_id, moo, name_th, code, population, households)
    select t.id, ((j - 1) / ${TAMBONS}) + 1, 'บ้านทดสอบ ' || j,
           '98' || lpad(t.n::text, 4, '0') || lpad((((j - 1) / ${TAMBONS}) + 1)::text, 2, '0'),
           300 + (j * 37) % 1500, 90 + (j * 13) % 400
    from generate_series(1, ${VILLAGES}) j join t on t.n = ((j - 1) % ${TAMBONS}) + 1`);
  await run(`
    insert into issue_areas (tambon_id, name_th, name_en, position)
    select t.id, (array['สุขภาพ','สิ่งแวดล้อม','การศึกษา','อาชีพ','สังคม'])[k], 'Area ' || k, k
    from tambons t cross join generate_series(1, 5) k where t.slug like 'bench-%'`);
  await run(`
    insert into plans (tambon_id, title, first_year, years, status)
    select id, 'แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)', 2566, 5, 'active'
    from tambons where slug like 'bench-%'`);
  await run(`
    insert into plans (tambon_id, title, first_year, years, status)
    select id, 'แผนพัฒนาท้องถิ่น (พ.ศ. 2561–2565)', 2561, 5, 'closed'
    from tambons where slug = 'bench-1'`);
  await run(`
    insert into plan_strategies (tambon_id, plan_id, area_id, code, title, position)
    select p.tambon_id, p.id, a.id, a.position::text, 'ยุทธศาสตร์การพัฒนาด้าน' || a.name_th, a.position
    from plans p join issue_areas a on a.tambon_id = p.tambon_id
    join tambons t on t.id = p.tambon_id where t.slug like 'bench-%'`);
  // Projects: 300 in bench-1's plan (all on ผ.02, in the plan), 200 in its previous plan, the
  // rest spread over the other 149 tambons' plans with every status and form.
  await run(`
    with t as (${TAMBON_INDEX}),
    g as (
      select i,
        case when i <= 500 then 1 else ((i - 501) % ${TAMBONS - 1}) + 2 end as tn,
        case when i between 301 and 500 then 2561 else 2566 end as first_year,
        case when i <= 300 then i when i <= 500 then i - 300 else ((i - 501) / ${TAMBONS - 1}) + 1 end as seq
      from generate_series(1, ${PROJECTS}) i
    )
    insert into projects (tambon_id, plan_id, seq, title, area_id, strategy_id, whole_tambon,
      target_groups, objectives, outputs, kpi, expected_results, responsible_unit,
      form_category, status, progress)
    select t.id, pl.id, g.seq,
      (array['โครงการส่งเสริม','โครงการอบรม','โครงการพัฒนา','โครงการรณรงค์','โครงการคัดกรอง','โครงการสนับสนุน'])[1 + g.i % 6]
        || (array['สุขภาพผู้สูงอายุ','การออกกำลังกาย','อาหารปลอดภัย','การจัดการขยะ','ป้องกันไข้เลือดออก',
                  'เด็กปฐมวัย','ผู้พิการ','ลดเหล้าบุหรี่','สุขภาพจิต','การเกษตรอินทรีย์','น้ำสะอาด','ถนนปลอดภัย'])[1 + (g.i / 6) % 12]
        || ' ' || (array['ในชุมชน','ในโรงเรียน','ในมัสยิด','ในวัด','ระดับตำบล','ในหมู่บ้าน','สำหรับเยาวชน','สำหรับครอบครัว'])[1 + (g.i / 72) % 8]
        || ' ปี ' || (2566 + g.i % 5),
      (select a.id from issue_areas a where a.tambon_id = t.id order by a.id offset (g.i % 5) limit 1),
      (select s.id from plan_strategies s where s.plan_id = pl.id order by s.id offset (g.i % 5) limit 1),
      g.i % 7 = 0,
      array[(array['elderly','children','youth','disabled','everyone'])[1 + g.i % 5]],
      'เพื่อส่งเสริมสุขภาพและคุณภาพชีวิตของประชาชนในพื้นที่ ลดความเสี่ยงและสร้างการมีส่วนร่วม',
      'ประชาชน ' || (50 + g.i % 200) || ' คน',
      'ร้อยละ 80 ของกลุ่มเป้าหมายเข้าร่วม',
      'ประชาชนมีสุขภาพดีขึ้น',
      'กองสาธารณสุขและสิ่งแวดล้อม',
      case when g.tn = 1 and g.first_year = 2566 then 'p02'
           else (array['p02','p02','p02','p02','p02','p02_1','p02_1','p02_2','p03','p02'])[1 + g.i % 10] end,
      case when g.tn = 1 and g.first_year = 2566 then 'in_plan'
           else (array['proposed','screened','in_plan','in_progress','done','cancelled'])[1 + g.i % 6] end,
      (g.i * 17) % 101
    from g join t on t.n = g.tn
    join plans pl on pl.tambon_id = t.id and pl.first_year = g.first_year`);
  await run(`
    insert into project_villages (tambon_id, project_id, village_id)
    select p.tambon_id, p.id, v.id
    from projects p join villages v on v.tambon_id = p.tambon_id
      and v.moo in (1 + p.id % 13, 1 + (p.id * 7) % 13)
    join tambons t on t.id = p.tambon_id
    where t.slug like 'bench-%' and not p.whole_tambon`);
  await run(`
    insert into project_budgets (tambon_id, project_id, fiscal_year, source, amount)
    select p.tambon_id, p.id, pl.first_year + y,
      (array['local','health_fund','thaihealth','province'])[1 + (p.id + y) % 4],
      10000 + ((p.id * 37 + y * 1013) % 90000)
    from projects p join plans pl on pl.id = p.plan_id
    join tambons t on t.id = p.tambon_id
    cross join generate_series(0, 4) y
    where t.slug like 'bench-%' and (p.id + y) % 5 <> 0`);
  await run(`
    insert into indicators (tambon_id, plan_id, name, unit, direction, baseline_value, baseline_year)
    select p.tambon_id, p.id, 'ตัวชี้วัดที่ ' || k || ' ร้อยละของประชาชนที่ได้รับบริการ', 'ร้อยละ',
      case when k % 3 = 0 then 'down' else 'up' end, 40 + k, 2565
    from plans p join tambons t on t.id = p.tambon_id
    cross join generate_series(1, 10) k
    where t.slug like 'bench-%' and p.first_year = 2566`);
  await run(`
    insert into indicator_targets (tambon_id, indicator_id, fiscal_year, target)
    select i.tambon_id, i.id, 2566 + y, 50 + 5 * y
    from indicators i join tambons t on t.id = i.tambon_id
    cross join generate_series(0, 4) y where t.slug like 'bench-%'`);
  await run(`
    insert into measurements (tambon_id, indicator_id, village_id, fiscal_year, period_end, value, source)
    select i.tambon_id, i.id, v.id,
      extract(year from d)::int + 543 + case when extract(month from d) >= 10 then 1 else 0 end,
      d, 30 + ((i.id * 7 + v.id * 3 + k * 11) % 700) / 10.0, 'import'
    from indicators i join tambons t on t.id = i.tambon_id
    join villages v on v.tambon_id = i.tambon_id
    cross join generate_series(0, ${MEASURE_PERIODS - 1}) k
    cross join lateral (select (date '2020-12-31' + make_interval(months => 3 * k))::date as d) dd
    where t.slug like 'bench-%'`);
  await run("analyze");
  const count = async (table: string) =>
    (await select<{ n: number }>(db, `select count(*)::int as n from ${table}`))[0]!.n;
  const rows: Record<string, number> = {};
  for (const table of [
    "tambons",
    "villages",
    "projects",
    "project_budgets",
    "project_villages",
    "indicators",
    "measurements",
  ])
    rows[table] = await count(table);
  return { rows };
}

/** The plans module's pages and checks on one database. */
export async function benchPlans(kind: DbKind): Promise<Figures> {
  const database = await openTestDatabase(kind);
  const db = database.db;
  const started = performance.now();
  const { rows } = await build(db);
  const seedMs = Math.round(performance.now() - started);
  const app = await createApp(testConfig(), database);
  await app.ready();
  const planOf = async (slug: string) =>
    (
      await select<{ tambon: number; plan: number }>(
        db,
        `select t.id as tambon, p.id as plan from tambons t join plans p on p.tambon_id = t.id
         where t.slug = '${slug}' and p.first_year = 2566`,
      )
    )[0]!;
  const one = await planOf("bench-1");
  const typical = await planOf("bench-77");

  const page = async (url: string, runs: number) => {
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs + 2; i++) {
      pageCache.invalidate(null);
      const t0 = performance.now();
      const res = await app.inject({ url });
      const dt = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
      bytes = res.rawPayload.length;
      if (i >= 2) ms.push(dt);
    }
    const s = stats(ms);
    return `median ${s.median} ms · p95 ${s.p95} ms · ${Math.round(bytes / 1024)} KB`;
  };
  const call = async (fn: () => Promise<unknown>, runs: number) => {
    const ms: number[] = [];
    let size = 0;
    for (let i = 0; i < runs + 2; i++) {
      const t0 = performance.now();
      const out = await fn();
      const dt = performance.now() - t0;
      size = Array.isArray(out) ? out.length : 0;
      if (i >= 2) ms.push(dt);
    }
    const s = stats(ms);
    return `median ${s.median} ms · p95 ${s.p95} ms · ${size} found`;
  };
  const plan = (await getPlan(db, one.tambon, one.plan))!;
  const candidate = {
    title: "โครงการส่งเสริมสุขภาพผู้สูงอายุในชุมชน",
    objectives: "เพื่อส่งเสริมสุขภาพของผู้สูงอายุ",
    areaId: null,
    villageIds: [],
    wholeTambon: true,
    targetGroups: ["elderly" as const],
    years: [2567, 2568],
  };
  try {
    return {
      data: `${Object.entries(rows)
        .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
        .join(", ")}; seeded in ${(seedMs / 1000).toFixed(1)} s`,
      "distribution query and shares, plan of 300 projects (no page)": await call(
        async () => (await planDistribution(db, one.tambon, plan)).villages,
        20,
      ),
      "distribution, plan of 300 projects (whole plan)": await page(
        `/t/bench-1/plans/${one.plan}/distribution`,
        20,
      ),
      "distribution, plan of 300 projects (one year)": await page(
        `/t/bench-1/plans/${one.plan}/distribution?year=2568`,
        20,
      ),
      "distribution, a typical tambon (130 projects)": await page(
        `/t/bench-77/plans/${typical.plan}/distribution`,
        20,
      ),
      "indicator dashboard query (10 indicators, 3,300 measurements)": await call(
        async () => indicatorCards(db, one.tambon, await listIndicators(db, one.tambon, one.plan)),
        20,
      ),
      "indicator dashboard page (with sparklines)": await page(
        `/t/bench-1/plans/${one.plan}/indicators`,
        20,
      ),
      "duplicate check of a new title (500 projects, this plan and the last)": await call(
        () => findOverlaps(db, one.tambon, plan, candidate),
        20,
      ),
      "ผ.02 XLSX of the 300-project plan": await page(
        `/t/bench-1/plans/${one.plan}/reports/forms/p02/xlsx`,
        10,
      ),
      "open data JSON of the 300-project tambon": await page("/t/bench-1/plans/open-data.json", 10),
    };
  } finally {
    await app.close();
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kinds = (
    process.argv.slice(2).length ? process.argv.slice(2) : ["postgres", "pglite"]
  ) as DbKind[];
  for (const kind of kinds) {
    process.stdout.write(`\n## Plans on a province on ${kind}\n`);
    for (const [k, v] of Object.entries(await benchPlans(kind)))
      process.stdout.write(`| ${k} | ${v} |\n`);
  }
}
