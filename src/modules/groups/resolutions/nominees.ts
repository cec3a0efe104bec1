import type { DbOrTx } from "../../../core/db/index.ts";
import { groupMemberships, nominations, resolutionLinks } from "../schema.ts";
import type { ResolutionRow } from "./queries.ts";
import { groupPeriods, lockGroup, samePerson } from "../groups/commands.ts";
import { overlaps } from "../groups/group.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

type Nomination = typeof nominations.$inferSelect;
type PeriodOf = { userId: number | null; name: string; startOn: string; endOn: string | null };

/**
 * What a resolution that approves nominations does to them: when adopted, each nominee joins the
 * group from the meeting's day, linked to the resolution — unless the person has a period in the
 * group that would overlap (named in `alreadyMembers`); the nominations are marked approved, or
 * rejected when the resolution was.
 */
export async function settleNominations(
  tx: DbOrTx,
  tambonId: number,
  res: ResolutionRow,
  noms: Nomination[],
  day: string,
): Promise<{ joined: number[]; alreadyMembers: string[] }> {
  const adopted = res.outcome === "adopted";
  const alreadyMembers: string[] = [];
  const joining: Nomination[] = [];
  if (adopted) {
    for (const groupId of [...new Set(noms.map((n) => n.groupId))]) {
      await lockGroup(tx, tambonId, groupId);
      const periods: PeriodOf[] = await groupPeriods(tx, tambonId, groupId);
      for (const n of noms.filter((x) => x.groupId === groupId)) {
        const taken = periods.some(
          (h) => samePerson(h, n) && overlaps(h, { startOn: day, endOn: null }),
        );
        if (taken) alreadyMembers.push(n.name);
        else {
          joining.push(n);
          periods.push({ userId: n.userId, name: n.name, startOn: day, endOn: null });
        }
      }
    }
  }
  const joined = joining.length ? await join(tx, tambonId, res.id, joining, day) : [];
  await tx
    .update(nominations)
    .set({ status: adopted ? "approved" : "rejected", resolutionId: res.id })
    .where(tambonWhere(nominations, tambonId, { id: anyOf(noms.map((n) => n.id)) }));
  return { joined, alreadyMembers };
}

/** Adds the nominees to their groups, linking the memberships and the groups to the resolution. */
async function join(
  tx: DbOrTx,
  tambonId: number,
  resolutionId: number,
  joining: Nomination[],
  day: string,
): Promise<number[]> {
  const members = await tx
    .insert(groupMemberships)
    .values(
      joining.map((n) => ({
        tambonId,
        ...pick(n, "groupId", "userId", "name", "villageId", "pillar", "position"),
        startOn: day,
        resolutionId,
      })),
    )
    .returning({ id: groupMemberships.id, groupId: groupMemberships.groupId });
  const groupIds = [...new Set(members.map((m) => m.groupId))];
  await tx.insert(resolutionLinks).values([
    ...members.map((m) => ({
      tambonId,
      resolutionId,
      targetType: "group_membership",
      targetId: m.id,
    })),
    ...groupIds.map((g) => ({ tambonId, resolutionId, targetType: "work_group", targetId: g })),
  ]);
  return members.map((m) => m.id);
}
