// The harness and page lists of the network module's accessibility tests.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  VIEWPORTS,
  axeViolations,
  describeViolations,
  fillDate,
  screenshots,
  sidewaysScroll,
  startBrowserRun,
  type BrowserRun,
  type TestBrowser,
} from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";

/** A page to check: a path, a link to follow from it, or a form to submit with mistakes. */
export interface Visit {
  name: string;
  url: string;
  /** Follow the first link this CSS selector finds in the main content. */
  follow?: string;
  /** Fill the page's last form in (with mistakes) and submit it. */
  fail?: (page: Page) => Promise<void>;
  status?: number;
}

/** The public pages of the network. */
export const PUBLIC: Visit[] = [
  { name: "whole-network", url: "/network" },
  { name: "whole-network-mentors", url: "/network?role=mentor" },
  { name: "network", url: "/t/la-ngu/network" },
  { name: "network-lom-raet", url: "/t/lom-raet/network" },
  { name: "partners", url: "/t/la-ngu/partners" },
  { name: "partners-search", url: "/t/la-ngu/partners?q=%E0%B8%8A%E0%B8%A1%E0%B8%A3%E0%B8%A1" },
  { name: "partner", url: "/t/la-ngu/partners", follow: 'a[href^="/t/la-ngu/partners/"]' },
  { name: "partners-print", url: "/t/la-ngu/partners/print" },
  { name: "pillars", url: "/t/la-ngu/pillars" },
  { name: "agreements", url: "/t/lom-raet/agreements" },
  { name: "agreements-ko-kha", url: "/t/ko-kha/agreements" },
  {
    name: "agreement",
    url: "/t/lom-raet/agreements",
    follow: 'a[href^="/t/lom-raet/agreements/"]',
  },
  { name: "centres", url: "/t/la-ngu/centres" },
  { name: "centre", url: "/t/lom-raet/centres", follow: 'a[href^="/t/lom-raet/centres/"]' },
  {
    name: "visit-form-error",
    url: "/t/lom-raet/centres",
    follow: 'a[href^="/t/lom-raet/centres/"]',
    status: 422,
    fail: async (p) => {
      await Promise.all([
        p.waitForNavigation(),
        p.getByRole("main").locator('a[href$="/visit"]').click(),
      ]);
      await p.locator("#f-groupName").fill("โรงเรียนทดสอบ");
      await fillDate(p, "requestedOn", "2001-01-01");
      await p.locator("#f-groupSize").fill("500");
      await p.locator("#f-topics").fill("การจัดการสุขภาพชุมชน");
      await p.locator("#f-contactName").fill("ครูผู้ประสานงาน");
    },
  },
  { name: "facilitators", url: "/t/la-ngu/facilitators" },
  {
    name: "facilitator",
    url: "/t/la-ngu/facilitators",
    follow: 'a[href^="/t/la-ngu/facilitators/"]',
  },
];

/** La-ngu's partners, lists, agreements and links. */
export const ADMIN: Visit[] = [
  { name: "admin", url: "/t/la-ngu/admin/network" },
  { name: "admin-partners", url: "/t/la-ngu/admin/network/partners?status=all" },
  {
    name: "admin-partner-new-error",
    url: "/t/la-ngu/admin/network/partners/new",
    status: 422,
    fail: async (p) => {
      await p.locator("#f-nameTh").fill("กลุ่มทดสอบ");
      await p.locator("#f-contactPhone").fill("12345");
      await p.locator("#f-website").fill("ftp://example.org");
    },
  },
  {
    name: "admin-partner",
    url: "/t/la-ngu/admin/network/partners",
    follow: 'table a[href^="/t/la-ngu/admin/network/partners/"]',
  },
  { name: "admin-lists", url: "/t/la-ngu/admin/network/lists" },
  {
    name: "admin-pillar",
    url: "/t/la-ngu/admin/network/lists",
    follow: 'a[href^="/t/la-ngu/admin/network/pillars/"]',
  },
  {
    name: "admin-kind-new-error",
    url: "/t/la-ngu/admin/network/lists/new?list=kind",
    status: 422,
    fail: async (p) => {
      await p.locator("#f-nameTh").fill("กลุ่ม");
    },
  },
  { name: "admin-agreements", url: "/t/la-ngu/admin/network/agreements" },
  {
    name: "admin-agreement-new-error",
    url: "/t/la-ngu/admin/network/agreements/new",
    status: 422,
    fail: async (p) => {
      await p.locator("#f-titleTh").fill("ข้อตกลงทดสอบ");
      await p.locator("#f-status").selectOption("signed");
      await fillDate(p, "startsOn", "2024-05-01");
      await fillDate(p, "endsOn", "2024-01-01");
    },
  },
  {
    name: "admin-agreement",
    url: "/t/la-ngu/admin/network/agreements",
    follow: 'table a[href^="/t/la-ngu/admin/network/agreements/"]',
  },
  { name: "admin-links", url: "/t/la-ngu/admin/network/links" },
  {
    name: "admin-links-error",
    url: "/t/la-ngu/admin/network/links",
    status: 422,
    fail: async (p) => {
      await p.locator("#f-relation").selectOption("peer");
      await p.locator("#f-dopaCode").fill("999999");
    },
  },
];

