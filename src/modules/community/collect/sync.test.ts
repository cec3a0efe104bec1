import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../../../../test/helpers/db.ts";
import { publishedForm, tambonActor } from "../../../../test/helpers/community.ts";
import { auditLog, tambonMembers, tambons, users, villages } from "../../../core/db/schema.ts";
import { installModules } from "../../../core/install.ts";
import type { Actor } from "../../../core/roles.ts";
import { modules } from "../../index.ts";
import { households, rounds, submissions } from "../schema.ts";
import type { FormDefinition } from "../forms/definition.ts";
import type { ParsedItem, SyncItem } from "./payload.ts";
import { parsePayload } from "./payload.ts";
import { syncSubmissions, type SyncOutcome } from "./sync.ts";
import { resolveConflict } from "../submissions/commands.ts";

installModules(modules);

const SURVEY: FormDefinition = {
  title: { th: "สำรวจทดสอบ" },
  formId: "sync_test",
  items: [
    {
      kind: "question",
      type: "yesno",
      name: "clean_water",
      label: { th: "น้ำสะอาด" },
      required: true,
    },
    {
      kind: "repeat",
      name: "members",
      label: { th: "สมาชิก" },
      items: [
        {
          kind: "question",
          type: "text",
          name: "member_name",
          label: { th: "ชื่อ" },
          required: true,
        },
      ],
    },
  ],
  choices: {},
};

const ok = (item: SyncItem): ParsedItem => ({ ok: true, item });
const status = (o: SyncOutcome | undefined) => o?.status;

