import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, inArray } from "drizzle-orm";
import type { Page } from "playwright-core";
import {
  VIEWPORTS,
  axeViolations,
  describeViolations,
  screenshots,
  sidewaysScroll,
  startBrowserRun,
  type BrowserRun,
  type TestBrowser,
} from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";
import { tambonMembers, tambons, users } from "../../src/core/db/schema.ts";
import { HOUSEHOLD_SURVEY } from "../../src/modules/community/forms/demo-survey.ts";
import {
  formVersions,
  forms,
  households,
  submissions,
} from "../../src/modules/community/schema.ts";

const SURVEY = HOUSEHOLD_SURVEY.title.th;

/**
 * At phone size: the demo health volunteer opens the collect app, goes offline, fills two
 * household surveys with their members, reloads while offline and finds her draft and queue,
 * comes back online and syncs; sending the same submissions again stores nothing new.
 */
describe("a health volunteer collects offline and syncs once", () => {
  let run: BrowserRun;
  let server: TestServer;
  let browser: TestBrowser;
  let page: Page;
  let langu = 0;
  let houses: { id: number; houseNo: string }[] = [];

  before(async () => {
    run = await startBrowserRun({ viewport: VIEWPORTS.phone });
    ({ server, browser, page } = run);
    const db = server.database.db;
    const [tambon] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    langu = tambon!.id;
    const [osm] = await db.select().from(users).where(eq(users.username, "langu-osm"));
    const [member] = await db
      .select()
      .from(tambonMembers)
      .where(and(eq(tambonMembers.userId, osm!.id), eq(tambonMembers.tambonId, langu)));
    const villageId = member!.villageId!;
    // The survey open at its current version (the demo's, or made here when the demo has none).
    const open = await db
      .select({ id: forms.id })
      .from(forms)
      .where(and(eq(forms.tambonId, langu), eq(forms.status, "open"), eq(forms.title, SURVEY)));
    if (!open.length) {
      const [form] = await db
        .insert(forms)
        .values({
          tambonId: langu,
          title: SURVEY,
          status: "open",
          draft: HOUSEHOLD_SURVEY,
          currentVersion: 1,
        })
        .returning();
      await db
        .insert(formVersions)
        .values({ tambonId: langu, formId: form!.id, version: 1, definition: HOUSEHOLD_SURVEY });
    }
    houses = await db
      .select({ id: households.id, houseNo: households.houseNo })
      .from(households)
      .where(and(eq(households.tambonId, langu), eq(households.villageId, villageId)));
    if (houses.length < 2)
      houses = await db
        .insert(households)
        .values([
          { tambonId: langu, villageId, houseNo: "901/1" },
          { tambonId: langu, villageId, houseNo: "901/2" },
        ])
        .returning({ id: households.id, houseNo: households.houseNo });
    houses = houses.slice(0, 2);
  });
  after(() => run?.close());

  const loginAs = (username: string) => run.logIn(username);

  async function accessible(where: string) {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(where, violations));
    const overflow = await sidewaysScroll(page);
    assert.equal(overflow, 0, `${where} scrolls sideways by ${overflow}px`);
  }

  const count = (key: string) => page.locator(`[data-count="${key}"]`).innerText();
  const choose = (path: string, label: string) =>
    page.locator(`[data-path="${path}"]`).getByLabel(label, { exact: true }).check();

  async function openSurvey(houseNo: string) {
    const card = page.locator(".collect-household", { hasText: `บ้านเลขที่ ${houseNo}` }).first();
    await card.getByRole("button", { name: new RegExp(SURVEY) }).click();
    await page.locator(".collect-form").waitFor();
  }

  async function fillSurvey(memberName: string) {
    for (const q of ["clean_water", "drinking_water", "sanitary_toilet", "any_smoker", "alcohol"])
      await choose(q, "ใช่");
    await choose("garbage", "มีรถเก็บขยะ");
    await page.locator('[data-path="chronic_count"] input').fill("0");
    await choose("elderly_alone", "ไม่ใช่");
    await choose("insurance", "ทุกคนมีสิทธิ");
    await choose("income_enough", "ใช่");
    await page.getByRole("button", { name: "เพิ่มสมาชิกในครัวเรือน" }).click();
    const m = (name: string) => `members[1].${name}`;
    await page.locator(`[data-path="${m("member_name")}"] input`).fill(memberName);
    await choose(m("sex"), "หญิง");
    const born = page.locator(`[data-path="${m("birth_date")}"]`);
    await born.locator("select").nth(0).selectOption("5");
    await born.locator("select").nth(1).selectOption("3");
    await born.locator("input").fill("2500");
    await choose(m("relation"), "หัวหน้าครัวเรือน");
    await choose(m("smokes"), "ไม่ใช่");
  }

  test("offline: two surveys with members; a reload keeps the draft and the queue; online: one sync", async () => {
    await loginAs("langu-osm");
    await page.goto(`${server.url}/t/la-ngu/community/collect`);
    await page.locator("#collect.is-ready").waitFor();
    await page.locator(".collect-household").first().waitFor();
    assert.equal(
      await page.evaluate(() => navigator.serviceWorker.ready.then((r) => !!r.active)),
      true,
    );
    await accessible("the collect app's households");
    await screenshots(page, "community/collect-list");

    await browser.context.setOffline(true);
    await openSurvey(houses[0]!.houseNo);
    await fillSurvey("สมศรี ทดสอบ");
    await accessible("a survey with a member being filled");
    await screenshots(page, "community/collect-form");
    await page.getByRole("button", { name: "บันทึกและรอส่ง" }).click();
    await page.locator(".collect-household").first().waitFor();
    assert.equal(await count("waiting"), "1");

    await openSurvey(houses[1]!.houseNo);
    await fillSurvey("สมชาย ทดสอบ");
    await page.getByRole("button", { name: "กลับไปรายการครัวเรือน" }).click();
    await page.locator(".collect-household").first().waitFor();

    await page.reload();
    await page.locator("#collect.is-ready").waitFor();
    assert.equal(await count("drafts"), "1");
    assert.equal(await count("waiting"), "1");
    await openSurvey(houses[1]!.houseNo);
    assert.equal(
      await page.locator('[data-path="members[1].member_name"] input').inputValue(),
      "สมชาย ทดสอบ",
    );
    await page.getByRole("button", { name: "บันทึกและรอส่ง" }).click();
    await page.locator(".collect-household").first().waitFor();
    assert.equal(await count("waiting"), "2");
    await screenshots(page, "community/collect-queue");

    // The demo has answers of its own for these households: only rows made now count.
    const ids = houses.map((h) => h.id);
    const ofHouses = async () =>
      server.database.db
        .select()
        .from(submissions)
        .where(and(eq(submissions.tambonId, langu), inArray(submissions.householdId, ids)));
    const before = new Set((await ofHouses()).map((s) => s.id));
    const made = async () => (await ofHouses()).filter((s) => !before.has(s.id));

    await browser.context.setOffline(false);
    await page.getByRole("button", { name: "ส่งข้อมูลตอนนี้" }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-count="sent"]')?.textContent === "2",
    );
    assert.equal(await count("waiting"), "0");
    const stored = await made();
    assert.equal(stored.length, 2);
    assert.deepEqual(stored.map((s) => s.status).sort(), ["accepted", "accepted"]);
    const members = stored.map(
      (s) => (s.answers.members as { member_name: string }[])[0]!.member_name,
    );
    assert.deepEqual(members.sort(), ["สมชาย ทดสอบ", "สมศรี ทดสอบ"].sort());

    // The same submissions sent again (a phone that lost the server's answer): nothing new.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("tambon-collect-la-ngu");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(["sent", "queue"], "readwrite");
            const all = tx.objectStore("sent").getAll();
            all.onsuccess = () => {
              for (const s of all.result as { clientId: string; item: unknown }[]) {
                tx.objectStore("queue").put({
                  clientId: s.clientId,
                  item: s.item,
                  photos: {},
                  queuedAt: new Date().toISOString(),
                });
                tx.objectStore("sent").delete(s.clientId);
              }
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page.locator("#collect.is-ready").waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-count="sent"]')?.textContent === "2" &&
        document.querySelector('[data-count="waiting"]')?.textContent === "0",
    );
    const again = await made();
    assert.deepEqual(again.map((s) => s.id).sort(), stored.map((s) => s.id).sort());
  });
});
