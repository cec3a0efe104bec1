import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { charterEditions, charterVersions } from "../../src/modules/charter/schema.ts";
import { allClauses } from "../../src/modules/charter/document.ts";

for (const kind of DB_KINDS) {
  describe(`visitors share and export La-ngu's charter on ${kind}`, () => {
    let t: TestApp;
    let adopted = 0;
    let hearing = 0;
    let tambonId = 0;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
      const editions = await db
        .select()
        .from(charterEditions)
        .where(eq(charterEditions.tambonId, tambonId));
      adopted = editions.find((e) => e.status === "adopted")!.id;
      hearing = editions.find((e) => e.status === "hearing")!.id;
    });
    after(async () => {
      await t?.close();
    });

    test("the summary card has a preview picture for sharing", async () => {
      const card = await new Client(t.app).get(`/t/la-ngu/charter-editions/${adopted}/card`);
      assert.equal(card.statusCode, 200);
      const image = /<meta property="og:image" content="([^"]+)"/.exec(card.body)?.[1];
      assert.ok(image, "og:image is set");
      assert.match(
        image,
        new RegExp(`^http://[^/]+/t/la-ngu/charter-editions/${adopted}/card\\.png$`),
      );
      assert.match(card.body, /<meta property="og:image:width" content="1200"/);
      const png = await new Client(t.app).get(new URL(image).pathname);
      assert.equal(png.statusCode, 200);
      assert.equal(png.headers["content-type"], "image/png");
      const meta = await sharp(png.rawPayload).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ["png", 1200, 630]);
    });

    test("the follow-up CSV writes formula-like text as text", async () => {
      const wg = await Client.as(t.app, "langu-wg");
      const db = t.database.db;
      const [e] = await db
        .select()
        .from(charterEditions)
        .where(and(eq(charterEditions.tambonId, tambonId), eq(charterEditions.id, adopted)));
      const [v] = await db
        .select()
        .from(charterVersions)
        .where(eq(charterVersions.id, e!.adoptedVersionId!));
      const key = allClauses(v!.doc)[0]!.clause.key;
      const follow = `/t/la-ngu/charter-editions/${adopted}/follow-up`;
      const saved = await wg.post(
        follow,
        {
          clause: String(key),
          status: "in_progress",
          note: '=HYPERLINK("http://evil.example","ดู")',
        },
        { from: `${follow}?clause=${key}` },
      );
      assert.equal(saved.statusCode, 303);
      const csv = await new Client(t.app).get(`${follow}.csv`);
      assert.match(csv.body, /,"'=HYPERLINK\(""http:\/\/evil\.example"",""ดู""\)",/);
      assert.doesNotMatch(csv.body, /,"=HYPERLINK/);
    });

    test("text added in a draft is shown in the tambon's digits in the diff and the charter's in print", async () => {
      const wg = await Client.as(t.app, "langu-wg");
      const db = t.database.db;
      const [e] = await db.select().from(charterEditions).where(eq(charterEditions.id, hearing));
      const [v] = await db
        .select()
        .from(charterVersions)
        .where(eq(charterVersions.id, e!.currentVersionId!));
      const clause = allClauses(v!.doc)[0]!.clause;
      const admin = `/t/la-ngu/admin/charter-editions/${hearing}`;
      const edited = await wg.post(
        `${admin}/draft`,
        {
          op: "editClause",
          key: String(clause.key),
          text: `${clause.text} อย่างน้อย 30 นาที 5 วันต่อสัปดาห์`,
        },
        { from: admin },
      );
      assert.equal(edited.statusCode, 303);
      const diff = await new Client(t.app).get(
        `/t/la-ngu/charter-editions/${hearing}/diff?from=${v!.number}&to=${v!.number + 1}`,
      );
      assert.equal(diff.statusCode, 200);
      // A web page shows one digit style, the tambon's (Arabic in La-ngu); the charter's own
      // digits (Thai in La-ngu) are those of its document: the print page and its PDF.
      const ins = [...diff.body.matchAll(/<ins>([^]*?)<\/ins>/g)].map((m) => m[1]).join(" ");
      assert.match(ins, /30 นาที/);
      assert.match(ins, /5 วัน/);
      assert.doesNotMatch(ins, /๓๐ นาที/);
      const print = await new Client(t.app).get(
        `/t/la-ngu/charter-editions/${hearing}/print?nopdf=1`,
      );
      assert.equal(print.statusCode, 200);
      assert.match(print.body, /อย่างน้อย ๓๐ นาที ๕ วันต่อสัปดาห์/);
      assert.doesNotMatch(print.body, /อย่างน้อย 30 นาที/);
    });
  });
}