for (const kind of DB_KINDS) {
  describe(`a phone's queue is synced once, conflicts are held for a reviewer (${kind})`, () => {
    let database: TestDatabase;
    let langu = 0;
    let kokha = 0;
    let volunteer: Actor;
    let staff: Actor;
    let versionId = 0;
    let otherVersionId = 0;
    let roundId = 0;
    let home = 0;
    let away = 0;
    let seq = 0;

    const item = (over: Partial<SyncItem> = {}): SyncItem => ({
      clientId: `client-${kind}-${++seq}-abcdef`,
      formVersionId: versionId,
      roundId,
      householdId: home,
      personId: null,
      villageId: null,
      baseVersion: 1,
      collectedAt: new Date().toISOString(),
      answers: { clean_water: "yes", members: [{ member_name: "สมศรี ใจดี" }] },
      ...over,
    });

    before(async () => {
      database = await openTestDatabase(kind, { demo: true });
      const db = database.db;
      const all = await db.select().from(tambons);
      langu = all.find((t) => t.slug === "la-ngu")!.id;
      kokha = all.find((t) => t.slug === "ko-kha")!.id;
      const [osm] = await db.select().from(users).where(eq(users.username, "langu-osm"));
      const [member] = await db
        .select()
        .from(tambonMembers)
        .where(and(eq(tambonMembers.userId, osm!.id), eq(tambonMembers.tambonId, langu)));
      const moo = await db.select().from(villages).where(eq(villages.tambonId, langu));
      const own = member!.villageId!;
      const other = moo.find((v) => v.id !== own)!.id;
      volunteer = tambonActor(osm!.id, langu, ["health_volunteer", "member"]);
      const [admin] = await db.select().from(users).where(eq(users.username, "langu-admin"));
      staff = tambonActor(admin!.id, langu, ["admin", "member"]);
      const mine = await publishedForm(db, langu, "สำรวจทดสอบ", SURVEY);
      versionId = mine.versionId;
      otherVersionId = (await publishedForm(db, kokha, "สำรวจทดสอบ", SURVEY)).versionId;
      const [round] = await db
        .insert(rounds)
        .values({ tambonId: langu, formId: mine.formId, name: "2569", startsOn: "2026-01-01" })
        .returning();
      roundId = round!.id;
      const hs = await db
        .insert(households)
        .values([
          { tambonId: langu, villageId: own, houseNo: "1/1" },
          { tambonId: langu, villageId: other, houseNo: "9/9" },
        ])
        .returning();
      home = hs[0]!.id;
      away = hs[1]!.id;
    });
    after(async () => {
      await database?.drop();
    });

    test("a re-sent client id returns the stored result and stores nothing new", async () => {
      const db = database.db;
      const first = item();
      const [a] = (await syncSubmissions(db, volunteer, langu, [ok(first)]))!;
      assert.equal(status(a), "accepted");
      const [b] = (await syncSubmissions(db, volunteer, langu, [ok(first), ok(first)]))!;
      assert.deepEqual(b && "id" in b ? b.id : null, a && "id" in a ? a.id : -1);
      const rows = await db
        .select()
        .from(submissions)
        .where(eq(submissions.clientId, first.clientId));
      assert.equal(rows.length, 1);
      const audited = await db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, "community.submission.sync"),
            eq(auditLog.targetId, String(rows[0]!.id)),
          ),
        );
      assert.equal(audited.length, 1);
      const [h] = await db.select().from(households).where(eq(households.id, home));
      assert.equal(h!.version, 2, "the accepted submission moved the household's version on");
    });

    test("a second phone from the old version is held as a conflict with the first, never applied", async () => {
      const db = database.db;
      const [h] = await db.select().from(households).where(eq(households.id, home));
      const base = h!.version;
      const first = item({ baseVersion: base });
      const late = item({ baseVersion: base, answers: { clean_water: "no" } });
      const out = (await syncSubmissions(db, volunteer, langu, [ok(first)]))!;
      const again = (await syncSubmissions(db, staff, langu, [ok(late)]))!;
      assert.equal(status(out[0]), "accepted");
      assert.equal(status(again[0]), "conflict");
      const firstId = out[0] && "id" in out[0] ? out[0].id : 0;
      const [held] = await db
        .select()
        .from(submissions)
        .where(eq(submissions.clientId, late.clientId));
      assert.equal(held!.status, "conflict");
      assert.equal(held!.conflictWith, firstId);
      const [after] = await db.select().from(households).where(eq(households.id, home));
      assert.equal(after!.version, base + 1, "only the accepted submission moved the version");
      // A volunteer may not settle it; staff keep the held one, which sets the other aside.
      const byVolunteer = await resolveConflict(db, volunteer, langu, held!.id, "keep_this", "");
      assert.equal(byVolunteer.ok, false);
      const settled = await resolveConflict(db, staff, langu, held!.id, "keep_this", "ตรวจแล้ว");
      assert.ok(settled.ok, JSON.stringify(settled));
      const [kept] = await db.select().from(submissions).where(eq(submissions.id, held!.id));
      const [aside] = await db.select().from(submissions).where(eq(submissions.id, firstId));
      assert.deepEqual([kept!.status, aside!.status], ["resolved", "rejected"]);
      const twice = await resolveConflict(db, staff, langu, held!.id, "reject", "");
      assert.equal(twice.ok, false, "a settled conflict is not settled twice");
      const elsewhere = await resolveConflict(
        db,
        tambonActor(staff.user!.id, kokha, ["admin"]),
        kokha,
        held!.id,
        "reject",
        "",
      );
      assert.equal(elsewhere.ok, false, "another tambon's submission is missing");
      // A phone that saw the new version is taken.
      const fresh = (await syncSubmissions(db, volunteer, langu, [
        ok(item({ baseVersion: base + 1 })),
      ]))!;
      assert.equal(status(fresh[0]), "accepted");
    });

    test("another tambon's form version and a household outside her village are refused; the rest go", async () => {
      const db = database.db;
      const foreign = item({ formVersionId: otherVersionId });
      const outside = item({ householdId: away });
      const good = item({ baseVersion: null });
      const bad = item({ answers: { members: [{}] } });
      const out = (await syncSubmissions(db, volunteer, langu, [
        ok(foreign),
        ok(outside),
        ok(good),
        ok(bad),
      ]))!;
      assert.deepEqual(
        out.map((o) => [o.status, "reason" in o ? o.reason : null]),
        [
          ["refused", "form"],
          ["refused", "household"],
          ["accepted", null],
          ["refused", "answers"],
        ],
      );
      for (const c of [foreign, outside, bad]) {
        const rows = await db
          .select()
          .from(submissions)
          .where(eq(submissions.clientId, c.clientId));
        assert.equal(rows.length, 0);
      }
      // Staff collect in every village.
      const [byStaff] = (await syncSubmissions(db, staff, langu, [
        ok(item({ householdId: away, baseVersion: null })),
      ]))!;
      assert.equal(status(byStaff), "accepted");
    });

    test("a payload that is not a list of submissions is refused whole; a bad item alone", () => {
      assert.equal(parsePayload("{"), null);
      assert.equal(parsePayload("{}"), null);
      const [bad, good] = parsePayload(
        JSON.stringify([
          { clientId: "abc12345", formVersionId: "x" },
          { ...item(), answers: { a: 1 } },
        ]),
      )!;
      assert.deepEqual(bad, { ok: false, clientId: "abc12345", reason: "payload" });
      assert.equal(good?.ok, true);
    });

    test("a member who does not collect gets nothing", async () => {
      const db = database.db;
      const plain = tambonActor(volunteer.user!.id, langu, ["member"]);
      assert.equal(await syncSubmissions(db, plain, langu, [ok(item())]), null);
    });
  });
}
