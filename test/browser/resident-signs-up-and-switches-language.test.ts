import { describe, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Page, Response } from "playwright-core";
import { journeySteps, screenshots, startBrowserRun, type BrowserRun } from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";

const NAME = "สมศรี ทดสอบดี";
const PHONE = "0812345678";
const PASSWORD = "ละงู-รหัส-2567";
const THAI_FONT_URL = /\/static\/sarabun-thai-400\.[0-9a-f]+\.woff2$/;

describe("a resident of La-ngu signs up, logs in again and switches language", () => {
  let run: BrowserRun;
  let server: TestServer;
  let page: Page;
  const fontResponses: Response[] = [];

  before(async () => {
    run = await startBrowserRun();
    ({ server, page } = run);
    page.on("response", (res) => {
      if (THAI_FONT_URL.test(new URL(res.url()).pathname)) fontResponses.push(res);
    });
  });

  after(() => run?.close());

  /** One step of the journey, run only while every earlier step passed. */
  const step = journeySteps();

  /** The <html lang> of the current page. */
  const htmlLang = () => page.locator("html").getAttribute("lang");
  /** The field wrapper (label, hint, error, input) around the input with this id. */
  const field = (id: string) => page.locator(".field", { has: page.locator(`#${id}`) });

  step(
    "the network home lists La-ngu and Thai renders in the self-hosted Sarabun font",
    async () => {
      const res = await page.goto(server.url + "/");
      assert.equal(res?.status(), 200);
      assert.equal(await htmlLang(), "th");
      await page.getByRole("link", { name: "อบต.ละงู" }).first().waitFor();

      await page.evaluate("document.fonts.ready");
      assert.equal(
        await page.evaluate<boolean>("document.fonts.check('16px Sarabun', 'ภาษาไทย')"),
        true,
        "Sarabun is not ready to render Thai text",
      );
      const thaiFace = await page.evaluate<string[]>(
        `[...document.fonts]
        .filter((f) => f.family.replace(/"/g, "") === "Sarabun" && /E01/i.test(f.unicodeRange))
        .map((f) => f.weight + ":" + f.status)`,
      );
      assert.ok(
        thaiFace.includes("400:loaded"),
        `the Thai Sarabun face was not loaded: ${thaiFace.join(", ") || "no such face"}`,
      );
      const bodyFont = await page.evaluate<string>("getComputedStyle(document.body).fontFamily");
      assert.match(bodyFont, /^"?Sarabun/);
      assert.ok(
        fontResponses.some((r) => r.status() === 200),
        `no 200 response for /static/sarabun-thai-400.*.woff2 (saw ${fontResponses.map((r) => r.status()).join(", ") || "none"})`,
      );
      await screenshots(page, "journey/network-home");
    },
  );

  step("the visitor goes to La-ngu and opens the sign-up form", async () => {
    await page.getByRole("link", { name: "อบต.ละงู" }).first().click();
    await page.waitForURL(/\/t\/la-ngu$/);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "อบต.ละงู");
    await screenshots(page, "journey/la-ngu-home");

    await page.getByRole("banner").getByRole("link", { name: "สมัครสมาชิก" }).click();
    await page.waitForURL(/\/t\/la-ngu\/signup$/);
    await page.getByRole("heading", { level: 1, name: "สมัครสมาชิก อบต.ละงู" }).waitFor();
  });

  step("a mistake is explained next to the field and what was typed is kept", async () => {
    await page.getByLabel("ชื่อ–นามสกุล").fill(NAME);
    await page.getByLabel("เบอร์โทรศัพท์").fill(PHONE);
    await page.getByLabel("หมู่บ้านที่อาศัยอยู่").selectOption({ label: "หมู่ที่ 3 บ้านหมู่ที่ 3 (สาธิต)" });
    await page.getByLabel("ตั้งรหัสผ่าน").fill(PASSWORD);
    await page.getByLabel("ยืนยันรหัสผ่าน").fill(PASSWORD + "x");
    await page.getByLabel(/ข้าพเจ้ายินยอม/).check();
    await page.getByRole("main").getByRole("button", { name: "สมัครสมาชิก" }).click();

    const error = field("f-password2").locator(".error");
    await error.waitFor();
    assert.equal((await error.textContent())?.trim(), "รหัสผ่านทั้งสองช่องไม่ตรงกัน");
    const confirm = page.locator("#f-password2");
    assert.equal(await confirm.getAttribute("aria-invalid"), "true");
    assert.match((await confirm.getAttribute("aria-describedby")) ?? "", /\bf-password2-err\b/);
    await page.getByRole("alert").getByRole("link", { name: "รหัสผ่านทั้งสองช่องไม่ตรงกัน" }).waitFor();

    assert.equal(await page.getByLabel("ชื่อ–นามสกุล").inputValue(), NAME);
    assert.equal(await page.getByLabel("เบอร์โทรศัพท์").inputValue(), PHONE);
    const village = page.getByLabel("หมู่บ้านที่อาศัยอยู่");
    assert.equal(await village.locator("option:checked").textContent(), "หมู่ที่ 3 บ้านหมู่ที่ 3 (สาธิต)");
    assert.equal(await page.getByLabel("ตั้งรหัสผ่าน").inputValue(), "", "a password was echoed");
    await screenshots(page, "journey/signup-with-errors");
  });

  step("after fixing the mistake the resident is signed up and signed in", async () => {
    await page.getByLabel("ตั้งรหัสผ่าน").fill(PASSWORD);
    await page.getByLabel("ยืนยันรหัสผ่าน").fill(PASSWORD);
    const consent = page.getByLabel(/ข้าพเจ้ายินยอม/);
    if (!(await consent.isChecked())) await consent.check();
    await page.getByRole("main").getByRole("button", { name: "สมัครสมาชิก" }).click();

    await page.waitForURL(/\/t\/la-ngu$/);
    await page.getByRole("status").filter({ hasText: "สมัครสมาชิกเรียบร้อย" }).waitFor();
    const header = page.getByRole("banner");
    await header.getByRole("link", { name: "บัญชีของฉัน" }).waitFor();
    await header.getByRole("button", { name: "ออกจากระบบ" }).waitFor();
    assert.equal(await header.getByRole("link", { name: "สมัครสมาชิก" }).count(), 0);

    await header.getByRole("link", { name: "บัญชีของฉัน" }).click();
    await page.waitForURL(/\/account$/);
    const main = page.getByRole("main");
    await main.getByText(NAME).waitFor();
    await main.getByText(PHONE).waitFor();
    await main.getByText("รอการยืนยัน").waitFor();
    await screenshots(page, "journey/account");
  });

  step("the resident logs out and logs in again with phone number and password", async () => {
    await page.getByRole("banner").getByRole("button", { name: "ออกจากระบบ" }).click();
    await page.getByRole("status").filter({ hasText: "ออกจากระบบแล้ว" }).waitFor();
    const header = page.getByRole("banner");
    assert.equal(await header.getByRole("link", { name: "บัญชีของฉัน" }).count(), 0);

    await page.goto(server.url + "/t/la-ngu");
    await header.getByRole("link", { name: "เข้าสู่ระบบ" }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel("รหัสผ่าน").fill("not-the-password");
    await page.getByRole("textbox", { name: /เบอร์โทรศัพท์/ }).fill(PHONE);
    await page.getByRole("main").getByRole("button", { name: "เข้าสู่ระบบ" }).click();
    await page.getByRole("alert").waitFor();
    assert.equal(await page.getByRole("textbox", { name: /เบอร์โทรศัพท์/ }).inputValue(), PHONE);

    await page.getByLabel("รหัสผ่าน").fill(PASSWORD);
    await page.getByRole("main").getByRole("button", { name: "เข้าสู่ระบบ" }).click();
    await page.waitForURL(/\/t\/la-ngu$/);
    await page
      .getByRole("status")
      .filter({ hasText: `ยินดีต้อนรับ ${NAME}` })
      .waitFor();
    await header.getByRole("link", { name: "บัญชีของฉัน" }).waitFor();
  });

  step("the resident switches to English and back to Thai from the header", async () => {
    const header = page.getByRole("banner");
    await header.getByRole("link", { name: "English" }).click();
    await page.waitForURL(/\/t\/la-ngu$/);
    assert.equal(await htmlLang(), "en");
    await header.getByRole("link", { name: "My account" }).waitFor();
    await header.getByRole("button", { name: "Log out" }).waitFor();
    await page.getByRole("heading", { level: 1, name: "La-ngu SAO" }).waitFor();

    await header.getByRole("link", { name: "My account" }).click();
    await page.waitForURL(/\/account$/);
    assert.equal(await htmlLang(), "en");
    await page.getByRole("heading", { level: 1, name: "My account" }).waitFor();
    await screenshots(page, "journey/account-en");

    await header.getByRole("link", { name: "ภาษาไทย" }).click();
    await page.waitForURL(/\/account$/);
    assert.equal(await htmlLang(), "th");
    await page.getByRole("heading", { level: 1, name: "บัญชีของฉัน" }).waitFor();
    await header.getByRole("link", { name: "English" }).waitFor();
  });
});
