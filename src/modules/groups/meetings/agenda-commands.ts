import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { agendaItems, meetings } from "../schema.ts";
import { type AgendaRow } from "./queries.ts";
import { missing, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { lockOpenMeeting } from "./commands.ts";
import { meetingRecordCommand } from "../shared/commands.ts";
import { tambonWhere, tambonRows, lastNumber } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const agendaSchema = z.object({
  titleTh: fields.text(300),
  titleEn: fields.optionalText(300),
  minutesTh: fields.optionalText(20000),
});

/** Adds an agenda item to a meeting or edits one (title and minutes), until the minutes are confirmed. */
export async function saveAgendaItem(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
  body: Record<string, string>,
  itemId?: number,
): Promise<Result<AgendaRow, GroupsKey | CoreKey>> {
  if (!can(actor, "meeting.manage", { tambonId })) return refused();
  const parsed = parseForm(agendaSchema, body);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return db.transaction(async (tx) => {
    const lock = await lockOpenMeeting(tx, tambonId, meetingId);
    if (!lock.ok) return lock;
    let row: AgendaRow | undefined;
    let before: AgendaRow | undefined;
    if (itemId) {
      [before] = await tambonRows(tx, agendaItems, tambonId, { id: itemId, meetingId });
      if (!before) return missing();
      [row] = await tx
        .update(agendaItems)
        .set({
          titleTh: v.titleTh,
          titleEn: v.titleEn,
          minutesTh: "minutesTh" in body ? v.minutesTh : before.minutesTh,
        })
        .where(tambonWhere(agendaItems, tambonId, { id: itemId }))
        .returning();
    } else {
      const last = await lastNumber(tx, agendaItems, "position", tambonId, { meetingId });
      [row] = await tx
        .insert(agendaItems)
        .values({
          tambonId,
          meetingId,
          position: last + 1,
          ...pick(v, "titleTh", "titleEn", "minutesTh"),
        })
        .returning();
    }
    await tx
      .update(meetings)
      .set({ updatedAt: new Date(), revision: sql`${meetings.revision} + 1` })
      .where(eq(meetings.id, meetingId));
    await auditBy(tx, actor, tambonId, {
      action: before ? "agenda.update" : "agenda.create",
      targetType: "agenda_item",
      targetId: row!.id,
      before: before ? { titleTh: before.titleTh, minutesLength: before.minutesTh.length } : null,
      after: { meetingId, titleTh: row!.titleTh, minutesLength: row!.minutesTh.length },
    });
    return { ok: true as const, value: row! };
  });
}

/** Removes an agenda item (before the minutes are confirmed); later items move up. */
export const deleteAgendaItem = meetingRecordCommand(
  "meeting.manage",
  agendaItems,
  async (tx, { actor, tambonId }, item) => {
    await tx.delete(agendaItems).where(tambonWhere(agendaItems, tambonId, { id: item.id }));
    await tx
      .update(agendaItems)
      .set({ position: sql`${agendaItems.position} - 1` })
      .where(
        tambonWhere(
          agendaItems,
          tambonId,
          { meetingId: item.meetingId },
          sql`${agendaItems.position} > ${item.position}`,
        ),
      );
    await auditBy(tx, actor, tambonId, {
      action: "agenda.delete",
      targetType: "agenda_item",
      targetId: item.id,
      before: { meetingId: item.meetingId, titleTh: item.titleTh },
    });
    return { ok: true as const, value: item };
  },
);
