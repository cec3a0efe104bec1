import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { h } from "preact";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/core/app.ts";
import type { TambonModule } from "../../src/core/modules.ts";
import { pageCache } from "../../src/core/page-cache.ts";
import { modules } from "../../src/modules/index.ts";
import { Client, testConfig } from "../helpers/app.ts";
import { openTestDatabase, type TestDatabase } from "../helpers/db.ts";

/*
 * The sections modules add to a tambon's home page are rendered once and kept for every viewer
 * (core/routes/public.tsx). A section that looked at the request's viewer would hand one
 * member's data to the next: core asks for the sections as by no one in particular, so even a
 * section written carelessly (this test's own) sees no actor and no flash message.
 */

const probe: TambonModule = {
  id: "probe",
  homeSections: async (req) =>
    h(
      "p",
      { class: "probe" },
      req.actor.user ? `viewer ${req.actor.user.id}` : "no one",
      req.flash ? ` flash ${req.flash}` : "",
    ),
};

describe("home sections are asked for by no one in particular", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  before(async () => {
    database = await openTestDatabase("pglite", { demo: true });
    pageCache.invalidate(null);
    app = await buildApp({ config: testConfig(), database, modules: [...modules, probe] });
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await database?.drop();
    if (app) rmSync(app.config.dataDir, { recursive: true, force: true });
  });

  test("a signed-in member's home shows the sections as anyone's, and the next viewer's too", async () => {
    const member = await Client.as(app, "langu-member");
    const first = await member.get("/t/la-ngu");
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /<p class="probe">no one<\/p>/);
    assert.match(first.body, /ข่าวล่าสุด/, "the site's own section is there beside it");
    const admin = await Client.as(app, "langu-admin");
    assert.match((await admin.get("/t/la-ngu")).body, /<p class="probe">no one<\/p>/);
    assert.match((await new Client(app).get("/t/la-ngu")).body, /<p class="probe">no one<\/p>/);
  });
});
