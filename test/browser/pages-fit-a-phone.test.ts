import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium, type Page } from "playwright-core";
import { chromiumPath, screenshots, startBrowserRun, type BrowserRun } from "../helpers/browser.ts";

/**
 * The main pages at the width of a small phone (360 px): nothing scrolls sideways, every tap
 * target is at least 44 × 44 px (WCAG 2.5.5), and the menu is folded behind one button that opens
 * without JavaScript.
 *
 * The tap-target rule: every visible link, button, summary and form control counts, with a check
 * box or radio button measured together with its label (a tap on the label ticks it). Exempt, as
 * WCAG 2.5.5 allows, are links inside running text: a link whose nearest block (paragraph, list
 * item, table cell) holds other text besides it.
 */

const PHONE = { width: 360, height: 740 };
const TAMBON = "/t/la-ngu";

/**
 * What is wrong with the page at the phone's width: sideways scroll and small targets. (A string,
 * so that it runs in the page as written, without the compiler's helpers.)
 */
const PHONE_PROBLEMS = `(() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth)
    out.push("scrolls sideways: " + doc.scrollWidth + " px wide in " + doc.clientWidth + " px");
  const isInline = (el) => getComputedStyle(el).display.startsWith("inline");
  const inRunningText = (a) => {
    let block = a.parentElement;
    while (block && isInline(block)) block = block.parentElement;
    if (!block) return false;
    const all = (block.textContent || "").replace(/\\s+/g, "");
    const own = (a.textContent || "").replace(/\\s+/g, "");
    return all.length > own.length;
  };
  const name = (el) => {
    const text = (el.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 40);
    const label = el.getAttribute("aria-label") || el.getAttribute("name") || "";
    return "<" + el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "> " + (text || label);
  };
  const targets = document.querySelectorAll(
    "a[href], button, summary, select, textarea, input:not([type=hidden])",
  );
  for (const el of targets) {
    const r = el.getBoundingClientRect();
    // Not shown: in a closed <details>, display:none, visually hidden, or off the screen.
    if (r.width <= 1 || r.height <= 1 || r.right <= 0 || r.bottom <= 0) continue;
    if (getComputedStyle(el).visibility === "hidden") continue;
    if (el.tagName === "A" && inRunningText(el)) continue;
    let { left, right, top, bottom } = r;
    if (el.tagName === "INPUT" && (el.type === "checkbox" || el.type === "radio"))
      for (const label of el.labels || []) {
        const l = label.getBoundingClientRect();
        // The label counts when it touches the box (one target, not two apart).
        if (l.left <= right + 8 && l.right >= left - 8 && l.top <= bottom && l.bottom >= top) {
          left = Math.min(left, l.left);
          right = Math.max(right, l.right);
          top = Math.min(top, l.top);
          bottom = Math.max(bottom, l.bottom);
        }
      }
    const w = right - left;
    const h = bottom - top;
    if (w < 43.5 || h < 43.5)
      out.push("tap target " + Math.round(w) + "x" + Math.round(h) + " px: " + name(el));
  }
  return out;
})()`;

/** What is wrong with the page at the phone's width. */
function phoneProblems(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(PHONE_PROBLEMS);
}

