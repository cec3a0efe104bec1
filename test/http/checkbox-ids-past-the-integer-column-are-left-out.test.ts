import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { pageForms, type PageForm } from "../helpers/forms.ts";
import { multipart } from "../helpers/multipart.ts";
import { tambons, users, villages } from "../../src/core/db/schema.ts";
import { facilitatorReach } from "../../src/modules/network/schema.ts";

/** Ids no integer column holds, and values that are no id at all. */
const NOT_IDS = ["2147483648", "9999999999999999999", "1e999", "1.5", "-1", "0x10"];

/*
 * A group of checkboxes sends the ids of the records it offers; a forged value past the integer
 * column reached the database in the lists of villages, issue areas and groups, which refused it
 * with a 500. Such a value names no record and is left out, as another tambon's id is.
 */
describe("ids past the integer column in a list of checkboxes are left out, never a 500", () => {
  let t: TestApp;
  let admin: Client;
  let langu = 0;

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const [row] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    langu = row!.id;
    admin = await Client.as(t.app, "langu-admin");
  });
  after(async () => {
    await t?.close();
  });

  /** The form of a page that posts to an address ending with `action`. */
  async function formOf(page: string, action: RegExp): Promise<PageForm> {
    const res = await admin.get(page);
    assert.equal(res.statusCode, 200, page);
    const form = pageForms(res.body, page).find((f) => action.test(f.action));
    assert.ok(form, `${page} has a form posting to ${action}`);
    return form;
  }

  /** Posts a form's own fields with more values for `list`, as url-encoded or multipart. */
  async function send(form: PageForm, list: string, extra: string[]) {
    const token = await admin.csrf();
    const fields: [string, string][] = [
      ...form.fields.filter(([k]) => k !== "_csrf"),
      ["_csrf", token],
      ...extra.map((v): [string, string] => [list, v]),
    ];
    if (!form.multipart) {
      const body: Record<string, string[]> = {};
      for (const [k, v] of fields) (body[k] ??= []).push(v);
      return admin.post(form.action, body, { csrf: null });
    }
    // The multipart helper takes one value per name: the list goes as repeated parts.
    const { body, contentType } = multipart(Object.fromEntries(fields), {});
    const boundary = contentType.split("boundary=")[1]!;
    const parts = extra
      .map((v) => `--${boundary}\r\ncontent-disposition: form-data; name="${list}"\r\n\r\n${v}\r\n`)
      .join("");
    const payload = Buffer.concat([
      Buffer.from(parts),
      body.subarray(0, body.length - `--${boundary}--\r\n`.length),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: "POST",
      url: form.action,
      remoteAddress: admin.ip,
      headers: { cookie: admin.cookieHeader(), "content-type": contentType },
      payload,
    });
  }

  test("a facilitator's reach keeps the tambon's villages and leaves the rest out", async () => {
    const [facilitator] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, "langu-facilitator"));
    const page = `/t/la-ngu/admin/network/people/${facilitator!.id}`;
    const form = await formOf(page, /\/reach$/);
    const [village] = await t.database.db
      .select({ id: villages.id })
      .from(villages)
      .where(eq(villages.tambonId, langu))
      .limit(1);
    const plain = form.fields.filter(([k]) => k !== "villages" && k !== "areas");
    for (const bad of NOT_IDS) {
      const res = await send({ ...form, fields: plain }, "villages", [String(village!.id), bad]);
      assert.equal(res.statusCode, 303, `villages=${bad}: ${res.statusCode}`);
      const reach = await t.database.db
        .select({ villageId: facilitatorReach.villageId })
        .from(facilitatorReach)
        .where(
          and(eq(facilitatorReach.tambonId, langu), eq(facilitatorReach.userId, facilitator!.id)),
        );
      assert.deepEqual(
        reach.map((r) => r.villageId),
        [village!.id],
        `villages=${bad}`,
      );
      const areas = await send({ ...form, fields: plain }, "areas", [bad]);
      assert.equal(areas.statusCode, 303, `areas=${bad}: ${areas.statusCode}`);
    }
  });

  test("a new partner and a new meeting are not refused with a 500 for such ids", async () => {
    const partner = await formOf("/t/la-ngu/admin/network/partners/new", /\/partners\/new$/);
    const meeting = await formOf("/t/la-ngu/admin/meetings/new", /\/admin\/meetings$/);
    for (const bad of NOT_IDS) {
      for (const list of ["villages", "areas"]) {
        const res = await send(partner, list, [bad]);
        assert.ok(res.statusCode < 500, `partner ${list}=${bad}: ${res.statusCode}`);
      }
      for (const list of ["invitedGroupIds", "invitedVillageIds"]) {
        const res = await send(meeting, list, [bad]);
        assert.ok(res.statusCode < 500, `meeting ${list}=${bad}: ${res.statusCode}`);
      }
    }
  });
});
