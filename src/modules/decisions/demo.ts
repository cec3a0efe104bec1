import { eq } from "drizzle-orm";
import type { Tx } from "../../core/db/index.ts";
import type { DemoPeople } from "../../core/modules.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { listAreas } from "../areas/public.ts";
import {
  ballots,
  decisionPolicies,
  delegations,
  questions,
  suggestionRatings,
  suggestions,
} from "./schema.ts";
import { appendEvent } from "./shared/events.ts";
import { insertAlternative } from "./questions/commands.ts";
import { enterPhase } from "./questions/phase-commands.ts";
import { phaseEnd } from "./shared/phases.ts";
import { tambonRows } from "../../core/db/tambon-row.ts";

interface DemoAlternative {
  title: string;
  body: string;
}

async function addQuestion(
  tx: Tx,
  tambon: Tambon,
  policyId: number,
  areaId: number,
  authorId: number,
  title: string,
  alts: DemoAlternative[],
  phase: "discussion" | "voting",
) {
  const [rules] = await tx.select().from(decisionPolicies).where(eq(decisionPolicies.id, policyId));
  const now = new Date();
  const [q] = await tx
    .insert(questions)
    .values({
      tambonId: tambon.id,
      areaId,
      policyId,
      title,
      phase,
      createdBy: authorId,
      phaseStartedAt: now,
      phaseEndsAt: phaseEnd(phase, now, rules!),
    })
    .returning();
  await appendEvent(tx, tambon.id, "question.open", q!.id, { title, areaId, policyId, phase });
  const ids: number[] = [];
  for (const a of alts) {
    ids.push(await insertAlternative(tx, tambon.id, q!.id, a.title, a.body, authorId));
  }
  return { question: q!, alternativeIds: ids };
}

async function cast(
  tx: Tx,
  tambonId: number,
  questionId: number,
  userId: number,
  grades: Record<string, number>,
) {
  await tx.insert(ballots).values({ tambonId, questionId, userId, grades });
  await appendEvent(tx, tambonId, "ballot.cast", questionId, {
    member: userId,
    grades,
    recordedBy: null,
  });
}

async function delegate(
  tx: Tx,
  tambonId: number,
  trusterId: number,
  trusteeId: number | null,
  scope: "tambon" | "area",
  areaId: number | null,
) {
  await tx.insert(delegations).values({ tambonId, trusterId, trusteeId, scope, areaId });
  await appendEvent(tx, tambonId, "delegation.set", null, {
    truster: trusterId,
    trustee: trusteeId,
    scope,
    areaId,
    questionId: null,
  });
}

