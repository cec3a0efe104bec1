import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons, users, villages } from "../../src/core/db/schema.ts";
import { readWorkbook } from "../../src/core/xlsx.ts";
import {
  indicatorTargets,
  indicators,
  measurements,
  planStrategies,
  plans,
  projectBudgets,
  projectVillages,
  projects,
} from "../../src/modules/plans/schema.ts";
import type { Db } from "../../src/core/db/index.ts";

const TITLE_A = "โครงการคัดกรองความดันโลหิตสูงในผู้สูงอายุ บ้านทดสอบ";
const TITLE_B = "โครงการลานกีฬาชุมชน (ยังเป็นข้อเสนอ)";
const TITLE_C = "จัดซื้อเครื่องวัดความดันโลหิตแบบอัตโนมัติ";
const OTHER_TITLE = "โครงการของตำบลอื่นที่ต้องไม่หลุดมา";
const PROPOSER = "ผู้เสนอ ทดสอบข้อมูลส่วนตัว";
const NOTE = "บันทึกโดยนายสมชาย โทร 0812345678";

/** A plan of La-ngu with three projects, a village whose code starts with 0, and an indicator. */
async function fixture(db: Db) {
  const [langu] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
  const [other] = await db.select().from(tambons).where(eq(tambons.slug, "lom-raet"));
  const [person] = await db
    .insert(users)
    .values({ name: PROPOSER, username: "plans-report-proposer", passwordHash: "x" })
    .returning();
  const [village] = await db
    .insert(villages)
    .values({
      tambonId: langu!.id,
      moo: 99,
      nameTh: "บ้านทดสอบ",
      code: "09990199",
      population: 100,
      households: 30,
    })
    .returning();
  const [plan] = await db
    .insert(plans)
    .values({ tambonId: langu!.id, title: "แผนพัฒนาทดสอบรายงาน", firstYear: 2566, years: 5 })
    .returning();
  const [strategy] = await db
    .insert(planStrategies)
    .values({
      tambonId: langu!.id,
      planId: plan!.id,
      code: "1",
      title: "ยุทธศาสตร์การพัฒนาด้านสุขภาพ",
    })
    .returning();
  const [a, b, c] = await db
    .insert(projects)
    .values([
      {
        tambonId: langu!.id,
        planId: plan!.id,
        seq: 1,
        title: TITLE_A,
        strategyId: strategy!.id,
        objectives: "เพื่อค้นหาผู้ป่วยความดันโลหิตสูงรายใหม่",
        outputs: "ผู้สูงอายุ 100 คน",
        kpi: "ร้อยละ 90 ได้รับการคัดกรอง",
        expectedResults: "ผู้ป่วยได้รับการรักษาเร็วขึ้น",
        responsibleUnit: "กองสาธารณสุข",
        status: "in_plan",
        proposedBy: person!.id,
      },
      {
        tambonId: langu!.id,
        planId: plan!.id,
        seq: 2,
        title: TITLE_B,
        wholeTambon: true,
        status: "proposed",
        proposedBy: person!.id,
      },
      {
        tambonId: langu!.id,
        planId: plan!.id,
        seq: 3,
        title: TITLE_C,
        strategyId: strategy!.id,
        formCategory: "p03",
        wholeTambon: true,
        status: "in_plan",
      },
    ])
    .returning();
  await db.insert(projectVillages).values({
    tambonId: langu!.id,
    projectId: a!.id,
    villageId: village!.id,
  });
  await db.insert(projectBudgets).values([
    { tambonId: langu!.id, projectId: a!.id, fiscalYear: 2566, amount: "10000" },
    { tambonId: langu!.id, projectId: a!.id, fiscalYear: 2567, amount: "12000.50" },
    {
      tambonId: langu!.id,
      projectId: a!.id,
      fiscalYear: 2567,
      source: "health_fund",
      amount: "3000",
    },
    { tambonId: langu!.id, projectId: a!.id, fiscalYear: 2570, amount: "5000" },
    { tambonId: langu!.id, projectId: b!.id, fiscalYear: 2568, amount: "50000" },
    { tambonId: langu!.id, projectId: c!.id, fiscalYear: 2566, amount: "18000" },
  ]);
  const [indicator] = await db
    .insert(indicators)
    .values({ tambonId: langu!.id, planId: plan!.id, name: "ร้อยละผู้สูงอายุที่ได้รับการคัดกรอง" })
    .returning();
  await db.insert(indicatorTargets).values({
    tambonId: langu!.id,
    indicatorId: indicator!.id,
    fiscalYear: 2567,
    target: "90",
  });
  await db.insert(measurements).values({
    tambonId: langu!.id,
    indicatorId: indicator!.id,
    villageId: village!.id,
    fiscalYear: 2567,
    periodEnd: "2024-09-30",
    value: "82.5",
    note: NOTE,
    recordedBy: person!.id,
  });
  const [otherPlan] = await db
    .insert(plans)
    .values({ tambonId: other!.id, title: "แผนของตำบลอื่น", firstYear: 2566 })
    .returning();
  await db.insert(projects).values({
    tambonId: other!.id,
    planId: otherPlan!.id,
    title: OTHER_TITLE,
    status: "in_plan",
  });
  return { plan: plan!, village: village! };
}

