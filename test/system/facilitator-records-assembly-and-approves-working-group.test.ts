import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, sql } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { GPS_TAG, exifTags, phoneJpeg } from "../helpers/images.ts";
import { tambons, villages } from "../../src/core/db/schema.ts";
import { todayIso } from "../../src/core/dates.ts";
import {
  attendances,
  groupMemberships,
  meetings,
  nominations,
  resolutions,
  workGroups,
} from "../../src/modules/groups/schema.ts";
import { getResolution } from "../../src/modules/groups/public.ts";

for (const kind of DB_KINDS) {
  describe(`a facilitator runs a village assembly on ${kind}`, { concurrency: 1 }, () => {
    let t: TestApp;
    let tambonId: number;
    let meetingId: number;
    let villageIds: number[];
    const facilitator = () => {
      const c = new Client(t.app);
      return c.login("langu-facilitator").then(() => c);
    };
    let fac: Client;
    const base = "/t/la-ngu";

    const meeting = async (id = meetingId) => {
      const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, id));
      return m!;
    };
    const attendanceCount = async (id = meetingId) =>
      (await t.database.db.select().from(attendances).where(eq(attendances.meetingId, id))).length;

    async function schedule(c: Client, title: string): Promise<number> {
      const res = await c.post(
        `${base}/admin/meetings`,
        {
          kind: "village_assembly",
          step: "2",
          titleTh: title,
          date: todayIso(),
          startTime: "09:00",
          endTime: "12:00",
          place: "หอประชุม",
          status: "planned",
          isPublic: "1",
        },
        { from: `${base}/admin/meetings/new` },
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const id = Number(/\/admin\/meetings\/(\d+)/.exec(String(res.headers.location))?.[1]);
      assert.ok(id > 0);
      return id;
    }

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
      villageIds = (
        await t.database.db
          .select({ id: villages.id })
          .from(villages)
          .where(eq(villages.tambonId, tambonId))
          .orderBy(asc(villages.moo))
      ).map((v) => v.id);
      fac = await facilitator();
    });
    after(async () => {
      await t?.close();
    });

    test("a village assembly scheduled for today takes the tambon's minimum of 5 per village", async () => {
      meetingId = await schedule(fac, "ประชุมตัวแทน 18 หมู่บ้าน (ทดสอบ)");
      const m = await meeting();
      assert.equal(m.quorumMinPerVillage, 5);
      assert.equal(m.quorumMet, false);
      assert.equal(m.quorum?.villagesTotal, 18);
      assert.equal(m.quorum?.villagesMet, 0);
      assert.equal(m.quorum?.shortBy, 90);
    });

    test("only facilitators and admins record attendance", async () => {
      for (const who of ["langu-wg", "langu-member", "langu-rep"]) {
        const c = await Client.as(t.app, who);
        assert.equal(
          (await c.get(`${base}/admin/meetings/${meetingId}/attendance`)).statusCode,
          403,
          who,
        );
        const res = await c.post(
          `${base}/admin/meetings/${meetingId}/attendance`,
          { name: "ผู้แอบบันทึก", villageId: String(villageIds[0]), role: "resident" },
          { from: "/account" },
        );
        assert.equal(res.statusCode, 403, who);
      }
      const anon = new Client(t.app);
      const res = await anon.post(
        `${base}/admin/meetings/${meetingId}/attendance`,
        { name: "ผู้ไม่ระบุตัว" },
        { from: "/login" },
      );
      assert.equal(res.statusCode, 403);
      assert.equal(await attendanceCount(), 0);
    });

    test("village by village the sheets fill the quorum, which turns met at the 18th village", async () => {
      for (const [i, vid] of villageIds.entries()) {
        const page = await fac.get(`${base}/admin/meetings/${meetingId}/attendance?village=${vid}`);
        assert.equal(page.statusCode, 200);
        const people = [...page.body.matchAll(/name="people" value="(\d+)"/g)].map((m) => m[1]!);
        assert.ok(people.length >= 5, `village ${i + 1} lists ${people.length} representatives`);
        assert.match(page.body, /class="gm-quorum gm-quorum-short"/);
        const res = await fac.post(`${base}/admin/meetings/${meetingId}/attendance/sheet`, {
          villageId: String(vid),
          people: people.slice(0, 5),
        });
        assert.equal(res.statusCode, 303);
        const next = i < 17 ? villageIds[i + 1] : vid;
        assert.match(
          String(res.headers.location),
          new RegExp(`village=${next}#sheet$`),
          "on to the next village",
        );
        const m = await meeting();
        assert.equal(m.quorum?.villagesMet, i + 1);
        assert.equal(m.quorumMet, i === 17, `after village ${i + 1}`);
      }
      const after = await fac.get(`${base}/admin/meetings/${meetingId}/attendance`);
      assert.match(after.body, /class="gm-quorum gm-quorum-met"/);
      assert.equal(await attendanceCount(), 90);
      const pub = await new Client(t.app).get(`${base}/meetings/${meetingId}`);
      assert.match(pub.body, /ครบองค์ประชุม/);
    });

    test("a duplicate sign-in is refused or skipped and counted once", async () => {
      const [someone] = await t.database.db
        .select()
        .from(attendances)
        .where(eq(attendances.meetingId, meetingId))
        .orderBy(asc(attendances.id))
        .limit(1);
      const again = await fac.post(`${base}/admin/meetings/${meetingId}/attendance`, {
        name: someone!.name,
        villageId: String(someone!.villageId),
        role: "village_rep",
      });
      assert.equal(again.statusCode, 422);
      assert.match(again.body, /ลงชื่อแล้ว/);
      assert.ok(again.body.includes(`value="${someone!.name}"`), "what was typed is kept");
      const sheet = await fac.post(`${base}/admin/meetings/${meetingId}/attendance/sheet`, {
        villageId: String(someone!.villageId),
        people: [String(someone!.userId)],
      });
      assert.equal(sheet.statusCode, 303);
      const bulk = await fac.post(`${base}/admin/meetings/${meetingId}/attendance/bulk`, {
        villageId: String(villageIds[2]),
        role: "resident",
        names: `1. ${someone!.name}\n2. นางสาวใหม่ มาร่วม\n3. นางสาวใหม่  มาร่วม\n`,
      });
      assert.equal(bulk.statusCode, 303);
      const rows = await t.database.db
        .select()
        .from(attendances)
        .where(eq(attendances.meetingId, meetingId));
      assert.equal(rows.length, 91, "only the new person was added");
      assert.equal(rows.filter((r) => r.userId === someone!.userId).length, 1);
      const m = await meeting();
      assert.equal(m.quorum?.villages.find((v) => v.villageId === someone!.villageId)?.present, 5);
    });

    test("a person without an account is kept by name, village and role, and does not change the quorum", async () => {
      const before = (await meeting()).quorum;
      const res = await fac.post(`${base}/admin/meetings/${meetingId}/attendance`, {
        name: "อิหม่ามทดสอบ ไม่มีบัญชี",
        villageId: String(villageIds[4]),
        role: "religious_leader",
      });
      assert.equal(res.statusCode, 303);
      assert.match(
        String(res.headers.location),
        new RegExp(`village=${villageIds[4]}#one$`),
        "village remembered",
      );
      const [row] = await t.database.db
        .select()
        .from(attendances)
        .where(
          and(eq(attendances.meetingId, meetingId), eq(attendances.name, "อิหม่ามทดสอบ ไม่มีบัญชี")),
        );
      assert.equal(row!.userId, null);
      assert.equal(row!.villageId, villageIds[4]);
      assert.equal(row!.role, "religious_leader");
      assert.deepEqual((await meeting()).quorum?.villages, before?.villages);
    });

    test("a member signs in on their phone with the meeting's code", async () => {
      const member = await Client.as(t.app, "langu-member");
      const page = await member.get(`${base}/meetings/${meetingId}`);
      assert.match(page.body, /name="code"/);
      const wrong = await member.post(`${base}/meetings/${meetingId}/signin`, { code: "000000x" });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /รหัสไม่ถูกต้อง/);
      const code = (await meeting()).signinCode;
      const ok = await member.post(
        `${base}/meetings/${meetingId}/signin`,
        { code },
        { from: `${base}/meetings/${meetingId}` },
      );
      assert.equal(ok.statusCode, 303);
      const twice = await member.post(
        `${base}/meetings/${meetingId}/signin`,
        { code },
        { from: `${base}/meetings/${meetingId}` },
      );
      assert.equal(twice.statusCode, 303);
      const mine = await t.database.db
        .select()
        .from(attendances)
        .where(and(eq(attendances.meetingId, meetingId), eq(attendances.selfSigned, true)));
      assert.equal(mine.length, 1);
      assert.match((await member.get(`${base}/meetings/${meetingId}`)).body, /ท่านลงชื่อเข้าร่วมแล้ว/);
    });

    let resolutionId: number;
    test("the assembly nominates and a resolution approves: the nominees join the central working group today", async () => {
      const [central] = await t.database.db
        .select()
        .from(workGroups)
        .where(and(eq(workGroups.tambonId, tambonId), eq(workGroups.kind, "central")));
      const present = await t.database.db
        .select()
        .from(attendances)
        .where(and(eq(attendances.meetingId, meetingId), eq(attendances.role, "village_rep")))
        .orderBy(asc(attendances.id))
        .limit(40);
      const picked = [present[10]!, present[25]!, present[39]!];
      for (const p of picked) {
        const res = await fac.post(
          `${base}/admin/meetings/${meetingId}/nominations`,
          {
            groupId: String(central!.id),
            name: p.name,
            villageId: String(p.villageId),
            position: "member",
            pillar: "ภาคประชาชน (อสม. ผู้นำชุมชน กลุ่ม ชมรม)",
          },
          { from: `${base}/admin/meetings/${meetingId}/minutes` },
        );
        assert.equal(res.statusCode, 303, res.body.slice(0, 200));
      }
      const noms = await t.database.db
        .select()
        .from(nominations)
        .where(eq(nominations.meetingId, meetingId));
      assert.equal(noms.length, 3);
      assert.deepEqual(
        noms.map((n) => n.userId).sort(),
        picked.map((p) => p.userId).sort(),
        "names are linked to the members' accounts",
      );
      const res = await fac.post(
        `${base}/admin/meetings/${meetingId}/resolutions`,
        {
          textTh: "เห็นชอบรายชื่อคณะทำงานกลางเพิ่มเติม",
          method: "show_of_hands",
          votesFor: "80",
          votesAgainst: "3",
          votesAbstain: "8",
          approve: noms.map((n) => String(n.id)),
        },
        { from: `${base}/admin/meetings/${meetingId}/minutes` },
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 400));
      const [r] = await t.database.db
        .select()
        .from(resolutions)
        .where(eq(resolutions.meetingId, meetingId));
      resolutionId = r!.id;
      assert.equal(r!.outcome, "adopted");
      assert.equal(r!.quorumMet, true);
      const joined = await t.database.db
        .select()
        .from(groupMemberships)
        .where(eq(groupMemberships.resolutionId, r!.id));
      assert.equal(joined.length, 3);
      assert.ok(joined.every((j) => j.startOn === todayIso() && j.groupId === central!.id));
      const res2 = await getResolution(t.database.db, tambonId, r!.id);
      assert.equal(res2?.quorumMet, true);
      assert.equal(res2?.confirmed, false);
      assert.equal(res2?.links.filter((l) => l.targetType === "group_membership").length, 3);
      const group = await new Client(t.app).get(`${base}/groups/${central!.id}`);
      for (const p of picked)
        assert.ok(group.body.includes(p.name), `${p.name} is on the group page`);
    });

    test("without a quorum an assembly cannot approve nominations", async () => {
      const other = await schedule(fac, "ประชุมตัวแทน ไม่ครบองค์ (ทดสอบ)");
      const [central] = await t.database.db
        .select()
        .from(workGroups)
        .where(and(eq(workGroups.tambonId, tambonId), eq(workGroups.kind, "central")));
      await fac.post(
        `${base}/admin/meetings/${other}/nominations`,
        { groupId: String(central!.id), name: "ผู้ถูกเสนอชื่อ ทดสอบ", position: "member" },
        { from: `${base}/admin/meetings/${other}/minutes` },
      );
      const [n] = await t.database.db
        .select()
        .from(nominations)
        .where(eq(nominations.meetingId, other));
      const res = await fac.post(
        `${base}/admin/meetings/${other}/resolutions`,
        { textTh: "เห็นชอบ", method: "consensus", approve: String(n!.id) },
        { from: `${base}/admin/meetings/${other}/minutes` },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /ไม่ครบองค์ประชุม/);
      assert.equal(
        (await t.database.db.select().from(resolutions).where(eq(resolutions.meetingId, other)))
          .length,
        0,
      );
      const [still] = await t.database.db
        .select()
        .from(nominations)
        .where(eq(nominations.id, n!.id));
      assert.equal(still!.status, "proposed");
    });

    test("removing a draft resolution undoes the approval it made", async () => {
      const [central] = await t.database.db
        .select()
        .from(workGroups)
        .where(and(eq(workGroups.tambonId, tambonId), eq(workGroups.kind, "central")));
      await fac.post(
        `${base}/admin/meetings/${meetingId}/nominations`,
        { groupId: String(central!.id), name: "ผู้ถูกเสนอชื่อ ชั่วคราว", position: "adviser" },
        { from: `${base}/admin/meetings/${meetingId}/minutes` },
      );
      const [n] = await t.database.db
        .select()
        .from(nominations)
        .where(and(eq(nominations.meetingId, meetingId), eq(nominations.name, "ผู้ถูกเสนอชื่อ ชั่วคราว")));
      await fac.post(
        `${base}/admin/meetings/${meetingId}/resolutions`,
        { textTh: "แต่งตั้งที่ปรึกษา", method: "consensus", approve: String(n!.id) },
        { from: `${base}/admin/meetings/${meetingId}/minutes` },
      );
      const [approved] = await t.database.db
        .select()
        .from(nominations)
        .where(eq(nominations.id, n!.id));
      assert.equal(approved!.status, "approved");
      const removed = await fac.post(
        `${base}/admin/resolutions/${approved!.resolutionId}/delete`,
        { confirmed: "1" },
        { from: `${base}/admin/meetings/${meetingId}/minutes` },
      );
      assert.equal(removed.statusCode, 303);
      const [back] = await t.database.db
        .select()
        .from(nominations)
        .where(eq(nominations.id, n!.id));
      assert.equal(back!.status, "proposed");
      assert.equal(
        (
          await t.database.db
            .select()
            .from(groupMemberships)
            .where(eq(groupMemberships.name, "ผู้ถูกเสนอชื่อ ชั่วคราว"))
        ).length,
        0,
      );
      await fac.post(
        `${base}/admin/nominations/${n!.id}/withdraw`,
        { confirmed: "1" },
        { from: `${base}/admin/meetings/${meetingId}/minutes` },
      );
      const [gone] = await t.database.db
        .select()
        .from(nominations)
        .where(eq(nominations.id, n!.id));
      assert.equal(gone!.status, "withdrawn");
    });

    test("photos and documents are added by bytes, not by name; photos get their pixel size and a thumbnail, and lose their EXIF and GPS position", async () => {
      const { default: sharp } = await import("sharp");
      const photo = await phoneJpeg(800, 600, 1);
      const sent = await sharp(photo).metadata();
      assert.ok(sent.exif && exifTags(sent.exif).has(GPS_TAG), "the upload carries a GPS position");
      const token = await fac.csrf(`${base}/admin/meetings/${meetingId}`);
      const upload = (filename: string, type: string, data: Buffer) => {
        const boundary = `----tambon${Date.now()}`;
        const head = [
          `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`,
          `--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\nภาพการประชุม\r\n`,
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
        ].join("");
        return t.app.inject({
          method: "POST",
          url: `${base}/admin/meetings/${meetingId}/files`,
          remoteAddress: fac.ip,
          headers: {
            cookie: [...fac.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
            "content-type": `multipart/form-data; boundary=${boundary}`,
          },
          payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
        });
      };
      const bad = await upload("photo.png", "image/png", Buffer.from("<script>alert(1)</script>"));
      assert.equal(bad.statusCode, 422);
      const ok = await upload("ภาพ.jpg", "image/jpeg", photo);
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
      const page = await new Client(t.app).get(`${base}/meetings/${meetingId}`);
      assert.match(page.body, /800×600/);
      const id = /meeting-files\/(\d+)\?thumb=1/.exec(page.body)?.[1];
      assert.ok(id);
      const full = await new Client(t.app).get(`${base}/meeting-files/${id}`);
      assert.equal(full.headers["content-type"], "image/jpeg");
      const served = await sharp(full.rawPayload).metadata();
      assert.deepEqual([served.format, served.width, served.height], ["jpeg", 800, 600]);
      assert.equal(served.exif, undefined, "no EXIF, and so no GPS position, is served");
      const thumb = await new Client(t.app).get(`${base}/meeting-files/${id}?thumb=1`);
      assert.equal(thumb.headers["content-type"], "image/webp");
      const meta = await sharp(thumb.rawPayload).metadata();
      assert.equal(meta.width, 480);
    });

    test("confirmed minutes fix the resolutions; a correction is a new, linked record", async () => {
      const confirm = await fac.post(
        `${base}/admin/meetings/${meetingId}/confirm`,
        { confirmed: "1" },
        { from: `${base}/admin/meetings/${meetingId}/minutes` },
      );
      assert.equal(confirm.statusCode, 303);
      assert.ok((await meeting()).minutesConfirmedAt);
      const [before] = await t.database.db
        .select()
        .from(resolutions)
        .where(eq(resolutions.id, resolutionId));

      const del = await fac.post(
        `${base}/admin/resolutions/${resolutionId}/delete`,
        { confirmed: "1" },
        { from: `${base}/admin/meetings/${meetingId}/minutes` },
      );
      assert.equal(del.statusCode, 303);
      const more = await fac.post(
        `${base}/admin/meetings/${meetingId}/resolutions`,
        { textTh: "มติเพิ่มหลังรับรอง", method: "consensus" },
        { from: `${base}/admin/meetings/${meetingId}/minutes` },
      );
      assert.equal(more.statusCode, 422);
      const late = await fac.post(
        `${base}/admin/meetings/${meetingId}/attendance`,
        { name: "มาสาย", villageId: String(villageIds[0]) },
        { from: `${base}/admin/meetings/${meetingId}` },
      );
      assert.equal(late.statusCode, 422);
      await assert.rejects(
        t.database.db
          .update(resolutions)
          .set({ textTh: "แก้ตรง ๆ" })
          .where(eq(resolutions.id, resolutionId)),
        "the database refuses to change a confirmed resolution",
      );
      await assert.rejects(
        t.database.db.delete(resolutions).where(eq(resolutions.id, resolutionId)),
      );
      await assert.rejects(
        t.database.db
          .update(meetings)
          .set({ minutesConfirmedAt: null })
          .where(eq(meetings.id, meetingId)),
      );
      const [same] = await t.database.db
        .select()
        .from(resolutions)
        .where(eq(resolutions.id, resolutionId));
      assert.deepEqual(same, before);

      const fix = await fac.post(
        `${base}/admin/resolutions/${resolutionId}/correct`,
        {
          textTh: "เห็นชอบรายชื่อคณะทำงานกลางเพิ่มเติม 3 คน",
          method: "show_of_hands",
          votesFor: "81",
          votesAgainst: "2",
          votesAbstain: "8",
          correctionReason: "นับคะแนนผิด",
        },
        { from: `${base}/admin/resolutions/${resolutionId}/correct` },
      );
      assert.equal(fix.statusCode, 303, fix.body.slice(0, 300));
      const original = await getResolution(t.database.db, tambonId, resolutionId);
      assert.equal(original?.textTh, before!.textTh);
      assert.equal(original?.confirmed, true);
      assert.ok(original?.correctedById);
      const correction = await getResolution(t.database.db, tambonId, original!.correctedById!);
      assert.equal(correction?.correctsId, resolutionId);
      assert.deepEqual(correction?.votes, { for: 81, against: 2, abstain: 8 });
      assert.equal(correction?.quorumMet, true, "the correction keeps the quorum of the decision");
      assert.equal(
        correction?.links.length,
        original?.links.length,
        "what was decided stays linked",
      );
      const again = await fac.post(
        `${base}/admin/resolutions/${resolutionId}/correct`,
        { textTh: "x", method: "consensus", correctionReason: "อีกครั้ง" },
        { from: `${base}/admin/resolutions/${resolutionId}/correct` },
      );
      assert.equal(again.statusCode, 422, "only the latest version may be corrected");
      const page = await new Client(t.app).get(`${base}/resolutions/${resolutionId}`);
      assert.match(page.body, /ได้รับการแก้ไขโดย/);
    });

    test("members see only what is public; organisers see private meetings, draft minutes and names", async () => {
      const [priv] = await t.database.db
        .select()
        .from(meetings)
        .where(and(eq(meetings.tambonId, tambonId), eq(meetings.isPublic, false)));
      const [draft] = await t.database.db
        .select()
        .from(meetings)
        .where(and(eq(meetings.tambonId, tambonId), eq(meetings.kind, "issue_team")));
      const member = await Client.as(t.app, "langu-member");
      assert.equal((await member.get(`${base}/meetings/${priv!.id}`)).statusCode, 404);
      assert.equal((await new Client(t.app).get(`${base}/meetings/${priv!.id}`)).statusCode, 404);
      assert.ok(!(await member.get(`${base}/meetings`)).body.includes(priv!.titleTh));
      assert.equal((await fac.get(`${base}/meetings/${priv!.id}`)).statusCode, 200);
      assert.ok((await fac.get(`${base}/meetings`)).body.includes(priv!.titleTh));

      const minutes = "แบ่งพื้นที่สำรวจตามหมู่บ้าน";
      assert.ok(
        !(await member.get(`${base}/meetings/${draft!.id}`)).body.includes(minutes),
        "draft minutes hidden",
      );
      assert.ok((await fac.get(`${base}/meetings/${draft!.id}`)).body.includes(minutes));
      assert.equal(
        (await member.get(`${base}/meetings/${draft!.id}/export.json`)).json().agenda[0].minutes,
        null,
      );

      const [someone] = await t.database.db
        .select()
        .from(attendances)
        .where(eq(attendances.meetingId, meetingId))
        .limit(1);
      assert.ok(
        !(await member.get(`${base}/meetings/${meetingId}`)).body.includes(
          `${someone!.name} <span`,
        ),
      );
      assert.ok((await fac.get(`${base}/meetings/${meetingId}`)).body.includes(someone!.name));
      const ko = await t.database.db
        .select()
        .from(meetings)
        .where(sql`${meetings.tambonId} <> ${tambonId}`)
        .limit(1);
      assert.equal(
        (await member.get(`${base}/meetings/${ko[0]!.id}`)).statusCode,
        404,
        "another tambon's id",
      );
    });

    test("each meeting has an iCalendar file and the tambon a feed of its public meetings", async () => {
      const one = await new Client(t.app).get(`${base}/meetings/${meetingId}/calendar.ics`);
      assert.equal(one.statusCode, 200);
      assert.match(String(one.headers["content-type"]), /^text\/calendar/);
      assert.match(one.body, new RegExp(`\r\nUID:meeting-${meetingId}@la-ngu.tambon\r\n`));
      assert.match(one.body, /\r\nDTSTART:\d{8}T020000Z\r\n/, "09:00 in Bangkok is 02:00 UTC");
      const feed = await new Client(t.app).get(`${base}/meetings/calendar.ics`);
      const uids = feed.body.match(/\r\nUID:/g)?.length ?? 0;
      const publicCount = (
        await t.database.db
          .select()
          .from(meetings)
          .where(and(eq(meetings.tambonId, tambonId), eq(meetings.isPublic, true)))
      ).length;
      assert.equal(uids, publicCount);
    });
  });
}
