import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { openTestDatabase, type TestDatabase } from "../../../../test/helpers/db.ts";
import { publishedForm, tambonActor } from "../../../../test/helpers/community.ts";
import { tambonMembers, tambons, users } from "../../../core/db/schema.ts";
import { installModules } from "../../../core/install.ts";
import type { Actor } from "../../../core/roles.ts";
import { thaiIdCheckDigit } from "../../../core/thai-id.ts";
import { modules } from "../../index.ts";
import { households, people, recordChanges, rounds, submissions } from "../schema.ts";
import type { Answers, FormDefinition } from "../forms/definition.ts";
import { savePersonChange } from "../people/commands.ts";
import { resolveConflict } from "../submissions/commands.ts";
import type { SyncItem } from "./payload.ts";
import { syncSubmissions } from "./sync.ts";
import { membersRepeat } from "./members.ts";

installModules(modules);

const q = (type: "text" | "date" | "select_one" | "select_multiple", name: string, list?: string) =>
  ({ kind: "question", type, name, label: { th: name }, ...(list ? { list } : {}) }) as const;

const SURVEY: FormDefinition = {
  title: { th: "สมาชิก" },
  formId: "members_test",
  items: [
    {
      kind: "repeat",
      name: "members",
      label: { th: "สมาชิก" },
      items: [
        q("text", "member_name"),
        q("text", "thai_id"),
        q("date", "birth_date"),
        q("select_one", "sex", "sex"),
        q("select_multiple", "conditions", "conditions"),
      ],
    },
  ],
  choices: {
    sex: [
      { name: "male", label: { th: "ชาย" } },
      { name: "female", label: { th: "หญิง" } },
    ],
    conditions: [
      { name: "bedridden", label: { th: "ติดเตียง" } },
      { name: "disabled", label: { th: "พิการ" } },
    ],
  },
};

const thaiId = (first12: string) => first12 + thaiIdCheckDigit(first12);

test("the members' repeat is the one named members, else the first with a member's name", () => {
  assert.equal(membersRepeat(SURVEY)?.name, "members");
  const other: FormDefinition = {
    ...SURVEY,
    items: [
      { kind: "repeat", name: "crops", label: { th: "พืช" }, items: [q("text", "crop")] },
      { kind: "repeat", name: "folks", label: { th: "คน" }, items: [q("text", "name")] },
    ],
  };
  assert.equal(membersRepeat(other)?.name, "folks");
  assert.equal(membersRepeat({ ...SURVEY, items: [] }), null);
});

