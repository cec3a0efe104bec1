import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { pageForms } from "../helpers/forms.ts";

/*
 * A double tap sends a form twice before the first answer comes. Both requests pass the checks
 * that look for the row first; on PostgreSQL the second insert then meets the unique index and
 * was answered with a 500. It is the request's conflict: a 409 page that says so, and its
 * transaction is rolled back.
 */
describe("a form sent three times at once never answers 500; a request that lost the race answers 409 (postgres)", () => {
  let t: TestApp;
  let admin: Client;

  before(async () => {
    t = await startTestApp("postgres", { demo: true });
    admin = await Client.as(t.app, "langu-admin");
  });
  after(async () => {
    await t?.close();
  });

  /** Posts the form of `page` that goes to `action`, `times` times at once, from one client. */
  async function atOnce(client: Client, page: string, action: RegExp, times = 3) {
    const res = await client.get(page);
    assert.equal(res.statusCode, 200, page);
    const form = pageForms(res.body, page).find((f) => action.test(f.action));
    assert.ok(form, `${page} has the form`);
    const payload = new URLSearchParams(form.fields).toString();
    return Promise.all(
      Array.from({ length: times }, () =>
        t.app.inject({
          method: "POST",
          url: form.action,
          remoteAddress: client.ip,
          headers: {
            cookie: client.cookieHeader(),
            "content-type": "application/x-www-form-urlencoded",
          },
          payload,
        }),
      ),
    );
  }

  const count = async (query: ReturnType<typeof sql>) =>
    (await t.database.rows<{ n: number }>(query))[0]!.n;

  test("a news category sent three times at once is made, and no answer is a 500", async () => {
    const page = "/t/la-ngu/admin/site/settings";
    const res = await admin.get(page);
    const form = pageForms(res.body, page).find((f) => /\/news-categories$/.test(f.action));
    assert.ok(form, "the settings page has the new category form");
    const before = await count(sql`select count(*)::int as n from site_categories`);
    const answers = await Promise.all(
      [0, 1, 2].map(() =>
        admin.post(
          form.action,
          { nameTh: "ข่าวส่งซ้ำ", nameEn: "Sent twice" },
          { csrf: form.fields.find(([k]) => k === "_csrf")![1] },
        ),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    for (const a of answers) assert.ok(a.statusCode < 500, `answered ${statuses.join(", ")}`);
    assert.ok(statuses.includes(303), `one is made: ${statuses.join(", ")}`);
    for (const a of answers.filter((x) => x.statusCode === 409)) {
      assert.match(a.body, /<h1>ส่งซ้ำ<\/h1>/);
      assert.match(a.body, /ส่งข้อมูลนี้ซ้ำ/);
    }
    const made = (await count(sql`select count(*)::int as n from site_categories`)) - before;
    assert.ok(made >= 1, "the category is made");
  });

  test("a sign-up sent three times at once makes the account, and no answer is a 500", async () => {
    const visitor = new Client(t.app);
    const answers = await atOnce(visitor, "/t/la-ngu/signup", /\/signup$/);
    const statuses = answers.map((a) => a.statusCode);
    for (const s of statuses) assert.ok(s < 500, `answered ${statuses.join(", ")}`);
    assert.ok(
      statuses.some((s) => s === 303),
      `one sign-up went through: ${statuses.join(", ")}`,
    );
  });

  test("a person's role given three times at once answers no 500", async () => {
    const [person] = await t.database.rows<{ id: number }>(
      sql`select u.id from users u join tambon_members m on m.user_id = u.id
          join tambons t on t.id = m.tambon_id
          where t.slug = 'la-ngu' and u.username = 'langu-member'`,
    );
    const page = `/t/la-ngu/admin/people/${person!.id}`;
    const answers = await atOnce(admin, page, /\/roles$/);
    const statuses = answers.map((a) => a.statusCode);
    for (const s of statuses) assert.ok(s < 500, `answered ${statuses.join(", ")}`);
  });
});
