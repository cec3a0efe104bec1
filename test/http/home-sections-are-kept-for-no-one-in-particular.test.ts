import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { h } from "preact";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/core/app.ts";
import type { TambonModule } from "../../src/core/modules.ts";
import { pageCache } from "../../src/core/page-cache.ts";
import { useCtx } from "../../src/core/views/ctx.ts";
import { modules } from "../../src/modules/index.ts";
import { Client, testConfig } from "../helpers/app.ts";
import { openTestDatabase, type TestDatabase } from "../helpers/db.ts";

/*
 * The sections modules add to a tambon's home page are rendered once and kept for every viewer
 * (core/routes/public.tsx). A section is given the tambon, not the request, and is rendered in a
 * context of no one in particular: even a section that looks at the context's viewer, flash
 * message or menu (this test's own) finds nothing of the member who asked first, so it cannot
 * hand one member's data to the next.
 */

function Probe() {
  const { actor, flash, nav } = useCtx();
  return h(
    "p",
    { class: "probe" },
    actor.user ? `viewer ${actor.user.id}` : "no one",
    flash ? ` flash ${flash}` : "",
    nav.length ? ` menu ${nav.length}` : "",
  );
}

const probe: TambonModule = {
  id: "probe",
  homeSections: async () => h(Probe, null),
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
