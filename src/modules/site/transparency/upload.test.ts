import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { postMultipart } from "../../../../test/helpers/multipart.ts";
import { tambons } from "../../../core/db/schema.ts";
import { itaItems } from "../schema.ts";
import { parseItaList } from "./commands.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

test("an ITA list whose text holds a NUL character is not a list", () => {
  const item = { item: "O1", group: "1", groupTitle: "ข้อมูลพื้นฐาน", title: "โครงสร้าง" };
  assert.ok(parseItaList({ fiscalYearBE: 2569, items: [item] }));
  for (const field of ["item", "group", "groupTitle", "title"] as const)
    assert.equal(
      parseItaList({ fiscalYearBE: 2569, items: [{ ...item, [field]: "a\u0000b" }] }),
      null,
      field,
    );
});

describe("a transparency list uploaded with a NUL character", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp("pglite", { demo: true });
  });
  after(async () => {
    await t?.close();
  });

  test("is refused at 422 with the form, and nothing is stored", async () => {
    const staff = await Client.as(t.app, "langu-admin");
    const from = "/t/la-ngu/admin/site/transparency";
    const list = { fiscalYearBE: 2569, items: [{ item: "O1", title: "โครงสร้าง\u0000" }] };
    const res = await postMultipart(
      staff,
      from,
      {},
      {
        file: {
          filename: "ita.json",
          type: "application/json",
          data: Buffer.from(JSON.stringify(list)),
        },
      },
      { from },
    );
    assert.equal(res.statusCode, 422);
    const [langu] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    const rows = await t.database.db
      .select()
      .from(itaItems)
      .where(tambonWhere(itaItems, langu!.id, { fiscalYear: 2569 }));
    assert.equal(rows.length, 0);
  });
});
