import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Page } from "playwright-core";
import {
  SCREENSHOT_DIR,
  axeViolations,
  describeViolations,
  screenshots,
  startBrowserRun,
  type BrowserRun,
} from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";
import { recordResolution } from "../helpers/charter-fixtures.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { buddhistYear } from "../../src/core/dates.ts";

const NAME = "ธรรมนูญสุขภาพบ้านริมคลอง (ทดสอบ)";

describe("the working group drafts a charter, a member's suggestion is accepted, the assembly adopts it and the pillars sign", () => {
  let run: BrowserRun;
  let server: TestServer;
  let page: Page;
  let adminUrl = "";
  let publicUrl = "";
  const pagesToCheck: string[] = [];

  before(async () => {
    run = await startBrowserRun();
    ({ server, page } = run);
  });
  after(() => run?.close());

  const loginAs = (username: string) => run.logIn(username);

  /** Loads lazy images before a full-page screenshot. */
  async function loadImages() {
    await page.evaluate("window.scrollTo(0, document.body.scrollHeight)");
    await page.waitForLoadState("networkidle");
    await page.evaluate("window.scrollTo(0, 0)");
  }

  const status = (text: string | RegExp) =>
    page.getByRole("status").filter({ hasText: text }).waitFor();

  test("the working group creates the charter and drafts three chapters, moving a clause", async () => {
    await loginAs("langu-wg");
    await page.goto(`${server.url}/t/la-ngu/admin/charters`);
    const create = page.getByRole("form", { name: "สร้างธรรมนูญใหม่" });
    await create.getByLabel("ชื่อธรรมนูญ (ไทย)").fill(NAME);
    await create.getByRole("button", { name: "สร้างธรรมนูญใหม่" }).click();
    await status("สร้างธรรมนูญและร่างฉบับที่ 1 แล้ว");
    adminUrl = page.url().split("#")[0]!;
    assert.match(adminUrl, /\/admin\/charter-editions\/\d+$/);
    publicUrl = adminUrl.replace("/admin/charter-editions/", "/charter-editions/");

    for (const title of ["สุขภาพกายและใจ", "สิ่งแวดล้อม", "เศรษฐกิจชุมชน"]) {
      const form = page.getByRole("form", { name: "เพิ่มหมวด" });
      await form.getByLabel("ชื่อหมวด").fill(title);
      await form.getByRole("button", { name: "เพิ่มหมวด" }).click();
      await status(/บันทึกเป็นร่างที่/);
    }
    const clauses: [number, string][] = [
      [1, "ทุกหมู่บ้านจัดให้มีลานออกกำลังกาย"],
      [1, "ลดหวาน มัน เค็ม ในงานบุญและงานเลี้ยง"],
      [2, "ทุกครัวเรือนคัดแยกขยะ และงดใช้โฟมในงานบุญ"],
      [2, "ไม่เผาขยะในที่โล่ง"],
      [3, "ส่งเสริมตลาดชุมชนเดือนละครั้ง"],
    ];
    for (const [chapter, text] of clauses) {
      const form = page.getByRole("form", { name: `ข้อใหม่ในหมวด ${chapter}` });
      await form.getByLabel(`ข้อใหม่ในหมวด ${chapter}`).fill(text);
      await form.getByRole("button", { name: "เพิ่มข้อ" }).click();
      await status(/บันทึกเป็นร่างที่/);
    }
    await page.getByRole("button", { name: "ย้ายข้อ 2 ขึ้น" }).click();
    await status(/บันทึกเป็นร่างที่/);
    assert.equal(
      await page.getByLabel("ข้อความข้อ 1").inputValue(),
      "ลดหวาน มัน เค็ม ในงานบุญและงานเลี้ยง",
    );
    assert.equal(await page.getByLabel("ข้อความข้อ 2").inputValue(), "ทุกหมู่บ้านจัดให้มีลานออกกำลังกาย");
    await screenshots(page, "charter/draft-editor");
    pagesToCheck.push(adminUrl, `${server.url}/t/la-ngu/admin/charters`, `${publicUrl}/versions`);
  });

  test("a member suggests new text for a clause; the working group accepts it and the draft changes", async () => {
    await loginAs("langu-member");
    await page.goto(publicUrl);
    await page.getByRole("link", { name: "แสดงความเห็นต่อข้อ 3" }).click();
    const form = page.getByRole("form", { name: "แสดงความคิดเห็นหรือเสนอแนะ" });
    await form.getByLabel("เสนอข้อความใหม่").check();
    await form.getByLabel("ความคิดเห็น / เหตุผล").fill("ควรงดทั้งโฟมและพลาสติกใช้ครั้งเดียว");
    await form
      .getByLabel("ข้อความที่เสนอ (แทนข้อความเดิมทั้งข้อ)")
      .fill("ทุกครัวเรือนคัดแยกขยะ และงดใช้โฟมและพลาสติกใช้ครั้งเดียวในงานบุญ");
    await form.getByRole("button", { name: "ส่งความคิดเห็น" }).click();
    await status("บันทึกความคิดเห็นแล้ว");
    const commentsUrl = page.url().split("#")[0]!;
    await screenshots(page, "charter/suggestion");

    await loginAs("langu-wg");
    await page.goto(commentsUrl);
    await page.getByRole("button", { name: "รับข้อเสนอ (แก้ร่างตามนี้)" }).click();
    await status(/รับข้อเสนอแล้ว บันทึกเป็นร่างที่/);
    await page.getByText("รับแล้ว (ร่างที่").first().waitFor();
    await page.goto(publicUrl);
    await page.getByText("งดใช้โฟมและพลาสติกใช้ครั้งเดียวในงานบุญ").waitFor();
    await page.goto(`${publicUrl}/versions`);
    await page.getByText("ตามข้อเสนอแนะของ สมาชิก ละงู (สาธิต)").waitFor();
    await page
      .getByRole("link", { name: /^เปรียบเทียบ/ })
      .first()
      .click();
    await page.locator(".charter-diff ins").filter({ hasText: "และพลาสติกใช้ครั้งเดียว" }).waitFor();
    await screenshots(page, "charter/diff");
    pagesToCheck.push(commentsUrl, page.url());
  });

  test("the village assembly adopts the edition with its quorum; the text is frozen", async () => {
    const db = server.database.db;
    const [tambon] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    await recordResolution(db, tambon!.id, {
      quorumMet: true,
      text: `รับรอง${NAME}`,
      agenda: `รับรอง${NAME} ฉบับที่ 1 พ.ศ. ${buddhistYear(new Date())}`,
    });
    await page.goto(adminUrl);
    await page.locator("summary", { hasText: "การรับรอง" }).click();
    const form = page.getByRole("form", { name: "รับรองโดยมติที่ประชุมประชาคม" });
    const select = form.getByLabel("มติที่ประชุม");
    const option = select.locator("option", { hasText: `ครบองค์ประชุม · รับรอง${NAME}` });
    await select.selectOption((await option.getAttribute("value"))!);
    // Adopting freezes the text: the form asks for a tick first.
    await form.getByLabel("ยืนยัน (ย้อนกลับไม่ได้)").check();
    await form.getByRole("button", { name: "บันทึกการรับรอง" }).click();
    await status("รับรองแล้ว ฉบับนี้ถูกล็อกไม่ให้แก้ไข");
    assert.equal(
      await page.getByRole("form", { name: "เพิ่มหมวด" }).count(),
      0,
      "no editing once adopted",
    );
  });

  test("signatories of every pillar and a village are recorded with a scan of the signed page", async () => {
    const scanFile = path.join(mkdtempSync(path.join(tmpdir(), "charter-scan-")), "signed.png");
    writeFileSync(
      scanFile,
      await sharp({ create: { width: 600, height: 800, channels: 3, background: "#f4f1e8" } })
        .composite([
          {
            input: Buffer.from(
              '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"><path d="M80 600 q60 -80 120 0 t120 0 t120 0" stroke="#123" stroke-width="6" fill="none"/></svg>',
            ),
          },
        ])
        .png()
        .toBuffer(),
    );
    const pillars: [string, string, string][] = [
      ["ท้องถิ่น (อบต./เทศบาล)", "นายก อบต. ทดสอบ", "นายกองค์การบริหารส่วนตำบล"],
      ["ท้องที่ (กำนัน ผู้ใหญ่บ้าน)", "กำนันทดสอบ", "กำนัน"],
      ["ผู้นำศาสนา", "โต๊ะอิหม่ามทดสอบ", "อิหม่าม"],
      ["หน่วยงานสาธารณสุขและรัฐ (รพ.สต. โรงเรียน)", "ผอ.รพ.สต. ทดสอบ", "ผู้อำนวยการ รพ.สต."],
      ["ภาคประชาชน (อสม. ผู้นำชุมชน กลุ่ม ชมรม)", "ประธาน อสม. ทดสอบ", "ประธาน อสม."],
    ];
    for (const [i, [pillar, name, position]] of pillars.entries()) {
      const form = page.getByRole("form", { name: "บันทึกผู้ลงนาม" });
      await form.getByLabel("ลงนามในนาม").selectOption("pillar");
      await form.getByLabel("เสาหลัก / ภาคส่วน").fill(pillar);
      await form.getByLabel("ชื่อ-นามสกุล").fill(name);
      await form.getByLabel("ตำแหน่ง").fill(position);
      if (i < 2) await form.getByLabel("ภาพถ่ายหรือสแกนหน้าที่ลงนาม").setInputFiles(scanFile);
      await form.getByRole("button", { name: "บันทึกผู้ลงนาม" }).click();
      await status("บันทึกผู้ลงนามแล้ว");
    }
    const form = page.getByRole("form", { name: "บันทึกผู้ลงนาม" });
    await form.getByLabel("ลงนามในนาม").selectOption("village");
    await form.getByLabel("หมู่บ้าน").selectOption({ index: 1 });
    await form.getByLabel("ชื่อ-นามสกุล").fill("ผู้แทนหมู่ 1 ทดสอบ");
    await form.getByRole("button", { name: "บันทึกผู้ลงนาม" }).click();
    await status("บันทึกผู้ลงนามแล้ว");
    assert.equal(await page.getByText("ยังไม่มีผู้ลงนามจากเสาหลัก").count(), 0, "every pillar signed");
    await screenshots(page, "charter/signing");
    rmSync(path.dirname(scanFile), { recursive: true, force: true });
  });

  test("the public page, the print page and the PDF show the Thai text and the signatures", async () => {
    await page.context().clearCookies();
    await page.goto(publicUrl);
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    await page.getByText("รับรองแล้ว").first().waitFor();
    await page.getByRole("img", { name: "หน้าที่ลงนามของ นายก อบต. ทดสอบ" }).waitFor();
    await loadImages();
    await screenshots(page, "charter/public-edition");
    await page.goto(`${publicUrl}/print`);
    await page.getByRole("heading", { name: "หน้าลงนาม" }).waitFor();
    await screenshots(page, "charter/print");
    await page.goto(`${publicUrl}/card`);
    await screenshots(page, "charter/card");
    await page.goto(`${server.url}/t/la-ngu/charter-editions/2/diff?against=previous`);
    await screenshots(page, "charter/demo-diff-against-previous");

    const res = await page.request.get(`${publicUrl}/pdf`);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()["content-type"], "application/pdf");
    const dir = mkdtempSync(path.join(tmpdir(), "charter-pdf-"));
    const pdf = path.join(dir, "charter.pdf");
    writeFileSync(pdf, await res.body());
    execFileSync("pdftoppm", ["-r", "70", "-png", pdf, path.join(dir, "page")]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith(".png"))
      .sort();
    assert.ok(
      pages.length >= 2,
      `the PDF has a text page and a signature page (${pages.length} pages)`,
    );
    mkdirSync(path.join(SCREENSHOT_DIR, "charter"), { recursive: true });
    for (const [i, f] of pages.entries()) {
      assert.ok(statSync(path.join(dir, f)).size > 5_000, `page ${i + 1} is not blank`);
      copyFileSync(
        path.join(dir, f),
        path.join(SCREENSHOT_DIR, "charter", `pdf-page-${i + 1}.png`),
      );
    }
    rmSync(dir, { recursive: true, force: true });
    pagesToCheck.push(
      publicUrl,
      `${publicUrl}/print`,
      `${publicUrl}/card`,
      `${publicUrl}/follow-up`,
      `${server.url}/t/la-ngu/charter`,
      `${server.url}/t/la-ngu/charter-editions/2/hearing`,
      `${server.url}/t/la-ngu/charter-editions/2/comments`,
      `${server.url}/t/la-ngu/charter-editions/2/diff?against=previous`,
      `${server.url}/t/la-ngu/charters/1`,
    );
  });

  test("every charter page passes axe, in Thai and in English", async () => {
    await loginAs("langu-wg");
    const first = (await page.goto(`${server.url}/t/la-ngu/charter-editions/1/follow-up`))!;
    assert.equal(first.status(), 200);
    const clause = await page.locator(".follow-table a").first().getAttribute("href");
    pagesToCheck.push(
      `${server.url}${clause}`,
      `${server.url}/t/la-ngu/admin/charter-editions/2`,
      `${server.url}/t/la-ngu/admin/charters/1`,
    );
    await page.goto(
      `${server.url}/t/la-ngu/charter-editions/1/follow-up?clause=${clause!.split("=")[1]}`,
    );
    await screenshots(page, "charter/follow-up-clause");
    await page.goto(`${server.url}/t/la-ngu/charter-editions/1/follow-up`);
    await screenshots(page, "charter/follow-up");
    await page.goto(`${server.url}/t/la-ngu/charter-editions/2/hearing`);
    await screenshots(page, "charter/hearing");
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
