import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { makeTambon } from "../helpers/factories/core.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { putFile } from "../../src/core/file-store.ts";
import { LOGO_KIND, logoUrl } from "../../src/core/files.ts";

/** A red logo on a transparent ground, as a tambon might upload. */
const logo = () =>
  sharp({ create: { width: 300, height: 300, channels: 4, background: "#c62828" } })
    .png()
    .toBuffer();

describe("a tambon's site installs on a phone", () => {
  let t: TestApp;
  let withLogo = "";
  let plain = "";
  before(async () => {
    t = await startTestApp("pglite", {
      seed: async (db) => {
        const a = await makeTambon(db, { slug: "with-logo", villages: 1 });
        const b = await makeTambon(db, { slug: "no-logo", villages: 1 });
        withLogo = a.tambon.slug;
        plain = b.tambon.slug;
        const ref = await putFile(db, {
          tambonId: a.tambon.id,
          kind: LOGO_KIND,
          contentType: "image/png",
          data: await logo(),
          key: "logo-1.png",
        });
        assert.ok(ref);
        await db
          .update(tambons)
          .set({ logoPath: logoUrl(withLogo, "logo-1.png") })
          .where(eq(tambons.id, a.tambon.id));
      },
    });
  });
  after(() => t.close());

  const png = async (url: string) => {
    const res = await t.app.inject(url);
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers["content-type"], "image/png");
    return { meta: await sharp(res.rawPayload).metadata(), body: res.rawPayload };
  };

  test("the manifest names the tambon, takes its colour from its logo and lists its icons", async () => {
    const res = await t.app.inject(`/t/${withLogo}/manifest.webmanifest`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^application\/manifest\+json/);
    const m = JSON.parse(res.body);
    assert.match(m.name, /^อบต\./);
    assert.ok(m.short_name.length <= 16 && m.short_name.startsWith("อบต."));
    assert.equal(m.start_url, `/t/${withLogo}`);
    assert.equal(m.scope, `/t/${withLogo}`);
    assert.equal(m.display, "standalone");
    // The logo's dominant colour, as sharp measures it (to the nearest of its colour bins).
    const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(m.theme_color)!.slice(1);
    const want = [0xc6, 0x28, 0x28];
    rgb.forEach((c, i) => assert.ok(Math.abs(parseInt(c, 16) - want[i]!) <= 8, m.theme_color));
    assert.deepEqual(
      m.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`),
      ["192x192 any", "512x512 any", "512x512 maskable"],
    );
    for (const icon of m.icons as { src: string; sizes: string }[]) {
      const { meta } = await png(icon.src);
      assert.equal(`${meta.width}x${meta.height}`, icon.sizes, icon.src);
    }
    // The logo is drawn into the icon: its middle is the logo's red.
    const { body } = await png(`/t/${withLogo}/icons/icon-512.png`);
    const { data } = await sharp(body)
      .extract({ left: 250, top: 250, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    assert.deepEqual([...data.subarray(0, 3)], [0xc6, 0x28, 0x28]);
    // A maskable icon keeps the logo inside the safe zone: its corners are the plain ground.
    const mask = await png(`/t/${withLogo}/icons/maskable-512.png`);
    const corner = await sharp(mask.body)
      .extract({ left: 60, top: 60, width: 1, height: 1 })
      .raw()
      .toBuffer();
    assert.deepEqual([...corner.subarray(0, 3)], [255, 255, 255]);
  });

  test("a tambon without a logo gets the default icon and the platform's colour", async () => {
    const m = JSON.parse((await t.app.inject(`/t/${plain}/manifest.webmanifest`)).body);
    assert.equal(m.theme_color, "#0b6b3a");
    const { meta } = await png(`/t/${plain}/icons/icon-192.png`);
    assert.equal(meta.width, 192);
    assert.equal((await t.app.inject(`/t/nowhere/manifest.webmanifest`)).statusCode, 404);
  });

  test("every page of the tambon links the manifest and registers the worker", async () => {
    const home = await t.app.inject(`/t/${plain}`);
    assert.match(
      home.body,
      new RegExp(`<link rel="manifest" href="/t/${plain}/manifest.webmanifest"`),
    );
    assert.match(home.body, new RegExp(`data-sw="/t/${plain}/sw.js"`));
    const sw = await t.app.inject(`/t/${plain}/sw.js`);
    assert.equal(sw.statusCode, 200);
    assert.equal(sw.headers["service-worker-allowed"], `/t/${plain}`);
    assert.match(String(sw.headers["content-type"]), /javascript/);
    // It keeps the offline page, leaves the collect app and non-GET requests alone.
    assert.match(sw.body, new RegExp(`"/t/${plain}/offline"`));
    assert.match(sw.body, new RegExp(`"/t/${plain}/community/collect"`));
    assert.match(sw.body, /req\.method !== "GET"\) return/);
    assert.match(sw.body, /credentials: "omit"/);
  });

  test("the offline page says so in Thai and in English", async () => {
    const th = await t.app.inject(`/t/${plain}/offline`);
    assert.equal(th.statusCode, 200);
    assert.match(th.body, /ไม่มีการเชื่อมต่ออินเทอร์เน็ต/);
    assert.match(th.body, /not connected to the internet/);
    const en = await t.app.inject({ url: `/t/${plain}/offline`, headers: { cookie: "tlang=en" } });
    assert.match(en.body, /<h1>You are offline<\/h1>/);
  });
});
