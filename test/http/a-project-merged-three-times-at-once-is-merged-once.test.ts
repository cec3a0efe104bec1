import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, isNull } from "drizzle-orm";
import { Client, auditEntries, startDemoApp, type TestApp } from "../helpers/app.ts";
import { projectUpdates, projects } from "../../src/modules/plans/schema.ts";

/*
 * A merged project cannot be merged again, but merging read the project without a lock: the same
 * form sent three times at once found it unmerged three times, and the merge was written to both
 * timelines and audited three times. The projects are now locked while one is merged; the others
 * find it merged and are refused (409, with the page saying it is merged already).
 */
describe("a project merged three times at once is merged once (postgres)", () => {
  let t: TestApp;
  let langu = 0;

  before(async () => {
    ({ t, langu } = await startDemoApp("postgres"));
  });
  after(async () => {
    await t?.close();
  });

  test("one merge is done and audited; the others are refused", async () => {
    const db = t.database.db;
    const two = await db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.tambonId, langu), isNull(projects.mergedIntoId)))
      .orderBy(asc(projects.id))
      .limit(2);
    assert.equal(two.length, 2, "the demo has two unmerged projects");
    const [from, into] = two as [{ id: number }, { id: number }];
    const updatesOf = (id: number) =>
      db
        .select({ id: projectUpdates.id })
        .from(projectUpdates)
        .where(eq(projectUpdates.projectId, id));
    const intoUpdates = (await updatesOf(into.id)).length;
    const admin = await Client.as(t.app, "langu-admin");
    const token = await admin.csrf(`/t/la-ngu/projects/${from.id}`);
    const form = {
      intoId: String(into.id),
      note: "ซ้ำกัน",
      confirmed: "1",
    };
    const answers = await admin.postAtOnce(`/t/la-ngu/admin/projects/${from.id}/merge`, form, {
      csrf: token,
    });
    const statuses = answers.map((a) => a.statusCode).sort();
    assert.deepEqual(statuses, [303, 409, 409], statuses.join(", "));
    for (const a of answers.filter((a) => a.statusCode === 409))
      assert.match(a.body, /โครงการนี้ถูกรวมไปแล้ว/, "the refusal says why");
    const merges = await auditEntries(db, langu, "project.merge", from.id);
    assert.equal(merges.length, 1, "merged once");
    assert.equal((await updatesOf(into.id)).length, intoUpdates + 1, "one line on its timeline");
    // Merged again later: the same page, in the person's language.
    const again = await admin.post(`/t/la-ngu/admin/projects/${from.id}/merge`, form, {
      from: `/t/la-ngu/projects/${from.id}`,
    });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /โครงการนี้ถูกรวมไปแล้ว/);
    await admin.get("/lang?to=en");
    const english = await admin.post(`/t/la-ngu/admin/projects/${from.id}/merge`, form, {
      from: `/t/la-ngu/projects/${from.id}`,
    });
    assert.equal(english.statusCode, 409);
    assert.match(english.body, /This project is already merged/);
  });
});
