import { describe, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  VIEWPORTS,
  axeViolations,
  fillDate,
  describeViolations,
  journeySteps,
  screenshots,
  sidewaysScroll,
  startBrowserRun,
  type BrowserRun,
} from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";
import { todayIso } from "../../src/core/dates.ts";

const SHOTS = "groups";

describe("a facilitator records an assembly of 18 villages × 5 representatives on a phone", () => {
  let run: BrowserRun;
  let server: TestServer;
  let page: Page;
  let meetingUrl = "";
  const nominees: string[] = [];

  before(async () => {
    run = await startBrowserRun({ viewport: VIEWPORTS.phone });
    ({ server, page } = run);
  });
  after(() => run?.close());

  /** One step of the journey, run only while every earlier step passed. */
  const step = journeySteps();

  /** Clicks and waits for the page that the click loads. */
  async function submit(click: () => Promise<void>) {
    await Promise.all([page.waitForLoadState("load"), page.waitForNavigation(), click()]);
  }

  /** Fails with a readable list when axe finds WCAG 2.1 A/AA violations; also checks reflow. */
  async function accessible(where: string) {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(where, violations));
    const overflow = await sidewaysScroll(page);
    assert.equal(overflow, 0, `${where} scrolls sideways by ${overflow}px`);
  }

  step("the facilitator logs in on a phone", async () => {
    await run.logIn("langu-facilitator");
  });

  step(
    "schedules today's village assembly, which takes La-ngu's quorum of 5 per village",
    async () => {
      await page.goto(server.url + "/t/la-ngu/admin/meetings/new");
      await accessible("new meeting form");
      await page.locator("#f-kind").selectOption("village_assembly");
      await page.locator("#f-titleTh").fill("ประชุมตัวแทน 18 หมู่บ้าน เห็นชอบคณะทำงานกลาง");
      await fillDate(page, "date", todayIso());
      await page.locator("#f-startTime").fill("09:00");
      await page.locator("#f-endTime").fill("12:00");
      await page.locator("#f-place").fill("หอประชุม อบต.ละงู");
      await submit(() =>
        page
          .getByRole("main")
          .locator("form[aria-label='นัดประชุม/จัดเวทีใหม่'] button[type=submit]")
          .click(),
      );
      assert.match(page.url(), /\/admin\/meetings\/\d+$/);
      meetingUrl = page.url();
      await page.getByText("บันทึกการประชุมแล้ว").waitFor();
      await accessible("meeting hub");
      await screenshots(page, `${SHOTS}/meeting-hub`);
    },
  );

  step(
    "records the sign-in sheets of the 18 villages; the quorum turns green at the last one",
    async () => {
      await submit(() => page.getByRole("main").getByRole("link", { name: "บันทึกผู้เข้าร่วม" }).click());
      const status = page.locator("#quorum");
      assert.match((await status.getAttribute("class")) ?? "", /gm-quorum-short/);
      await accessible("attendance page");
      await screenshots(page, `${SHOTS}/attendance-empty`);
      const options = await page
        .locator("#f-sheet-village option")
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      assert.equal(options.length, 18);
      for (const [i, value] of options.entries()) {
        await page.locator("#f-sheet-village").selectOption(value);
        await submit(() => page.getByRole("button", { name: "เปิดใบลงชื่อ" }).click());
        const boxes = page.locator("fieldset.gm-sheet input[name=people]:not([disabled])");
        assert.ok((await boxes.count()) >= 5, `village ${i + 1} has its representatives`);
        for (let k = 0; k < 5; k++) await boxes.nth(k).check();
        if (i === 2) {
          const labels = await page.locator("fieldset.gm-sheet label").allInnerTexts();
          nominees.push(labels[0]!.trim(), labels[1]!.trim());
        }
        await submit(() => page.getByRole("button", { name: "บันทึกผู้ที่ติ๊ก" }).click());
        const cls = (await status.getAttribute("class")) ?? "";
        if (i < 17) assert.match(cls, /gm-quorum-short/, `after village ${i + 1}`);
        else assert.match(cls, /gm-quorum-met/, "after the 18th village");
        if (i === 8) await screenshots(page, `${SHOTS}/attendance-halfway`);
      }
      assert.match(await status.innerText(), /ครบองค์ประชุม/);
      const green = await status.evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(green, "rgb(230, 244, 234)", "the quorum panel is green");
      await accessible("attendance page with a quorum");
      await screenshots(page, `${SHOTS}/attendance-quorum`);
    },
  );

  step("adds a religious leader without an account from the paper sheet", async () => {
    await page.locator("#f-name").fill("โต๊ะอิหม่าม ตัวอย่าง");
    await page.locator("#one #f-villageId").selectOption({ index: 3 });
    await page.locator("#one #f-role").selectOption("religious_leader");
    await submit(() => page.locator("#one button[type=submit]").click());
    await page.getByText("บันทึก โต๊ะอิหม่าม ตัวอย่าง แล้ว", { exact: false }).waitFor();
  });

  step("nominates two representatives and records the resolution that approves them", async () => {
    await page.goto(`${meetingUrl}/minutes`);
    for (const name of nominees) {
      await page.locator("#f-name").fill(name);
      await page.locator("#f-position").selectOption("member");
      await page.locator("#f-pillar").selectOption({ index: 5 });
      await submit(() => page.locator("form[aria-label='เสนอชื่อ'] button[type=submit]").click());
      await page.getByText(`เสนอชื่อ ${name} แล้ว`).waitFor();
    }
    await accessible("minutes page");
    await page.locator("#f-textTh").fill("ที่ประชุมเห็นชอบรายชื่อคณะทำงานกลางตามที่เสนอ");
    const approve = page.locator("form[aria-label='บันทึกมติ'] input[name=approve]");
    assert.equal(await approve.count(), nominees.length);
    for (let i = 0; i < nominees.length; i++) assert.ok(await approve.nth(i).isChecked());
    await submit(() => page.locator("form[aria-label='บันทึกมติ'] button[type=submit]").click());
    await page.getByText("บันทึกมติที่ 1 แล้ว").waitFor();
    assert.match(await page.locator(".gm-resolution").first().innerText(), /ครบองค์ประชุมขณะลงมติ/);
    await screenshots(page, `${SHOTS}/minutes`);
  });

  step("the central working group's page shows the new members from today", async () => {
    await page.goto(server.url + "/t/la-ngu/groups");
    await accessible("groups list");
    await submit(() => page.getByRole("link", { name: "คณะทำงานกลาง (สาธิต)" }).click());
    const current = page.locator("section", { has: page.locator("#h-current") });
    for (const name of nominees) await current.getByText(name).first().waitFor();
    await accessible("group page");
    await screenshots(page, `${SHOTS}/group`);
  });
});
