import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { auditLog, tambons, villages } from "../../src/core/db/schema.ts";
import { issueAreas } from "../../src/modules/areas/public.ts";
import {
  planStrategies,
  plans,
  projectBudgets,
  projectVillages,
  projects,
} from "../../src/modules/plans/schema.ts";
import { toCsv } from "../../src/core/csv.ts";
import { readWorkbook, writeWorkbook } from "../../src/core/xlsx.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEADERS = [
  "ชื่อโครงการ",
  "รหัสยุทธศาสตร์",
  "ประเด็น",
  "แบบฟอร์ม",
  "วัตถุประสงค์",
  "หมู่ที่",
  "2566",
  "2567",
];
const COLUMNS = {
  col_title: "0",
  col_strategy: "1",
  col_area: "2",
  col_form: "3",
  col_objectives: "4",
  col_villages: "5",
  col_y2566: "6",
  col_y2567: "7",
};

for (const kind of DB_KINDS) {
  describe(`plans: importing projects from a file (${kind})`, () => {
    let t: TestApp;
    let langu: number;
    let planId: number;
    let otherPlan: number;
    let strategyCode: string;
    let strategyId: number;
    let areaName: string;
    let moo: Map<number, number>;
    let IMPORT: string;

    const wg = async () => {
      const c = await Client.as(t.app, "langu-wg");
      return c;
    };
    const planProjects = () =>
      t.database.db
        .select()
        .from(projects)
        .where(and(eq(projects.tambonId, langu), eq(projects.planId, planId)))
        .orderBy(asc(projects.id));
    const importAudits = () =>
      t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tambonId, langu), eq(auditLog.action, "project.import")));
    const upload = (client: Client, data: Buffer, filename = "p.csv", type = "text/csv") =>
      postMultipart(client, IMPORT, {}, { file: { filename, type, data } }, { from: IMPORT });
    const apply = (client: Client, checked: string, extra: Record<string, string> = {}) => {
      const token = /name="token" value="([0-9a-f]{32})"/.exec(checked)?.[1];
      assert.ok(token, "the check page keeps the file under a token");
      return client.post(
        `${IMPORT}/check`,
        { ...extra, token, ...COLUMNS, step: "apply" },
        { from: IMPORT },
      );
    };
    const rows = () => [
      [
        "โครงการนำเข้า ก",
        strategyCode,
        areaName,
        "ผ.02",
        "ให้ผู้สูงอายุได้ออกกำลังกาย",
        "1, 3",
        "150,000",
        "20000",
      ],
      ["โครงการนำเข้า ข", strategyCode, "", "ผ.02/1", "ซ่อมถนน", "ทั้งตำบล", "", "500000.50"],
      ["โครงการนำเข้า ค", "", "", "", "ลานกีฬา", "หมู่ 2", "30000", ""],
    ];
    const csv = (data: string[][]) => Buffer.from(toCsv(HEADERS, data));

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const all = await t.database.db.select().from(tambons);
      langu = all.find((x) => x.slug === "la-ngu")!.id;
      const kokha = all.find((x) => x.slug === "ko-kha")!.id;
      const [plan] = await t.database.db
        .select()
        .from(plans)
        .where(and(eq(plans.tambonId, langu), eq(plans.firstYear, 2566)));
      planId = plan!.id;
      IMPORT = `/t/la-ngu/admin/plans/${planId}/import`;
      const [s] = await t.database.db
        .select()
        .from(planStrategies)
        .where(and(eq(planStrategies.planId, planId), eq(planStrategies.code, "1")));
      strategyCode = s!.code;
      strategyId = s!.id;
      const [a] = await t.database.db
        .select()
        .from(issueAreas)
        .where(eq(issueAreas.tambonId, langu));
      areaName = a!.nameTh;
      const vs = await t.database.db.select().from(villages).where(eq(villages.tambonId, langu));
      moo = new Map(vs.map((v) => [v.moo, v.id]));
      const [op] = await t.database.db
        .insert(plans)
        .values({ tambonId: kokha, title: "แผนของเกาะขา", firstYear: 2566, years: 5 })
        .returning();
      otherPlan = op!.id;
    });
    after(async () => {
      await t?.close();
    });

    test("a village representative is refused; another tambon's plan is 404", async () => {
      const rep = await Client.as(t.app, "langu-rep");
      assert.equal((await rep.get(IMPORT)).statusCode, 403);
      const staff = await wg();
      const page = await staff.get(IMPORT);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /นำเข้าโครงการจากไฟล์/);
      const admin = await staff.get(`/t/la-ngu/admin/plans/${planId}`);
      assert.ok(admin.body.includes(`href="${IMPORT}"`), "the plan's admin page links the import");
      assert.equal((await staff.get(`/t/la-ngu/admin/plans/${otherPlan}/import`)).statusCode, 404);
      assert.equal(
        (await staff.get(`/t/la-ngu/admin/plans/${otherPlan}/import/template`)).statusCode,
        404,
      );
      const forged = await staff.post(
        `/t/la-ngu/admin/plans/${otherPlan}/import/check`,
        { token: "0".repeat(32), step: "apply" },
        { from: IMPORT },
      );
      assert.equal(forged.statusCode, 404);
      const template = await staff.get(`${IMPORT}/template`);
      assert.equal(template.statusCode, 200);
      const book = await readWorkbook(template.rawPayload);
      assert.ok(book.ok);
      const head = book.value[0]!.rows[0]!;
      assert.equal(head[0], "ชื่อโครงการ");
      assert.deepEqual(head.slice(-5), ["2566", "2567", "2568", "2569", "2570"]);
    });

    test("bad strategy code and bad village are reported by row number; nothing is stored", async () => {
      const staff = await wg();
      const before = (await planProjects()).length;
      const bad = rows();
      bad[1]![1] = "99";
      bad[1]![4] = "ว".repeat(2001);
      bad[2]![5] = "1, 42";
      bad[2]![6] = "สามหมื่น";
      const res = await upload(staff, csv(bad));
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /มี 2 แถวจาก 3 แถวที่ต้องแก้ไข/);
      assert.match(res.body, /<td>3<\/td><td>[^<]*<\/td><td>ไม่พบยุทธศาสตร์รหัส “99” ในแผนนี้/);
      assert.match(res.body, /<td>3<\/td><td>วัตถุประสงค์<\/td><td>ยาวเกิน 2000 ตัวอักษร/);
      assert.match(res.body, /<td>4<\/td><td>[^<]*<\/td><td>ไม่พบหมู่ที่ 42 ในตำบลนี้/);
      assert.match(res.body, /<td>4<\/td><td>2566<\/td><td>งบประมาณต้องเป็นตัวเลข/);
      assert.doesNotMatch(res.body, /value="apply"/);
      const forced = await apply(staff, res.body);
      assert.equal(forced.statusCode, 422);
      assert.equal((await planProjects()).length, before);
      assert.equal((await importAudits()).length, 0);
    });

    test("a CSV of three projects: the dry run stores nothing, the import stores all with budgets and villages", async () => {
      const staff = await wg();
      const before = (await planProjects()).length;
      const res = await upload(staff, csv(rows()));
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /ทั้ง 3 แถวถูกต้อง/);
      assert.match(res.body, /เพิ่มใหม่ 3 แถว/);
      assert.equal((await planProjects()).length, before);
      const done = await apply(staff, res.body, { tambonId: "999", planId: String(otherPlan) });
      assert.equal(done.statusCode, 303);
      const all = await planProjects();
      assert.equal(all.length, before + 3);
      const [a, b, c] = all.slice(-3);
      assert.deepEqual(
        [a!.title, a!.strategyId, a!.formCategory, a!.wholeTambon, a!.status],
        ["โครงการนำเข้า ก", strategyId, "p02", false, "proposed"],
      );
      assert.ok(a!.areaId);
      assert.deepEqual(
        [b!.formCategory, b!.wholeTambon, b!.strategyId],
        ["p02_1", true, strategyId],
      );
      assert.deepEqual([c!.formCategory, c!.strategyId, c!.areaId], ["p02", null, null]);
      const budgets = await t.database.db
        .select()
        .from(projectBudgets)
        .where(eq(projectBudgets.tambonId, langu))
        .orderBy(asc(projectBudgets.projectId), asc(projectBudgets.fiscalYear));
      const of = (id: number) =>
        budgets.filter((x) => x.projectId === id).map((x) => [x.fiscalYear, Number(x.amount)]);
      assert.deepEqual(of(a!.id), [
        [2566, 150000],
        [2567, 20000],
      ]);
      assert.deepEqual(of(b!.id), [[2567, 500000.5]]);
      assert.deepEqual(of(c!.id), [[2566, 30000]]);
      const vs = await t.database.db
        .select()
        .from(projectVillages)
        .where(eq(projectVillages.tambonId, langu));
      const villagesOf = (id: number) =>
        vs
          .filter((v) => v.projectId === id)
          .map((v) => v.villageId)
          .sort((x, y) => x - y);
      assert.deepEqual(
        villagesOf(a!.id),
        [moo.get(1), moo.get(3)].sort((x, y) => x! - y!),
      );
      assert.deepEqual(villagesOf(b!.id), []);
      assert.deepEqual(villagesOf(c!.id), [moo.get(2)]);
      assert.equal((await importAudits()).length, 3);
      assert.equal(
        (await t.database.db.select().from(projects).where(eq(projects.planId, otherPlan))).length,
        0,
      );
    });

    test("re-running the same file, then the same rows as XLSX, changes and duplicates nothing", async () => {
      const staff = await wg();
      const before = await planProjects();
      const res = await upload(staff, csv(rows()));
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /เหมือนเดิม 3 แถว/);
      assert.match(res.body, /เพิ่มใหม่ 0 แถว/);
      assert.equal((await apply(staff, res.body)).statusCode, 303);
      const xlsx = await writeWorkbook([{ name: "โครงการ", rows: [HEADERS, ...rows()] }]);
      const again = await upload(staff, xlsx, "p.xlsx", XLSX_TYPE);
      assert.equal(again.statusCode, 200);
      assert.match(again.body, /เหมือนเดิม 3 แถว/);
      assert.equal((await apply(staff, again.body)).statusCode, 303);
      const after = await planProjects();
      assert.deepEqual(
        after.map((p) => [p.id, p.title, p.updatedAt?.getTime()]),
        before.map((p) => [p.id, p.title, p.updatedAt?.getTime()]),
      );
      assert.equal((await importAudits()).length, 3);
    });

    test("an XLSX with a changed budget updates that project only", async () => {
      const staff = await wg();
      const before = (await planProjects()).length;
      const changed = rows();
      changed[2]![6] = "45000";
      const xlsx = await writeWorkbook([{ name: "โครงการ", rows: [HEADERS, ...changed] }]);
      const res = await upload(staff, xlsx, "p.xlsx", XLSX_TYPE);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /ปรับปรุง 1 แถว/);
      assert.match(res.body, /เหมือนเดิม 2 แถว/);
      assert.equal((await apply(staff, res.body)).statusCode, 303);
      assert.equal((await planProjects()).length, before);
      const c = (await planProjects()).find((p) => p.title === "โครงการนำเข้า ค")!;
      const [budget] = await t.database.db
        .select()
        .from(projectBudgets)
        .where(eq(projectBudgets.projectId, c.id));
      assert.equal(Number(budget!.amount), 45000);
      assert.equal((await importAudits()).length, 4);
    });

    test("a file of titles and one year's budget leaves every other stored field as it is", async () => {
      const staff = await wg();
      const stored = (await planProjects()).find((p) => p.title === "โครงการนำเข้า ก")!;
      const res = await upload(
        staff,
        Buffer.from(toCsv(["ชื่อโครงการ", "2567"], [["โครงการนำเข้า ก", "25000"]])),
      );
      assert.equal(res.statusCode, 200);
      const token = /name="token" value="([0-9a-f]{32})"/.exec(res.body)?.[1];
      assert.ok(token);
      const done = await staff.post(
        `${IMPORT}/check`,
        { token, col_title: "0", col_y2567: "1", step: "apply" },
        { from: IMPORT },
      );
      assert.equal(done.statusCode, 303);
      const after = (await planProjects()).find((p) => p.id === stored.id)!;
      assert.equal(after.objectives, stored.objectives);
      assert.equal(after.strategyId, stored.strategyId);
      assert.equal(after.areaId, stored.areaId);
      assert.equal(after.formCategory, stored.formCategory);
      const budgets = await t.database.db
        .select()
        .from(projectBudgets)
        .where(eq(projectBudgets.projectId, stored.id))
        .orderBy(asc(projectBudgets.fiscalYear));
      assert.deepEqual(
        budgets.map((b) => [b.fiscalYear, Number(b.amount)]),
        [
          [2566, 150000],
          [2567, 25000],
        ],
      );
      const vs = await t.database.db
        .select()
        .from(projectVillages)
        .where(eq(projectVillages.projectId, stored.id));
      assert.deepEqual(
        vs.map((v) => v.villageId).sort((a, b) => a - b),
        [moo.get(1), moo.get(3)].sort((a, b) => a! - b!),
      );
    });
  });
}
