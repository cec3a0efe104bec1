import type { Tx } from "../../../core/db/index.ts";
import type { Area } from "../../areas/public.ts";
import { groupMemberships, workGroups } from "../schema.ts";
import type { Position } from "./group.ts";
import { daysAgo, type DemoPerson } from "../shared/demo.ts";

/** The central working group and an issue team for each of the first two issue areas. */
export async function seedGroups(tx: Tx, tambonId: number, areas: Area[]) {
  const [central] = await tx
    .insert(workGroups)
    .values({
      tambonId,
      kind: "central",
      nameTh: "คณะทำงานกลาง (สาธิต)",
      nameEn: "Central working group (demo)",
      purposeTh:
        "ประมวลผล ประสานภาคส่วนที่เกี่ยวข้องในแต่ละประเด็น และขับเคลื่อนการจัดทำธรรมนูญสุขภาพและแผนพัฒนาแบบมีส่วนร่วม",
      purposeEn:
        "Processes the issues, coordinates the sectors involved and drives the health charter and plan.",
      formedOn: daysAgo(120),
    })
    .returning();
  const teams = [];
  for (const [i, area] of areas.slice(0, 2).entries()) {
    const [team] = await tx
      .insert(workGroups)
      .values({
        tambonId,
        kind: "issue_team",
        nameTh: `ทีมประเด็น${area.nameTh} (สาธิต)`,
        nameEn: area.nameEn ? `${area.nameEn} team (demo)` : "",
        purposeTh: "สมาชิกปรับเปลี่ยนไปตามประเด็นและภารกิจ",
        areaId: area.id,
        formedOn: daysAgo(90 - i * 10),
      })
      .returning();
    teams.push(team!);
  }
  return { central: central!, teams };
}

/**
 * The issue teams' members, who join for a task and leave after it: a chair (`chairs[i]` for the
 * i-th team) and three helpers each.
 */
export async function seedTeamMembers(
  tx: Tx,
  tambonId: number,
  teams: { id: number; formedOn: string }[],
  chairs: (DemoPerson | undefined)[],
  helpersFrom: DemoPerson[],
): Promise<void> {
  for (const [i, team] of teams.entries()) {
    const chair = chairs[i];
    const helpers = helpersFrom.slice(2 + i * 3, 5 + i * 3);
    const rows = [
      ...(chair
        ? [
            {
              p: chair,
              position: "chair" as Position,
              task: "",
              start: team.formedOn,
              end: null as string | null,
              why: "",
            },
          ]
        : []),
      ...helpers.map((h, k) => ({
        p: h,
        position: "member" as Position,
        task: k === 0 ? "สำรวจข้อมูลครัวเรือน (สาธิต)" : k === 1 ? "จัดเวทีคืนข้อมูล (สาธิต)" : "",
        start: k === 1 ? daysAgo(20) : team.formedOn,
        end: k === 0 ? daysAgo(40) : null,
        why: k === 0 ? "ภารกิจสำรวจเสร็จสิ้น (สาธิต)" : "",
      })),
    ];
    if (rows.length)
      await tx.insert(groupMemberships).values(
        rows.map((r) => ({
          tambonId,
          groupId: team.id,
          userId: r.p.id,
          name: r.p.name,
          villageId: r.p.villageId,
          position: r.position,
          task: r.task,
          startOn: r.start,
          endOn: r.end,
          joinReason: r.task ? "มาร่วมภารกิจ (สาธิต)" : "",
          leaveReason: r.why,
        })),
      );
  }
}
