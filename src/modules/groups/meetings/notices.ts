import { isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { formatDateTime, todayIso } from "../../../core/dates.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { msg } from "../messages.ts";
import { enqueueNotices, type NoticeKind } from "../../../core/notices/index.ts";
import { groupMemberships, meetings, villageRepTerms } from "../schema.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { notEndedBy } from "../shared/queries.ts";

/** A meeting the member is invited to, and a change of its time, place or status. */
export const MEETING_NOTICE: NoticeKind = {
  kind: "groups.meeting",
  label: { th: "การเชิญประชุมและการเปลี่ยนแปลง", en: "Meeting invitations and changes" },
};

type Meeting = typeof meetings.$inferSelect;

/**
 * Who a meeting invites: the current members of its group and of the invited groups, and the
 * current representatives of the invited villages.
 */
async function invitees(tx: DbOrTx, m: Meeting): Promise<number[]> {
  const today = todayIso();
  const groups = [...new Set([...(m.groupId ? [m.groupId] : []), ...m.invitedGroupIds])];
  const ids: number[] = [];
  if (groups.length)
    for (const r of await tx
      .select({ userId: groupMemberships.userId })
      .from(groupMemberships)
      .where(
        tambonWhere(
          groupMemberships,
          m.tambonId,
          { groupId: anyOf(groups) },
          isNotNull(groupMemberships.userId),
          notEndedBy(groupMemberships, today),
        ),
      ))
      ids.push(r.userId!);
  if (m.invitedVillageIds.length)
    for (const r of await tx
      .select({ userId: villageRepTerms.userId })
      .from(villageRepTerms)
      .where(
        tambonWhere(
          villageRepTerms,
          m.tambonId,
          { villageId: anyOf(m.invitedVillageIds) },
          notEndedBy(villageRepTerms, today),
        ),
      ))
      ids.push(r.userId);
  return ids;
}

/**
 * Tells the people a meeting invites (inside the command's transaction): when it is scheduled,
 * and when its time, place or status changes afterwards. A meeting already held tells no one.
 */
export async function tellInvitees(
  tx: DbOrTx,
  row: Meeting,
  before: Meeting | undefined,
): Promise<void> {
  if (row.status === "held") return;
  const what = !before
    ? row.status === "cancelled"
      ? null
      : "notice.meeting.invited"
    : row.status === "cancelled"
      ? before.status === "cancelled"
        ? null
        : "notice.meeting.cancelled"
      : before.startsAt.getTime() !== row.startsAt.getTime() ||
          before.place !== row.place ||
          before.status !== row.status
        ? "notice.meeting.changed"
        : null;
  if (!what) return;
  await enqueueNotices(tx, {
    tambonId: row.tambonId,
    userIds: await invitees(tx, row),
    kind: MEETING_NOTICE,
    text: (lang: Lang) =>
      msg.t(lang)(what, {
        title: (lang === "en" && row.titleEn) || row.titleTh,
        when: formatDateTime(row.startsAt, lang),
        place: row.place || msg.t(lang)("notice.meeting.noPlace"),
      }),
  });
}
