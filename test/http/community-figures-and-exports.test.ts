import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { auditLog, tambons, users } from "../../src/core/db/schema.ts";
import {
  forms,
  people,
  personalReads,
  rounds,
  submissions,
} from "../../src/modules/community/schema.ts";
import { seedFormsDemo } from "../../src/modules/community/forms/demo.ts";
import { seedSubmissionsDemo } from "../../src/modules/community/submissions/demo.ts";
import type { Tambon } from "../../src/core/tenancy.ts";
import { registryCounts } from "../../src/modules/community/figures/queries.ts";
import { rowsOf } from "../../src/core/db/index.ts";

const BASE = "/t/la-ngu/community";
const IMPORT = "/t/la-ngu/admin/community/imports/people";
const EXPORT = "/t/la-ngu/admin/community/exports/submissions.xlsx";

/** Every number under a JSON value. */
function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === "number") out.push(v);
  else if (Array.isArray(v)) for (const x of v) numbers(x, out);
  else if (v && typeof v === "object") for (const x of Object.values(v)) numbers(x, out);
  return out;
}

for (const kind of DB_KINDS) {
  describe(`community figures, exports and imports (${kind})`, () => {
    let t: TestApp;
    let langu: number;
    let formId: number;
    let someName: string;

    const peopleCount = async () =>
      Number(
        (
          await t.database.db.select({ n: count() }).from(people).where(eq(people.tambonId, langu))
        )[0]!.n,
      );

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      langu = tb!.id;
      const [admin] = await db.select().from(users).where(eq(users.username, "langu-admin"));
      let [form] = await db.select().from(forms).where(eq(forms.tambonId, langu));
      const [answered] = await db
        .select({ n: count() })
        .from(submissions)
        .where(eq(submissions.tambonId, langu));
      await db.transaction(async (tx) => {
        const demo = { byRole: {}, adminId: admin!.id };
        if (!form) await seedFormsDemo(tx, tb as Tambon, demo);
        if (!Number(answered!.n)) await seedSubmissionsDemo(tx, tb as Tambon, demo);
      });
      [form] = await db.select().from(forms).where(eq(forms.tambonId, langu));
      formId = form!.id;
      const [p] = await db.select().from(people).where(eq(people.tambonId, langu)).limit(1);
      someName = p!.name;
    });
    after(async () => {
      await t?.close();
    });

    test("the public figures show aggregates with <5 where due, and no names", async () => {
      const res = await t.app.inject(BASE);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /ปิรามิดประชากร/);
      assert.match(res.body, /<svg[^>]*class="pyramid"/);
      assert.match(res.body, /&lt;5/, "the village with three answers is suppressed");
      assert.match(res.body, /แนวโน้มระหว่างรอบ/, "two rounds make a trend");
      assert.ok(!res.body.includes(someName), "no person's name");
      const village = await t.app.inject(`${BASE}/villages/1`);
      assert.equal(village.statusCode, 200);
      assert.ok(!village.body.includes(someName));
      assert.equal((await t.app.inject(`${BASE}/villages/999`)).statusCode, 404);
    });

    test("the open data is suppressed: no count from 1 to 4, no names", async () => {
      const res = await t.app.inject(`${BASE}/open-data.json`);
      assert.equal(res.statusCode, 200);
      const data = JSON.parse(res.body) as Record<string, unknown>;
      assert.equal(data.format, "tambon-community/1");
      const counts = numbers({
        villages: (data.villages as { households: unknown; people: unknown }[]).map((v) => [
          v.households,
          v.people,
        ]),
        pyramid: data.pyramid as { male: unknown; female: unknown },
        answered: (
          data.surveys as { questions: { villages: { answered: unknown; counts: unknown }[] }[] }[]
        )
          .flatMap((s) => s.questions)
          .flatMap((q) => q.villages.map((v) => [v.answered, v.counts])),
      });
      assert.ok(counts.length > 20);
      assert.deepEqual(
        counts.filter((n) => n > 0 && n < 5),
        [],
        "every published count is 0 or at least 5",
      );
      assert.ok(res.body.includes("null"), "some counts are hidden");
      assert.ok(!res.body.includes(someName));
      const csv = await t.app.inject(`${BASE}/figures.csv`);
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /<5/);
    });

    test("a repeat group's questions are counted per person across households", async () => {
      const res = await t.app.inject(`${BASE}/open-data.json`);
      const data = JSON.parse(res.body) as {
        surveys: {
          formId: number;
          questions: {
            name: string;
            repeat: string | null;
            round: string | null;
            villages: { villageId: number | null; answered: number | null }[];
          }[];
        }[];
      };
      const survey = data.surveys.find((s) => s.formId === formId)!;
      const q = survey.questions.find((x) => x.name === "sex")!;
      assert.ok(q, "the members' sex is counted");
      assert.equal(q.repeat, "members");
      const [round] = await t.database.db
        .select()
        .from(rounds)
        .where(and(eq(rounds.formId, formId), eq(rounds.name, q.round!)));
      const counted = await t.database.db
        .select({ answers: submissions.answers })
        .from(submissions)
        .where(
          and(
            eq(submissions.roundId, round!.id),
            inArray(submissions.status, ["accepted", "resolved"]),
          ),
        );
      const members = counted
        .flatMap((s) => (Array.isArray(s.answers.members) ? (s.answers.members as unknown[]) : []))
        .filter((m) => typeof m === "object" && m !== null && "sex" in m).length;
      assert.ok(members >= 5, `enough members to publish: ${members}`);
      const tambonRow = q.villages.find((v) => v.villageId === null)!;
      assert.equal(tambonRow.answered, members, "one count per member, not per household");
      assert.ok(counted.length < members, "more people than households");
    });

    test("the ODK export is for staff only, and each download is in the read log and audited", async () => {
      const url = `${EXPORT}?form=${formId}`;
      const anonymous = await t.app.inject(url);
      assert.equal(anonymous.statusCode, 303, "anonymous: sent to sign in");
      assert.match(String(anonymous.headers.location), /login/);
      const member = await Client.as(t.app, "langu-member");
      assert.equal((await member.get(url)).statusCode, 403);
      const reads = async () =>
        Number(
          (
            await t.database.db
              .select({ n: count() })
              .from(personalReads)
              .where(and(eq(personalReads.tambonId, langu), eq(personalReads.subject, "export")))
          )[0]!.n,
        );
      const before = await reads();
      const staff = await Client.as(t.app, "langu-wg");
      const res = await staff.get(url);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-type"]), /spreadsheetml/);
      assert.equal(await reads(), before + 1);
      const audits = await t.database.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.tambonId, langu), eq(auditLog.action, "community.submissions.export")),
        );
      assert.equal(audits.length, 1);
      const csv = await staff.get(
        `/t/la-ngu/admin/community/exports/submissions.csv?form=${formId}`,
      );
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /_uuid/);
      assert.match(csv.body, /living\/clean_water/);
    });

    test("a people import: the dry run reports bad rows by number and stores nothing; the real run stores; a re-run changes nothing", async () => {
      const staff = await Client.as(t.app, "langu-wg");
      const upload = (text: string) =>
        postMultipart(
          staff,
          IMPORT,
          {},
          { file: { filename: "people.csv", type: "text/csv", data: Buffer.from(text) } },
          { from: IMPORT },
        );
      const start = await peopleCount();
      const bad = await upload(
        "หมู่ที่,บ้านเลขที่,ชื่อ-สกุล,เลขประจำตัวประชาชน\n1,777,คนนำเข้า หนึ่ง,\n1,777,คนนำเข้า สอง,1234567890123\n99,778,คนนำเข้า สาม,\n",
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /<td>3<\/td>\s*<td>[^<]*<\/td>\s*<td>เลขประจำตัวประชาชนไม่ถูกต้อง/);
      assert.match(bad.body, /<td>4<\/td>\s*<td>[^<]*<\/td>\s*<td>ไม่มีหมู่ที่/);
      assert.equal(await peopleCount(), start, "a dry run stores nothing");

      const good = "หมู่ที่,บ้านเลขที่,ชื่อ-สกุล,เพศ\n1,777,คนนำเข้า หนึ่ง,ชาย\n1,777,คนนำเข้า สอง,หญิง\n";
      const checked = await upload(good);
      assert.equal(checked.statusCode, 200);
      assert.match(checked.body, /เพิ่มใหม่ 2 แถว/);
      assert.equal(await peopleCount(), start);
      const token = /name="token" value="([0-9a-f]{32})"/.exec(checked.body)![1]!;
      const cols = { col_village: "0", col_house_no: "1", col_name: "2", col_sex: "3" };
      const applied = await staff.post(
        `${IMPORT}/check`,
        { token, ...cols, step: "apply" },
        { from: IMPORT },
      );
      assert.equal(applied.statusCode, 303);
      assert.equal(await peopleCount(), start + 2);

      const again = await upload(good);
      assert.match(again.body, /เพิ่มใหม่ 0 แถว/);
      assert.match(again.body, /เหมือนเดิม 2 แถว/);
      const token2 = /name="token" value="([0-9a-f]{32})"/.exec(again.body)![1]!;
      await staff.post(
        `${IMPORT}/check`,
        { token: token2, ...cols, step: "apply" },
        { from: IMPORT },
      );
      assert.equal(await peopleCount(), start + 2, "a re-run changes nothing");
    });

    test("the pyramid's five-year bands are the ages `age` gives, on birthdays and 29 February", async () => {
      const db = t.database.db;
      const [someone] = await db.select().from(people).where(eq(people.tambonId, langu)).limit(1);
      // Born on a band's edge, a day either side of it, and on 29 February.
      const edges = ["2023-02-28", "2023-03-01", "2023-02-27", "2020-02-29", "1948-02-29"];
      const made = await db
        .insert(people)
        .values(
          edges.map((birthDate, i) => ({
            tambonId: langu,
            householdId: someone!.householdId,
            villageId: someone!.villageId,
            name: `วันเกิดขอบช่วง ${i}`,
            birthDate,
            sex: "female" as const,
          })),
        )
        .returning({ id: people.id });
      try {
        for (const today of ["2028-02-29", "2028-02-28", "2025-02-28", "2025-03-01"]) {
          const byAge = await rowsOf<{ village_id: number; band: number; sex: string; n: number }>(
            db,
            sql`select village_id, least(16, greatest(0, floor(date_part('year',
                age(${today}::date, birth_date)) / 5)))::int as band, sex, count(*)::int as n
              from community_people
              where tambon_id = ${langu} and status = 'living' and birth_date is not null
              group by 1, 2, 3`,
          );
          const key = (r: { villageId: number; band: number; sex: string }) =>
            `${r.villageId}/${r.band}/${r.sex}`;
          const want = new Map(
            byAge.map((r) => [
              key({ villageId: Number(r.village_id), band: Number(r.band), sex: r.sex }),
              Number(r.n),
            ]),
          );
          const got = new Map(
            (await registryCounts(db, langu, undefined, today)).bands.map((r) => [key(r), r.n]),
          );
          assert.deepEqual(got, want, `bands on ${today}`);
        }
      } finally {
        await db.delete(people).where(
          inArray(
            people.id,
            made.map((m) => m.id),
          ),
        );
      }
    });
  });
}
