import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, sql } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambonMembers, tambons, users, villages } from "../../src/core/db/schema.ts";
import { fillRoute, recordIds } from "../helpers/tenant-data.ts";

/** Every form field any route of the platform reads, filled with an attacker's values. */
const ATTACK_FORM: Record<string, string> = {
  name: "HACKED",
  nameTh: "HACKED",
  nameEn: "HACKED",
  descriptionTh: "HACKED",
  moo: "42",
  code: "",
  kind: "sao",
  minRepsPerVillage: "1",
  status: "removed",
  archived: "1",
  // The tick an action that cannot be undone asks for: the forgery gets past it to the tambon check.
  confirmed: "1",
  role_admin: "admin",
  role_member: "member",
  password: "hacked-password",
  password2: "hacked-password",
  village: "1",
  position: "1",
  dopaCode: "910501",
  slug: "hacked",
  firstAdmin: "langu-admin",
  host: "hacked.example",
};

for (const kind of DB_KINDS) {
  describe(`tenant isolation on ${kind}`, () => {
    let t: TestApp;
    let a: typeof tambons.$inferSelect;
    let b: typeof tambons.$inferSelect;
    const ids: Record<string, string> = {};

    /** Everything stored for tambon B: every row of every table keyed by tambon_id, its members' accounts and its own row. */
    async function snapshotB(): Promise<string> {
      const tables = await t.database.rows<{ table_name: string }>(sql`
        select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'tambon_id' order by table_name`);
      const parts: unknown[] = [];
      for (const { table_name } of tables) {
        parts.push(
          table_name,
          await t.database.rows(
            sql`select * from ${sql.identifier(table_name)} where tambon_id = ${b.id} order by 1, 2`,
          ),
        );
      }
      parts.push(await t.database.rows(sql`select * from tambons where id = ${b.id}`));
      parts.push(
        await t.database.rows(
          sql`select u.* from users u join tambon_members m on m.user_id = u.id where m.tambon_id = ${b.id} order by u.id`,
        ),
      );
      return JSON.stringify(parts);
    }

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      [a] = (await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"))) as [
        typeof a,
      ];
      [b] = (await t.database.db.select().from(tambons).where(eq(tambons.slug, "ko-kha"))) as [
        typeof b,
      ];
      const [v] = await t.database.db
        .select()
        .from(villages)
        .where(eq(villages.tambonId, b.id))
        .orderBy(asc(villages.moo));
      const [m] = await t.database.db
        .select({ id: users.id })
        .from(users)
        .innerJoin(
          tambonMembers,
          and(eq(tambonMembers.userId, users.id), eq(tambonMembers.tambonId, b.id)),
        )
        .where(eq(users.username, "kokha-member"));
      ids.villages = String(v!.id);
      ids.people = String(m!.id);
      // Every module declares the tables behind its URL segments; take one row of Ko Kha's each.
      Object.assign(ids, await recordIds(t.database, b.id));
    });
    after(async () => {
      await t?.close();
    });

    test("an admin of La-ngu can neither read private data of nor change anything in Ko Kha, through any route", async () => {
      // Private things of Ko Kha that no page may show to La-ngu's admin: a member's phone and
      // e-mail, and a complaint (the corruption channel is for Ko Kha's admins only).
      const secrets = ["0899990001", "secret-kokha@example.org", "PRIVATEKOKHAMARKER"];
      await t.database.db
        .update(users)
        .set({ phone: secrets[0], email: secrets[1] })
        .where(eq(users.username, "kokha-member"));
      const resident = new Client(t.app);
      const filed = await resident.post(
        `/t/${b.slug}/complaints`,
        {
          kind: "complaint",
          channel: "corruption",
          subject: "เรื่องลับ",
          details: `รายละเอียด ${secrets[2]}`,
        },
        { from: `/t/${b.slug}/complaints` },
      );
      assert.equal(filed.statusCode, 303, "the complaint is filed");
      const attacker = await Client.as(t.app, "langu-admin");
      const before = await snapshotB();
      const tambonRoutes = t.app.routeList.filter((r) => r.url.startsWith("/t/:tambon"));
      assert.ok(tambonRoutes.length >= 20, `walked ${tambonRoutes.length} routes`);
      const report: string[] = [];
      let checked = 0;
      for (const route of tambonRoutes) {
        const variants: { url: string; scope: "other" | "own-with-other-ids" }[] = [];
        const fill = (slug: string) => fillRoute(route.url, slug, ids);
        variants.push({ url: fill(b.slug), scope: "other" });
        if (/:(id)\b/.test(route.url))
          variants.push({ url: fill(a.slug), scope: "own-with-other-ids" });
        for (const v of variants) {
          checked++;
          const isPrivate = /\/admin\b|\/uploads\//.test(route.url);
          if (route.method === "GET") {
            const res = await attacker.get(v.url);
            // Public pages answer; members-only pages refuse; nothing private is shown.
            const allowed =
              isPrivate || v.scope === "own-with-other-ids" ? [403, 404] : [200, 403, 404];
            if (!allowed.includes(res.statusCode))
              report.push(`GET ${v.url} (${v.scope}) answered ${res.statusCode}`);
            for (const secret of secrets)
              if (res.body.includes(secret))
                report.push(`GET ${v.url} (${v.scope}) shows ${secret}`);
          } else {
            const page = `/t/${a.slug}/admin/settings`;
            const [aVillage] = await t.database.db
              .select()
              .from(villages)
              .where(eq(villages.tambonId, a.id))
              .limit(1);
            const res = await attacker.post(
              v.url,
              { ...ATTACK_FORM, village: String(aVillage!.id) },
              { from: page },
            );
            // Anyone may sign up to any tambon, but only into one of that tambon's own villages;
            // anyone may file a complaint with any tambon, and this form lacks its subject;
            // anyone may ask for a study visit at a learning centre, and this form lacks its date.
            const refused =
              res.statusCode === 403 || res.statusCode === 404 || res.statusCode === 409;
            const publicForm = [
              "/t/:tambon/signup",
              "/t/:tambon/complaints",
              "/t/:tambon/centres/:id/visit",
            ].includes(route.url);
            // Checking a ballot receipt against published results changes nothing and is open
            // to anyone who can see the results.
            const readOnly = route.url === "/t/:tambon/decisions/:id/results";
            const ok =
              publicForm && v.scope === "other"
                ? res.statusCode === 422
                : refused || (readOnly && [200, 422].includes(res.statusCode));
            if (!ok)
              report.push(`${route.method} ${v.url} (${v.scope}) answered ${res.statusCode}`);
          }
        }
      }
      assert.deepEqual(report, []);
      assert.ok(checked > tambonRoutes.length);
      assert.equal(await snapshotB(), before, "nothing of Ko Kha changed");
    });

    test("a tambon admin cannot use the network administration", async () => {
      const attacker = await Client.as(t.app, "langu-admin");
      const before = (await t.database.db.select().from(tambons)).length;
      assert.equal((await attacker.get("/admin")).statusCode, 403);
      const res = await attacker.post(
        "/admin/tambons",
        { dopaCode: "910501", kind: "sao", slug: "x" },
        { from: "/account" },
      );
      assert.equal(res.statusCode, 403);
      assert.equal((await t.database.db.select().from(tambons)).length, before);
    });

    test("a member of Ko Kha sees La-ngu's public pages but not its people or audit log", async () => {
      const c = await Client.as(t.app, "kokha-member");
      assert.equal((await c.get("/t/la-ngu")).statusCode, 200);
      assert.equal((await c.get("/t/la-ngu/admin/people")).statusCode, 403);
      assert.equal((await c.get("/t/la-ngu/admin/audit")).statusCode, 403);
      const [someone] = await t.database.db
        .select({ name: users.name })
        .from(users)
        .innerJoin(tambonMembers, eq(tambonMembers.userId, users.id))
        .where(eq(tambonMembers.tambonId, a.id))
        .limit(1);
      for (const url of ["/t/la-ngu", "/t/la-ngu/villages", "/t/la-ngu/areas"]) {
        assert.ok(!(await c.get(url)).body.includes(someone!.name), `${url} shows no member names`);
      }
    });
  });
}
