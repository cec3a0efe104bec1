import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
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
} from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";
import { tambons, villages } from "../../src/core/db/schema.ts";
import { readWorkbook } from "../../src/core/xlsx.ts";
import { listAreas } from "../../src/modules/areas/public.ts";
import {
  indicatorTargets,
  indicators,
  projectBudgets,
  projectLinks,
  projectVillages,
  projects,
  plans,
} from "../../src/modules/plans/schema.ts";

const PLAN = "แผนพัฒนาท้องถิ่น (ทดสอบเส้นทาง) 2569–2573";
const EXISTING = "ส่งเสริมการออกกำลังกายของผู้สูงอายุ หมู่ที่ 1 และ 2";
const OTHER = "ตลาดนัดสุขภาพชุมชน";
const PROPOSED = "ออกกำลังกายผู้สูงอายุ หมู่ที่ 1";
const INDICATOR = "ร้อยละผู้สูงอายุที่ออกกำลังกายสม่ำเสมอ (ทดสอบ)";
/** The fiscal year the journey works in (the indicator's target year). */
const YEAR = 2570;

/**
 * At phone width: a village representative proposes a project that overlaps an existing one and
 * sees it while proposing; the working group links the two and puts two projects to a priority
 * vote; the plan's distribution chart is drawn; an indicator gets its measurement and turns
 * green; the plan's ผ.02 downloads as XLSX and reads back.
 */
