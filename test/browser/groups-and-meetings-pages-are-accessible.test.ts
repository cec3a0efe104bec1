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
type Visit = { name: string; url: string; follow?: RegExp | string; status?: number };

const PUBLIC: Visit[] = [
  { name: "meetings", url: "/t/la-ngu/meetings" },
  { name: "meetings-filtered", url: "/t/la-ngu/meetings?kind=village_assembly&step=2" },
  {
    name: "assembly",
    url: "/t/la-ngu/meetings",
    follow: /ให้ความเห็นชอบการบูรณาการการพัฒนา|Assembly of the representatives/,
  },
  { name: "process", url: "/t/la-ngu/process" },
  { name: "groups", url: "/t/la-ngu/groups" },
  {
    name: "group",
    url: "/t/la-ngu/groups",
    follow: /คณะทำงานกลาง \(สาธิต\)|Central working group \(demo\)/,
  },
  { name: "representatives", url: "/t/la-ngu/representatives" },
  { name: "representatives-gap", url: "/t/lom-raet/representatives" },
  { name: "representatives-village", url: "/t/la-ngu/representatives", follow: /หมู่ที่ 2 |Moo 2 / },
  { name: "area", url: "/t/la-ngu/areas", follow: "/t/la-ngu/areas/" },
];

const FACILITATOR: Visit[] = [
  { name: "admin-meetings", url: "/t/la-ngu/admin/meetings" },
  {
    name: "admin-assembly",
    url: "/t/la-ngu/admin/meetings",
    follow: /ให้ความเห็นชอบการบูรณาการการพัฒนา|Assembly of the representatives/,
  },
  {
    name: "admin-minutes-draft",
    url: "/t/la-ngu/admin/meetings",
    follow: /ประชุมทีมประเด็น|Issue-team meeting/,
  },
  { name: "admin-reps", url: "/t/la-ngu/admin/representatives?village=1" },
  { name: "admin-reps-gaps", url: "/t/lom-raet/admin/representatives" },
];

const WORKING_GROUP: Visit[] = [
  { name: "admin-groups", url: "/t/la-ngu/admin/groups" },
  {
    name: "admin-group",
    url: "/t/la-ngu/admin/groups",
    follow: /คณะทำงานกลาง \(สาธิต\)|Central working group \(demo\)/,
  },
];

describe(
  "the pages of groups and meetings pass axe (WCAG 2.1 A and AA) and reflow on a phone",
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

    const logIn = (username: string) => run.logIn(username);

    async function visit(v: Visit, lang: "th" | "en", who: string) {
      let res = await page.goto(server.url + v.url);
      if (v.follow) {
        const link =
          typeof v.follow === "string"
            ? page.locator(`main a[href^="${v.follow}"]`).first()
            : page.getByRole("main").getByRole("link", { name: v.follow }).first();
        [res] = await Promise.all([page.waitForNavigation(), link.click()]);
      }
      assert.equal(res?.status(), v.status ?? 200, `${v.name}: ${page.url()}`);
      assert.equal(await page.locator("html").getAttribute("lang"), lang);
      const violations = await axeViolations(page);
      assert.deepEqual(
        violations,
        [],
        describeViolations(`${v.name} (${who}, ${lang})`, violations),
      );
      const overflow = await sidewaysScroll(page);
      assert.equal(overflow, 0, `${v.name} scrolls sideways by ${overflow}px`);
      if (lang === "th") await screenshots(page, `groups/${who}-${v.name}`);
    }

    for (const [lang, viewport] of [
      ["th", VIEWPORTS.phone],
      ["en", VIEWPORTS.desktop],
    ] as const) {
      for (const [who, username, visits] of [
        ["anonymous", null, PUBLIC],
        ["facilitator", "langu-facilitator", FACILITATOR],
        ["working-group", "langu-wg", WORKING_GROUP],
      ] as const) {
        test(`${who} in ${lang === "th" ? "Thai at phone" : "English at desktop"} width`, async () => {
          await browser.context.clearCookies();
          await page.setViewportSize(viewport);
          if (username) await logIn(username);
          await page.goto(`${server.url}/lang?to=${lang}&back=/`);
          for (const v of visits) {
            // Lom Raet's administration needs one of Lom Raet's own facilitators.
            if (v.url.startsWith("/t/lom-raet/admin")) {
              await logIn("lomraet-facilitator");
              await page.goto(`${server.url}/lang?to=${lang}&back=/`);
            }
            await visit(v, lang, who);
          }
        });
      }
    }
  },
);
