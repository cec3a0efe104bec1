import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { Client, startTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { postMultipart } from "../../../../test/helpers/multipart.ts";
import { tambons } from "../../../core/db/schema.ts";
import { writeWorkbook } from "../../../core/xlsx.ts";
import { forms } from "../schema.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A workbook whose cell text "MARK" is written in the package as `raw` (an XML escape). */
async function workbookWith(raw: string): Promise<Buffer> {
  const book = await writeWorkbook([
    {
      name: "survey",
      rows: [
        ["type", "name", "label"],
        ["text", "a", "MARK"],
      ],
    },
    { name: "choices", rows: [["list_name", "name", "label"]] },
  ]);
  const parts = unzipSync(new Uint8Array(book));
  for (const [name, data] of Object.entries(parts)) {
    const xml = strFromU8(data);
    if (xml.includes("MARK")) parts[name] = strToU8(xml.replace("MARK", raw));
  }
  return Buffer.from(zipSync(parts));
}

describe("an XLSForm whose cells hold a NUL character", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp("pglite", { demo: true });
  });
  after(async () => {
    await t?.close();
  });

  test("is refused at 422 with the form, and the draft is unchanged", async () => {
    const admin = await Client.as(t.app, "langu-admin");
    const [langu] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    const [form] = await t.database.db
      .select()
      .from(forms)
      .where(eq(forms.tambonId, langu!.id))
      .limit(1);
    const page = `/t/la-ngu/admin/community/forms/${form!.id}`;
    // Excel writes a control character as _x0000_; XML's character reference is &#0;.
    for (const raw of ["ก&#0;ข", "ก_x0000_ข"]) {
      const res = await postMultipart(
        admin,
        `${page}/xlsform`,
        {},
        { file: { filename: "form.xlsx", type: XLSX, data: await workbookWith(raw) } },
        { from: page },
      );
      assert.equal(res.statusCode, 422, raw);
      const [after] = await t.database.db
        .select()
        .from(forms)
        .where(tambonWhere(forms, langu!.id, { id: form!.id }));
      assert.deepEqual(after!.draft, form!.draft, raw);
    }
  });
});
