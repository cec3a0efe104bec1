import { describe, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  axeViolations,
  describeViolations,
  fillDate,
  journeySteps,
  screenshots,
  startBrowserRun,
  type BrowserRun,
  type TestBrowser,
} from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";

const GROUP = "กลุ่มออกกำลังกายผู้สูงอายุบ้านหมู่ที่ 3";
const PILLAR = /^ภาคประชาชน/;

/** A date `days` from now as YYYY-MM-DD (Bangkok). */
function inDays(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }).format(
    new Date(Date.now() + days * 86400_000),
  );
}

describe("a facilitator registers a partner group, the admin places it in a pillar, and another tambon's visit is accepted", () => {
  let run: BrowserRun;
  let server: TestServer;
  let browser: TestBrowser;
  let page: Page;

  before(async () => {
    run = await startBrowserRun();
    ({ server, browser, page } = run);
  });
  after(() => run?.close());

  const step = journeySteps();
  const logIn = (username: string) => run.logIn(username);

  async function noAxeViolations(where: string) {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(where, violations));
  }

  const main = () => page.getByRole("main");

  step("La-ngu's facilitator opens the partner directory and the registration form", async () => {
    await logIn("langu-facilitator");
    await page.goto(server.url + "/t/la-ngu/network");
    await page
      .getByRole("navigation", { name: "หน้าของภาคีเครือข่าย" })
      .getByRole("link", { name: "ภาคี", exact: true })
      .click();
    await page.waitForURL(/\/t\/la-ngu\/partners$/);
    await main().getByRole("link", { name: "ลงทะเบียนภาคี" }).click();
    await page.waitForURL(/\/t\/la-ngu\/admin\/network\/partners\/new$/);
    await main().getByRole("heading", { level: 1, name: "ลงทะเบียนภาคี" }).waitFor();
    assert.equal(await page.locator("#f-pillarId").count(), 0, "a facilitator sets no pillar");
    await main().getByText("ผู้ดูแลระบบหรือคณะทำงานกลางจะจัดภาคีเข้าเสาหลัก").waitFor();
  });

  step(
    "a wrong phone number is explained next to the field and nothing typed is lost",
    async () => {
      await page.getByLabel("ชื่อภาคี (ไทย)").fill(GROUP);
      await page.getByLabel("ประเภท").selectOption({ label: "กลุ่ม" });
      await page.getByLabel("ภาคส่วน").selectOption({ label: "ชุมชนและประชาสังคม" });
      await page.getByLabel("หมู่ที่ 3", { exact: true }).check();
      await page.getByLabel("สุขภาพกาย/ใจ").check();
      await page.getByLabel("ชื่อผู้ประสานงาน").fill("ประธานกลุ่ม");
      await page.getByLabel("โทรศัพท์").fill("12345");
      await main().getByRole("button", { name: "บันทึก" }).click();
      const error = page.locator("#f-contactPhone-err");
      await error.waitFor();
      assert.match((await error.textContent()) ?? "", /เบอร์โทรศัพท์ต้องเป็นตัวเลข/);
      assert.equal(await page.locator("#f-contactPhone").getAttribute("aria-invalid"), "true");
      assert.equal(await page.getByLabel("ชื่อภาคี (ไทย)").inputValue(), GROUP);
      assert.equal(await page.getByLabel("หมู่ที่ 3", { exact: true }).isChecked(), true);
      assert.equal(await page.getByLabel("สุขภาพกาย/ใจ").isChecked(), true);
      assert.equal(
        await page.getByLabel("ภาคส่วน").locator("option:checked").textContent(),
        "ชุมชนและประชาสังคม",
      );
      await noAxeViolations("the partner form with an error");
      await screenshots(page, "network/journey-partner-form-error");
    },
  );

  step(
    "after the fix the partner is registered and listed in village 3, without a pillar",
    async () => {
      await page.getByLabel("โทรศัพท์").fill("081-234-5678");
      await main().getByRole("button", { name: "บันทึก" }).click();
      await page.waitForURL(/\/t\/la-ngu\/admin\/network\/partners$/);
      await page
        .getByRole("status")
        .filter({ hasText: `บันทึกภาคี ${GROUP} แล้ว` })
        .first()
        .waitFor();
      await page.goto(server.url + "/t/la-ngu/partners");
      const village3 = await page
        .getByLabel("หมู่บ้านที่ทำงาน")
        .locator("option", { hasText: /^หมู่ที่ 3 / })
        .getAttribute("value");
      await page.goto(`${server.url}/t/la-ngu/partners?village=${village3}`);
      const card = main().locator(".cards li", { hasText: GROUP });
      await card.waitFor();
      assert.equal(await card.getByText("เสาหลัก:").count(), 0);
      await card.getByRole("link", { name: GROUP }).click();
      await main().getByRole("heading", { level: 1, name: GROUP }).waitFor();
      await main().getByText("0812345678").waitFor();
      await screenshots(page, "network/journey-partner-page");
    },
  );

  step("La-ngu's admin places the group in the people's pillar", async () => {
    await logIn("langu-admin");
    await page.goto(server.url + "/t/la-ngu/admin/network");
    await main().getByRole("link", { name: "ภาคี", exact: true }).click();
    await main().getByRole("link", { name: GROUP }).click();
    const pillar = page.getByLabel("เสาหลัก");
    const option = pillar.locator("option", { hasText: PILLAR });
    await pillar.selectOption((await option.getAttribute("value"))!);
    await main().getByRole("button", { name: "บันทึก" }).click();
    await page.waitForURL(/\/t\/la-ngu\/admin\/network\/partners$/);
    await page.goto(server.url + "/t/la-ngu/pillars");
    const card = main().locator(".cards > li", {
      has: page.getByRole("heading", { level: 2, name: /ภาคประชาชน/ }),
    });
    await card.getByRole("link", { name: GROUP }).waitFor();
    await main().getByRole("heading", { name: "ข้อตกลงร่วม (พื้นที่กลาง)" }).waitFor();
    await noAxeViolations("the pillars page");
    await screenshots(page, "network/journey-pillars");
  });

  let centreUrl = "";
  step(
    "Lom Raet's admin asks, on behalf of Lom Raet, to visit La-ngu's learning centre",
    async () => {
      await logIn("lomraet-admin");
      await page.goto(server.url + "/t/la-ngu/centres");
      await main().getByRole("link", { name: "ศูนย์เรียนรู้ธรรมนูญสุขภาพตำบลละงู (สาธิต)" }).click();
      centreUrl = page.url();
      await main().getByRole("link", { name: "ขอดูงานในนาม เทศบาลตำบลล้อมแรด" }).click();
      await page.waitForURL(/\/t\/lom-raet\/admin\/network\/outgoing\/new\?centre=\d+$/);
      const chosen = page.getByLabel("ศูนย์เรียนรู้").locator("option:checked");
      assert.equal(await chosen.textContent(), "ศูนย์เรียนรู้ธรรมนูญสุขภาพตำบลละงู (สาธิต)");
      await page.getByLabel("คณะที่มา").fill("คณะทำงานกลาง");
      await fillDate(page, "requestedOn", inDays(-3));
      await page.getByLabel("จำนวนผู้มาดูงาน (คน)").fill("25");
      await page.getByLabel("เรื่องที่อยากเรียนรู้").fill("การจัดทำธรรมนูญสุขภาพและกลไกผู้ก่อการดี");
      await main().getByRole("button", { name: "ส่งคำขอ" }).click();
      await page.locator("#f-requestedOn-err").filter({ hasText: "ผ่านมาแล้ว" }).waitFor();
      await fillDate(page, "requestedOn", inDays(30));
      await main().getByRole("button", { name: "ส่งคำขอ" }).click();
      await page.waitForURL(/\/t\/lom-raet\/admin\/network\/outgoing$/);
      const card = main().locator(".cards li", { hasText: "ศูนย์เรียนรู้ธรรมนูญสุขภาพตำบลละงู" });
      await card.getByText("รอการตอบรับ").waitFor();
      await noAxeViolations("Lom Raet's requests");
      await screenshots(page, "network/journey-outgoing-requested");
    },
  );

  step("La-ngu's admin sees the request waiting and accepts it", async () => {
    await logIn("langu-admin");
    await page.goto(server.url + "/t/la-ngu/admin/network");
    await main().getByText("รอดำเนินการ 1 รายการ").waitFor();
    await main().getByRole("link", { name: "คำขอมาดูงานที่ตำบลเรา" }).click();
    await main()
      .getByRole("link", { name: /เทศบาลตำบลล้อมแรด · คณะทำงานกลาง/ })
      .click();
    await main().getByText("ยื่นโดย เทศบาลตำบลล้อมแรด").waitFor();
    await page.getByLabel("ตอบรับตามวันที่ขอ").check();
    await page.getByLabel("ข้อความจากเจ้าภาพ").fill("ยินดีต้อนรับ พบกันที่ อบต.");
    await main().getByRole("button", { name: "ส่งคำตอบ" }).click();
    await page.getByRole("status").filter({ hasText: "ตอบรับการดูงานแล้ว" }).waitFor();
    await main().locator(".badge", { hasText: "ตอบรับแล้ว" }).waitFor();
    await noAxeViolations("the accepted request");
    await screenshots(page, "network/journey-visit-accepted");
  });

  step(
    "Lom Raet sees the answer; after the visit La-ngu records it and the centre counts it",
    async () => {
      await logIn("lomraet-admin");
      await page.goto(server.url + "/t/lom-raet/admin/network/outgoing");
      const card = main().locator(".cards li", { hasText: "ศูนย์เรียนรู้ธรรมนูญสุขภาพตำบลละงู" });
      await card.getByText("ตอบรับแล้ว").waitFor();
      await card.getByText("ยินดีต้อนรับ พบกันที่ อบต.").waitFor();

      await browser.context.clearCookies();
      await page.goto(centreUrl);
      const visitsBefore = Number(
        (await main().locator(".stats li").first().locator("strong").textContent())?.trim(),
      );
      await logIn("langu-admin");
      await page.goto(server.url + "/t/la-ngu/admin/network/visits?status=accepted");
      await main()
        .getByRole("link", { name: /เทศบาลตำบลล้อมแรด · คณะทำงานกลาง/ })
        .click();
      await fillDate(page, "visitedOn", inDays(0));
      await page.getByLabel("จำนวนผู้มา (คน)").fill("23");
      await page.getByLabel("สิ่งที่ได้เรียนรู้ (ไทย)").fill("ขั้นตอนการทำธรรมนูญสุขภาพ");
      await main().getByRole("button", { name: "บันทึกผล" }).click();
      await page.getByRole("status").filter({ hasText: "บันทึกผลการดูงานแล้ว" }).waitFor();

      await browser.context.clearCookies();
      await page.goto(centreUrl);
      const visitsAfter = Number(
        (await main().locator(".stats li").first().locator("strong").textContent())?.trim(),
      );
      assert.equal(visitsAfter, visitsBefore + 1);
      await main().getByRole("cell", { name: "ขั้นตอนการทำธรรมนูญสุขภาพ" }).waitFor();
      await screenshots(page, "network/journey-centre-counted");
    },
  );
});
