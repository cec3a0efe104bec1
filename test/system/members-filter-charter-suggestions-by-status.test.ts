import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { charterComments, charterEditions } from "../../src/modules/charter/schema.ts";

for (const kind of DB_KINDS) {
  describe(`members filter a long list of charter comments by status on ${kind}`, () => {
    let t: TestApp;
    let editionId = 0;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      const [e] = await db
        .select()
        .from(charterEditions)
        .where(and(eq(charterEditions.tambonId, tb!.id), eq(charterEditions.status, "hearing")));
      editionId = e!.id;
      const row = (i: number) => ({
        tambonId: tb!.id,
        editionId,
        versionId: e!.currentVersionId!,
        target: "general" as const,
        kind: "comment" as const,
        body: `ความเห็นทั่วไปลำดับ ${i}`,
        authorName: `ผู้ให้ความเห็น ${i}`,
        phase: "hearing" as const,
      });
      await db.insert(charterComments).values(Array.from({ length: 120 }, (_, i) => row(i)));
      await db.insert(charterComments).values({
        ...row(999),
        kind: "suggestion",
        body: "ข้อเสนอที่ถูกปฏิเสธท้ายรายการ",
        proposedText: "ข้อความใหม่",
        status: "declined",
        reason: "ซ้ำกับข้อ 3",
      });
    });
    after(async () => {
      await t?.close();
    });

    test("a declined suggestion after a hundred comments is on the first page of the declined filter", async () => {
      const page = await new Client(t.app).get(
        `/t/la-ngu/charter-editions/${editionId}/comments?status=declined`,
      );
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /ข้อเสนอที่ถูกปฏิเสธท้ายรายการ/);
      assert.doesNotMatch(page.body, /ความเห็นทั่วไปลำดับ/);
      const all = await new Client(t.app).get(`/t/la-ngu/charter-editions/${editionId}/comments`);
      assert.match(all.body, /ความเห็นทั่วไปลำดับ 0/);
      assert.match(all.body, /comments\?page=2/);
    });
  });
}
