import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { roleGrants, tambonMembers, tambons, users, villages } from "../../src/core/db/schema.ts";
import { todayIso } from "../../src/core/dates.ts";
import { listAreas } from "../../src/modules/areas/public.ts";
import { groupMemberships, villageRepTerms, workGroups } from "../../src/modules/groups/schema.ts";
import { groupMembersOn } from "../../src/modules/groups/public.ts";

for (const kind of DB_KINDS) {
  describe(`groups and representatives on ${kind}`, { concurrency: 1 }, () => {
    let t: TestApp;
    let tambonId: number;
    let wg: Client;
    let fac: Client;
    let teamId: number;
    const base = "/t/la-ngu";
    const names = { a: "", b: "", c: "" };

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
      wg = await Client.as(t.app, "langu-wg");
      fac = await Client.as(t.app, "langu-facilitator");
      // Names held by exactly one member of the tambon (the demo repeats some names).
      const unique = await t.database.db
        .select({ name: users.name })
        .from(users)
        .innerJoin(tambonMembers, eq(tambonMembers.userId, users.id))
        .where(eq(tambonMembers.tambonId, tambonId))
        .groupBy(users.name)
        .having(sql`count(*) = 1`)
        .orderBy(asc(users.name));
      assert.ok(unique.length >= 2);
      [names.a, names.b] = [unique[0]!.name, unique[1]!.name];
      names.c = "นายไม่มีบัญชี ร่วมทีม";
    });
    after(async () => {
      await t?.close();
    });

    test("an issue team's members change with the task, and its page shows it as it was on any day", async () => {
      const [area] = await listAreas(t.database.db, tambonId);
      const created = await wg.post(
        `${base}/admin/groups`,
        {
          kind: "issue_team",
          nameTh: "ทีมประเด็นทดสอบ",
          areaId: String(area!.id),
          formedOn: "2025-01-01",
        },
        { from: `${base}/admin/groups` },
      );
      assert.equal(created.statusCode, 303, created.body.slice(0, 300));
      teamId = Number(/groups\/(\d+)/.exec(String(created.headers.location))?.[1]);
      const add = (form: Record<string, string>) =>
        wg.post(`${base}/admin/groups/${teamId}/members`, form, {
          from: `${base}/admin/groups/${teamId}`,
        });
      assert.equal(
        (await add({ name: names.a, position: "chair", startOn: "2025-01-10" })).statusCode,
        303,
      );
      assert.equal(
        (
          await add({
            name: names.b,
            task: "สำรวจข้อมูลครัวเรือน",
            startOn: "2025-02-01",
            endOn: "2025-02-28",
            joinReason: "มาร่วมภารกิจ",
          })
        ).statusCode,
        303,
      );
      assert.equal((await add({ name: names.c, startOn: "2025-03-01" })).statusCode, 303);
      const overlap = await add({ name: names.b, startOn: "2025-02-15" });
      assert.equal(overlap.statusCode, 422);
      assert.match(overlap.body, /ซ้อนกัน/);
      assert.equal(
        (await add({ name: names.b, task: "จัดเวทีคืนข้อมูล", startOn: "2025-09-01" })).statusCode,
        303,
        "comes back for another task",
      );

      const [a] = await t.database.db
        .select()
        .from(groupMemberships)
        .where(and(eq(groupMemberships.groupId, teamId), eq(groupMemberships.name, names.a)));
      assert.ok(a!.userId, "a member's name is linked to their account");
      const [c] = await t.database.db
        .select()
        .from(groupMemberships)
        .where(and(eq(groupMemberships.groupId, teamId), eq(groupMemberships.name, names.c)));
      assert.equal(c!.userId, null, "someone without an account is kept by name");
      const ended = await wg.post(
        `${base}/admin/memberships/${a!.id}/end`,
        { endOn: "2025-06-30", leaveReason: "ย้ายไปต่างจังหวัด" },
        { from: `${base}/admin/groups/${teamId}` },
      );
      assert.equal(ended.statusCode, 303);
      const backwards = await wg.post(
        `${base}/admin/memberships/${c!.id}/end`,
        { endOn: "2025-02-01" },
        { from: `${base}/admin/groups/${teamId}` },
      );
      assert.equal(backwards.statusCode, 303);
      const [cStill] = await t.database.db
        .select()
        .from(groupMemberships)
        .where(eq(groupMemberships.id, c!.id));
      assert.equal(cStill!.endOn, null, "an end before the start is refused");

      const on = async (day: string) =>
        (await groupMembersOn(t.database.db, tambonId, teamId, day)).map((m) => m.name);
      assert.deepEqual(await on("2025-01-09"), []);
      assert.deepEqual(await on("2025-02-15"), [names.a, names.b]);
      assert.deepEqual((await on("2025-03-01")).sort(), [names.a, names.c].sort());
      assert.deepEqual(await on("2025-06-30"), [names.a, names.c]);
      assert.deepEqual(await on("2025-07-01"), [names.c]);
      assert.deepEqual((await on("2025-09-01")).sort(), [names.b, names.c].sort());

      const page = await new Client(t.app).get(`${base}/groups/${teamId}?on=2025-02-15`);
      assert.equal(page.statusCode, 200);
      const section = (html: string, id: string) => {
        const from = html.indexOf(`id="${id}"`);
        assert.ok(from > 0, `section ${id}`);
        return html.slice(from, html.indexOf("</section>", from));
      };
      const current = section(page.body, "h-current");
      assert.ok(section(page.body, "h-future").includes(names.c), "C joins later");
      assert.ok(
        current.includes(names.a) && current.includes(names.b) && !current.includes(names.c),
        "as it was on 15 Feb 2025",
      );
      const today = await new Client(t.app).get(`${base}/groups/${teamId}`);
      const past = section(today.body, "h-past");
      assert.ok(past.includes(names.a) && past.includes("ย้ายไปต่างจังหวัด"), "who left, and why");
      assert.match(today.body, /id="h-history"/);
      const csv = await new Client(t.app).get(`${base}/groups/${teamId}/members.csv`);
      assert.equal(csv.body.trim().split("\r\n").length, 1 + 4);
      const areaPage = await new Client(t.app).get(`${base}/areas/${area!.id}`);
      assert.ok(areaPage.body.includes("ทีมประเด็นทดสอบ"), "the area page lists the team");
    });

    test("only administrators and the working group manage groups; there is one central working group", async () => {
      const denied = await fac.post(
        `${base}/admin/groups/${teamId}/members`,
        { name: "ผู้บุกรุก", startOn: "2025-01-01" },
        { from: "/account" },
      );
      assert.equal(denied.statusCode, 403);
      const second = await wg.post(
        `${base}/admin/groups`,
        { kind: "central", nameTh: "คณะทำงานกลางชุดที่สอง", formedOn: todayIso() },
        { from: `${base}/admin/groups` },
      );
      assert.equal(second.statusCode, 422);
      const centrals = await t.database.db
        .select()
        .from(workGroups)
        .where(
          and(
            eq(workGroups.tambonId, tambonId),
            eq(workGroups.kind, "central"),
            isNull(workGroups.dissolvedOn),
          ),
        );
      assert.equal(centrals.length, 1);
    });

    test("recording a term gives the representative role; ending the last term takes it back", async () => {
      const [v2] = await t.database.db
        .select()
        .from(villages)
        .where(and(eq(villages.tambonId, tambonId), eq(villages.moo, 2)));
      const [someone] = await t.database.db
        .select({ id: users.id, name: users.name })
        .from(users)
        .innerJoin(tambonMembers, eq(tambonMembers.userId, users.id))
        .where(
          and(
            eq(tambonMembers.tambonId, tambonId),
            eq(tambonMembers.villageId, v2!.id),
            sql`not exists (select 1 from ${roleGrants} where ${roleGrants.userId} = ${users.id} and ${roleGrants.role} = 'village_rep')`,
          ),
        )
        .limit(1);
      const hasRole = async () =>
        (
          await t.database.db
            .select()
            .from(roleGrants)
            .where(
              and(
                eq(roleGrants.tambonId, tambonId),
                eq(roleGrants.userId, someone!.id),
                eq(roleGrants.role, "village_rep"),
              ),
            )
        ).length === 1;
      const coverage2 = async () => {
        const page = await new Client(t.app).get(`${base}/representatives`);
        const row = page.body.split("<tr").find((r) => r.includes(`?village=${v2!.id}"`))!;
        return Number(/<td class="num">(\d+)\/\d+<\/td>/.exec(row)?.[1]);
      };
      const before = await coverage2();
      assert.equal(await hasRole(), false);

      const wrongVillage = await fac.post(
        `${base}/admin/representatives`,
        { villageId: String(v2!.id), name: "ไม่มีคนนี้ในหมู่บ้าน", startOn: "2024-01-01" },
        { from: `${base}/admin/representatives` },
      );
      assert.equal(wrongVillage.statusCode, 422);
      const ok = await fac.post(
        `${base}/admin/representatives`,
        {
          villageId: String(v2!.id),
          name: someone!.name,
          startOn: "2024-01-01",
          chosenBy: "ที่ประชุมหมู่บ้าน",
        },
        { from: `${base}/admin/representatives` },
      );
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
      assert.equal(await hasRole(), true);
      assert.equal(await coverage2(), before + 1);
      const overlap = await fac.post(
        `${base}/admin/representatives`,
        { villageId: String(v2!.id), name: someone!.name, startOn: "2024-06-01" },
        { from: `${base}/admin/representatives` },
      );
      assert.equal(overlap.statusCode, 422);

      const [term] = await t.database.db
        .select()
        .from(villageRepTerms)
        .where(
          and(eq(villageRepTerms.tambonId, tambonId), eq(villageRepTerms.userId, someone!.id)),
        );
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const end = await fac.post(
        `${base}/admin/terms/${term!.id}/end`,
        { endOn: yesterday, endReason: "ลาออก" },
        { from: `${base}/admin/representatives?village=${v2!.id}` },
      );
      assert.equal(end.statusCode, 303);
      assert.equal(await hasRole(), false);
      assert.equal(await coverage2(), before);
      const history = await new Client(t.app).get(`${base}/representatives?village=${v2!.id}`);
      assert.ok(
        history.body.includes(someone!.name),
        "the ended term stays in the village's history",
      );
    });

    test("the coverage view flags villages short of representatives and people with the role but no term", async () => {
      const page = await new Client(t.app).get("/t/lom-raet/representatives");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /หมู่บ้านที่ตัวแทนยังไม่ครบ: 1/);
      assert.match(page.body, /ขาด 1 คน/);
      const csv = await new Client(t.app).get("/t/lom-raet/representatives/export.csv");
      assert.match(String(csv.headers["content-type"]), /^text\/csv/);
      assert.ok(csv.body.startsWith("\uFEFFmoo,village,in_office"));

      const admin = await Client.as(t.app, "lomraet-admin");
      const list = await admin.get("/t/lom-raet/admin/representatives");
      const m =
        /name="userId" value="(\d+)"\/><input type="hidden" name="villageId" value="(\d+)"/.exec(
          list.body,
        );
      assert.ok(m, "the representative without a term is listed with a button");
      const give = await admin.post("/t/lom-raet/admin/representatives", {
        userId: m![1]!,
        villageId: m![2]!,
      });
      assert.equal(give.statusCode, 303);
      const after = await new Client(t.app).get("/t/lom-raet/representatives");
      assert.doesNotMatch(after.body, /หมู่บ้านที่ตัวแทนยังไม่ครบ/);
    });
  });
}
