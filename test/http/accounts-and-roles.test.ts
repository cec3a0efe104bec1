import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  auditLog,
  roleGrants,
  sessions,
  tambonMembers,
  tambons,
  users,
  villages,
} from "../../src/core/db/schema.ts";

for (const kind of DB_KINDS) {
  describe(`accounts, sessions and roles on ${kind}`, () => {
    let t: TestApp;
    let langu: typeof tambons.$inferSelect;
    let village1: number;
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      [langu] = (await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"))) as [
        typeof langu,
      ];
      const [v] = await t.database.db
        .select()
        .from(villages)
        .where(and(eq(villages.tambonId, langu.id), eq(villages.moo, 1)));
      village1 = v!.id;
    });
    after(async () => {
      await t?.close();
    });

    test("health check answers with the database kind", async () => {
      const res = await t.app.inject("/healthz");
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { ok: true, db: kind });
    });

    test("a resident signs up: pending member of the village, signed in, audited", async () => {
      const c = new Client(t.app);
      const res = await c.post(
        "/t/la-ngu/signup",
        {
          name: "มาลี ใจงาม",
          phone: "081-234-5678",
          email: "",
          village: String(village1),
          password: "ละงูน่าอยู่",
          password2: "ละงูน่าอยู่",
          consent: "1",
        },
        { from: "/t/la-ngu/signup" },
      );
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, "/t/la-ngu");
      const [u] = await t.database.db.select().from(users).where(eq(users.phone, "0812345678"));
      assert.ok(u, "phone stored normalised");
      assert.notEqual(u.passwordHash, "ละงูน่าอยู่");
      const [m] = await t.database.db
        .select()
        .from(tambonMembers)
        .where(eq(tambonMembers.userId, u.id));
      assert.deepEqual([m!.tambonId, m!.villageId, m!.status], [langu.id, village1, "pending"]);
      const grants = await t.database.db
        .select()
        .from(roleGrants)
        .where(eq(roleGrants.userId, u.id));
      assert.deepEqual(
        grants.map((g) => g.role),
        ["member"],
      );
      const [log] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "user.signup"), eq(auditLog.targetId, String(u.id))));
      assert.equal(log?.tambonId, langu.id);
      const home = await c.get("/t/la-ngu");
      assert.match(home.body, /ออกจากระบบ/);
      assert.match(home.body, /สมัครสมาชิกเรียบร้อย/);
    });

    test("sign-up errors are shown in Thai next to the fields and keep what was typed", async () => {
      const c = new Client(t.app);
      const res = await c.post(
        "/t/la-ngu/signup",
        {
          name: "สมศรี <b>ทดสอบ</b>",
          phone: "0812345678",
          email: "not-an-email",
          village: "999999",
          password: "short",
          password2: "short",
        },
        { from: "/t/la-ngu/signup" },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /เบอร์นี้มีผู้ใช้แล้ว/);
      assert.match(res.body, /รูปแบบอีเมลไม่ถูกต้อง/);
      assert.match(res.body, /กรุณาเลือกหมู่บ้านที่อยู่อาศัย/);
      assert.match(res.body, /รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร/);
      assert.match(res.body, /กรุณายินยอม/);
      assert.match(res.body, /value="สมศรี &lt;b>ทดสอบ&lt;\/b>"/, "typed name kept and escaped");
      assert.match(res.body, /value="not-an-email"/);
      assert.ok(!res.body.includes('value="short"'), "passwords are never echoed");
      assert.match(res.body, /aria-invalid="true"/);
      const [u] = await t.database.db.select().from(users).where(eq(users.email, "not-an-email"));
      assert.equal(u, undefined);
    });

    test("a village that is no id of the integer column is a field error, not a 500", async () => {
      for (const village of ["9999999999", "2147483648", "1e3", "-1"]) {
        const res = await new Client(t.app).post(
          "/t/la-ngu/signup",
          {
            name: "สมหมาย ทดสอบหมู่บ้าน",
            phone: "0891112233",
            village,
            password: "ยาวพอสำหรับรหัสผ่าน",
            password2: "ยาวพอสำหรับรหัสผ่าน",
            consent: "1",
          },
          { from: "/t/la-ngu/signup" },
        );
        assert.equal(res.statusCode, 422, village);
        assert.match(res.body, /กรุณาเลือกหมู่บ้านที่อยู่อาศัย/, village);
      }
      const admin = await Client.as(t.app, "langu-admin");
      const made = await admin.post(
        "/t/la-ngu/admin/people",
        { name: "ยายใจ หมู่บ้านผิด", village: "999999999999" },
        { from: "/t/la-ngu/admin/people" },
      );
      assert.equal(made.statusCode, 422);
      const [u] = await t.database.db.select().from(users).where(eq(users.phone, "0891112233"));
      assert.equal(u, undefined);
    });

    test("forms without a valid CSRF token are refused and change nothing", async () => {
      const c = new Client(t.app);
      await c.get("/t/la-ngu/signup");
      const form = {
        name: "ผู้โจมตี",
        phone: "0899999999",
        village: String(village1),
        password: "password-1",
        password2: "password-1",
        consent: "1",
      };
      const none = await c.post("/t/la-ngu/signup", form, { csrf: null });
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /แบบฟอร์มหมดอายุ/);
      const forged = await c.post("/t/la-ngu/signup", form, { csrf: "forged-token" });
      assert.equal(forged.statusCode, 400);
      const other = new Client(t.app);
      const stolen = await other.csrf("/login");
      assert.equal(
        (await c.post("/t/la-ngu/signup", form, { csrf: stolen })).statusCode,
        400,
        "another visitor's token does not fit",
      );
      assert.equal(
        (await t.database.db.select().from(users).where(eq(users.phone, "0899999999"))).length,
        0,
      );
    });

    test("log in with username or phone, log out ends the session", async () => {
      const c = new Client(t.app);
      const bad = await c.post(
        "/login",
        { identifier: "langu-admin", password: "wrong-password" },
        { from: "/login" },
      );
      assert.equal(bad.statusCode, 401);
      assert.match(bad.body, /ข้อมูลเข้าสู่ระบบไม่ถูกต้อง/);
      assert.match(bad.body, /value="langu-admin"/);
      const ok = await c.login("langu-admin");
      assert.equal(ok.headers.location, "/");
      const cookie = ok.cookies.find((x) => x.name === "tsid");
      assert.ok(cookie?.httpOnly && cookie.sameSite === "Lax");
      const count = async () => (await t.database.db.select().from(sessions)).length;
      const n = await count();
      const out = await c.post("/logout", {}, { from: "/account" });
      assert.equal(out.statusCode, 303);
      assert.equal(await count(), n - 1);
      const after = await c.get("/account");
      assert.equal(after.statusCode, 303);
      assert.match(String(after.headers.location), /^\/login\?next=%2Faccount/);
      // The new password signs in by phone number too (Client.as throws unless it does).
      await Client.as(t.app, "0812345678", "ละงูน่าอยู่");
    });

    test("login is rate limited per address and account", async () => {
      const c = new Client(t.app);
      const token = await c.csrf("/login");
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await t.app.inject({
          method: "POST",
          url: "/login",
          remoteAddress: "10.9.9.9",
          headers: {
            cookie: `tcsrf=${c.cookies.get("tcsrf")}`,
            "content-type": "application/x-www-form-urlencoded",
          },
          payload: new URLSearchParams({
            _csrf: token,
            identifier: "langu-admin",
            password: "nope-nope",
          }).toString(),
        });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) assert.match(res.body, /มีการพยายามหลายครั้งเกินไป/);
      }
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
      assert.equal(statuses[10], 429);
      const other = await t.app.inject({
        method: "POST",
        url: "/login",
        remoteAddress: "10.9.9.9",
        headers: {
          cookie: `tcsrf=${c.cookies.get("tcsrf")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: new URLSearchParams({
          _csrf: token,
          identifier: "langu-member",
          password: "tambon-demo",
        }).toString(),
      });
      assert.equal(other.statusCode, 303, "another account from the same address still logs in");
    });

    test("trying many accounts from one address is limited too, and X-Forwarded-For is not believed", async () => {
      const c = new Client(t.app);
      const token = await c.csrf("/login");
      const statuses: number[] = [];
      for (let i = 0; i < 101; i++) {
        const res = await t.app.inject({
          method: "POST",
          url: "/login",
          remoteAddress: "10.7.7.7",
          headers: {
            cookie: `tcsrf=${c.cookies.get("tcsrf")}`,
            "content-type": "application/x-www-form-urlencoded",
            "x-forwarded-for": `192.0.2.${i % 250}`,
          },
          payload: new URLSearchParams({
            _csrf: token,
            identifier: `nobody-${i}`,
            password: "nope-nope",
          }).toString(),
        });
        statuses.push(res.statusCode);
      }
      assert.deepEqual(statuses.slice(0, 100), Array(100).fill(401));
      assert.equal(statuses[100], 429, "the 101st try from one address within 10 minutes");
    });

    test("a member is refused administration with a Thai page and no stack trace", async () => {
      const c = await Client.as(t.app, "langu-member");
      for (const url of [
        "/t/la-ngu/admin/settings",
        "/t/la-ngu/admin/people",
        "/t/la-ngu/admin/audit",
        "/admin",
      ]) {
        const res = await c.get(url);
        assert.equal(res.statusCode, 403, url);
        assert.match(res.body, /ท่านไม่มีสิทธิ์ทำรายการนี้/);
        assert.ok(!/at .*\.ts:\d+/.test(res.body), "no stack trace");
      }
      await c.get("/lang?to=en&back=/");
      const en = await c.get("/t/la-ngu/admin/settings");
      assert.match(en.body, /You are not allowed to do this/);
    });

    test("an admin creates an account for someone without phone or e-mail; the link sets a password once", async () => {
      const admin = await Client.as(t.app, "langu-admin");
      const res = await admin.post(
        "/t/la-ngu/admin/people",
        { name: "ยายแก้ว ไม่มีโทรศัพท์", village: String(village1) },
        { from: "/t/la-ngu/admin/people" },
      );
      assert.equal(res.statusCode, 201);
      const username = /ชื่อผู้ใช้: (u\d+-\d+)/.exec(res.body)?.[1];
      const link = /(\/reset\/[A-Za-z0-9_-]+)/.exec(res.body)?.[1];
      assert.ok(username && link, "username and link shown");
      const person = new Client(t.app);
      assert.equal((await person.get(link)).statusCode, 200);
      const mismatch = await person.post(link, { password: "แก้วตาดวงใจ", password2: "other-one" });
      assert.equal(mismatch.statusCode, 422);
      assert.match(mismatch.body, /รหัสผ่านทั้งสองช่องไม่ตรงกัน/);
      const set = await person.post(link, { password: "แก้วตาดวงใจ", password2: "แก้วตาดวงใจ" });
      assert.equal(set.statusCode, 303);
      await person.login(username, "แก้วตาดวงใจ");
      assert.equal((await new Client(t.app).get(link)).statusCode, 404, "a link works once");
    });

    test("a reset link is never a way into a more powerful account", async () => {
      const idOf = async (username: string) =>
        (await t.database.db.select().from(users).where(eq(users.username, username)))[0]!.id;
      const facilitator = await Client.as(t.app, "langu-facilitator");
      const resetAs = (c: Client, id: number) =>
        c.post(`/t/la-ngu/admin/people/${id}/reset`, {}, { from: `/t/la-ngu/admin/people/${id}` });
      for (const username of ["langu-admin", "langu-editor", "langu-wg"]) {
        const res = await resetAs(facilitator, await idOf(username));
        assert.equal(res.statusCode, 403, username);
        assert.match(res.body, /ผู้ดูแลตำบลเท่านั้นที่สร้างลิงก์ตั้งรหัสผ่านให้ได้/);
        assert.ok(!/\/reset\/[A-Za-z0-9_-]{20,}/.test(res.body), "no link shown");
      }
      const member = await resetAs(facilitator, await idOf("langu-member"));
      assert.equal(member.statusCode, 201, "a facilitator helps a plain member");
      assert.match(member.body, /\/reset\/[A-Za-z0-9_-]{20,}/);

      // someone who also takes part in another tambon: not even this tambon's admin
      const admin = await Client.as(t.app, "langu-admin");
      const created = await admin.post(
        "/t/la-ngu/admin/people",
        { name: "นายสองตำบล ทดสอบ", village: String(village1) },
        { from: "/t/la-ngu/admin/people" },
      );
      const username = /ชื่อผู้ใช้: (u\d+-\d+)/.exec(created.body)![1]!;
      const twoPlaces = await idOf(username);
      const [other] = await t.database.db
        .select()
        .from(tambons)
        .where(eq(tambons.slug, "lom-raet"));
      await t.database.db
        .insert(tambonMembers)
        .values({ tambonId: other!.id, userId: twoPlaces, status: "active" });
      const refused = await resetAs(admin, twoPlaces);
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /มีบัญชีในตำบลอื่นด้วย/);
      const before = await t.database.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, "user.reset_link"), eq(auditLog.targetId, String(twoPlaces))),
        );
      assert.equal(before.length, 0, "nothing recorded for a refused link");
    });

    test("a new password ends every other reset link of that person", async () => {
      const admin = await Client.as(t.app, "langu-admin");
      const created = await admin.post(
        "/t/la-ngu/admin/people",
        { name: "นางสาวลิงก์ สองอัน", village: String(village1) },
        { from: "/t/la-ngu/admin/people" },
      );
      const first = /(\/reset\/[A-Za-z0-9_-]+)/.exec(created.body)![1]!;
      const username = /ชื่อผู้ใช้: (u\d+-\d+)/.exec(created.body)![1]!;
      const [u] = await t.database.db.select().from(users).where(eq(users.username, username));
      const again = await admin.post(
        `/t/la-ngu/admin/people/${u!.id}/reset`,
        {},
        { from: `/t/la-ngu/admin/people/${u!.id}` },
      );
      const second = /(\/reset\/[A-Za-z0-9_-]+)/.exec(again.body)![1]!;
      assert.notEqual(first, second);
      const person = new Client(t.app);
      assert.equal((await person.get(second)).statusCode, 200);
      const set = await person.post(second, { password: "ลิงก์ที่สองใช้ได้", password2: "ลิงก์ที่สองใช้ได้" });
      assert.equal(set.statusCode, 303);
      assert.equal((await new Client(t.app).get(first)).statusCode, 404, "the older link is dead");
    });

    test("roles: an admin grants and revokes; before and after are audited; facilitators cannot", async () => {
      const admin = await Client.as(t.app, "langu-admin");
      const [member] = await t.database.db
        .select()
        .from(users)
        .where(eq(users.username, "langu-member"));
      const page = `/t/la-ngu/admin/people/${member!.id}`;
      const res = await admin.post(
        `${page}/roles`,
        { role_member: "member", role_facilitator: "facilitator" },
        { from: page },
      );
      assert.equal(res.statusCode, 303);
      const grants = await t.database.db
        .select()
        .from(roleGrants)
        .where(eq(roleGrants.userId, member!.id));
      assert.deepEqual(grants.map((g) => g.role).sort(), ["facilitator", "member"]);
      const [log] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "user.roles"), eq(auditLog.targetId, String(member!.id))));
      assert.deepEqual(log?.before, { roles: ["member"] });
      assert.deepEqual(log?.after, { roles: ["facilitator", "member"] });
      const bogus = await admin.post(`${page}/roles`, { role_x: "superuser" }, { from: page });
      assert.equal(bogus.statusCode, 404);
      const fac = await Client.as(t.app, "langu-facilitator");
      const denied = await fac.post(
        `${page}/roles`,
        { role_admin: "admin" },
        { from: "/t/la-ngu/admin/people" },
      );
      assert.equal(denied.statusCode, 403);
      await admin.post(`${page}/roles`, { role_member: "member" }, { from: page });
    });

    test("a facilitator confirms a pending member", async () => {
      const [u] = await t.database.db.select().from(users).where(eq(users.phone, "0812345678"));
      const fac = await Client.as(t.app, "langu-facilitator");
      const page = `/t/la-ngu/admin/people/${u!.id}`;
      assert.equal(
        (await fac.post(`${page}/status`, { status: "active" }, { from: page })).statusCode,
        303,
      );
      const [m] = await t.database.db
        .select()
        .from(tambonMembers)
        .where(eq(tambonMembers.userId, u!.id));
      assert.equal(m!.status, "active");
      assert.ok(m!.verifiedAt);
      assert.equal(
        (await fac.post(`${page}/status`, { confirmed: "1", status: "removed" }, { from: page }))
          .statusCode,
        403,
        "only admins remove",
      );
    });

    test("the audit log is browsable and filterable by admins", async () => {
      const admin = await Client.as(t.app, "langu-admin");
      const all = await admin.get("/t/la-ngu/admin/audit");
      assert.equal(all.statusCode, 200);
      // Rows say what was done in words; the filter's options carry the action keys.
      assert.match(all.body, /<td>สมัครสมาชิก/, "a row, not only the filter's option");
      assert.match(all.body, /<td>ยืนยันสมาชิก/, "a member confirmed earlier in this file");
      assert.doesNotMatch(all.body, /<td>[a-z_]+\.[a-z_.]+/, "no action shown as its key");
      const roles = await admin.get("/t/la-ngu/admin/audit?action=user.roles");
      assert.match(roles.body, /<td>เปลี่ยนบทบาทของผู้ใช้/);
      assert.ok(!/<td>สมัครสมาชิก/.test(roles.body), "filter applied");
      const future = await admin.get("/t/la-ngu/admin/audit?from=2999-01-01");
      assert.match(future.body, /ไม่มีรายการ/);
    });

    test("the network's own audit log (logins, passwords) is for network administrators", async () => {
      const tambonAdmin = await Client.as(t.app, "langu-admin");
      assert.equal((await tambonAdmin.get("/admin/audit")).statusCode, 403);
      const admin = await Client.as(t.app, "admin");
      const page = await admin.get("/admin/audit?action=session.login");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<td>เข้าสู่ระบบ<\/td>/);
      assert.ok(!/<td>สมัครสมาชิก/.test(page.body), "tambon rows stay in the tambon's log");
      const home = await admin.get("/admin");
      assert.match(home.body, /href="\/admin\/audit"/);
    });

    test("changing one's password needs the current one and keeps one signed in", async () => {
      const c = await Client.as(t.app, "langu-osm");
      const wrong = await c.post(
        "/account/password",
        { current: "nope-nope", password: "new-password-1", password2: "new-password-1" },
        { from: "/account" },
      );
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /รหัสผ่านปัจจุบันไม่ถูกต้อง/);
      const ok = await c.post(
        "/account/password",
        { current: "tambon-demo", password: "new-password-1", password2: "new-password-1" },
        { from: "/account" },
      );
      assert.equal(ok.statusCode, 303);
      assert.equal((await c.get("/account")).statusCode, 200);
      await new Client(t.app).login("langu-osm", "new-password-1");
    });

    test("the language switch shows English and keeps the page; Thai is the default", async () => {
      const c = new Client(t.app);
      const th = await c.get("/t/la-ngu/villages");
      assert.match(th.body, /<html lang="th">/);
      assert.match(th.body, /หมู่ที่/);
      const sw = await c.get("/lang?to=en&back=%2Ft%2Fla-ngu%2Fvillages");
      assert.equal(sw.headers.location, "/t/la-ngu/villages");
      const en = await c.get("/t/la-ngu/villages");
      assert.match(en.body, /<html lang="en">/);
      assert.match(en.body, /Villages/);
      assert.equal(
        (await c.get("/lang?to=en&back=https://evil.example/")).headers.location,
        "/",
        "no open redirect",
      );
    });

    test("a tambon on its own host name: settings saved, pages served there, bad input refused", async () => {
      const admin = await Client.as(t.app, "lomraet-admin");
      const form = {
        nameTh: "ล้อมแรด",
        nameEn: "Lom Raet",
        kind: "municipality",
        siteOpened: "2009-03-06",
        host: "www.lomraet.go.th",
        minRepsPerVillage: "3",
      };
      const bad = await admin.post(
        "/t/lom-raet/admin/settings",
        { ...form, host: "not a host", minRepsPerVillage: "ห้า" },
        { from: "/t/lom-raet/admin/settings" },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /ชื่อโดเมนไม่ถูกต้อง/);
      assert.match(bad.body, /กรุณากรอกตัวเลขจำนวนเต็ม/);
      assert.match(bad.body, /value="not a host"/, "what was typed is kept");
      const notTheirs = await admin.post("/t/lom-raet/admin/settings", form, {
        from: "/t/lom-raet/admin/settings",
      });
      assert.equal(notTheirs.statusCode, 422, "a tambon's admin cannot claim a host name");
      assert.match(notTheirs.body, /เฉพาะผู้ดูแลเครือข่ายเท่านั้นที่กำหนดหรือเปลี่ยนโดเมน/);
      const networkAdmin = await Client.as(t.app, "admin");
      const ok = await networkAdmin.post("/t/lom-raet/admin/settings", form, {
        from: "/t/lom-raet/admin/settings",
      });
      assert.equal(ok.statusCode, 303);
      const kept = await admin.post(
        "/t/lom-raet/admin/settings",
        { ...form, ownerTh: "เทศบาลตำบลล้อมแรด จังหวัดลำปาง" },
        { from: "/t/lom-raet/admin/settings" },
      );
      assert.equal(kept.statusCode, 303, "the tambon's admin still saves the rest, host unchanged");
      const home = await t.app.inject({ url: "/", headers: { host: "www.lomraet.go.th" } });
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /เทศบาลตำบลล้อมแรด/);
      const villagesThere = await t.app.inject({
        url: "/villages",
        headers: { host: "www.lomraet.go.th:3000" },
      });
      assert.match(villagesThere.body, /หมู่ที่/);
      const network = await t.app.inject({ url: "/", headers: { host: "localhost" } });
      assert.match(network.body, /ตำบลในเครือข่าย/, "other hosts get the network");
      const taken = await networkAdmin.post(
        "/t/la-ngu/admin/settings",
        { ...form, nameTh: "ละงู", nameEn: "La-ngu", kind: "sao" },
        { from: "/t/la-ngu/admin/settings" },
      );
      assert.equal(taken.statusCode, 422);
      assert.match(taken.body, /ตำบลอื่นใช้โดเมนนี้แล้ว/);
    });

    test("the footer shows the copyright owner and years in the Buddhist era", async () => {
      const res = await new Client(t.app).get("/t/lom-raet");
      assert.match(res.body, /สงวนลิขสิทธิ์ © 2552–25\d\d เทศบาลตำบลล้อมแรด/);
    });
  });
}
