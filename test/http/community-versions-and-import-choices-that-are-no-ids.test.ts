import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, sql } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { formVersions, rounds, submissions } from "../../src/modules/community/schema.ts";

/** Values of an address or a form that stand for no version, form or round. */
const NOT_IDS = ["abc", "1.5", "1e999", "99999999999", "2147483648", "-1", "0", "NaN"];

/*
 * A form's preview and its XLSForm download take the version to show from the address, and the
 * import of submissions takes its form and round from the upload form. Read with Number(), a
 * value such as 1.5 or 99999999999 reached the database as an integer it refused (500).
 */
describe("community versions and import choices that are no ids answer 4xx, never a 500", () => {
  let t: TestApp;
  let admin: Client;
  let langu = 0;
  let formId = 0;
  let version = 0;
  let roundId = 0;

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const [row] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    langu = row!.id;
    const [r] = await t.database.db
      .select({ id: rounds.id, formId: rounds.formId })
      .from(rounds)
      .where(eq(rounds.tambonId, langu))
      .limit(1);
    roundId = r!.id;
    formId = r!.formId;
    const [v] = await t.database.db
      .select({ version: formVersions.version })
      .from(formVersions)
      .where(and(eq(formVersions.tambonId, langu), eq(formVersions.formId, formId)))
      .limit(1);
    version = v!.version;
    admin = await Client.as(t.app, "langu-admin");
  });
  after(async () => {
    await t?.close();
  });

  test("a preview or XLSForm of a version that is no number is a page that does not exist", async () => {
    for (const path of ["preview", "xlsform"]) {
      const base = `/t/la-ngu/admin/community/forms/${formId}/${path}`;
      assert.equal((await admin.get(`${base}?version=${version}`)).statusCode, 200, path);
      for (const bad of NOT_IDS) {
        const res = await admin.get(`${base}?version=${bad}`);
        // "0" asks for the draft, as an empty version does.
        assert.ok([200, 404].includes(res.statusCode), `${path}?version=${bad}: ${res.statusCode}`);
        if (bad !== "0") assert.equal(res.statusCode, 404, `${path}?version=${bad}`);
      }
    }
  });

  test("an import of submissions naming a form or round that is no id asks again (422)", async () => {
    const count = async () =>
      (
        await t.database.rows<{ n: number }>(
          sql`select count(*)::int as n from ${submissions} where tambon_id = ${langu}`,
        )
      )[0]!.n;
    const before = await count();
    const page = "/t/la-ngu/admin/community/imports/submissions";
    const file = {
      filename: "survey.csv",
      type: "text/csv",
      data: Buffer.from("moo,house_no,clean_water\n1,1,yes\n"),
    };
    for (const bad of NOT_IDS)
      for (const fields of [
        { form: bad, round: String(roundId) },
        { form: String(formId), round: bad },
      ]) {
        const res = await postMultipart(admin, page, fields, { file }, { from: page });
        assert.equal(res.statusCode, 422, `${JSON.stringify(fields)}: ${res.statusCode}`);
      }
    assert.equal(await count(), before, "nothing was imported");
  });
});
