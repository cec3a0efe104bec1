import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, isNotNull } from "drizzle-orm";
import { Client, auditEntries, startDemoApp, type TestApp } from "../helpers/app.ts";
import { forms, formVersions } from "../../src/modules/community/schema.ts";

/*
 * Publishing a form's draft adds a version. The form is locked while it is published, but the
 * same form sent three times at once waited and then published the same draft again: three
 * identical versions. A publication now adds no version when the draft is already the latest one.
 */
describe("a form published three times at once is published once (postgres)", () => {
  let t: TestApp;
  let langu = 0;

  before(async () => {
    ({ t, langu } = await startDemoApp("postgres"));
  });
  after(async () => {
    await t?.close();
  });

  test("one new version and one audit entry; every answer goes back to the form", async () => {
    const db = t.database.db;
    const [form] = await db
      .select({ id: forms.id, title: forms.title })
      .from(forms)
      .where(and(eq(forms.tambonId, langu), isNotNull(forms.currentVersion)))
      .limit(1);
    assert.ok(form, "the demo has a published form");
    // A change to the draft, so that there is something to publish.
    await db
      .update(forms)
      .set({ title: `${form.title} (ฉบับปรับปรุง)` })
      .where(eq(forms.id, form.id));
    const versionsOf = () =>
      db.select({ id: formVersions.id }).from(formVersions).where(eq(formVersions.formId, form.id));
    const published = () => auditEntries(db, langu, "community.form.publish", form.id);
    const before = (await versionsOf()).length;
    const auditedBefore = (await published()).length;
    const admin = await Client.as(t.app, "langu-admin");
    const page = `/t/la-ngu/admin/community/forms/${form.id}`;
    const token = await admin.csrf(page);
    const answers = await admin.postAtOnce(`${page}/publish`, { confirmed: "1" }, { csrf: token });
    const statuses = answers.map((a) => a.statusCode);
    assert.deepEqual(statuses, [303, 303, 303], statuses.join(", "));
    assert.equal((await versionsOf()).length, before + 1, "one new version");
    assert.equal((await published()).length, auditedBefore + 1, "published once");
  });
});
