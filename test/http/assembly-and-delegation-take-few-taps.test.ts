import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";

/**
 * A whole village's representatives are recorded with one button ("all present"), and a trustee
 * is found by a search that answers from the server (no 150-name dropdown), both without
 * JavaScript.
 */

const TAMBON = "/t/la-ngu";

describe("an assembly and a delegation take a few taps", () => {
  let t: TestApp;

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
  });
  after(async () => {
    await t?.close();
  });

  test("'all present' records every representative of the village on its sheet", async () => {
    const facilitator = await Client.as(t.app, "langu-facilitator");
    const list = await facilitator.get(`${TAMBON}/admin/meetings`);
    const ids = [
      ...new Set([...list.body.matchAll(/\/admin\/meetings\/(\d+)"/g)].map((m) => m[1]!)),
    ];
    assert.ok(ids.length > 0, "the demo has meetings");
    // A meeting still open to attendance, and a village none of whose representatives came yet.
    let sheet: { url: string; village: string; people: string[] } | null = null;
    for (const id of ids) {
      const page = await facilitator.get(`${TAMBON}/admin/meetings/${id}/attendance`);
      const villages = [...page.body.matchAll(/<option value="(\d+)"/g)].map((m) => m[1]!);
      if (!page.body.includes('id="f-sheet-village"')) continue;
      for (const village of villages) {
        const url = `${TAMBON}/admin/meetings/${id}/attendance?village=${village}`;
        const open = await facilitator.get(url);
        const boxes = [
          ...open.body.matchAll(
            /<input type="checkbox" id="p-\d+" name="people" value="(\d+)"(?! checked)/g,
          ),
        ].map((m) => m[1]!);
        if (boxes.length >= 2 && open.body.includes('name="all"')) {
          sheet = { url: `${TAMBON}/admin/meetings/${id}/attendance`, village, people: boxes };
          break;
        }
      }
      if (sheet) break;
    }
    assert.ok(sheet, "a sheet with representatives to record");
    const res = await facilitator.post(
      `${sheet.url}/sheet`,
      { villageId: sheet.village, all: "1" },
      { from: `${sheet.url}?village=${sheet.village}` },
    );
    assert.equal(res.statusCode, 303);
    const after = await facilitator.get(`${sheet.url}?village=${sheet.village}`);
    for (const id of sheet.people)
      assert.match(
        after.body,
        new RegExp(`id="p-${id}" name="people" value="${id}" checked disabled`),
        `representative ${id} is recorded present`,
      );
  });

  test("a member finds a trustee by part of a name and delegates to them", async () => {
    const member = await Client.as(t.app, "langu-osm");
    const page = await member.get(`${TAMBON}/delegations`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="get"[^>]*role="search"/);
    assert.doesNotMatch(page.body, /id="f-trustee"/, "no dropdown of every member");
    const name = "ตัวแทนหมู่บ้าน ละงู";
    const part = "ตัวแทนหมู่";
    const found = await member.get(`${TAMBON}/delegations?who=${encodeURIComponent(part)}`);
    assert.equal(found.statusCode, 200);
    const radios = [...found.body.matchAll(/<input type="radio" name="trustee" value="(\d+)"/g)];
    assert.ok(radios.length >= 1, "the search lists matching members");
    assert.ok(found.body.includes(name), "the member searched for is among them");
    const trustee = radios[0]![1]!;
    const saved = await member.post(
      `${TAMBON}/delegations`,
      { scopeKey: "tambon:", trustee },
      { from: `${TAMBON}/delegations?who=${encodeURIComponent(part)}` },
    );
    assert.equal(saved.statusCode, 303);

    const none = await member.get(`${TAMBON}/delegations?who=${encodeURIComponent("ไม่มีชื่อนี้แน่นอน")}`);
    assert.ok(none.body.includes("ไม่พบสมาชิกที่ตรงกับคำค้น"));
    assert.doesNotMatch(none.body, /type="radio" name="trustee"/);
  });
});
