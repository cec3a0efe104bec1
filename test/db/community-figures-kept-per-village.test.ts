// The village figures keep the registry's counts per village and count again only the villages a
// change touched (their stamps, bumped by the database's triggers). After every kind of change to
// the registry — a person added, moved to another village, died, a household gone, a statement
// touching several villages, a household deleted with its people — the kept counts must equal a
// count of the whole registry made from scratch. The counts themselves are read from what the
// database keeps per village, sex and month of birth, with the months that hold an age-band edge
// counted exactly: on any day, people born around every edge land where their age puts them.
// Each form's answer counts are kept too, until a submission changes.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { tambons, villages } from "../../src/core/db/schema.ts";
import { households, people, submissions } from "../../src/modules/community/schema.ts";
import { keptAnswerCounts, registryAggregates } from "../../src/modules/community/figures/stamp.ts";
import {
  answerCounts,
  countedQuestions,
  keptRegistryCounts,
  openForms,
  registryCounts,
} from "../../src/modules/community/figures/queries.ts";
import {
  BAND_COUNT,
  BAND_YEARS,
  ageOn,
  bandOf,
} from "../../src/modules/community/figures/pyramid.ts";
import { todayIso } from "../../src/core/dates.ts";

type Counts = {
  households: Map<number, number>;
  people: Map<number, number>;
  bands: Map<string, number>;
};

const bandKey = (r: { villageId: number; band: number; sex: string }) =>
  `${r.villageId}/${r.band}/${r.sex}`;

