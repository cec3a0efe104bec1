import { eq } from "drizzle-orm";
import type { Tx } from "../../core/db/index.ts";
import { villages } from "../../core/db/schema.ts";
import type { DemoPeople } from "../../core/modules.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { listAreas } from "../areas/public.ts";
import {
  planEditions,
  planStrategies,
  plans,
  projectBudgets,
  projectMilestones,
  projectUpdates,
  projectVillages,
  projects,
} from "./schema.ts";
import type {
  BudgetSource,
  EditionSnapshot,
  PlanStatus,
  ProjectStatus,
  SnapshotProject,
  TargetGroup,
} from "./shared/kinds.ts";
import { pick } from "../../core/pick.ts";

/** A demo project: its title, issue area (index of the default areas) and who it is for. */
interface DemoProject {
  title: string;
  area: number;
  targets: TargetGroup[];
  objectives: string;
  source: BudgetSource;
  /** Budget per year in baht, before the spread over years. */
  amount: number;
  parent?: string;
}

const STRATEGIES = [
  "พัฒนาคุณภาพชีวิตและสุขภาวะของประชาชน",
  "จัดการทรัพยากรธรรมชาติ สิ่งแวดล้อม และภัยพิบัติ",
  "พัฒนาโครงสร้างพื้นฐานให้ทั่วถึง",
  "สร้างรายได้และเศรษฐกิจชุมชนที่มั่นคง",
  "ดูแลคนพิการ ผู้สูงอายุ และผู้ที่ยากลำบาก",
];

const P = (
  title: string,
  area: number,
  targets: TargetGroup[],
  objectives: string,
  source: BudgetSource,
  amount: number,
  parent?: string,
): DemoProject => ({ title, area, targets, objectives, source, amount, parent });

