import { describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { Page } from "playwright-core";
import {
  VIEWPORTS,
  axeViolations,
  describeViolations,
  journeySteps,
  screenshots,
  sidewaysScroll,
  startBrowserRun,
  type BrowserRun,
  type TestBrowser,
} from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";

const TITLE = "อบต.ละงูจัดเวทีประชาคมธรรมนูญสุขภาพตำบล";
const POST = "ชวนปลูกต้นโกงกางที่ปากคลองละงู";

describe("the tambon website, as editors, members and residents use it", () => {
  let run: BrowserRun;
  let server: TestServer;
  let browser: TestBrowser;
  let page: Page;
  const files = mkdtempSync(path.join(tmpdir(), "tambon-site-"));

  before(async () => {
    run = await startBrowserRun();
    ({ server, browser, page } = run);
    for (const [i, color] of ["#2a7", "#a72", "#27a"].entries()) {
      const img = await sharp({
        create: { width: 1024, height: 768, channels: 3, background: color },
      })
        .jpeg()
        .toBuffer();
      writeFileSync(path.join(files, `photo-${i + 1}.jpg`), img);
    }
  });
  after(() => run?.close());

  /** One step of the journey, run only while every earlier step passed. */
  const step = journeySteps();

  /** Runs axe on the current page and saves phone and desktop screenshots under site/. */
  async function check(name: string) {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(name, violations));
    await page.setViewportSize(VIEWPORTS.phone);
    const overflow = await sidewaysScroll(page);
    assert.equal(overflow, 0, `${name} scrolls sideways on a phone`);
    await screenshots(page, `site/${name}`);
    await page.setViewportSize(VIEWPORTS.desktop);
  }

  const logIn = (username: string) => run.logIn(username);

  step(
    "the home page is the website: news, statistics box, menus that open without JavaScript",
    async () => {
      await page.goto(server.url + "/t/la-ngu");
      await assert.doesNotReject(page.getByRole("heading", { name: "ข่าวล่าสุด" }).waitFor());
      const box = page.locator(".stats-box");
      for (const label of ["เปิดเว็บไซต์", "ปรับปรุง", "สถิติผู้เข้าชม", "Page Views"])
        assert.equal(await box.getByText(label, { exact: true }).count(), 1, label);
      await page.locator("summary", { hasText: "เกี่ยวกับเรา" }).click();
      assert.ok(await page.getByRole("link", { name: "ประวัติความเป็นมา" }).isVisible());
      await check("home");
    },
  );

  step("an editor creates an album and uploads photos", async () => {
    await logIn("langu-editor");
    await page.goto(server.url + "/t/la-ngu/admin/site");
    await check("admin-dashboard");
    await page.getByRole("link", { name: "อัลบั้มภาพ" }).click();
    await page.locator("#f-title").fill("เวทีประชาคมธรรมนูญสุขภาพ");
    await Promise.all([
      page.waitForURL(/galleries\/\d+$/),
      page.getByRole("main").locator("form").first().locator("button[type=submit]").click(),
    ]);
    await page
      .locator("#f-photos")
      .setInputFiles([1, 2, 3].map((i) => path.join(files, `photo-${i}.jpg`)));
    await Promise.all([
      page.waitForURL(/galleries\/\d+$/),
      page.locator("form[enctype='multipart/form-data'] button[type=submit]").click(),
    ]);
    assert.equal(await page.locator(".gallery.admin li").count(), 3);
    assert.match(
      await page.locator(".gallery.admin .px").first().innerText(),
      /^1024x768 pixel , [\d,]+ bytes$/,
    );
    await check("admin-album");
  });

  step("the editor publishes news with a cover and the album", async () => {
    await page.goto(server.url + "/t/la-ngu/admin/site/news");
    await page.locator("#f-title").fill(TITLE);
    await page.locator("#f-categoryId").selectOption({ label: "กิจกรรม" });
    await page.locator("#f-summary").fill("ตัวแทน 18 หมู่บ้านร่วมรับรองธรรมนูญสุขภาพ");
    await page.locator("#f-bodyMd").fill("ผู้ก่อการดีเป็น **ข้อต่อ** ระหว่างหมู่บ้าน ผู้นำศาสนา และท้องถิ่น");
    await page.locator("#f-cover").setInputFiles(path.join(files, "photo-1.jpg"));
    await page.locator("#f-albumId").selectOption({ label: "เวทีประชาคมธรรมนูญสุขภาพ" });
    await page.locator("#f-status").selectOption("published");
    await check("admin-news-form");
    await Promise.all([
      page.waitForURL(/admin\/site\/news\/\d+$/),
      page.locator("form[enctype='multipart/form-data'] button[type=submit]").click(),
    ]);
    assert.match(await page.locator(".flash").innerText(), /บันทึกแล้ว/);
  });

  step(
    "a visitor finds it through Thai search and opens the photos, with and without the lightbox",
    async () => {
      await browser.context.clearCookies();
      await page.goto(server.url + "/t/la-ngu");
      await page.locator("#home-q").fill("ธรรมนูญสุขภาพ");
      await Promise.all([page.waitForURL(/search\?q=/), page.locator("#home-q").press("Enter")]);
      assert.match(await page.getByRole("status").innerText(), /พบ \d+ รายการ/);
      assert.ok((await page.locator("mark").count()) > 0, "matches are highlighted");
      await check("search");
      await Promise.all([
        page.waitForURL(/\/news\/\d+-/),
        page.locator(".results a", { hasText: "ประชาคม" }).first().click(),
      ]);
      assert.equal(await page.locator("h1").innerText(), TITLE);
      assert.equal(await page.locator('meta[property="og:title"]').getAttribute("content"), TITLE);
      await check("news");
      await page.locator(".gallery a").first().click();
      const dialog = page.locator("dialog.lightbox");
      await dialog.waitFor();
      assert.ok(await dialog.isVisible(), "the script shows the photo in a lightbox");
      await page.keyboard.press("ArrowRight");
      await dialog.getByRole("button", { name: "ปิด" }).click();
      await page.goto(
        (await page.locator(".gallery a").first().getAttribute("href"))!.replace(/^/, server.url),
      );
      assert.match(await page.locator("figcaption").innerText(), /ภาพที่ 1 จาก 3/);
      await check("photo");
      await page.goto(server.url + "/t/la-ngu/galleries");
      await check("galleries");
    },
  );

  step("a member posts in the corner; an editor approves it; it is shown", async () => {
    await logIn("langu-member");
    await page.goto(server.url + "/t/la-ngu/corner");
    await page.locator("#f-title").fill(POST);
    await page.locator("#f-body").fill("เสาร์นี้ 8 โมงเช้า พบกันที่ท่าเรือ");
    await page.locator("#f-photos").setInputFiles(path.join(files, "photo-2.jpg"));
    await Promise.all([
      page.waitForURL(/\/corner$/),
      page.locator("form[enctype='multipart/form-data'] button[type=submit]").click(),
    ]);
    assert.match(await page.locator(".flash").innerText(), /จะแสดงเมื่อเจ้าหน้าที่ตรวจแล้ว/);
    await check("corner");
    await logIn("langu-editor");
    await page.goto(server.url + "/t/la-ngu/admin/site/corner");
    await check("admin-corner");
    const card = page.locator("article.box", { hasText: POST });
    await Promise.all([
      page.waitForURL(/admin\/site\/corner$/),
      card.getByRole("button", { name: "อนุมัติ" }).click(),
    ]);
    await browser.context.clearCookies();
    await page.goto(server.url + "/t/la-ngu/corner");
    await page.getByRole("link", { name: POST }).click();
    assert.equal(await page.locator("h1").innerText(), POST);
    await check("post");
  });

  step("a resident files a complaint and follows it by its code", async () => {
    await browser.context.clearCookies();
    await page.goto(server.url + "/t/la-ngu/complaints");
    await page.locator("#f-subject").fill("น้ำประปาไม่ไหล");
    await page.locator("#f-details").fill("หมู่ 5 น้ำไม่ไหลมาสามวัน");
    await page.locator("#f-location").fill("หมู่ 5");
    await check("complaints");
    await Promise.all([
      page.waitForURL(/complaints\/track\?code=/),
      page.locator("form[enctype='multipart/form-data'] button[type=submit]").click(),
    ]);
    const code = new URL(page.url()).searchParams.get("code")!;
    assert.match(code, /^RT-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.match(await page.locator(".flash").innerText(), new RegExp(code));
    await check("track");
    await page.goto(server.url + "/t/la-ngu/complaints");
    await page.locator("#track-code").fill(code.toLowerCase());
    await Promise.all([page.waitForURL(/track/), page.locator("#track-code").press("Enter")]);
    assert.match(await page.locator("h2").first().innerText(), /น้ำประปาไม่ไหล/);
    assert.match(await page.getByText("รับเรื่องแล้ว").first().innerText(), /รับเรื่องแล้ว/);
  });

  step("every other public and admin page of the site passes axe", async () => {
    for (const [name, url] of [
      ["news-list", "/t/la-ngu/news"],
      ["page", "/t/la-ngu/pages/1"],
      ["documents", "/t/la-ngu/documents"],
      ["jobs", "/t/la-ngu/jobs"],
      ["stats", "/t/la-ngu/stats"],
      ["transparency", "/t/la-ngu/transparency"],
    ]) {
      await page.goto(server.url + url!);
      await check(name!);
    }
    await logIn("langu-admin");
    for (const [name, url] of [
      ["admin-pages", "/t/la-ngu/admin/site/pages"],
      ["admin-menu", "/t/la-ngu/admin/site/menu"],
      ["admin-news", "/t/la-ngu/admin/site/news"],
      ["admin-galleries", "/t/la-ngu/admin/site/galleries"],
      ["admin-documents", "/t/la-ngu/admin/site/documents"],
      ["admin-jobs", "/t/la-ngu/admin/site/jobs"],
      ["admin-complaints", "/t/la-ngu/admin/site/complaints"],
      ["admin-transparency", "/t/la-ngu/admin/site/transparency"],
      ["admin-settings", "/t/la-ngu/admin/site/settings"],
    ]) {
      await page.goto(server.url + url!);
      await check(name!);
    }
    await page
      .locator("table a")
      .first()
      .click()
      .catch(() => {});
    await page.goto(server.url + "/t/la-ngu/admin/site/complaints");
    await page.locator("table a").first().click();
    await page.waitForURL(/complaints\/\d+$/);
    await check("admin-complaint");
  });
});
