import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, inArray } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../../../../test/helpers/db.ts";
import { auditLog, roleGrants, tambonMembers, tambons, users } from "../../../core/db/schema.ts";
import { installModules } from "../../../core/install.ts";
import type { Actor, Role } from "../../../core/roles.ts";
import { modules } from "../../index.ts";
import { allows, personalScope } from "../access.ts";
import { households, people, recordChanges } from "../schema.ts";
import { runRetention } from "./retention.ts";

installModules(modules);

for (const kind of DB_KINDS) {
  describe(`personal-data scope and the retention job (${kind})`, () => {
    let database: TestDatabase;
    let langu = 0;

    before(async () => {
      database = await openTestDatabase(kind, { demo: true });
      const all = await database.db.select().from(tambons);
      langu = all.find((x) => x.slug === "la-ngu")!.id;
    });
    after(async () => {
      await database?.drop();
    });

    /** The demo user `username` as the session would load them. */
    async function actorOf(username: string): Promise<Actor> {
      const db = database.db;
      const [u] = await db.select().from(users).where(eq(users.username, username));
      const grants = await db
        .select({ role: roleGrants.role })
        .from(roleGrants)
        .where(and(eq(roleGrants.userId, u!.id), eq(roleGrants.tambonId, langu)));
      return {
        user: { id: u!.id, name: u!.name, isNetworkAdmin: false, lang: "th" },
        roles: new Map([[langu, new Set(grants.map((g) => g.role as Role))]]),
        memberOf: new Set([langu]),
      };
    }

    test("staff see every village; a volunteer her membership's; a member and a visitor none", async () => {
      const db = database.db;
      assert.deepEqual(await personalScope(db, await actorOf("langu-admin"), langu), { all: true });
      assert.deepEqual(await personalScope(db, await actorOf("langu-wg"), langu), { all: true });
      const osm = await actorOf("langu-osm");
      const [m] = await db
        .select({ villageId: tambonMembers.villageId })
        .from(tambonMembers)
        .where(and(eq(tambonMembers.userId, osm.user!.id), eq(tambonMembers.tambonId, langu)));
      const scope = await personalScope(db, osm, langu);
      assert.deepEqual(scope, { all: false, villageIds: [m!.villageId] });
      assert.equal(allows(scope, m!.villageId!), true);
      assert.equal(allows(scope, m!.villageId! + 1), false);
      assert.equal(await personalScope(db, await actorOf("langu-member"), langu), null);
      assert.equal(await personalScope(db, await actorOf("langu-rep"), langu), null);
      const anonymous: Actor = { user: null, roles: new Map(), memberOf: new Set() };
      assert.equal(await personalScope(db, anonymous, langu), null);
      // Another tambon's staff see nothing of this one.
      assert.equal(await personalScope(db, await actorOf("langu-admin"), langu + 1000), null);
      await db
        .update(tambonMembers)
        .set({ villageId: null })
        .where(and(eq(tambonMembers.userId, osm.user!.id), eq(tambonMembers.tambonId, langu)));
      assert.equal(await personalScope(db, osm, langu), null);
    });

    test("the job erases people past their day and households left empty, blanks history, audits", async () => {
      const db = database.db;
      const hs = await db.select().from(households).where(eq(households.tambonId, langu));
      const [a, b] = hs;
      const inA = await db.select().from(people).where(eq(people.householdId, a!.id));
      const inB = await db.select().from(people).where(eq(people.householdId, b!.id));
      // Household A: everyone's day has passed, and the household's own. B: one person's only.
      await db
        .update(people)
        .set({ retainUntil: "2020-01-01" })
        .where(eq(people.householdId, a!.id));
      await db
        .update(households)
        .set({ retainUntil: "2020-01-01" })
        .where(eq(households.id, a!.id));
      await db.update(people).set({ retainUntil: "2020-01-01" }).where(eq(people.id, inB[0]!.id));
      await db
        .update(recordChanges)
        .set({ changes: { name: ["ก", "ข"] } })
        .where(and(eq(recordChanges.entity, "person"), eq(recordChanges.entityId, inA[0]!.id)));
      const result = await runRetention(db, new Date("2026-12-05T00:00:00Z"));
      assert.equal(result.people, inA.length + 1);
      assert.equal(result.households, 1);
      assert.equal((await db.select().from(households).where(eq(households.id, a!.id))).length, 0);
      assert.equal((await db.select().from(households).where(eq(households.id, b!.id))).length, 1);
      const left = await db.select().from(people).where(eq(people.householdId, b!.id));
      assert.equal(left.length, inB.length - 1);
      const [hist] = await db
        .select()
        .from(recordChanges)
        .where(and(eq(recordChanges.entity, "person"), eq(recordChanges.entityId, inA[0]!.id)));
      assert.deepEqual(hist!.changes, { name: [null, null] });
      const audits = (
        await db
          .select()
          .from(auditLog)
          .where(
            and(
              eq(auditLog.action, "community.retention.erase"),
              inArray(auditLog.targetId, [String(a!.id), String(inB[0]!.id)]),
            ),
          )
      ).filter(
        (x) =>
          (x.targetType === "community_household" && x.targetId === String(a!.id)) ||
          (x.targetType === "community_person" && x.targetId === String(inB[0]!.id)),
      );
      assert.equal(audits.length, 2);
      assert.ok(audits.every((x) => x.actorId === null));
      // Records changed recently and without a day are kept: a second run erases nothing.
      assert.deepEqual(await runRetention(db, new Date("2026-12-05T00:00:00Z")), {
        people: 0,
        households: 0,
      });
    });
  });
}
