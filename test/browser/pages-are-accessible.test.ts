import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { Locator, Page, Response } from "playwright-core";
import {
  SCREENSHOT_DIR,
  VIEWPORTS,
  axeViolations,
  describeViolations,
  launchBrowser,
  type TestBrowser,
} from "../helpers/browser.ts";
import { startServer, type TestServer } from "../helpers/server.ts";

type Lang = "th" | "en";

/** One page to check: how to get there, and the HTTP status it should answer with. */
interface Visit {
  name: string;
  status: number;
  open(page: Page): Promise<Response | null>;
}

let server: TestServer;
let browser: TestBrowser;
let page: Page;

/** Runs an action that navigates the page; returns the main frame's first response. */
async function navigation(action: () => Promise<unknown>): Promise<Response> {
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

/** Opens `from`, then follows the first link of the main content that `link` finds there. */
const follow = (name: string, from: string, link: (main: Locator) => Locator): Visit => ({
  name,
  status: 200,
  async open(p) {
    await p.goto(server.url + from);
    const target = link(p.getByRole("main")).first();
    await target.waitFor();
    return navigation(() => target.click());
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
    return navigation(() => submit.click());
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
  follow("/t/la-ngu/admin/areas/<first area>", "/t/la-ngu/admin/areas", (main) =>
    main.locator('a[href^="/t/la-ngu/admin/areas/"]'),
  ),
];

const PLATFORM_ADMIN: Visit[] = [
  open("/admin"),
  open("/admin?province=91"),
  open("/admin?province=91&district=9105"),
];

const MEMBER: Visit[] = [open("/t/la-ngu/admin/settings", 403)];

/** A name usable in a file name. */
const fileName = (s: string) =>
  s
    .replace(/^\//, "")
    .replace(/[^a-z0-9]+/gi, "-")
    .replace(/^-|-$/g, "") || "home";

/** Switches the interface language the way the header link does. */
async function switchLanguage(lang: Lang) {
  const res = await page.goto(`${server.url}/lang?to=${lang}&back=/`);
  assert.equal(res?.status(), 200);
  assert.equal(await page.locator("html").getAttribute("lang"), lang);
}

/** Logs in through the login form; throws unless the header then shows the account link. */
async function logIn(username: string) {
  await page.goto(server.url + "/login");
  await page.locator("#f-identifier").fill(username);
  await page.locator("#f-password").fill("tambon-demo");
  const res = await navigation(() => page.getByRole("main").locator("button[type=submit]").click());
  assert.equal(res.status(), 303, `log in of ${username}`);
  await page.getByRole("banner").locator('a[href="/account"]').waitFor();
}

/** Declares one suite: as `who`, in each language, every visit passes axe with no violation. */
function checkPages(who: string, username: string | null, visits: Visit[]) {
  describe(`as ${who}`, () => {
    before(async () => {
      await browser.context.clearCookies();
      if (username) await logIn(username);
    });
    for (const lang of ["th", "en"] as const) {
      describe(`in ${lang === "th" ? "Thai" : "English"}`, () => {
        before(() => switchLanguage(lang));
        for (const visit of visits) {
          test(`${visit.name} has no WCAG 2.1 A/AA violations`, async () => {
            const res = await visit.open(page);
            assert.equal(res?.status(), visit.status, `HTTP status of ${visit.name}`);
            assert.equal(await page.locator("html").getAttribute("lang"), lang);
            const violations = await axeViolations(page);
            await page.setViewportSize(VIEWPORTS.phone);
            await page.screenshot({
              path: path.join(
                SCREENSHOT_DIR,
                "pages",
                `${fileName(who)}-${fileName(visit.name)}-${lang}-phone.png`,
              ),
              fullPage: true,
            });
            await page.setViewportSize(VIEWPORTS.desktop);
            assert.deepEqual(
              violations,
              [],
              describeViolations(`${visit.name} (${who}, ${lang})`, violations),
            );
          });
        }
      });
    }
  });
}

describe("every page of the foundation passes axe (WCAG 2.1 A and AA)", () => {
  before(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  checkPages("an anonymous visitor", null, ANONYMOUS);
  checkPages("langu-admin", "langu-admin", TAMBON_ADMIN);
  checkPages("the platform admin", "admin", PLATFORM_ADMIN);
  checkPages("langu-member", "langu-member", MEMBER);
});
