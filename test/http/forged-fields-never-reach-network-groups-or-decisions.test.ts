import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, ne } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { tambons, users } from "../../src/core/db/schema.ts";
import { decisionPolicies } from "../../src/modules/decisions/schema.ts";
import { meetings, workGroups } from "../../src/modules/groups/schema.ts";
import {
  learningCentres,
  partners,
  personProfiles,
  studyVisits,
} from "../../src/modules/network/schema.ts";

/** A table whose rows belong to a tambon. */
type Owned = PgTable & { id: AnyPgColumn; tambonId: AnyPgColumn };

/** The core message shown next to a field whose value is not one of the choices. */
const CHOOSE_TH = "กรุณาเลือกจากรายการที่มีให้";
const LONG_AGO = "2001-02-03T04:05:06.000Z";

for (const kind of DB_KINDS) {
  describe(`fields a network, group or decision form does not have are never stored (${kind})`, () => {
    let t: TestApp;
    let langu = 0;
    let kokha = 0;
    let languAdminId = 0;
    let kokhaMemberId = 0;
    let admin: Client;

    const db = () => t.database.db;
    const userId = async (username: string) => {
      const [u] = await db().select().from(users).where(eq(users.username, username));
      return u!.id;
    };
    /** Every row of a table that belongs to another tambon than `tambonId`, in id order. */
    const othersOf = async (table: Owned, tambonId: number) =>
      JSON.stringify(
        await db().select().from(table).where(ne(table.tambonId, tambonId)).orderBy(table.id),
      );
    /** The id of some row of another tambon, to forge as the row's own id. */
    const someIdOf = async (table: Owned, tambonId: number): Promise<number> => {
      const [row] = await db()
        .select({ id: table.id })
        .from(table)
        .where(eq(table.tambonId, tambonId))
        .limit(1);
      assert.ok(row, "the demo has a row of the other tambon to aim at");
      return row.id as number;
    };

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const all = await db().select().from(tambons);
      langu = all.find((x) => x.slug === "la-ngu")!.id;
      kokha = all.find((x) => x.slug === "ko-kha")!.id;
      languAdminId = await userId("langu-admin");
      kokhaMemberId = await userId("kokha-member");
      admin = await Client.as(t.app, "langu-admin");
    });
    after(async () => {
      await t?.close();
    });

    test("a decision policy stays in the admin's tambon when another tambon and id are forged", async () => {
      const others = await othersOf(decisionPolicies, langu);
      const theirs = await someIdOf(decisionPolicies, kokha);
      const page = "/t/la-ngu/admin/decision-policies";
      const form = {
        nameTh: "กติกาทดสอบฟิลด์ปลอม",
        discussionDays: "7",
        frozenDays: "1",
        votingDays: "5",
        majority: "0.5",
        quorum: "0",
        secrecy: "public",
      };
      const forged = { tambonId: String(kokha), id: String(theirs), archived: "true" };
      const made = await admin.post(page, { ...form, ...forged }, { from: page });
      assert.equal(made.statusCode, 303);
      const [row] = await db()
        .select()
        .from(decisionPolicies)
        .where(eq(decisionPolicies.nameTh, form.nameTh));
      assert.equal(row!.tambonId, langu);
      assert.notEqual(row!.id, theirs);
      assert.equal(row!.archived, false);

      const edited = await admin.post(
        `${page}/${row!.id}`,
        { ...form, nameTh: "กติกาทดสอบฟิลด์ปลอม (แก้)", ...forged },
        { from: `${page}/${row!.id}` },
      );
      assert.equal(edited.statusCode, 303);
      const [after] = await db()
        .select()
        .from(decisionPolicies)
        .where(eq(decisionPolicies.id, row!.id));
      assert.deepEqual(
        [after!.tambonId, after!.nameTh, after!.archived],
        [langu, "กติกาทดสอบฟิลด์ปลอม (แก้)", false],
      );
      assert.equal(await othersOf(decisionPolicies, langu), others);
    });

    test("an unknown ballot secrecy is refused next to its field and nothing is stored", async () => {
      const page = "/t/la-ngu/admin/decision-policies";
      const res = await admin.post(
        page,
        {
          nameTh: "กติกาความลับแปลก",
          discussionDays: "7",
          frozenDays: "1",
          votingDays: "5",
          secrecy: "sealed",
        },
        { from: page },
      );
      assert.equal(res.statusCode, 422);
      assert.ok(res.body.includes(CHOOSE_TH));
      const rows = await db()
        .select()
        .from(decisionPolicies)
        .where(eq(decisionPolicies.nameTh, "กติกาความลับแปลก"));
      assert.equal(rows.length, 0);
    });

    test("a member's network profile stays theirs and in their tambon", async () => {
      const others = await othersOf(personProfiles, kokha);
      const member = await Client.as(t.app, "kokha-member");
      const page = "/t/ko-kha/admin/network/my-profile";
      const forged = {
        tambonId: String(langu),
        userId: String(languAdminId),
        id: String(await someIdOf(personProfiles, langu)),
        consentBy: String(languAdminId),
        consentAt: LONG_AGO,
        updatedAt: LONG_AGO,
      };
      for (const titleTh of ["สมาชิกทดสอบ", "สมาชิกทดสอบ (แก้)"]) {
        // The first post creates the profile, the second changes it.
        const res = await member.post(
          page,
          { titleTh, bioTh: "เล่าเรื่องตัวเอง", publicConsent: "1", ...forged },
          { from: page },
        );
        assert.equal(res.statusCode, 303);
      }
      const mine = await db()
        .select()
        .from(personProfiles)
        .where(eq(personProfiles.userId, kokhaMemberId));
      assert.equal(mine.length, 1);
      assert.deepEqual(
        [mine[0]!.tambonId, mine[0]!.titleTh, mine[0]!.publicConsent, mine[0]!.consentBy],
        [kokha, "สมาชิกทดสอบ (แก้)", true, kokhaMemberId],
      );
      assert.notEqual(mine[0]!.consentAt!.toISOString(), LONG_AGO);
      assert.notEqual(mine[0]!.updatedAt.toISOString(), LONG_AGO);
      assert.equal(await othersOf(personProfiles, kokha), others);
    });

    test("a partner keeps its author, its own id and its tambon", async () => {
      const others = await othersOf(partners, langu);
      const theirs = await someIdOf(partners, kokha);
      const kokhaAdminId = await userId("kokha-admin");
      const forged = {
        createdBy: String(kokhaAdminId),
        id: String(theirs),
        tambonId: String(kokha),
        active: "false",
        logoFile: "../../secret.webp",
        createdAt: LONG_AGO,
      };
      const made = await postMultipart(
        admin,
        "/t/la-ngu/admin/network/partners/new",
        { nameTh: "ภาคีทดสอบฟิลด์ปลอม", ...forged },
        {},
        { from: "/t/la-ngu/admin/network/partners/new" },
      );
      assert.equal(made.statusCode, 303);
      const [row] = await db()
        .select()
        .from(partners)
        .where(eq(partners.nameTh, "ภาคีทดสอบฟิลด์ปลอม"));
      assert.deepEqual(
        [row!.tambonId, row!.createdBy, row!.active, row!.logoFile],
        [langu, languAdminId, true, null],
      );
      assert.notEqual(row!.id, theirs);
      assert.notEqual(row!.createdAt.toISOString(), LONG_AGO);

      const edit = `/t/la-ngu/admin/network/partners/${row!.id}`;
      const edited = await postMultipart(
        admin,
        edit,
        { nameTh: "ภาคีทดสอบฟิลด์ปลอม (แก้)", ...forged },
        {},
        { from: edit },
      );
      assert.equal(edited.statusCode, 303);
      const [after] = await db().select().from(partners).where(eq(partners.id, row!.id));
      assert.deepEqual(
        [after!.nameTh, after!.tambonId, after!.createdBy, after!.active, after!.logoFile],
        ["ภาคีทดสอบฟิลด์ปลอม (แก้)", langu, languAdminId, true, null],
      );
      assert.equal(await othersOf(partners, langu), others);
    });

    test("answering a visit sets the status the answer leads to, whatever status is sent", async () => {
      const [centre] = await db()
        .select()
        .from(learningCentres)
        .where(
          and(
            eq(learningCentres.tambonId, langu),
            eq(learningCentres.active, true),
            eq(learningCentres.acceptsVisits, true),
          ),
        )
        .limit(1);
      const url = `/t/la-ngu/centres/${centre!.id}/visit`;
      const sent = await new Client(t.app).post(
        url,
        {
          groupName: "คณะทดสอบสถานะปลอม",
          requestedOn: "2099-05-05",
          groupSize: "12",
          topics: "ธรรมนูญสุขภาพ",
          contactName: "ครูสมศรี",
          contactPhone: "0812345678",
        },
        { from: url },
      );
      assert.equal(sent.statusCode, 200);
      const [visit] = await db()
        .select()
        .from(studyVisits)
        .where(eq(studyVisits.groupName, "คณะทดสอบสถานะปลอม"));
      const others = await othersOf(studyVisits, langu);
      const otherCentre = await someIdOf(learningCentres, kokha);
      const page = `/t/la-ngu/admin/network/visits/${visit!.id}`;
      const res = await admin.post(
        `${page}/answer`,
        {
          answer: "propose",
          proposedOn: "2099-05-12",
          status: "done",
          visitedOn: "2099-05-12",
          visitorsCount: "999",
          learnedTh: "เรียนรู้ปลอม",
          tambonId: String(kokha),
          centreId: String(otherCentre),
          requestedBy: String(kokhaMemberId),
        },
        { from: page },
      );
      assert.equal(res.statusCode, 303);
      const [after] = await db().select().from(studyVisits).where(eq(studyVisits.id, visit!.id));
      assert.deepEqual(
        [
          after!.status,
          after!.proposedOn,
          after!.requestedOn,
          after!.visitedOn,
          after!.visitorsCount,
          after!.learnedTh,
          after!.tambonId,
          after!.centreId,
          after!.requestedBy,
        ],
        ["proposed", "2099-05-12", "2099-05-05", null, null, "", langu, centre!.id, null],
      );
      assert.equal(await othersOf(studyVisits, langu), others);
    });

    test("a group is formed and edited in the admin's tambon whatever tambon and id are sent", async () => {
      const others = await othersOf(workGroups, langu);
      const theirs = await someIdOf(workGroups, kokha);
      const forged = { tambonId: String(kokha), id: String(theirs), createdAt: LONG_AGO };
      const made = await admin.post(
        "/t/la-ngu/admin/groups",
        { kind: "issue_team", nameTh: "ทีมทดสอบฟิลด์ปลอม", ...forged },
        { from: "/t/la-ngu/admin/groups" },
      );
      assert.equal(made.statusCode, 303);
      const [row] = await db()
        .select()
        .from(workGroups)
        .where(eq(workGroups.nameTh, "ทีมทดสอบฟิลด์ปลอม"));
      assert.equal(row!.tambonId, langu);
      assert.notEqual(row!.id, theirs);
      assert.notEqual(row!.createdAt.toISOString(), LONG_AGO);

      const page = `/t/la-ngu/admin/groups/${row!.id}`;
      const edited = await admin.post(
        page,
        { kind: "issue_team", nameTh: "ทีมทดสอบฟิลด์ปลอม (แก้)", ...forged },
        { from: page },
      );
      assert.equal(edited.statusCode, 303);
      const [after] = await db().select().from(workGroups).where(eq(workGroups.id, row!.id));
      assert.deepEqual([after!.tambonId, after!.nameTh], [langu, "ทีมทดสอบฟิลด์ปลอม (แก้)"]);
      assert.equal(await othersOf(workGroups, langu), others);
    });

    test("an unknown group kind or member position is refused next to its field", async () => {
      const badKind = await admin.post(
        "/t/la-ngu/admin/groups",
        { kind: "secret_society", nameTh: "กลุ่มชนิดแปลก" },
        { from: "/t/la-ngu/admin/groups" },
      );
      assert.equal(badKind.statusCode, 422);
      assert.ok(badKind.body.includes(CHOOSE_TH));
      const none = await db().select().from(workGroups).where(eq(workGroups.nameTh, "กลุ่มชนิดแปลก"));
      assert.equal(none.length, 0);

      const [group] = await db()
        .select()
        .from(workGroups)
        .where(eq(workGroups.tambonId, langu))
        .limit(1);
      const page = `/t/la-ngu/admin/groups/${group!.id}`;
      const badPosition = await admin.post(
        `${page}/members`,
        { name: "สมาชิกตำแหน่งแปลก", position: "emperor" },
        { from: page },
      );
      assert.equal(badPosition.statusCode, 422);
      assert.ok(badPosition.body.includes(CHOOSE_TH));
    });

    test("a meeting takes a new sign-in code and no confirmation from the form; an unknown status is refused", async () => {
      const others = await othersOf(meetings, langu);
      const form = {
        kind: "working_group",
        titleTh: "ประชุมทดสอบฟิลด์ปลอม",
        date: "2099-06-01",
        startTime: "09:00",
      };
      const refused = await admin.post(
        "/t/la-ngu/admin/meetings",
        { ...form, status: "adjourned" },
        { from: "/t/la-ngu/admin/meetings/new" },
      );
      assert.equal(refused.statusCode, 422);
      assert.ok(refused.body.includes(CHOOSE_TH));
      const badStep = await admin.post(
        "/t/la-ngu/admin/meetings",
        { ...form, step: "9" },
        { from: "/t/la-ngu/admin/meetings/new" },
      );
      assert.equal(badStep.statusCode, 422);
      const noSuchDay = await admin.post(
        "/t/la-ngu/admin/meetings",
        { ...form, date: "2099-02-30" },
        { from: "/t/la-ngu/admin/meetings/new" },
      );
      assert.equal(noSuchDay.statusCode, 422);
      assert.match(noSuchDay.body, /id="f-date-err"/);
      assert.equal(
        (await db().select().from(meetings).where(eq(meetings.titleTh, form.titleTh))).length,
        0,
      );

      const made = await admin.post(
        "/t/la-ngu/admin/meetings",
        {
          ...form,
          tambonId: String(kokha),
          signinCode: "000000",
          revision: "99",
          minutesConfirmedAt: LONG_AGO,
          minutesConfirmedBy: String(languAdminId),
          quorumMet: "true",
        },
        { from: "/t/la-ngu/admin/meetings/new" },
      );
      assert.equal(made.statusCode, 303);
      const [row] = await db().select().from(meetings).where(eq(meetings.titleTh, form.titleTh));
      assert.deepEqual(
        [row!.tambonId, row!.status, row!.step, row!.revision, row!.minutesConfirmedAt],
        [langu, "planned", 2, 0, null],
      );
      assert.match(row!.signinCode, /^\d{6}$/);
      assert.notEqual(row!.signinCode, "000000");
      assert.equal(await othersOf(meetings, langu), others);
    });
  });
}
