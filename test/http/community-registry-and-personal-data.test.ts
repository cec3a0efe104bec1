import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons, tambonMembers, users, villages } from "../../src/core/db/schema.ts";
import {
  households,
  people,
  personalReads,
  recordChanges,
} from "../../src/modules/community/schema.ts";
import { thaiIdCheckDigit } from "../../src/core/thai-id.ts";

const BASE = "/t/la-ngu/community/households";

for (const kind of DB_KINDS) {
  describe(`community register and personal data (${kind})`, () => {
    let t: TestApp;
    let langu: number;
    let osmVillage: number;
    let mine: number;
    let theirs: number;
    let foreign: number;

    const client = async (who: string) => {
      const c = await Client.as(t.app, who);
      return c;
    };
    const db = () => t.database.db;
    const historyOf = (entity: "person" | "household", id: number) =>
      db()
        .select()
        .from(recordChanges)
        .where(and(eq(recordChanges.entity, entity), eq(recordChanges.entityId, id)))
        .orderBy(asc(recordChanges.id));

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const all = await db().select().from(tambons);
      langu = all.find((x) => x.slug === "la-ngu")!.id;
      const kokha = all.find((x) => x.slug === "ko-kha")!.id;
      const [osm] = await db()
        .select({ villageId: tambonMembers.villageId })
        .from(tambonMembers)
        .innerJoin(users, eq(users.id, tambonMembers.userId))
        .where(and(eq(users.username, "langu-osm"), eq(tambonMembers.tambonId, langu)));
      osmVillage = osm!.villageId!;
      const hs = await db().select().from(households).where(eq(households.tambonId, langu));
      mine = hs.find((h) => h.villageId === osmVillage)!.id;
      theirs = hs.find((h) => h.villageId !== osmVillage)!.id;
      const [other] = await db().select().from(households).where(eq(households.tambonId, kokha));
      foreign = other!.id;
    });
    after(async () => {
      await t?.close();
    });

    test("a volunteer sees only her village's households; staff see all; visitors none", async () => {
      const osm = await client("langu-osm");
      const list = await osm.get(BASE);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, new RegExp(`href="${BASE}/${mine}"`));
      assert.doesNotMatch(list.body, new RegExp(`href="${BASE}/${theirs}"`));
      assert.equal((await osm.get(`${BASE}/${mine}`)).statusCode, 200);
      assert.equal((await osm.get(`${BASE}/${theirs}`)).statusCode, 404);
      const wg = await client("langu-wg");
      assert.equal((await wg.get(`${BASE}/${theirs}`)).statusCode, 200);
      const member = await client("langu-member");
      assert.equal((await member.get(`${BASE}/${mine}`)).statusCode, 403);
      const visitor = new Client(t.app);
      const anon = await visitor.get(`${BASE}/${mine}`);
      assert.ok([302, 303, 403].includes(anon.statusCode), String(anon.statusCode));
      assert.doesNotMatch(anon.body, /ครัวเรือน.*บ้านเลขที่/);
    });

    test("another tambon's household is not found, even for its admin's peer", async () => {
      const admin = await client("langu-admin");
      assert.equal((await admin.get(`${BASE}/${foreign}`)).statusCode, 404);
      const res = await admin.post(`${BASE}/${foreign}/status`, { status: "gone" }, { from: BASE });
      assert.equal(res.statusCode, 404);
      const [still] = await db().select().from(households).where(eq(households.id, foreign));
      assert.equal(still!.status, "active");
    });

    test("adding and editing a person writes history; a bad Thai ID is a 422 and stores nothing", async () => {
      const osm = await client("langu-osm");
      const form = `${BASE}/${mine}/people/new`;
      const before = await db().select().from(people).where(eq(people.householdId, mine));
      const bad = await osm.post(
        `${BASE}/${mine}/people`,
        { name: "สมใจ ทดสอบ", thaiId: "1-1037-02071-81-2", sex: "female", relation: "child" },
        { from: form },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /เลขประจำตัวประชาชนไม่ถูกต้อง/);
      const afterBad = await db().select().from(people).where(eq(people.householdId, mine));
      assert.equal(afterBad.length, before.length);

      const first12 = "110370207999";
      const id = first12 + String(thaiIdCheckDigit(first12));
      const ok = await osm.post(
        `${BASE}/${mine}/people`,
        {
          name: "สมใจ ทดสอบ",
          thaiId: `${id.slice(0, 1)} ${id.slice(1, 5)} ${id.slice(5)}`,
          birthDate__d: "5",
          birthDate__m: "3",
          birthDate__y: "2540",
          sex: "female",
          relation: "child",
          conditions: ["disabled", "chronic_illness"],
          lawfulBasis: "consent",
          consent: "given",
          consentAt__d: "1",
          consentAt__m: "1",
          consentAt__y: "2568",
        },
        { from: form },
      );
      assert.equal(ok.statusCode, 303);
      const [person] = await db().select().from(people).where(eq(people.thaiId, id));
      assert.equal(person!.birthDate, "1997-03-05");
      assert.deepEqual([...person!.conditions].sort(), ["chronic_illness", "disabled"]);

      const taken = await osm.post(
        `${BASE}/${mine}/people`,
        { name: "คนอื่น", thaiId: id },
        { from: form },
      );
      assert.equal(taken.statusCode, 422);
      assert.match(taken.body, /มีอยู่ในทะเบียนของตำบลแล้ว/);

      const page = `/t/la-ngu/community/people/${person!.id}`;
      const edit = await osm.post(
        page,
        {
          name: "สมใจ ทดสอบดี",
          thaiId: id,
          version: "1",
          sex: "female",
          relation: "child",
          birthDate__d: "5",
          birthDate__m: "3",
          birthDate__y: "2540",
          lawfulBasis: "consent",
          consent: "given",
          consentAt__d: "1",
          consentAt__m: "1",
          consentAt__y: "2568",
          conditions: ["disabled"],
        },
        { from: page },
      );
      assert.equal(edit.statusCode, 303);
      const history = await historyOf("person", person!.id);
      assert.deepEqual(
        history.map((h) => h.action),
        ["create", "update"],
      );
      assert.deepEqual(history[1]!.changes.name, ["สมใจ ทดสอบ", "สมใจ ทดสอบดี"]);
      assert.deepEqual(history[1]!.changes.conditions, [
        ["chronic_illness", "disabled"],
        ["disabled"],
      ]);
      assert.equal(history[1]!.version, 2);

      const stale = await osm.post(page, { name: "ชื่อเก่า", version: "1" }, { from: page });
      assert.equal(stale.statusCode, 422);
      const [kept] = await db().select().from(people).where(eq(people.id, person!.id));
      assert.equal(kept!.name, "สมใจ ทดสอบดี");
    });

    test("moving a person writes history; a household out of reach moves nothing", async () => {
      const hs = await db().select().from(households).where(eq(households.tambonId, langu));
      const sameVillage = hs.find((h) => h.villageId === osmVillage && h.id !== mine)!;
      const otherVillage = hs.find((h) => h.id === theirs)!;
      assert.ok(sameVillage, "the demo has two households in the volunteer's village");
      const [person] = await db().select().from(people).where(eq(people.householdId, mine));
      assert.ok(person, "the demo has a person in the volunteer's household");
      const page = `/t/la-ngu/community/people/${person.id}`;
      const move = `${page}/move`;
      const where = async () =>
        (await db().select().from(people).where(eq(people.id, person.id)))[0]!;

      // A volunteer reaches only her village: another village's household and another tambon's
      // are not on her list, and choosing one by its id moves nothing.
      const osm = await client("langu-osm");
      for (const householdId of [String(theirs), String(foreign), "abc", "99999999999"]) {
        const refused = await osm.post(move, { householdId }, { from: page });
        assert.equal(refused.statusCode, 422, householdId);
        assert.match(refused.body, /เลือกครัวเรือนจากรายการ/);
        assert.equal((await where()).householdId, mine, householdId);
      }

      const moved = await osm.post(move, { householdId: String(sameVillage.id) }, { from: page });
      assert.equal(moved.statusCode, 303);
      const inSame = await where();
      assert.equal(inSame.householdId, sameVillage.id);
      assert.equal(inSame.villageId, osmVillage);
      assert.equal(inSame.version, person.version + 1);
      let history = await historyOf("person", person.id);
      assert.deepEqual(history.at(-1)!.changes, { householdId: [mine, sameVillage.id] });

      // Staff move people across villages: the person's village follows the household.
      const admin = await client("langu-admin");
      const across = await admin.post(
        move,
        { householdId: String(otherVillage.id) },
        { from: page },
      );
      assert.equal(across.statusCode, 303);
      const inOther = await where();
      assert.equal(inOther.householdId, otherVillage.id);
      assert.equal(inOther.villageId, otherVillage.villageId);
      history = await historyOf("person", person.id);
      assert.deepEqual(history.at(-1)!.changes, {
        householdId: [sameVillage.id, otherVillage.id],
        villageId: [osmVillage, otherVillage.villageId],
      });

      // Moved home again, for the tests that follow.
      const back = await admin.post(move, { householdId: String(mine) }, { from: page });
      assert.equal(back.statusCode, 303);
      assert.equal((await where()).householdId, mine);
    });

    test("a read writes the read log, and the admin sees it there", async () => {
      const osm = await client("langu-osm");
      const before = await db()
        .select()
        .from(personalReads)
        .where(eq(personalReads.tambonId, langu));
      await osm.get(`${BASE}/${mine}`);
      const after = await db()
        .select()
        .from(personalReads)
        .where(eq(personalReads.tambonId, langu));
      assert.equal(after.length, before.length + 1);
      const last = after.sort((a, b) => b.id - a.id)[0]!;
      assert.equal(last.subject, "household");
      assert.equal(last.subjectId, mine);
      const admin = await client("langu-admin");
      const log = await admin.get(`/t/la-ngu/admin/community/reads?user=${last.userId}`);
      assert.equal(log.statusCode, 200);
      assert.match(log.body, /อสม\./);
      assert.match(log.body, new RegExp(`#${mine}`));
      assert.equal((await osm.get("/t/la-ngu/admin/community/reads")).statusCode, 403);
    });

    test("a delete request erases the person and blanks their history", async () => {
      const [person] = await db()
        .select()
        .from(people)
        .where(and(eq(people.tambonId, langu), eq(people.householdId, theirs)));
      const wg = await client("langu-wg");
      const page = `/t/la-ngu/community/people/${person!.id}`;
      await wg.post(
        page,
        {
          name: `${person!.name} (แก้)`,
          version: String(person!.version),
          sex: person!.sex,
          relation: person!.relation,
        },
        { from: page },
      );
      const admin = await client("langu-admin");
      const requests = "/t/la-ngu/admin/community/requests";
      const made = await admin.post(
        requests,
        {
          requester: person!.name,
          kind: "delete",
          receivedOn__d: "2",
          receivedOn__m: "12",
          receivedOn__y: "2569",
          personId: String(person!.id),
        },
        { from: requests },
      );
      assert.equal(made.statusCode, 303);
      const requestPath = String(made.headers.location).replace(/\?.*$/, "");
      const report = await admin.get(`${requestPath}/report`);
      assert.equal(report.statusCode, 200);
      assert.ok(report.body.includes(person!.name));
      const handled = await admin.post(
        `${requestPath}/handle`,
        { decision: "done", outcome: "ลบตามคำขอ" },
        { from: requestPath },
      );
      assert.equal(handled.statusCode, 303);
      assert.equal((await db().select().from(people).where(eq(people.id, person!.id))).length, 0);
      const history = await historyOf("person", person!.id);
      assert.ok(history.length >= 2);
      for (const h of history)
        for (const [b, a] of Object.values(h.changes)) {
          assert.equal(b, null);
          assert.equal(a, null);
        }
      assert.ok(!JSON.stringify(history).includes(person!.name.split(" ")[0]!));
    });

    test("the privacy notice is public and shows no personal data; the admin home links every part", async () => {
      const visitor = new Client(t.app);
      const notice = await visitor.get("/t/la-ngu/community/privacy");
      assert.equal(notice.statusCode, 200);
      assert.match(notice.body, /สิทธิของเจ้าของข้อมูล/);
      const [someone] = await db().select().from(people).where(eq(people.tambonId, langu));
      assert.ok(!notice.body.includes(someone!.name));
      const admin = await client("langu-admin");
      const home = await admin.get("/t/la-ngu/admin/community");
      assert.equal(home.statusCode, 200);
      for (const path of ["forms", "submissions", "imports", "requests", "reads", "settings"])
        assert.match(home.body, new RegExp(`/admin/community/${path}"`));
      const csv = await admin.get("/t/la-ngu/admin/community/export.csv");
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /house_no/);
      const osm = await client("langu-osm");
      assert.equal((await osm.get("/t/la-ngu/admin/community/export.csv")).statusCode, 403);
      const [v] = await db().select().from(villages).where(eq(villages.id, osmVillage));
      assert.equal(v!.tambonId, langu);
    });
  });
}
