import type { Tx } from "../../../core/db/index.ts";
import { groupMemberships, nominations, resolutionLinks, resolutions } from "../schema.ts";
import type { MeetingRow } from "../meetings/queries.ts";
import type { Position } from "../groups/group.ts";
import { daysAgo, type DemoPerson } from "../shared/demo.ts";

/** Who the assembly names to the central working group, by the pillars of the tambon. */
export interface DemoNominees {
  chair: DemoPerson | undefined;
  secretary: DemoPerson | undefined;
  members: DemoPerson[];
  pillars: string[];
}

/**
 * The assembly's resolution naming the central working group: the nominations it approves, the
 * memberships they become (one member left later) and the links between them. Gives the members.
 */
export async function seedCentralNominations(
  tx: Tx,
  tambonId: number,
  meetingId: number,
  agendaItemId: number,
  centralId: number,
  fresh: Pick<MeetingRow, "quorumMet" | "quorum">,
  who: DemoNominees,
) {
  const { chair, secretary, members, pillars } = who;
  const nominees: { p: DemoPerson; position: Position; pillar: string }[] = [];
  if (chair) nominees.push({ p: chair, position: "chair", pillar: pillars[4] ?? "" });
  if (secretary) nominees.push({ p: secretary, position: "secretary", pillar: pillars[0] ?? "" });
  for (const [i, p] of members.entries())
    nominees.push({ p, position: "member", pillar: pillars[(i + 1) % pillars.length] ?? "" });
  const [res2] = await tx
    .insert(resolutions)
    .values({
      tambonId,
      meetingId,
      agendaItemId,
      number: 2,
      textTh: "เห็นชอบรายชื่อคณะทำงานกลางตามที่ที่ประชุมเสนอ (สาธิต)",
      textEn: "Approved the members of the central working group as nominated (demo)",
      method: "consensus",
      outcome: "adopted",
      quorumMet: fresh.quorumMet,
      quorum: fresh.quorum,
      recordedBy: secretary?.id ?? null,
    })
    .returning();
  const joined = nominees.length
    ? await tx
        .insert(groupMemberships)
        .values(
          nominees.map((n, i) => ({
            tambonId,
            groupId: centralId,
            userId: n.p.id,
            name: n.p.name,
            villageId: n.p.villageId,
            pillar: n.pillar,
            position: n.position,
            startOn: daysAgo(120),
            // One member moved away later: the history keeps their period.
            endOn: i === nominees.length - 1 ? daysAgo(30) : null,
            leaveReason: i === nominees.length - 1 ? "ย้ายไปทำงานต่างจังหวัด (สาธิต)" : "",
            resolutionId: res2!.id,
          })),
        )
        .returning()
    : [];
  if (nominees.length) {
    await tx.insert(nominations).values(
      nominees.map((n) => ({
        tambonId,
        groupId: centralId,
        meetingId,
        userId: n.p.id,
        name: n.p.name,
        villageId: n.p.villageId,
        pillar: n.pillar,
        position: n.position,
        status: "approved" as const,
        resolutionId: res2!.id,
      })),
    );
    await tx.insert(resolutionLinks).values([
      ...joined.map((m) => ({
        tambonId,
        resolutionId: res2!.id,
        targetType: "group_membership",
        targetId: m.id,
      })),
      { tambonId, resolutionId: res2!.id, targetType: "work_group", targetId: centralId },
    ]);
  }
  return joined;
}
