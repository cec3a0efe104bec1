import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makePerson, makeTambon, FACTORY_PASSWORD } from "../helpers/factories/core.ts";
import { roleGrants, tambons, users, villages } from "../../src/core/db/schema.ts";
import { parseVillageLines } from "../../src/core/commands/invitations.ts";

test("village lines are read as the official list writes them", () => {
  const r = parseVillageLines("หมู่ 1 บ้านนา\n\nหมู่ที่ ๒ บ้านควน\nม.3 บ้านท่า\n4\tบ้านใหม่");
  assert.deepEqual(r, {
    ok: true,
    villages: [
      { moo: 1, nameTh: "บ้านนา" },
      { moo: 2, nameTh: "บ้านควน" },
      { moo: 3, nameTh: "บ้านท่า" },
      { moo: 4, nameTh: "บ้านใหม่" },
    ],
  });
  assert.deepEqual(parseVillageLines("หมู่ 1 บ้านนา\nบ้านไม่มีเลข\nหมู่ 120 ไกล"), {
    ok: false,
    lines: [2, 3],
  });
});

for (const kind of DB_KINDS) {
  describe(`the network administrator adds a tambon with an invited admin and its villages on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;

    before(async () => {
      t = await startTestApp(kind, {
        seed: async (db) => {
          const { tambon } = await makeTambon(db, { dopaCode: "910502", slug: "home" });
          const id = await makePerson(db, tambon.id, { username: "netadmin" });
          await db.update(users).set({ isNetworkAdmin: true }).where(eq(users.id, id));
        },
      });
      admin = await Client.as(t.app, "netadmin", FACTORY_PASSWORD);
    });
    after(async () => {
      await t?.close();
    });

    const form = "/admin?province=91&district=9105";

    test("a bad village line changes nothing and says which line", async () => {
      const res = await admin.post(
        "/admin/tambons",
        {
          dopaCode: "910501",
          kind: "sao",
          slug: "invited",
          firstAdmin: "",
          villages: "หมู่ 1 บ้านนา\nไม่ใช่หมู่บ้าน",
        },
        { from: form },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /อ่านบรรทัดที่ 2 ไม่ได้/);
      assert.match(res.body, /หมู่ 1 บ้านนา/, "what was pasted is kept");
      const made = await t.database.db.select().from(tambons).where(eq(tambons.slug, "invited"));
      assert.equal(made.length, 0);
    });

    test("the first admin is invited by phone, accepts by the link and administers the tambon", async () => {
      const res = await admin.post(
        "/admin/tambons",
        {
          dopaCode: "910501",
          kind: "sao",
          slug: "invited",
          firstAdmin: "081-234-5678",
          firstAdminName: "นางสาวผู้ดูแล ใหม่",
          villages: "หมู่ 1 บ้านนา\nหมู่ที่ ๒ บ้านควน",
        },
        { from: form },
      );
      assert.equal(res.statusCode, 200, res.body.slice(0, 500));
      assert.match(res.body, /เข้าเครือข่ายแล้ว และเชิญผู้ดูแลคนแรก \(0812345678\)/);
      const link = /(?:https?:\/\/[^<\s]+)?\/reset\/([A-Za-z0-9_-]+)/.exec(res.body);
      assert.ok(link, "the invitation link is shown");
      const db = t.database.db;
      const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "invited"));
      const vs = await db
        .select()
        .from(villages)
        .where(eq(villages.tambonId, tb!.id))
        .orderBy(asc(villages.moo));
      assert.deepEqual(
        vs.map((v) => [v.moo, v.nameTh, v.code]),
        [
          [1, "บ้านนา", "91050101"],
          [2, "บ้านควน", "91050102"],
        ],
      );
      const [invitee] = await db.select().from(users).where(eq(users.phone, "0812345678"));
      assert.equal(invitee!.name, "นางสาวผู้ดูแล ใหม่");
      assert.equal(invitee!.passwordHash, null, "no password until they accept");
      const grants = await db
        .select()
        .from(roleGrants)
        .where(and(eq(roleGrants.tambonId, tb!.id), eq(roleGrants.userId, invitee!.id)));
      assert.ok(grants.some((g) => g.role === "admin"));

      const them = new Client(t.app);
      const page = await them.get(`/reset/${link[1]}`);
      assert.equal(page.statusCode, 200);
      const set = await them.post(`/reset/${link[1]}`, {
        password: "a-long-new-password-1",
        password2: "a-long-new-password-1",
      });
      assert.equal(set.statusCode, 303);
      await them.login("0812345678", "a-long-new-password-1");
      assert.equal((await them.get("/t/invited/admin")).statusCode, 200, "they administer it");
      assert.equal((await them.get(`/reset/${link[1]}`)).statusCode, 404, "the link works once");
    });

    test("with an existing account the tambon is added and the message reads well", async () => {
      const res = await admin.post(
        "/admin/tambons",
        { dopaCode: "910503", kind: "sao", slug: "third", firstAdmin: "netadmin", villages: "" },
        { from: form },
      );
      assert.equal(res.statusCode, 303);
      const home = await admin.get(String(res.headers.location));
      assert.match(home.body, /เพิ่ม อบต\.[^<]+ เข้าเครือข่ายแล้ว/);
    });
  });
}
