import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Page, Response } from "playwright-core";
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
import { tambons, users } from "../../src/core/db/schema.ts";
import { linkClause, listClauses, type ClauseRef } from "../../src/modules/charter/public.ts";
import {
  evaluationRatings,
  evaluationRounds,
  indicators,
  planEditions,
  plans,
  projects,
} from "../../src/modules/plans/schema.ts";

/**
 * The plans module's pages — the demo plan's public pages, proposing, the working group's pages,
 * and evaluating together: a plan's rounds, a round's results, the rating form (also after a
 * mistake) and a charter clause with the plan's sections — pass axe in Thai at phone width and in
 * English at desktop width, and never scroll sideways on a phone.
 */
describe(
  "the plans pages pass axe (WCAG 2.1 A and AA) and reflow on a phone",
  {
    concurrency: 1,
  },
  () => {
    let run: BrowserRun;
    let server: TestServer;
    let browser: TestBrowser;
    let page: Page;
    let planId = 0;
    let roundId = 0;
    let clause: ClauseRef;
    let projectIds: number[] = [];

    before(async () => {
      run = await startBrowserRun();
      ({ server, browser, page } = run);
      const db = server.database.db;
      const [langu] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      const tambonId = langu!.id;
      const [plan] = await db
        .insert(plans)
        .values({ tambonId, title: "แผนพัฒนาท้องถิ่น 2571–2575", firstYear: 2571, status: "active" })
        .returning();
      planId = plan!.id;
      const made = await db
        .insert(projects)
        .values([
          {
            tambonId,
            planId,
            seq: 1,
            title: "โครงการคัดกรองเบาหวานและความดันโลหิตสูงในผู้สูงอายุ ทุกหมู่บ้าน",
            status: "in_progress",
            progress: 40,
          },
          { tambonId, planId, seq: 2, title: "ชมรมเดินเพื่อสุขภาพ", status: "in_plan" },
        ])
        .returning();
      projectIds = made.map((p) => p.id);
      clause = (await listClauses(db, tambonId))[0]!;
      await linkClause(db, tambonId, {
        charterId: clause.charterId,
        clauseKey: clause.clauseKey,
        targetType: "plans.project",
        targetId: projectIds[0]!,
        label: made[0]!.title,
      });
      await db
        .insert(planEditions)
        .values({ tambonId, planId, kind: "first", number: 1, approvedOn: "2027-06-01" });
      const [round] = await db
        .insert(evaluationRounds)
        .values({ tambonId, planId, title: "ประเมินครึ่งปีแรก 2571", heldOn: "2028-03-31" })
        .returning();
      roundId = round!.id;
      const [wg] = await db.select().from(users).where(eq(users.username, "langu-wg"));
      await db.insert(evaluationRatings).values([
        {
          tambonId,
          roundId,
          subjectType: "project",
          projectId: projectIds[0]!,
          raterId: wg!.id,
          rating: "partly",
          helped: "อสม. ลงพื้นที่ทุกหมู่บ้าน",
          blocked: "เครื่องตรวจน้ำตาลไม่พอ",
        },
        {
          tambonId,
          roundId,
          subjectType: "clause",
          charterId: clause.charterId,
          clauseKey: clause.clauseKey,
          raterId: wg!.id,
          rating: "achieved",
        },
      ]);
    });
    after(() => run?.close());

    /** The demo plan in force and its first project, indicator and evaluation round. */
    async function demoPlan() {
      const db = server.database.db;
      const [langu] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      const [plan] = await db
        .select()
        .from(plans)
        .where(and(eq(plans.tambonId, langu!.id), eq(plans.title, "แผนพัฒนาท้องถิ่น พ.ศ. 2566–2570")));
      assert.ok(plan, "the demo has La-ngu's plan 2566–2570");
      const [project] = await db
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.planId, plan.id), isNull(projects.parentId)))
        .orderBy(asc(projects.seq))
        .limit(1);
      const [indicator] = await db
        .select({ id: indicators.id })
        .from(indicators)
        .where(eq(indicators.planId, plan.id))
        .orderBy(asc(indicators.id))
        .limit(1);
      const [round] = await db
        .select({ id: evaluationRounds.id })
        .from(evaluationRounds)
        .where(eq(evaluationRounds.planId, plan.id))
        .orderBy(asc(evaluationRounds.id))
        .limit(1);
      return { plan: plan.id, project: project!.id, indicator: indicator!.id, round: round!.id };
    }

    async function logIn(username: string | null) {
      if (username) await run.logIn(username);
      else await browser.context.clearCookies();
    }

    /** Checks the page now shown: its status, axe, and no sideways scrolling at phone width. */
    async function check(res: Response | null, status: number, name: string, lang: "th" | "en") {
      assert.equal(res?.status(), status, `HTTP status of ${name}`);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(`${name} (${lang})`, violations));
      const before = page.viewportSize();
      await page.setViewportSize(VIEWPORTS.phone);
      const overflow = await sidewaysScroll(page);
      assert.equal(overflow, 0, `${name} scrolls sideways by ${overflow}px on a phone`);
      if (before) await page.setViewportSize(before);
    }

    for (const lang of ["th", "en"] as const) {
      test(`in ${lang === "th" ? "Thai at phone width" : "English at desktop width"}`, async () => {
        await page.setViewportSize(lang === "th" ? VIEWPORTS.phone : VIEWPORTS.desktop);
        await logIn(null);
        await page.goto(`${server.url}/lang?to=${lang}&back=/`);

        let res = await page.goto(`${server.url}/t/la-ngu/plans/${planId}/evaluations`);
        await check(res, 200, "rounds of a plan", lang);
        res = await page.goto(`${server.url}/t/la-ngu/evaluations/${roundId}`);
        await check(res, 200, "a round's results", lang);
        res = await page.goto(server.url + clause.href);
        await check(res, 200, "a charter clause with the plan's sections", lang);
        assert.match(await page.getByRole("main").innerText(), /ประเมินครึ่งปีแรก 2571/);
        if (lang === "th") await screenshots(page, "plans/charter-clause-sections");

        await logIn("langu-rep");
        await page.goto(`${server.url}/lang?to=${lang}&back=/`);
        res = await page.goto(`${server.url}/t/la-ngu/evaluations/${roundId}/rate`);
        await check(res, 200, "the rating form", lang);
        if (lang === "th") await screenshots(page, "plans/evaluation-form");
        // Words without an answer: the form comes back at 422 with the error next to the card.
        await page.locator(`#f-helped-p${projectIds[1]}`).fill("ชาวบ้านมาร่วมเดินทุกเย็น");
        const [failed] = await Promise.all([
          page.waitForNavigation(),
          page.getByRole("main").locator(".rate-submit button[type=submit]").click(),
        ]);
        await check(failed, 422, "the rating form after a mistake", lang);
        if (lang === "th") await screenshots(page, "plans/evaluation-form-error");

        await logIn("langu-wg");
        await page.goto(`${server.url}/lang?to=${lang}&back=/`);
        res = await page.goto(`${server.url}/t/la-ngu/evaluations/${roundId}`);
        await check(res, 200, "a round with the closing form", lang);
        res = await page.goto(`${server.url}/t/la-ngu/plans/${planId}/evaluations`);
        await check(res, 200, "rounds with the opening form", lang);
      });
    }
    for (const lang of ["th", "en"] as const) {
      test(`the demo plan's pages in ${lang === "th" ? "Thai at phone width" : "English at desktop width"}`, async () => {
        const d = await demoPlan();
        const visits: [string | null, string[]][] = [
          [
            null,
            [
              "/t/la-ngu/plans",
              `/t/la-ngu/plans/${d.plan}`,
              `/t/la-ngu/plans/${d.plan}/editions`,
              `/t/la-ngu/plans/${d.plan}/indicators`,
              `/t/la-ngu/indicators/${d.indicator}`,
              `/t/la-ngu/plans/${d.plan}/distribution`,
              `/t/la-ngu/plans/${d.plan}/reports`,
              `/t/la-ngu/projects/${d.project}`,
              `/t/la-ngu/plans/${d.plan}/evaluations`,
              `/t/la-ngu/evaluations/${d.round}`,
            ],
          ],
          ["langu-rep", [`/t/la-ngu/plans/${d.plan}/propose`]],
          [
            "langu-wg",
            [
              "/t/la-ngu/admin/plans",
              `/t/la-ngu/admin/plans/${d.plan}`,
              `/t/la-ngu/admin/plans/${d.plan}/projects`,
              `/t/la-ngu/admin/plans/${d.plan}/duplicates`,
              `/t/la-ngu/admin/projects/${d.project}`,
              "/t/la-ngu/admin/indicators",
              `/t/la-ngu/admin/indicators/${d.indicator}/measurements`,
            ],
          ],
        ];
        await page.setViewportSize(lang === "th" ? VIEWPORTS.phone : VIEWPORTS.desktop);
        for (const [who, urls] of visits) {
          await logIn(who);
          await page.goto(`${server.url}/lang?to=${lang}&back=/`);
          for (const url of urls) await check(await page.goto(server.url + url), 200, url, lang);
        }
      });
    }
  },
);
