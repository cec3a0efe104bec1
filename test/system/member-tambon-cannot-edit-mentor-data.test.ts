import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons, users } from "../../src/core/db/schema.ts";
import {
  agreements,
  learningCentres,
  partners,
  studyVisits,
  tambonLinks,
} from "../../src/modules/network/schema.ts";

type Row = Record<string, unknown>;

/** A multipart form body (fields and files) as a browser would send it. */
function multipart(
  fields: Record<string, string>,
  files: Record<string, { name: string; type: string; data: Buffer }> = {},
) {
  const boundary = `----tambon${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  for (const [k, f] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

for (const kind of DB_KINDS) {
  describe(`network policies across tambons on ${kind}`, () => {
    let t: TestApp;
    const id: Record<string, number> = {};

    /** Posts a multipart form with the client's cookies and a CSRF token from `from`. */
    async function postMultipart(
      c: Client,
      url: string,
      from: string,
      fields: Record<string, string>,
      files: Record<string, { name: string; type: string; data: Buffer }>,
    ) {
      const csrf = await c.csrf(from);
      const { body, type } = multipart({ _csrf: csrf, ...fields }, files);
      return t.app.inject({
        method: "POST",
        url,
        headers: {
          cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
          "content-type": type,
        },
        payload: body,
      });
    }

    const rows = (q: ReturnType<typeof sql>) => t.database.rows<Row>(q);
    const snapshot = (tambonId: number) =>
      Promise.all(
        [
          "network_partners",
          "network_agreements",
          "network_agreement_parties",
          "network_tambon_links",
          "network_learning_centres",
          "network_study_visits",
          "network_pillars",
          "network_terms",
          "network_people",
        ].map((table) =>
          rows(
            sql`select * from ${sql.identifier(table)} where tambon_id = ${tambonId} order by id`,
          ),
        ),
      ).then((r) => JSON.stringify(r));

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      for (const slug of ["la-ngu", "lom-raet", "ko-kha"]) {
        const [tb] = await db.select().from(tambons).where(eq(tambons.slug, slug));
        id[slug] = tb!.id;
      }
      const first = async <T extends { id: number }>(rowsP: Promise<T[]>) => (await rowsP)[0]!.id;
      id.languPartner = await first(
        db
          .select({ id: partners.id })
          .from(partners)
          .where(eq(partners.tambonId, id["la-ngu"]!))
          .orderBy(asc(partners.id)),
      );
      id.languPartner2 = await first(
        db
          .select({ id: partners.id })
          .from(partners)
          .where(
            and(eq(partners.tambonId, id["la-ngu"]!), sql`${partners.id} <> ${id.languPartner}`),
          )
          .orderBy(asc(partners.id)),
      );
      id.languCentre = await first(
        db
          .select({ id: learningCentres.id })
          .from(learningCentres)
          .where(eq(learningCentres.tambonId, id["la-ngu"]!))
          .orderBy(asc(learningCentres.id)),
      );
      id.languLink = await first(
        db
          .select({ id: tambonLinks.id })
          .from(tambonLinks)
          .where(eq(tambonLinks.tambonId, id["la-ngu"]!)),
      );
      id.mou = await first(
        db
          .select({ id: agreements.id })
          .from(agreements)
          .where(and(eq(agreements.tambonId, id["lom-raet"]!), eq(agreements.kind, "mou"))),
      );
      id.member = await first(
        db.select({ id: users.id }).from(users).where(eq(users.username, "langu-member")),
      );
    });
    after(async () => {
      await t?.close();
    });

    test("staff register partners; a member may not, but a partner's own contact person edits it", async () => {
      const facilitator = await Client.as(t.app, "langu-facilitator");
      const res = await facilitator.post(
        "/t/la-ngu/admin/network/partners/new",
        { nameTh: "ชมรมจักรยานละงู", villages: [], areas: [] },
        { from: "/t/la-ngu/admin/network/partners/new" },
      );
      assert.equal(res.statusCode, 303);

      const member = await Client.as(t.app, "langu-member");
      assert.equal((await member.get("/t/la-ngu/admin/network/partners/new")).statusCode, 403);
      const url = `/t/la-ngu/admin/network/partners/${id.languPartner}`;
      assert.equal((await member.get(url)).statusCode, 403);
      const refused = await member.post(url, { nameTh: "ยึดภาคี" }, { from: "/account" });
      assert.equal(refused.statusCode, 403);

      // The admin makes langu-member the partner's contact person.
      const admin = await Client.as(t.app, "langu-admin");
      const [p] = await t.database.db
        .select()
        .from(partners)
        .where(eq(partners.id, id.languPartner!));
      const set = await admin.post(
        url,
        { nameTh: p!.nameTh, contactUser: "langu-member", pillarId: String(p!.pillarId) },
        { from: url },
      );
      assert.equal(set.statusCode, 303);
      const [after] = await t.database.db
        .select()
        .from(partners)
        .where(eq(partners.id, id.languPartner!));
      assert.equal(after!.contactUserId, id.member);

      // Now the contact person edits their own partner, but not its pillar nor its contact person.
      assert.equal((await member.get(url)).statusCode, 200);
      assert.equal(member.lastHtml.includes('id="f-pillarId"'), false);
      const own = await member.post(
        url,
        { nameTh: "อบต.ละงู แก้โดยผู้ประสานงาน", pillarId: "", contactUser: "" },
        { from: url },
      );
      assert.equal(own.statusCode, 303);
      assert.equal(own.headers.location, `/t/la-ngu/partners/${id.languPartner}`);
      const [edited] = await t.database.db
        .select()
        .from(partners)
        .where(eq(partners.id, id.languPartner!));
      assert.equal(edited!.nameTh, "อบต.ละงู แก้โดยผู้ประสานงาน");
      assert.equal(edited!.pillarId, p!.pillarId, "the pillar stays");
      assert.equal(edited!.contactUserId, id.member, "the contact person stays");
      // … and still not another partner.
      const other = `/t/la-ngu/admin/network/partners/${id.languPartner2}`;
      assert.equal((await member.post(other, { nameTh: "x" }, { from: url })).statusCode, 403);
    });

    test("an MOU is edited only by the staff of the tambon that recorded it, not by its other party", async () => {
      const url = `/t/lom-raet/admin/network/agreements/${id.mou}`;
      const owner = await Client.as(t.app, "lomraet-admin");
      assert.equal((await owner.get(url)).statusCode, 200);
      const facilitator = await Client.as(t.app, "lomraet-facilitator");
      assert.equal((await facilitator.get(url)).statusCode, 403, "facilitators do not manage MOUs");

      const party = await Client.as(t.app, "kokha-admin");
      const before = await snapshot(id["lom-raet"]!);
      assert.equal((await party.get(url)).statusCode, 403);
      assert.equal(
        (await party.post(url, { titleTh: "แก้โดยเกาะคา", status: "ended" }, { from: "/account" }))
          .statusCode,
        403,
      );
      // Through its own scope with Lom Raet's id: not found.
      const mine = `/t/ko-kha/admin/network/agreements/${id.mou}`;
      assert.equal((await party.get(mine)).statusCode, 404);
      assert.equal(
        (
          await party.post(
            `${mine}/parties`,
            { partyKind: "other", nameTh: "x" },
            { from: "/account" },
          )
        ).statusCode,
        404,
      );
      assert.equal(await snapshot(id["lom-raet"]!), before, "nothing of Lom Raet changed");
      // Ko Kha still sees the MOU among the agreements it is a party to.
      const page = await party.get("/t/ko-kha/agreements");
      assert.match(page.body, /กลไกการขับเคลื่อนเมืองน่าอยู่/);
      assert.match(page.body, new RegExp(`/t/lom-raet/agreements/${id.mou}`));

      // The owner records an activity and ends the agreement; both show publicly.
      const act = await owner.post(
        `${url}/activities`,
        { heldOn: "2024-03-01", activityTitleTh: "ประชุมทบทวนข้อตกลง" },
        { from: url },
      );
      assert.equal(act.statusCode, 303);
      const pub = await new Client(t.app).get(`/t/lom-raet/agreements/${id.mou}`);
      assert.match(pub.body, /ประชุมทบทวนข้อตกลง/);
    });

    test("a member tambon cannot edit its mentor's data, from the mentor's pages or its own", async () => {
      const member = await Client.as(t.app, "lomraet-admin");
      const before = await snapshot(id["la-ngu"]!);
      const attempts: [string, Record<string, string>][] = [
        [`/t/la-ngu/admin/network/partners/${id.languPartner}`, { nameTh: "x" }],
        [`/t/la-ngu/admin/network/partners/${id.languPartner}/active`, { active: "0" }],
        [`/t/la-ngu/admin/network/links/${id.languLink}/delete`, { confirmed: "1" }],
        ["/t/la-ngu/admin/network/links", { relation: "peer", dopaCode: "520306" }],
        [`/t/la-ngu/admin/network/centres/${id.languCentre}`, { nameTh: "x" }],
        ["/t/la-ngu/admin/network/pillars", { nameTh: "เสาที่หก" }],
        ["/t/la-ngu/admin/network/agreements/new", { kind: "mou", titleTh: "x", status: "draft" }],
      ];
      for (const [url, form] of attempts) {
        const res = await member.post(url, form, { from: "/t/lom-raet/admin/network" });
        assert.equal(res.statusCode, 403, url);
        const own = url.replace("/t/la-ngu/", "/t/lom-raet/");
        if (/\/\d+(\/|$)/.test(own)) {
          const r = await member.post(own, form, { from: "/t/lom-raet/admin/network" });
          assert.equal(r.statusCode, 404, own);
        }
      }
      assert.equal(
        (await member.get(`/t/la-ngu/admin/network/partners/${id.languPartner}`)).statusCode,
        403,
      );
      assert.equal(await snapshot(id["la-ngu"]!), before, "nothing of La-ngu changed");
      // Lom Raet's own side of the link is its own to change.
      const [ownLink] = await t.database.db
        .select()
        .from(tambonLinks)
        .where(eq(tambonLinks.tambonId, id["lom-raet"]!));
      const res = await member.post(
        `/t/lom-raet/admin/network/links/${ownLink!.id}/delete`,
        { confirmed: "1" },
        { from: "/t/lom-raet/admin/network/links" },
      );
      assert.equal(res.statusCode, 303);
      assert.equal(await snapshot(id["la-ngu"]!), before, "La-ngu's declaration stays");
    });

    test("a study visit: the requester files from its own scope, only the host answers, the requester accepts the date", async () => {
      const lomraet = await Client.as(t.app, "lomraet-admin");
      const form = {
        centreId: String(id.languCentre),
        groupName: "กลุ่มผู้สูงอายุ",
        requestedOn: "2099-01-10",
        groupSize: "20",
        topics: "ธรรมนูญสุขภาพ",
      };
      const filed = await lomraet.post("/t/lom-raet/admin/network/outgoing/new", form, {
        from: "/t/lom-raet/admin/network/outgoing/new",
      });
      assert.equal(filed.statusCode, 303);
      const [visit] = await t.database.db
        .select()
        .from(studyVisits)
        .where(eq(studyVisits.requestingTambonId, id["lom-raet"]!))
        .orderBy(sql`${studyVisits.id} desc`)
        .limit(1);
      assert.equal(visit!.tambonId, id["la-ngu"], "the request belongs to the host");
      assert.equal(visit!.status, "requested");
      assert.match(visit!.groupName, /^เทศบาลตำบลล้อมแรด · กลุ่มผู้สูงอายุ$/);

      // A requester cannot answer its own request, from the host's pages or its own.
      const answer = { answer: "accept" };
      assert.equal(
        (
          await lomraet.post(`/t/la-ngu/admin/network/visits/${visit!.id}/answer`, answer, {
            from: "/account",
          })
        ).statusCode,
        403,
      );
      assert.equal(
        (
          await lomraet.post(`/t/lom-raet/admin/network/visits/${visit!.id}/answer`, answer, {
            from: "/account",
          })
        ).statusCode,
        404,
      );
      // Nor can it accept a date nobody proposed.
      const early = await lomraet.post(
        `/t/lom-raet/admin/network/outgoing/${visit!.id}/reply`,
        { answer: "accept_proposal" },
        { from: "/t/lom-raet/admin/network/outgoing" },
      );
      assert.equal(early.statusCode, 422);

      const host = await Client.as(t.app, "langu-admin");
      const proposed = await host.post(
        `/t/la-ngu/admin/network/visits/${visit!.id}/answer`,
        { answer: "propose", proposedOn: "2099-01-17", hostNote: "วันที่ 10 ไม่สะดวก" },
        { from: `/t/la-ngu/admin/network/visits/${visit!.id}` },
      );
      assert.equal(proposed.statusCode, 303);

      // Another tambon cannot reply on Lom Raet's behalf.
      const kokha = await Client.as(t.app, "kokha-admin");
      const stranger = await kokha.post(
        `/t/ko-kha/admin/network/outgoing/${visit!.id}/reply`,
        { answer: "withdraw" },
        { from: "/t/ko-kha/admin/network/outgoing" },
      );
      assert.equal(stranger.statusCode, 404);

      const accepted = await lomraet.post(
        `/t/lom-raet/admin/network/outgoing/${visit!.id}/reply`,
        { answer: "accept_proposal" },
        { from: "/t/lom-raet/admin/network/outgoing" },
      );
      assert.equal(accepted.statusCode, 303);
      const [done] = await t.database.db
        .select()
        .from(studyVisits)
        .where(eq(studyVisits.id, visit!.id));
      assert.deepEqual(
        [done!.status, done!.requestedOn, done!.proposedOn],
        ["accepted", "2099-01-17", null],
      );
      const list = await lomraet.get("/t/lom-raet/admin/network/outgoing");
      assert.match(list.body, /วันที่ 10 ไม่สะดวก/);
    });

    test("a group asks through the public form; mistakes come back with what was typed", async () => {
      const visitor = new Client(t.app);
      const url = `/t/la-ngu/centres/${id.languCentre}/visit`;
      const bad = await visitor.post(
        url,
        { groupName: "โรงเรียนบ้านควน", requestedOn: "2001-01-01", groupSize: "9999", topics: "" },
        { from: url },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /value="โรงเรียนบ้านควน"/);
      assert.match(bad.body, /วันที่ต้องไม่เป็นวันที่ผ่านมาแล้ว/);
      assert.match(bad.body, /id="f-groupSize-err">ศูนย์นี้รับได้ไม่เกิน 60 คนต่อครั้ง</);
      assert.match(bad.body, /id="f-topics-err">/);
      const ok = await visitor.post(
        url,
        {
          groupName: "โรงเรียนบ้านควน",
          requestedOn: "2099-02-02",
          groupSize: "40",
          topics: "ธรรมนูญสุขภาพ",
          contactName: "ครูสมศรี",
          contactPhone: "0812345678",
        },
        { from: url },
      );
      assert.equal(ok.statusCode, 200);
      assert.match(ok.body, /ส่งคำขอแล้ว/);
      const rowsNow = await rows(
        sql`select source, status, contact_phone from network_study_visits where group_name = 'โรงเรียนบ้านควน'`,
      );
      assert.deepEqual(
        rowsNow.map((r) => ({ ...r })),
        [{ source: "public", status: "requested", contact_phone: "0812345678" }],
      );
      // The contact stays private: the public centre page never shows it.
      const page = await visitor.get(`/t/la-ngu/centres/${id.languCentre}`);
      assert.ok(!page.body.includes("0812345678"));
    });

    test("drafts stay with staff; exports are public data in CSV and JSON", async () => {
      const admin = await Client.as(t.app, "lomraet-admin");
      const created = await admin.post(
        "/t/lom-raet/admin/network/agreements/new",
        { kind: "mou", titleTh: "ร่างข้อตกลงลับ", status: "draft" },
        { from: "/t/lom-raet/admin/network/agreements/new" },
      );
      assert.equal(created.statusCode, 303);
      const draftUrl = created.headers.location!.replace("/admin/network", "");
      assert.equal((await admin.get(draftUrl)).statusCode, 200);
      const anon = new Client(t.app);
      assert.equal((await anon.get(draftUrl)).statusCode, 404);
      const csv = await anon.get("/t/lom-raet/agreements/export.csv");
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers["content-type"]), /^text\/csv/);
      assert.ok(csv.body.startsWith("\uFEFFid,kind,title_th"));
      assert.ok(!csv.body.includes("ร่างข้อตกลงลับ"));
      assert.match(csv.body, /กลไกการขับเคลื่อนเมืองน่าอยู่/);
      const json = JSON.parse((await anon.get("/t/la-ngu/partners/export.json")).body) as {
        partners: { name_th: string; pillar: string }[];
      };
      assert.ok(json.partners.length >= 10);
      assert.ok(json.partners.every((p) => typeof p.name_th === "string"));
      const centres = await anon.get("/t/la-ngu/centres/export.csv");
      assert.match(centres.body, /visits_done/);
      // A signed agreement cannot lose its second party.
      const parties = await rows(
        sql`select id from network_agreement_parties where agreement_id = ${id.mou} order by id`,
      );
      assert.equal(parties.length, 2);
      const url = `/t/lom-raet/admin/network/agreements/${id.mou}`;
      const removed = await admin.post(
        `${url}/parties/${parties[1]!.id}/delete`,
        { confirmed: "1" },
        { from: url },
      );
      assert.equal(removed.statusCode, 303);
      const left = await rows(
        sql`select id from network_agreement_parties where agreement_id = ${id.mou}`,
      );
      assert.equal(left.length, 2);
      const flash = await admin.get(removed.headers.location!);
      assert.match(flash.body, /ต้องมีคู่สัญญาอย่างน้อยสองฝ่าย/);
    });

    test("files are checked by their bytes, re-encoded, and served with safe headers", async () => {
      const admin = await Client.as(t.app, "lomraet-admin");
      const url = `/t/lom-raet/admin/network/agreements/${id.mou}`;
      const fields = {
        titleTh: "บันทึกข้อตกลงความร่วมมือ กลไกการขับเคลื่อนเมืองน่าอยู่ (สาธิต)",
        signedOn: "2018-06-20",
        startsOn: "2018-07-01",
        status: "active",
      };
      const fake = await postMultipart(admin, url, url, fields, {
        document: {
          name: "mou.pdf",
          type: "application/pdf",
          data: Buffer.from("<html>not a pdf"),
        },
      });
      assert.equal(fake.statusCode, 422);
      assert.match(fake.body, /ไฟล์ต้องเป็นเอกสาร PDF/);
      const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
      const good = await postMultipart(admin, url, url, fields, {
        document: { name: "mou.pdf", type: "application/pdf", data: pdf },
      });
      assert.equal(good.statusCode, 303);
      const [a] = await t.database.db.select().from(agreements).where(eq(agreements.id, id.mou!));
      assert.match(a!.documentFile!, /^agreement-[0-9a-f]{16}\.pdf$/);
      const served = await new Client(t.app).get(`/t/lom-raet/uploads/network/${a!.documentFile}`);
      assert.equal(served.statusCode, 200);
      assert.equal(served.headers["content-type"], "application/pdf");
      assert.match(String(served.headers["content-disposition"]), /^attachment/);
      assert.match(String(served.headers["content-security-policy"]), /sandbox/);
      assert.deepEqual(served.rawPayload, pdf);
      // The same name under another tambon is not found.
      assert.equal(
        (await new Client(t.app).get(`/t/ko-kha/uploads/network/${a!.documentFile}`)).statusCode,
        404,
      );

      const logoUrl = `/t/lom-raet/admin/network/partners/${(await t.database.db.select({ id: partners.id }).from(partners).where(eq(partners.tambonId, id["lom-raet"]!)).orderBy(asc(partners.id)))[1]!.id}`;
      const svgScript = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      );
      const refused = await postMultipart(
        admin,
        logoUrl,
        logoUrl,
        { nameTh: "สภาเทศบาลตำบลล้อมแรด (สาธิต)" },
        {
          logo: { name: "logo.svg", type: "image/svg+xml", data: svgScript },
        },
      );
      assert.equal(refused.statusCode, 422);
      const png = await sharp({
        create: { width: 900, height: 600, channels: 4, background: "#0b6b3a" },
      })
        .png()
        .toBuffer();
      const saved = await postMultipart(
        admin,
        logoUrl,
        logoUrl,
        { nameTh: "สภาเทศบาลตำบลล้อมแรด (สาธิต)" },
        {
          logo: { name: "logo.png", type: "image/png", data: png },
        },
      );
      assert.equal(saved.statusCode, 303);
      const [p] = await t.database.db
        .select()
        .from(partners)
        .where(eq(partners.id, Number(logoUrl.split("/").pop())));
      const logo = await new Client(t.app).get(`/t/lom-raet/uploads/network/${p!.logoFile}`);
      assert.equal(logo.headers["content-type"], "image/webp");
      const meta = await sharp(logo.rawPayload).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ["webp", 512, 341]);
    });
  });
}