for (const kind of DB_KINDS) {
  describe(`village figures kept per village (${kind})`, () => {
    let t: TestDatabase;
    let tambonId: number;
    let a: number;
    let b: number;
    let c: number;

    /** What the figures use now (kept, or counted again for the villages that moved). */
    const kept = async (): Promise<Counts> => {
      const r = await registryAggregates(t.db, tambonId);
      return {
        households: r.households,
        people: r.people,
        bands: new Map(r.bands.map((x) => [bandKey(x), x.n])),
      };
    };
    /** The whole tambon counted from scratch. */
    const recount = async (): Promise<Counts> => {
      const r = await registryCounts(t.db, tambonId, undefined, todayIso());
      return {
        households: r.households,
        people: r.people,
        bands: new Map(r.bands.map((x) => [bandKey(x), x.n])),
      };
    };
    const same = async (what: string) => {
      const got = await kept();
      assert.deepEqual(got, await recount(), `after ${what}`);
      return got;
    };

    /** A new household of a village with people of the given birth dates (sexes alternate). */
    const newHousehold = async (villageId: number, houseNo: string, births: string[]) => {
      const [h] = await t.db
        .insert(households)
        .values({ tambonId, villageId, houseNo })
        .returning({ id: households.id });
      const made = await t.db
        .insert(people)
        .values(
          births.map((birthDate, i) => ({
            tambonId,
            householdId: h!.id,
            villageId,
            name: `ทดสอบนับ ${houseNo}-${i}`,
            birthDate,
            sex: i % 2 === 0 ? ("male" as const) : ("female" as const),
          })),
        )
        .returning({ id: people.id });
      return { householdId: h!.id, people: made.map((p) => p.id) };
    };

    before(async () => {
      t = await openTestDatabase(kind, { demo: true });
      const [tb] = await t.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
      const vs = await t.db
        .select({ id: villages.id })
        .from(villages)
        .where(eq(villages.tambonId, tambonId))
        .orderBy(villages.moo);
      assert.ok(vs.length >= 3, "the demo tambon has three villages or more");
      [a, b, c] = [vs[0]!.id, vs[1]!.id, vs[2]!.id];
    });
    after(() => t.drop());

    test("the kept counts equal a recount after each change, and only a change counts again", async () => {
      const first = await same("the first count");
      // Nothing changed: the kept counts are served as they are.
      const r1 = await registryAggregates(t.db, tambonId);
      assert.equal(await registryAggregates(t.db, tambonId), r1, "kept while nothing changes");

      const h1 = await newHousehold(a, "นับ-1", ["1950-03-01", "1990-07-15", "2020-01-02"]);
      const added = await same("a household of three added to one village");
      assert.equal(added.people.get(a), (first.people.get(a) ?? 0) + 3);
      assert.notEqual(
        await registryAggregates(t.db, tambonId),
        r1,
        "a change is not served the counts kept before it",
      );

      // A person moves to another village: the village left must lose them too.
      const h2 = await newHousehold(b, "นับ-2", ["1985-05-05"]);
      await same("a household added to a second village");
      await t.db
        .update(people)
        .set({ villageId: b, householdId: h2.householdId })
        .where(eq(people.id, h1.people[0]!));
      const moved = await same("a person moved from one village to another");
      assert.equal(moved.people.get(a), (first.people.get(a) ?? 0) + 2);

      await t.db.update(people).set({ status: "deceased" }).where(eq(people.id, h1.people[1]!));
      await same("a person died");
      await t.db
        .update(people)
        .set({ birthDate: "1940-01-01" })
        .where(eq(people.id, h1.people[2]!));
      await same("a birth date corrected");
      await t.db.update(people).set({ sex: "female" }).where(eq(people.id, h2.people[0]!));
      await same("a sex corrected");
      // A household moves to another village: its people go with it through their one
      // reference to it (tambon, household and village together), and both villages' counts follow.
      await t.db.update(households).set({ villageId: c }).where(eq(households.id, h2.householdId));
      const followed = await t.db
        .select({ villageId: people.villageId })
        .from(people)
        .where(eq(people.householdId, h2.householdId));
      assert.equal(followed.length, 2, "the household's two people");
      assert.ok(
        followed.every((p) => p.villageId === c),
        "the household's people moved with it",
      );
      await same("a household moved to another village");
      // A person cannot be in another village, or tambon, than its household.
      for (const wrong of [{ villageId: a }, { tambonId: tambonId + 1_000_000 }])
        await assert.rejects(
          t.db.update(people).set(wrong).where(eq(people.id, h2.people[0]!)),
          (e: Error) => /community_people_household_fk/.test(String(e.cause ?? e)),
          `a person refused ${JSON.stringify(wrong)}`,
        );
      // Nor a household in a village of another tambon.
      const [elsewhere] = await t.db
        .select({ id: villages.id })
        .from(villages)
        .where(ne(villages.tambonId, tambonId))
        .limit(1);
      assert.ok(elsewhere, "the demo has a second tambon with villages");
      await assert.rejects(
        t.db
          .update(households)
          .set({ villageId: elsewhere.id })
          .where(eq(households.id, h2.householdId)),
        (e: Error) => /community_households_village_fk/.test(String(e.cause ?? e)),
        "a household refused another tambon's village",
      );
      await same("refused moves");
      await t.db
        .update(households)
        .set({ status: "gone" })
        .where(eq(households.id, h2.householdId));
      await same("a household gone");

      // One statement over people of three villages.
      const h3 = await newHousehold(c, "นับ-3", ["2001-01-01", "2002-02-02"]);
      await same("a household added to a third village");
      await t.db
        .update(people)
        .set({ status: "moved" })
        .where(
          and(
            eq(people.tambonId, tambonId),
            inArray(people.id, [h1.people[2]!, h1.people[0]!, h3.people[0]!]),
          ),
        );
      await same("one statement over three villages");

      // A household deleted with its people (the foreign key's cascade).
      await t.db.delete(households).where(eq(households.id, h3.householdId));
      await same("a household deleted with its people");
      await t.db.execute(sql`delete from community_people where id = ${h1.people[1]!}`);
      await same("a person deleted");
    });

    test("on any day, people born around every band edge are counted in the band of their age", async () => {
      // A village of its own, so its pyramid is only the people made here.
      const [v] = await t.db
        .insert(villages)
        .values({ tambonId, moo: 90, nameTh: "หมู่ทดสอบขอบอายุ", code: "TEST-EDGE" })
        .returning({ id: villages.id });
      const iso = (d: Date) => d.toISOString().slice(0, 10);
      const addDays = (day: string, n: number) => iso(new Date(Date.parse(day) + n * 86400_000));
      /** `day` less `years`, as PostgreSQL subtracts an interval (29 February becomes the 28th). */
      const yearsBefore = (day: string, years: number) => {
        const [y, m, d] = day.split("-").map(Number) as [number, number, number];
        const last = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
        return iso(new Date(Date.UTC(y - years, m - 1, Math.min(d, last))));
      };
      // A day in mid-month, the last day of a month (every edge on a 1st), and a leap day.
      const days = ["2026-12-06", "2026-11-30", "2028-02-29", "2027-03-01"];
      const births = days.flatMap((day) =>
        Array.from({ length: BAND_COUNT - 1 }, (_, i) => {
          const edge = addDays(yearsBefore(day, BAND_YEARS * (i + 1)), 1);
          return [addDays(edge, -1), edge, addDays(edge, 1), addDays(edge, 20)];
        }).flat(),
      );
      const made = await newHousehold(v!.id, "ขอบอายุ", births);
      for (const day of days) {
        const full = await registryCounts(t.db, tambonId, undefined, day);
        const kept = await keptRegistryCounts(t.db, tambonId, undefined, day);
        const byKey = (r: {
          bands: { villageId: number; band: number; sex: string; n: number }[];
        }) => new Map(r.bands.map((x) => [bandKey(x), x.n]));
        assert.deepEqual(kept.people, full.people, `people on ${day}`);
        assert.deepEqual(kept.households, full.households, `households on ${day}`);
        assert.deepEqual(byKey(kept), byKey(full), `bands on ${day}`);
        // And both agree with the age of each person worked out here.
        const expected = new Map<string, number>();
        births.forEach((birth, i) => {
          const key = bandKey({
            villageId: v!.id,
            band: bandOf(ageOn(birth, day)),
            sex: i % 2 === 0 ? "male" : "female",
          });
          expected.set(key, (expected.get(key) ?? 0) + 1);
        });
        const mine = new Map([...byKey(kept)].filter(([k]) => k.startsWith(`${v!.id}/`)));
        assert.deepEqual(mine, expected, `the new village's pyramid on ${day}`);
      }
      await t.db.delete(households).where(eq(households.id, made.householdId));
      await t.db.delete(villages).where(eq(villages.id, v!.id));
      await same("the test village removed");
    });

    test("a change made in a transaction that rolls back leaves the kept counts right", async () => {
      await same("the start");
      await assert.rejects(
        t.db.transaction(async (tx) => {
          await tx
            .update(people)
            .set({ status: "deceased" })
            .where(and(eq(people.tambonId, tambonId), eq(people.villageId, a)));
          throw new Error("roll back");
        }),
        /roll back/,
      );
      await same("a rolled-back change");
    });

    test("each form's answer counts are kept until a submission changes, then counted again", async () => {
      const [form] = await openForms(t.db, tambonId);
      assert.ok(form, "the demo tambon has an open form");
      const questions = countedQuestions(form.definition.items);
      const fresh = () => answerCounts(t.db, tambonId, form.id, questions);
      const kept = async () =>
        (await keptAnswerCounts(t.db, tambonId, [{ id: form.id, questions }]))[0]!;
      const first = await kept();
      assert.ok(first.length > 0, "the demo's submissions answer the form");
      assert.deepEqual(first, await fresh());
      assert.equal(await kept(), first, "kept while nothing changes");
      await t.db.update(people).set({ sex: "female" }).where(eq(people.tambonId, tambonId));
      assert.equal(
        await kept(),
        first,
        "kept through a change to the registry, which no answer count reads",
      );
      const sent = await t.db
        .select({ id: submissions.id })
        .from(submissions)
        .where(and(eq(submissions.tambonId, tambonId), eq(submissions.formId, form.id)))
        .orderBy(submissions.id);
      assert.ok(sent.length >= 2, "the demo has two submissions of the form or more");

      // A submission removed, then one sent back for changes: each is counted again at once.
      await t.db.delete(submissions).where(eq(submissions.id, sent[0]!.id));
      const removed = await kept();
      assert.notEqual(removed, first, "counted again after a submission is removed");
      assert.notDeepEqual(removed, first, "the removed submission's answers are gone");
      assert.deepEqual(removed, await fresh());
      await t.db
        .update(submissions)
        .set({ status: "rejected" })
        .where(eq(submissions.id, sent[1]!.id));
      const reviewed = await kept();
      assert.notEqual(reviewed, removed, "counted again after a review");
      assert.deepEqual(reviewed, await fresh());
    });
  });
}