describe("the main pages fit a phone", () => {
  let run: BrowserRun;
  let page: Page;
  let base = "";
  /** The pages, found by following links of the demo (their ids are not fixed). */
  const pages: string[] = [];

  before(async () => {
    run = await startBrowserRun({ viewport: PHONE });
    page = run.page;
    // Some pages (a plan, the community figures) take a while on a busy machine.
    page.setDefaultTimeout(60_000);
    base = run.server.url;
  });
  after(() => run?.close());

  /** The first link of the main content on `from` whose address matches `re`. */
  async function firstLink(from: string, re: RegExp): Promise<string> {
    await page.goto(base + from);
    const hrefs = await page
      .getByRole("main")
      .locator("a[href]")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.find((h) => re.test(h));
    assert.ok(href, `no link matching ${re} on ${from}`);
    return href.replace(base, "");
  }

  test("signed in as the tambon's admin, no main page scrolls sideways or has a small target", async (t) => {
    await run.logIn("langu-admin");
    const question = await firstLink(`${TAMBON}/decisions`, /\/decisions\/\d+$/);
    pages.push(
      TAMBON,
      `${TAMBON}/news`,
      await firstLink(`${TAMBON}/news`, /\/news\/\d+/),
      `${TAMBON}/decisions`,
      question,
      `${TAMBON}/charter`,
      `${TAMBON}/meetings`,
      await firstLink(`${TAMBON}/meetings`, /\/meetings\/\d+$/),
      `${TAMBON}/partners`,
      `${TAMBON}/plans`,
      `${TAMBON}/community`,
      `${TAMBON}/admin`,
    );
    // A question open for voting has a ballot; a closed one has results.
    for (let id = 1; id <= 12; id++) {
      const ballot = await page.goto(`${base}${TAMBON}/decisions/${id}/ballot`);
      if (ballot?.status() === 200 && (await page.locator("form select").count())) {
        pages.push(`${TAMBON}/decisions/${id}/ballot`);
        break;
      }
    }
    for (let id = 1; id <= 12; id++) {
      const results = await page.goto(`${base}${TAMBON}/decisions/${id}/results`);
      if (results?.status() === 200 && (await page.locator("main table").count())) {
        pages.push(`${TAMBON}/decisions/${id}/results`);
        break;
      }
    }
    assert.ok(
      pages.some((p) => p.endsWith("/ballot")),
      "a ballot was found",
    );
    assert.ok(
      pages.some((p) => p.endsWith("/results")),
      "results were found",
    );

    const problems: string[] = [];
    for (const url of pages) {
      const res = await page.goto(base + url);
      assert.equal(res?.status(), 200, url);
      if (url.endsWith("/ballot")) await page.locator(".ballot-board").waitFor();
      for (const p of await phoneProblems(page)) problems.push(`${url}: ${p}`);
      await screenshots(
        page,
        `phone/${url.replace(/^\/t\/la-ngu\/?/, "").replace(/\W+/g, "-") || "home"}`,
      );
    }
    t.diagnostic(`checked at 360 px: ${pages.join(", ")}`);
    assert.deepEqual(problems, []);
  });

  test("as a village representative, a health volunteer and a visitor, their main pages fit too", async (t) => {
    const byRole: [login: string | null, pages: string[]][] = [
      [
        "langu-rep",
        [
          "/account",
          `${TAMBON}/delegations`,
          `${TAMBON}/notifications`,
          `${TAMBON}/villages`,
          `${TAMBON}/corner`,
        ],
      ],
      ["langu-osm", [`${TAMBON}/community`, `${TAMBON}/community/households`]],
      [
        null,
        [
          TAMBON,
          "/login",
          `${TAMBON}/signup`,
          `${TAMBON}/search?q=${encodeURIComponent("สุขภาพ")}`,
          `${TAMBON}/complaints`,
          `${TAMBON}/stats`,
        ],
      ],
    ];
    const problems: string[] = [];
    for (const [login, urls] of byRole) {
      if (login) await run.logIn(login);
      else await page.context().clearCookies();
      const who = login ?? "anonymous";
      for (const url of urls) {
        const res = await page.goto(base + url);
        assert.equal(res?.status(), 200, `${who} ${url}`);
        for (const p of await phoneProblems(page)) problems.push(`${who} ${url}: ${p}`);
      }
      t.diagnostic(`checked at 360 px as ${who}: ${urls.join(", ")}`);
    }
    assert.deepEqual(problems, []);
  });

  test("an album's card shows its title under its cover, inside the card, on a phone and a desktop", async () => {
    const cards = () =>
      page.locator(".album-grid > li").evaluateAll((lis) =>
        lis.map((li) => {
          const card = li.getBoundingClientRect();
          const cover = li.querySelector("img")?.getBoundingClientRect();
          const title = li.querySelector("a > span")?.getBoundingClientRect();
          return {
            text: li.textContent?.trim() ?? "",
            inside: !!title && title.left >= card.left - 1 && title.right <= card.right + 1,
            below: !!cover && !!title && title.top >= cover.bottom - 1,
          };
        }),
      );
    try {
      for (const width of [PHONE.width, 1280]) {
        await page.setViewportSize({ ...PHONE, width });
        for (const url of [TAMBON, `${TAMBON}/galleries`]) {
          await page.goto(base + url);
          const found = await cards();
          assert.ok(found.length > 0, `the demo shows albums on ${url}`);
          for (const c of found)
            assert.deepEqual(
              [c.inside, c.below],
              [true, true],
              `"${c.text}" at ${width} px on ${url}`,
            );
        }
      }
    } finally {
      await page.setViewportSize(PHONE);
    }
  });

  test("the menu is one button on a phone, opens without JavaScript and shows whole on a desktop", async () => {
    // A second Chromium, its page with JavaScript turned off.
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const p = await context.newPage();
    try {
      await p.goto(base + TAMBON);
      const nav = p.getByRole("navigation", { name: "เมนู" });
      const button = nav.locator("summary").first();
      await button.waitFor();
      assert.equal(await button.innerText(), "เมนู");
      const villages = nav.getByRole("link", { name: "หมู่บ้าน", exact: true });
      assert.equal(await villages.isVisible(), false, "the menu starts folded");
      const header = await p.getByRole("banner").boundingBox();
      assert.ok(header && header.height < 200, `the header is ${header?.height} px tall`);
      await button.click();
      await villages.waitFor({ state: "visible" });
      const box = await villages.boundingBox();
      assert.ok(box && box.height >= 44, "a menu entry is a full tap target");
      await Promise.all([p.waitForURL(/\/villages$/), villages.click()]);

      await p.setViewportSize({ width: 1280, height: 800 });
      await p.goto(base + TAMBON);
      assert.equal(await button.isVisible(), false, "no menu button on a desktop");
      await nav.getByRole("link", { name: "หมู่บ้าน", exact: true }).waitFor({ state: "visible" });
    } finally {
      await browser.close();
    }
  });
});
