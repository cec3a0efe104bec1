import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../../../../test/helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { auditLog, tambons, users } from "../../../core/db/schema.ts";
import { installModules } from "../../../core/install.ts";
import { isForbidden, isNotFound } from "../../../core/result.ts";
import type { Actor, Role } from "../../../core/roles.ts";
import { modules } from "../../index.ts";
import { saveArea } from "./commands.ts";
import { listAllAreas } from "./queries.ts";

installModules(modules);

/** Someone holding `roles` in one tambon, as the session would load them. */
function actor(id: number, tambonId: number, roles: Role[]): Actor {
  return {
    user: { id, name: "ผู้ทดสอบ", isNetworkAdmin: false, lang: "th" },
    roles: new Map([[tambonId, new Set(roles)]]),
    memberOf: new Set([tambonId]),
  };
}

for (const kind of DB_KINDS) {
  describe(`issue areas are kept by staff, one tambon at a time (${kind})`, () => {
    let t: TestApp;
    let langu = 0;
    let otherAreaId = 0;
    let editorId = 0;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      const slugs = await db.select().from(tambons);
      langu = slugs.find((s) => s.slug === "la-ngu")!.id;
      const kokha = slugs.find((s) => s.slug === "ko-kha")!.id;
      otherAreaId = (await listAllAreas(db, kokha))[0]!.id;
      const [editor] = await db.select().from(users).where(eq(users.username, "langu-editor"));
      editorId = editor!.id;
    });
    after(async () => {
      await t?.close();
    });

    const audited = (areaId: number) =>
      t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "area.create"), eq(auditLog.targetId, String(areaId))));

    test("the command: staff add an area (audited), a member may not, another tambon's is missing", async () => {
      const db = t.database.db;
      const staff = actor(editorId, langu, ["editor"]);
      const added = await saveArea(db, staff, langu, { nameTh: "น้ำสะอาด", position: "9" });
      assert.ok(added.ok, JSON.stringify(added));
      assert.equal(added.value.tambonId, langu);
      const [row] = await audited(added.value.id);
      assert.equal(row?.actorId, editorId);
      assert.deepEqual(row?.after, { nameTh: "น้ำสะอาด", nameEn: "", position: 9 });

      const member = actor(editorId, langu, ["member"]);
      assert.ok(isForbidden(await saveArea(db, member, langu, { nameTh: "ของสมาชิก" })));
      const moved = await saveArea(db, staff, langu, { nameTh: "ย้ายมา" }, otherAreaId);
      assert.ok(isNotFound(moved));

      const twice = await saveArea(db, staff, langu, { nameTh: "น้ำสะอาด" });
      assert.ok(!twice.ok);
      assert.equal(twice.errors.nameTh?.key, "areas.duplicate");
    });

    test("the routes: an editor adds an area, a member gets 403, a duplicate name is shown at its field", async () => {
      const editor = await Client.as(t.app, "langu-editor");
      const form = "/t/la-ngu/admin/areas";
      // The decisions page offers the tambon's areas, kept between requests until a change.
      assert.doesNotMatch((await editor.get("/t/la-ngu/decisions")).body, /ถนนปลอดภัย/);
      const res = await editor.post(
        form,
        { nameTh: "ถนนปลอดภัย", nameEn: "Safe roads" },
        { from: form },
      );
      assert.equal(res.statusCode, 303);
      assert.match((await editor.get("/t/la-ngu/decisions")).body, />ถนนปลอดภัย</);
      assert.equal(res.headers.location, form);
      const area = (await listAllAreas(t.database.db, langu)).find((a) => a.nameTh === "ถนนปลอดภัย");
      assert.ok(area, "the area is stored");
      assert.equal((await audited(area.id)).length, 1, "and audited");
      assert.equal((await editor.get(`/t/la-ngu/areas/${area.id}`)).statusCode, 200);

      const again = await editor.post(form, { nameTh: "ถนนปลอดภัย" }, { from: form });
      assert.equal(again.statusCode, 422);
      assert.match(again.body, /id="f-nameTh-err">มีประเด็นชื่อนี้แล้ว</);
      assert.match(again.body, /value="ถนนปลอดภัย"/, "what was typed is kept");

      const member = await Client.as(t.app, "langu-member");
      const refused = await member.post(form, { nameTh: "ของสมาชิก" }, { from: "/t/la-ngu/areas" });
      assert.equal(refused.statusCode, 403);
    });

    test("another tambon's area answers 404 on every page and form of this tambon", async () => {
      const editor = await Client.as(t.app, "langu-editor");
      assert.equal((await editor.get(`/t/la-ngu/areas/${otherAreaId}`)).statusCode, 404);
      assert.equal((await editor.get(`/t/la-ngu/admin/areas/${otherAreaId}`)).statusCode, 404);
      const from = "/t/la-ngu/admin/areas";
      const edit = await editor.post(`${from}/${otherAreaId}`, { nameTh: "ยึดมา" }, { from });
      assert.equal(edit.statusCode, 404);
      const archive = await editor.post(
        `${from}/${otherAreaId}/archive`,
        { confirmed: "1", archived: "1" },
        { from },
      );
      assert.equal(archive.statusCode, 404);
      const [kept] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, String(otherAreaId)), eq(auditLog.tambonId, langu)));
      assert.equal(kept, undefined, "nothing was written about it");
    });

    test("an area's page shows other modules' sections, linking into this tambon", async () => {
      const visitor = new Client(t.app);
      const pages = await Promise.all(
        (await listAllAreas(t.database.db, langu)).map((a) =>
          visitor.get(`/t/la-ngu/areas/${a.id}`),
        ),
      );
      const links = pages.flatMap((p) =>
        [...p.body.matchAll(/<section aria-labelledby="sec-[^"]+">[\s\S]*?<\/section>/g)].flatMap(
          (m) => [...m[0].matchAll(/href="([^"]+)"/g)].map((h) => h[1]!),
        ),
      );
      assert.ok(links.length > 0, "the demo's areas have partners, groups or questions");
      for (const href of links) assert.match(href, /^\/t\/la-ngu\/[a-z-]+\/\d+/, href);
    });
  });
}
