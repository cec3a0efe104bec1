import { asc, desc, isNull } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import type { DemoPeople } from "../../../core/modules.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { audit } from "../../../core/audit.ts";
import { linkClause, listClauses } from "../../charter/public.ts";
import {
  evaluationRatings,
  evaluationRounds,
  indicators,
  planEditions,
  planStrategies,
  plans,
  projects,
} from "../schema.ts";
import type { Rating } from "../shared/kinds.ts";
import { INDICATOR_TARGET } from "../indicators/commands.ts";
import { PROJECT_TARGET, STRATEGY_TARGET } from "./queries.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";

/** What raters said in the demo round, in turn. */
const WORDS: { rating: Rating; helped: string; blocked: string }[] = [
  {
    rating: "achieved",
    helped: "อสม. ลงพื้นที่ทุกหมู่บ้าน และผู้นำศาสนาช่วยประกาศที่มัสยิดและวัด",
    blocked: "",
  },
  {
    rating: "partly",
    helped: "กองทุนสุขภาพตำบลสนับสนุนงบเพิ่ม",
    blocked: "ฝนตกหนักช่วงพฤศจิกายน ต้องเลื่อนกิจกรรม",
  },
  { rating: "achieved", helped: "โรงเรียนให้ใช้สถานที่ และเยาวชนมาช่วยเป็นอาสาสมัคร", blocked: "" },
  { rating: "not", helped: "", blocked: "งบประมาณอนุมัติช้า และขาดผู้รับผิดชอบหลักในหมู่บ้าน" },
  { rating: "partly", helped: "ภาคีเครือข่ายร่วมลงขัน", blocked: "ผู้สูงอายุเดินทางมาร่วมไม่สะดวก" },
];

/**
 * A demo tambon's plan in force, evaluated together: its strategies, a few projects and
 * indicators are linked to the charter's clauses (the chain charter → plan → project →
 * indicator), a round held after the first half of fiscal year 2568 is rated by the working
 * group, village representatives and facilitators, closed with its decisions and carried into
 * the plan's latest edition, and the next round is open for rating.
 */
export async function seedEvaluationDemo(
  tx: Tx,
  tambon: Tambon,
  people: DemoPeople,
): Promise<void> {
  const tambonId = tambon.id;
  const [plan] = await tx
    .select()
    .from(plans)
    .where(tambonWhere(plans, tambonId, { status: "active" }))
    .orderBy(desc(plans.firstYear))
    .limit(1);
  if (!plan) return;
  const clauses = await listClauses(tx, tambonId);
  const [strategies, rated, planIndicators, editions] = await Promise.all([
    tx
      .select({ id: planStrategies.id, title: planStrategies.title })
      .from(planStrategies)
      .where(tambonWhere(planStrategies, tambonId, { planId: plan.id }))
      .orderBy(asc(planStrategies.position)),
    tx
      .select({ id: projects.id, title: projects.title })
      .from(projects)
      .where(
        tambonWhere(
          projects,
          tambonId,
          { planId: plan.id, status: anyOf(["in_progress", "done"]) },
          isNull(projects.parentId),
          isNull(projects.mergedIntoId),
        ),
      )
      .orderBy(asc(projects.seq))
      .limit(6),
    tx
      .select({ id: indicators.id, name: indicators.name })
      .from(indicators)
      .where(tambonWhere(indicators, tambonId, { planId: plan.id }))
      .orderBy(asc(indicators.id))
      .limit(clauses.length),
    tx
      .select({ id: planEditions.id })
      .from(planEditions)
      .where(tambonWhere(planEditions, tambonId, { planId: plan.id }))
      .orderBy(desc(planEditions.approvedOn), desc(planEditions.id)),
  ]);
  const url = (path: string) => `/t/${tambon.slug}/${path}`;
  // Each kind of record is linked to the clauses in turn, from the first.
  const linkInTurn = async (
    targetType: string,
    targets: { id: number; label: string; url?: string }[],
  ) => {
    for (const [i, x] of targets.entries()) {
      const clause = clauses[i % clauses.length]!;
      await linkClause(tx, tambonId, {
        charterId: clause.charterId,
        clauseKey: clause.clauseKey,
        targetType,
        targetId: x.id,
        label: x.label,
        url: x.url,
      });
    }
  };
  if (clauses.length) {
    await linkInTurn(
      STRATEGY_TARGET,
      strategies.map((s) => ({ id: s.id, label: s.title })),
    );
    await linkInTurn(
      PROJECT_TARGET,
      rated.slice(0, 3).map((p) => ({ id: p.id, label: p.title, url: url(`projects/${p.id}`) })),
    );
    await linkInTurn(
      INDICATOR_TARGET,
      planIndicators.map((ind) => ({
        id: ind.id,
        label: ind.name,
        url: url(`indicators/${ind.id}`),
      })),
    );
  }

  const raters = [
    ...new Set([
      ...(people.byRole.working_group ?? []),
      ...(people.byRole.facilitator ?? []),
      ...(people.byRole.village_rep ?? []),
    ]),
  ].slice(0, 5);
  const [closed] = await tx
    .insert(evaluationRounds)
    .values({
      tambonId,
      planId: plan.id,
      title: "ประเมินผลร่วมกัน ครึ่งปีแรก ปีงบประมาณ 2568",
      heldOn: "2025-04-30",
      status: "closed",
      summary:
        "โครงการด้านผู้สูงอายุและการคัดกรองไปได้ดีเพราะ อสม. และผู้นำศาสนาช่วยกัน โครงการที่ต้องใช้งบจากหน่วยงานอื่นยังล่าช้า",
      decisions:
        "1. เพิ่มงบคัดกรองเบาหวานและความดันในปีงบประมาณ 2569\n2. ให้ทุกโครงการมีผู้รับผิดชอบหลักในหมู่บ้าน\n3. เสนอเข้าแผนพัฒนาฉบับเพิ่มเติมครั้งต่อไป",
      carriedToEditionId: editions[0]?.id ?? null,
    })
    .returning();
  const [open] = await tx
    .insert(evaluationRounds)
    .values({
      tambonId,
      planId: plan.id,
      title: "ประเมินผลร่วมกัน ครึ่งปีหลัง ปีงบประมาณ 2568",
      heldOn: "2025-10-31",
      status: "open",
    })
    .returning();
  const subjects = [
    ...rated.map((p) => ({ subjectType: "project" as const, projectId: p.id })),
    ...clauses.slice(0, 3).map((c) => ({
      subjectType: "clause" as const,
      charterId: c.charterId,
      clauseKey: c.clauseKey,
    })),
  ];
  const rows = raters.flatMap((raterId, r) =>
    subjects.map((s, i) => {
      const w = WORDS[(r + i) % WORDS.length]!;
      return {
        tambonId,
        roundId: closed!.id,
        raterId,
        ...s,
        rating: w.rating,
        helped: r === 0 ? w.helped : "",
        blocked: r === 0 ? w.blocked : "",
      };
    }),
  );
  if (rows.length) await tx.insert(evaluationRatings).values(rows);
  await audit(tx, {
    tambonId,
    actorId: people.adminId,
    action: "evaluation.seed",
    targetType: "evaluation_round",
    targetId: closed!.id,
    after: { rounds: [closed!.id, open!.id], ratings: rows.length },
  });
}
