import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { siteComplaintEvents, siteComplaints } from "../../src/modules/site/schema.ts";

describe("a stored value the code has no words for", () => {
  let t: TestApp;
  let complaintId = 0;
  const warnings: string[] = [];
  const onWarning = (w: Error & { code?: string }) => {
    if (w.code === "TAMBON_MISSING_TRANSLATION") warnings.push(w.message);
  };

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const [langu] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    // As an operator might leave it after editing the database by hand, or an older version
    // after a status was renamed.
    const [row] = await t.database.db
      .insert(siteComplaints)
      .values({
        tambonId: langu!.id,
        code: "RT-WEIR-D001",
        subject: "ไฟถนนดับทั้งซอย",
        details: "ดับมาสามคืนแล้ว",
        status: "weird_status" as "received",
      })
      .returning({ id: siteComplaints.id });
    complaintId = row!.id;
    await t.database.db.insert(siteComplaintEvents).values({
      tambonId: langu!.id,
      complaintId,
      status: "weird_status",
    });
    process.on("warning", onWarning);
  });
  after(async () => {
    process.off("warning", onWarning);
    await t?.close();
  });

  test("a complaint with an unknown status leaves the staff pages, the dashboard and tracking working", async () => {
    const staff = await Client.as(t.app, "langu-admin");
    for (const url of [
      "/t/la-ngu/admin/site/complaints",
      "/t/la-ngu/admin/site",
      `/t/la-ngu/admin/site/complaints/${complaintId}`,
    ]) {
      for (let load = 1; load <= 2; load++) {
        const res = await staff.get(url);
        assert.equal(res.statusCode, 200, `${url} (load ${load})`);
        assert.match(res.body, /weird_status/, `${url} shows the stored status as it is`);
        assert.match(res.body, /ไฟถนนดับทั้งซอย/, `${url} lists the complaint`);
      }
    }
    const tracked = await new Client(t.app).get("/t/la-ngu/complaints/track?code=RT-WEIR-D001");
    assert.equal(tracked.statusCode, 200, "the filer's tracking page");
    assert.match(tracked.body, /weird_status/);
    await new Promise((resolve) => setImmediate(resolve));
    const aboutWeird = warnings.filter((w) => w.includes("weird_status"));
    assert.ok(aboutWeird.length >= 1, "the unknown key is reported");
    assert.equal(new Set(aboutWeird).size, aboutWeird.length, "each key is reported once");
  });
});
