import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { listAreas } from "../../src/modules/areas/public.ts";
import {
  alternativeVersions,
  alternatives,
  decisionEvents,
  questions,
} from "../../src/modules/decisions/schema.ts";
import { charterEditions } from "../../src/modules/charter/schema.ts";
import { adoptDecidedVotes } from "../../src/modules/charter/adoption/commands.ts";

for (const kind of DB_KINDS) {
  describe(`members adopt a charter edition by a vote on ${kind}`, () => {
    let t: TestApp;
    let tambonId = 0;
    let areaId = 0;
    let wg: Client;
    let admin: Client;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
      areaId = (await listAreas(t.database.db, tambonId))[0]!.id;
      wg = await Client.as(t.app, "langu-wg");
      admin = await Client.as(t.app, "langu-admin");
    });
    after(async () => {
      await t?.close();
    });

    async function newDraft(name: string): Promise<number> {
      const res = await wg.post(
        "/t/la-ngu/admin/charters",
        { nameTh: name, scope: "tambon", digits: "arabic" },
        { from: "/t/la-ngu/admin/charters" },
      );
      const id = Number(/charter-editions\/(\d+)/.exec(String(res.headers.location))?.[1]);
      const page = `/t/la-ngu/admin/charter-editions/${id}`;
      await wg.post(`${page}/draft`, { op: "addChapter", title: "สุขภาพ" }, { from: page });
      return id;
    }

    const edition = async (id: number) =>
      (await t.database.db.select().from(charterEditions).where(eq(charterEditions.id, id)))[0]!;

    async function putToVote(id: number): Promise<{ questionId: number; alternativeId: number }> {
      const page = `/t/la-ngu/admin/charter-editions/${id}`;
      const res = await wg.post(
        `${page}/vote`,
        { confirmed: "1", area: String(areaId) },
        { from: page },
      );
      assert.equal(res.statusCode, 303);
      const e = await edition(id);
      assert.match(String(res.headers.location), new RegExp(`/decisions/${e.questionId}$`));
      return { questionId: e.questionId!, alternativeId: e.alternativeId! };
    }

    /** The admin moves the question on: draft → discussion → frozen → voting (or → closed). */
    async function advance(questionId: number, times: number) {
      for (let i = 0; i < times; i++) {
        const res = await admin.post(
          `/t/la-ngu/decisions/${questionId}/phase`,
          { confirmed: "1" },
          { from: `/t/la-ngu/decisions/${questionId}` },
        );
        assert.equal(res.statusCode, 303);
      }
    }

    async function vote(who: Client, questionId: number, alternativeId: number, grade: string) {
      const res = await who.post(
        `/t/la-ngu/decisions/${questionId}/ballot`,
        { [`grade_${alternativeId}`]: grade },
        { from: `/t/la-ngu/decisions/${questionId}/ballot` },
      );
      assert.equal(res.statusCode, 303);
    }

    const adopt = (id: number) =>
      wg.post(
        `/t/la-ngu/admin/charter-editions/${id}/adopt-vote`,
        { confirmed: "1" },
        { from: `/t/la-ngu/admin/charter-editions/${id}` },
      );

    /** Puts the draft to a vote that passes with the quorum, and closes it; returns the question. */
    async function passVote(id: number): Promise<number> {
      const { questionId, alternativeId } = await putToVote(id);
      await advance(questionId, 3);
      // The working-group member carries the votes delegated to them in the demo network.
      for (const who of [
        "langu-wg",
        "langu-admin",
        "langu-facilitator",
        "langu-rep",
        "langu-osm",
        "langu-member",
      ]) {
        const c = await Client.as(t.app, who);
        await vote(c, questionId, alternativeId, "1");
      }
      await advance(questionId, 1);
      return questionId;
    }

    test("putting a draft to the vote opens a question whose one alternative is the edition, and locks the draft", async () => {
      const id = await newDraft("ธรรมนูญลงคะแนน");
      const { questionId, alternativeId } = await putToVote(id);
      const [q] = await t.database.db.select().from(questions).where(eq(questions.id, questionId));
      assert.equal(q!.phase, "draft");
      assert.equal(q!.tambonId, tambonId);
      assert.equal(q!.areaId, areaId);
      const alts = await t.database.db
        .select()
        .from(alternatives)
        .where(eq(alternatives.questionId, questionId));
      assert.deepEqual(
        alts.map((a) => a.id),
        [alternativeId],
      );
      const [body] = await t.database.db
        .select()
        .from(alternativeVersions)
        .where(eq(alternativeVersions.alternativeId, alternativeId));
      assert.match(body!.body, new RegExp(`/t/la-ngu/charter-editions/${id}`));
      assert.match(body!.body, /1\. สุขภาพ/);
      const events = await t.database.db
        .select()
        .from(decisionEvents)
        .where(eq(decisionEvents.questionId, questionId));
      assert.deepEqual(
        events.map((e) => e.kind),
        ["question.open"],
        "the question enters the tamper-evident chain",
      );
      const page = `/t/la-ngu/admin/charter-editions/${id}`;
      const locked = await wg.post(
        `${page}/draft`,
        { op: "addChapter", title: "ใหม่" },
        { from: page },
      );
      assert.equal(locked.statusCode, 422);
      assert.match(locked.body, /ร่างนี้อยู่ระหว่างการลงคะแนน จึงแก้ไขไม่ได้/);
      const early = await adopt(id);
      assert.equal(early.statusCode, 422);
      assert.match(early.body, /การลงคะแนนยังไม่ปิด/);
      const twice = await wg.post(
        `${page}/vote`,
        { confirmed: "1", area: String(areaId) },
        { from: page },
      );
      assert.match(twice.body, /ร่างนี้เปิดลงคะแนนไปแล้ว/);
      assert.equal((await edition(id)).status, "draft");
    });

    test("a closed vote the edition lost does not adopt it; drafting resumes once the vote is unlinked", async () => {
      const id = await newDraft("ธรรมนูญที่แพ้โหวต");
      const { questionId, alternativeId } = await putToVote(id);
      await advance(questionId, 3);
      await vote(wg, questionId, alternativeId, "-1");
      await vote(admin, questionId, alternativeId, "-1");
      await advance(questionId, 1);
      const lost = await adopt(id);
      assert.equal(lost.statusCode, 422);
      assert.match(lost.body, /ร่างนี้ไม่ชนะการลงคะแนน/);
      assert.equal(await adoptDecidedVotes(t.database.db), 0);
      assert.equal((await edition(id)).status, "draft");
      const page = `/t/la-ngu/admin/charter-editions/${id}`;
      assert.equal(
        (await wg.post(`${page}/withdraw-vote`, { confirmed: "1" }, { from: page })).statusCode,
        303,
      );
      assert.equal(
        (await wg.post(`${page}/draft`, { op: "addChapter", title: "แก้ใหม่" }, { from: page }))
          .statusCode,
        303,
      );
    });

    test("a vote without the quorum does not adopt the edition", async () => {
      const id = await newDraft("ธรรมนูญไม่ครบองค์ประชุม");
      const { questionId } = await putToVote(id);
      await advance(questionId, 4);
      const res = await adopt(id);
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /ไม่ครบองค์ประชุม จึงรับรองไม่ได้/);
      assert.equal((await edition(id)).status, "draft");
    });

    test("a passing, quorate vote adopts the edition (by the scheduler) and freezes it; the page links the question", async () => {
      const id = await newDraft("ธรรมนูญที่ผ่านโหวต");
      const questionId = await passVote(id);
      // No scheduler pass yet: the first reading page adopts what the closed vote decided.
      const first = await new Client(t.app).get(`/t/la-ngu/charter-editions/${id}`);
      assert.equal(first.statusCode, 200);
      assert.match(first.body, /โดยการลงคะแนนของสมาชิก/);
      assert.equal(await adoptDecidedVotes(t.database.db), 0, "adopted with the vote's close");
      const e = await edition(id);
      assert.equal(e.status, "adopted");
      assert.equal(e.adoptionKind, "vote");
      assert.equal(e.adoptedVersionId, e.currentVersionId);
      const page = await new Client(t.app).get(`/t/la-ngu/charter-editions/${id}`);
      assert.match(page.body, new RegExp(`href="/t/la-ngu/decisions/${questionId}"`));
      assert.match(page.body, /โดยการลงคะแนนของสมาชิก/);
      const admin = `/t/la-ngu/admin/charter-editions/${id}`;
      const frozen = await wg.post(
        `${admin}/draft`,
        { op: "addChapter", title: "หลังรับรอง" },
        { from: admin },
      );
      assert.equal(frozen.statusCode, 422);
      assert.equal(await adoptDecidedVotes(t.database.db), 0, "nothing left to adopt");
    });

    test("the home page, first to be read after a passing vote closed, adopts the edition and shows it in force", async () => {
      const name = "ธรรมนูญที่ผ่านโหวตก่อนเปิดหน้าแรก";
      const id = await newDraft(name);
      const { charterId: draftOf } = await edition(id);
      const home = await new Client(t.app).get("/t/la-ngu");
      assert.doesNotMatch(
        home.body,
        new RegExp(`/charters/${draftOf}"`),
        "a draft is not on the home",
      );
      await passVote(id);
      const first = await new Client(t.app).get("/t/la-ngu");
      assert.equal(first.statusCode, 200);
      assert.equal((await edition(id)).status, "adopted", "adopted by the home page's reading");
      const { charterId } = await edition(id);
      const section = first.body.slice(first.body.indexOf('class="home-charter"'));
      assert.match(section, new RegExp(`href="/t/la-ngu/charters/${charterId}"`), "shown in force");
      assert.equal(await adoptDecidedVotes(t.database.db), 0, "nothing left to adopt");
    });
  });
}
