import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, like } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { auditLog, tambons, villages } from "../../src/core/db/schema.ts";
import { indicators, measurements, plans } from "../../src/modules/plans/schema.ts";
import { recordComputedMeasurements } from "../../src/modules/plans/public.ts";
import { DEMO_INDICATORS } from "../../src/modules/plans/indicators/demo.ts";
import { toCsv } from "../../src/core/csv.ts";
import { readWorkbook, writeWorkbook } from "../../src/core/xlsx.ts";

const FORM = "/t/la-ngu/admin/indicators";
const IMPORT = "/t/la-ngu/admin/indicators/import";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

for (const kind of DB_KINDS) {
  describe(`indicators: entry grid and imports (${kind})`, () => {
    let t: TestApp;
    let langu: number;
    let kokha: number;
    let moo: Map<number, number>;
    let otherIndicator: number;
    let otherVillage: number;
    let indicatorId: number;
    const wg = () => {
      const c = new Client(t.app);
      return c.login("langu-wg").then(() => c);
    };

    const stored = (id: number) =>
      t.database.db
        .select()
        .from(measurements)
        .where(and(eq(measurements.tambonId, langu), eq(measurements.indicatorId, id)))
        .orderBy(asc(measurements.fiscalYear), asc(measurements.villageId));
    const importAudits = () =>
      t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tambonId, langu), like(auditLog.action, "measurement.import")));

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const all = await t.database.db.select().from(tambons);
      langu = all.find((x) => x.slug === "la-ngu")!.id;
      kokha = all.find((x) => x.slug === "ko-kha")!.id;
      const vs = await t.database.db.select().from(villages).where(eq(villages.tambonId, langu));
      moo = new Map(vs.map((v) => [v.moo, v.id]));
      const [ov] = await t.database.db.select().from(villages).where(eq(villages.tambonId, kokha));
      otherVillage = ov!.id;
      const [oi] = await t.database.db
        .insert(indicators)
        .values({ tambonId: kokha, name: "ตัวชี้วัดของเกาะขา", direction: "up" })
        .returning();
      otherIndicator = oi!.id;
    });
    after(async () => {
      await t?.close();
    });

    test("a member may not manage indicators; the working group adds one, forged fields ignored", async () => {
      const member = await Client.as(t.app, "langu-member");
      assert.equal((await member.get(FORM)).statusCode, 403);
      const staff = await wg();
      const bad = await staff.post(
        FORM,
        { name: "", direction: "sideways", baselineValue: "สิบ" },
        { from: FORM },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /กรุณากรอกช่องนี้/);
      assert.match(bad.body, /ต้องเป็นตัวเลข เช่น 12 หรือ 12\.5/);
      const res = await staff.post(
        FORM,
        {
          name: "ร้อยละผู้สูงอายุที่ได้รับการคัดกรองสุขภาพ",
          unit: "ร้อยละ",
          direction: "up",
          baselineValue: "61.5",
          baselineYear: "2565",
          decimals: "1",
          tambonId: String(kokha),
          id: String(otherIndicator),
          createdAt: "2000-01-01",
        },
        { from: FORM },
      );
      assert.equal(res.statusCode, 303);
      indicatorId = Number(/\/admin\/indicators\/(\d+)$/.exec(res.headers.location!)![1]);
      const [row] = await t.database.db
        .select()
        .from(indicators)
        .where(eq(indicators.id, indicatorId));
      assert.equal(row!.tambonId, langu);
      assert.notEqual(row!.id, otherIndicator);
      assert.equal(row!.baselineValue, "61.5");
      assert.ok(row!.createdAt.getFullYear() > 2020);
      const [other] = await t.database.db
        .select()
        .from(indicators)
        .where(eq(indicators.id, otherIndicator));
      assert.equal(other!.name, "ตัวชี้วัดของเกาะขา");
    });

    test("another tambon's indicator is 404 to edit, enter or link; its village is not a box of the grid", async () => {
      const staff = await wg();
      assert.equal((await staff.get(`${FORM}/${otherIndicator}`)).statusCode, 404);
      assert.equal((await staff.get(`${FORM}/${otherIndicator}/measurements`)).statusCode, 404);
      assert.equal((await t.app.inject(`/t/la-ngu/indicators/${otherIndicator}`)).statusCode, 404);
      const posted = await staff.post(
        `${FORM}/${otherIndicator}/measurements?year=2569`,
        { v_tambon: "5" },
        { from: `${FORM}/${indicatorId}/measurements` },
      );
      assert.equal(posted.statusCode, 404);
      const edit = await staff.post(
        `${FORM}/${otherIndicator}`,
        { name: "HACKED", direction: "up" },
        { from: `${FORM}/${indicatorId}` },
      );
      assert.equal(edit.statusCode, 404);
      const [other] = await t.database.db
        .select()
        .from(indicators)
        .where(eq(indicators.id, otherIndicator));
      assert.equal(other!.name, "ตัวชี้วัดของเกาะขา");
      const theirs = () =>
        t.database.db.select().from(measurements).where(eq(measurements.tambonId, kokha));
      const theirsBefore = await theirs();
      const grid = await staff.post(
        `${FORM}/${indicatorId}/measurements?year=2569`,
        {
          [`v_${otherVillage}`]: "99",
          recordedBy: "1",
          source: "computed",
          tambonId: String(kokha),
        },
        { from: `${FORM}/${indicatorId}/measurements` },
      );
      assert.equal(grid.statusCode, 303);
      assert.deepEqual(await stored(indicatorId), []);
      assert.deepEqual(await theirs(), theirsBefore);
    });

    test("the entry grid stores a value per village and the tambon, refuses a bad number, clears an emptied box", async () => {
      const staff = await wg();
      const page = `${FORM}/${indicatorId}/measurements?year=2569`;
      const html = (await staff.get(page)).body;
      assert.match(html, /หมู่ที่ 1 /);
      assert.match(html, /name="v_tambon"/);
      const bad = await staff.post(
        page,
        { v_tambon: "70", [`v_${moo.get(1)}`]: "12,5x" },
        { from: page },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /ต้องเป็นตัวเลข/);
      assert.match(bad.body, /value="12,5x"/);
      assert.deepEqual(await stored(indicatorId), []);
      const ok = await staff.post(
        page,
        { v_tambon: "70", [`v_${moo.get(1)}`]: "72.5", [`v_${moo.get(2)}`]: "1,050" },
        { from: page },
      );
      assert.equal(ok.statusCode, 303);
      let rows = await stored(indicatorId);
      assert.deepEqual(
        rows.map((r) => [r.villageId, r.fiscalYear, Number(r.value), r.source, r.periodEnd]),
        [
          [moo.get(1), 2569, 72.5, "manual", "2026-09-30"],
          [moo.get(2), 2569, 1050, "manual", "2026-09-30"],
          [null, 2569, 70, "manual", "2026-09-30"],
        ],
      );
      const again = await staff.post(
        page,
        { v_tambon: "70", [`v_${moo.get(1)}`]: "", [`v_${moo.get(2)}`]: "1050" },
        { from: page },
      );
      assert.equal(again.statusCode, 303);
      rows = await stored(indicatorId);
      assert.deepEqual(
        rows.map((r) => r.villageId),
        [moo.get(2), null],
      );
      const shown = await t.app.inject(`/t/la-ngu/indicators/${indicatorId}`);
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /<svg/);
      assert.match(shown.body, /1,050/);
    });

    const csv = (rows: string[][]) =>
      Buffer.from(toCsv(["ตัวชี้วัด", "หมู่ที่", "ปีงบประมาณ", "ค่าที่วัดได้", "หมายเหตุ"], rows));
    const upload = (client: Client, data: Buffer, filename = "m.csv", type = "text/csv") =>
      postMultipart(client, IMPORT, {}, { file: { filename, type, data } }, { from: IMPORT });
    /** Presses "import" on a checked file: its token from the check page and the column map. */
    const apply = (
      client: Client,
      checked: string,
      columns: Record<string, string> = ALL_COLUMNS,
    ) => {
      const token = /name="token" value="([0-9a-f]{32})"/.exec(checked)?.[1];
      assert.ok(token, "the check page keeps the file under a token");
      return client.post(`${IMPORT}/check`, { token, ...columns, step: "apply" }, { from: IMPORT });
    };
    const ALL_COLUMNS = {
      col_indicator: "0",
      col_village: "1",
      col_year: "2",
      col_value: "3",
      col_note: "4",
    };
    const SOME_COLUMNS = { col_indicator: "0", col_year: "2", col_value: "3" };
    const NAME = "ร้อยละผู้สูงอายุที่ได้รับการคัดกรองสุขภาพ";

    test("an import with bad rows stores nothing and reports every bad row by number", async () => {
      const staff = await wg();
      const before = (await stored(indicatorId)).length;
      const file = csv([
        [NAME, "3", "2568", "64.5", ""],
        [NAME, "99", "2568", "60", ""],
        [NAME, "4", "68", "60", ""],
        [NAME, "5", "2568", "หกสิบ", ""],
        ["ไม่มีตัวชี้วัดนี้", "6", "2568", "60", ""],
        [`#${otherIndicator}`, "7", "2568", "60", ""],
        [NAME, "3", "2568", "65", "ซ้ำ"],
      ]);
      const res = await upload(staff, file);
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /มี 6 แถวจาก 7 แถวที่ต้องแก้ไข/);
      for (const [line, text] of [
        [3, "ไม่พบหมู่ที่ 99 ในตำบลนี้"],
        [4, "ปีงบประมาณต้องเป็น พ.ศ. 4 หลัก"],
        [5, "ต้องเป็นตัวเลข"],
        [6, "ไม่พบตัวชี้วัด “ไม่มีตัวชี้วัดนี้”"],
        [7, `ไม่พบตัวชี้วัด “#${otherIndicator}”`],
        [8, "ซ้ำกับแถวที่ 2 ในไฟล์เดียวกัน"],
      ] as const)
        assert.match(res.body, new RegExp(`<td>${line}</td><td>[^<]*</td><td>${text}`));
      // The import button is not offered; pressing it anyway stores nothing.
      assert.doesNotMatch(res.body, /value="apply"/);
      const forced = await apply(staff, res.body);
      assert.equal(forced.statusCode, 422);
      assert.equal((await stored(indicatorId)).length, before);
      assert.equal((await importAudits()).length, 0);
      // Another person cannot use the kept file.
      const other = await Client.as(t.app, "langu-admin");
      const stolen = await apply(other, res.body, SOME_COLUMNS);
      assert.equal(stolen.statusCode, 422);
      assert.match(stolen.body, /หมดเวลาแล้ว/);
    });

    test("a note longer than its field is reported on its row, never cut short", async () => {
      const staff = await wg();
      const before = (await stored(indicatorId)).length;
      const res = await upload(staff, csv([[NAME, "3", "2568", "64.5", "ก".repeat(501)]]));
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /<td>2<\/td><td>[^<]*<\/td><td>ยาวเกินไป \(ไม่เกิน 500 ตัวอักษร\)/);
      assert.equal((await stored(indicatorId)).length, before);
    });

    const corrected = () =>
      csv([
        [NAME, "3", "2568", "64.5", ""],
        [NAME, "ม.4", "2568", "60", ""],
        [NAME, "หมู่ 5", "๒๕๖๘", "58", ""],
        [NAME, "", "2568", "62", "ทั้งตำบล"],
        [NAME, "2", "2569", "1100", "แก้ไขค่า"],
      ]);

    test("the corrected file checks clean, then imports all rows at once", async () => {
      const staff = await wg();
      const res = await upload(staff, corrected());
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /ทั้ง 5 แถวถูกต้อง/);
      assert.match(res.body, /เพิ่มใหม่ 4 แถว/);
      assert.match(res.body, /ปรับปรุง 1 แถว/);
      assert.equal((await stored(indicatorId)).length, 2);
      const done = await apply(staff, res.body);
      assert.equal(done.statusCode, 303);
      const rows = await stored(indicatorId);
      assert.deepEqual(
        rows.map((r) => [r.fiscalYear, r.villageId, Number(r.value), r.source, r.note]),
        [
          [2568, moo.get(3), 64.5, "import", ""],
          [2568, moo.get(4), 60, "import", ""],
          [2568, moo.get(5), 58, "import", ""],
          [2568, null, 62, "import", "ทั้งตำบล"],
          [2569, moo.get(2), 1100, "import", "แก้ไขค่า"],
          [2569, null, 70, "manual", ""],
        ],
      );
      assert.equal((await importAudits()).length, 1);
      // The token is spent.
      const twice = await apply(staff, res.body, SOME_COLUMNS);
      assert.equal(twice.statusCode, 422);
    });

    test("importing the same file again (as XLSX) changes nothing and duplicates nothing", async () => {
      const staff = await wg();
      const before = await stored(indicatorId);
      const rows = [
        ["ตัวชี้วัด", "หมู่ที่", "ปีงบประมาณ", "ค่าที่วัดได้", "หมายเหตุ"],
        [NAME, "3", "2568", "64.5", ""],
        [NAME, "ม.4", "2568", "60", ""],
        [NAME, "หมู่ 5", "2568", "58", ""],
        [NAME, "", "2568", "62", "ทั้งตำบล"],
        [NAME, "2", "2569", "1100", "แก้ไขค่า"],
      ];
      const xlsx = await writeWorkbook([{ name: "ค่าที่วัดได้", rows }]);
      const res = await upload(staff, xlsx, "m.xlsx", XLSX_TYPE);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /เหมือนเดิม 5 แถว/);
      assert.match(res.body, /เพิ่มใหม่ 0 แถว/);
      const done = await apply(staff, res.body);
      assert.equal(done.statusCode, 303);
      assert.deepEqual(await stored(indicatorId), before);
      assert.equal((await importAudits()).length, 1);
    });

    test("a file that is not CSV or XLSX is refused next to the field; the template opens as a workbook", async () => {
      const staff = await wg();
      const junk = Buffer.from([0x50, 0x4b, 3, 4, 9, 9]);
      const res = await upload(staff, junk, "photo.xlsx", "image/png");
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /ไม่ใช่ไฟล์ Excel \(\.xlsx\) ที่อ่านได้/);
      const template = await staff.get(`${IMPORT}/template`);
      assert.equal(template.statusCode, 200);
      const book = await readWorkbook(template.rawPayload);
      assert.ok(book.ok);
      assert.deepEqual(book.value[0]!.rows[0], ["ตัวชี้วัด", "หมู่ที่", "ปีงบประมาณ", "ค่าที่วัดได้", "หมายเหตุ"]);
      assert.ok(book.value[1]!.rows.some((r) => r[0] === NAME));
      // A workbook or a CSV of a header row alone: a 422 saying there are no rows, in Thai and
      // in English, not an import of nothing.
      const headerRow = ["ตัวชี้วัด", "หมู่ที่", "ปีงบประมาณ", "ค่าที่วัดได้"];
      const headerBook = Buffer.from(await writeWorkbook([{ name: "ค่า", rows: [headerRow] }]));
      const empty = await upload(staff, headerBook, "m.xlsx", "application/zip");
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /ไฟล์มีแต่แถวหัวตาราง ไม่มีข้อมูลให้นำเข้า/);
      await staff.get("/lang?to=en");
      const header = await upload(staff, Buffer.from(`${headerRow.join(",")}\n`));
      assert.equal(header.statusCode, 422);
      assert.match(header.body, /The file has a header row but no rows of data to import/);
      await staff.get("/lang?to=th");
    });
    test("a plan's dashboard shows the demo indicators red, amber and green, each with its chart", async () => {
      let [plan] = await t.database.db.select().from(plans).where(eq(plans.tambonId, langu));
      if (!plan)
        [plan] = await t.database.db
          .insert(plans)
          .values({ tambonId: langu, title: "แผนพัฒนาท้องถิ่น พ.ศ. 2566–2570", firstYear: 2566 })
          .returning();
      const names = DEMO_INDICATORS.map((d) => d.name);
      const demo = (
        await t.database.db.select().from(indicators).where(eq(indicators.tambonId, langu))
      ).filter((i) => names.includes(i.name));
      assert.equal(demo.length, 10);
      for (const i of demo)
        await t.database.db
          .update(indicators)
          .set({ planId: plan!.id })
          .where(eq(indicators.id, i.id));
      const page = await t.app.inject(`/t/la-ngu/plans/${plan!.id}/indicators`);
      assert.equal(page.statusCode, 200);
      const cards = page.body.match(/<li class="ind-card ind-border-(\w+)"/g) ?? [];
      assert.equal(cards.length, 10);
      const count = (s: string) => cards.filter((c) => c.includes(`ind-border-${s}"`)).length;
      assert.deepEqual([count("green"), count("amber"), count("red")], [4, 3, 3]);
      assert.equal((page.body.match(/<svg/g) ?? []).length, 10);
      assert.match(page.body, /ถึงเป้าหมาย/);
      assert.equal((await t.app.inject(`/t/ko-kha/plans/${plan!.id}/indicators`)).statusCode, 404);
    });

    test("values computed by another module are stored once, for this tambon's records only", async () => {
      const value = { indicatorId, villageId: moo.get(6)!, fiscalYear: 2570, value: 77 };
      const first = await recordComputedMeasurements(t.database.db, langu, [value]);
      assert.deepEqual(first, { ok: true, value: { create: 1, update: 0, unchanged: 0 } });
      const again = await recordComputedMeasurements(t.database.db, langu, [value]);
      assert.deepEqual(again, { ok: true, value: { create: 0, update: 0, unchanged: 1 } });
      const row = (await stored(indicatorId)).find((r) => r.fiscalYear === 2570)!;
      assert.equal(row.source, "computed");
      const foreign = await recordComputedMeasurements(t.database.db, langu, [
        { ...value, villageId: otherVillage },
      ]);
      assert.equal(foreign.ok, false);
      const theirs = await recordComputedMeasurements(t.database.db, kokha, [value]);
      assert.equal(theirs.ok, false);
      assert.equal((await stored(indicatorId)).filter((r) => r.fiscalYear === 2570).length, 1);
    });
  });
}
