import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq, inArray } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { auditLog, tambons, users, villages } from "../../src/core/db/schema.ts";
import { issueAreas } from "../../src/modules/areas/schema.ts";
import { alternatives } from "../../src/modules/decisions/schema.ts";
import {
  plans,
  projectBudgets,
  projectLinks,
  projectUpdates,
  projectVillages,
  projects,
} from "../../src/modules/plans/schema.ts";

for (const kind of DB_KINDS) {
  describe(`a resident proposes a project, sees the overlap, the working group screens and links it (${kind})`, () => {
    let t: TestApp;
    let langu = 0;
    let kokha = 0;
    let planId = 0;
    let healthArea = 0;
    let village = 0;
    let repId = 0;
    let proposedId = 0;
    let rep: Client;
    let wg: Client;
    const db = () => t.database.db;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const all = await db().select().from(tambons);
      langu = all.find((x) => x.slug === "la-ngu")!.id;
      kokha = all.find((x) => x.slug === "ko-kha")!.id;
      const [plan] = await db()
        .select()
        .from(plans)
        .where(and(eq(plans.tambonId, langu), eq(plans.status, "active")));
      planId = plan!.id;
      const [area] = await db()
        .select()
        .from(issueAreas)
        .where(eq(issueAreas.tambonId, langu))
        .orderBy(issueAreas.position)
        .limit(1);
      healthArea = area!.id;
      const [v] = await db().select().from(villages).where(eq(villages.tambonId, langu)).limit(1);
      village = v!.id;
      const [u] = await db().select().from(users).where(eq(users.username, "langu-rep"));
      repId = u!.id;
      rep = await Client.as(t.app, "langu-rep");
      wg = await Client.as(t.app, "langu-wg");
    });
    after(async () => {
      await t?.close();
    });

    const proposal = () => ({
      title: "โครงการดูแลสุขภาพผู้สูงอายุที่บ้าน",
      areaId: String(healthArea),
      objectives: "ให้ผู้สูงอายุดูแลสุขภาพตนเองได้",
      targets: ["elderly"],
      villages: [String(village)],
      budgetYear0: "2568",
      budgetSource0: "health_fund",
      budgetAmount0: "25,000",
    });

    test("the plan's page lists its strategies and projects with their budgets", async () => {
      const res = await rep.get(`/t/la-ngu/plans/${planId}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /โครงการส่งเสริมสุขภาพผู้สูงอายุ/);
      assert.match(res.body, /พัฒนาคุณภาพชีวิตและสุขภาวะของประชาชน/);
      assert.match(res.body, /plan-progress/);
    });

    test("while proposing, the overlapping project of the plan is shown (preview and JSON)", async () => {
      const from = `/t/la-ngu/plans/${planId}/propose`;
      const res = await rep.post(from, { ...proposal(), preview: "1" }, { from });
      assert.equal(res.statusCode, 200);
      const box = res.body.slice(res.body.indexOf('id="overlaps"'));
      assert.match(box, /โครงการส่งเสริมสุขภาพผู้สูงอายุ/);
      assert.doesNotMatch(box, /ก่อสร้างถนน/);
      const q = new URLSearchParams({
        title: "ปลูกป่าชายเลนเพิ่ม",
        areaId: "",
        villages: String(village),
      });
      const json = await rep.get(`/t/la-ngu/plans/${planId}/overlaps?${q}`);
      assert.equal(json.statusCode, 200);
      const titles = (JSON.parse(json.body) as { overlaps: { title: string }[] }).overlaps.map(
        (o) => o.title,
      );
      assert.ok(titles.includes("โครงการปลูกป่าชายเลน"), titles.join(", "));
      assert.ok(!titles.some((x) => x.includes("ผู้สูงอายุ")));
    });

    test("no village and no whole tambon: refused next to the field, in Thai, nothing stored", async () => {
      const before = await db().select().from(projects).where(eq(projects.tambonId, langu));
      const from = `/t/la-ngu/plans/${planId}/propose`;
      const res = await rep.post(from, { ...proposal(), villages: [] }, { from });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /เลือกหมู่บ้านอย่างน้อยหนึ่งหมู่/);
      const after = await db().select().from(projects).where(eq(projects.tambonId, langu));
      assert.equal(after.length, before.length);
    });

    test("a proposal that forges status, tambon, plan, proposer and progress stores none of them", async () => {
      const [other] = await db().select().from(plans).where(eq(plans.tambonId, kokha));
      const [admin] = await db().select().from(users).where(eq(users.username, "admin"));
      const from = `/t/la-ngu/plans/${planId}/propose`;
      const res = await rep.post(
        from,
        {
          ...proposal(),
          status: "done",
          progress: "100",
          tambonId: String(kokha),
          planId: String(other!.id),
          proposedBy: String(admin!.id),
          questionId: "1",
          mergedIntoId: "1",
          seq: "999",
          weight: "50",
          strategyId: "1",
        },
        { from },
      );
      assert.equal(res.statusCode, 303);
      const id = Number(/\/projects\/(\d+)$/.exec(String(res.headers.location))![1]);
      const [row] = await db().select().from(projects).where(eq(projects.id, id));
      assert.ok(row);
      assert.equal(row.tambonId, langu);
      assert.equal(row.planId, planId);
      assert.equal(row.status, "proposed");
      assert.equal(row.progress, 0);
      assert.equal(row.proposedBy, repId);
      assert.equal(row.questionId, null);
      assert.equal(row.mergedIntoId, null);
      assert.equal(row.strategyId, null);
      assert.equal(row.weight, 1);
      assert.notEqual(row.seq, 999);
      const budgets = await db()
        .select()
        .from(projectBudgets)
        .where(eq(projectBudgets.projectId, id));
      assert.deepEqual(
        budgets.map((b) => [b.fiscalYear, b.source, Number(b.amount)]),
        [[2568, "health_fund", 25000]],
      );
      const vs = await db().select().from(projectVillages).where(eq(projectVillages.projectId, id));
      assert.deepEqual(
        vs.map((v) => v.villageId),
        [village],
      );
      proposedId = id;
    });

    test("a village representative may not screen; the working group screens with a timeline entry", async () => {
      const url = `/t/la-ngu/admin/projects/${proposedId}/status`;
      const from = `/t/la-ngu/plans/${planId}/propose`;
      const refused = await rep.post(url, { status: "in_plan" }, { from });
      assert.equal(refused.statusCode, 403);
      const admin = `/t/la-ngu/admin/projects/${proposedId}`;
      const page = await wg.get(admin);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /โครงการส่งเสริมสุขภาพผู้สูงอายุ/, "its overlaps are listed for staff");
      const res = await wg.post(
        url,
        { status: "screened", progress: "10", note: "ผ่านเวทีประชาคม" },
        { from: admin },
      );
      assert.equal(res.statusCode, 303);
      const [row] = await db().select().from(projects).where(eq(projects.id, proposedId));
      assert.equal(row!.status, "screened");
      assert.equal(row!.progress, 10);
      const updates = await db()
        .select()
        .from(projectUpdates)
        .where(eq(projectUpdates.projectId, proposedId))
        .orderBy(projectUpdates.id);
      assert.deepEqual(
        updates.map((u) => u.status),
        ["proposed", "screened"],
      );
      assert.equal(updates[1]!.note, "ผ่านเวทีประชาคม");
      const audits = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tambonId, langu), eq(auditLog.action, "project.status")));
      assert.ok(audits.some((a) => String(a.targetId) === String(proposedId)));
    });

    test("the working group links the proposal to the project it duplicates; both pages show it", async () => {
      const [original] = await db()
        .select()
        .from(projects)
        .where(
          and(
            eq(projects.tambonId, langu),
            eq(projects.title, "โครงการส่งเสริมสุขภาพผู้สูงอายุ"),
            eq(projects.planId, planId),
          ),
        );
      const admin = `/t/la-ngu/admin/projects/${proposedId}`;
      const res = await wg.post(
        `${admin}/links`,
        { otherId: String(original!.id), kind: "duplicate", note: "เสนอซ้ำ" },
        { from: admin },
      );
      assert.equal(res.statusCode, 303);
      const links = await db()
        .select()
        .from(projectLinks)
        .where(eq(projectLinks.projectId, proposedId));
      assert.deepEqual(
        links.map((l) => [l.otherId, l.kind]),
        [[original!.id, "duplicate"]],
      );
      const page = await rep.get(`/t/la-ngu/projects/${original!.id}`);
      assert.match(page.body, /โครงการดูแลสุขภาพผู้สูงอายุที่บ้าน/);
    });

    test("two projects put to a priority vote each keep their own alternative of the question", async () => {
      const chosen = await db()
        .select()
        .from(projects)
        .where(and(eq(projects.tambonId, langu), eq(projects.planId, planId)))
        .orderBy(desc(projects.id))
        .limit(2);
      assert.equal(chosen.length, 2);
      const admin = `/t/la-ngu/admin/plans/${planId}/projects`;
      const res = await wg.post(
        `/t/la-ngu/admin/plans/${planId}/vote`,
        {
          confirmed: "1",
          title: "โครงการใดควรทำก่อน",
          areaId: String(healthArea),
          // Listed newest first, the reverse of the order they are stored in.
          projects: chosen.map((p) => String(p.id)),
        },
        { from: admin },
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const put = await db()
        .select()
        .from(projects)
        .where(
          inArray(
            projects.id,
            chosen.map((p) => p.id),
          ),
        );
      const alts = await db()
        .select()
        .from(alternatives)
        .where(eq(alternatives.questionId, put[0]!.questionId!));
      assert.equal(alts.length, 2);
      for (const p of put) {
        const alt = alts.find((a) => a.id === p.questionAlternativeId);
        assert.equal(alt?.title, p.title, `project ${p.id} names its own alternative`);
      }
      assert.notEqual(put[0]!.questionAlternativeId, put[1]!.questionAlternativeId);
    });

    test("another tambon's project is a 404 on every page and cannot be linked", async () => {
      const [theirs] = await db()
        .select()
        .from(projects)
        .where(eq(projects.tambonId, kokha))
        .limit(1);
      assert.ok(theirs, "the demo gives the other tambon projects");
      assert.equal((await rep.get(`/t/la-ngu/projects/${theirs.id}`)).statusCode, 404);
      assert.equal((await wg.get(`/t/la-ngu/admin/projects/${theirs.id}`)).statusCode, 404);
      const from = `/t/la-ngu/admin/projects/${proposedId}`;
      const status = await wg.post(
        `/t/la-ngu/admin/projects/${theirs.id}/status`,
        { status: "done" },
        { from },
      );
      assert.equal(status.statusCode, 404);
      const link = await wg.post(
        `${from}/links`,
        { otherId: String(theirs.id), kind: "overlaps" },
        { from },
      );
      assert.equal(link.statusCode, 422);
      const [still] = await db().select().from(projects).where(eq(projects.id, theirs.id));
      assert.equal(still!.status, theirs.status);
      const links = await db()
        .select()
        .from(projectLinks)
        .where(eq(projectLinks.otherId, theirs.id));
      assert.equal(links.length, 0);
    });
  });
}
