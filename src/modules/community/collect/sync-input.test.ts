import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, ne } from "drizzle-orm";
import sharp from "sharp";
import { Client, startTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { multipart } from "../../../../test/helpers/multipart.ts";
import { tambonMembers, tambons, users } from "../../../core/db/schema.ts";
import { formVersions, forms, households, submissions } from "../schema.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** Answers to every required question of the demo's household survey. */
const ANSWERS = {
  clean_water: "yes",
  drinking_water: "yes",
  sanitary_toilet: "yes",
  garbage: "sorted",
  any_smoker: "no",
  alcohol: "no",
  chronic_count: 0,
  elderly_alone: "no",
  insurance: "all",
  income_enough: "yes",
};

/**
 * What a phone sends to the sync is checked before it is stored: text the database cannot keep
 * and moments outside its calendar are refused or left out, never a 500; a photo answer must be
 * a file of the request, not a stored file of someone else's household, and a submission's page
 * serves only the photos its photo answers hold.
 */
describe("the sync takes only what it can store, and photos only from the phone", () => {
  let t: TestApp;
  let own = 0;
  let versionId = 0;
  let formId = 0;
  let home = 0;
  let away = 0;
  let seq = 0;
  const clientId = () => `sync-input-${++seq}-abcdef`;

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const db = t.database.db;
    const [langu] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    own = langu!.id;
    const [version] = await db
      .select({ id: formVersions.id, formId: formVersions.formId })
      .from(formVersions)
      .innerJoin(forms, eq(forms.id, formVersions.formId))
      .where(tambonWhere(formVersions, own, {}, eq(forms.level, "household")));
    versionId = version!.id;
    formId = version!.formId;
    const [osm] = await db.select().from(users).where(eq(users.username, "langu-osm"));
    const [membership] = await db
      .select({ villageId: tambonMembers.villageId })
      .from(tambonMembers)
      .where(and(eq(tambonMembers.userId, osm!.id), eq(tambonMembers.tambonId, own)));
    const [mine] = await db
      .select({ id: households.id })
      .from(households)
      .where(tambonWhere(households, own, { villageId: membership!.villageId! }));
    const [theirs] = await db
      .select({ id: households.id })
      .from(households)
      .where(tambonWhere(households, own, {}, ne(households.villageId, membership!.villageId!)));
    home = mine!.id;
    away = theirs!.id;
  });
  after(async () => {
    await t?.close();
  });

  /** Each item's status and reason in a sync's answer (which must be a 200). */
  function outcomes(res: { statusCode: number; body: string }) {
    assert.equal(res.statusCode, 200, res.body.slice(0, 200));
    const { results } = JSON.parse(res.body) as { results: { status: string; reason?: string }[] };
    return results.map((r) => [r.status, r.reason]);
  }

  /** Signs in and sends one sync with the given submissions (and photos). */
  async function sync(
    username: string,
    items: Record<string, unknown>[],
    photos: Record<string, Buffer> = {},
  ) {
    const c = await Client.as(t.app, username);
    const data = await c.get("/t/la-ngu/community/collect/data.json");
    const csrf = (JSON.parse(data.body) as { csrf: string }).csrf;
    const full = items.map((i) => ({
      formVersionId: versionId,
      roundId: null,
      householdId: home,
      personId: null,
      villageId: null,
      baseVersion: null,
      collectedAt: null,
      answers: ANSWERS,
      ...i,
    }));
    const files = {
      photo: Object.entries(photos).map(([name, data]) => ({
        filename: name,
        type: "image/jpeg",
        data,
      })),
    };
    const { body, contentType } = multipart({ _csrf: csrf, payload: JSON.stringify(full) }, files);
    const res = await t.app.inject({
      method: "POST",
      url: "/t/la-ngu/community/collect/sync",
      remoteAddress: c.ip,
      headers: { cookie: c.cookieHeader(), "content-type": contentType },
      payload: body,
    });
    return { client: c, res };
  }

  const stored = async (id: string) =>
    t.database.db.select().from(submissions).where(eq(submissions.clientId, id));

  test("a NUL character or a lone surrogate in an answer is refused, not a 500", async () => {
    const ids = [clientId(), clientId(), clientId()];
    const member = { sex: "male", birth_date: "1990-01-01", relation: "head", smokes: "no" };
    const { res } = await sync("langu-admin", [
      {
        clientId: ids[0],
        answers: { ...ANSWERS, members: [{ ...member, member_name: "a\u0000b" }] },
      },
      { clientId: ids[1], answers: { ...ANSWERS, garbage: "sorted\u0000" } },
      {
        clientId: ids[2],
        answers: { ...ANSWERS, members: [{ ...member, member_name: "a\ud800" }] },
      },
    ]);
    assert.deepEqual(
      outcomes(res),
      ids.map(() => ["refused", "payload"]),
    );
    for (const id of ids) assert.equal((await stored(id)).length, 0);
  });

  test("a household version past what the column holds is refused, not a 500", async () => {
    const ids = [clientId(), clientId()];
    const { res } = await sync("langu-admin", [
      { clientId: ids[0], baseVersion: 99999999999 },
      { clientId: ids[1], baseVersion: 2147483648 },
    ]);
    assert.deepEqual(
      outcomes(res),
      ids.map(() => ["refused", "payload"]),
    );
  });

  test("a moment outside the database's calendar is left out, not a 500", async () => {
    const ids = [clientId(), clientId(), clientId()];
    const { res } = await sync("langu-admin", [
      { clientId: ids[0], collectedAt: "-100000-01-01T00:00:00Z" },
      { clientId: ids[1], collectedAt: "+200000-01-01T00:00:00Z" },
      { clientId: ids[2], collectedAt: "2026-01-15T08:30:00+07:00" },
    ]);
    assert.equal(res.statusCode, 200, res.body.slice(0, 200));
    const [far, future, fine] = await Promise.all(ids.map(stored));
    assert.equal(far![0]?.collectedAt, null);
    assert.equal(future![0]?.collectedAt, null);
    assert.equal(fine![0]?.collectedAt?.toISOString(), "2026-01-15T01:30:00.000Z");
  });

  test("a 13th photo, or a photo over 4 MB, is a 413 the phone can show, and nothing is stored", async () => {
    const jpeg = await sharp({ create: { width: 60, height: 40, channels: 3, background: "#482" } })
      .jpeg()
      .toBuffer();
    const item = clientId();
    const answers = { ...ANSWERS, house_photo: "p1.jpg" };
    const thirteen = Object.fromEntries(
      Array.from({ length: 13 }, (_, i) => [`p${i + 1}.jpg`, jpeg]),
    );
    const many = await sync("langu-admin", [{ clientId: item, answers }], thirteen);
    assert.equal(many.res.statusCode, 413, many.res.body.slice(0, 200));
    assert.deepEqual(JSON.parse(many.res.body), {
      error: "ส่งภาพถ่ายได้ไม่เกิน 12 ภาพต่อครั้ง ไม่ได้บันทึกข้อมูลที่ส่งครั้งนี้",
    });
    assert.equal((await stored(item)).length, 0);
    const big = Buffer.concat([jpeg, Buffer.alloc(4 * 1024 * 1024)]);
    const large = await sync("langu-admin", [{ clientId: item, answers }], { "p1.jpg": big });
    assert.equal(large.res.statusCode, 413, large.res.body.slice(0, 200));
    assert.match(
      (JSON.parse(large.res.body) as { error: string }).error,
      /^ภาพ “p1\.jpg” ใหญ่เกิน 4 MB/,
    );
    assert.equal((await stored(item)).length, 0);
    // Twelve photos within the size are taken.
    const twelve = Object.fromEntries(Object.entries(thirteen).slice(0, 12));
    const fine = await sync("langu-admin", [{ clientId: item, answers }], twelve);
    assert.equal(fine.res.statusCode, 200, fine.res.body.slice(0, 200));
    assert.equal((await stored(item)).length, 1);
  });

  test("a photo answer naming a stored file is refused; a page serves only its photo answers", async () => {
    // Staff keep a photo of a household in another village than the volunteer's.
    const jpeg = await sharp({ create: { width: 60, height: 40, channels: 3, background: "#284" } })
      .jpeg()
      .toBuffer();
    const staffItem = clientId();
    const kept = await sync(
      "langu-admin",
      [{ clientId: staffItem, householdId: away, answers: { ...ANSWERS, house_photo: "p1.jpg" } }],
      { "p1.jpg": jpeg },
    );
    assert.equal(kept.res.statusCode, 200, kept.res.body.slice(0, 200));
    const [theirs] = await stored(staffItem);
    const photoId = (theirs!.answers as Record<string, unknown>).house_photo;
    assert.equal(typeof photoId, "number");

    // The volunteer cannot claim it as the photo of a household of her own village …
    const claim = clientId();
    const { res, client } = await sync("langu-osm", [
      { clientId: claim, answers: { ...ANSWERS, house_photo: photoId } },
    ]);
    assert.deepEqual(outcomes(res), [["refused", "photo"]]);
    assert.equal((await stored(claim)).length, 0);

    // … nor reach it through another number a submission of her village holds (an import's).
    const [mine] = await t.database.db
      .insert(submissions)
      .values({
        tambonId: own,
        clientId: clientId(),
        formId,
        formVersionId: versionId,
        villageId: (
          await t.database.db
            .select({ v: households.villageId })
            .from(households)
            .where(eq(households.id, home))
        )[0]!.v,
        householdId: home,
        answers: { ...ANSWERS, chronic_count: photoId as number },
        status: "accepted",
      })
      .returning({ id: submissions.id });
    const base = "/t/la-ngu/admin/community/submissions";
    assert.equal((await client.get(`${base}/${mine!.id}`)).statusCode, 200);
    assert.equal((await client.get(`${base}/${mine!.id}/photos/${photoId}`)).statusCode, 404);
    // Staff still see the photo on its own submission's page.
    const staff = await Client.as(t.app, "langu-admin");
    assert.equal((await staff.get(`${base}/${theirs!.id}/photos/${photoId}`)).statusCode, 200);
  });
});
