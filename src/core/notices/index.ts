import { eq, inArray, isNotNull } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/index.ts";
import { tambonMembers, tambons, users } from "../db/schema.ts";
import type { Lang, Msg } from "../i18n/index.ts";
import { lineChannels, lineLinks, noticePrefs, notices } from "./schema.ts";
import { nmsg } from "./messages.ts";
import { tambonWhere } from "../db/tambon-row.ts";
import { pick } from "../pick.ts";

/** The channels a notice goes by. */
export const CHANNELS = ["line", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * A kind of notice a module sends (declared in its manifest's `notices`, passed to
 * `enqueueNotices`): its key, how members see it on their choices page, and whether a channel
 * is on for a member who chose nothing (both, unless the module says otherwise).
 */
export interface NoticeKind {
  kind: string;
  label: Msg;
  defaults?: Partial<Record<Channel, boolean>>;
}

/** Whether a member who chose nothing hears about a kind by a channel. */
export function wantedByDefault(kind: NoticeKind, channel: Channel): boolean {
  return kind.defaults?.[channel] ?? true;
}

/**
 * What a command asks to tell people: who (some people, or every active member of the tambon),
 * about what, and the text in each language.
 */
export interface NoticeRequest {
  tambonId: number;
  userIds: readonly number[] | "members";
  kind: NoticeKind;
  text: (lang: Lang) => string;
}

/**
 * Puts notices in the queue, inside the command's transaction, for the active members of the
 * tambon among `userIds`: by LINE to those who linked their account (when the tambon has a LINE
 * channel) and by e-mail to those with an address, each as they chose for this kind. The tambon's
 * own channel sends them: a LINE link of another tambon is never used. Returns how many were queued.
 */
export async function enqueueNotices(tx: DbOrTx, req: NoticeRequest): Promise<number> {
  const asked = req.userIds;
  const everyone = asked === "members";
  const ids = asked === "members" ? [] : [...new Set(asked)];
  if (!everyone && !ids.length) return 0;
  /** The people asked for (no filter when every member is). */
  const among = (column: AnyPgColumn) => (everyone ? undefined : inArray(column, ids));
  const people = await tx
    .select({ ...pick(users, "id", "email", "lang") })
    .from(users)
    .innerJoin(
      tambonMembers,
      tambonWhere(tambonMembers, req.tambonId, { userId: users.id, status: "active" }),
    )
    .where(among(users.id));
  if (!people.length) return 0;
  const chosen = new Map<string, boolean>();
  for (const p of await tx
    .select()
    .from(noticePrefs)
    .where(
      tambonWhere(noticePrefs, req.tambonId, { kind: req.kind.kind }, among(noticePrefs.userId)),
    ))
    chosen.set(`${p.userId}:${p.channel}`, p.wanted);
  const wants = (userId: number, channel: Channel) =>
    chosen.get(`${userId}:${channel}`) ?? wantedByDefault(req.kind, channel);
  const [channel] = await tx
    .select({ tambonId: lineChannels.tambonId })
    .from(lineChannels)
    .where(eq(lineChannels.tambonId, req.tambonId));
  const lineOf = new Map<number, string>();
  if (channel)
    for (const l of await tx
      .select({ userId: lineLinks.userId, lineUserId: lineLinks.lineUserId })
      .from(lineLinks)
      .where(
        tambonWhere(
          lineLinks,
          req.tambonId,
          {},
          among(lineLinks.userId),
          isNotNull(lineLinks.lineUserId),
        ),
      ))
      lineOf.set(l.userId, l.lineUserId!);
  const [tambon] = await tx
    .select({ nameTh: tambons.nameTh, nameEn: tambons.nameEn })
    .from(tambons)
    .where(eq(tambons.id, req.tambonId));
  const rows: (typeof notices.$inferInsert)[] = [];
  for (const p of people) {
    const body = req.text(p.lang);
    const line = lineOf.get(p.id);
    if (line && wants(p.id, "line"))
      rows.push({
        tambonId: req.tambonId,
        userId: p.id,
        kind: req.kind.kind,
        channel: "line",
        recipient: line,
        body,
      });
    if (p.email && wants(p.id, "email"))
      rows.push({
        tambonId: req.tambonId,
        userId: p.id,
        kind: req.kind.kind,
        channel: "email",
        recipient: p.email,
        subject: mailSubject(p.lang, tambon),
        body,
      });
  }
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(notices).values(rows.slice(i, i + 500));
  return rows.length;
}

/**
 * Puts one e-mail in the tambon's queue for someone who is not a member (a group that asked for a
 * study visit through the public form, by the address it gave).
 */
export async function enqueueEmail(
  tx: DbOrTx,
  req: { tambonId: number; kind: NoticeKind; to: string; lang: Lang; text: string },
): Promise<void> {
  if (!/^[^@\s]+@[^@\s]+$/.test(req.to)) return;
  const [tambon] = await tx
    .select({ nameTh: tambons.nameTh, nameEn: tambons.nameEn })
    .from(tambons)
    .where(eq(tambons.id, req.tambonId));
  await tx.insert(notices).values({
    tambonId: req.tambonId,
    kind: req.kind.kind,
    channel: "email",
    recipient: req.to,
    subject: mailSubject(req.lang, tambon),
    body: req.text,
  });
}

function mailSubject(lang: Lang, tambon: { nameTh: string; nameEn: string } | undefined): string {
  const name = (lang === "en" ? tambon?.nameEn || tambon?.nameTh : tambon?.nameTh) ?? "";
  return nmsg.t(lang)("mail.subject", { tambon: name });
}