/** About forty projects of a five-year plan, across the five default issue areas. */
const PROJECTS: DemoProject[] = [
  P(
    "โครงการส่งเสริมสุขภาพผู้สูงอายุ",
    0,
    ["elderly"],
    "ให้ผู้สูงอายุดูแลสุขภาพตนเองได้ ลดโรคเรื้อรัง",
    "health_fund",
    60_000,
  ),
  P(
    "ตรวจสุขภาพผู้สูงอายุประจำปี",
    0,
    ["elderly"],
    "คัดกรองสุขภาพผู้สูงอายุทุกคนปีละครั้ง",
    "health_fund",
    25_000,
    "โครงการส่งเสริมสุขภาพผู้สูงอายุ",
  ),
  P(
    "ชมรมผู้สูงอายุออกกำลังกาย",
    0,
    ["elderly"],
    "ให้ผู้สูงอายุออกกำลังกายร่วมกันสัปดาห์ละสามวัน",
    "health_fund",
    15_000,
    "โครงการส่งเสริมสุขภาพผู้สูงอายุ",
  ),
  P(
    "โครงการป้องกันและควบคุมโรคไข้เลือดออก",
    0,
    ["everyone"],
    "ลดผู้ป่วยไข้เลือดออก กำจัดแหล่งเพาะพันธุ์ยุงลาย",
    "health_fund",
    40_000,
  ),
  P(
    "โครงการคัดกรองเบาหวานและความดันโลหิตสูง",
    0,
    ["everyone", "patients"],
    "ค้นหาผู้ป่วยรายใหม่และดูแลกลุ่มเสี่ยง",
    "health_fund",
    35_000,
  ),
  P(
    "โครงการลดการบริโภคยาสูบและเครื่องดื่มแอลกอฮอล์",
    0,
    ["youth", "everyone"],
    "ลดนักสูบหน้าใหม่ สร้างพื้นที่ปลอดบุหรี่",
    "thaihealth",
    30_000,
  ),
  P(
    "โครงการอบรม อสม. ดูแลผู้ป่วยติดเตียง",
    0,
    ["patients"],
    "ให้ อสม. ดูแลผู้ป่วยติดเตียงที่บ้านได้ถูกวิธี",
    "health_fund",
    20_000,
  ),
  P(
    "โครงการอาหารปลอดภัยในโรงเรียน",
    0,
    ["children"],
    "ให้เด็กได้กินอาหารปลอดสารพิษจากแปลงผักชุมชน",
    "thaihealth",
    45_000,
  ),
  P(
    "โครงการส่งเสริมสุขภาพแม่และเด็ก",
    0,
    ["women", "children"],
    "ดูแลหญิงตั้งครรภ์และเด็กเล็กให้ได้รับวัคซีนครบ",
    "health_fund",
    30_000,
  ),
  P(
    "โครงการป้องกันยาเสพติดในเยาวชน",
    0,
    ["youth"],
    "สร้างภูมิคุ้มกันยาเสพติดด้วยกีฬาและดนตรี",
    "province",
    50_000,
  ),
  P(
    "โครงการคัดแยกขยะในครัวเรือน",
    1,
    ["everyone"],
    "ลดปริมาณขยะที่ต้องนำไปกำจัด คัดแยกที่ต้นทาง",
    "local",
    30_000,
  ),
  P("โครงการธนาคารขยะชุมชน", 1, ["everyone"], "รับซื้อขยะรีไซเคิล สร้างรายได้ให้ครัวเรือน", "local", 25_000),
  P("โครงการปลูกป่าชายเลน", 1, ["everyone"], "ฟื้นฟูป่าชายเลนเป็นแหล่งอนุบาลสัตว์น้ำ", "partner", 80_000),
  P(
    "โครงการอนุรักษ์หญ้าทะเลและพะยูน",
    1,
    ["everyone"],
    "ดูแลแนวหญ้าทะเล ร่วมกับชาวประมงพื้นบ้าน",
    "partner",
    60_000,
  ),
  P("โครงการขุดลอกคลองระบายน้ำ", 1, ["everyone"], "ลดน้ำท่วมขังในฤดูฝน", "local", 200_000),
  P(
    "โครงการเตรียมพร้อมรับมือน้ำท่วม",
    1,
    ["everyone", "elderly", "disabled"],
    "ซ้อมแผนอพยพ ดูแลผู้สูงอายุและคนพิการก่อน",
    "local",
    40_000,
  ),
  P("โครงการอาสาสมัครป้องกันภัยพิบัติ", 1, ["youth"], "ฝึกอาสาสมัครกู้ภัยประจำหมู่บ้าน", "province", 70_000),
  P(
    "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 2",
    2,
    ["everyone"],
    "ให้ประชาชนสัญจรได้สะดวกตลอดปี",
    "local",
    450_000,
  ),
  P(
    "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5",
    2,
    ["everyone"],
    "ให้ประชาชนสัญจรได้สะดวกตลอดปี",
    "local",
    480_000,
  ),
  P(
    "โครงการติดตั้งไฟฟ้าส่องสว่างทางสาธารณะ",
    2,
    ["everyone"],
    "เพิ่มความปลอดภัยในการสัญจรยามค่ำคืน",
    "local",
    150_000,
  ),
  P("โครงการขยายเขตประปาหมู่บ้าน", 2, ["everyone"], "ให้ทุกครัวเรือนมีน้ำประปาใช้", "local", 300_000),
  P("โครงการซ่อมแซมสะพานไม้ข้ามคลอง", 2, ["everyone"], "ให้เด็กนักเรียนข้ามคลองได้ปลอดภัย", "local", 120_000),
  P("โครงการก่อสร้างรางระบายน้ำ", 2, ["everyone"], "ลดน้ำท่วมขังบนถนนในหมู่บ้าน", "local", 250_000),
  P(
    "โครงการปรับปรุงศูนย์พัฒนาเด็กเล็ก",
    2,
    ["children"],
    "ให้ศูนย์เด็กเล็กได้มาตรฐานและปลอดภัย",
    "local",
    350_000,
  ),
  P(
    "โครงการส่งเสริมกลุ่มอาชีพสตรีแปรรูปอาหารทะเล",
    3,
    ["women"],
    "เพิ่มรายได้จากการแปรรูปปลาและกุ้ง",
    "province",
    60_000,
  ),
  P(
    "โครงการตลาดนัดชุมชนสีเขียว",
    3,
    ["farmers", "everyone"],
    "เปิดพื้นที่ขายผักปลอดสารพิษของชุมชน",
    "community",
    20_000,
  ),
  P(
    "โครงการส่งเสริมการท่องเที่ยวชุมชน",
    3,
    ["everyone", "youth"],
    "พัฒนาเส้นทางท่องเที่ยวป่าชายเลนโดยชุมชน",
    "province",
    90_000,
  ),
  P(
    "โครงการฝึกอาชีพเย็บผ้าบาติก",
    3,
    ["women", "low_income"],
    "ฝึกทักษะและหาตลาดให้ผ้าบาติกของกลุ่มแม่บ้าน",
    "partner",
    40_000,
  ),
  P(
    "โครงการส่งเสริมการเลี้ยงแพะ",
    3,
    ["farmers", "low_income"],
    "ให้ครัวเรือนรายได้น้อยมีอาชีพเสริม",
    "local",
    50_000,
  ),
  P(
    "โครงการพัฒนาผลิตภัณฑ์ชุมชน",
    3,
    ["women", "farmers"],
    "ออกแบบบรรจุภัณฑ์และขึ้นทะเบียนสินค้าชุมชน",
    "province",
    45_000,
  ),
  P("โครงการกองทุนปุ๋ยอินทรีย์", 3, ["farmers"], "ลดต้นทุนการเกษตรด้วยปุ๋ยที่ทำเอง", "community", 30_000),
  P(
    "โครงการปรับปรุงบ้านผู้พิการและผู้สูงอายุ",
    4,
    ["disabled", "elderly"],
    "ปรับบ้านให้ปลอดภัย มีราวจับและทางลาด",
    "local",
    100_000,
  ),
  P(
    "โครงการจัดหากายอุปกรณ์สำหรับคนพิการ",
    4,
    ["disabled"],
    "ให้คนพิการได้รถเข็นและอุปกรณ์ที่จำเป็น",
    "health_fund",
    40_000,
  ),
  P(
    "โครงการเยี่ยมบ้านผู้สูงอายุที่อยู่ลำพัง",
    4,
    ["elderly"],
    "อาสาสมัครเยี่ยมบ้านสัปดาห์ละครั้ง",
    "community",
    10_000,
  ),
  P(
    "โครงการศูนย์ฟื้นฟูสมรรถภาพคนพิการในชุมชน",
    4,
    ["disabled"],
    "ให้คนพิการได้กายภาพบำบัดใกล้บ้าน",
    "health_fund",
    120_000,
  ),
  P(
    "โครงการทุนการศึกษาเด็กยากจน",
    4,
    ["children", "low_income"],
    "ให้เด็กจากครอบครัวยากจนได้เรียนต่อ",
    "partner",
    50_000,
  ),
  P("โครงการโรงเรียนผู้สูงอายุ", 4, ["elderly"], "ให้ผู้สูงอายุได้เรียนรู้และมีส่วนร่วมในสังคม", "local", 35_000),
];

