import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { auditLog, storedFiles, tambons, villages } from "../../src/core/db/schema.ts";
import { putFile } from "../../src/core/file-store.ts";
import { listClauses, type ClauseRef } from "../../src/modules/charter/public.ts";
import { listAdoptedResolutions, listMeetings } from "../../src/modules/groups/public.ts";
import {
  planEditions,
  plans,
  projectFiles,
  projectMilestones,
  projectUpdates,
  projects,
  villageFigures,
} from "../../src/modules/plans/schema.ts";

for (const kind of DB_KINDS) {
  describe(`staff keep a project's milestones, photos, documents and clauses (${kind})`, () => {
    let t: TestApp;
    let langu = 0;
    let kokha = 0;
    let planId = 0;
    let projectId = 0;
    let foreignProject = 0;
    let foreignMilestone = 0;
    let foreignFile = 0;
    let milestoneId = 0;
    let wg: Client;
    const db = () => t.database.db;
    const admin = () => `/t/la-ngu/admin/projects/${projectId}`;
    const audits = (action: string) =>
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tambonId, langu), eq(auditLog.action, action)))
        .orderBy(desc(auditLog.id));

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
      const [p] = await db()
        .select()
        .from(projects)
        .where(and(eq(projects.tambonId, langu), eq(projects.planId, planId)))
        .orderBy(asc(projects.seq))
        .limit(1);
      projectId = p!.id;
      const [fp] = await db().select().from(projects).where(eq(projects.tambonId, kokha)).limit(1);
      foreignProject = fp!.id;
      const [fm] = await db()
        .insert(projectMilestones)
        .values({
          tambonId: kokha,
          projectId: foreignProject,
          title: "ของตำบลอื่น",
          dueOn: "2025-01-01",
        })
        .returning();
      foreignMilestone = fm!.id;
      const stored = await putFile(db(), {
        tambonId: kokha,
        kind: "project.document",
        contentType: "application/pdf",
        data: Buffer.from("%PDF-1.4 other tambon"),
        name: "other.pdf",
      });
      const [ff] = await db()
        .insert(projectFiles)
        .values({
          tambonId: kokha,
          projectId: foreignProject,
          kind: "document",
          name: "other.pdf",
          mime: "application/pdf",
          bytes: 21,
          fileId: stored.id,
        })
        .returning();
      foreignFile = ff!.id;
      wg = await Client.as(t.app, "langu-wg");
    });
    after(async () => {
      await t?.close();
    });

    test("a milestone is added, edited with a B.E. due day, ticked, unticked and deleted", async () => {
      const added = await wg.post(
        `${admin()}/milestones`,
        { title: "ประชุมชี้แจง", dueOn__d: "15", dueOn__m: "1", dueOn__y: "2568", note: "" },
        { from: admin() },
      );
      assert.equal(added.statusCode, 303);
      const [m] = await db()
        .select()
        .from(projectMilestones)
        .where(
          and(eq(projectMilestones.tambonId, langu), eq(projectMilestones.projectId, projectId)),
        )
        .orderBy(desc(projectMilestones.id))
        .limit(1);
      milestoneId = m!.id;
      assert.equal(m!.dueOn, "2025-01-15");

      const bad = await wg.post(
        `/t/la-ngu/admin/milestones/${milestoneId}`,
        { title: "", dueOn__d: "31", dueOn__m: "2", dueOn__y: "2568" },
        { from: admin() },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /กรุณากรอกช่องนี้/);
      assert.match(bad.body, /วันที่ไม่ถูกต้อง/);

      const edited = await wg.post(
        `/t/la-ngu/admin/milestones/${milestoneId}`,
        {
          title: "ประชุมชี้แจงหมู่บ้าน",
          dueOn__d: "20",
          dueOn__m: "2",
          dueOn__y: "2568",
          note: "ทุกหมู่บ้าน",
          projectId: String(foreignProject),
          tambonId: String(kokha),
        },
        { from: admin() },
      );
      assert.equal(edited.statusCode, 303);
      let [row] = await db()
        .select()
        .from(projectMilestones)
        .where(eq(projectMilestones.id, milestoneId));
      assert.equal(row!.title, "ประชุมชี้แจงหมู่บ้าน");
      assert.equal(row!.dueOn, "2025-02-20");
      assert.equal(row!.projectId, projectId, "forged project id ignored");
      assert.equal(row!.tambonId, langu, "forged tambon id ignored");

      const future = await wg.post(
        `/t/la-ngu/admin/milestones/${milestoneId}/done`,
        { doneOn__d: "1", doneOn__m: "1", doneOn__y: "2700", note: "" },
        { from: admin() },
      );
      assert.equal(future.statusCode, 422);
      assert.match(future.body, /วันที่เสร็จต้องไม่เกินวันนี้/);

      const done = await wg.post(
        `/t/la-ngu/admin/milestones/${milestoneId}/done`,
        { doneOn__d: "21", doneOn__m: "2", doneOn__y: "2568", note: "คนมาครบ" },
        { from: admin() },
      );
      assert.equal(done.statusCode, 303);
      [row] = await db()
        .select()
        .from(projectMilestones)
        .where(eq(projectMilestones.id, milestoneId));
      assert.equal(row!.doneOn, "2025-02-21");
      const [entry] = await db()
        .select()
        .from(projectUpdates)
        .where(eq(projectUpdates.projectId, projectId))
        .orderBy(desc(projectUpdates.id))
        .limit(1);
      assert.match(entry!.note, /ประชุมชี้แจงหมู่บ้าน — คนมาครบ/);
      assert.equal((await audits("project.milestone.done")).length, 1);

      const page = await new Client(t.app).get(`/t/la-ngu/projects/${projectId}`);
      assert.match(page.body, /ประชุมชี้แจงหมู่บ้าน/);
      assert.match(page.body, /milestone-state done/);
      assert.match(page.body, /21 ก\.พ\. 2568|21 กุมภาพันธ์ 2568/);

      const undone = await wg.post(
        `/t/la-ngu/admin/milestones/${milestoneId}/undone`,
        {},
        { from: admin() },
      );
      assert.equal(undone.statusCode, 303);
      [row] = await db()
        .select()
        .from(projectMilestones)
        .where(eq(projectMilestones.id, milestoneId));
      assert.equal(row!.doneOn, null);

      const gone = await wg.post(
        `/t/la-ngu/admin/milestones/${milestoneId}/delete`,
        { confirmed: "1" },
        { from: admin() },
      );
      assert.equal(gone.statusCode, 303);
      assert.equal(
        (await db().select().from(projectMilestones).where(eq(projectMilestones.id, milestoneId)))
          .length,
        0,
      );
      assert.equal((await audits("project.milestone.delete")).length, 1);
    });

    test("a photo is re-encoded with a thumbnail, captioned, shown in the gallery and deleted with its bytes", async () => {
      const jpeg = await sharp({
        create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } },
      })
        .withMetadata({ exif: { IFD0: { Copyright: "secret-gps" } } })
        .jpeg()
        .toBuffer();
      const added = await postMultipart(
        wg,
        `${admin()}/files`,
        { caption: "วันเปิดโครงการ", tambonId: String(kokha) },
        { file: { filename: "open.jpg", type: "image/jpeg", data: jpeg } },
        { from: admin() },
      );
      assert.equal(added.statusCode, 303);
      const [f] = await db()
        .select()
        .from(projectFiles)
        .where(and(eq(projectFiles.tambonId, langu), eq(projectFiles.projectId, projectId)));
      assert.equal(f!.kind, "photo");
      assert.equal(f!.caption, "วันเปิดโครงการ");
      assert.ok(f!.thumbFileId);
      const [stored] = await db().select().from(storedFiles).where(eq(storedFiles.id, f!.fileId));
      assert.equal(stored!.tambonId, langu);
      assert.ok(!stored!.data.includes(Buffer.from("secret-gps")), "metadata removed");

      const page = await new Client(t.app).get(`/t/la-ngu/projects/${projectId}`);
      assert.match(page.body, /project-gallery/);
      assert.match(page.body, new RegExp(`/t/la-ngu/project-files/${f!.id}/thumb`));
      const served = await new Client(t.app).get(`/t/la-ngu/project-files/${f!.id}`);
      assert.equal(served.statusCode, 200);
      assert.match(String(served.headers["content-type"]), /^image\//);

      const captioned = await wg.post(
        `/t/la-ngu/admin/project-files/${f!.id}`,
        { caption: "ภาพหมู่", position: "3" },
        { from: admin() },
      );
      assert.equal(captioned.statusCode, 303);
      const badOrder = await wg.post(
        `/t/la-ngu/admin/project-files/${f!.id}`,
        { caption: "x", position: "สาม" },
        { from: admin() },
      );
      assert.equal(badOrder.statusCode, 422);
      assert.match(badOrder.body, /ต้องอยู่ระหว่าง 0 ถึง 9999/);

      const deleted = await wg.post(
        `/t/la-ngu/admin/project-files/${f!.id}/delete`,
        { confirmed: "1" },
        { from: admin() },
      );
      assert.equal(deleted.statusCode, 303);
      assert.equal(
        (await db().select().from(projectFiles).where(eq(projectFiles.id, f!.id))).length,
        0,
      );
      assert.equal(
        (await db().select().from(storedFiles).where(eq(storedFiles.id, f!.fileId))).length,
        0,
      );
      assert.equal(
        (await db().select().from(storedFiles).where(eq(storedFiles.id, f!.thumbFileId!))).length,
        0,
      );
      assert.equal((await audits("project.file.delete")).length, 1);
    });

    test("a PDF is kept as a download; a non-image or an oversized file is refused with a clear message", async () => {
      const pdf = await postMultipart(
        wg,
        `${admin()}/files`,
        { caption: "รายงานผล" },
        {
          file: {
            filename: "report.pdf",
            type: "application/pdf",
            data: Buffer.from("%PDF-1.4 report"),
          },
        },
        { from: admin() },
      );
      assert.equal(pdf.statusCode, 303);
      const [f] = await db()
        .select()
        .from(projectFiles)
        .where(and(eq(projectFiles.projectId, projectId), eq(projectFiles.kind, "document")));
      const served = await new Client(t.app).get(`/t/la-ngu/project-files/${f!.id}`);
      assert.match(String(served.headers["content-disposition"]), /^attachment/);

      const exe = await postMultipart(
        wg,
        `${admin()}/files`,
        { caption: "" },
        {
          file: { filename: "photo.jpg", type: "image/jpeg", data: Buffer.from("MZ not a photo") },
        },
        { from: admin() },
      );
      assert.equal(exe.statusCode, 422);
      assert.match(exe.body, /รับเฉพาะภาพ JPEG, PNG, WebP/);

      const big = Buffer.alloc(8 * 1024 * 1024 + 100, 0x20);
      Buffer.from("%PDF-").copy(big);
      const tooBig = await postMultipart(
        wg,
        `${admin()}/files`,
        { caption: "ใหญ่" },
        { file: { filename: "big.pdf", type: "application/pdf", data: big } },
        { from: admin() },
      );
      assert.equal(tooBig.statusCode, 422);
      assert.match(tooBig.body, /ใหญ่เกินไป \(ไม่เกิน 8 MB\)/);
      assert.equal(
        (await db().select().from(projectFiles).where(eq(projectFiles.projectId, projectId)))
          .length,
        1,
        "nothing kept of refused files",
      );
    });

    test("a project is linked to a clause of the charter in force, shown on both pages, and unlinked", async () => {
      const clauses: ClauseRef[] = await listClauses(db(), langu);
      assert.ok(clauses.length > 0, "the demo charter has clauses");
      const [project] = await db().select().from(projects).where(eq(projects.id, projectId));
      // A clause the project is not linked to yet.
      const page0 = await wg.get(admin());
      const clause = clauses.find((c) =>
        page0.body.includes(`value="${c.charterId}:${c.clauseKey}"`),
      )!;
      assert.ok(clause);
      const value = `${clause.charterId}:${clause.clauseKey}`;
      const unknown = await wg.post(
        `${admin()}/clauses`,
        { clause: "999999:1" },
        { from: admin() },
      );
      assert.equal(unknown.statusCode, 422);
      const linked = await wg.post(`${admin()}/clauses`, { clause: value }, { from: admin() });
      assert.equal(linked.statusCode, 303);
      const publicPage = await new Client(t.app).get(`/t/la-ngu/projects/${projectId}`);
      assert.match(publicPage.body, new RegExp(clause.href.replace(/[?]/g, "\\?")));
      const clausePage = await new Client(t.app).get(clause.href);
      assert.match(clausePage.body, new RegExp(`href="/t/la-ngu/projects/${projectId}"`));
      assert.ok(clausePage.body.includes(project!.title));
      assert.equal((await audits("project.linkClause")).length, 1);

      const unlinked = await wg.post(
        `${admin()}/clauses/unlink`,
        { clause: value },
        { from: admin() },
      );
      assert.equal(unlinked.statusCode, 303);
      const shown = await new Client(t.app).get(`/t/la-ngu/projects/${projectId}`);
      assert.doesNotMatch(shown.body, new RegExp(clause.href.replace(/[?]/g, "\\?")));
      assert.equal((await audits("project.unlinkClause")).length, 1);
    });

    test("another tambon's project, milestone and file are 404 on every page and form", async () => {
      assert.equal((await wg.get(`/t/la-ngu/admin/projects/${foreignProject}`)).statusCode, 404);
      const csrf = await wg.csrf(admin());
      for (const url of [
        `/t/la-ngu/admin/milestones/${foreignMilestone}`,
        `/t/la-ngu/admin/milestones/${foreignMilestone}/done`,
        `/t/la-ngu/admin/milestones/${foreignMilestone}/undone`,
        `/t/la-ngu/admin/milestones/${foreignMilestone}/delete`,
        `/t/la-ngu/admin/project-files/${foreignFile}`,
        `/t/la-ngu/admin/project-files/${foreignFile}/delete`,
        `/t/la-ngu/admin/projects/${foreignProject}/clauses`,
      ])
        assert.equal(
          (await wg.post(url, { confirmed: "1", title: "x", caption: "x" }, { csrf })).statusCode,
          404,
          url,
        );
      assert.equal((await wg.get(`/t/la-ngu/project-files/${foreignFile}`)).statusCode, 404);
      const [m] = await db()
        .select()
        .from(projectMilestones)
        .where(eq(projectMilestones.id, foreignMilestone));
      assert.equal(m!.title, "ของตำบลอื่น");
      assert.equal(
        (await db().select().from(projectFiles).where(eq(projectFiles.id, foreignFile))).length,
        1,
      );
    });

    test("village figures are entered for a fiscal year all or nothing, with an error per cell", async () => {
      const vs = await db()
        .select()
        .from(villages)
        .where(eq(villages.tambonId, langu))
        .orderBy(asc(villages.moo));
      const [other] = await db()
        .select()
        .from(villages)
        .where(eq(villages.tambonId, kokha))
        .limit(1);
      const url = "/t/la-ngu/admin/plans/villages";
      const dist = await wg.get(`/t/la-ngu/plans/${planId}/distribution`);
      assert.match(dist.body, /href="\/t\/la-ngu\/admin\/plans\/villages"/);
      const grid = await wg.get(`${url}?year=2568`);
      assert.equal(grid.statusCode, 200);
      assert.match(grid.body, new RegExp(`name="people_${vs[0]!.id}"`));
      const bad = await wg.post(
        url,
        {
          year: "2568",
          [`people_${vs[0]!.id}`]: "1,200",
          [`households_${vs[0]!.id}`]: "สามร้อย",
          [`people_${vs[1]!.id}`]: "2000000",
        },
        { from: `${url}?year=2568` },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /กรุณากรอกตัวเลขจำนวนเต็ม/);
      assert.match(bad.body, /ต้องอยู่ระหว่าง 0 ถึง 1000000/);
      assert.match(bad.body, /value="1,200"/, "what was typed is kept");
      const none = await db()
        .select()
        .from(villageFigures)
        .where(and(eq(villageFigures.tambonId, langu), eq(villageFigures.fiscalYear, 2568)));
      assert.equal(none.length, 0, "nothing saved when a cell is wrong");

      const good = await wg.post(
        url,
        {
          year: "2568",
          [`people_${vs[0]!.id}`]: "1,200",
          [`households_${vs[0]!.id}`]: "๓๐๐",
          [`people_${vs[1]!.id}`]: "800",
          [`people_${other!.id}`]: "5",
          tambonId: String(kokha),
        },
        { from: `${url}?year=2568` },
      );
      assert.equal(good.statusCode, 303);
      const saved = await db()
        .select()
        .from(villageFigures)
        .where(and(eq(villageFigures.tambonId, langu), eq(villageFigures.fiscalYear, 2568)))
        .orderBy(asc(villageFigures.id));
      assert.deepEqual(
        saved.map((r) => [r.villageId, r.people, r.households]).sort(),
        [
          [vs[0]!.id, 1200, 300],
          [vs[1]!.id, 800, null],
        ].sort(),
      );
      assert.equal(
        (await db().select().from(villageFigures).where(eq(villageFigures.villageId, other!.id)))
          .length,
        0,
        "another tambon's village is ignored",
      );
      assert.equal((await audits("plan.villageFigures")).length, 1);
      const anonymous = await new Client(t.app).get(url);
      assert.notEqual(anonymous.statusCode, 200, "only staff enter figures");
    });

    test("an edition's resolution must belong to its meeting; pickers group by year and meeting", async () => {
      const adopted = await listAdoptedResolutions(db(), langu, { limit: 50 });
      const meetings = await listMeetings(db(), langu, { limit: 50 });
      assert.ok(
        adopted.length > 0 && meetings.length > 1,
        "the demo has meetings with resolutions",
      );
      const r = adopted[0]!;
      const otherMeeting = meetings.find((m) => m.id !== r.meetingId)!;
      const page = await wg.get(`/t/la-ngu/admin/plans/${planId}`);
      assert.match(page.body, /<optgroup label="ปีงบประมาณ \d{4}">/);
      const picked = await wg.post(
        `/t/la-ngu/admin/plans/${planId}/editions`,
        { pick: "1", kind: "additional", meetingId: String(otherMeeting.id) },
        { from: `/t/la-ngu/admin/plans/${planId}` },
      );
      assert.equal(picked.statusCode, 200);
      const picker = /<select id="f-e-resolutionId"[\s\S]*?<\/select>/.exec(picked.body)?.[0] ?? "";
      assert.match(picker, /<select/);
      assert.doesNotMatch(picker, new RegExp(`<option value="${r.id}"`), "only that meeting's");
      const before = await db().select().from(planEditions).where(eq(planEditions.planId, planId));
      const wrong = await wg.post(
        `/t/la-ngu/admin/plans/${planId}/editions`,
        {
          kind: "additional",
          reason: "เพิ่มโครงการ",
          approvedOn__d: "1",
          approvedOn__m: "3",
          approvedOn__y: "2568",
          meetingId: String(otherMeeting.id),
          resolutionId: String(r.id),
        },
        { from: `/t/la-ngu/admin/plans/${planId}` },
      );
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /มตินี้ไม่ได้มาจากการประชุมที่เลือก/);
      const after = await db().select().from(planEditions).where(eq(planEditions.planId, planId));
      assert.equal(after.length, before.length);
    });

    test("a new plan's page in the administration says it has no strategies yet", async () => {
      const created = await wg.post(
        "/t/la-ngu/admin/plans",
        { title: "แผนพัฒนาที่ยังว่าง", firstYear: "2571", years: "5", status: "draft" },
        { from: "/t/la-ngu/admin/plans" },
      );
      assert.equal(created.statusCode, 303, created.body.slice(0, 300));
      const page = await wg.get(String(created.headers.location));
      assert.equal(page.statusCode, 200);
      const strategies = /<h2 id="strategies">[\s\S]*?<h3>/.exec(page.body)?.[0] ?? "";
      assert.match(strategies, /ยังไม่มียุทธศาสตร์/);
      assert.doesNotMatch(page.body, /ยังไม่มีโครงการ/);
    });
  });
}
