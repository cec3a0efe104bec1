import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startBrowserRun, VIEWPORTS, type BrowserRun } from "../helpers/browser.ts";

/*
 * A resident has opened the tambon's site once on a phone; later, with no connection, another page
 * of the site shows the offline page instead of the browser's error. Two page loads.
 */
describe("the tambon's site answers offline with its offline page", () => {
  let run: BrowserRun;
  before(async () => {
    run = await startBrowserRun({ viewport: VIEWPORTS.phone });
  });
  after(() => run?.close());

  test("the service worker registers, keeps the shell, and shows the offline page with the network off", async () => {
    const { page, server, browser } = run;
    await page.goto(`${server.url}/t/la-ngu`);
    // Ready resolves once the worker covering this page is active (never: a wrong scope).
    const scope = await page.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready.then((r) => (r.active ? r.scope : null)),
        new Promise((resolve) => setTimeout(() => resolve("not ready in 20 s"), 20_000)),
      ]),
    );
    assert.equal(scope, `${server.url}/t/la-ngu`);
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const urls: string[] = [];
      for (const k of keys)
        for (const r of await (await caches.open(k)).keys()) urls.push(new URL(r.url).pathname);
      return { keys, urls };
    });
    assert.ok(
      cached.keys.every((k) => k.startsWith("site-la-ngu-")),
      cached.keys.join(),
    );
    assert.ok(cached.urls.includes("/t/la-ngu/offline"), cached.urls.join());
    assert.ok(
      cached.urls.every(
        (u) => u === "/t/la-ngu/offline" || u.startsWith("/static/") || u.includes("/icons/"),
      ),
      `only the shell is kept: ${cached.urls.join()}`,
    );

    await browser.context.setOffline(true);
    try {
      await page.goto(`${server.url}/t/la-ngu/news`);
      await page.locator("h1", { hasText: "ไม่มีการเชื่อมต่ออินเทอร์เน็ต" }).waitFor();
      assert.match(await page.locator("main").innerText(), /not connected to the internet/);
    } finally {
      await browser.context.setOffline(false);
    }
  });
});
