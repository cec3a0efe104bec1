import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Locator, Page, Response } from "playwright-core";
import {
  SCREENSHOT_DIR,
  SCREENSHOTS_WANTED,
  VIEWPORTS,
  axeViolations,
  describeViolations,
  launchBrowser,
  sidewaysScroll,
  type TestBrowser,
} from "../helpers/browser.ts";
import { startServer, type TestServer } from "../helpers/server.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { writeItaList } from "../../src/modules/site/transparency/commands.ts";
import { shippedList } from "../../src/modules/site/transparency/lists.ts";

type Lang = "th" | "en";

/** One page to check: how to get there, and the HTTP status it should answer with. */
interface Visit {
  name: string;
  status: number;
  open(page: Page): Promise<Response | null>;
}

let server: TestServer;

/** Runs an action that navigates the page; returns the main frame's first response. */
async function navigation(page: Page, action: () => Promise<unknown>): Promise<Response> {
  const [res] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame(),
    ),
    action(),
  ]);
  await page.waitForLoadState("load");
  return res;
}

/** Opens a path directly. */
const open = (url: string, status = 200): Visit => ({
  name: url,
  status,
  open: (p) => p.goto(server.url + url),
});

/** The transparency (ITA/OIT) page of fiscal year 2568, the list the platform ships for it. */
const ita2568: Visit = {
  name: "/t/la-ngu/transparency?year=2568",
  status: 200,
  async open(p) {
    const res = await p.goto(server.url + "/t/la-ngu/transparency?year=2568");
    const current = p.getByRole("main").locator('nav.chips a[aria-current="page"]');
    assert.equal(await current.innerText(), "2568", "the page shows the 2568 list");
    return res;
  },
};

/** Opens `from`, then follows the first link of the main content that `link` finds there. */
const follow = (name: string, from: string, link: (main: Locator) => Locator): Visit => ({
  name,
  status: 200,
  async open(p) {
    await p.goto(server.url + from);
    const target = link(p.getByRole("main")).first();
    await target.waitFor();
    return navigation(p, () => target.click());
  },
});

/** Opens `from`, fills its form in with `fill` and submits it, expecting the form back with errors. */
const failedSubmit = (
  name: string,
  from: string,
  status: number,
  fill: (p: Page) => Promise<void>,
): Visit => ({
  name,
  status,
  async open(p) {
    await p.goto(server.url + from);
    await fill(p);
    const submit = p.getByRole("main").locator("form[method=post] button[type=submit]").last();
    return navigation(p, () => submit.click());
  },
});

const ANONYMOUS: Visit[] = [
  open("/"),
  open("/t/la-ngu"),
  open("/t/la-ngu/villages"),
  open("/t/la-ngu/areas"),
  follow("/t/la-ngu/areas/<first area>", "/t/la-ngu/areas", (main) =>
    main.locator('a[href^="/t/la-ngu/areas/"]'),
  ),
  open("/login"),
  failedSubmit("/login after a wrong password", "/login", 401, async (p) => {
    await p.locator("#f-identifier").fill("nobody");
    await p.locator("#f-password").fill("wrong-password");
  }),
  open("/t/la-ngu/signup"),
  failedSubmit("/t/la-ngu/signup after a failed submit", "/t/la-ngu/signup", 422, async (p) => {
    await p.locator("#f-name").fill("สมศรี ทดสอบดี");
    await p.locator("#f-phone").fill("12345");
    await p.locator("#f-password").fill("short");
    await p.locator("#f-password2").fill("different");
    await p.locator("#f-village").selectOption({ index: 1 });
  }),
  open("/no-such-page", 404),
  open("/t/la-ngu/no-such-page", 404),
  open("/reset/invalid-token", 404),
  // The one search, its results with facets by kind.
  open(`/t/la-ngu/search?q=${encodeURIComponent("สุขภาพ")}`),
  // Public questions and answers (sign-in prompt), the installable site's offline page, and
  // what the tambon publishes for the integrity assessment.
  open("/t/la-ngu/qa"),
  open("/t/la-ngu/offline"),
  ita2568,
];

const TAMBON_ADMIN: Visit[] = [
  open("/account"),
  open("/t/la-ngu/admin"),
  open("/t/la-ngu/admin/settings"),
  open("/t/la-ngu/admin/villages"),
  follow("/t/la-ngu/admin/villages/<first village>", "/t/la-ngu/admin/villages", (main) =>
    main.locator('a[href^="/t/la-ngu/admin/villages/"]'),
  ),
  failedSubmit(
    "/t/la-ngu/admin/villages after a failed submit",
    "/t/la-ngu/admin/villages",
    422,
    async (p) => {
      await p.locator("#f-moo").fill("1");
      await p.locator("#f-nameTh").fill("บ้านซ้ำ");
    },
  ),
  open("/t/la-ngu/admin/people"),
  follow("/t/la-ngu/admin/people/<first person>", "/t/la-ngu/admin/people", (main) =>
    main.locator('a[href^="/t/la-ngu/admin/people/"]'),
  ),
  open("/t/la-ngu/admin/audit"),
  open("/t/la-ngu/admin/areas"),
  // An action that cannot be undone sent without its tick (a browser that ignores `required`):
  // the server shows the confirmation again.
  {
    name: "/t/la-ngu/admin/areas/<first area>/archive without the tick",
    status: 422,
    async open(p) {
      await p.goto(server.url + "/t/la-ngu/admin/areas");
      const form = p.getByRole("main").locator('form[action$="/archive"]').first();
      await form
        .locator("input[name=confirmed]")
        .evaluate((box) => box.removeAttribute("required"));
      return navigation(p, () => form.locator("button[type=submit]").click());
    },
  },
  // The confirmation page before a question moves on a phase.
  {
    name: "/t/la-ngu/decisions/<question>/phase",
    status: 200,
    async open(p) {
      await p.goto(server.url + "/t/la-ngu/decisions");
      const questions = await p
        .getByRole("main")
        .locator('a[href^="/t/la-ngu/decisions/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      for (const href of questions.filter((h) => /\/decisions\/\d+$/.test(h))) {
        await p.goto(server.url + href);
        const next = p.getByRole("main").locator('a[href$="/phase"]');
        if (await next.count()) return navigation(p, () => next.first().click());
      }
      return null;
    },
  },
  follow("/t/la-ngu/admin/areas/<first area>", "/t/la-ngu/admin/areas", (main) =>
    main.locator('a[href^="/t/la-ngu/admin/areas/"]'),
  ),
  // The form to ask a question, and the staff's queue with the demo's waiting question.
  open("/t/la-ngu/qa"),
  open("/t/la-ngu/admin/site/qa"),
  ita2568,
];

