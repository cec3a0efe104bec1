import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { tambons, users } from "../../../core/db/schema.ts";
import { alternatives, notificationPrefs, notifications, supporters } from "../schema.ts";
import type { Question } from "../queries.ts";
import { msg } from "../messages.ts";

/** What sends e-mail (nodemailer's transport interface, narrowed). */
export interface Mailer {
  sendMail(message: { to: string; subject: string; text: string }): Promise<unknown>;
}

/** Adds in-app notifications for people (each once). */
export async function notify(
  tx: DbOrTx,
  tambonId: number,
  userIds: number[],
  kind: "phase" | "delegated" | "closing",
  questionId: number | null,
  payload: Record<string, string | number>,
): Promise<void> {
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += 1000) {
    await tx
      .insert(notifications)
      .values(
        unique
          .slice(i, i + 1000)
          .map((userId) => ({ tambonId, userId, kind, questionId, payload })),
      );
  }
}

/** The people who follow a question: its author and the supporters of its alternatives. */
export async function followersOf(tx: DbOrTx, question: Question): Promise<number[]> {
  const rows = await tx
    .select({ userId: supporters.userId })
    .from(supporters)
    .innerJoin(alternatives, eq(alternatives.id, supporters.alternativeId))
    .where(
      and(eq(alternatives.questionId, question.id), eq(supporters.tambonId, question.tambonId)),
    );
  return [
    ...new Set([...(question.createdBy ? [question.createdBy] : []), ...rows.map((r) => r.userId)]),
  ];
}

/** Notifies a question's followers. */
export async function notifyFollowers(
  tx: DbOrTx,
  question: Question,
  kind: "phase" | "closing",
  payload: Record<string, string | number>,
): Promise<void> {
  await notify(tx, question.tambonId, await followersOf(tx, question), kind, question.id, {
    title: question.title,
    ...payload,
  });
}

/** The text of a notification in a language. */
export function notificationText(
  n: { kind: string; payload: Record<string, string | number> },
  lang: "th" | "en",
): string {
  const t = msg.t(lang);
  const p = n.payload;
  if (n.kind === "phase")
    return t("notif.phase", {
      title: String(p.title),
      phase: t(`phase.${p.phase}` as "phase.voting"),
    });
  if (n.kind === "delegated")
    return t("notif.delegated", { name: String(p.name), scope: String(p.scope) });
  return t("notif.closing", { title: String(p.title) });
}

/**
 * Sends the e-mails due: each notification at once for people who chose so, and a daily digest
 * for the others; people without an e-mail address or who chose none are skipped.
 */
export async function sendDueEmails(db: Db, mailer: Mailer, now = new Date()): Promise<number> {
  const pending = await db
    .select({
      n: notifications,
      email: users.email,
      lang: users.lang,
      pref: notificationPrefs.email,
      tambon: tambons.nameTh,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(tambons, eq(tambons.id, notifications.tambonId))
    .leftJoin(
      notificationPrefs,
      and(
        eq(notificationPrefs.userId, notifications.userId),
        eq(notificationPrefs.tambonId, notifications.tambonId),
      ),
    )
    .where(isNull(notifications.emailedAt));
  const groups = new Map<string, typeof pending>();
  for (const row of pending) {
    const pref = row.pref ?? "daily";
    if (!row.email || pref === "off") continue;
    if (pref === "daily" && now.getTime() - row.n.createdAt.getTime() < 86400_000) {
      const oldest = pending.find(
        (p) => p.n.userId === row.n.userId && now.getTime() - p.n.createdAt.getTime() >= 86400_000,
      );
      if (!oldest) continue;
    }
    const key = `${row.n.tambonId}:${row.n.userId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  let sent = 0;
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const lang = first.lang;
    const lines = rows.map((r) => `• ${notificationText(r.n, lang)}`);
    await mailer.sendMail({
      to: first.email!,
      subject: msg.t(lang)("notif.digestSubject", { tambon: first.tambon }),
      text: lines.join("\n"),
    });
    await db
      .update(notifications)
      .set({ emailedAt: now })
      .where(
        inArray(
          notifications.id,
          rows.map((r) => r.n.id),
        ),
      );
    sent++;
  }
  return sent;
}