describe("a village representative proposes, the working group plans, and the plan is followed", () => {
  let run: BrowserRun;
  let server: TestServer;
  let page: Page;
  let langu = 0;
  let planId = 0;
  let existingId = 0;
  let otherId = 0;
  let proposedId = 0;
  let indicatorId = 0;
  let moo1 = 0;
  let areaId = 0;

  before(async () => {
    run = await startBrowserRun({ viewport: VIEWPORTS.phone });
    ({ server, page } = run);
    const db = server.database.db;
    const [tambon] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    langu = tambon!.id;
    const vs = await db.select().from(villages).where(eq(villages.tambonId, langu));
    const byMoo = new Map(vs.map((v) => [v.moo, v.id]));
    moo1 = byMoo.get(1)!;
    areaId = (await listAreas(db, langu))[0]!.id;
    const [plan] = await db
      .insert(plans)
      .values({ tambonId: langu, title: PLAN, firstYear: 2569, status: "active" })
      .returning();
    planId = plan!.id;
    const made = await db
      .insert(projects)
      .values([
        {
          tambonId: langu,
          planId,
          seq: 1,
          title: EXISTING,
          areaId,
          targetGroups: ["elderly"],
          objectives: "ให้ผู้สูงอายุออกกำลังกายสม่ำเสมอ",
          status: "in_plan",
        },
        {
          tambonId: langu,
          planId,
          seq: 2,
          title: OTHER,
          areaId,
          targetGroups: ["everyone"],
          objectives: "ให้ชุมชนมีแหล่งอาหารปลอดภัย",
          status: "in_plan",
        },
      ])
      .returning();
    [existingId, otherId] = made.map((p) => p.id) as [number, number];
    await db.insert(projectVillages).values([
      { tambonId: langu, projectId: existingId, villageId: moo1 },
      { tambonId: langu, projectId: existingId, villageId: byMoo.get(2)! },
      { tambonId: langu, projectId: otherId, villageId: byMoo.get(3)! },
    ]);
    await db.insert(projectBudgets).values([
      { tambonId: langu, projectId: existingId, fiscalYear: YEAR, amount: "50000" },
      { tambonId: langu, projectId: otherId, fiscalYear: YEAR, amount: "30000" },
    ]);
    const [indicator] = await db
      .insert(indicators)
      .values({
        tambonId: langu,
        planId,
        areaId,
        name: INDICATOR,
        unit: "ร้อยละ",
        direction: "up",
        baselineValue: "40",
        baselineYear: 2568,
      })
      .returning();
    indicatorId = indicator!.id;
    await db
      .insert(indicatorTargets)
      .values({ tambonId: langu, indicatorId, fiscalYear: YEAR, target: "60" });
  });
  after(() => run?.close());

  const loginAs = (username: string) => run.logIn(username);

  /** Axe on the page shown, and no sideways scrolling at phone width. */
  async function accessible(where: string) {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(where, violations));
    const overflow = await sidewaysScroll(page);
    assert.equal(overflow, 0, `${where} scrolls sideways by ${overflow}px`);
  }

  test("a village representative proposes a project and sees the one it overlaps", async () => {
    await loginAs("langu-rep");
    await page.goto(`${server.url}/t/la-ngu/plans/${planId}`);
    await Promise.all([
      page.waitForURL(/\/propose$/),
      page.getByRole("main").getByRole("link", { name: "เสนอโครงการ" }).click(),
    ]);
    const main = page.getByRole("main");
    await main.locator("#f-title").fill(PROPOSED);
    await main.locator("#f-areaId").selectOption(String(areaId));
    await main.locator("#f-objectives").fill("ชวนผู้สูงอายุหมู่ที่ 1 ออกกำลังกายทุกเย็น");
    await main.locator(`input[name=villages][value="${moo1}"]`).check();
    await main.locator('input[name=targets][value="elderly"]').check();
    await main.locator("#f-budgetYear0").selectOption(String(YEAR));
    await main.locator("#f-budgetAmount0").fill("20000");
    // Without waiting for the script: the form's own button asks the server.
    await Promise.all([
      page.waitForLoadState("load"),
      main.getByRole("button", { name: "ตรวจโครงการที่คล้ายกัน" }).click(),
    ]);
    const overlaps = page.locator("#overlaps");
    await overlaps.getByRole("link", { name: EXISTING }).waitFor();
    assert.equal(await overlaps.getByRole("link", { name: OTHER }).count(), 0);
    await accessible("the proposal with its overlaps");
    await screenshots(page, "plans/journey-proposal-overlaps");
    assert.equal(await main.locator("#f-title").inputValue(), PROPOSED, "what was typed is kept");

    await Promise.all([
      page.waitForURL(/\/projects\/\d+$/),
      main.getByRole("button", { name: "ส่งข้อเสนอ" }).click(),
    ]);
    proposedId = Number(/\/projects\/(\d+)$/.exec(page.url())![1]);
    await page.getByRole("main").getByRole("heading", { name: PROPOSED }).waitFor();
    const [stored] = await server.database.db
      .select()
      .from(projects)
      .where(eq(projects.id, proposedId));
    assert.equal(stored!.status, "proposed");
    assert.equal(stored!.planId, planId);
  });

  test("the working group links the two and puts two projects to a priority vote", async () => {
    await loginAs("langu-wg");
    await page.goto(`${server.url}/t/la-ngu/admin/projects/${proposedId}`);
    const link = page.getByRole("form", { name: "เชื่อมว่า" });
    await link.locator("#f-l-otherId").fill(String(existingId));
    await link.locator("#f-l-kind").selectOption("overlaps");
    await Promise.all([
      page.waitForLoadState("load"),
      link.getByRole("button", { name: "เชื่อมว่า" }).click(),
    ]);
    const links = await server.database.db
      .select()
      .from(projectLinks)
      .where(and(eq(projectLinks.tambonId, langu), eq(projectLinks.projectId, proposedId)));
    assert.deepEqual(
      links.map((l) => [l.otherId, l.kind]),
      [[existingId, "overlaps"]],
    );

    await page.goto(`${server.url}/t/la-ngu/admin/plans/${planId}/projects`);
    const vote = page.getByRole("form", { name: "นำไปลงมติจัดลำดับความสำคัญ" });
    await vote.locator(`#v-${existingId}`).check();
    await vote.locator(`#v-${otherId}`).check();
    await vote.locator("#f-v-title").fill("โครงการใดควรทำก่อนในปี 2570");
    await vote.locator("#f-v-areaId").selectOption(String(areaId));
    // Opening a vote cannot be undone: the form asks for a tick first.
    await vote.locator("input[name=confirmed]").check();
    await Promise.all([
      page.waitForURL(/\/decisions\/\d+/),
      vote.getByRole("button", { name: "นำไปลงมติจัดลำดับความสำคัญ" }).click(),
    ]);
    const question = page.getByRole("main");
    await question.getByText(EXISTING).first().waitFor();
    await question.getByText(OTHER).first().waitFor();
    const put = await server.database.db
      .select({ id: projects.id, questionId: projects.questionId })
      .from(projects)
      .where(inArray(projects.id, [existingId, otherId]));
    const questionId = Number(/\/decisions\/(\d+)/.exec(page.url())![1]);
    assert.ok(
      put.every((p) => p.questionId === questionId),
      "both projects name the question",
    );
  });

  test("the plan shows how its budget reaches the villages, as a chart", async () => {
    await page.goto(`${server.url}/t/la-ngu/plans/${planId}/distribution`);
    const chart = page.getByRole("main").locator("svg").first();
    await chart.waitFor();
    assert.ok((await chart.boundingBox())!.width > 200, "the chart is drawn at phone width");
    await accessible("the distribution");
    await screenshots(page, "plans/journey-distribution");
  });

  test("an indicator gets its measurement and turns green", async () => {
    await page.goto(`${server.url}/t/la-ngu/indicators/${indicatorId}`);
    assert.doesNotMatch(await page.getByRole("main").innerText(), /ถึงเป้าหมาย/);
    await page.goto(
      `${server.url}/t/la-ngu/admin/indicators/${indicatorId}/measurements?year=${YEAR}`,
    );
    const grid = page.getByRole("main");
    await grid.locator('input[name="v_tambon"]').fill("72.5");
    await Promise.all([
      page.waitForLoadState("load"),
      grid.locator("form[method=post] button[type=submit]").last().click(),
    ]);
    await page.goto(`${server.url}/t/la-ngu/indicators/${indicatorId}`);
    await page.getByRole("main").getByText("ถึงเป้าหมาย").first().waitFor();
    await accessible("the indicator");
  });

  test("the plan's ผ.02 downloads as XLSX and opens with the projects in it", async () => {
    await page.goto(`${server.url}/t/la-ngu/plans/${planId}/reports`);
    const link = page.getByRole("main").locator('a[href$="/forms/p02/xlsx"]');
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const file = await download.path();
    const read = await readWorkbook(readFileSync(file));
    assert.ok(read.ok, "the workbook opens");
    const cells = read.value.flatMap((s) => s.rows.flat());
    assert.ok(cells.includes(EXISTING), "the project in the plan is a row of ผ.02");
    assert.ok(
      cells.some((c) => /ผ\.\s?02/.test(c)),
      "the sheet says which form it is",
    );
  });
});
