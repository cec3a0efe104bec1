import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  axeViolations,
  describeViolations,
  screenshots,
  startBrowserRun,
  type BrowserRun,
} from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";

const TITLE = "ติดตั้งถังขยะแยกประเภทที่ตลาดนัด";

describe("three residents delegate in a chain, the last votes, then one votes herself", () => {
  let run: BrowserRun;
  let server: TestServer;
  let page: Page;
  let questionUrl = "";
  const pagesToCheck: string[] = [];

  before(async () => {
    run = await startBrowserRun();
    ({ server, page } = run);
  });
  after(() => run?.close());

  const loginAs = (username: string) => run.logIn(username);

  async function delegateTo(label: string) {
    await page.goto(`${questionUrl}`);
    await page.getByRole("link", { name: "มอบสิทธิ์" }).click();
    // The trustee is found by name (the server lists who matches), not in a 150-name dropdown.
    const search = page.getByRole("search", { name: "ค้นหาผู้รับมอบ" });
    await search.getByLabel("ค้นหาผู้รับมอบ").fill(label.split(" (")[0]!);
    await Promise.all([
      page.waitForURL(/[?&]who=/),
      search.getByRole("button", { name: "ค้นหา" }).click(),
    ]);
    const form = page.getByRole("form", { name: "มอบสิทธิ์" });
    const preselected = await form.getByLabel("ขอบเขต").inputValue();
    assert.equal(
      preselected,
      `question:${questionUrl.split("/").pop()}`,
      "the question is preselected",
    );
    await form.getByRole("radio", { name: label }).check();
    await form.getByRole("button", { name: "มอบสิทธิ์" }).click();
    await page.getByRole("status").filter({ hasText: "บันทึกการมอบสิทธิ์แล้ว" }).waitFor();
  }

  async function vote(column: "เห็นด้วย" | "ไม่เห็นด้วย") {
    await page.goto(questionUrl);
    await page
      .getByRole("link", { name: /ลงคะแนน|ท่านลงคะแนนแล้ว/ })
      .first()
      .click();
    // The script turns the selects into approve / abstain / disapprove lists with buttons.
    const item = page.locator(".ballot-board li").filter({ hasText: "ทุกหมู่บ้านวางถังสามสี" });
    await item.getByRole("button", { name: column, exact: true }).click();
    const list = column === "เห็นด้วย" ? "เห็นด้วย (เรียงจากชอบที่สุด)" : "ไม่เห็นด้วย";
    await page
      .getByRole("list", { name: list, exact: true })
      .getByText("ทุกหมู่บ้านวางถังสามสี")
      .waitFor();
    await screenshots(page, `decisions/ballot-${column === "เห็นด้วย" ? "approve" : "disapprove"}`);
    await page.getByRole("button", { name: "ลงคะแนน" }).click();
    await page.getByRole("status").filter({ hasText: "บันทึกบัตรลงคะแนนแล้ว" }).waitFor();
  }

  test("an admin opens a quick poll from a phone-sized screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await loginAs("langu-admin");
    await page.goto(`${server.url}/t/la-ngu/decisions`);
    await page.getByRole("link", { name: "เสนอเรื่องใหม่" }).click();
    await page.getByLabel("หัวข้อเรื่อง").fill(TITLE);
    await page.getByLabel("ประเด็น").selectOption({ index: 2 });
    await page.getByLabel("สำรวจความเห็นด่วน (เริ่มลงคะแนนทันที)").check();
    await page.getByLabel("ชื่อข้อเสนอ").fill("ทุกหมู่บ้านวางถังสามสี");
    await page
      .getByRole("textbox", { name: /^รายละเอียด/ })
      .fill("ถังสีเขียว เหลือง และน้ำเงิน\n\n- เก็บทุก**วันพุธ**");
    await page.getByRole("button", { name: "สร้าง" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    questionUrl = page.url();
    assert.match(questionUrl, /\/t\/la-ngu\/decisions\/\d+$/);
    await screenshots(page, "decisions/question-voting");
    pagesToCheck.push(
      questionUrl,
      `${server.url}/t/la-ngu/decisions`,
      `${server.url}/t/la-ngu/decisions/new`,
    );
  });

  test("A delegates to B and B to C; C votes; A sees where her vote goes", async () => {
    await loginAs("langu-member");
    await delegateTo("อสม. ละงู (สาธิต)");
    await loginAs("langu-osm");
    await delegateTo("ตัวแทนหมู่บ้าน ละงู (สาธิต)");
    await loginAs("langu-rep");
    await vote("เห็นด้วย");
    await loginAs("langu-member");
    await page.goto(`${server.url}/t/la-ngu/delegations`);
    const preview = page.locator("ul.previews > li").filter({ hasText: TITLE });
    await preview
      .filter({ hasText: "สมาชิก ละงู (สาธิต) → อสม. ละงู (สาธิต) → ตัวแทนหมู่บ้าน ละงู (สาธิต)" })
      .waitFor();
    assert.match((await preview.first().textContent()) ?? "", /ถึงผู้ที่ลงคะแนนแล้ว/);
    await screenshots(page, "decisions/delegations");
    pagesToCheck.push(`${server.url}/t/la-ngu/delegations`, `${questionUrl}/ballot`);
  });

  test("B votes herself; after closing, the results show the weights and chains that follow", async () => {
    await loginAs("langu-osm");
    await vote("ไม่เห็นด้วย");
    await loginAs("langu-admin");
    await page.goto(questionUrl);
    // Closing a running vote asks first, on a page of its own.
    await page.getByRole("link", { name: "ไปขั้นถัดไปทันที" }).click();
    await page.getByRole("heading", { name: "ไปขั้นถัดไปทันที?" }).waitFor();
    await page.getByRole("button", { name: "ยืนยัน ไปขั้นถัดไป" }).click();
    await page.getByRole("link", { name: "ผลการลงคะแนน" }).click();
    const main = page.getByRole("main");
    await main.getByText("อสม. ละงู (สาธิต): 2").waitFor();
    await main.getByText("ตัวแทนหมู่บ้าน ละงู (สาธิต): 1").waitFor();
    await main.getByText("สมาชิก ละงู (สาธิต) → อสม. ละงู (สาธิต)", { exact: true }).waitFor();
    assert.equal((await main.locator("svg").count()) > 0, true, "server-rendered chart");
    await screenshots(page, "decisions/results");
    pagesToCheck.push(
      page.url(),
      `${server.url}/t/la-ngu/admin/decision-policies`,
      `${server.url}/t/la-ngu/notifications`,
    );
  });

  test("every decisions page passes axe, in Thai and in English", async () => {
    const alt = await page
      .goto(questionUrl)
      .then(() =>
        page.getByRole("heading", { level: 3 }).getByRole("link").first().getAttribute("href"),
      );
    pagesToCheck.push(`${server.url}${alt}`);
    for (const lang of ["th", "en"]) {
      await page.goto(`${server.url}/lang?to=${lang}&back=/`);
      for (const url of pagesToCheck) {
        await page.goto(url);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, describeViolations(`${url} (${lang})`, violations));
      }
    }
  });
});
