import { isNull } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { missing, ok, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { DecisionsKey } from "../messages.ts";
import { notificationPrefs, notifications } from "../schema.ts";
import { EMAIL_PREFERENCES, type EmailPreference } from "./queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** Marks all of the actor's unread notifications in the tambon as read; returns how many. */
export async function markNotificationsRead(
  db: Db,
  actor: Actor,
  tambonId: number,
): Promise<Result<number, DecisionsKey | CoreKey>> {
  const me = actor.user;
  if (!me || !can(actor, "question.participate", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const read = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(tambonWhere(notifications, tambonId, { userId: me.id }, isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    await audit(tx, {
      tambonId,
      actorId: me.id,
      action: "notification.read",
      targetType: "user",
      targetId: me.id,
      after: { read: read.length },
    });
    return ok(read.length);
  });
}

/** Sets how often the actor gets their notifications of the tambon by e-mail. */
export async function setEmailPreference(
  db: Db,
  actor: Actor,
  tambonId: number,
  choice: string,
): Promise<Result<EmailPreference, DecisionsKey | CoreKey>> {
  const me = actor.user;
  if (!me || !can(actor, "question.participate", { tambonId })) return refused();
  const email = EMAIL_PREFERENCES.find((p) => p === choice);
  if (!email) return missing();
  return db.transaction(async (tx) => {
    await tx
      .insert(notificationPrefs)
      .values({ tambonId, userId: me.id, email })
      .onConflictDoUpdate({
        target: [notificationPrefs.tambonId, notificationPrefs.userId],
        set: { email },
      });
    await audit(tx, {
      tambonId,
      actorId: me.id,
      action: "notification.prefs",
      targetType: "user",
      targetId: me.id,
      after: { email },
    });
    return ok(email);
  });
}