for (const kind of DB_KINDS) {
  describe(`plan reports, exports and open data (${kind})`, () => {
    let t: TestApp;
    let planId: number;
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      planId = (await fixture(t.database.db)).plan.id;
    });
    after(async () => {
      await t?.close();
    });

    test("the ผ.02 XLSX reads back: Thai title, a village code stays text, 5-year total is the sum", async () => {
      const res = await t.app.inject(`/t/la-ngu/plans/${planId}/reports/forms/p02/xlsx`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-type"]), /spreadsheetml/);
      const read = await readWorkbook(res.rawPayload);
      assert.ok(read.ok);
      const [sheet] = read.value;
      assert.equal(sheet!.name, "ผ.02");
      const cells = sheet!.rows.flat();
      assert.ok(cells.includes("รายละเอียดโครงการพัฒนา"));
      assert.ok(cells.includes("แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)"));
      assert.ok(cells.includes("รวม 5 ปี (บาท)"));
      assert.ok(cells.includes("1. ยุทธศาสตร์การพัฒนาด้านสุขภาพ"));
      const header = sheet!.rows.find((r) => r.includes("ที่"))!;
      const years = sheet!.rows.find((r) => r.includes("2566 (บาท)"))!;
      const row = sheet!.rows.find((r) => r.includes(TITLE_A))!;
      assert.ok(row, "project A is on the form");
      assert.equal(row[header.indexOf("รหัสหมู่บ้าน")], "09990199");
      assert.equal(row[header.indexOf("พื้นที่ดำเนินการ")], "หมู่ที่ 99");
      const yearCols = [2566, 2567, 2568, 2569, 2570].map((y) => years.indexOf(`${y} (บาท)`));
      const amounts = yearCols.map((i) => Number(row[i] || 0));
      assert.deepEqual(amounts, [10000, 15000.5, 0, 0, 5000]);
      const total = Number(row[years.indexOf("รวม 5 ปี (บาท)")]);
      assert.equal(
        total,
        amounts.reduce((x, y) => x + y, 0),
      );
      assert.equal(total, 30000.5);
      assert.ok(!cells.includes(TITLE_B), "a proposal is not on the form");
      assert.ok(!cells.includes(TITLE_C), "equipment is on ผ.03, not ผ.02");
    });

    test("ผ.01 sums ผ.02 projects per strategy and year; ผ.03 lists the equipment", async () => {
      const res = await t.app.inject(`/t/la-ngu/plans/${planId}/reports/forms.xlsx`);
      assert.equal(res.statusCode, 200);
      const read = await readWorkbook(res.rawPayload);
      assert.ok(read.ok);
      assert.deepEqual(
        read.value.map((s) => s.name),
        ["ผ.01", "ผ.02", "ผ.02-1", "ผ.02-2", "ผ.03"],
      );
      const p01 = read.value[0]!.rows;
      const total = p01.find((r) => r[0] === "รวม")!;
      // 2566: 1 project 10,000; 2567: 1 project 15,000.50; … whole plan: 1 project 30,000.50.
      assert.deepEqual(total.slice(1, 5).map(Number), [1, 10000, 1, 15000.5]);
      assert.deepEqual(total.slice(-2).map(Number), [1, 30000.5]);
      assert.ok(read.value[4]!.rows.flat().includes(TITLE_C));
    });

    test("the print page of ผ.02 is a Thai A4 document without the site's menu", async () => {
      const res = await t.app.inject(`/t/la-ngu/plans/${planId}/reports/forms/p02`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html lang="th">/);
      assert.match(res.body, /class="plan-print"/);
      assert.match(res.body, /<h1>รายละเอียดโครงการพัฒนา<\/h1>/);
      assert.ok(res.body.includes(TITLE_A));
      assert.match(res.body, /30,000\.50/);
      assert.doesNotMatch(res.body, /class="main-nav/);
      const css = await t.app.inject(/href="([^"]+\.css)"/.exec(res.body)![1]!);
      assert.match(css.body, /@page plan-landscape\{?\s*\{?[^}]*size:\s*A4 landscape/);
    });

    test("the ผ.02 PDF is an A4 document with the Thai text of the form", async () => {
      const res = await t.app.inject(`/t/la-ngu/plans/${planId}/reports/forms/p02/pdf`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers["content-type"], "application/pdf");
      assert.equal(res.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
      const dir = mkdtempSync(path.join(tmpdir(), "plans-pdf-"));
      try {
        const file = path.join(dir, "p02.pdf");
        writeFileSync(file, res.rawPayload);
        const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
        const flat = text.replace(/\s+/g, "");
        assert.ok(
          flat.includes("รายละเอียดโครงการพัฒนา"),
          "the form's Thai title is text in the PDF",
        );
        assert.ok(flat.includes("กองสาธารณสุข"), "a project's Thai cell is text in the PDF");
        assert.ok(flat.includes("30,000.50"), "the 5-year total is printed");
        assert.ok(!flat.includes(TITLE_B.replace(/\s+/g, "")), "a proposal is not on the form");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test("without Chromium the PDF link leads to the print page, which says why", async () => {
      const saved = process.env.CHROMIUM_PATH;
      process.env.CHROMIUM_PATH = "/nonexistent/chromium";
      try {
        const res = await t.app.inject(`/t/la-ngu/plans/${planId}/reports/forms/p01/pdf`);
        assert.equal(res.statusCode, 303);
        assert.equal(res.headers.location, `/t/la-ngu/plans/${planId}/reports/forms/p01?nopdf=1`);
        const page = await t.app.inject(res.headers.location!);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /เครื่องแม่ข่ายนี้สร้าง PDF ไม่ได้/);
        assert.match(page.body, /<h1>บัญชีสรุปโครงการพัฒนา<\/h1>/);
        const index = await t.app.inject(`/t/la-ngu/plans/${planId}/reports`);
        assert.doesNotMatch(index.body, /\/forms\/p02\/pdf"/, "no PDF link is offered");
      } finally {
        if (saved === undefined) delete process.env.CHROMIUM_PATH;
        else process.env.CHROMIUM_PATH = saved;
      }
      const other = await t.app.inject(`/t/lom-raet/plans/${planId}/reports/forms/p02/pdf`);
      assert.equal(other.statusCode, 404, "another tambon's plan has no PDF here");
    });

    test("the open data has no personal fields and no other tambon's rows", async () => {
      const res = await t.app.inject("/t/la-ngu/plans/open-data.json");
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-type"]), /application\/json/);
      const data = JSON.parse(res.body);
      assert.equal(data.format, "tambon-plans/1");
      assert.equal(data.tambon.slug, "la-ngu");
      const mine = data.projects.filter((p: { planId: number }) => p.planId === planId);
      assert.deepEqual(
        mine.map((p: { title: string }) => p.title),
        [TITLE_A, TITLE_B, TITLE_C],
      );
      const a = mine[0];
      assert.deepEqual(a.villages, [{ id: a.villages[0].id, moo: 99, code: "09990199" }]);
      assert.equal(a.budgetTotal, 30000.5);
      const ind = data.indicators.find((i: { planId: number }) => i.planId === planId);
      assert.equal(ind.measurements[0].value, 82.5);
      assert.equal(ind.targets[0].target, 90);
      // Nothing personal anywhere: no names, no notes, no fields about people.
      assert.ok(!res.body.includes(PROPOSER));
      assert.ok(!res.body.includes(NOTE));
      const keys = new Set<string>();
      const walk = (v: unknown) => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === "object")
          for (const [k, x] of Object.entries(v)) {
            keys.add(k);
            walk(x);
          }
      };
      walk(data);
      for (const k of ["proposedBy", "recordedBy", "authorId", "createdBy", "raterId", "note"])
        assert.ok(!keys.has(k), `no ${k} field`);
      assert.ok(!res.body.includes(OTHER_TITLE));
      const other = JSON.parse((await t.app.inject("/t/lom-raet/plans/open-data.json")).body);
      assert.ok(other.projects.some((p: { title: string }) => p.title === OTHER_TITLE));
      assert.ok(!other.projects.some((p: { title: string }) => p.title === TITLE_A));
    });

    test("another tambon's plan is not found under this tambon", async () => {
      for (const path of [
        `reports/forms/p02/xlsx`,
        `reports/forms/p01`,
        `reports/projects.csv`,
        `distribution`,
      ]) {
        const res = await t.app.inject(`/t/lom-raet/plans/${planId}/${path}`);
        assert.equal(res.statusCode, 404, path);
      }
    });

    test("the distribution shares budgets by village, draws its chart and flags villages with nothing", async () => {
      const page = await t.app.inject(`/t/la-ngu/plans/${planId}/distribution?year=2567`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /ดัชนีความไม่เท่าเทียม \(จีนี\)/);
      assert.match(page.body, /<svg[^>]*>/);
      assert.match(page.body, /ไม่ได้รับงบประมาณ/);
      const csv = await t.app.inject(`/t/la-ngu/plans/${planId}/distribution.csv?year=2567`);
      assert.equal(csv.statusCode, 200);
      const lines = csv.body
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      const head = lines[0]!.split(",");
      const row = lines.find((l) => l.split(",")[1] === "99")!.split(",");
      assert.equal(row[head.indexOf("village_code")], "09990199");
      assert.equal(row[head.indexOf("budget")], "15000.50");
      assert.ok(Math.abs(Number(row[head.indexOf("per_head")]) - 150.005) < 0.01);
      assert.equal(row[head.indexOf("receives_nothing")], "false");
      // Only village 99 has money in 2567 (the proposal does not count): every other is flagged.
      const others = lines.slice(1).filter((l) => l.split(",")[1] !== "99");
      assert.ok(others.length > 0);
      for (const l of others) assert.equal(l.split(",")[head.indexOf("receives_nothing")], "true");
      const bad = await t.app.inject(`/t/la-ngu/plans/${planId}/distribution?year=2599`);
      assert.equal(bad.statusCode, 404);
    });

    test("the project list downloads as CSV with every project and no proposer", async () => {
      const res = await t.app.inject(`/t/la-ngu/plans/${planId}/reports/projects.csv`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-type"]), /text\/csv/);
      assert.ok(res.body.includes(TITLE_A) && res.body.includes(TITLE_B));
      assert.ok(!res.body.includes(PROPOSER));
      const json = await t.app.inject(`/t/la-ngu/plans/${planId}/reports/projects.json`);
      assert.equal(JSON.parse(json.body).projects.length, 3);
      const reports = await t.app.inject(`/t/la-ngu/plans/${planId}/reports`);
      assert.equal(reports.statusCode, 200);
      assert.match(reports.body, /ผ\.02 รายละเอียดโครงการพัฒนา/);
    });
  });
}
