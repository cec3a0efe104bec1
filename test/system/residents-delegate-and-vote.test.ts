import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons, users } from "../../src/core/db/schema.ts";
import {
  alternatives,
  decisionPolicies,
  notifications,
  questionResults,
  questions,
} from "../../src/modules/decisions/schema.ts";
import { listAreas } from "../../src/modules/areas/public.ts";
import { exportQuestion, verifyExport } from "../../src/modules/decisions/export.ts";
import { tick } from "../../src/modules/decisions/commands/tick.ts";
import type { TallyResult } from "../../src/modules/decisions/tally.ts";

for (const kind of DB_KINDS) {
  describe(`residents delegate and vote on ${kind}`, () => {
    let t: TestApp;
    let tambonId: number;
    const id: Record<string, number> = {};
    let questionId = 0;
    let altId = 0;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
      for (const u of [
        "langu-member",
        "langu-osm",
        "langu-rep",
        "langu-admin",
        "kokha-member",
        "langu-facilitator",
      ]) {
        const [row] = await t.database.db.select().from(users).where(eq(users.username, u));
        id[u] = row!.id;
      }
    });
    after(async () => {
      await t?.close();
    });

    const login = async (who: string) => {
      const c = new Client(t.app);
      await c.login(who);
      return c;
    };

    test("an admin opens a quick poll that goes straight to voting", async () => {
      const admin = await login("langu-admin");
      const [area] = await listAreas(t.database.db, tambonId);
      const [policy] = await t.database.db
        .select()
        .from(decisionPolicies)
        .where(
          and(eq(decisionPolicies.tambonId, tambonId), eq(decisionPolicies.nameEn, "Standard")),
        );
      const res = await admin.post(
        "/t/la-ngu/decisions",
        {
          title: "ปลูกต้นไม้ริมคลองทุกหมู่บ้าน",
          area: String(area!.id),
          policy: String(policy!.id),
          quickPoll: "1",
          altTitle: "ปลูกหมู่บ้านละ 100 ต้น",
          altBody: "ใช้กล้าไม้จาก **ศูนย์เรียนรู้** ของตำบล",
        },
        { from: "/t/la-ngu/decisions/new" },
      );
      assert.equal(res.statusCode, 303);
      questionId = Number(/decisions\/(\d+)/.exec(String(res.headers.location))?.[1]);
      const [q] = await t.database.db.select().from(questions).where(eq(questions.id, questionId));
      assert.equal(q!.phase, "voting");
      const [alt] = await t.database.db
        .select()
        .from(alternatives)
        .where(eq(alternatives.questionId, questionId));
      altId = alt!.id;
      const page = await admin.get(`/t/la-ngu/decisions/${questionId}`);
      assert.match(page.body, /<strong>ศูนย์เรียนรู้<\/strong>/, "Markdown rendered");
    });

    test("a member cannot open a quick poll, and an empty form keeps its values with Thai errors", async () => {
      const member = await login("langu-member");
      const res = await member.post(
        "/t/la-ngu/decisions",
        { title: "เรื่องทดสอบ", area: "", policy: "", altTitle: "", altBody: "" },
        { from: "/t/la-ngu/decisions/new" },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /value="เรื่องทดสอบ"/);
      assert.match(res.body, /กรุณากรอกช่องนี้/);
    });

    test("three residents delegate in a chain; the preview shows where each vote goes", async () => {
      const a = await login("langu-member");
      const b = await login("langu-osm");
      const c = await login("langu-rep");
      assert.equal(
        (
          await a.post(
            "/t/la-ngu/delegations",
            { scope: "question", target: String(questionId), trustee: String(id["langu-osm"]) },
            { from: "/t/la-ngu/delegations" },
          )
        ).statusCode,
        303,
      );
      assert.equal(
        (
          await b.post(
            "/t/la-ngu/delegations",
            { scope: "question", target: String(questionId), trustee: String(id["langu-rep"]) },
            { from: "/t/la-ngu/delegations" },
          )
        ).statusCode,
        303,
      );
      const self = await c.post(
        "/t/la-ngu/delegations",
        { scope: "tambon", trustee: String(id["langu-rep"]) },
        { from: "/t/la-ngu/delegations" },
      );
      assert.equal(self.statusCode, 422);
      assert.match(self.body, /มอบสิทธิ์ให้ตนเองไม่ได้/);
      const outsider = await c.post(
        "/t/la-ngu/delegations",
        { scope: "tambon", trustee: String(id["kokha-member"]) },
        { from: "/t/la-ngu/delegations" },
      );
      assert.equal(outsider.statusCode, 422);
      assert.match(outsider.body, /เฉพาะสมาชิกที่มีสิทธิ์ลงคะแนนของตำบลนี้/);
      const vote = await c.post(
        `/t/la-ngu/decisions/${questionId}/ballot`,
        { [`grade_${altId}`]: "1" },
        { from: `/t/la-ngu/decisions/${questionId}/ballot` },
      );
      assert.equal(vote.statusCode, 303);
      const preview = await a.get("/t/la-ngu/delegations");
      assert.match(
        preview.body,
        /สมาชิก ละงู \(สาธิต\) → อสม\. ละงู \(สาธิต\) → ตัวแทนหมู่บ้าน ละงู \(สาธิต\) — ถึงผู้ที่ลงคะแนนแล้ว/,
      );
      const toC = await c.get("/t/la-ngu/delegations");
      assert.match(toC.body, /อสม\. ละงู \(สาธิต\)/);
      const [n] = await t.database.db
        .select()
        .from(notifications)
        .where(
          and(eq(notifications.userId, id["langu-rep"]!), eq(notifications.kind, "delegated")),
        );
      assert.ok(n, "the trustee is notified");
    });

    test("ballots refuse bad grades, and the voting phase is enforced", async () => {
      const c = await login("langu-rep");
      const bad = await c.post(
        `/t/la-ngu/decisions/${questionId}/ballot`,
        { [`grade_${altId}`]: "99" },
        { from: `/t/la-ngu/decisions/${questionId}/ballot` },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /ระดับคะแนนไม่ถูกต้อง/);
      const add = await c.post(
        `/t/la-ngu/decisions/${questionId}/alternatives`,
        { altTitle: "อีกทาง", altBody: "x" },
        { from: `/t/la-ngu/decisions/${questionId}` },
      );
      assert.equal(add.statusCode, 403, "no new alternatives while voting");
    });

    test("a facilitator records the ballot of a member present at a meeting", async () => {
      const f = await login("langu-facilitator");
      const res = await f.post(
        `/t/la-ngu/decisions/${questionId}/ballot`,
        { member: String(id["langu-admin"]), [`grade_${altId}`]: "1" },
        { from: `/t/la-ngu/decisions/${questionId}/ballot` },
      );
      assert.equal(res.statusCode, 303);
      const member = await login("langu-member");
      const denied = await member.post(
        `/t/la-ngu/decisions/${questionId}/ballot`,
        { member: String(id["langu-admin"]), [`grade_${altId}`]: "-1" },
        { from: `/t/la-ngu/decisions/${questionId}` },
      );
      assert.equal(denied.statusCode, 403, "members cannot record for others");
    });

    test("the middle of the chain votes herself; closing stores weights and chains that follow", async () => {
      const b = await login("langu-osm");
      assert.equal(
        (
          await b.post(
            `/t/la-ngu/decisions/${questionId}/ballot`,
            { [`grade_${altId}`]: "-1" },
            { from: `/t/la-ngu/decisions/${questionId}/ballot` },
          )
        ).statusCode,
        303,
      );
      const admin = await login("langu-admin");
      assert.equal(
        (
          await admin.post(
            `/t/la-ngu/decisions/${questionId}/phase`,
            {},
            { from: `/t/la-ngu/decisions/${questionId}` },
          )
        ).statusCode,
        303,
      );
      const [stored] = await t.database.db
        .select()
        .from(questionResults)
        .where(eq(questionResults.questionId, questionId));
      const r = stored!.result as TallyResult;
      assert.equal(r.weights?.[String(id["langu-osm"])], 2, "B carries A and herself");
      assert.equal(r.weights?.[String(id["langu-rep"])], 1, "C now carries only herself");
      assert.deepEqual(r.chains?.[String(id["langu-member"])], [
        id["langu-member"],
        id["langu-osm"],
      ]);
      assert.equal(r.voters, 3);
      const alt = r.alternatives[0]!;
      assert.deepEqual([alt.positive, alt.negative], [2, 2]);
      const anonymous = await new Client(t.app).get(`/t/la-ngu/decisions/${questionId}/results`);
      assert.equal(anonymous.statusCode, 200);
      assert.ok(!anonymous.body.includes("อสม. ละงู (สาธิต)"), "names and chains are for members");
      const page = await (
        await login("kokha-member")
      ).get(`/t/la-ngu/decisions/${questionId}/results`);
      assert.ok(!page.body.includes("อสม. ละงู (สาธิต)"), "not for members of another tambon either");
      const member = await login("langu-member");
      const mine = await member.get(`/t/la-ngu/decisions/${questionId}/results`);
      assert.equal(page.statusCode, 200);
      assert.match(mine.body, /สมาชิก ละงู \(สาธิต\) → อสม\. ละงู \(สาธิต\)/);
      assert.match(mine.body, /<svg/);
      assert.match(mine.body, /ตารางเปรียบเทียบรายคู่/);
    });

    test("the stored result is never recomputed silently, and the export verifies", async () => {
      const a = await login("langu-member");
      await a.post(
        "/t/la-ngu/delegations",
        { scope: "tambon", trustee: String(id["langu-rep"]) },
        { from: "/t/la-ngu/delegations" },
      );
      const [stored] = await t.database.db
        .select()
        .from(questionResults)
        .where(eq(questionResults.questionId, questionId));
      assert.equal((stored!.result as TallyResult).weights?.[String(id["langu-osm"])], 2);
      const data = await exportQuestion(t.database.db, tambonId, questionId);
      assert.deepEqual(verifyExport(data), { ok: true, problems: [] });
      assert.equal(
        (await new Client(t.app).get(`/t/la-ngu/decisions/${questionId}/export.json`)).statusCode,
        303,
      );
      const json = await (
        await login("langu-member")
      ).get(`/t/la-ngu/decisions/${questionId}/export.json`);
      assert.equal(JSON.parse(json.body).chainHash, data.chainHash);
      const forged = structuredClone(data);
      forged.input.ballots![0]!.grades = { [String(altId)]: 3 };
      assert.ok(verifyExport(forged).problems.includes("the input does not match its hash"));
      const rewritten = structuredClone(data);
      rewritten.events[1]!.payload = { tampered: true };
      assert.match(verifyExport(rewritten).problems.join(), /hash chain broken at event 2/);
    });

    test("the scheduler closes a question whose voting ended and reminds followers a day before", async () => {
      const admin = await login("langu-admin");
      const [area] = await listAreas(t.database.db, tambonId);
      const [policy] = await t.database.db
        .select()
        .from(decisionPolicies)
        .where(
          and(eq(decisionPolicies.tambonId, tambonId), eq(decisionPolicies.nameEn, "Quick poll")),
        );
      const res = await admin.post(
        "/t/la-ngu/decisions",
        {
          title: "ทดสอบตัวตั้งเวลา",
          area: String(area!.id),
          policy: String(policy!.id),
          quickPoll: "1",
          altTitle: "ข้อเสนอ",
          altBody: "ข้อความ",
        },
        { from: "/t/la-ngu/decisions/new" },
      );
      const qid = Number(/decisions\/(\d+)/.exec(String(res.headers.location))?.[1]);
      const [q] = await t.database.db.select().from(questions).where(eq(questions.id, qid));
      const beforeEnd = new Date(q!.phaseEndsAt!.getTime() - 3600_000);
      const first = await tick(t.database.db, beforeEnd);
      assert.deepEqual([first.moved, first.reminded], [0, 1]);
      const [reminder] = await t.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.questionId, qid), eq(notifications.kind, "closing")));
      assert.equal(reminder?.userId, id["langu-admin"]);
      const sent: { to: string; subject: string; text: string }[] = [];
      await t.database.db
        .update(users)
        .set({ email: "admin@la-ngu.example" })
        .where(eq(users.id, id["langu-admin"]!));
      const after = await tick(t.database.db, new Date(q!.phaseEndsAt!.getTime() + 2 * 86400_000), {
        sendMail: async (m) => void sent.push(m),
      });
      assert.equal(after.moved, 1);
      const [closed] = await t.database.db.select().from(questions).where(eq(questions.id, qid));
      assert.equal(closed!.phase, "closed");
      const [stored] = await t.database.db
        .select()
        .from(questionResults)
        .where(eq(questionResults.questionId, qid));
      assert.ok(stored);
      assert.equal(sent.filter((m) => m.to === "admin@la-ngu.example").length, 1, "one digest");
      assert.match(sent[0]!.text, /ทดสอบตัวตั้งเวลา/);
      assert.equal(
        (
          await tick(t.database.db, new Date(q!.phaseEndsAt!.getTime() + 2 * 86400_000), {
            sendMail: async (m) => void sent.push(m),
          })
        ).moved,
        0,
        "safe to run again",
      );
    });

    test("secret ballots: a receipt code, totals only, and the receipt is found in the hashed list", async () => {
      const admin = await login("langu-admin");
      const [area] = await listAreas(t.database.db, tambonId);
      const pol = await admin.post(
        "/t/la-ngu/admin/decision-policies",
        {
          nameTh: "ลงคะแนนลับ",
          discussionDays: "1",
          frozenDays: "1",
          votingDays: "2",
          majority: "0.5",
          quorum: "0",
          secrecy: "private",
        },
        { from: "/t/la-ngu/admin/decision-policies" },
      );
      assert.equal(pol.statusCode, 303);
      const [policy] = await t.database.db
        .select()
        .from(decisionPolicies)
        .where(
          and(eq(decisionPolicies.tambonId, tambonId), eq(decisionPolicies.nameTh, "ลงคะแนนลับ")),
        );
      const res = await admin.post(
        "/t/la-ngu/decisions",
        {
          title: "เลือกสีอาคารศูนย์",
          area: String(area!.id),
          policy: String(policy!.id),
          quickPoll: "1",
          altTitle: "สีเขียว",
          altBody: "เขียว",
        },
        { from: "/t/la-ngu/decisions/new" },
      );
      const qid = Number(/decisions\/(\d+)/.exec(String(res.headers.location))?.[1]);
      const [alt] = await t.database.db
        .select()
        .from(alternatives)
        .where(eq(alternatives.questionId, qid));
      const voter = await login("langu-rep");
      await voter.post(
        `/t/la-ngu/decisions/${qid}/ballot`,
        { [`grade_${alt!.id}`]: "1" },
        { from: `/t/la-ngu/decisions/${qid}/ballot` },
      );
      const flashPage = await voter.get(`/t/la-ngu/decisions/${qid}`);
      const code = /รหัสใบรับของท่าน[^:]*: ([A-Za-z0-9_-]+)/.exec(flashPage.body)?.[1];
      assert.ok(code, "receipt shown once");
      await admin.post(
        `/t/la-ngu/decisions/${qid}/phase`,
        {},
        { from: `/t/la-ngu/decisions/${qid}` },
      );
      const results = await new Client(t.app).get(
        `/t/la-ngu/decisions/${qid}/results?receipt=${code}`,
      );
      assert.match(results.body, /พบบัตรของท่านในรายการที่นับแล้ว/);
      assert.ok(!results.body.includes("ตัวแทนหมู่บ้าน ละงู (สาธิต)"), "no names of voters");
      const wrong = await new Client(t.app).get(`/t/la-ngu/decisions/${qid}/results?receipt=nope`);
      assert.match(wrong.body, /ไม่พบรหัสนี้/);
      assert.equal(
        (await new Client(t.app).get(`/t/la-ngu/decisions/${qid}/export.json`)).statusCode,
        303,
        "the export of a secret vote is not public",
      );
    });
  });
}