/** Proposals that overlap projects already in the plan (for the duplicate check and report). */
const PROPOSALS: DemoProject[] = [
  P(
    "โครงการดูแลสุขภาพผู้สูงอายุในชุมชน",
    0,
    ["elderly"],
    "ให้ผู้สูงอายุดูแลสุขภาพตนเองได้",
    "health_fund",
    30_000,
  ),
  P("โครงการธนาคารขยะรีไซเคิลหมู่บ้าน", 1, ["everyone"], "รับซื้อขยะรีไซเคิลในหมู่บ้าน", "local", 20_000),
  P("ก่อสร้างถนนคอนกรีต สายบ้านนา หมู่ 5", 2, ["everyone"], "ให้สัญจรได้สะดวก", "local", 400_000),
  P(
    "โครงการรณรงค์ป้องกันโรคไข้เลือดออกในหมู่บ้าน",
    0,
    ["everyone"],
    "กำจัดลูกน้ำยุงลายทุกหลังคาเรือน",
    "health_fund",
    15_000,
  ),
];

/** The previous plan's projects (2561–2565), so the duplicate check reaches the last plan too. */
const PREVIOUS: DemoProject[] = [
  P("โครงการส่งเสริมสุขภาพผู้สูงอายุ", 0, ["elderly"], "ให้ผู้สูงอายุดูแลสุขภาพตนเองได้", "health_fund", 40_000),
  P("โครงการคัดแยกขยะในครัวเรือน", 1, ["everyone"], "ลดขยะที่ต้นทาง", "local", 20_000),
  P("โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5", 2, ["everyone"], "ถนนในหมู่บ้าน", "local", 400_000),
];

