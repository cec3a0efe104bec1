import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { auditLog, tambons, users } from "../../src/core/db/schema.ts";
import { linkClause, listClauses, type ClauseRef } from "../../src/modules/charter/public.ts";
import { affiliations, partners } from "../../src/modules/network/schema.ts";
import {
  evaluationRatings,
  evaluationRounds,
  planEditions,
  plans,
  projects,
} from "../../src/modules/plans/schema.ts";

for (const kind of DB_KINDS) {
  describe(`evaluating together: rate, close and carry into an edition (${kind})`, () => {
    let t: TestApp;
    let langu = 0;
    let planId = 0;
    let editionId = 0;
    let otherEditionId = 0;
    let otherRoundId = 0;
    let screening = 0;
    let walking = 0;
    let proposedOnly = 0;
    let foreignProject = 0;
    let clause: ClauseRef;
    let roundId = 0;
    let repId = 0;
    const clauseKey = () => `c${clause.charterId}-${clause.clauseKey}`;

    const as = async (username: string) => {
      const c = await Client.as(t.app, username);
      return c;
    };
    const ratings = () =>
      t.database.db
        .select()
        .from(evaluationRatings)
        .where(and(eq(evaluationRatings.tambonId, langu), eq(evaluationRatings.roundId, roundId)))
        .orderBy(asc(evaluationRatings.id));
    const audits = (action: string) =>
      t.database.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.tambonId, langu),
            eq(auditLog.action, action),
            eq(auditLog.targetId, String(roundId)),
          ),
        )
        .orderBy(asc(auditLog.id));
    const userId = async (username: string) =>
      (await t.database.db.select().from(users).where(eq(users.username, username)))[0]!.id;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      const all = await db.select().from(tambons);
      langu = all.find((x) => x.slug === "la-ngu")!.id;
      const kokha = all.find((x) => x.slug === "ko-kha")!.id;
      const [plan] = await db
        .insert(plans)
        .values({ tambonId: langu, title: "แผนทดสอบการประเมิน 2571–2575", firstYear: 2571 })
        .returning();
      planId = plan!.id;
      const made = await db
        .insert(projects)
        .values([
          { tambonId: langu, planId, seq: 1, title: "คัดกรองเบาหวานผู้สูงอายุ", status: "in_plan" },
          { tambonId: langu, planId, seq: 2, title: "ชมรมเดินเพื่อสุขภาพ", status: "in_progress" },
          { tambonId: langu, planId, seq: 3, title: "ข้อเสนอที่ยังไม่กลั่นกรอง", status: "proposed" },
        ])
        .returning();
      [screening, walking, proposedOnly] = made.map((p) => p.id) as [number, number, number];
      clause = (await listClauses(db, langu))[0]!;
      assert.ok(clause, "the demo's charter is in force");
      await linkClause(db, langu, {
        charterId: clause.charterId,
        clauseKey: clause.clauseKey,
        targetType: "plans.project",
        targetId: screening,
        label: "คัดกรองเบาหวานผู้สูงอายุ",
      });
      const [edition] = await db
        .insert(planEditions)
        .values({ tambonId: langu, planId, kind: "first", number: 1, approvedOn: "2027-06-01" })
        .returning();
      editionId = edition!.id;
      const [otherPlan] = await db
        .insert(plans)
        .values({ tambonId: kokha, title: "แผนของเกาะขา", firstYear: 2571 })
        .returning();
      const [otherProject] = await db
        .insert(projects)
        .values({ tambonId: kokha, planId: otherPlan!.id, title: "ของเกาะขา", status: "in_plan" })
        .returning();
      foreignProject = otherProject!.id;
      const [otherEdition] = await db
        .insert(planEditions)
        .values({ tambonId: kokha, planId: otherPlan!.id, kind: "first", number: 1 })
        .returning();
      otherEditionId = otherEdition!.id;
      const [otherRound] = await db
        .insert(evaluationRounds)
        .values({ tambonId: kokha, planId: otherPlan!.id, title: "รอบของเกาะขา" })
        .returning();
      otherRoundId = otherRound!.id;
      repId = await userId("langu-rep");
    });
    after(async () => {
      await t?.close();
    });

    test("the working group opens a round; a member may not; forged fields and another tambon's plan are refused", async () => {
      const list = `/t/la-ngu/plans/${planId}/evaluations`;
      const member = await as("langu-member");
      const refused = await member.post(list, { title: "ของสมาชิก" }, { from: "/t/la-ngu/" });
      assert.equal(refused.statusCode, 403);

      const wg = await as("langu-wg");
      const bad = await wg.post(list, { title: "", meetingId: "999999" }, { from: list });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /id="f-title-err">/);

      const unknownMeeting = await wg.post(
        list,
        { title: "ครึ่งปีแรก 2571", meetingId: "2147483000" },
        { from: list },
      );
      assert.equal(unknownMeeting.statusCode, 422);
      assert.match(unknownMeeting.body, /ไม่พบการประชุมนี้ในตำบล/);
      assert.match(unknownMeeting.body, /value="ครึ่งปีแรก 2571"/, "what was typed is kept");

      const opened = await wg.post(
        list,
        {
          title: "ครึ่งปีแรก 2571",
          heldOn: "2028-03-31",
          status: "closed",
          tambonId: "1",
          carriedToEditionId: String(otherEditionId),
        },
        { from: list },
      );
      assert.equal(opened.statusCode, 303);
      roundId = Number(/\/evaluations\/(\d+)$/.exec(opened.headers.location!)![1]);
      const [row] = await t.database.db
        .select()
        .from(evaluationRounds)
        .where(eq(evaluationRounds.id, roundId));
      assert.equal(row!.tambonId, langu);
      assert.equal(row!.planId, planId);
      assert.equal(row!.status, "open", "a forged status is not stored");
      assert.equal(row!.carriedToEditionId, null);
      assert.equal(row!.heldOn, "2028-03-31");
      assert.equal((await audits("evaluation.open")).length, 1);

      const foreign = await t.database.db
        .select({ planId: evaluationRounds.planId })
        .from(evaluationRounds)
        .where(eq(evaluationRounds.id, otherRoundId));
      const theirs = await wg.post(
        `/t/la-ngu/plans/${foreign[0]!.planId}/evaluations`,
        { title: "ยึดมา" },
        { from: list },
      );
      assert.equal(theirs.statusCode, 404);
    });

    test("the rating form has one card per project in the plan and per linked clause", async () => {
      const rep = await as("langu-rep");
      const page = await rep.get(`/t/la-ngu/evaluations/${roundId}/rate`);
      assert.equal(page.statusCode, 200);
      for (const key of [`p${screening}`, `p${walking}`, clauseKey()])
        assert.match(page.body, new RegExp(`name="rating-${key}"`), key);
      assert.doesNotMatch(page.body, new RegExp(`name="rating-p${proposedOnly}"`));
      assert.match(page.body, /ชมรมเดินเพื่อสุขภาพ/);
    });

    test("a village representative rates; rating again replaces the answer, each time audited; the rater is never a field", async () => {
      const rep = await as("langu-rep");
      const form = `/t/la-ngu/evaluations/${roundId}/rate`;
      const first = await rep.post(
        form,
        {
          [`rating-p${screening}`]: "achieved",
          [`helped-p${screening}`]: "อสม. ลงพื้นที่ทุกหมู่",
          [`rating-${clauseKey()}`]: "partly",
          [`blocked-${clauseKey()}`]: "งบมาช้า",
          raterId: "1",
          tambonId: "999",
        },
        { from: form },
      );
      assert.equal(first.statusCode, 303);
      let rows = await ratings();
      assert.equal(rows.length, 2);
      assert.ok(rows.every((r) => r.raterId === repId && r.tambonId === langu));
      const clauseRow = rows.find((r) => r.subjectType === "clause")!;
      assert.equal(clauseRow.charterId, clause.charterId);
      assert.equal(clauseRow.clauseKey, clause.clauseKey);
      assert.equal(clauseRow.blocked, "งบมาช้า");

      const again = await rep.post(
        form,
        { [`rating-p${screening}`]: "not", [`blocked-p${screening}`]: "ฝนตกหนัก" },
        { from: form },
      );
      assert.equal(again.statusCode, 303);
      rows = await ratings();
      const mine = rows.filter((r) => r.projectId === screening);
      assert.equal(mine.length, 1, "one rating per rater and subject");
      assert.equal(mine[0]!.rating, "not");
      assert.equal(mine[0]!.helped, "");
      const logged = await audits("evaluation.rate");
      assert.equal(logged.length, 2);
      assert.deepEqual(logged[1]!.before, { [`p${screening}`]: "achieved" });
      assert.deepEqual(logged[1]!.after, { [`p${screening}`]: "not" });

      const filled = await rep.get(form);
      assert.match(filled.body, new RegExp(`value="not" checked`), "the form shows the answer");
    });

    test("a forged subject, an unknown answer or words without an answer are refused, nothing stored", async () => {
      const rep = await as("langu-rep");
      const form = `/t/la-ngu/evaluations/${roundId}/rate`;
      const before = (await ratings()).length;
      const forged = await rep.post(
        form,
        { [`rating-p${walking}`]: "achieved", [`rating-p${foreignProject}`]: "achieved" },
        { from: form },
      );
      assert.equal(forged.statusCode, 422);
      assert.match(forged.body, /แบบประเมินมีเรื่องที่ไม่อยู่ในรอบนี้/);
      const proposed = await rep.post(
        form,
        { [`rating-p${proposedOnly}`]: "achieved" },
        { from: form },
      );
      assert.equal(proposed.statusCode, 422);
      const odd = await rep.post(
        form,
        { [`rating-p${walking}`]: "excellent", [`helped-${clauseKey()}`]: "ช่วยมาก" },
        { from: form },
      );
      assert.equal(odd.statusCode, 422);
      assert.match(odd.body, new RegExp(`id="f-rating-p${walking}-err"`));
      assert.match(odd.body, /เลือกผล \(บรรลุ บรรลุบางส่วน หรือไม่บรรลุ\) ก่อนบันทึกความเห็น/);
      assert.match(odd.body, />ช่วยมาก</, "what was typed is kept");
      const empty = await rep.post(form, {}, { from: form });
      assert.equal(empty.statusCode, 422);
      assert.equal((await ratings()).length, before);
    });

    test("a member may not rate; a member who belongs to a partner may", async () => {
      const form = `/t/la-ngu/evaluations/${roundId}/rate`;
      const member = await as("langu-member");
      assert.equal((await member.get(form)).statusCode, 403);
      const refused = await member.post(
        form,
        { [`rating-p${walking}`]: "achieved" },
        { from: `/t/la-ngu/evaluations/${roundId}` },
      );
      assert.equal(refused.statusCode, 403);

      const osm = await userId("langu-osm");
      const [partner] = await t.database.db
        .select()
        .from(partners)
        .where(and(eq(partners.tambonId, langu), eq(partners.active, true)))
        .limit(1);
      await t.database.db
        .insert(affiliations)
        .values({ tambonId: langu, userId: osm, partnerId: partner!.id })
        .onConflictDoNothing();
      const volunteer = await as("langu-osm");
      const rated = await volunteer.post(
        form,
        { [`rating-p${walking}`]: "partly", [`helped-p${walking}`]: "วัดช่วยประชาสัมพันธ์" },
        { from: form },
      );
      assert.equal(rated.statusCode, 303);
      const rows = (await ratings()).filter((r) => r.raterId === osm);
      assert.equal(rows.length, 1);
    });

    test("the round's page shows counts and words; closing records the decisions and carries it into an edition of the plan only", async () => {
      const page = await new Client(t.app).get(`/t/la-ngu/evaluations/${roundId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /ผู้ประเมิน 2 คน/);
      assert.match(page.body, /วัดช่วยประชาสัมพันธ์/);
      assert.match(page.body, /ฝนตกหนัก/);

      const wg = await as("langu-wg");
      const here = `/t/la-ngu/evaluations/${roundId}`;
      const member = await as("langu-member");
      const memberClose = await member.post(
        `${here}/close`,
        { confirmed: "1", decisions: "x" },
        { from: here },
      );
      assert.equal(memberClose.statusCode, 403);

      const foreign = await wg.post(
        `${here}/close`,
        { confirmed: "1", decisions: "เพิ่มงบคัดกรอง", editionId: String(otherEditionId) },
        { from: here },
      );
      assert.equal(foreign.statusCode, 422);
      assert.match(foreign.body, /ไม่พบฉบับนี้ในแผน/);
      const noDecision = await wg.post(
        `${here}/close`,
        { confirmed: "1", decisions: " " },
        { from: here },
      );
      assert.equal(noDecision.statusCode, 422);

      const closed = await wg.post(
        `${here}/close`,
        {
          confirmed: "1",
          decisions: "เพิ่มงบคัดกรองเบาหวานในปี 2572",
          summary: "โครงการคัดกรองติดขัดเพราะฝน",
          editionId: String(editionId),
          status: "open",
        },
        { from: here },
      );
      assert.equal(closed.statusCode, 303);
      const [row] = await t.database.db
        .select()
        .from(evaluationRounds)
        .where(eq(evaluationRounds.id, roundId));
      assert.equal(row!.status, "closed");
      assert.equal(row!.carriedToEditionId, editionId);
      assert.equal(row!.decisions, "เพิ่มงบคัดกรองเบาหวานในปี 2572");
      const [logged] = await audits("evaluation.close");
      assert.equal((logged!.after as { carriedToEditionId: number }).carriedToEditionId, editionId);

      const shown = await new Client(t.app).get(here);
      assert.match(shown.body, /เพิ่มงบคัดกรองเบาหวานในปี 2572/);
      assert.match(shown.body, /นำผลเข้าสู่ฉบับของแผน: ฉบับแรก/);

      const rep = await as("langu-rep");
      const late = await rep.post(
        `${here}/rate`,
        { [`rating-p${walking}`]: "achieved" },
        { from: `/t/la-ngu/evaluations/${roundId}` },
      );
      assert.equal(late.statusCode, 422);
      assert.match(late.body, /รอบการประเมินนี้ปิดแล้ว/);
      const twice = await wg.post(
        `${here}/close`,
        { confirmed: "1", decisions: "อีกครั้ง" },
        { from: here },
      );
      assert.equal(twice.statusCode, 422);
    });

    test("the charter clause's page shows its projects and its latest rating", async () => {
      const page = await new Client(t.app).get(clause.href);
      assert.equal(page.statusCode, 200);
      const section = (id: string) =>
        new RegExp(`<section aria-labelledby="sec-${id}"[^>]*>[\\s\\S]*?</section>`).exec(
          page.body,
        )?.[0] ?? "";
      const projectsHere = section("plans.projects");
      assert.match(projectsHere, /โครงการที่ขับเคลื่อนข้อนี้/);
      assert.match(projectsHere, new RegExp(`href="/t/la-ngu/projects/${screening}"`));
      assert.doesNotMatch(projectsHere, /ชมรมเดินเพื่อสุขภาพ/, "only projects linked to it");
      const rating = section("plans.rating");
      assert.match(rating, new RegExp(`href="/t/la-ngu/evaluations/${roundId}"`));
      assert.match(rating, /บรรลุบางส่วน 1/);
    });

    test("another tambon's round is 404 on every page and form", async () => {
      const wg = await as("langu-wg");
      const other = `/t/la-ngu/evaluations/${otherRoundId}`;
      assert.equal((await wg.get(other)).statusCode, 404);
      assert.equal((await wg.get(`${other}/rate`)).statusCode, 404);
      const from = `/t/la-ngu/evaluations/${roundId}`;
      for (const [path, body] of [
        ["rate", { [`rating-p${foreignProject}`]: "achieved" }],
        ["close", { confirmed: "1", decisions: "ยึดมา" }],
        ["carry", { editionId: String(otherEditionId) }],
      ] as const) {
        const res = await wg.post(`${other}/${path}`, body, { from });
        assert.equal(res.statusCode, 404, path);
      }
      const [theirs] = await t.database.db
        .select()
        .from(evaluationRounds)
        .where(eq(evaluationRounds.id, otherRoundId));
      assert.equal(theirs!.status, "open");
      assert.equal(theirs!.decisions, "");
    });
  });
}
