import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, isNull } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { todayIso } from "../../src/core/dates.ts";
import { nextDay } from "../../src/modules/groups/groups/group.ts";
import {
  attendances,
  groupMemberships,
  meetings,
  nominations,
  workGroups,
} from "../../src/modules/groups/schema.ts";
import { networkPillars } from "../../src/modules/network/schema.ts";

const plusDays = (day: string, n: number) => {
  let d = day;
  for (let i = 0; i < n; i++) d = nextDay(d);
  return d;
};

for (const kind of DB_KINDS) {
  describe(
    `organisers keep groups, meetings and exports sound on ${kind}`,
    { concurrency: 1 },
    () => {
      let t: TestApp;
      let tambonId: number;
      let centralId: number;
      let fac: Client;
      let wg: Client;
      const base = "/t/la-ngu";

      async function schedule(fields: Record<string, string> = {}) {
        return fac.post(
          `${base}/admin/meetings`,
          {
            kind: "village_assembly",
            step: "2",
            titleTh: "ประชุมตัวแทนหมู่บ้าน (ทดสอบ)",
            date: todayIso(),
            startTime: "09:00",
            endTime: "12:00",
            place: "หอประชุม",
            status: "planned",
            isPublic: "1",
            ...fields,
          },
          { from: `${base}/admin/meetings/new` },
        );
      }
      const idOf = (location: unknown) =>
        Number(/\/admin\/meetings\/(\d+)/.exec(String(location))?.[1]);
      const periodsOf = (userId: number) =>
        t.database.db
          .select()
          .from(groupMemberships)
          .where(and(eq(groupMemberships.groupId, centralId), eq(groupMemberships.userId, userId)));

      before(async () => {
        t = await startTestApp(kind, { demo: true });
        const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
        tambonId = tb!.id;
        const [central] = await t.database.db
          .select()
          .from(workGroups)
          .where(
            and(
              eq(workGroups.tambonId, tambonId),
              eq(workGroups.kind, "central"),
              isNull(workGroups.dissolvedOn),
            ),
          );
        centralId = central!.id;
        fac = await Client.as(t.app, "langu-facilitator");
        wg = await Client.as(t.app, "langu-wg");
      });
      after(async () => {
        await t?.close();
      });

      test("a village assembly needs at least one representative per village for its quorum", async () => {
        const res = await schedule({ quorumMinPerVillage: "0" });
        assert.equal(res.statusCode, 422);
        assert.match(res.body, /อย่างน้อย 1 คนต่อหมู่บ้าน/);
        assert.match(res.body, /value="ประชุมตัวแทนหมู่บ้าน \(ทดสอบ\)"/, "what was typed is kept");
        const ok = await schedule({ quorumMinPerVillage: "1" });
        assert.equal(ok.statusCode, 303);
        const [m] = await t.database.db
          .select()
          .from(meetings)
          .where(eq(meetings.id, idOf(ok.headers.location)));
        assert.equal(m!.quorumMinPerVillage, 1);
      });

      test("a person is nominated once while the nomination is open, and approval never adds a current member twice", async () => {
        const created = await schedule();
        const meetingId = idOf(created.headers.location);
        // No quorum rule for this assembly, so that its resolutions may approve nominations now.
        const edit = await fac.post(
          `${base}/admin/meetings/${meetingId}`,
          {
            kind: "village_assembly",
            step: "2",
            titleTh: "ประชุมตัวแทนหมู่บ้าน (ทดสอบ)",
            date: todayIso(),
            startTime: "09:00",
            status: "planned",
            isPublic: "1",
            quorumMinPerVillage: "",
          },
          { from: `${base}/admin/meetings/${meetingId}` },
        );
        assert.equal(edit.statusCode, 303, edit.body.slice(0, 300));
        const [current] = await t.database.db
          .select()
          .from(groupMemberships)
          .where(
            and(
              eq(groupMemberships.groupId, centralId),
              isNull(groupMemberships.endOn),
              eq(groupMemberships.position, "member"),
            ),
          )
          .orderBy(asc(groupMemberships.id));
        assert.ok(current?.userId, "the demo central group has a member with an account");
        const before = (await periodsOf(current!.userId!)).length;
        const minutes = `${base}/admin/meetings/${meetingId}/minutes`;
        const nominate = (name: string, villageId: number | null) =>
          fac.post(
            `${base}/admin/meetings/${meetingId}/nominations`,
            {
              groupId: String(centralId),
              name,
              villageId: villageId ? String(villageId) : "",
              position: "member",
            },
            { from: minutes },
          );
        assert.equal((await nominate(current!.name, current!.villageId)).statusCode, 303);
        const again = await nominate(current!.name, current!.villageId);
        assert.equal(again.statusCode, 422);
        assert.match(again.body, /ได้รับการเสนอชื่อเข้าคณะนี้แล้วและยังรอมติ/);
        assert.ok(again.body.includes(`value="${current!.name}"`), "what was typed is kept");
        assert.equal((await nominate("ผู้ถูกเสนอชื่อ คนใหม่", null)).statusCode, 303);
        const open = await t.database.db
          .select()
          .from(nominations)
          .where(eq(nominations.meetingId, meetingId));
        assert.equal(open.length, 2);

        const res = await fac.post(
          `${base}/admin/meetings/${meetingId}/resolutions`,
          {
            textTh: "เห็นชอบรายชื่อคณะทำงานกลาง",
            method: "consensus",
            approve: open.map((n) => String(n.id)),
          },
          { from: minutes },
        );
        assert.equal(res.statusCode, 303, res.body.slice(0, 300));
        assert.equal((await periodsOf(current!.userId!)).length, before, "not added a second time");
        const newcomer = await t.database.db
          .select()
          .from(groupMemberships)
          .where(
            and(
              eq(groupMemberships.groupId, centralId),
              eq(groupMemberships.name, "ผู้ถูกเสนอชื่อ คนใหม่"),
            ),
          );
        assert.equal(newcomer.length, 1);
        const page = await fac.get(String(res.headers.location));
        assert.match(page.body, /เป็นสมาชิกของคณะอยู่แล้ว/);
        assert.ok(page.body.includes(current!.name));
        const statuses = await t.database.db
          .select({ status: nominations.status })
          .from(nominations)
          .where(eq(nominations.meetingId, meetingId));
        assert.deepEqual(
          statuses.map((s) => s.status),
          ["approved", "approved"],
        );
      });

      test("a period that has ended is not ended again, and a new last day may not overlap another period", async () => {
        const today = todayIso();
        const add = (fields: Record<string, string>) =>
          wg.post(
            `${base}/admin/groups/${centralId}/members`,
            { name: "สมาชิกช่วงเวลา ทดสอบ", position: "member", ...fields },
            { from: `${base}/admin/groups/${centralId}` },
          );
        assert.equal((await add({ startOn: "2020-01-01", endOn: "2020-12-31" })).statusCode, 303);
        assert.equal((await add({ startOn: today, endOn: plusDays(today, 10) })).statusCode, 303);
        assert.equal((await add({ startOn: plusDays(today, 20) })).statusCode, 303);
        const rows = await t.database.db
          .select()
          .from(groupMemberships)
          .where(eq(groupMemberships.name, "สมาชิกช่วงเวลา ทดสอบ"))
          .orderBy(asc(groupMemberships.startOn));
        assert.equal(rows.length, 3);
        const [past, task, later] = rows;
        const end = (id: number, endOn: string) =>
          wg.post(
            `${base}/admin/memberships/${id}/end`,
            { endOn, leaveReason: "ทดสอบ" },
            { from: `${base}/admin/groups/${centralId}` },
          );

        const reEnd = await end(past!.id, "2021-06-30");
        assert.equal(reEnd.statusCode, 303);
        assert.match((await wg.get(String(reEnd.headers.location))).body, /ช่วงเวลานี้สิ้นสุดไปแล้ว/);
        const overlapping = await end(task!.id, plusDays(today, 25));
        assert.match(
          (await wg.get(String(overlapping.headers.location))).body,
          /มีช่วงเวลาที่ซ้อนกันอยู่แล้ว/,
        );
        const after = await t.database.db
          .select()
          .from(groupMemberships)
          .where(eq(groupMemberships.name, "สมาชิกช่วงเวลา ทดสอบ"))
          .orderBy(asc(groupMemberships.startOn));
        assert.deepEqual(
          after.map((r) => r.endOn),
          ["2020-12-31", plusDays(today, 10), null],
          "no period changed",
        );
        const early = await end(task!.id, plusDays(today, 5));
        assert.equal(early.statusCode, 303);
        const [shortened] = await t.database.db
          .select()
          .from(groupMemberships)
          .where(eq(groupMemberships.id, task!.id));
        assert.equal(shortened!.endOn, plusDays(today, 5), "an open period can still be ended");
        assert.equal(later!.endOn, null);
      });

      test("guessing the sign-in code is stopped after 10 wrong codes for that meeting", async () => {
        const created = await schedule({ titleTh: "ประชุมลงชื่อด้วยรหัส (ทดสอบ)" });
        const meetingId = idOf(created.headers.location);
        const member = await Client.as(t.app, "langu-member");
        const url = `${base}/meetings/${meetingId}/signin`;
        const from = `${base}/meetings/${meetingId}`;
        for (let i = 1; i <= 9; i++) {
          const res = await member.post(url, { code: "000000x" }, { from });
          assert.equal(res.statusCode, 422);
          assert.match(res.body, /รหัสไม่ถูกต้อง/);
        }
        const tenth = await member.post(url, { code: "000000x" }, { from });
        assert.equal(tenth.statusCode, 422);
        assert.match(tenth.body, /ใส่รหัสผิดครบ 10 ครั้งแล้ว/);
        const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, meetingId));
        const right = await member.post(url, { code: m!.signinCode! }, { from });
        assert.equal(right.statusCode, 422, "even the right code is refused now");
        assert.match(right.body, /ใส่รหัสผิดครบ 10 ครั้งแล้ว/);
        const rows = await t.database.db
          .select()
          .from(attendances)
          .where(eq(attendances.meetingId, meetingId));
        assert.equal(rows.length, 0);

        const other = await Client.as(t.app, "langu-rep");
        const ok = await other.post(url, { code: m!.signinCode! }, { from });
        assert.equal(ok.statusCode, 303, "another person is not locked out");
      });

      test("the attendance page refreshes its quorum from a fragment only organisers may read", async () => {
        const created = await schedule({ titleTh: "ประชุมนับองค์ประชุมสด (ทดสอบ)" });
        const meetingId = idOf(created.headers.location);
        const page = await fac.get(`${base}/admin/meetings/${meetingId}/attendance`);
        assert.match(
          page.body,
          /<script src="\/static\/groups-attendance-live\.[0-9a-f]+\.js" defer/,
        );
        assert.match(
          page.body,
          /data-live-url="\/t\/la-ngu\/admin\/meetings\/\d+\/attendance\/live"/,
        );
        const live = `${base}/admin/meetings/${meetingId}/attendance/live`;
        const first = await fac.get(live);
        assert.equal(first.statusCode, 200);
        assert.match(String(first.headers["content-type"]), /^text\/html/);
        assert.ok(!first.body.includes("<html"), "a fragment, not a page");
        assert.match(first.body, /id="gm-live-status"/);
        assert.match(first.body, /id="gm-live-table"/);
        assert.match(first.body, /ผู้เข้าร่วม 0 คน/);

        const rep = await Client.as(t.app, "langu-rep");
        const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, meetingId));
        const signed = await rep.post(
          `${base}/meetings/${meetingId}/signin`,
          { code: m!.signinCode! },
          { from: `${base}/meetings/${meetingId}` },
        );
        assert.equal(signed.statusCode, 303);
        const second = await fac.get(live);
        assert.match(second.body, /ผู้เข้าร่วม 1 คน/, "a self sign-in shows without reloading");
        assert.match(second.body, /class="gm-row-ok"|1\/5/);

        assert.equal((await rep.get(live)).statusCode, 403);
        const anon = await new Client(t.app).get(live);
        assert.notEqual(anon.statusCode, 200, "no figures without signing in");
        assert.ok(!anon.body.includes("gm-live-status"));
        const asset = await new Client(t.app).get(
          /src="(\/static\/groups-attendance-live\.[0-9a-f]+\.js)"/.exec(page.body)![1]!,
        );
        assert.equal(asset.statusCode, 200);
        assert.match(asset.body, /data-live-url/);
      });

      test("member lists and nominations offer the tambon's own pillars", async () => {
        await t.database.db
          .insert(networkPillars)
          .values({ tambonId, nameTh: "เสาหลักของตำบลเอง", nameEn: "Our own pillar", position: 99 });
        const group = await wg.get(`${base}/admin/groups/${centralId}`);
        assert.match(group.body, /<option value="เสาหลักของตำบลเอง"/);
        const [m] = await t.database.db
          .select()
          .from(meetings)
          .where(
            and(
              eq(meetings.tambonId, tambonId),
              eq(meetings.kind, "village_assembly"),
              isNull(meetings.minutesConfirmedAt),
            ),
          )
          .limit(1);
        const minutes = await fac.get(`${base}/admin/meetings/${m!.id}/minutes`);
        assert.match(minutes.body, /<option value="เสาหลักของตำบลเอง"/);
      });

      test("CSV exports defuse cells that spreadsheets would run as formulas", async () => {
        const added = await wg.post(
          `${base}/admin/groups/${centralId}/members`,
          { name: '=HYPERLINK("http://evil.example","x")', position: "member", task: "+1+1" },
          { from: `${base}/admin/groups/${centralId}` },
        );
        assert.equal(added.statusCode, 303);
        const members = await new Client(t.app).get(`${base}/groups/${centralId}/members.csv`);
        assert.equal(members.statusCode, 200);
        assert.ok(members.body.includes(`"'=HYPERLINK(""http://evil.example"",""x"")"`));
        assert.ok(members.body.includes(",'+1+1,"));
        assert.ok(!/(^|,)"?=HYPERLINK/m.test(members.body));

        const created = await schedule({ titleTh: "@SUM(1,2)" });
        assert.equal(created.statusCode, 303);
        const list = await new Client(t.app).get(`${base}/meetings/export.csv`);
        assert.ok(list.body.includes(`"'@SUM(1,2)"`));
        assert.ok(!/(^|,)"?@SUM/m.test(list.body));
        const reps = await new Client(t.app).get(`${base}/representatives/export.csv`);
        assert.equal(reps.statusCode, 200);
        assert.ok(reps.body.startsWith("\uFEFF"));
      });
    },
  );
}
