import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { FACTORY_PASSWORD, makePerson, makeTambon } from "../helpers/factories/core.ts";
import { auditLog, users } from "../../src/core/db/schema.ts";
import { lineChannels, lineLinks, notices, noticePrefs } from "../../src/core/notices/schema.ts";
import { enqueueNotices, type NoticeKind } from "../../src/core/notices/index.ts";
import { deliverNotices, FIRST_BACKOFF_MS } from "../../src/core/notices/worker.ts";
import { openChannel, sealStoredChannels } from "../../src/core/notices/channel-secrets.ts";
import { lineSignature } from "../../src/core/notices/line.ts";
import type { MailMessage } from "../../src/core/mail.ts";
import { learningCentres, studyVisits } from "../../src/modules/network/schema.ts";
import { VISIT_ANSWERED } from "../../src/modules/network/visits/notices.ts";
import { groupMemberships, workGroups } from "../../src/modules/groups/schema.ts";
import { saveMeeting } from "../../src/modules/groups/meetings/commands.ts";
import type { Actor } from "../../src/core/roles.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { siteComplaints } from "../../src/modules/site/schema.ts";
import { charterEditions, charters } from "../../src/modules/charter/schema.ts";
import { setHearing } from "../../src/modules/charter/hearing/commands.ts";

const TOKEN_A = "tokenAAAA".repeat(4) + "endA";
const TOKEN_B = "tokenBBBB".repeat(4) + "endB";
const SECRET_A = "0123456789abcdef0123456789abcdef";
const SECRET_B = "fedcba9876543210fedcba9876543210";
const LINE_A1 = "U" + "a1".repeat(16);
const LINE_B1 = "U" + "b1".repeat(16);
const KIND: NoticeKind = { kind: "test.kind", label: { th: "ทดสอบ", en: "Test" } };

/** A local stand-in for LINE's Messaging API: records pushes, answers as told. */
class FakeLine {
  server!: Server;
  url = "";
  pushes: { path: string; auth: string; retryKey: string; type: string; body: unknown }[] = [];
  /** Statuses to answer, first come first used; 200 when empty. */
  answers: number[] = [];

