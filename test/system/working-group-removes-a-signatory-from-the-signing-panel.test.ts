import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { charterEditions, charterSignatories } from "../../src/modules/charter/schema.ts";

for (const kind of DB_KINDS) {
  describe(`the working group removes a signatory from the signing panel on ${kind}`, () => {
    let t: TestApp;
    let wg: Client;
    let editionId = 0;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      const [e] = await t.database.db
        .select()
        .from(charterEditions)
        .where(and(eq(charterEditions.tambonId, tb!.id), eq(charterEditions.status, "adopted")));
      editionId = e!.id;
      wg = await Client.as(t.app, "langu-wg");
    });
    after(async () => {
      await t?.close();
    });

    test("the delete button of a signatory posts to the tambon's delete route, which removes it", async () => {
      const page = await wg.get(`/t/la-ngu/admin/charter-editions/${editionId}`);
      assert.equal(page.statusCode, 200);
      const action = /<form method="post" action="([^"]*charter-signatories\/(\d+)\/delete)"/.exec(
        page.body,
      );
      assert.ok(action, "the signing panel lists a signatory with its delete button");
      assert.equal(action[1], `/t/la-ngu/charter-signatories/${action[2]}/delete`);
      const id = Number(action[2]);
      const res = await wg.post(action[1]!, { confirmed: "1" });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/t/la-ngu/admin/charter-editions/${editionId}#h-signing`);
      const left = await t.database.db
        .select()
        .from(charterSignatories)
        .where(eq(charterSignatories.id, id));
      assert.equal(left.length, 0);
    });
  });
}
