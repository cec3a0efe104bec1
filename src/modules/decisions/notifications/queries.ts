import { desc } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { notificationPrefs, notifications } from "../schema.ts";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";

/** How often a member wants notifications by e-mail. */
export type EmailPreference = "each" | "daily" | "off";
export const EMAIL_PREFERENCES: readonly EmailPreference[] = ["each", "daily", "off"];

/** A member's latest notifications in a tambon, newest first. */
export async function notificationsOf(db: DbOrTx, tambonId: number, userId: number) {
  return db
    .select()
    .from(notifications)
    .where(tambonWhere(notifications, tambonId, { userId }))
    .orderBy(desc(notifications.id))
    .limit(100);
}

/** A member's e-mail preference in a tambon (a daily digest unless they chose otherwise). */
export async function emailPreference(
  db: DbOrTx,
  tambonId: number,
  userId: number,
): Promise<EmailPreference> {
  const [pref] = await tambonRows(db, notificationPrefs, tambonId, { userId });
  return pref?.email ?? "daily";
}
