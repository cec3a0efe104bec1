import { asc, desc, eq } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { audit } from "../../../core/audit.ts";
import { issueAreas } from "../../areas/public.ts";
import {
  indicatorProjects,
  indicatorTargets,
  indicators,
  measurements,
  plans,
  projects,
} from "../schema.ts";
import type { Direction } from "../shared/kinds.ts";
import { periodEndOf } from "../measurements/commands.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A demo indicator: its definition, baseline (2565), targets 2566–2570 and the tambon's values 2566–2568. */
interface DemoIndicator {
  name: string;
  unit: string;
  definition: string;
  direction: Direction;
  /** Which default issue area (0–4, in seed/defaults.json's order). */
  area: number;
  baseline: number;
  targets: number[];
  values: number[];
  /** Words of project titles it measures. */
  projectWords: string[];
}

const PERCENT = "ร้อยละ";

/**
 * Ten indicators of a tambon's health plan, modelled on the province's health indicators, one a
 * line: name | unit ("%" for ร้อยละ) | better up or down | issue area (0–4, in
 * seed/defaults.json's order) | baseline 2565 | targets 2566–2570 | values 2566–2568 | words of
 * the project titles it measures | definition. By 2568 four meet their target, three are close
 * to it and three are far from it.
 */
const TABLE = `
ร้อยละผู้สูงอายุที่ได้รับการคัดกรองสุขภาพประจำปี | % | up | 4 | 62 | 70 75 80 85 90 | 68.5 74 82.3 | ผู้สูงอายุ | ผู้สูงอายุ 60 ปีขึ้นไปที่ได้รับการคัดกรอง ADL เบาหวาน ความดัน หารด้วยผู้สูงอายุทั้งหมด × 100
ร้อยละผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลได้ดี | % | up | 0 | 38 | 40 45 50 55 60 | 39.2 43.5 47.1 | เบาหวาน โรคเรื้อรัง | ผู้ป่วยเบาหวานที่ HbA1c < 7 หารด้วยผู้ป่วยเบาหวานที่ขึ้นทะเบียน × 100
อัตราป่วยโรคไข้เลือดออกต่อประชากรแสนคน | ต่อแสนประชากร | down | 1 | 120 | 100 90 80 70 60 | 112 101 95 | ไข้เลือดออก ยุงลาย | ผู้ป่วยไข้เลือดออกในปีงบประมาณ หารด้วยประชากรกลางปี × 100,000
ร้อยละครัวเรือนที่คัดแยกขยะต้นทาง | % | up | 1 | 35 | 45 55 65 70 75 | 47 58 66.4 | ขยะ | ครัวเรือนที่คัดแยกขยะอินทรีย์ รีไซเคิล และขยะอันตราย หารด้วยครัวเรือนทั้งหมด × 100
ร้อยละผู้ป่วยติดบ้านติดเตียงที่ได้รับการเยี่ยมบ้านทุกเดือน | % | up | 4 | 70 | 80 85 90 95 95 | 78 84 88 | ติดเตียง เยี่ยมบ้าน | ผู้ป่วยติดบ้านติดเตียงที่ อสม. หรือทีมหมอครอบครัวเยี่ยมอย่างน้อยเดือนละครั้ง × 100
ร้อยละเด็กอายุ 0–5 ปีที่มีพัฒนาการสมวัย | % | up | 0 | 80 | 85 87 90 92 95 | 84 88.5 91.2 | เด็ก ปฐมวัย | เด็ก 0–5 ปีที่ผ่านการตรวจพัฒนาการ DSPM ครบทุกด้าน หารด้วยเด็กที่ได้รับการตรวจ × 100
ร้อยละประชากรอายุ 15 ปีขึ้นไปที่สูบบุหรี่ | % | down | 0 | 24 | 22 20 18 16 15 | 23.1 21.8 21.2 | บุหรี่ ยาสูบ | ผู้ที่สูบบุหรี่หรือบุหรี่ไฟฟ้าในรอบ 30 วัน หารด้วยประชากรอายุ 15 ปีขึ้นไปที่สำรวจ × 100
ร้อยละหญิงตั้งครรภ์ที่ฝากครรภ์ครั้งแรกก่อน 12 สัปดาห์ | % | up | 0 | 65 | 70 75 80 85 90 | 69 73.5 78.6 | ตั้งครรภ์ แม่และเด็ก | หญิงตั้งครรภ์ที่ฝากครรภ์ครั้งแรกเมื่ออายุครรภ์ไม่เกิน 12 สัปดาห์ หารด้วยหญิงคลอดทั้งหมด × 100
ร้อยละครัวเรือนที่มีน้ำดื่มสะอาดเพียงพอตลอดปี | % | up | 2 | 88 | 90 92 95 97 98 | 90.5 93.2 96.1 | ประปา น้ำดื่ม น้ำสะอาด | ครัวเรือนที่มีน้ำดื่มผ่านเกณฑ์คุณภาพเพียงพอทุกเดือน หารด้วยครัวเรือนทั้งหมด × 100
ร้อยละผู้ป่วยความดันโลหิตสูงที่ควบคุมความดันได้ | % | up | 0 | 45 | 50 55 60 62 65 | 51 54 52.4 | ความดัน | ผู้ป่วยความดันโลหิตสูงที่วัดได้ต่ำกว่า 140/90 สองครั้งติดกัน หารด้วยผู้ป่วยที่ขึ้นทะเบียน × 100
`;

