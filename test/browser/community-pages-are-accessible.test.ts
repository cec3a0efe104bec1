import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  VIEWPORTS,
  axeViolations,
  describeViolations,
  screenshots,
  sidewaysScroll,
  startBrowserRun,
  type BrowserRun,
  type TestBrowser,
} from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";

/** A page to visit: a path, or a link to follow from a path. */
type Visit = { name: string; url: string; follow?: string };

const ADMIN = "/t/la-ngu/admin/community";

const PUBLIC: Visit[] = [
  { name: "figures", url: "/t/la-ngu/community" },
  { name: "village", url: "/t/la-ngu/community/villages/1" },
];

const STAFF: Visit[] = [
  { name: "admin-home", url: ADMIN },
  { name: "submissions", url: `${ADMIN}/submissions` },

  {
    name: "submission",
    url: `${ADMIN}/submissions`,
    follow: `/t/la-ngu/admin/community/submissions/`,
  },
  { name: "reads", url: `${ADMIN}/reads` },
  { name: "requests", url: `${ADMIN}/requests` },
  { name: "forms", url: `${ADMIN}/forms` },
  { name: "form-builder", url: `${ADMIN}/forms`, follow: `/t/la-ngu/admin/community/forms/` },
  { name: "indicators", url: `${ADMIN}/indicators` },
];

describe(
  "the community-data pages pass axe (WCAG 2.1 A and AA) and reflow on a phone",
  { concurrency: 1 },
  () => {
    let run: BrowserRun;
    let server: TestServer;
    let browser: TestBrowser;
    let page: Page;
    before(async () => {
      run = await startBrowserRun();
      ({ server, browser, page } = run);
    });
    after(() => run?.close());

    async function visit(v: Visit, lang: "th" | "en", who: string) {
      let res = await page.goto(server.url + v.url);
      if (v.follow) {
        const link = page.locator(`main a[href^="${v.follow}"]`).first();
        [res] = await Promise.all([page.waitForNavigation(), link.click()]);
      }
      assert.equal(res?.status(), 200, `${v.name}: ${page.url()}`);
      assert.equal(await page.locator("html").getAttribute("lang"), lang);
      const violations = await axeViolations(page);
      assert.deepEqual(
        violations,
        [],
        describeViolations(`${v.name} (${who}, ${lang})`, violations),
      );
      const overflow = await sidewaysScroll(page);
      assert.equal(overflow, 0, `${v.name} scrolls sideways by ${overflow}px`);
      await screenshots(page, `community/${who}-${lang}-${v.name}`);
    }

    for (const [lang, viewport] of [
      ["th", VIEWPORTS.phone],
      ["en", VIEWPORTS.desktop],
    ] as const) {
      for (const [who, username, visits] of [
        ["anonymous", null, PUBLIC],
        ["admin", "langu-admin", STAFF],
      ] as const) {
        test(`${who} in ${lang === "th" ? "Thai at phone" : "English at desktop"} width`, async () => {
          await browser.context.clearCookies();
          await page.setViewportSize(viewport);
          if (username) await run.logIn(username);
          await page.goto(`${server.url}/lang?to=${lang}&back=/`);
          for (const v of visits) await visit(v, lang, who);
        });
      }
    }
  },
);
