import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { tambonMembers, tambons, users, villages } from "../../src/core/db/schema.ts";
import { alternatives, decisionPolicies, questions } from "../../src/modules/decisions/schema.ts";
import { siteComments, siteJobs, sitePosts } from "../../src/modules/site/schema.ts";
import { listAreas } from "../../src/modules/areas/public.ts";
import { thaiDay } from "../../src/modules/site/statistics/visits.ts";

const PENDING_TH = /สมาชิกภาพของท่านยังรอการยืนยัน/;
const PENDING_EN = /Your membership is awaiting confirmation/;

for (const kind of DB_KINDS) {
  describe(`a member who signed up reads until confirmed (${kind})`, () => {
    let t: TestApp;
    let tambonId: number;
    let questionId = 0;
    let postId = 0;
    let userId = 0;
    let areaId = 0;
    let policyId = 0;
    let person: Client;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
      const [area] = await listAreas(db, tambonId);
      areaId = area!.id;
      const [policy] = await db
        .select()
        .from(decisionPolicies)
        .where(
          and(eq(decisionPolicies.tambonId, tambonId), eq(decisionPolicies.nameEn, "Standard")),
        );
      policyId = policy!.id;
      const [post] = await db
        .select()
        .from(sitePosts)
        .where(and(eq(sitePosts.tambonId, tambonId), eq(sitePosts.status, "approved")));
      postId = post!.id;
      // A confirmed member opens a question (a draft takes more alternatives).
      const member = await Client.as(t.app, "langu-member");
      const opened = await member.post("/t/la-ngu/decisions", question("ทางเดินริมคลอง"), {
        from: "/t/la-ngu/decisions/new",
      });
      assert.equal(opened.statusCode, 303);
      questionId = Number(/decisions\/(\d+)/.exec(String(opened.headers.location))?.[1]);
      const [village] = await db.select().from(villages).where(eq(villages.tambonId, tambonId));
      person = new Client(t.app);
      const signed = await person.post(
        "/t/la-ngu/signup",
        {
          name: "สมหวัง รอยืนยัน",
          phone: "0899990001",
          village: String(village!.id),
          password: "รอการยืนยันอยู่",
          password2: "รอการยืนยันอยู่",
          consent: "1",
        },
        { from: "/t/la-ngu/signup" },
      );
      assert.equal(signed.statusCode, 303);
      const [u] = await db.select().from(users).where(eq(users.phone, "0899990001"));
      userId = u!.id;
    });
    after(async () => {
      await t?.close();
    });

    function question(title: string) {
      return {
        title,
        area: String(areaId),
        policy: String(policyId),
        altTitle: `${title}: ทางแรก`,
        altBody: "รายละเอียด",
      };
    }
    const job = (title: string) => ({
      title,
      employer: "สวนปาล์มบ้านนา",
      contact: "0811111111",
      closesOn: thaiDay(new Date(Date.now() + 10 * 86400_000)),
    });

    /** Every act of a member, as the person would send it from the pages. */
    async function act(c: Client, tag: string) {
      return {
        open: await c.post("/t/la-ngu/decisions", question(`เรื่อง${tag}`), {
          from: "/t/la-ngu/decisions",
        }),
        alternative: await c.post(
          `/t/la-ngu/decisions/${questionId}/alternatives`,
          { altTitle: `ทาง${tag}`, altBody: "ทำทางเท้าให้กว้างขึ้น" },
          { from: `/t/la-ngu/decisions/${questionId}` },
        ),
        corner: await postMultipart(
          c,
          "/t/la-ngu/corner",
          { title: `โพสต์${tag}`, body: "สวัสดีเพื่อนบ้าน" },
          {},
          { from: "/t/la-ngu/corner" },
        ),
        comment: await c.post(
          `/t/la-ngu/corner/${postId}/comments`,
          { body: `ความเห็น${tag}` },
          { from: `/t/la-ngu/corner/${postId}` },
        ),
        job: await c.post("/t/la-ngu/jobs", job(`งาน${tag}`), { from: "/t/la-ngu/jobs" }),
      };
    }

    async function stored(tag: string) {
      const db = t.database.db;
      return {
        open: (
          await db
            .select()
            .from(questions)
            .where(eq(questions.title, `เรื่อง${tag}`))
        ).length,
        alternative: (
          await db
            .select()
            .from(alternatives)
            .where(eq(alternatives.title, `ทาง${tag}`))
        ).length,
        corner: (
          await db
            .select()
            .from(sitePosts)
            .where(eq(sitePosts.title, `โพสต์${tag}`))
        ).length,
        comment: (
          await db
            .select()
            .from(siteComments)
            .where(eq(siteComments.body, `ความเห็น${tag}`))
        ).length,
        job: (
          await db
            .select()
            .from(siteJobs)
            .where(eq(siteJobs.title, `งาน${tag}`))
        ).length,
      };
    }

    test("the new account reads the tambon's pages, with a note that it awaits confirmation", async () => {
      const c = person;
      for (const path of ["/t/la-ngu", "/t/la-ngu/decisions", `/t/la-ngu/corner/${postId}`]) {
        const page = await c.get(path);
        assert.equal(page.statusCode, 200, path);
        assert.match(page.body, /สมาชิกภาพของท่านรอการยืนยัน/, path);
      }
      const q = await c.get(`/t/la-ngu/decisions/${questionId}`);
      assert.equal(q.statusCode, 200);
      assert.match(q.body, /ทางเดินริมคลอง/);
      const member = await Client.as(t.app, "langu-member");
      assert.doesNotMatch((await member.get("/t/la-ngu")).body, /สมาชิกภาพของท่านรอการยืนยัน/);
    });

    test("it is refused, with the reason in Thai, when it opens, proposes, posts, comments or offers a job", async () => {
      const c = person;
      const res = await act(c, "ก่อนยืนยัน");
      for (const [what, r] of Object.entries(res)) {
        assert.equal(r.statusCode, 403, what);
        assert.match(r.body, PENDING_TH, what);
      }
      assert.deepEqual(await stored("ก่อนยืนยัน"), {
        open: 0,
        alternative: 0,
        corner: 0,
        comment: 0,
        job: 0,
      });
      const form = await c.get("/t/la-ngu/decisions/new");
      assert.equal(form.statusCode, 403);
      assert.match(form.body, PENDING_TH);
    });

    test("the reason is given in English to those who read English", async () => {
      const c = person;
      c.cookies.set("tlang", "en");
      try {
        const r = await c.post("/t/la-ngu/jobs", job("งานภาษาอังกฤษ"), { from: "/t/la-ngu/jobs" });
        assert.equal(r.statusCode, 403);
        assert.match(r.body, PENDING_EN);
        assert.match((await c.get("/t/la-ngu/jobs")).body, /awaiting confirmation/);
      } finally {
        c.cookies.delete("tlang");
      }
    });

    test("once a facilitator confirms the membership, the same account takes part", async () => {
      const facilitator = await Client.as(t.app, "langu-facilitator");
      const confirmed = await facilitator.post(
        `/t/la-ngu/admin/people/${userId}/status`,
        { status: "active" },
        { from: `/t/la-ngu/admin/people/${userId}` },
      );
      assert.equal(confirmed.statusCode, 303);
      const [m] = await t.database.db
        .select()
        .from(tambonMembers)
        .where(and(eq(tambonMembers.tambonId, tambonId), eq(tambonMembers.userId, userId)));
      assert.equal(m!.status, "active");
      const c = person;
      assert.doesNotMatch((await c.get("/t/la-ngu")).body, /สมาชิกภาพของท่านรอการยืนยัน/);
      const res = await act(c, "หลังยืนยัน");
      for (const [what, r] of Object.entries(res)) assert.equal(r.statusCode, 303, what);
      assert.deepEqual(await stored("หลังยืนยัน"), {
        open: 1,
        alternative: 1,
        corner: 1,
        comment: 1,
        job: 1,
      });
    });
  });
}