/** Demo questions: one closed with its result, one in voting, one in discussion with suggestions; delegations in chains. */
export async function seedDecisionsDemo(tx: Tx, tambon: Tambon, people: DemoPeople): Promise<void> {
  const areas = await listAreas(tx, tambon.id);
  const area = (i: number) => areas[Math.min(i, areas.length - 1)]!.id;
  const [rules] = await tambonRows(tx, decisionPolicies, tambon.id, { nameEn: "Standard" });
  if (!rules || !areas.length) return;
  const reps = people.byRole.village_rep ?? [];
  const members = people.byRole.member ?? [];
  const wg = people.byRole.working_group?.[0] ?? people.adminId;
  const facilitator = people.byRole.facilitator?.[0] ?? people.adminId;

  // Delegations: a third of the representatives trust the working-group member for everything;
  // a few trust a facilitator on environment only; one blocks the environment area.
  for (const [i, rep] of reps.entries()) {
    if (rep === wg || rep === facilitator) continue;
    if (i % 3 === 0) await delegate(tx, tambon.id, rep, wg, "tambon", null);
    else if (i % 7 === 1) await delegate(tx, tambon.id, rep, facilitator, "area", area(1));
  }
  if (reps[4]) await delegate(tx, tambon.id, reps[4], null, "area", area(1));
  if (members[0] && reps[1]) await delegate(tx, tambon.id, members[0], reps[1], "tambon", null);

  // 1. Closed: foam containers at merit-making events.
  const foam = await addQuestion(
    tx,
    tambon,
    rules.id,
    area(1),
    wg,
    "งดใช้โฟมบรรจุอาหารในงานบุญและงานเลี้ยงของตำบล (สาธิต)",
    [
      {
        title: "งดใช้โฟมทุกงาน ตั้งแต่ 1 มกราคม (สาธิต)",
        body: "งานบุญ งานแต่ง และงานเลี้ยงทุกงานในตำบล **งดใช้โฟม** บรรจุอาหาร\n\nใช้ปิ่นโตหรือภาชนะที่ล้างได้แทน อบต. จัดชุดภาชนะให้ยืม",
      },
      {
        title: "ลดการใช้โฟมลงครึ่งหนึ่งภายในหนึ่งปี (สาธิต)",
        body: "ค่อย ๆ ลดการใช้โฟม ร้านค้าในตำบลขายภาชนะย่อยสลายได้ในราคาทุน",
      },
    ],
    "voting",
  );
  const [a, b] = foam.alternativeIds as [number, number];
  const voters = [
    wg,
    facilitator,
    ...reps.filter((_, i) => i % 3 === 1).slice(0, 14),
    ...members.slice(1, 6),
  ];
  for (const [i, id] of [...new Set(voters)].entries()) {
    const grades =
      i % 4 === 0 ? { [a]: 1, [b]: 2 } : i % 5 === 0 ? { [a]: -1, [b]: 1 } : { [a]: 2, [b]: 1 };
    await cast(tx, tambon.id, foam.question.id, id, grades);
  }
  const [foamFresh] = await tx.select().from(questions).where(eq(questions.id, foam.question.id));
  await enterPhase(tx, foamFresh!, "closed", null);

  // 2. Voting: a fund for bedridden elderly people.
  const fund = await addQuestion(
    tx,
    tambon,
    rules.id,
    area(4),
    facilitator,
    "ตั้งกองทุนดูแลผู้สูงอายุติดเตียงของตำบล (สาธิต)",
    [
      {
        title: "กองทุนสมทบจากทุกหมู่บ้าน หมู่บ้านละ 2,000 บาทต่อปี (สาธิต)",
        body: "อสม. และจิตอาสาเยี่ยมบ้านผู้ป่วยติดเตียงทุกสัปดาห์ กองทุนจ่ายค่าวัสดุทำแผลและผ้าอ้อม",
      },
    ],
    "voting",
  );
  for (const id of reps.slice(0, 6))
    await cast(tx, tambon.id, fund.question.id, id, { [fund.alternativeIds[0]!]: 1 });

  // 3. Discussion: the main road of Moo 3, with suggestions.
  const road = await addQuestion(
    tx,
    tambon,
    rules.id,
    area(2),
    reps[2] ?? wg,
    "ปรับปรุงถนนและไฟส่องสว่างสายหลักหมู่ที่ 3 (สาธิต)",
    [
      {
        title: "ลาดยางใหม่ทั้งสาย (สาธิต)",
        body: "ลาดยางถนนยาว 1.2 กิโลเมตร พร้อมติดไฟส่องสว่างทุก 50 เมตร",
      },
      {
        title: "ซ่อมหลุมและติดไฟเฉพาะจุดเสี่ยง (สาธิต)",
        body: "ซ่อมเฉพาะช่วงที่ชำรุด และติดไฟบริเวณทางโค้งและหน้าโรงเรียน",
      },
    ],
    "discussion",
  );
  const [s] = await tx
    .insert(suggestions)
    .values({
      tambonId: tambon.id,
      alternativeId: road.alternativeIds[1]!,
      body: "ควรทำทางเท้าหน้าโรงเรียนด้วย (สาธิต)",
      authorId: members[2] ?? wg,
    })
    .returning();
  for (const [i, id] of reps.slice(0, 5).entries()) {
    await tx.insert(suggestionRatings).values({
      tambonId: tambon.id,
      suggestionId: s!.id,
      userId: id,
      rating: i < 3 ? "must" : "should",
    });
  }
}
