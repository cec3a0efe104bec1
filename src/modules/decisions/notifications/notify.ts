import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { tambons, users } from "../../../core/db/schema.ts";
import {
  alternatives,
  ballots,
  delegations,
  notificationPrefs,
  notifications,
  supporters,
} from "../schema.ts";
import type { Question } from "../shared/queries.ts";
import { msg } from "../messages.ts";
import { enqueueNotices } from "../../../core/notices/index.ts";
import { DELEGATE_VOTED_NOTICE, DELEGATION_NOTICE, VOTE_NOTICE } from "./kinds.ts";

export type { Mailer } from "../../../core/mail.ts";
import type { Mailer } from "../../../core/mail.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Adds in-app notifications for people (each once). */
export async function notify(
  tx: DbOrTx,
  tambonId: number,
  userIds: number[],
  kind: "phase" | "delegated" | "closing" | "voted",
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
  // The same news by LINE and e-mail, for the members who chose so (core notices).
  const notice =
    kind === "delegated"
      ? DELEGATION_NOTICE
      : kind === "voted"
        ? DELEGATE_VOTED_NOTICE
        : kind === "closing" || payload.phase === "voting"
          ? VOTE_NOTICE
          : null;
  if (notice)
    await enqueueNotices(tx, {
      tambonId,
      userIds: unique,
      kind: notice,
      text: (lang) => notificationText({ kind, payload }, lang),
    });
}

/** The people who follow a question: its author and the supporters of its alternatives. */
export async function followersOf(tx: DbOrTx, question: Question): Promise<number[]> {
  const rows = await tx
    .select({ userId: supporters.userId })
    .from(supporters)
    .innerJoin(alternatives, eq(alternatives.id, supporters.alternativeId))
    .where(
      tambonWhere(supporters, question.tambonId, {}, eq(alternatives.questionId, question.id)),
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

/**
 * Tells the members whose vote on a question goes to `voterId` (their delegation for the question,
 * else its area, else the tambon, names the voter) and who have not voted themselves that their
 * delegate has voted. Only the first link of a chain is told: further trusters hear from theirs.
 */
export async function notifyTrusters(
  tx: DbOrTx,
  question: Question,
  voterId: number,
): Promise<void> {
  const rows = await tx
    .select({
      ...pick(delegations, "trusterId", "trusteeId", "scope", "areaId", "questionId"),
    })
    .from(delegations)
    .where(
      tambonWhere(delegations, question.tambonId, {
        trusterId: anyOf(
          tx
            .select({ id: delegations.trusterId })
            .from(delegations)
            .where(tambonWhere(delegations, question.tambonId, { trusteeId: voterId })),
        ),
      }),
    );
  const rank = (r: (typeof rows)[number]) =>
    r.scope === "question" && r.questionId === question.id
      ? 3
      : r.scope === "area" && r.areaId === question.areaId
        ? 2
        : r.scope === "tambon"
          ? 1
          : 0;
  const applies = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    const best = applies.get(r.trusterId);
    if (rank(r) > 0 && (!best || rank(r) > rank(best))) applies.set(r.trusterId, r);
  }
  const trusters = [...applies.values()]
    .filter((r) => r.trusteeId === voterId && r.trusterId !== voterId)
    .map((r) => r.trusterId);
  if (!trusters.length) return;
  const voted = new Set(
    (
      await tx
        .select({ userId: ballots.userId })
        .from(ballots)
        .where(and(eq(ballots.questionId, question.id), inArray(ballots.userId, trusters)))
    ).map((b) => b.userId),
  );
  const [voter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, voterId));
  await notify(
    tx,
    question.tambonId,
    trusters.filter((id) => !voted.has(id)),
    "voted",
    question.id,
    { title: question.title, name: voter?.name ?? "" },
  );
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
  if (n.kind === "voted") return t("notif.voted", { name: String(p.name), title: String(p.title) });
  return t("notif.closing", { title: String(p.title) });
}

/**
 * Sends the e-mails due: each notification at once for people who chose so, and a daily digest
 * (once their oldest unsent notification is a day old) for the others, one e-mail per person.
 * Notifications of people without an e-mail address or who chose none are marked as handled
 * (emailed_at set without sending), so no later pass reads them again.
 */
export async function sendDueEmails(db: Db, mailer: Mailer, now = new Date()): Promise<number> {
  const pref = sql<string>`coalesce(${notificationPrefs.email}, 'daily')`;
  const prefJoin = tambonWhere(notificationPrefs, notifications.tambonId, {
    userId: notifications.userId,
  });
  // Not wanted by e-mail: mark once, in one statement.
  await db
    .update(notifications)
    .set({ emailedAt: now })
    .where(
      and(
        isNull(notifications.emailedAt),
        sql`exists (select 1 from ${users} u left join ${notificationPrefs} p
              on p.user_id = u.id and p.tambon_id = ${notifications.tambonId}
            where u.id = ${notifications.userId}
              and (u.email is null or u.email = '' or coalesce(p.email, 'daily') = 'off'))`,
      ),
    );
  // Who is due an e-mail now, grouped per person in SQL.
  const dayAgo = new Date(now.getTime() - 86400_000);
  const due = await db
    .select({
      tambonId: notifications.tambonId,
      userId: notifications.userId,
      email: users.email,
      lang: users.lang,
      tambon: tambons.nameTh,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(tambons, eq(tambons.id, notifications.tambonId))
    .leftJoin(notificationPrefs, prefJoin)
    .where(and(isNull(notifications.emailedAt), isNotNull(users.email)))
    .groupBy(
      notifications.tambonId,
      notifications.userId,
      users.email,
      users.lang,
      tambons.nameTh,
      notificationPrefs.email,
    )
    .having(
      sql`${pref} = 'each' or min(${notifications.createdAt}) <= ${dayAgo.toISOString()}::timestamptz`,
    );
  let sent = 0;
  for (const person of due) {
    const rows = await db
      .select()
      .from(notifications)
      .where(
        tambonWhere(
          notifications,
          person.tambonId,
          { userId: person.userId },
          isNull(notifications.emailedAt),
        ),
      )
      .orderBy(asc(notifications.id));
    if (!rows.length) continue;
    const lines = rows.map((n) => `• ${notificationText(n, person.lang)}`);
    await mailer.sendMail({
      to: person.email!,
      subject: msg.t(person.lang)("notif.digestSubject", { tambon: person.tambon }),
      text: lines.join("\n"),
    });
    await db
      .update(notifications)
      .set({ emailedAt: now })
      .where(
        inArray(
          notifications.id,
          rows.map((r) => r.id),
        ),
      );
    sent++;
  }
  return sent;
}
