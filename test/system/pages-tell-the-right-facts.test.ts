import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, count, eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { todayIso } from "../../src/core/dates.ts";
import { pageCache } from "../../src/core/page-cache.ts";
import { alternatives, questions } from "../../src/modules/decisions/schema.ts";
import { charterEditions } from "../../src/modules/charter/schema.ts";
import { itaItems, siteNews } from "../../src/modules/site/schema.ts";
import { attendances, meetingFiles, meetings } from "../../src/modules/groups/schema.ts";
import { PHOTO_BYTES } from "../../src/core/uploads.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { phoneJpeg } from "../helpers/images.ts";

// What the pages say must be what is true now (counts, hearings past their end, transparency
// items met by what is published, who counts toward a quorum); what cannot be undone asks first;
// a phone photo goes where photos go. One demo app for all.
describe("pages tell the right facts, ask before what cannot be undone, take phone photos (demo, PGlite)", () => {
  let t: TestApp;
  let tambonId: number;

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    tambonId = tb!.id;
  });
  after(async () => {
    await t?.close();
  });

  test("the decisions list counts every alternative of a question", async () => {
    const db = t.database.db;
    const per = await db
      .select({ questionId: alternatives.questionId, n: count() })
      .from(alternatives)
      .where(eq(alternatives.tambonId, tambonId))
      .groupBy(alternatives.questionId);
    const many = per.find((p) => Number(p.n) >= 2);
    let questionId = many?.questionId;
    let n = Number(many?.n ?? 0);
    if (!many) {
      // The demo has none with two: give one a second alternative.
      const [q] = await db.select().from(questions).where(eq(questions.tambonId, tambonId));
      const [first] = await db
        .select()
        .from(alternatives)
        .where(eq(alternatives.questionId, q!.id));
      const { id: _id, ...copy } = first!;
      await db.insert(alternatives).values({ ...copy, title: "ข้อเสนอที่สอง" });
      questionId = q!.id;
      n = 2;
    }
    const page = await new Client(t.app).get("/t/la-ngu/decisions");
    assert.equal(page.statusCode, 200);
    const item = new RegExp(
      `href="/t/la-ngu/decisions/${questionId}"[\\s\\S]*?ข้อเสนอ: ${n}(?!\\d)`,
    );
    assert.match(page.body, item);
  });

  test("a hearing past its end is closed at once, and not advertised", async () => {
    const db = t.database.db;
    const [heard] = await db
      .select()
      .from(charterEditions)
      .where(and(eq(charterEditions.tambonId, tambonId), eq(charterEditions.status, "hearing")));
    assert.ok(heard, "the demo has an edition in public hearing");
    const visitor = new Client(t.app);
    const open = await visitor.get(`/t/la-ngu/charter-editions/${heard.id}`);
    assert.equal(open.statusCode, 200, "an open hearing is public");
    const yesterday = todayIso(new Date(Date.now() - 86_400_000));
    await db
      .update(charterEditions)
      .set({ hearingEndsOn: yesterday })
      .where(eq(charterEditions.id, heard.id));
    pageCache.invalidate(null);
    const later = new Client(t.app);
    const ended = await later.get(`/t/la-ngu/charter-editions/${heard.id}`);
    assert.equal(ended.statusCode, 303, "an ended hearing is a draft again: members only");
    const home = await later.get("/t/la-ngu/");
    assert.doesNotMatch(home.body, new RegExp(`charter-editions/${heard.id}/hearing`));
    const facilitator = await Client.as(t.app, "langu-facilitator");
    const late = await facilitator.post(
      `/t/la-ngu/charter-editions/${heard.id}/hearing`,
      { name: "นางมาสาย", village: "1", about: "general", kind: "comment", body: "ช้าไป" },
      { from: `/t/la-ngu/charter-editions/${heard.id}` },
    );
    assert.notEqual(late.statusCode, 303, "no hearing input after its end");
    await db
      .update(charterEditions)
      .set({ hearingEndsOn: heard.hearingEndsOn })
      .where(eq(charterEditions.id, heard.id));
  });

  test("ITA: an item named as a news category is met by its published news; drafts are not offered", async () => {
    const db = t.database.db;
    const [o7] = await db
      .select()
      .from(itaItems)
      .where(and(eq(itaItems.tambonId, tambonId), eq(itaItems.code, "O7")));
    assert.ok(o7 && !o7.linkKind, "O7 (ข่าวประชาสัมพันธ์) is linked to nothing");
    const page = await new Client(t.app).get("/t/la-ngu/transparency");
    assert.equal(page.statusCode, 200);
    const row = new RegExp(`O7[\\s\\S]*?href="/t/la-ngu/news\\?category=pr"`);
    assert.match(page.body, row, "met by the list of PR news");

    const [draft] = await db
      .select()
      .from(siteNews)
      .where(and(eq(siteNews.tambonId, tambonId), eq(siteNews.status, "draft")));
    assert.ok(draft, "the demo has a draft news item");
    const editor = await Client.as(t.app, "langu-admin");
    const admin = await editor.get("/t/la-ngu/admin/site/transparency");
    assert.equal(admin.statusCode, 200);
    assert.doesNotMatch(admin.body, new RegExp(`value="news:${draft.id}"`));
    assert.match(admin.body, /value="news:\d+"/, "published news are offered");
    const forged = await editor.post(
      `/t/la-ngu/admin/site/ita/${o7.id}`,
      { target: `news:${draft.id}`, url: "" },
      { from: "/t/la-ngu/admin/site/transparency" },
    );
    assert.equal(forged.statusCode, 422, "a draft cannot meet an item");
  });

  test("a walk-in recorded as a representative is told why they do not count", async () => {
    const db = t.database.db;
    const [meeting] = await db
      .select()
      .from(meetings)
      .where(eq(meetings.tambonId, tambonId))
      .limit(1);
    assert.ok(meeting);
    await db.insert(attendances).values({
      tambonId,
      meetingId: meeting.id,
      userId: null,
      name: "นายเดินมาเอง",
      nameKey: "นายเดินมาเอง",
      villageId: null,
      role: "village_rep",
    });
    const facilitator = await Client.as(t.app, "langu-admin");
    const page = await facilitator.get(`/t/la-ngu/admin/meetings/${meeting.id}/attendance`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /นายเดินมาเอง[^<]*<strong class="gm-not-counted">ไม่นับเป็นองค์ประชุม/);
  });

  // Actions that cannot be undone ask first, without JavaScript.
  test("going to the next phase now and cancelling a question pass through a confirmation page", async () => {
    const db = t.database.db;
    const [q] = await db
      .select()
      .from(questions)
      .where(and(eq(questions.tambonId, tambonId), eq(questions.phase, "voting")));
    assert.ok(q, "the demo has a question in voting");
    const admin = await Client.as(t.app, "langu-admin");
    const base = `/t/la-ngu/decisions/${q.id}`;
    const page = await admin.get(base);
    assert.doesNotMatch(
      page.body,
      new RegExp(`action="${base}/(phase|cancel)"`),
      "no one-click form",
    );
    assert.match(page.body, new RegExp(`href="${base}/phase"`));
    const confirm = await admin.get(`${base}/phase`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /การลงคะแนนจะปิดทันที/, "says the vote closes and what that means");
    assert.match(confirm.body, new RegExp(`<form method="post" action="${base}/phase"`));
    const [still] = await db.select().from(questions).where(eq(questions.id, q.id));
    assert.equal(still!.phase, "voting", "looking at the confirmation changes nothing");
    const cancel = await admin.get(`${base}/cancel`);
    assert.match(cancel.body, /ย้อนกลับไม่ได้/);
    const member = await Client.as(t.app, "langu-member");
    assert.equal((await member.get(`${base}/phase`)).statusCode, 403);
    const moved = await admin.post(`${base}/phase`, { confirmed: "1" }, { from: `${base}/phase` });
    assert.equal(moved.statusCode, 303);
    const [closed] = await db.select().from(questions).where(eq(questions.id, q.id));
    assert.equal(closed!.phase, "closed");
  });

  test("a 4.2 MB phone photo goes to a meeting; one over the limit gets the form back, caption kept", async () => {
    const db = t.database.db;
    const [meeting] = await db
      .select()
      .from(meetings)
      .where(eq(meetings.tambonId, tambonId))
      .limit(1);
    const organiser = await Client.as(t.app, "langu-admin");
    const hub = `/t/la-ngu/admin/meetings/${meeting!.id}`;
    // A phone's JPEG, made as large as a real one (bytes after the image's end are ignored).
    const photo = Buffer.concat([await phoneJpeg(1200, 900), Buffer.alloc(4.2 * 1024 * 1024)]);
    const sent = await postMultipart(
      organiser,
      `${hub}/files`,
      { caption: "ภาพเวทีประชาคม" },
      { file: { filename: "IMG_2041.jpg", type: "image/jpeg", data: photo } },
      { from: hub },
    );
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    const [stored] = await db
      .select()
      .from(meetingFiles)
      .where(
        and(eq(meetingFiles.meetingId, meeting!.id), eq(meetingFiles.caption, "ภาพเวทีประชาคม")),
      );
    assert.ok(stored, "the photo is stored with its caption");
    assert.ok(stored.bytes < photo.length, "re-encoded smaller");
    const withFile = await organiser.get(hub);
    assert.match(
      withFile.body,
      new RegExp(
        `action="/t/la-ngu/admin/meeting-files/${stored.id}/delete"[^>]*>[\\s\\S]{0,300}?<input type="checkbox" name="confirmed" value="1" required`,
      ),
      "deleting it asks for a tick first",
    );

    const huge = Buffer.concat([await phoneJpeg(400, 300), Buffer.alloc(PHOTO_BYTES + 1024)]);
    const over = await postMultipart(
      organiser,
      `${hub}/files`,
      { caption: "ภาพใหญ่เกิน" },
      { file: { filename: "IMG_9999.jpg", type: "image/jpeg", data: huge } },
      { from: hub },
    );
    assert.ok([413, 422].includes(over.statusCode), String(over.statusCode));
    assert.match(
      over.body,
      /<p class="error" id="f-file-err">[^<]*15 MB/,
      "said next to the field",
    );
    assert.match(over.body, /value="ภาพใหญ่เกิน"/, "the caption is kept");
    assert.match(
      over.body,
      /<form[^>]*action="[^"]*\/files"/,
      "the form itself, not a bare error page",
    );
  });
});
