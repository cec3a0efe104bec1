import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { auditLog, tambons } from "../../src/core/db/schema.ts";
import { writeWorkbook } from "../../src/core/xlsx.ts";
import { forms, formVersions } from "../../src/modules/community/schema.ts";
import type { FormDefinition } from "../../src/modules/community/forms/definition.ts";

const BASE = "/t/la-ngu/admin/community/forms";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

for (const kind of DB_KINDS) {
  describe(`community forms builder (${kind})`, () => {
    let t: TestApp;
    let langu: number;
    let formId: number;
    let admin: Client;
    const draft = async () => {
      const [row] = await t.database.db.select().from(forms).where(eq(forms.id, formId));
      return row!;
    };
    const versions = () =>
      t.database.db
        .select()
        .from(formVersions)
        .where(eq(formVersions.formId, formId))
        .orderBy(asc(formVersions.version));

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const all = await t.database.db.select().from(tambons);
      langu = all.find((x) => x.slug === "la-ngu")!.id;
      admin = await Client.as(t.app, "langu-admin");
    });
    after(async () => {
      await t?.close();
    });

    test("a health volunteer may not use the builder", async () => {
      const osm = await Client.as(t.app, "langu-osm");
      assert.equal((await osm.get(BASE)).statusCode, 403);
    });

    test("an admin builds a form with a repeat and skip logic, publishes, edits, publishes again", async () => {
      assert.equal((await admin.get(BASE)).statusCode, 200);
      const created = await admin.post(BASE, {
        title: "สำรวจการสูบบุหรี่",
        description: "ทดสอบ",
        level: "household",
        tambonId: "999",
      });
      assert.equal(created.statusCode, 303);
      formId = Number(/\/forms\/(\d+)$/.exec(String(created.headers.location))![1]);
      const page = `${BASE}/${formId}`;
      assert.equal((await draft()).tambonId, langu);

      const add = (fields: Record<string, string>) =>
        admin.post(`${page}/items`, fields, { from: page });
      assert.equal(
        (
          await add({
            kind: "question",
            type: "yesno",
            name: "any_smoker",
            label_th: "มีคนสูบบุหรี่",
            required: "yes",
          })
        ).statusCode,
        303,
      );
      assert.equal(
        (await add({ kind: "repeat", name: "members", label_th: "สมาชิก", max_count: "20" }))
          .statusCode,
        303,
      );
      assert.equal(
        (
          await add({
            kind: "question",
            type: "integer",
            name: "age",
            label_th: "อายุ",
            min: "0",
            max: "120",
            parent: "members",
          })
        ).statusCode,
        303,
      );
      assert.equal(
        (
          await add({
            kind: "question",
            type: "select_one",
            name: "smokes",
            label_th: "สูบบุหรี่",
            parent: "members",
            relevant: "${age} >= 15 and ${any_smoker} = 'yes'",
            choices: "daily = ทุกวัน | Daily\nsome = บางวัน",
          })
        ).statusCode,
        303,
      );
      const before = await draft();
      const bad = await add({
        kind: "question",
        type: "integer",
        name: "cigs",
        label_th: "กี่มวน",
        relevant: "${smokes} = = 'daily'",
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /ตำแหน่งที่ 13: ต้องการ/);
      assert.deepEqual((await draft()).draft, before.draft);
      const unknown = await add({
        kind: "question",
        type: "text",
        name: "x",
        label_th: "x",
        constraint: "${nobody} > 1",
      });
      assert.equal(unknown.statusCode, 422);
      assert.match(unknown.body, /ไม่มีคำถามชื่อ &#39;nobody&#39;|ไม่มีคำถามชื่อ 'nobody'/);

      const def = (await draft()).draft;
      const members = def.items.find((i) => i.name === "members");
      assert.equal(members?.kind, "repeat");
      assert.deepEqual(members?.kind === "repeat" && members.items.map((i) => i.name), [
        "age",
        "smokes",
      ]);
      assert.deepEqual(def.choices.smokes, [
        { name: "daily", label: { th: "ทุกวัน", en: "Daily" } },
        { name: "some", label: { th: "บางวัน" } },
      ]);

      assert.equal(
        (await admin.post(`${page}/publish`, { confirmed: "1" }, { from: page })).statusCode,
        303,
      );
      const v1 = structuredClone((await versions())[0]!.definition);
      assert.equal((await draft()).currentVersion, 1);

      // Edit the draft: rename a label and move a question up, then publish version 2.
      const edit = `${page}/items/any_smoker`;
      const saved = await admin.post(
        edit,
        { type: "yesno", name: "any_smoker", label_th: "มีสมาชิกสูบบุหรี่", required: "yes", parent: "" },
        { from: edit },
      );
      assert.equal(saved.statusCode, 303);
      assert.equal(
        (await admin.post(`${page}/items/members/move`, { dir: "up" }, { from: page })).statusCode,
        303,
      );
      assert.deepEqual(
        (await draft()).draft.items.map((i) => i.name),
        ["members", "any_smoker"],
      );
      assert.equal(
        (await admin.post(`${page}/publish`, { confirmed: "1" }, { from: page })).statusCode,
        303,
      );
      const vs = await versions();
      assert.equal(vs.length, 2);
      assert.deepEqual(vs[0]!.definition, v1);
      assert.equal(vs[1]!.definition.items[1]!.label.th, "มีสมาชิกสูบบุหรี่");

      const preview = await admin.get(`${page}/preview?version=1`);
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /มีคนสูบบุหรี่/);
      const audits = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tambonId, langu), eq(auditLog.action, "community.form.publish")));
      assert.equal(audits.length, 2);
    });

    test("an XLSForm with an unsupported type is refused by row; a downloaded one re-uploads unchanged", async () => {
      const page = `${BASE}/${formId}`;
      const before = (await draft()).draft;
      const bad = await writeWorkbook([
        {
          name: "survey",
          rows: [
            ["type", "name", "label"],
            ["text", "a", "ก"],
            ["rank", "r", "จัดอันดับ"],
          ],
        },
        { name: "choices", rows: [["list_name", "name", "label"]] },
      ]);
      const refused = await postMultipart(
        admin,
        `${page}/xlsform`,
        {},
        { file: { filename: "bad.xlsx", type: XLSX, data: bad } },
        { from: page },
      );
      assert.equal(refused.statusCode, 422);
      assert.match(
        refused.body,
        /แถว 3 ชีต survey: ชนิด &#39;rank&#39; ไม่รองรับ|แถว 3 ชีต survey: ชนิด 'rank' ไม่รองรับ/,
      );
      assert.deepEqual((await draft()).draft, before);

      const down = await admin.get(`${page}/xlsform`);
      assert.equal(down.statusCode, 200);
      assert.match(String(down.headers["content-type"]), /spreadsheetml/);
      const again = await postMultipart(
        admin,
        `${page}/xlsform`,
        {},
        { file: { filename: "form.xlsx", type: XLSX, data: down.rawPayload } },
        { from: page },
      );
      assert.equal(again.statusCode, 303);
      const after: FormDefinition = (await draft()).draft;
      assert.deepEqual(after.items, before.items);
      assert.deepEqual(after.choices, before.choices);
    });

    test("another tambon's form is a 404", async () => {
      const other = await admin.get(`/t/ko-kha/admin/community/forms/${formId}`);
      assert.ok([403, 404].includes(other.statusCode));
      const [kokha] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "ko-kha"));
      const [row] = await t.database.db
        .insert(forms)
        .values({
          tambonId: kokha!.id,
          title: "x",
          draft: { title: { th: "x" }, formId: "x", items: [], choices: {} },
        })
        .returning();
      assert.equal((await admin.get(`${BASE}/${row!.id}`)).statusCode, 404);
      assert.equal(
        (await admin.post(`${BASE}/${row!.id}/publish`, { confirmed: "1" }, { from: BASE }))
          .statusCode,
        404,
      );
    });
  });
}