/** La-ngu's learning centres, study visits and people. */
export const ADMIN_CENTRES_AND_PEOPLE: Visit[] = [
  { name: "admin-centres", url: "/t/la-ngu/admin/network/centres" },
  { name: "admin-centre-new", url: "/t/la-ngu/admin/network/centres/new" },
  {
    name: "admin-centre",
    url: "/t/la-ngu/admin/network/centres",
    follow: 'table a[href^="/t/la-ngu/admin/network/centres/"]',
  },
  { name: "admin-visits", url: "/t/la-ngu/admin/network/visits" },
  { name: "admin-visit-new", url: "/t/la-ngu/admin/network/visits/new" },
  {
    name: "admin-visit",
    url: "/t/la-ngu/admin/network/visits",
    follow: 'table a[href^="/t/la-ngu/admin/network/visits/"]',
  },
  { name: "admin-outgoing", url: "/t/la-ngu/admin/network/outgoing" },
  { name: "admin-outgoing-new", url: "/t/la-ngu/admin/network/outgoing/new" },
  { name: "admin-people", url: "/t/la-ngu/admin/network/people" },
  {
    name: "admin-person",
    url: "/t/la-ngu/admin/network/people?role=village_headman",
    follow: 'table a[href^="/t/la-ngu/admin/network/people/"]',
  },
  { name: "my-profile", url: "/t/la-ngu/admin/network/my-profile" },
];

/** Lom Raet's side of study visits. */
export const LOM_RAET_ADMIN: Visit[] = [
  { name: "admin-outgoing-proposed", url: "/t/lom-raet/admin/network/outgoing" },
  { name: "admin-visits-requested", url: "/t/lom-raet/admin/network/visits?status=requested" },
];

/**
 * Declares a suite that visits the personas' pages with axe, in Thai at phone width and English
 * at desktop width, checking that no page scrolls sideways on a phone.
 */
export function accessibilitySuite(
  title: string,
  personas: readonly (readonly [string, string | null, Visit[]])[],
) {
  describe(title, { concurrency: 1 }, () => {
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

    async function check(v: Visit, lang: "th" | "en", who: string) {
      let res = await page.goto(server.url + v.url);
      if (v.follow) {
        const link = page.getByRole("main").locator(v.follow).first();
        [res] = await Promise.all([page.waitForNavigation(), link.click()]);
      }
      if (v.fail) {
        await v.fail(page);
        const submit = page.getByRole("main").locator("form[method=post] button[type=submit]");
        [res] = await Promise.all([page.waitForNavigation(), submit.last().click()]);
        await page.locator(".error-summary").waitFor();
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
      if (lang === "th") await screenshots(page, `network/${who}-${v.name}`);
    }

    for (const [lang, viewport] of [
      ["th", VIEWPORTS.phone],
      ["en", VIEWPORTS.desktop],
    ] as const) {
      for (const [who, username, visits] of personas) {
        test(`${who} in ${lang === "th" ? "Thai at phone" : "English at desktop"} width`, async () => {
          await browser.context.clearCookies();
          await page.setViewportSize(viewport);
          if (username) await logIn(username);
          await page.goto(`${server.url}/lang?to=${lang}&back=/`);
          for (const v of visits) await check(v, lang, who);
        });
      }
    }
  });
}