const numbers = (cell: string) => cell.split(" ").map(Number);

export const DEMO_INDICATORS: readonly DemoIndicator[] = TABLE.trim()
  .split("\n")
  .map((line) => {
    const [name, unit, direction, area, baseline, targets, values, words, definition] = line
      .split(" | ")
      .map((cell) => cell.trim());
    return {
      name: name!,
      unit: unit === "%" ? PERCENT : unit!,
      definition: definition!,
      direction: direction as Direction,
      area: Number(area),
      baseline: Number(baseline),
      targets: numbers(targets!),
      values: numbers(values!),
      projectWords: words!.split(" "),
    };
  });

/** The demo's fiscal years with values, and its plan's years with targets. */
const VALUE_YEARS = [2566, 2567, 2568] as const;
const TARGET_YEARS = [2566, 2567, 2568, 2569, 2570] as const;

/** A repeatable spread of a village's value around the tambon's (±9 %), kept within 0–100 for shares. */
function villageValue(tambon: number, moo: number, index: number, year: number, percent: boolean) {
  const wobble = Math.sin(moo * 12.9898 + index * 78.233 + year * 3.17) * 0.09;
  const value = tambon * (1 + wobble);
  const bounded = percent ? Math.min(100, Math.max(0, value)) : Math.max(0, value);
  return Math.round(bounded * 10) / 10;
}

/**
 * Seeds a tambon's indicators with targets and three fiscal years of measurements per village
 * and for the whole tambon: all ten for La-ngu, the first three elsewhere. They belong to the
 * tambon's newest plan when it has one, are filed under the default issue areas, and measure
 * the plan's projects whose titles name what they count.
 */
export async function seedIndicatorDemo(
  tx: Tx,
  tambon: { id: number; slug: string },
  actorId: number | null,
): Promise<void> {
  const list = tambon.slug === "la-ngu" ? DEMO_INDICATORS : DEMO_INDICATORS.slice(0, 3);
  const [plan] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(eq(plans.tambonId, tambon.id))
    .orderBy(desc(plans.firstYear), desc(plans.id))
    .limit(1);
  const areas = await tx
    .select({ id: issueAreas.id })
    .from(issueAreas)
    .where(eq(issueAreas.tambonId, tambon.id))
    .orderBy(asc(issueAreas.position), asc(issueAreas.id));
  const villageList = await tx
    .select({ id: villages.id, moo: villages.moo })
    .from(villages)
    .where(eq(villages.tambonId, tambon.id))
    .orderBy(asc(villages.moo));
  const planProjects = plan
    ? await tx
        .select({ id: projects.id, title: projects.title })
        .from(projects)
        .where(tambonWhere(projects, tambon.id, { planId: plan.id }))
    : [];
  const rows = [];
  for (const [index, d] of list.entries()) {
    const [ind] = await tx
      .insert(indicators)
      .values({
        tambonId: tambon.id,
        planId: plan?.id ?? null,
        areaId: areas[d.area]?.id ?? null,
        ...pick(d, "name", "unit", "definition", "direction"),
        source: index === 0 ? "community" : "manual",
        baselineValue: String(d.baseline),
        baselineYear: 2565,
        decimals: 1,
      })
      .returning({ id: indicators.id });
    const indicatorId = ind!.id;
    await tx.insert(indicatorTargets).values(
      TARGET_YEARS.map((fiscalYear, i) => ({
        tambonId: tambon.id,
        indicatorId,
        fiscalYear,
        target: String(d.targets[i]),
      })),
    );
    const linked = planProjects.filter((p) => d.projectWords.some((w) => p.title.includes(w)));
    if (linked.length)
      await tx
        .insert(indicatorProjects)
        .values(linked.map((p) => ({ tambonId: tambon.id, indicatorId, projectId: p.id })));
    const percent = d.unit === PERCENT;
    for (const [i, fiscalYear] of VALUE_YEARS.entries()) {
      const value = d.values[i]!;
      const base = {
        tambonId: tambon.id,
        indicatorId,
        fiscalYear,
        periodEnd: periodEndOf(fiscalYear),
        source: "import" as const,
        recordedBy: actorId,
      };
      rows.push({ ...base, villageId: null, value: String(value), importKey: null });
      for (const v of villageList)
        rows.push({
          ...base,
          villageId: v.id,
          value: String(villageValue(value, v.moo, index, fiscalYear, percent)),
          importKey: `${indicatorId}/${v.id}/${fiscalYear}`,
        });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(measurements).values(rows.slice(i, i + 500));
  await audit(tx, {
    tambonId: tambon.id,
    actorId,
    action: "indicator.seed",
    targetType: "indicator",
    after: { indicators: list.length, measurements: rows.length },
  });
}
