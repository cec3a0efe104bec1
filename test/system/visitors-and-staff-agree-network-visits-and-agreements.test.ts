import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons } from "../../src/core/db/schema.ts";
import {
  agreementParties,
  agreements,
  learningCentres,
  studyVisits,
} from "../../src/modules/network/schema.ts";
import { networkCounts } from "../../src/modules/network/overview/queries.ts";

for (const kind of DB_KINDS) {
  describe(
    `visitors and staff agree network visits and agreements on ${kind}`,
    { concurrency: 1 },
    () => {
      let t: TestApp;
      let languId: number;
      let lomraetCode: string;
      let centreId: number;
      let admin: Client;

      const visitNamed = async (groupName: string) => {
        const [v] = await t.database.db
          .select()
          .from(studyVisits)
          .where(eq(studyVisits.groupName, groupName));
        return v!;
      };
      async function publicRequest(visitor: Client, groupName: string, requestedOn: string) {
        const url = `/t/la-ngu/centres/${centreId}/visit`;
        return visitor.post(
          url,
          {
            groupName,
            requestedOn,
            groupSize: "20",
            topics: "ธรรมนูญสุขภาพ",
            contactName: "ครูสมศรี",
            contactPhone: "0812345678",
          },
          { from: url },
        );
      }
      const answer = (id: number, fields: Record<string, string>) =>
        admin.post(`/t/la-ngu/admin/network/visits/${id}/answer`, fields, {
          from: `/t/la-ngu/admin/network/visits/${id}`,
        });

      before(async () => {
        t = await startTestApp(kind, { demo: true });
        const all = await t.database.db.select().from(tambons);
        languId = all.find((x) => x.slug === "la-ngu")!.id;
        lomraetCode = all.find((x) => x.slug === "lom-raet")!.dopaCode;
        const [centre] = await t.database.db
          .select()
          .from(learningCentres)
          .where(
            and(
              eq(learningCentres.tambonId, languId),
              eq(learningCentres.active, true),
              eq(learningCentres.acceptsVisits, true),
            ),
          )
          .limit(1);
        centreId = centre!.id;
        admin = await Client.as(t.app, "langu-admin");
      });
      after(async () => {
        await t?.close();
      });

      test("when the host accepts after proposing another date, the visit is on the date proposed", async () => {
        const sent = await publicRequest(new Client(t.app), "คณะทดสอบรับวันเสนอ", "2099-03-03");
        assert.equal(sent.statusCode, 200);
        const v = await visitNamed("คณะทดสอบรับวันเสนอ");
        assert.equal(
          (await answer(v.id, { answer: "propose", proposedOn: "2099-03-10" })).statusCode,
          303,
        );
        assert.equal((await answer(v.id, { answer: "accept" })).statusCode, 303);
        const after = await visitNamed("คณะทดสอบรับวันเสนอ");
        assert.deepEqual(
          [after.status, after.requestedOn, after.proposedOn],
          ["accepted", "2099-03-10", null],
        );
      });

      test("a group without an account follows its request by a private link and accepts the date proposed", async () => {
        const visitor = new Client(t.app);
        const sent = await publicRequest(visitor, "คณะทดสอบลิงก์ส่วนตัว", "2099-04-04");
        assert.equal(sent.statusCode, 200);
        const link = /href="(\/t\/la-ngu\/visit-requests\/\d+\/[A-Za-z0-9_-]{32})"/.exec(
          sent.body,
        )?.[1];
        assert.ok(link, "the private link is shown after the request");
        const v = await visitNamed("คณะทดสอบลิงก์ส่วนตัว");
        assert.ok(link.includes(`/visit-requests/${v.id}/`));

        const page = await visitor.get(link);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /รอการตอบรับ/);
        assert.match(page.body, /noindex/);
        const wrong = link.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
        assert.equal((await new Client(t.app).get(wrong)).statusCode, 404, "a guessed token fails");
        const refused = await new Client(t.app).post(
          `${wrong}/reply`,
          { answer: "withdraw" },
          { from: link },
        );
        assert.equal(refused.statusCode, 404);
        assert.equal((await visitNamed("คณะทดสอบลิงก์ส่วนตัว")).status, "requested");

        assert.equal(
          (await answer(v.id, { answer: "propose", proposedOn: "2099-04-11" })).statusCode,
          303,
        );
        const proposed = await visitor.get(link);
        assert.match(proposed.body, /ตกลงวันที่เจ้าภาพเสนอ/);
        const accepted = await visitor.post(
          `${link}/reply`,
          { answer: "accept_proposal" },
          { from: link },
        );
        assert.equal(accepted.statusCode, 303);
        assert.equal(accepted.headers.location, link);
        const after = await visitNamed("คณะทดสอบลิงก์ส่วนตัว");
        assert.deepEqual(
          [after.status, after.requestedOn, after.proposedOn],
          ["accepted", "2099-04-11", null],
        );
        const again = await visitor.post(
          `${link}/reply`,
          { answer: "accept_proposal" },
          { from: link },
        );
        assert.equal(again.statusCode, 422, "a date can only be accepted while it is proposed");
      });

      test("an agreement past its last day is listed as expired, not as active", async () => {
        await t.database.db.insert(agreements).values({
          tambonId: languId,
          kind: "mou",
          titleTh: "ข้อตกลงที่หมดอายุแล้ว ทดสอบ",
          signedOn: "2019-01-01",
          startsOn: "2019-01-01",
          endsOn: "2020-12-31",
          status: "active",
        });
        const anon = new Client(t.app);
        const expired = await anon.get("/t/la-ngu/agreements?status=expired");
        assert.equal(expired.statusCode, 200);
        assert.ok(expired.body.includes("ข้อตกลงที่หมดอายุแล้ว ทดสอบ"));
        const active = await anon.get("/t/la-ngu/agreements?status=active");
        assert.ok(!active.body.includes("ข้อตกลงที่หมดอายุแล้ว ทดสอบ"));
      });

      test("an MOU counts for every tambon that is a party to it, not only the one that recorded it", async () => {
        const before = await networkCounts(t.database.db);
        const [mou] = await t.database.db
          .insert(agreements)
          .values({
            tambonId: languId,
            kind: "mou",
            titleTh: "ข้อตกลงสองตำบล ทดสอบ",
            signedOn: "2024-05-05",
            status: "signed",
          })
          .returning();
        await t.database.db.insert(agreementParties).values([
          {
            tambonId: languId,
            agreementId: mou!.id,
            partyKind: "tambon",
            partyDopaCode: lomraetCode,
            nameTh: "ตำบลละหมาด",
          },
          { tambonId: languId, agreementId: mou!.id, partyKind: "other", nameTh: "โรงเรียน" },
        ]);
        const counts = await networkCounts(t.database.db);
        assert.equal(
          counts.agreements.get(lomraetCode) ?? 0,
          (before.agreements.get(lomraetCode) ?? 0) + 1,
        );
        const [languTambon] = await t.database.db
          .select()
          .from(tambons)
          .where(eq(tambons.id, languId));
        assert.equal(
          counts.agreements.get(languTambon!.dopaCode) ?? 0,
          (before.agreements.get(languTambon!.dopaCode) ?? 0) + 1,
        );
      });

      test("step 2 of the three steps shows the partners who joined and the MOUs signed", async () => {
        const page = await new Client(t.app).get("/t/la-ngu/process");
        assert.equal(page.statusCode, 200);
        const step2 = page.body.slice(
          page.body.indexOf("<h2>ขั้นที่ 2"),
          page.body.indexOf("<h2>ขั้นที่ 3"),
        );
        assert.match(step2, /\/t\/la-ngu\/partners\/\d+/);
        assert.match(step2, /เข้าร่วมเมื่อ/);
        assert.match(step2, /ข้อตกลงสองตำบล ทดสอบ/);
        assert.match(step2, /ลงนามเมื่อ/);
      });
    },
  );
}