describe("an accepted household submission updates the household's people", () => {
  let database: TestDatabase;
  let langu = 0;
  let volunteer: Actor;
  let staff: Actor;
  let versionId = 0;
  let roundId = 0;
  let seq = 0;

  /** A household with its creation in the history (version 1) and three people. */
  async function household(houseNo: string) {
    const db = database.db;
    const [member] = await db
      .select()
      .from(tambonMembers)
      .where(and(eq(tambonMembers.userId, volunteer.user!.id), eq(tambonMembers.tambonId, langu)));
    const [h] = await db
      .insert(households)
      .values({ tambonId: langu, villageId: member!.villageId!, houseNo })
      .returning();
    await db.insert(recordChanges).values({
      tambonId: langu,
      entity: "household",
      entityId: h!.id,
      version: 1,
      action: "create",
      changes: {},
      at: new Date(Date.now() - 60_000),
    });
    const folks = await db
      .insert(people)
      .values([
        { tambonId: langu, householdId: h!.id, villageId: h!.villageId, name: "ก ไก่" },
        {
          tambonId: langu,
          householdId: h!.id,
          villageId: h!.villageId,
          name: "ข ไข่",
          thaiId: thaiId(`1100${houseNo.replace(/\D/g, "").padStart(8, "0")}`),
        },
        {
          tambonId: langu,
          householdId: h!.id,
          villageId: h!.villageId,
          name: "ค ควาย",
          birthDate: "1950-05-05",
        },
      ])
      .returning();
    return { id: h!.id, folks };
  }

  const item = (householdId: number, answers: Answers, baseVersion = 1): SyncItem => ({
    clientId: `members-${++seq}-abcdefgh`,
    formVersionId: versionId,
    roundId,
    householdId,
    personId: null,
    villageId: null,
    baseVersion,
    collectedAt: new Date().toISOString(),
    answers,
  });

  before(async () => {
    database = await openTestDatabase("pglite", { demo: true });
    const db = database.db;
    langu = (await db.select().from(tambons)).find((t) => t.slug === "la-ngu")!.id;
    const [osm] = await db.select().from(users).where(eq(users.username, "langu-osm"));
    const [admin] = await db.select().from(users).where(eq(users.username, "langu-admin"));
    volunteer = tambonActor(osm!.id, langu, ["health_volunteer", "member"]);
    staff = tambonActor(admin!.id, langu, ["admin", "member"]);
    const form = await publishedForm(db, langu, "สมาชิก", SURVEY);
    versionId = form.versionId;
    const [r] = await db
      .insert(rounds)
      .values({ tambonId: langu, formId: form.formId, name: "2569", startsOn: "2026-01-01" })
      .returning();
    roundId = r!.id;
  });
  after(async () => {
    await database?.drop();
  });

  test("matches by id, Thai ID and name with birth date, adds the new, deletes no one", async () => {
    const db = database.db;
    const h = await household("5/1");
    const [ka, kai, khwai] = h.folks;
    const first = item(h.id, {
      members: [
        { person_id: ka!.id, member_name: "ก ไก่", conditions: ["bedridden"] },
        { member_name: "ข ไข่ ใหม่", thai_id: kai!.thaiId!, sex: "female" },
        { member_name: "ค ควาย", birth_date: "1950-05-05", sex: "male" },
        { member_name: "ง งู", birth_date: "2020-02-02", sex: "male" },
      ],
    });
    const [out] = (await syncSubmissions(db, volunteer, langu, [
      { ok: true, item: structuredClone(first) },
    ]))!;
    assert.equal(out?.status, "accepted");
    const id = (out as { id: number }).id;
    const now = await db.select().from(people).where(eq(people.householdId, h.id));
    assert.equal(now.length, 4, "three kept, one added, none deleted");
    const by = new Map(now.map((p) => [p.id, p]));
    assert.deepEqual(by.get(ka!.id)!.conditions, ["bedridden"]);
    assert.equal(by.get(kai!.id)!.name, "ข ไข่ ใหม่");
    assert.equal(by.get(kai!.id)!.sex, "female");
    assert.equal(by.get(khwai!.id)!.sex, "male");
    const added = now.find((p) => p.name === "ง งู")!;
    assert.equal(added.birthDate, "2020-02-02");

    const history = await db
      .select()
      .from(recordChanges)
      .where(and(eq(recordChanges.entity, "person"), eq(recordChanges.submissionId, id)));
    assert.deepEqual(
      history.map((r) => [r.entityId, r.action, r.via]).sort(),
      [
        [ka!.id, "update", "sync"],
        [kai!.id, "update", "sync"],
        [khwai!.id, "update", "sync"],
        [added.id, "create", "sync"],
      ].sort(),
    );
    assert.deepEqual(history.find((r) => r.entityId === kai!.id)!.changes, {
      name: ["ข ไข่", "ข ไข่ ใหม่"],
      sex: ["unspecified", "female"],
    });
    const [stored] = await db.select().from(submissions).where(eq(submissions.id, id));
    assert.deepEqual(
      (stored!.answers.members as Answers[]).map((e) => e.person_id),
      [ka!.id, kai!.id, khwai!.id, added.id],
      "each entry names its person",
    );

    // Sent again: nothing more changes.
    const again = await syncSubmissions(db, volunteer, langu, [
      { ok: true, item: { ...item(h.id, {}), clientId: first.clientId } },
    ]);
    assert.equal(again![0]!.status, "accepted");
    assert.equal((await db.select().from(people).where(eq(people.householdId, h.id))).length, 4);
  });

  test("a member changed since the phone's base version is held for a reviewer", async () => {
    const db = database.db;
    const h = await household("6/1");
    const ka = h.folks[0]!;
    const changed = await db.transaction((tx) =>
      savePersonChange(
        tx,
        langu,
        ka.id,
        { conditions: ["disabled"] },
        { actorId: staff.user!.id, via: "web", scope: { all: true }, baseVersion: null },
      ),
    );
    assert.ok(changed.ok);
    const [out] = (await syncSubmissions(db, volunteer, langu, [
      {
        ok: true,
        item: item(h.id, {
          members: [
            { person_id: ka.id, member_name: "ก ไก่", conditions: ["bedridden"] },
            { member_name: "จ จาน" },
          ],
        }),
      },
    ]))!;
    assert.equal(out?.status, "conflict");
    const id = (out as { id: number }).id;
    const [still] = await db.select().from(people).where(eq(people.id, ka.id));
    assert.deepEqual(still!.conditions, ["disabled"], "the held submission changes no one");
    assert.equal((await db.select().from(people).where(eq(people.householdId, h.id))).length, 3);
    const [hh] = await db.select().from(households).where(eq(households.id, h.id));
    assert.equal(hh!.version, 1, "a held submission does not move the household on");

    const kept = await resolveConflict(db, staff, langu, id, "keep_this", "ตรวจแล้ว");
    assert.ok(kept.ok);
    const [after] = await db.select().from(people).where(eq(people.id, ka.id));
    assert.deepEqual(after!.conditions, ["bedridden"]);
    assert.equal((await db.select().from(people).where(eq(people.householdId, h.id))).length, 4);
    const rows = await db
      .select()
      .from(recordChanges)
      .where(and(eq(recordChanges.entity, "person"), eq(recordChanges.submissionId, id)));
    assert.equal(rows.length, 2);
  });

  test("a new member whose Thai ID another household's person has is held, not duplicated", async () => {
    const db = database.db;
    const a = await household("7/1");
    const b = await household("8/1");
    const [out] = (await syncSubmissions(db, volunteer, langu, [
      {
        ok: true,
        item: item(b.id, { members: [{ member_name: "ย้ายมา", thai_id: a.folks[1]!.thaiId! }] }),
      },
    ]))!;
    assert.equal(out?.status, "conflict");
    assert.equal((await db.select().from(people).where(eq(people.householdId, b.id))).length, 3);
    const kept = await resolveConflict(
      db,
      staff,
      langu,
      (out as { id: number }).id,
      "keep_this",
      "",
    );
    assert.equal(kept.ok, false, "the reviewer is told the registry must be corrected first");
    const [s] = await db
      .select()
      .from(submissions)
      .where(eq(submissions.id, (out as { id: number }).id));
    assert.equal(s!.status, "conflict", "nothing stored");
  });
});
