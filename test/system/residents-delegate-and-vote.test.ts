import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { auditLog, tambons, users } from "../../src/core/db/schema.ts";
import type { Tx } from "../../src/core/db/index.ts";
import {
  alternatives,
  ballots,
  decisionEvents,
  decisionPolicies,
  notificationPrefs,
  notifications,
  questionResults,
  questions,
} from "../../src/modules/decisions/schema.ts";
import { listAreas } from "../../src/modules/areas/public.ts";
import {
  exportQuestion,
  verifyExport,
  type QuestionExport,
} from "../../src/modules/decisions/results/export.ts";
import { tick } from "../../src/modules/decisions/questions/tick.ts";
import { enterPhase } from "../../src/modules/decisions/questions/phase-commands.ts";
import { sendDueEmails } from "../../src/modules/decisions/notifications/notify.ts";
import {
  markNotificationsRead,
  setEmailPreference,
} from "../../src/modules/decisions/notifications/commands.ts";
import type { Actor, Role } from "../../src/core/roles.ts";
import type { TallyResult } from "../../src/modules/decisions/tally-types.ts";

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
      const c = await Client.as(t.app, who);
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
      // C voted: B, whose vote goes to C and who did not vote, is told; A (whose vote goes to B) is
      // not, since B did not vote.
      const told = await t.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, "voted"), eq(notifications.questionId, questionId)));
      assert.deepEqual(
        told.map((x) => x.userId),
        [id["langu-osm"]],
      );
      const inbox = await b.get("/t/la-ngu/notifications");
      assert.match(inbox.body, /ได้ลงคะแนนเรื่อง/);
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
            { confirmed: "1" },
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
      // A public vote's recount file is the same for a visitor as for a member.
      const anonymous = await new Client(t.app).get(
        `/t/la-ngu/decisions/${questionId}/export.json`,
      );
      assert.equal(anonymous.statusCode, 200);
      const json = await (
        await login("langu-member")
      ).get(`/t/la-ngu/decisions/${questionId}/export.json`);
      assert.equal(JSON.parse(json.body).chainHash, data.chainHash);
      assert.equal(anonymous.body, json.body);
      assert.deepEqual(verifyExport(JSON.parse(anonymous.body)), { ok: true, problems: [] });
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
      assert.ok(code, "receipt shown after voting");
      const again = await voter.get(`/t/la-ngu/decisions/${qid}`);
      assert.match(again.body, new RegExp(`<code>${code}</code>`), "the voter can see it again");
      const other = await login("langu-osm");
      const theirs = await other.get(`/t/la-ngu/decisions/${qid}`);
      assert.ok(!theirs.body.includes(code!), "never to anyone else");
      await admin.post(
        `/t/la-ngu/decisions/${qid}/phase`,
        { confirmed: "1" },
        { from: `/t/la-ngu/decisions/${qid}` },
      );
      const visitor = new Client(t.app);
      const results = await visitor.post(
        `/t/la-ngu/decisions/${qid}/results`,
        { receipt: code! },
        { from: `/t/la-ngu/decisions/${qid}/results` },
      );
      assert.equal(results.statusCode, 200);
      assert.match(results.body, /พบบัตรของท่านในรายการที่นับแล้ว/);
      const typed = await visitor.post(
        `/t/la-ngu/decisions/${qid}/results`,
        { receipt: ` ${code!.toLowerCase().replace(/-/g, " ")} ` },
        { from: `/t/la-ngu/decisions/${qid}/results` },
      );
      assert.match(typed.body, /พบบัตรของท่าน/, "any case, spaces for dashes");
      assert.ok(!results.body.includes("ตัวแทนหมู่บ้าน ละงู (สาธิต)"), "no names of voters");
      assert.ok(!results.body.includes(code!), "the code is not echoed back");
      const wrong = await visitor.post(
        `/t/la-ngu/decisions/${qid}/results`,
        { receipt: "nope" },
        { from: `/t/la-ngu/decisions/${qid}/results` },
      );
      assert.match(wrong.body, /ไม่พบรหัสนี้/);
      const byQuery = await visitor.get(`/t/la-ngu/decisions/${qid}/results?receipt=${code}`);
      assert.doesNotMatch(byQuery.body, /พบบัตรของท่าน/, "receipts are not checked from URLs");
      assert.equal(
        (await new Client(t.app).get(`/t/la-ngu/decisions/${qid}/export.json`)).statusCode,
        303,
        "the export of a secret vote is not public",
      );
    });

    const openQuickPoll = async (title: string, policyName = "Standard") => {
      const admin = await login("langu-admin");
      const [area] = await listAreas(t.database.db, tambonId);
      const [policy] = await t.database.db
        .select()
        .from(decisionPolicies)
        .where(
          and(eq(decisionPolicies.tambonId, tambonId), eq(decisionPolicies.nameEn, policyName)),
        );
      const res = await admin.post(
        "/t/la-ngu/decisions",
        {
          title,
          area: String(area!.id),
          policy: String(policy!.id),
          quickPoll: "1",
          altTitle: "ข้อเสนอ",
          altBody: "ข้อความ",
        },
        { from: "/t/la-ngu/decisions/new" },
      );
      const qid = Number(/decisions\/(\d+)/.exec(String(res.headers.location))?.[1]);
      const [alt] = await t.database.db
        .select()
        .from(alternatives)
        .where(eq(alternatives.questionId, qid));
      return { qid, alt: alt!.id, policy: policy! };
    };
    const vote = (c: Client, qid: number, alt: number, grade: string) =>
      c.post(
        `/t/la-ngu/decisions/${qid}/ballot`,
        { [`grade_${alt}`]: grade },
        { from: `/t/la-ngu/decisions/${qid}/ballot` },
      );
    const delegateOn = (c: Client, qid: number, trustee: string) =>
      c.post(
        "/t/la-ngu/delegations",
        { scope: "question", target: String(qid), trustee: String(id[trustee]) },
        { from: "/t/la-ngu/delegations" },
      );

    test("after the deadline, ballots, withdrawals and question delegations are refused before any tick", async () => {
      const { qid, alt } = await openQuickPoll("ปิดตามเวลา");
      const c = await login("langu-rep");
      assert.equal((await vote(c, qid, alt, "1")).statusCode, 303);
      await t.database.db
        .update(questions)
        .set({ phaseEndsAt: new Date(Date.now() - 1000) })
        .where(eq(questions.id, qid));
      const late = await vote(c, qid, alt, "-1");
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /ขณะนี้ไม่อยู่ในขั้นลงคะแนน/);
      const withdraw = await c.post(
        `/t/la-ngu/decisions/${qid}/ballot/withdraw`,
        {},
        { from: `/t/la-ngu/decisions/${qid}/ballot` },
      );
      assert.equal(withdraw.statusCode, 409);
      const del = await delegateOn(await login("langu-member"), qid, "langu-rep");
      assert.equal(del.statusCode, 422);
      const [row] = await t.database.db
        .select()
        .from(ballots)
        .where(and(eq(ballots.questionId, qid), eq(ballots.userId, id["langu-rep"]!)));
      assert.deepEqual(row?.grades, { [String(alt)]: 1 }, "the ballot before the deadline stays");
    });

    /** Resolves once PostgreSQL reports a session waiting for a lock that backend `pid` holds. */
    async function someoneWaitsFor(pid: number) {
      for (let i = 0; i < 1000; i++) {
        const [row] = await t.database.rows<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity
              where wait_event_type = 'Lock' and ${pid}::int = any(pg_blocking_pids(pid))`,
        );
        if (row!.n > 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no session waited for the locks of backend ${pid}`);
    }

    // On PGlite one connection serves every request in turn, so no ballot can be in flight while
    // the closing holds the question's lock: the race exists on PostgreSQL only.
    if (kind === "postgres")
      test("a ballot in flight while the question closes waits for the closing and is refused", async () => {
        const { qid, alt } = await openQuickPoll("ปิดระหว่างลงคะแนน");
        const c = await login("langu-osm");
        await c.csrf(`/t/la-ngu/decisions/${qid}/ballot`);
        let ballot: Promise<{ statusCode: number }> | null = null;
        await t.database.db.transaction(async (tx) => {
          const [q] = await tx.select().from(questions).where(eq(questions.id, qid)).for("update");
          const [self] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
            pid: number;
          }[];
          ballot = vote(c, qid, alt, "1");
          // the ballot is blocked on the question's row, not merely slow
          await someoneWaitsFor(self!.pid);
          assert.ok(await enterPhase(tx as Tx, q!, "closed", null));
        });
        assert.equal((await ballot!).statusCode, 409);
        const stored = await t.database.db
          .select()
          .from(ballots)
          .where(eq(ballots.questionId, qid));
        assert.equal(stored.length, 0, "no ballot stored after the closing");
        const [result] = await t.database.db
          .select()
          .from(questionResults)
          .where(eq(questionResults.questionId, qid));
        assert.equal((result!.result as TallyResult).voters, 0);
      });

    test("the scheduler starts each phase at the previous one's scheduled end, also when several are overdue", async () => {
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
          title: "ตามกำหนดเวลา",
          area: String(area!.id),
          policy: String(policy!.id),
          altTitle: "ข้อเสนอ",
          altBody: "ข้อความ",
        },
        { from: "/t/la-ngu/decisions/new" },
      );
      const qid = Number(/decisions\/(\d+)/.exec(String(res.headers.location))?.[1]);
      await admin.post(
        `/t/la-ngu/decisions/${qid}/phase`,
        { confirmed: "1" },
        { from: `/t/la-ngu/decisions/${qid}` },
      );
      const day = 86400_000;
      const now = new Date();
      // Discussion ended long enough ago that the frozen phase is over too.
      const end = new Date(now.getTime() - policy!.frozenDays * day - 3600_000);
      await t.database.db.update(questions).set({ phaseEndsAt: end }).where(eq(questions.id, qid));
      const report = await tick(t.database.db, now);
      assert.ok(report.moved >= 2);
      const [q] = await t.database.db.select().from(questions).where(eq(questions.id, qid));
      assert.equal(q!.phase, "voting");
      const votingStart = end.getTime() + policy!.frozenDays * day;
      assert.equal(q!.phaseStartedAt.getTime(), votingStart);
      assert.equal(q!.phaseEndsAt!.getTime(), votingStart + policy!.votingDays * day);
    });

    test("a member withdraws her ballot during voting and her vote follows her delegation again", async () => {
      const { qid, alt } = await openQuickPoll("ถอนบัตรได้");
      const a = await login("langu-member");
      const b = await login("langu-osm");
      assert.equal((await delegateOn(a, qid, "langu-osm")).statusCode, 303);
      assert.equal((await vote(a, qid, alt, "-1")).statusCode, 303);
      assert.equal((await vote(b, qid, alt, "1")).statusCode, 303);
      const page = await a.get(`/t/la-ngu/decisions/${qid}/ballot`);
      assert.match(page.body, /ถอนบัตรของฉัน \(กลับไปใช้การมอบสิทธิ์\)/);
      const forged = await a.post(`/t/la-ngu/decisions/${qid}/ballot/withdraw`, {}, { csrf: null });
      assert.equal(forged.statusCode, 400, "a CSRF token is required");
      assert.equal(
        (await t.database.db.select().from(ballots).where(eq(ballots.questionId, qid))).length,
        2,
      );
      const res = await a.post(
        `/t/la-ngu/decisions/${qid}/ballot/withdraw`,
        {},
        { from: `/t/la-ngu/decisions/${qid}/ballot` },
      );
      assert.equal(res.statusCode, 303);
      const again = await a.post(
        `/t/la-ngu/decisions/${qid}/ballot/withdraw`,
        {},
        { from: `/t/la-ngu/decisions/${qid}/ballot` },
      );
      assert.equal(again.statusCode, 409, "nothing left to withdraw");
      assert.match(again.body, /ท่านยังไม่ได้ลงคะแนนในเรื่องนี้/);
      const [event] = await t.database.db
        .select()
        .from(decisionEvents)
        .where(and(eq(decisionEvents.questionId, qid), eq(decisionEvents.kind, "ballot.withdraw")));
      assert.deepEqual(event?.payload, { member: id["langu-member"] });
      const [audited] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "ballot.withdraw"), eq(auditLog.targetId, String(qid))));
      assert.equal(audited?.actorId, id["langu-member"]);
      const admin = await login("langu-admin");
      await admin.post(
        `/t/la-ngu/decisions/${qid}/phase`,
        { confirmed: "1" },
        { from: `/t/la-ngu/decisions/${qid}` },
      );
      const [stored] = await t.database.db
        .select()
        .from(questionResults)
        .where(eq(questionResults.questionId, qid));
      const r = stored!.result as TallyResult;
      assert.equal(r.weights?.[String(id["langu-osm"])], 2);
      assert.deepEqual(r.alternatives[0]!.negative, 0);
      assert.deepEqual(
        verifyExport(await exportQuestion(t.database.db, tambonId, qid)).problems,
        [],
      );
    });

    test("who delegates to me stops at a member in the chain who voted herself", async () => {
      const { qid, alt } = await openQuickPoll("สายที่หยุดที่ผู้ลงคะแนน");
      const a = await login("langu-member");
      const b = await login("langu-osm");
      const c = await login("langu-rep");
      assert.equal((await delegateOn(a, qid, "langu-osm")).statusCode, 303);
      assert.equal((await delegateOn(b, qid, "langu-rep")).statusCode, 303);
      const section = async () => {
        const body = (await c.get("/t/la-ngu/delegations")).body;
        const toMe = body.slice(body.indexOf("ผู้ที่มอบสิทธิ์ให้ท่าน</h2>"));
        const start = toMe.indexOf("<h3>สายที่หยุดที่ผู้ลงคะแนน</h3>");
        return start < 0 ? "" : toMe.slice(start, toMe.indexOf("</section>", start));
      };
      const before = await section();
      assert.match(before, /สมาชิก ละงู \(สาธิต\)/, "A reaches C through B");
      assert.match(before, /อสม\. ละงู \(สาธิต\)/);
      assert.equal((await vote(b, qid, alt, "1")).statusCode, 303);
      const after = await section();
      assert.doesNotMatch(after, /สมาชิก ละงู \(สาธิต\)/, "A's vote now ends at B");
      assert.doesNotMatch(after, /อสม\. ละงู \(สาธิต\)/, "B votes herself");
    });

    test("a secret vote: no published or exported record joins a member to grades", async () => {
      const { qid, alt } = await openQuickPoll("ลับจริง", "Standard");
      const [secretPolicy] = await t.database.db
        .select()
        .from(decisionPolicies)
        .where(
          and(eq(decisionPolicies.tambonId, tambonId), eq(decisionPolicies.nameTh, "ลงคะแนนลับ")),
        );
      await t.database.db
        .update(questions)
        .set({ policyId: secretPolicy!.id })
        .where(eq(questions.id, qid));
      const a = await login("langu-member");
      const c = await login("langu-rep");
      const f = await login("langu-facilitator");
      assert.equal((await delegateOn(a, qid, "langu-rep")).statusCode, 303);
      const recorded = await f.post(
        `/t/la-ngu/decisions/${qid}/ballot`,
        { member: String(id["langu-admin"]), [`grade_${alt}`]: "1" },
        { from: `/t/la-ngu/decisions/${qid}/ballot` },
      );
      assert.equal(recorded.statusCode, 409, "nobody records another's secret ballot");
      assert.match(recorded.body, /สมาชิกต้องลงคะแนนด้วยตนเอง/);
      assert.equal((await vote(c, qid, alt, "-1")).statusCode, 303);
      const code = /รหัสใบรับของท่าน[^:]*: ([A-Za-z0-9_-]+)/.exec(
        (await c.get(`/t/la-ngu/decisions/${qid}`)).body,
      )?.[1];
      assert.ok(code);
      const [cast] = await t.database.db
        .select()
        .from(decisionEvents)
        .where(and(eq(decisionEvents.questionId, qid), eq(decisionEvents.kind, "ballot.cast")));
      assert.deepEqual(Object.keys(cast!.payload), ["ballot"], "the event names no member");
      const admin = await login("langu-admin");
      await admin.post(
        `/t/la-ngu/decisions/${qid}/phase`,
        { confirmed: "1" },
        { from: `/t/la-ngu/decisions/${qid}` },
      );
      const json = await admin.get(`/t/la-ngu/decisions/${qid}/export.json`);
      assert.equal(json.statusCode, 200);
      const data = JSON.parse(json.body) as QuestionExport;
      for (const b of data.input.ballots ?? []) assert.deepEqual(b.grades, {});
      assert.equal(data.secretBallots?.length, 2, "weight 2: two entries of weight 1");
      for (const e of data.secretBallots!) assert.deepEqual(e.grades, { [String(alt)]: -1 });
      const receiptHash = createHash("sha256").update(code!.replace(/-/g, "")).digest("hex");
      assert.ok(!json.body.includes(receiptHash), "the export does not show the receipt's hash");
      const event = data.events.find((e) => e.kind === "ballot.cast" && e.questionId === qid)!;
      assert.ok(
        !data.secretBallots!.some((e) => e.hash === event.payload.ballot),
        "the event's commitment is not a list entry",
      );
      assert.deepEqual(verifyExport(data), { ok: true, problems: [] });
      const r = data.result;
      assert.deepEqual([r.alternatives[0]!.negative, r.weightCounted], [2, 2]);
      const forged = structuredClone(data);
      forged.secretBallots![0]!.grades = { [String(alt)]: 1 };
      assert.ok(verifyExport(forged).problems.includes("the input does not match its hash"));
      const check = await new Client(t.app).post(
        `/t/la-ngu/decisions/${qid}/results`,
        { receipt: code! },
        { from: `/t/la-ngu/decisions/${qid}/results` },
      );
      assert.match(check.body, /พบบัตรของท่านในรายการที่นับแล้ว.*นับ 2 รายการ/);
    });

    test("e-mails: people who want none are marked once, and each person gets one e-mail", async () => {
      const db = t.database.db;
      await db
        .update(users)
        .set({ email: "rep@la-ngu.example" })
        .where(eq(users.id, id["langu-rep"]!));
      await db
        .update(users)
        .set({ email: "osm@la-ngu.example" })
        .where(eq(users.id, id["langu-osm"]!));
      await db
        .insert(notificationPrefs)
        .values({ tambonId, userId: id["langu-rep"]!, email: "off" })
        .onConflictDoUpdate({
          target: [notificationPrefs.tambonId, notificationPrefs.userId],
          set: { email: "off" },
        });
      await db
        .insert(notificationPrefs)
        .values({ tambonId, userId: id["langu-osm"]!, email: "each" })
        .onConflictDoUpdate({
          target: [notificationPrefs.tambonId, notificationPrefs.userId],
          set: { email: "each" },
        });
      await db.update(users).set({ email: null }).where(eq(users.id, id["langu-member"]!));
      const now = new Date();
      const payload = { title: "แจ้งเตือน", phase: "voting" };
      for (const who of ["langu-rep", "langu-osm", "langu-osm", "langu-member"])
        await db.insert(notifications).values({
          tambonId,
          userId: id[who]!,
          kind: "phase",
          payload,
          createdAt: now,
        });
      const sent: { to: string }[] = [];
      const mailer = { sendMail: async (m: { to: string }) => void sent.push(m) };
      const ours = () => sent.map((m) => m.to).filter((to) => to !== "admin@la-ngu.example");
      await sendDueEmails(db, mailer, now);
      assert.deepEqual(ours(), ["osm@la-ngu.example"], "one e-mail for two notifications");
      const left = await db
        .select()
        .from(notifications)
        .where(
          and(
            isNull(notifications.emailedAt),
            inArray(notifications.userId, [
              id["langu-rep"]!,
              id["langu-member"]!,
              id["langu-osm"]!,
            ]),
          ),
        );
      assert.deepEqual(left, [], "nothing is left to be read again on the next pass");
      await sendDueEmails(db, mailer, new Date(now.getTime() + 2 * 86400_000));
      assert.deepEqual(ours(), ["osm@la-ngu.example"], "nobody who wants none is mailed later");
    });

    test("reading notifications and the e-mail choice are audited, and refused without a role", async () => {
      const db = t.database.db;
      const actor = (who: string, roles: Role[]): Actor => ({
        user: { id: id[who]!, name: who, isNetworkAdmin: false, lang: "th" },
        roles: new Map(roles.length ? [[tambonId, new Set(roles)]] : []),
        memberOf: new Set(roles.length ? [tambonId] : []),
      });
      const member = actor("langu-member", ["member"]);
      const outsider = actor("kokha-member", []);
      const audited = async (action: string, who: string) =>
        (
          await db
            .select()
            .from(auditLog)
            .where(
              and(
                eq(auditLog.action, action),
                eq(auditLog.tambonId, tambonId),
                eq(auditLog.actorId, id[who]!),
              ),
            )
        ).length;
      await db.insert(notifications).values({
        tambonId,
        userId: id["langu-member"]!,
        kind: "phase",
        payload: { title: "อ่านแล้ว", phase: "voting" },
      });
      const read = await markNotificationsRead(db, member, tambonId);
      assert.ok(read.ok && read.value >= 1);
      const unread = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, id["langu-member"]!), isNull(notifications.readAt)));
      assert.equal(unread.length, 0);
      assert.equal(await audited("notification.read", "langu-member"), 1);
      const pref = await setEmailPreference(db, member, tambonId, "each");
      assert.deepEqual(pref, { ok: true, value: "each" });
      assert.ok((await audited("notification.prefs", "langu-member")) >= 1);

      const before = await audited("notification.read", "kokha-member");
      const refusedRead = await markNotificationsRead(db, outsider, tambonId);
      assert.equal(refusedRead.ok ? null : refusedRead.errors._form?.key, "error.403");
      const refusedPref = await setEmailPreference(db, outsider, tambonId, "off");
      assert.equal(refusedPref.ok ? null : refusedPref.errors._form?.key, "error.403");
      assert.equal(await audited("notification.read", "kokha-member"), before);
      assert.equal(await audited("notification.prefs", "kokha-member"), 0);
    });
  });
}