  async start(port = 0) {
    this.server = createServer((req: IncomingMessage, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        this.pushes.push({
          path: `${req.method} ${req.url}`,
          auth: String(req.headers.authorization),
          retryKey: String(req.headers["x-line-retry-key"]),
          type: String(req.headers["content-type"]),
          body: JSON.parse(raw),
        });
        const status = this.answers.shift() ?? 200;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(status === 200 ? "{}" : '{"message":"try later"}');
      });
    });
    await new Promise<void>((ok) => this.server.listen(port, "127.0.0.1", ok));
    const p = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${p}`;
    return p;
  }
  async stop() {
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}

for (const kind of DB_KINDS) {
  describe(`notices by LINE and e-mail (${kind})`, () => {
    let t: TestApp;
    const fake = new FakeLine();
    const mails: MailMessage[] = [];
    const mailer = { sendMail: async (m: MailMessage) => void mails.push(m) };
    const ids = { a: 0, b: 0, a1: 0, a2: 0, b1: 0 };
    let slugA = "";
    let slugB = "";
    const deliver = (now = new Date()) =>
      deliverNotices(
        t.database.db,
        { lineApiUrl: fake.url, mailer, secret: t.app.config.secret },
        now,
      );
    const queued = (userId: number) =>
      t.database.db.select().from(notices).where(eq(notices.userId, userId));

    before(async () => {
      await fake.start();
      t = await startTestApp(kind, {
        seed: async (db) => {
          const a = await makeTambon(db, { slug: "notice-a", villages: 1 });
          const b = await makeTambon(db, { slug: "notice-b", villages: 1 });
          ids.a = a.tambon.id;
          ids.b = b.tambon.id;
          slugA = a.tambon.slug;
          slugB = b.tambon.slug;
          await makePerson(db, ids.a, { username: "admin-a", roles: ["admin"] });
          await makePerson(db, ids.b, { username: "admin-b", roles: ["admin"] });
          ids.a1 = await makePerson(db, ids.a, {
            username: "member-a1",
            villageId: a.villages[0]!.id,
          });
          await makePerson(db, ids.a, {
            username: "voter-a3",
            name: "นายสมชาย ใจดี",
            villageId: a.villages[0]!.id,
          });
          ids.a2 = await makePerson(db, ids.a, { username: "member-a2" });
          ids.b1 = await makePerson(db, ids.b, { username: "member-b1", roles: ["admin"] });
          await db.update(users).set({ email: "a1@example.org" }).where(eq(users.id, ids.a1));
        },
      });
    });
    after(async () => {
      await fake.stop().catch(() => {});
      await t?.close();
    });

    test("the admin sets the tambon's LINE channel; the token is never shown back", async () => {
      const admin = await Client.as(t.app, "admin-a", FACTORY_PASSWORD);
      const page = `/t/${slugA}/admin/notices/line`;
      const bad = await admin.post(
        page,
        { basicId: "@tambon-a", accessToken: TOKEN_A, channelSecret: "not-hex" },
        { from: page },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Channel secret คือตัวเลขฐานสิบหก 32 ตัว/);
      assert.doesNotMatch(bad.body, new RegExp(TOKEN_A), "a typed token is not sent back");
      const ok = await admin.post(
        page,
        { basicId: "@tambon-a", accessToken: TOKEN_A, channelSecret: SECRET_A },
        { from: page },
      );
      assert.equal(ok.statusCode, 303);
      const shown = await admin.get(page);
      assert.match(shown.body, /…endA/);
      assert.doesNotMatch(shown.body, new RegExp(TOKEN_A));
      assert.doesNotMatch(shown.body, new RegExp(SECRET_A));
      assert.match(shown.body, new RegExp(`/t/${slugA}/line/webhook`));
      admin.cookies.set("tlang", "en");
      const english = await admin.get(page);
      assert.match(english.body, /The tambon&#39;s LINE settings|The tambon's LINE settings/);
      assert.match(english.body, /Kept: …endA — leave empty to keep it/);
      admin.cookies.delete("tlang");
      // Saving again with empty secrets keeps them.
      await admin.post(page, { basicId: "@tambon-a2", accessToken: "", channelSecret: "" });
      const [row] = await t.database.db
        .select()
        .from(lineChannels)
        .where(eq(lineChannels.tambonId, ids.a));
      // Kept sealed under the installation secret: the stored columns give neither away.
      assert.ok(row);
      assert.doesNotMatch(JSON.stringify(row), /tokenAAAA|endA|0123456789abcdef/);
      assert.deepEqual(openChannel(t.app.config.secret, row), {
        accessToken: TOKEN_A,
        channelSecret: SECRET_A,
      });
      assert.equal(openChannel("another-secret-".repeat(3), row), null);
      assert.equal(row?.basicId, "@tambon-a2");
      const audits = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tambonId, ids.a), eq(auditLog.action, "notices.line.save")));
      assert.equal(audits.length, 2);
      assert.doesNotMatch(JSON.stringify(audits), /tokenAAAA|0123456789abcdef/);
      // A member may not see or change the settings.
      const member = await Client.as(t.app, "member-a2", FACTORY_PASSWORD);
      assert.equal((await member.get(page)).statusCode, 403);
      // Tambon B's admin sets B's own channel.
      const adminB = await Client.as(t.app, "admin-b", FACTORY_PASSWORD);
      const pageB = `/t/${slugB}/admin/notices/line`;
      const okB = await adminB.post(
        pageB,
        { basicId: "@tambon-b", accessToken: TOKEN_B, channelSecret: SECRET_B },
        { from: pageB },
      );
      assert.equal(okB.statusCode, 303);
    });

    test("a member links LINE with a code sent to the signed webhook; a bad signature stores nothing", async () => {
      const member = await Client.as(t.app, "member-a1", FACTORY_PASSWORD);
      const made = await member.post(
        `/t/${slugA}/notices/line/code`,
        {},
        { from: `/t/${slugA}/notices` },
      );
      assert.equal(made.statusCode, 303);
      const page = await member.get(`/t/${slugA}/notices`);
      const code = /<strong class="code">([A-Z0-9]{8})<\/strong>/.exec(page.body)?.[1];
      assert.ok(code, "the page shows the link code");
      assert.match(page.body, /<svg[^>]*viewBox/, "with a QR code drawn on the server");
      assert.match(page.body, new RegExp(`line.me/R/oaMessage/%40tambon-a2/\\?${code}`));

      const event = (userId: string, text: string) =>
        JSON.stringify({
          destination: "Uxxxx",
          events: [
            { type: "message", source: { type: "user", userId }, message: { type: "text", text } },
          ],
        });
      const hook = `/t/${slugA}/line/webhook`;
      const body = event(LINE_A1, ` ${code!.toLowerCase()} `);
      const post = (payload: string, signature?: string) =>
        t.app.inject({
          method: "POST",
          url: hook,
          payload,
          headers: {
            "content-type": "application/json",
            ...(signature !== undefined ? { "x-line-signature": signature } : {}),
          },
        });
      // Unsigned, signed with another tambon's secret, or a body changed after signing: refused.
      assert.equal((await post(body)).statusCode, 401);
      assert.equal((await post(body, lineSignature(SECRET_B, body))).statusCode, 401);
      const forged = event("U" + "ff".repeat(16), code!);
      assert.equal((await post(forged, lineSignature(SECRET_A, body))).statusCode, 401);
      const [before] = await t.database.db
        .select()
        .from(lineLinks)
        .where(eq(lineLinks.userId, ids.a1));
      assert.equal(before?.lineUserId, null, "nothing linked by refused requests");
      // The same body, rightly signed, links the member.
      const res = await post(body, lineSignature(SECRET_A, body));
      assert.equal(res.statusCode, 200);
      const [link] = await t.database.db
        .select()
        .from(lineLinks)
        .where(eq(lineLinks.userId, ids.a1));
      assert.equal(link?.lineUserId, LINE_A1);
      assert.equal(link?.code, null, "a code links once");
      assert.match((await member.get(`/t/${slugA}/notices`)).body, /เชื่อมบัญชีไลน์แล้ว/);

      // Member B1 links in tambon B, through B's own webhook and secret.
      const memberB = await Client.as(t.app, "member-b1", FACTORY_PASSWORD);
      await memberB.post(`/t/${slugB}/notices/line/code`, {}, { from: `/t/${slugB}/notices` });
      const codeB = /<strong class="code">([A-Z0-9]{8})<\/strong>/.exec(
        (await memberB.get(`/t/${slugB}/notices`)).body,
      )![1]!;
      const bodyB = event(LINE_B1, codeB);
      // B's code sent to A's webhook links no one in A.
      await t.app.inject({
        method: "POST",
        url: hook,
        payload: bodyB,
        headers: {
          "content-type": "application/json",
          "x-line-signature": lineSignature(SECRET_A, bodyB),
        },
      });
      const resB = await t.app.inject({
        method: "POST",
        url: `/t/${slugB}/line/webhook`,
        payload: bodyB,
        headers: {
          "content-type": "application/json",
          "x-line-signature": lineSignature(SECRET_B, bodyB),
        },
      });
      assert.equal(resB.statusCode, 200);
      const linksB = await t.database.db
        .select()
        .from(lineLinks)
        .where(eq(lineLinks.lineUserId, LINE_B1));
      assert.deepEqual(
        linksB.map((l) => l.tambonId),
        [ids.b],
      );
    });

    test("a notice goes to LINE in the shape LINE expects, with the tambon's own token", async () => {
      await t.database.db.transaction((tx) =>
        enqueueNotices(tx, {
          tambonId: ids.a,
          // B1 is not a member of A: nothing for them through A.
          userIds: [ids.a1, ids.a2, ids.b1],
          kind: KIND,
          text: (lang) => (lang === "th" ? "ประชุมพรุ่งนี้" : "Meeting tomorrow"),
        }),
      );
      const rows = await t.database.db.select().from(notices).where(eq(notices.kind, KIND.kind));
      assert.deepEqual(
        rows.map((r) => `${r.userId}:${r.channel}`).sort(),
        [`${ids.a1}:email`, `${ids.a1}:line`].sort(),
        "A1 by LINE and e-mail; A2 has neither LINE nor e-mail; B1 is not A's",
      );
      fake.pushes.length = 0;
      const report = await deliver();
      assert.equal(report.sent, 2);
      assert.equal(fake.pushes.length, 1);
      const push = fake.pushes[0]!;
      assert.equal(push.path, "POST /v2/bot/message/push");
      assert.equal(push.auth, `Bearer ${TOKEN_A}`);
      assert.match(push.type, /^application\/json/);
      assert.match(push.retryKey, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.deepEqual(push.body, { to: LINE_A1, messages: [{ type: "text", text: "ประชุมพรุ่งนี้" }] });
      assert.equal(mails.at(-1)?.to, "a1@example.org");
      assert.equal(mails.at(-1)?.text, "ประชุมพรุ่งนี้");

      // Tambon B's member hears through B's channel, never with A's token.
      fake.pushes.length = 0;
      await t.database.db.transaction((tx) =>
        enqueueNotices(tx, { tambonId: ids.b, userIds: [ids.b1], kind: KIND, text: () => "B" }),
      );
      await deliver();
      assert.deepEqual(
        fake.pushes.map((p) => [p.auth, (p.body as { to: string }).to]),
        [[`Bearer ${TOKEN_B}`, LINE_B1]],
      );
    });

    test("a failed push is tried again later with the same retry key, and delivered once", async () => {
      fake.pushes.length = 0;
      fake.answers = [500];
      await t.database.db.transaction((tx) =>
        enqueueNotices(tx, {
          tambonId: ids.a,
          userIds: [ids.a1],
          kind: VISIT_ANSWERED,
          text: () => "retry me",
        }),
      );
      const now = new Date();
      const first = await deliver(now);
      assert.equal(first.retried, 1);
      const [waiting] = (await queued(ids.a1)).filter(
        (n) => n.channel === "line" && n.body === "retry me",
      );
      assert.equal(waiting?.status, "waiting");
      assert.equal(waiting?.attempts, 1);
      assert.equal(waiting?.nextAttemptAt.getTime(), now.getTime() + FIRST_BACKOFF_MS);
      // Not due yet: nothing is sent.
      assert.equal((await deliver(new Date(now.getTime() + 1000))).sent, 0);
      const second = await deliver(new Date(now.getTime() + FIRST_BACKOFF_MS + 1));
      assert.equal(second.sent, 1, "the LINE notice (its e-mail went at the first pass)");
      const line = fake.pushes.filter((p) => JSON.stringify(p.body).includes("retry me"));
      assert.equal(line.length, 2);
      assert.equal(line[0]!.retryKey, line[1]!.retryKey, "one retry key for every attempt");
      const [done] = (await queued(ids.a1)).filter(
        (n) => n.channel === "line" && n.body === "retry me",
      );
      assert.equal(done?.status, "sent");
    });

    test("a delegation received is told by LINE (the decisions digest keeps the e-mail)", async () => {
      const voter = await Client.as(t.app, "voter-a3", FACTORY_PASSWORD);
      const res = await voter.post(
        `/t/${slugA}/delegations`,
        { scope: "tambon", trustee: String(ids.a1) },
        { from: `/t/${slugA}/delegations` },
      );
      assert.equal(res.statusCode, 303);
      const told = (await queued(ids.a1)).filter((n) => n.kind === "decisions.delegation");
      assert.deepEqual(
        told.map((n) => n.channel),
        ["line"],
      );
      assert.match(told[0]!.body, /นายสมชาย ใจดี/);
      fake.pushes.length = 0;
      await deliver();
      assert.equal((fake.pushes[0]?.body as { to: string }).to, LINE_A1);
    });

    test("with LINE unreachable the queue waits and the admin page says so", async () => {
      const port = Number(new URL(fake.url).port);
      await fake.stop();
      await t.database.db.transaction((tx) =>
        enqueueNotices(tx, {
          tambonId: ids.a,
          userIds: [ids.a1],
          kind: KIND,
          text: () => "offline 1",
        }),
      );
      await t.database.db.transaction((tx) =>
        enqueueNotices(tx, {
          tambonId: ids.a,
          userIds: [ids.a1],
          kind: KIND,
          text: () => "offline 2",
        }),
      );
      const report = await deliver();
      assert.equal(report.waiting, 2);
      const lines = (await queued(ids.a1)).filter(
        (n) => n.body.startsWith("offline") && n.channel === "line",
      );
      assert.deepEqual(
        lines.map((n) => [n.status, n.attempts]),
        [
          ["waiting", 0],
          ["waiting", 0],
        ],
        "waiting does not use up attempts",
      );
      const admin = await Client.as(t.app, "admin-a", FACTORY_PASSWORD);
      const log = await admin.get(`/t/${slugA}/admin/notices`);
      assert.equal(log.statusCode, 200);
      assert.match(log.body, /ติดต่อไลน์ไม่ได้ตั้งแต่ .+ — มี 2 ข้อความรอส่ง/);
      const waitingOnly = await admin.get(`/t/${slugA}/admin/notices?status=waiting`);
      assert.match(waitingOnly.body, /LINE unreachable/);
      // LINE answers again: the notices go and the warning goes.
      await fake.start(port);
      fake.pushes.length = 0;
      const later = await deliver(new Date(Date.now() + 61_000));
      assert.equal(later.sent, 2);
      assert.equal(fake.pushes.length, 2);
      assert.doesNotMatch((await admin.get(`/t/${slugA}/admin/notices`)).body, /ติดต่อไลน์ไม่ได้/);
      // A notice that could not be tried for over a week is given up, not kept for ever.
      await t.database.db.transaction((tx) =>
        enqueueNotices(tx, { tambonId: ids.a, userIds: [ids.a1], kind: KIND, text: () => "stale" }),
      );
      fake.pushes.length = 0;
      await deliver(new Date(Date.now() + 8 * 24 * 60 * 60 * 1000));
      const stale = (await queued(ids.a1)).filter((n) => n.body === "stale");
      assert.deepEqual(
        stale.map((n) => [n.status, n.lastError]),
        [
          ["failed", "waited more than 7 days"],
          ["failed", "waited more than 7 days"],
        ],
      );
      assert.equal(fake.pushes.length, 0);
    });

    test("a member who opted out gets nothing; unlinking stops LINE", async () => {
      const member = await Client.as(t.app, "member-a1", FACTORY_PASSWORD);
      const page = await member.get(`/t/${slugA}/notices`);
      assert.match(page.body, /คำตอบคำขอศึกษาดูงานของตำบล/, "the network module's kind is offered");
      // Keep only e-mail for visit answers.
      const saved = await member.post(`/t/${slugA}/notices/choices`, {
        want: ["network.visit:email"],
      });
      assert.equal(saved.statusCode, 303);
      const prefs = await t.database.db
        .select()
        .from(noticePrefs)
        .where(eq(noticePrefs.userId, ids.a1));
      assert.ok(prefs.some((p) => p.kind === "network.visit" && p.channel === "line" && !p.wanted));
      const before = (await queued(ids.a1)).length;
      await t.database.db.transaction((tx) =>
        enqueueNotices(tx, {
          tambonId: ids.a,
          userIds: [ids.a1],
          kind: VISIT_ANSWERED,
          text: () => "x",
        }),
      );
      const added = (await queued(ids.a1)).slice(before);
      assert.deepEqual(
        added.map((n) => n.channel),
        ["email"],
      );
      // Nothing at all once e-mail is off too.
      await member.post(`/t/${slugA}/notices/choices`, {});
      const n = await t.database.db.transaction((tx) =>
        enqueueNotices(tx, {
          tambonId: ids.a,
          userIds: [ids.a1],
          kind: VISIT_ANSWERED,
          text: () => "y",
        }),
      );
      assert.equal(n, 0);
      // Unlinking asks for the tick, then removes the link.
      assert.equal((await member.post(`/t/${slugA}/notices/line/unlink`, {})).statusCode, 422);
      const gone = await member.post(`/t/${slugA}/notices/line/unlink`, { confirmed: "1" });
      assert.equal(gone.statusCode, 303);
      const links = await t.database.db
        .select()
        .from(lineLinks)
        .where(eq(lineLinks.userId, ids.a1));
      assert.equal(links.length, 0);
    });

    test("the host's answer to a study visit reaches the member of the tambon who asked", async () => {
      const db = t.database.db;
      const [centre] = await db
        .insert(learningCentres)
        .values({ tambonId: ids.b, nameTh: "ศูนย์ปุ๋ยหมัก", nameEn: "Compost centre" })
        .returning();
      // A2 of tambon A asked; A2 links LINE first.
      await db.insert(lineLinks).values({
        tambonId: ids.a,
        userId: ids.a2,
        lineUserId: "U" + "a2".repeat(16),
        linkedAt: new Date(),
      });
      const [visit] = await db
        .insert(studyVisits)
        .values({
          tambonId: ids.b,
          centreId: centre!.id,
          requestingTambonId: ids.a,
          requestedBy: ids.a2,
          source: "tambon",
          groupName: "อสม. ตำบลเอ",
          requestedOn: "2027-02-01",
          groupSize: 12,
        })
        .returning();
      const host = await Client.as(t.app, "admin-b", FACTORY_PASSWORD);
      const res = await host.post(
        `/t/${slugB}/admin/network/visits/${visit!.id}/answer`,
        { answer: "accept", hostNote: "พบกันที่ศาลา" },
        { from: `/t/${slugB}/admin/network/visits/${visit!.id}` },
      );
      assert.equal(res.statusCode, 303);
      const [n] = await queued(ids.a2);
      assert.equal(n?.tambonId, ids.a, "sent through the asking tambon's own LINE account");
      assert.equal(n?.kind, "network.visit");
      assert.match(n!.body, /ตอบรับการศึกษาดูงานของ อสม\. ตำบลเอ ที่ ศูนย์ปุ๋ยหมัก/);
      assert.match(n!.body, /พบกันที่ศาลา/);
    });
    test("a meeting's invitation and a change of its place reach the invited group's members", async () => {
      const db = t.database.db;
      const [group] = await db
        .insert(workGroups)
        .values({
          tambonId: ids.a,
          kind: "committee",
          nameTh: "คณะกรรมการ",
          formedOn: "2026-01-01",
        })
        .returning();
      await db.insert(groupMemberships).values({
        tambonId: ids.a,
        groupId: group!.id,
        userId: ids.a2,
        name: "member-a2",
        startOn: "2026-01-01",
      });
      const [adminRow] = await db.select().from(users).where(eq(users.username, "admin-a"));
      const actor: Actor = {
        user: { id: adminRow!.id, name: "admin-a", isNetworkAdmin: false, lang: "th" },
        roles: new Map([[ids.a, new Set(["admin", "member"] as const)]]),
        memberOf: new Set([ids.a]),
      };
      const body = {
        kind: "working_group",
        titleTh: "ประชุมคณะกรรมการ",
        date: "2027-03-01",
        startTime: "09:30",
        place: "ศาลาหมู่ 1",
      };
      const input = (b: Record<string, string>) => ({
        body: b,
        invitedGroupIds: [String(group!.id)],
        invitedVillageIds: [],
        defaultMinPerVillage: 1,
      });
      const made = await saveMeeting(db, actor, ids.a, input(body));
      assert.ok(made.ok);
      const meetingNotices = async () =>
        (await queued(ids.a2)).filter((n) => n.kind === "groups.meeting").map((n) => n.body);
      assert.deepEqual(await meetingNotices(), [
        "เชิญประชุม: ประชุมคณะกรรมการ วันที่ 1 มี.ค. 2570 09:30 ที่ ศาลาหมู่ 1",
      ]);
      // A new title alone tells no one; a new place does.
      await saveMeeting(
        db,
        actor,
        ids.a,
        input({ ...body, titleTh: "ประชุมคณะกรรมการ (1)" }),
        made.value.id,
      );
      assert.equal((await meetingNotices()).length, 1);
      await saveMeeting(
        db,
        actor,
        ids.a,
        input({ ...body, titleTh: "ประชุมคณะกรรมการ (1)", place: "วัดบ้านนา" }),
        made.value.id,
      );
      assert.match((await meetingNotices())[1] ?? "", /^เปลี่ยนแปลงการประชุม: .* ที่ วัดบ้านนา$/);
    });
    test("a member hears when their complaint's status changes; a corruption filer is not kept", async () => {
      const db = t.database.db;
      const member = await Client.as(t.app, "member-a2", FACTORY_PASSWORD);
      const form = `/t/${slugA}/complaints`;
      const filed = await postMultipart(
        member,
        form,
        { kind: "complaint", channel: "general", subject: "ไฟถนนดับ", details: "หน้าวัดมืดมาก" },
        {},
        { from: form },
      );
      assert.equal(filed.statusCode, 303);
      const secret = await postMultipart(
        member,
        form,
        { kind: "complaint", channel: "corruption", subject: "ฮั้วประมูล", details: "รายละเอียด" },
        {},
        { from: form },
      );
      assert.equal(secret.statusCode, 303);
      const rows = await db.select().from(siteComplaints).where(eq(siteComplaints.tambonId, ids.a));
      const general = rows.find((r) => r.channel === "general")!;
      assert.equal(general.filedBy, ids.a2);
      assert.equal(rows.find((r) => r.channel === "corruption")!.filedBy, null);
      const admin = await Client.as(t.app, "admin-a", FACTORY_PASSWORD);
      const page = `/t/${slugA}/admin/site/complaints/${general.id}`;
      const res = await admin.post(
        page,
        { status: "in_progress", answer: "", note: "" },
        { from: page },
      );
      assert.equal(res.statusCode, 303);
      const told = (await queued(ids.a2)).filter((n) => n.kind === "site.complaint");
      assert.equal(told.length, 1);
      assert.equal(told[0]!.body, `เรื่อง ${general.code} “ไฟถนนดับ”: กำลังดำเนินการ`);
    });
    test("a charter hearing opening reaches every member as they chose, in its own tambon only", async () => {
      const db = t.database.db;
      const [charter] = await db
        .insert(charters)
        .values({ tambonId: ids.a, nameTh: "ธรรมนูญสุขภาพตำบล" })
        .returning();
      const [edition] = await db
        .insert(charterEditions)
        .values({ tambonId: ids.a, charterId: charter!.id, number: 1, yearBe: 2570 })
        .returning();
      const [adminRow] = await db.select().from(users).where(eq(users.username, "admin-a"));
      const actor: Actor = {
        user: { id: adminRow!.id, name: "admin-a", isNetworkAdmin: false, lang: "th" },
        roles: new Map([[ids.a, new Set(["admin", "member"] as const)]]),
        memberOf: new Set([ids.a]),
      };
      const opened = await setHearing(db, actor, ids.a, edition!.id, true, {
        hearingStartsOn: "2099-01-01",
        hearingEndsOn: "2099-01-31",
        hearingNote: "",
      });
      assert.ok(opened.ok, JSON.stringify(opened));
      const rows = await db.select().from(notices).where(eq(notices.kind, "charter.hearing"));
      assert.deepEqual(
        rows.map((r) => `${r.userId}:${r.channel}`).sort(),
        [`${ids.a2}:line`],
        "A2 by LINE; A1 turned every notice off earlier; B1 is of another tambon",
      );
      assert.match(
        rows[0]!.body,
        /^เปิดรับฟังความคิดเห็นร่างธรรมนูญสุขภาพตำบล ตั้งแต่ 1 มกราคม 2642 ถึง 31 มกราคม 2642/,
      );
    });

    test("a LINE token kept in the clear by an earlier version is sealed at start, once", async () => {
      const db = t.database.db;
      const [before] = await db.select().from(lineChannels).where(eq(lineChannels.tambonId, ids.b));
      assert.ok(before, "tambon B has its channel");
      await db
        .update(lineChannels)
        .set({ accessToken: TOKEN_B, channelSecret: SECRET_B })
        .where(eq(lineChannels.tambonId, ids.b));
      const secret = t.app.config.secret;
      assert.equal(await sealStoredChannels(t.database, secret), 1);
      assert.equal(await sealStoredChannels(t.database, secret), 0, "sealed ones stay as they are");
      const [row] = await db.select().from(lineChannels).where(eq(lineChannels.tambonId, ids.b));
      assert.ok(row);
      assert.doesNotMatch(JSON.stringify(row), /tokenBBBB|endB|fedcba9876543210/);
      assert.deepEqual(openChannel(secret, row), { accessToken: TOKEN_B, channelSecret: SECRET_B });
      // Bound to its tambon: tambon A's sealed token copied into B's row does not open there.
      const [a] = await db.select().from(lineChannels).where(eq(lineChannels.tambonId, ids.a));
      assert.equal(openChannel(secret, { ...row, accessToken: a!.accessToken }), null);
    });
  });
}