const NETWORK_ADMIN: Visit[] = [
  open("/admin"),
  open("/admin?province=91"),
  open("/admin?province=91&district=9105"),
  open("/admin/audit"),
];

const MEMBER: Visit[] = [open("/t/la-ngu/admin/settings", 403)];

/** A name usable in a file name. */
const fileName = (s: string) =>
  s
    .replace(/^\//, "")
    .replace(/[^a-z0-9]+/gi, "-")
    .replace(/^-|-$/g, "") || "home";

/** Switches the interface language the way the header link does. */
async function switchLanguage(page: Page, lang: Lang) {
  const res = await page.goto(`${server.url}/lang?to=${lang}&back=/`);
  assert.equal(res?.status(), 200);
  assert.equal(await page.locator("html").getAttribute("lang"), lang);
}

/** Logs in through the login form; throws unless the header then shows the account link. */
async function logIn(page: Page, username: string) {
  await page.goto(server.url + "/login");
  await page.locator("#f-identifier").fill(username);
  await page.locator("#f-password").fill("tambon-demo");
  const submit = page.getByRole("main").locator("button[type=submit]");
  const res = await navigation(page, () => submit.click());
  assert.equal(res.status(), 303, `log in of ${username}`);
  await page.getByRole("banner").locator('a[href="/account"]').waitFor();
}

/** Who visits which pages. */
const PERSONAS: { who: string; username: string | null; visits: Visit[] }[] = [
  { who: "an anonymous visitor", username: null, visits: ANONYMOUS },
  { who: "langu-admin", username: "langu-admin", visits: TAMBON_ADMIN },
  { who: "the network administrator", username: "admin", visits: NETWORK_ADMIN },
  { who: "langu-member", username: "langu-member", visits: MEMBER },
];

/**
 * Declares the suite of one language: its own browser visits every persona's pages and runs axe,
 * Thai at phone width and English at desktop width, so both layouts are checked once.
 */
function languageSuite(lang: Lang) {
  const viewport = lang === "th" ? VIEWPORTS.phone : VIEWPORTS.desktop;
  const width = lang === "th" ? "phone" : "desktop";
  describe(`in ${lang === "th" ? "Thai" : "English"}`, { concurrency: 1 }, () => {
    let browser: TestBrowser;
    let page: Page;
    before(async () => {
      browser = await launchBrowser();
      page = await browser.context.newPage();
    });
    after(() => browser?.close());

    for (const { who, username, visits } of PERSONAS) {
      describe(`as ${who}`, { concurrency: 1 }, () => {
        before(async () => {
          await browser.context.clearCookies();
          await page.setViewportSize(viewport);
          await switchLanguage(page, lang);
          if (username) await logIn(page, username);
        });
        for (const visit of visits) {
          test(`${visit.name} has no WCAG 2.1 A/AA violations at ${width} width`, async () => {
            const res = await visit.open(page);
            assert.equal(res?.status(), visit.status, `HTTP status of ${visit.name}`);
            assert.equal(await page.locator("html").getAttribute("lang"), lang);
            const violations = await axeViolations(page);

            // Reflow (WCAG 1.4.10): at phone width only tables may scroll sideways, not the page.
            await page.setViewportSize(VIEWPORTS.phone);
            const overflow = await sidewaysScroll(page);
            if (SCREENSHOTS_WANTED)
              await page.screenshot({
                path: path.join(
                  SCREENSHOT_DIR,
                  "pages",
                  `${fileName(who)}-${fileName(visit.name)}-${lang}-phone.png`,
                ),
                fullPage: true,
              });
            await page.setViewportSize(viewport);

            assert.deepEqual(
              violations,
              [],
              describeViolations(`${visit.name} (${who}, ${lang}, ${width})`, violations),
            );
            assert.equal(overflow, 0, `${visit.name} scrolls sideways by ${overflow}px on a phone`);
          });
        }
      });
    }
  });
}

// The two languages run side by side, each in its own browser; the pages of each run in order.
describe("every page of the foundation passes axe (WCAG 2.1 A and AA)", { concurrency: 2 }, () => {
  before(async () => {
    server = await startServer({ demo: true });
    // The demo tambon has the 2566 list; the 2568 one is loaded as staff would choose it.
    const db = server.database.db;
    const [langu] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    await writeItaList(db, langu!.id, shippedList(2568)!);
  });
  after(() => server?.close());

  languageSuite("th");
  languageSuite("en");
});