/** A small deterministic sequence, so the demo is the same on every load. */
function series(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

const STATUS_CYCLE: { status: ProjectStatus; progress: number }[] = [
  { status: "done", progress: 100 },
  { status: "in_progress", progress: 60 },
  { status: "in_plan", progress: 0 },
  { status: "in_progress", progress: 30 },
  { status: "done", progress: 100 },
  { status: "in_plan", progress: 0 },
  { status: "in_progress", progress: 80 },
  { status: "screened", progress: 0 },
];

/**
 * La-ngu's development plan 2566–2570 (and the previous one, closed): five strategies over the
 * default issue areas, about forty projects across the villages with budgets per year and
 * source, statuses and progress, sub-projects, milestones, a few overlapping proposals, and two
 * editions (the first, and an additional one).
 */
export async function seedPlansDemo(tx: Tx, tambon: Tambon, people: DemoPeople): Promise<void> {
  const tambonId = tambon.id;
  const areas = await listAreas(tx, tambonId);
  if (!areas.length) return;
  const vs = await tx
    .select({ id: villages.id })
    .from(villages)
    .where(eq(villages.tambonId, tambonId))
    .orderBy(villages.moo);
  const proposers = [...(people.byRole.village_rep ?? []), ...(people.byRole.member ?? [])];
  const adminId = people.adminId;
  const rnd = series(tambonId * 7919 + 13);
  const areaId = (i: number) => areas[i % areas.length]!.id;

  /** A five-year plan of the tambon, made by its administrator. */
  const addPlan = async (firstYear: number, status: PlanStatus, description: string) => {
    const [row] = await tx
      .insert(plans)
      .values({
        tambonId,
        title: `แผนพัฒนาท้องถิ่น พ.ศ. ${firstYear}–${firstYear + 4}`,
        firstYear,
        years: 5,
        status,
        description,
        createdBy: adminId,
      })
      .returning();
    return row;
  };
  const previous = await addPlan(2561, "closed", "แผนพัฒนาท้องถิ่นฉบับก่อน");
  const plan = await addPlan(
    2566,
    "active",
    "แผนพัฒนาท้องถิ่นห้าปีที่จัดทำร่วมกับประชาคมตำบล ขับเคลื่อนธรรมนูญสุขภาพตำบล: ลดความซ้ำซ้อน กระจายประโยชน์ให้ทุกหมู่บ้าน และไม่ทิ้งใครไว้ข้างหลัง",
  );
  const strategies = await tx
    .insert(planStrategies)
    .values(
      STRATEGIES.map((title, i) => ({
        tambonId,
        planId: plan!.id,
        areaId: areaId(i),
        code: String(i + 1),
        title,
        position: i + 1,
      })),
    )
    .returning();

  const villagesFor = (i: number): { whole: boolean; ids: number[] } => {
    if (!vs.length || i % 6 === 0) return { whole: true, ids: [] };
    const n = 1 + (i % 3);
    return {
      whole: false,
      ids: [...new Set(Array.from({ length: n }, (_, k) => vs[(i * 5 + k * 7) % vs.length]!.id))],
    };
  };

  /** Inserts projects with their villages, budgets and timeline; returns them with their budgets. */
  async function insertProjects(
    planId: number,
    years: number[],
    list: DemoProject[],
    statusOf: (i: number) => { status: ProjectStatus; progress: number },
    seqFrom: number,
  ) {
    const out: { id: number; d: DemoProject; budgets: Record<string, number>; seq: number }[] = [];
    const idOf = new Map<string, number>();
    for (const [i, d] of list.entries()) {
      const { status, progress } = statusOf(i);
      const place = villagesFor(i + seqFrom);
      const seq = seqFrom + i + 1;
      const [row] = await tx
        .insert(projects)
        .values({
          tambonId,
          planId,
          parentId: d.parent ? (idOf.get(d.parent) ?? null) : null,
          seq,
          title: d.title,
          areaId: areaId(d.area),
          strategyId: planId === plan!.id && status !== "proposed" ? strategies[d.area]!.id : null,
          wholeTambon: place.whole,
          targetGroups: d.targets,
          objectives: d.objectives,
          outputs: "ประชาชนในพื้นที่เป้าหมายเข้าร่วมไม่น้อยกว่าร้อยละ 80",
          kpi: "ร้อยละของผู้เข้าร่วมที่พึงพอใจ",
          expectedResults: "คุณภาพชีวิตของประชาชนดีขึ้น",
          responsibleUnit: d.area === 2 ? "กองช่าง" : d.area === 0 ? "กองสาธารณสุขฯ" : "สำนักปลัด",
          formCategory:
            d.area === 2 && i % 4 === 3 ? "p02_2" : d.source === "community" ? "p02_1" : "p02",
          status,
          progress,
          proposedBy: proposers.length ? proposers[(i + seqFrom) % proposers.length]! : adminId,
        })
        .returning();
      idOf.set(d.title, row!.id);
      if (place.ids.length)
        await tx
          .insert(projectVillages)
          .values(place.ids.map((villageId) => ({ tambonId, projectId: row!.id, villageId })));
      const span = d.parent ? 1 : 1 + Math.floor(rnd() * Math.min(3, years.length));
      const start = Math.floor(rnd() * (years.length - span + 1));
      const budgets: Record<string, number> = {};
      const rows = years.slice(start, start + span).flatMap((y) => {
        const amount = Math.round((d.amount * (0.8 + rnd() * 0.4)) / 1000) * 1000;
        budgets[String(y)] = amount;
        const main = {
          tambonId,
          projectId: row!.id,
          fiscalYear: y,
          source: d.source,
          amount: String(amount),
        };
        // Some projects share the cost with the community.
        if (i % 5 === 2 && d.source !== "community") {
          const part = Math.round(amount * 0.1);
          budgets[String(y)] = amount + part;
          return [main, { ...main, source: "community" as const, amount: String(part) }];
        }
        return [main];
      });
      await tx.insert(projectBudgets).values(rows);
      await tx.insert(projectUpdates).values([
        {
          tambonId,
          projectId: row!.id,
          status: "proposed",
          progress: 0,
          authorId: row!.proposedBy,
        },
        ...(status === "proposed"
          ? []
          : [
              {
                tambonId,
                projectId: row!.id,
                status,
                progress,
                note: status === "done" ? "ดำเนินการแล้วเสร็จตามแผน" : "",
                authorId: adminId,
              },
            ]),
      ]);
      if (status === "in_progress" || status === "done") {
        const y = years[start]! - 543;
        const steps = [
          { title: "ประชุมชี้แจงและลงพื้นที่สำรวจ", dueOn: `${y - 1}-11-15`, doneOn: `${y - 1}-11-20` },
          {
            title: "ดำเนินกิจกรรมหลัก",
            dueOn: `${y}-03-31`,
            doneOn: status === "done" ? `${y}-04-10` : null,
          },
          { title: "สรุปผลและรายงานต่อประชาคม", dueOn: `${y}-09-15`, doneOn: undefined },
        ];
        await tx.insert(projectMilestones).values(
          steps.map((m, k) => ({
            tambonId,
            projectId: row!.id,
            ...pick(m, "title", "dueOn", "doneOn"),
            position: k + 1,
          })),
        );
      }
      out.push({ id: row!.id, d, budgets, seq });
    }
    return out;
  }

  const years = [2566, 2567, 2568, 2569, 2570];
  await insertProjects(
    previous!.id,
    [2561, 2562, 2563, 2564, 2565],
    PREVIOUS,
    () => ({ status: "done", progress: 100 }),
    0,
  );
  const inPlan = await insertProjects(
    plan!.id,
    years,
    PROJECTS,
    (i) => STATUS_CYCLE[i % STATUS_CYCLE.length]!,
    0,
  );
  await insertProjects(
    plan!.id,
    years,
    PROPOSALS,
    () => ({ status: "proposed", progress: 0 }),
    PROJECTS.length,
  );

  // Two editions: the first without the last six projects (added later) and with two budgets
  // changed since; then an additional edition with every project in the plan.
  const snap = (items: typeof inPlan, at: string, change = false): EditionSnapshot => ({
    takenAt: at,
    projects: items
      .filter((x) => x.d)
      .map((x, i): SnapshotProject => ({
        id: x.id,
        seq: x.seq,
        title: x.d.title,
        status: "in_plan",
        areaId: areaId(x.d.area),
        strategyId: strategies[x.d.area]!.id,
        budgets:
          change && i < 2
            ? Object.fromEntries(Object.entries(x.budgets).map(([y, a]) => [y, a - 5000]))
            : x.budgets,
      })),
  });
  const shown = inPlan.filter((x) => x.d);
  const [first] = await tx
    .insert(planEditions)
    .values({
      tambonId,
      planId: plan!.id,
      kind: "first",
      number: 1,
      reason: "",
      approvedOn: "2022-06-15",
      snapshot: snap(shown.slice(0, shown.length - 6), "2022-06-15T03:00:00Z", true),
      createdBy: adminId,
    })
    .returning();
  const [additional] = await tx
    .insert(planEditions)
    .values({
      tambonId,
      planId: plan!.id,
      kind: "additional",
      number: 1,
      reason: "เพิ่มโครงการด้านอาชีพและการดูแลคนพิการตามข้อเสนอของเวทีประชาคมหมู่บ้าน",
      approvedOn: "2024-05-20",
      snapshot: snap(shown, "2024-05-20T03:00:00Z"),
      createdBy: adminId,
    })
    .returning();
  for (const [i, x] of shown.entries())
    await tx
      .update(projects)
      .set({ editionId: i < shown.length - 6 ? first!.id : additional!.id })
      .where(eq(projects.id, x.id));
}
