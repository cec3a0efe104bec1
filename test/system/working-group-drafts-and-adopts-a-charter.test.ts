import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { multipart, recordResolution } from "../helpers/charter-fixtures.ts";
import { tambons, villages } from "../../src/core/db/schema.ts";
import {
  charterComments,
  charterEditions,
  charterVersions,
} from "../../src/modules/charter/schema.ts";
import { allClauses, type CharterDoc } from "../../src/modules/charter/document.ts";
import { toThaiDigits } from "../../src/modules/charter/public.ts";
import { resolutionsLinkedTo } from "../../src/modules/groups/public.ts";
import { listPartners } from "../../src/modules/network/public.ts";
import { buddhistYear, formatDate, todayIso } from "../../src/core/dates.ts";
import { reviewDueOn } from "../../src/modules/charter/edition.ts";

const YEAR = buddhistYear(new Date());

for (const kind of DB_KINDS) {
  describe(`the working group drafts, hears and adopts a charter on ${kind}`, () => {
    let t: TestApp;
    let tambonId = 0;
    let editionId = 0;
    let charterId = 0;
    let wg: Client;
    const base = () => `/t/la-ngu/admin/charter-editions/${editionId}`;
    const pub = () => `/t/la-ngu/charter-editions/${editionId}`;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
      wg = await Client.as(t.app, "langu-wg");
    });
    after(async () => {
      await t?.close();
    });

    const login = async (who: string) => {
      const c = await Client.as(t.app, who);
      return c;
    };

    /** The current draft of the edition, from the database. */
    async function current(): Promise<{ number: number; doc: CharterDoc }> {
      const [e] = await t.database.db
        .select()
        .from(charterEditions)
        .where(eq(charterEditions.id, editionId));
      const [v] = await t.database.db
        .select()
        .from(charterVersions)
        .where(eq(charterVersions.id, e!.currentVersionId!));
      return { number: v!.number, doc: v!.doc };
    }

    const op = (fields: Record<string, string>) =>
      wg.post(`${base()}/draft`, { form: "test", ...fields }, { from: base() });

    /** "number:text" of every clause in reading order. */
    const layout = (doc: CharterDoc) =>
      allClauses(doc)
        .map((c) => `${c.number}:${c.clause.text}`)
        .join(" | ");

    test("the working group creates a charter and drafts three chapters; clauses renumber after moves, splits and merges", async () => {
      const created = await wg.post(
        "/t/la-ngu/admin/charters",
        { nameTh: "ธรรมนูญสุขภาพทดสอบ", scope: "tambon", digits: "arabic" },
        { from: "/t/la-ngu/admin/charters" },
      );
      assert.equal(created.statusCode, 303);
      editionId = Number(/charter-editions\/(\d+)/.exec(String(created.headers.location))?.[1]);
      assert.ok(editionId > 0);
      const [e] = await t.database.db
        .select()
        .from(charterEditions)
        .where(eq(charterEditions.id, editionId));
      charterId = e!.charterId;
      assert.equal(e!.status, "draft");
      assert.equal(e!.number, 1);

      for (const title of ["สุขภาพ", "สิ่งแวดล้อม", "เศรษฐกิจ"])
        assert.equal((await op({ op: "addChapter", title })).statusCode, 303);
      const chapters = (await current()).doc.chapters;
      assert.deepEqual(
        chapters.map((c) => c.title),
        ["สุขภาพ", "สิ่งแวดล้อม", "เศรษฐกิจ"],
      );
      const add = (chapter: number, text: string) =>
        op({ op: "addClause", chapter: String(chapter), text });
      await add(chapters[0]!.key, "ออกกำลังกายทุกหมู่บ้าน");
      await add(chapters[0]!.key, "ลดหวานมันเค็มในงานบุญ");
      await add(chapters[1]!.key, "ลดการใช้โฟมในงานบุญ");
      await add(chapters[1]!.key, "ไม่เผาขยะในที่โล่ง");
      await add(chapters[2]!.key, "ตลาดชุมชนทุกเดือน");
      let doc = (await current()).doc;
      assert.equal(
        layout(doc).split(" | ").slice(0, 5).join(" | "),
        "1:ออกกำลังกายทุกหมู่บ้าน | 2:ลดหวานมันเค็มในงานบุญ | 3:ลดการใช้โฟมในงานบุญ | 4:ไม่เผาขยะในที่โล่ง | 5:ตลาดชุมชนทุกเดือน",
      );
      const key = (text: string) => allClauses(doc).find((c) => c.clause.text === text)!.clause.key;

      // Move clause 2 up: it becomes clause 1.
      assert.equal(
        (await op({ op: "moveClause:up", key: String(key("ลดหวานมันเค็มในงานบุญ")) })).statusCode,
        303,
      );
      // Split clause 3 in two: everything after it moves down by one.
      await op({
        op: "splitClause",
        key: String(key("ลดการใช้โฟมในงานบุญ")),
        first: "ลดการใช้โฟม",
        second: "ในงานบุญทุกงาน",
      });
      doc = (await current()).doc;
      assert.equal(
        layout(doc).split(" | ").slice(0, 6).join(" | "),
        "1:ลดหวานมันเค็มในงานบุญ | 2:ออกกำลังกายทุกหมู่บ้าน | 3:ลดการใช้โฟม | 4:ในงานบุญทุกงาน | 5:ไม่เผาขยะในที่โล่ง | 6:ตลาดชุมชนทุกเดือน",
      );
      // Merge the two halves again, and the closing clauses keep counting after the last chapter.
      await op({ op: "mergeClause", key: String(key("ลดการใช้โฟม")) });
      doc = (await current()).doc;
      const all = layout(doc).split(" | ");
      assert.equal(all[2], "3:ลดการใช้โฟม\n\nในงานบุญทุกงาน");
      assert.equal(all[4], "5:ตลาดชุมชนทุกเดือน");
      assert.match(all[5]!, /^6:ธรรมนูญนี้ให้ใช้บังคับ/);
      assert.match(all[6]!, /^7:ให้คณะทำงานทบทวนธรรมนูญนี้อย่างน้อยทุก 5 ปี/);

      // The draft page shows the numbers as they are now.
      const page = await wg.get(pub());
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /ข้อ 1 <\/strong>ลดหวานมันเค็มในงานบุญ/);
      assert.match(page.body, /ข้อ 5 <\/strong>ตลาดชุมชนทุกเดือน/);
      assert.match(page.body, /หมวด 3<\/span> <span class="chapter-title">เศรษฐกิจ/);
      // Every save was kept.
      const versions = await t.database.db
        .select({ n: charterVersions.number })
        .from(charterVersions)
        .where(eq(charterVersions.editionId, editionId));
      assert.equal(versions.length, (await current()).number);
      assert.ok(versions.length >= 12);
    });

    test("a Thai word-level diff between two versions marks only the changed words", async () => {
      const before = await current();
      const k = allClauses(before.doc).find((c) => c.clause.text.startsWith("ลดการใช้โฟม"))!.clause
        .key;
      await op({ op: "editClause", key: String(k), text: "ลดการใช้พลาสติก\n\nในงานบุญทุกงาน" });
      const after = await current();
      const diff = await wg.get(`${pub()}/diff?from=${before.number}&to=${after.number}`);
      assert.equal(diff.statusCode, 200);
      assert.match(diff.body, /<del><span class="visually-hidden">\[ลบ: <\/span>โฟม/);
      assert.match(diff.body, /<ins><span class="visually-hidden">\[เพิ่ม: <\/span>พลาสติก/);
      assert.match(diff.body, /แก้ไข 1 ข้อ/);
      assert.doesNotMatch(
        diff.body,
        /<del>[^<]*<span[^>]*>[^<]*<\/span>ลดการใช้/,
        "unchanged words stay",
      );
      const versions = await wg.get(`${pub()}/versions`);
      assert.match(versions.body, /แก้ไขข้อ 3/);
    });

    test("a stale edit of a clause someone else changed is refused and keeps what was typed; empty text is refused in Thai", async () => {
      const { number, doc } = await current();
      const k = allClauses(doc)[0]!.clause.key;
      await op({
        op: "editClause",
        key: String(k),
        text: "ลดหวาน มัน เค็ม ในทุกงาน",
        base: String(number),
      });
      const stale = await op({
        op: "editClause",
        key: String(k),
        text: "ข้อความที่พิมพ์ไว้ก่อนหน้า",
        base: String(number),
        form: `cl-${k}`,
      });
      assert.equal(stale.statusCode, 422);
      assert.match(stale.body, /มีผู้อื่นแก้ไขส่วนนี้ไปแล้ว/);
      assert.match(stale.body, /ข้อความที่พิมพ์ไว้ก่อนหน้า/);
      const chapter = doc.chapters[0]!.key;
      const empty = await op({
        op: "addClause",
        chapter: String(chapter),
        text: "  ",
        form: `add-${chapter}`,
      });
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, new RegExp(`id="f-add-${chapter}-text-err">กรุณากรอกข้อความ`));
    });

    test("members comment and suggest; others rate; the working group accepts one, credited, and declines another with a reason", async () => {
      const member = await login("langu-member");
      const osm = await login("langu-osm");
      const { number, doc } = await current();
      const clause = allClauses(doc).find((c) => c.clause.text.startsWith("ไม่เผาขยะ"))!;
      const url = `${pub()}/comments?clause=${clause.clause.key}`;
      const sent = await member.post(
        url,
        {
          about: String(clause.clause.key),
          kind: "suggestion",
          body: "ควรห้ามเผาทุกชนิด",
          proposedText: "ไม่เผาขยะและวัชพืชในที่โล่ง",
        },
        { from: url },
      );
      assert.equal(sent.statusCode, 303);
      const second = await osm.post(
        url,
        { about: String(clause.clause.key), kind: "suggestion", body: "", proposedText: "ห้ามเผา" },
        { from: url },
      );
      assert.equal(second.statusCode, 303);
      const rows = await t.database.db
        .select()
        .from(charterComments)
        .where(eq(charterComments.editionId, editionId))
        .orderBy(charterComments.id);
      const [mine, theirs] = rows.slice(-2);
      const [v] = await t.database.db
        .select()
        .from(charterVersions)
        .where(eq(charterVersions.id, mine!.versionId));
      assert.equal(v!.number, number, "a comment is linked to the version it was about");
      assert.equal(mine!.clauseKey, clause.clause.key);

      assert.equal(
        (
          await osm.post(
            `/t/la-ngu/charter-comments/${mine!.id}/rate`,
            { rating: "must" },
            { from: url },
          )
        ).statusCode,
        303,
      );
      const own = await member.post(
        `/t/la-ngu/charter-comments/${mine!.id}/rate`,
        { rating: "must" },
        { from: url },
      );
      assert.equal(own.statusCode, 422);
      assert.match(own.body, /ให้ความเห็นต่อข้อเสนอของตนเองไม่ได้/);
      const shown = await member.get(url);
      assert.match(shown.body, /ต้องมี 1 · ควรมี 0/);

      // A member cannot decide; the working group accepts.
      assert.equal(
        (await member.post(`/t/la-ngu/charter-comments/${mine!.id}/accept`, {}, { from: url }))
          .statusCode,
        403,
      );
      const accepted = await wg.post(
        `/t/la-ngu/charter-comments/${mine!.id}/accept`,
        {},
        { from: url },
      );
      assert.equal(accepted.statusCode, 303);
      const now = await current();
      assert.equal(now.number, number + 1);
      assert.ok(allClauses(now.doc).some((c) => c.clause.text === "ไม่เผาขยะและวัชพืชในที่โล่ง"));
      const [applied] = await t.database.db
        .select()
        .from(charterVersions)
        .where(
          and(eq(charterVersions.editionId, editionId), eq(charterVersions.number, now.number)),
        );
      assert.equal(applied!.source, "suggestion");
      assert.equal(applied!.commentId, mine!.id);
      const versions = await wg.get(`${pub()}/versions`);
      assert.match(versions.body, /ตามข้อเสนอแนะของ สมาชิก ละงู \(สาธิต\)/);

      const noReason = await wg.post(
        `/t/la-ngu/charter-comments/${theirs!.id}/decline`,
        { reason: " " },
        { from: url },
      );
      assert.equal(noReason.statusCode, 422);
      assert.match(noReason.body, /กรุณาให้เหตุผลที่ไม่รับข้อเสนอ/);
      const declined = await wg.post(
        `/t/la-ngu/charter-comments/${theirs!.id}/decline`,
        { reason: "ซ้ำกับข้อเสนอที่รับแล้ว" },
        { from: url },
      );
      assert.equal(declined.statusCode, 303);
      const page = await member.get(url);
      assert.match(page.body, /รับแล้ว \(ร่างที่ \d+\)/);
      assert.match(page.body, /ไม่รับ.*ซ้ำกับข้อเสนอที่รับแล้ว/s);
    });

    test("a public hearing collects views of people without accounts and reports participation per village", async () => {
      const anonymous = new Client(t.app);
      assert.equal((await anonymous.get(pub())).statusCode, 303, "a draft is for members only");
      const missing = await wg.post(
        `${base()}/hearing`,
        { open: "1", hearingStartsOn: "", hearingEndsOn: "" },
        { from: base() },
      );
      assert.equal(missing.statusCode, 422);
      const opened = await wg.post(
        `${base()}/hearing`,
        {
          open: "1",
          hearingStartsOn: todayIso(),
          hearingEndsOn: todayIso(new Date(Date.now() + 30 * 86_400_000)),
          hearingNote: "เวทีทุกหมู่บ้าน",
        },
        { from: base() },
      );
      assert.equal(opened.statusCode, 303);
      assert.equal((await anonymous.get(pub())).statusCode, 200, "the draft in hearing is public");

      const [village] = await t.database.db
        .select()
        .from(villages)
        .where(eq(villages.tambonId, tambonId))
        .orderBy(villages.moo)
        .limit(1);
      const { doc } = await current();
      const clause = allClauses(doc).find((c) => c.clause.text.startsWith("ตลาดชุมชน"))!;
      const hearing = `${pub()}/hearing`;
      const member = await login("langu-member");
      const denied = await member.post(
        hearing,
        {
          name: "นายทดสอบ",
          village: String(village!.id),
          about: "general",
          kind: "comment",
          body: "x",
        },
        { from: pub() },
      );
      assert.equal(denied.statusCode, 403);
      const facilitator = await login("langu-facilitator");
      const recorded = await facilitator.post(
        hearing,
        {
          name: "นางบุญมา ไม่มีบัญชี",
          village: String(village!.id),
          about: String(clause.clause.key),
          kind: "suggestion",
          body: "อยากให้มีตลาดทุกสัปดาห์",
          proposedText: "ตลาดชุมชนทุกสัปดาห์",
        },
        { from: hearing },
      );
      assert.equal(recorded.statusCode, 303);
      const [input] = await t.database.db
        .select()
        .from(charterComments)
        .where(eq(charterComments.editionId, editionId))
        .orderBy(desc(charterComments.id))
        .limit(1);
      assert.equal(input!.authorId, null);
      assert.equal(input!.authorName, "นางบุญมา ไม่มีบัญชี");
      assert.equal(input!.phase, "hearing");
      assert.equal(
        (await wg.post(`/t/la-ngu/charter-comments/${input!.id}/accept`, {}, { from: hearing }))
          .statusCode,
        303,
      );
      const report = await anonymous.get(hearing);
      assert.equal(report.statusCode, 200);
      assert.match(report.body, /มีผู้ให้ความเห็นจาก 1 จาก 18 หมู่บ้าน/);
      assert.match(
        report.body,
        /<th scope="row">บ้านหมู่ที่ 1 \(สาธิต\)<\/th><td class="num">1<\/td><td class="num">0<\/td><td class="num">1<\/td><td class="num">1<\/td>/,
      );
      assert.match(report.body, /สิ่งที่เปลี่ยนแปลงจากการรับฟังความคิดเห็น/);
      assert.match(report.body, /<del><span class="visually-hidden">\[ลบ: <\/span>เดือน/);
      assert.match(report.body, /นางบุญมา ไม่มีบัญชี/);
    });

    test("adoption needs a quorate resolution of a village assembly about this edition; then the edition is frozen", async () => {
      const adopt = (resolution: number) =>
        wg.post(
          `${base()}/adopt-resolution`,
          { confirmed: "1", resolution: String(resolution) },
          { from: base() },
        );
      const db = t.database.db;
      const agenda = `รับรองธรรมนูญสุขภาพตำบล ฉบับที่ 1 พ.ศ. ${YEAR}`;
      const noQuorum = await adopt(
        await recordResolution(db, tambonId, { quorumMet: false, agenda }),
      );
      assert.equal(noQuorum.statusCode, 422);
      assert.match(noQuorum.body, /ไม่ครบองค์ประชุม จึงรับรองไม่ได้/);
      const notAssembly = await adopt(
        await recordResolution(db, tambonId, { quorumMet: true, kind: "working_group", agenda }),
      );
      assert.match(notAssembly.body, /มตินี้ไม่ได้มาจากการประชุมประชาคม/);
      const rejected = await adopt(
        await recordResolution(db, tambonId, { quorumMet: true, outcome: "rejected", agenda }),
      );
      assert.match(rejected.body, /มตินี้ไม่ได้ผ่านที่ประชุม/);
      // A quorate assembly resolution on another matter cannot adopt the edition.
      const unrelated = await adopt(
        await recordResolution(db, tambonId, {
          quorumMet: true,
          agenda: "แผนงบประมาณกองทุนหลักประกันสุขภาพ",
          text: "อนุมัติแผนงบประมาณ",
        }),
      );
      assert.equal(unrelated.statusCode, 422);
      assert.match(unrelated.body, /มตินี้ไม่ได้เป็นเรื่องของฉบับนี้/);
      // Nor one decided before the current text was saved.
      const early = await adopt(
        await recordResolution(db, tambonId, { quorumMet: true, agenda, day: "2020-01-15" }),
      );
      assert.equal(early.statusCode, 422);
      assert.match(early.body, /มตินี้ลงก่อนวันที่บันทึกร่างปัจจุบัน/);
      const [still] = await db
        .select()
        .from(charterEditions)
        .where(eq(charterEditions.id, editionId));
      assert.equal(still!.status, "hearing");

      const good = await recordResolution(db, tambonId, { quorumMet: true, agenda });
      const adopted = await adopt(good);
      assert.equal(adopted.statusCode, 303);
      const [e] = await db.select().from(charterEditions).where(eq(charterEditions.id, editionId));
      assert.equal(e!.status, "adopted");
      assert.equal(e!.adoptedOn, todayIso());
      assert.equal(e!.adoptionKind, "resolution");
      assert.equal(e!.adoptedVersionId, e!.currentVersionId);
      const links = await resolutionsLinkedTo(db, tambonId, "charter_edition", editionId);
      assert.deepEqual(
        links.map((r) => r.id),
        [good],
      );

      const frozenBefore = await current();
      const edit = await op({ op: "addChapter", title: "หมวดหลังรับรอง" });
      assert.equal(edit.statusCode, 422);
      assert.match(edit.body, /ฉบับที่รับรองแล้วแก้ไขไม่ได้/);
      const member = await login("langu-member");
      const late = await member.post(
        `${pub()}/comments`,
        { about: "general", kind: "comment", body: "สายไปแล้ว" },
        { from: pub() },
      );
      assert.equal(late.statusCode, 422);
      assert.match(late.body, /ฉบับนี้ไม่ได้เปิดรับความคิดเห็นแล้ว/);
      await wg.post(
        base(),
        {
          number: "9",
          yearBe: "2570",
          reviewYears: "1",
          signingOn: "2025-08-21",
          signingPlace: "ศาลาประชาคม",
        },
        { from: base() },
      );
      const [after] = await db
        .select()
        .from(charterEditions)
        .where(eq(charterEditions.id, editionId));
      assert.deepEqual(
        [after!.number, after!.reviewYears, after!.signingPlace],
        [1, 5, "ศาลาประชาคม"],
      );
      assert.deepEqual(await current(), frozenBefore);
      const page = await new Client(t.app).get(`/t/la-ngu/charters/${charterId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /รับรองแล้ว/);
      assert.ok(page.body.includes(formatDate(todayIso(), "th")));
      const due = reviewDueOn(todayIso(), 5);
      assert.ok(page.body.includes(`ทบทวนภายใน</dt><dd>${formatDate(due, "th")}`));
    });

    test("signatories per pillar with a scan of the signed page, ceremony photos, the print page and the PDF", async () => {
      const scan = await sharp({
        create: { width: 600, height: 800, channels: 3, background: "#eeeeee" },
      })
        .png()
        .toBuffer();
      const upload = async (
        path: string,
        fields: Record<string, string>,
        file: Parameters<typeof multipart>[1],
      ) => {
        const csrf = await wg.csrf(base());
        const body = multipart({ _csrf: csrf, ...fields }, file);
        return t.app.inject({
          method: "POST",
          url: path,
          remoteAddress: wg.ip,
          headers: {
            cookie: [...wg.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
            "content-type": body.contentType,
          },
          payload: body.payload,
        });
      };
      const signed = await upload(
        `${base()}/signatories`,
        { kind: "pillar", pillar: "ผู้นำศาสนา", name: "นายยูโซะ ทดสอบ", position: "อิหม่าม" },
        { field: "scan", filename: "page.png", type: "image/png", data: scan },
      );
      assert.equal(signed.statusCode, 303);
      const noPillar = await upload(
        `${base()}/signatories`,
        { kind: "pillar", pillar: "", name: "ไม่มีเสา" },
        null,
      );
      assert.equal(noPillar.statusCode, 422);
      const notImage = await upload(
        `${base()}/photos`,
        { caption: "ไม่ใช่ภาพ" },
        { field: "photo", filename: "x.png", type: "image/png", data: Buffer.from("not an image") },
      );
      assert.equal(notImage.statusCode, 422);
      const jpeg = await sharp({
        create: { width: 1280, height: 960, channels: 3, background: "#88aa88" },
      })
        .jpeg()
        .toBuffer();
      assert.equal(
        (
          await upload(
            `${base()}/photos`,
            { caption: "พิธีลงนาม" },
            { field: "photo", filename: "p.jpg", type: "image/jpeg", data: jpeg },
          )
        ).statusCode,
        303,
      );
      const page = await new Client(t.app).get(pub());
      assert.match(page.body, /นายยูโซะ ทดสอบ/);
      assert.match(page.body, /1,280×960 พิกเซล/);
      const thumb = /src="(\/t\/la-ngu\/charter-signatories\/\d+\/scan\?size=thumb)"/.exec(
        page.body,
      )?.[1];
      assert.ok(thumb);
      const img = await new Client(t.app).get(thumb);
      assert.equal(img.headers["content-type"], "image/webp");

      const print = await new Client(t.app).get(`${pub()}/print`);
      assert.equal(print.statusCode, 200);
      assert.match(print.body, /class="print-doc"/);
      assert.match(print.body, /หน้าลงนาม/);
      assert.match(print.body, /นายยูโซะ ทดสอบ/);
      const pdf = await new Client(t.app).get(`${pub()}/pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers["content-type"], "application/pdf");
      assert.equal(pdf.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
    });

    test("follow-up: a status and links per clause, the whole charter's view, CSV, and the registry export", async () => {
      const { doc } = await current();
      const first = allClauses(doc)[0]!.clause.key;
      const follow = `${pub()}/follow-up`;
      const bad = await wg.post(
        follow,
        { clause: String(first), status: "finished", note: "" },
        { from: `${follow}?clause=${first}` },
      );
      assert.equal(bad.statusCode, 422);
      assert.equal(
        (
          await wg.post(
            follow,
            { clause: String(first), status: "done", note: "ทำครบแล้ว" },
            { from: `${follow}?clause=${first}` },
          )
        ).statusCode,
        303,
      );
      const badUrl = await wg.post(
        `${pub()}/links`,
        {
          clause: String(first),
          targetType: "project",
          label: "โครงการ",
          url: "javascript:alert(1)",
        },
        { from: `${follow}?clause=${first}` },
      );
      assert.equal(badUrl.statusCode, 422);
      assert.equal(
        (
          await wg.post(
            `${pub()}/links`,
            {
              clause: String(first),
              targetType: "project",
              label: "โครงการลดหวาน",
              url: "/t/la-ngu/projects/1",
            },
            { from: `${follow}?clause=${first}` },
          )
        ).statusCode,
        303,
      );
      const [partner] = await listPartners(t.database.db, tambonId);
      assert.ok(partner, "the demo network has partners");
      const linked = await wg.post(
        `${pub()}/links`,
        {
          clause: String(first),
          targetType: "other",
          label: "",
          url: "",
          partner: String(partner!.id),
        },
        { from: `${follow}?clause=${first}` },
      );
      assert.equal(linked.statusCode, 303);
      const view = await new Client(t.app).get(follow);
      assert.match(
        view.body,
        new RegExp(`ภาคีที่รับผิดชอบ:</span> <a href="/t/la-ngu/partners/${partner!.id}">`),
      );
      assert.equal(view.statusCode, 200);
      assert.match(view.body, /progress-done">ดำเนินการแล้ว/);
      assert.match(view.body, /โครงการลดหวาน/);
      const filtered = await new Client(t.app).get(`${follow}?status=done`);
      assert.equal((filtered.body.match(/<tr id="c-/g) ?? []).length, 1);
      const csv = await new Client(t.app).get(`${follow}.csv`);
      assert.equal(csv.rawPayload.subarray(0, 3).toString("hex"), "efbbbf");
      assert.match(csv.body, /ดำเนินการแล้ว,ทำครบแล้ว,โครงการ: โครงการลดหวาน/);

      const json = JSON.parse(
        (await new Client(t.app).get("/t/la-ngu/charter-registry.json")).body,
      ) as {
        charters: {
          charterName: string;
          province: string;
          status: string;
          adoptedOn: string;
          postAdoptionActions: { done: number; projects: number };
        }[];
      };
      const mine = json.charters.find((c) => c.charterName === "ธรรมนูญสุขภาพทดสอบ")!;
      assert.equal(mine.province, "สตูล");
      assert.equal(mine.status, "adopted");
      assert.equal(mine.adoptedOn, todayIso());
      assert.equal(mine.postAdoptionActions.done, 1);
      assert.equal(mine.postAdoptionActions.projects, 1);
      const all = await new Client(t.app).get("/charter-registry.csv");
      assert.match(all.body, /^\uFEFFจังหวัด,อำเภอ,ตำบล,DOPA,ชื่อธรรมนูญ/);
      assert.match(all.body, /ลำปาง/, "the network's registry covers every tambon");
    });

    test("the next edition starts from the one in force and compares against it; digits follow the setting", async () => {
      const started = await wg.post(
        `/t/la-ngu/admin/charters/${charterId}/next-edition`,
        {},
        { from: `/t/la-ngu/admin/charters/${charterId}` },
      );
      assert.equal(started.statusCode, 303);
      const again = await wg.post(
        `/t/la-ngu/admin/charters/${charterId}/next-edition`,
        {},
        { from: `/t/la-ngu/admin/charters/${charterId}` },
      );
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /มีร่างฉบับใหม่ที่กำลังจัดทำอยู่แล้ว/);
      const firstId = editionId;
      const adopted = await current();
      editionId = Number(/charter-editions\/(\d+)/.exec(String(started.headers.location))?.[1]);
      const draft = await current();
      assert.deepEqual(draft.doc, adopted.doc);
      const [e] = await t.database.db
        .select()
        .from(charterEditions)
        .where(eq(charterEditions.id, editionId));
      assert.deepEqual([e!.number, e!.basedOnEditionId, e!.status], [2, firstId, "draft"]);
      const k = allClauses(draft.doc)[1]!.clause.key;
      await op({ op: "editClause", key: String(k), text: "ออกกำลังกายทุกวันในทุกหมู่บ้าน" });
      const diff = await wg.get(`${pub()}/diff?against=previous`);
      assert.equal(diff.statusCode, 200);
      assert.match(diff.body, new RegExp(`ฉบับที่ 1 พ\\.ศ\\.\\s${YEAR} กับ ฉบับที่ 2`));
      assert.match(diff.body, /แก้ไข 1 ข้อ/);
      // The stable page still shows the edition in force to the public.
      const stable = await new Client(t.app).get(`/t/la-ngu/charters/${charterId}`);
      assert.match(stable.body, new RegExp(`ฉบับที่ 1 พ\\.ศ\\.\\s${YEAR}`));
      const settings = await wg.post(
        `/t/la-ngu/admin/charters/${charterId}`,
        { nameTh: "ธรรมนูญสุขภาพทดสอบ", scope: "tambon", digits: "thai" },
        { from: `/t/la-ngu/admin/charters/${charterId}` },
      );
      assert.equal(settings.statusCode, 303);
      // The charter's digits are those of its document (the print page and its PDF); the web
      // pages of the tambon show one digit style, the tambon's (Arabic in La-ngu).
      const inForce = (
        await t.database.db
          .select({ id: charterEditions.id })
          .from(charterEditions)
          .where(and(eq(charterEditions.charterId, charterId), eq(charterEditions.number, 1)))
      )[0]!.id;
      const print = await new Client(t.app).get(
        `/t/la-ngu/charter-editions/${inForce}/print?nopdf=1`,
      );
      assert.equal(print.statusCode, 200);
      assert.match(print.body, new RegExp(`ฉบับที่ ๑ พ\\.ศ\\.\\s${toThaiDigits(String(YEAR))}`));
      assert.match(print.body, /ข้อ ๑ <\/strong>/);
      const web = await new Client(t.app).get(`/t/la-ngu/charters/${charterId}`);
      assert.match(web.body, /ข้อ 1 <\/strong>/);
      assert.doesNotMatch(web.body, /ข้อ ๑ <\/strong>/);
    });
  });
}
