import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, ne } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { auditLog, tambons } from "../../src/core/db/schema.ts";
import { agreementParties, agreements } from "../../src/modules/network/schema.ts";

/*
 * A signed agreement keeps at least two parties. Two of its three parties removed at once each
 * counted three parties before the other's removal and both went, leaving one; the same party
 * removed twice at once was removed and audited twice. The agreement is now locked while a party
 * is removed.
 */
describe("parties of a signed agreement removed at once leave two (postgres)", () => {
  let t: TestApp;
  let admin: Client;
  let agreementId = 0;
  let langu = 0;

  before(async () => {
    t = await startTestApp("postgres", { demo: true });
    const db = t.database.db;
    const [row] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    langu = row!.id;
    const [signed] = await db
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.tambonId, langu), ne(agreements.status, "draft")))
      .limit(1);
    assert.ok(signed, "the demo has a signed agreement");
    agreementId = signed.id;
    // Three parties exactly.
    const parties = await db
      .select()
      .from(agreementParties)
      .where(eq(agreementParties.agreementId, agreementId));
    assert.ok(parties.length >= 1);
    for (let i = parties.length; i < 3; i++) {
      const { id: _id, ...copy } = parties[0]!;
      await db.insert(agreementParties).values({ ...copy, nameTh: `ภาคีทดสอบ ${i}` });
    }
    admin = await Client.as(t.app, "langu-admin");
  });
  after(async () => {
    await t?.close();
  });

  const partiesOf = () =>
    t.database.db
      .select({ id: agreementParties.id })
      .from(agreementParties)
      .where(eq(agreementParties.agreementId, agreementId));

  /** Posts the removal of each party at once. */
  async function removeAtOnce(partyIds: number[]) {
    const token = await admin.csrf(`/t/la-ngu/admin/network/agreements/${agreementId}`);
    return Promise.all(
      partyIds.map((partyId) =>
        t.app.inject({
          method: "POST",
          url: `/t/la-ngu/admin/network/agreements/${agreementId}/parties/${partyId}/delete`,
          remoteAddress: admin.ip,
          headers: {
            cookie: admin.cookieHeader(),
            "content-type": "application/x-www-form-urlencoded",
          },
          payload: new URLSearchParams({ _csrf: token, confirmed: "1" }).toString(),
        }),
      ),
    );
  }

  test("two of three parties removed at once: one goes, two stay", async () => {
    const parties = await partiesOf();
    assert.ok(parties.length >= 3, `${parties.length} parties`);
    const keep = parties.length - 2;
    const answers = await removeAtOnce(parties.slice(0, keep + 1).map((p) => p.id));
    for (const a of answers) assert.ok(a.statusCode < 500, `answered ${a.statusCode}`);
    assert.equal((await partiesOf()).length, 2, "two parties stay");
  });

  test("the same party removed three times at once is removed and audited once", async () => {
    const db = t.database.db;
    const [extra] = await db
      .insert(agreementParties)
      .values({
        ...(await db
          .select()
          .from(agreementParties)
          .where(eq(agreementParties.agreementId, agreementId))
          .limit(1)
          .then(([p]) => {
            const { id: _id, ...copy } = p!;
            return copy;
          })),
        nameTh: "ภาคีที่ถูกลบ",
      })
      .returning({ id: agreementParties.id });
    const audited = async () =>
      (
        await db
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(and(eq(auditLog.tambonId, langu), eq(auditLog.action, "agreement.party.remove")))
      ).length;
    const before = await audited();
    const answers = await removeAtOnce([extra!.id, extra!.id, extra!.id]);
    for (const a of answers) assert.ok(a.statusCode < 500, `answered ${a.statusCode}`);
    assert.equal(await audited(), before + 1, "one removal is audited");
  });
});
