import { randomInt } from "node:crypto";
import { eq, gt, ne } from "drizzle-orm";
import type { Db } from "../db/index.ts";
import { audit, auditBy } from "../audit.ts";
import { can } from "../policy.ts";
import type { Actor } from "../roles.ts";
import { fail, ok, refused, type Result } from "../result.ts";
import type { CoreKey } from "../i18n/messages.ts";
import { lineChannels, lineLinks, noticePrefs } from "./schema.ts";
import { CHANNELS, type NoticeKind } from "./index.ts";
import type { NoticesKey } from "./messages.ts";
import { sealChannelValue } from "./channel-secrets.ts";
import { tambonWhere } from "../db/tambon-row.ts";
import { pick } from "../pick.ts";

/** How long a link code can be sent to the tambon's LINE account. */
export const CODE_MINUTES = 30;
/** Letters of a link code: no 0/O or 1/I/L, so that it can be read aloud and typed. */
const CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

const BASIC_ID = /^@[a-z0-9._-]{3,40}$/i;
const TOKEN = /^[A-Za-z0-9+/=._-]{20,500}$/;
const SECRET = /^[0-9a-f]{32}$/i;

/** The last characters of a secret, to show which one is kept without showing it. */
export function secretHint(value: string): string {
  return `…${value.slice(-4)}`;
}

/**
 * The tambon admin sets the tambon's LINE channel: basic ID, channel access token and secret. An
 * empty token or secret keeps the one stored. Both are stored sealed (`channel-secrets.ts`). The
 * audit row names the change, never the secrets.
 */
export async function saveLineChannel(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  /** The installation secret: the token and channel secret are stored sealed under it. */
  installationSecret: string,
): Promise<Result<null, NoticesKey | CoreKey>> {
  if (!can(actor, "tambon.manage", { tambonId })) return refused();
  const basicId = (input.basicId ?? "").trim();
  const token = (input.accessToken ?? "").trim();
  const secret = (input.channelSecret ?? "").trim();
  const [current] = await db.select().from(lineChannels).where(eq(lineChannels.tambonId, tambonId));
  if (!BASIC_ID.test(basicId)) return fail("basicId", "err.basicId");
  if (!token && !current) return fail("accessToken", "err.required");
  if (token && !TOKEN.test(token)) return fail("accessToken", "err.token");
  if (!secret && !current) return fail("channelSecret", "err.required");
  if (secret && !SECRET.test(secret)) return fail("channelSecret", "err.secret");
  const values = {
    basicId,
    accessToken: token
      ? sealChannelValue(installationSecret, tambonId, "access_token", token)
      : current!.accessToken,
    channelSecret: secret
      ? sealChannelValue(installationSecret, tambonId, "channel_secret", secret)
      : current!.channelSecret,
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(lineChannels)
      .values({
        tambonId,
        ...pick(values, "basicId", "accessToken", "channelSecret"),
      })
      .onConflictDoUpdate({ target: lineChannels.tambonId, set: values });
    await auditBy(tx, actor, tambonId, {
      action: "notices.line.save",
      targetType: "line_channel",
      targetId: tambonId,
      before: current ? { basicId: current.basicId } : null,
      after: { basicId, replaced: [...(token ? ["token"] : []), ...(secret ? ["secret"] : [])] },
    });
  });
  return ok(null);
}

/** The tambon admin removes the LINE channel: nothing more goes out by LINE. */
export async function removeLineChannel(
  db: Db,
  actor: Actor,
  tambonId: number,
): Promise<Result<null, CoreKey>> {
  if (!can(actor, "tambon.manage", { tambonId })) return refused();
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(lineChannels)
      .where(eq(lineChannels.tambonId, tambonId))
      .returning({ basicId: lineChannels.basicId });
    if (gone.length)
      await auditBy(tx, actor, tambonId, {
        action: "notices.line.remove",
        targetType: "line_channel",
        targetId: tambonId,
        before: { basicId: gone[0]!.basicId },
      });
  });
  return ok(null);
}

/** Whether the actor is an active member of the tambon (notices are for members). */
function member(actor: Actor, tambonId: number): number | null {
  return actor.user && actor.memberOf.has(tambonId) ? actor.user.id : null;
}

/** A member asks for a new link code (the earlier one stops working). */
export async function newLinkCode(
  db: Db,
  actor: Actor,
  tambonId: number,
  now = new Date(),
): Promise<Result<{ code: string; expiresAt: Date }, CoreKey>> {
  const userId = member(actor, tambonId);
  if (!userId) return refused();
  const code = Array.from({ length: 8 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join(
    "",
  );
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await tx
      .insert(lineLinks)
      .values({ tambonId, userId, code, codeExpiresAt: expiresAt })
      .onConflictDoUpdate({
        target: [lineLinks.tambonId, lineLinks.userId],
        set: { code, codeExpiresAt: expiresAt },
      });
    await audit(tx, {
      tambonId,
      actorId: userId,
      action: "notices.line.code",
      targetType: "user",
      targetId: userId,
    });
  });
  return ok({ code, expiresAt });
}

/** A member unlinks their LINE account: no more notices by LINE, the pending code goes too. */
export async function unlinkLine(
  db: Db,
  actor: Actor,
  tambonId: number,
): Promise<Result<null, CoreKey>> {
  const userId = member(actor, tambonId);
  if (!userId) return refused();
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(lineLinks)
      .where(tambonWhere(lineLinks, tambonId, { userId }))
      .returning({ id: lineLinks.id });
    if (gone.length)
      await audit(tx, {
        tambonId,
        actorId: userId,
        action: "notices.line.unlink",
        targetType: "user",
        targetId: userId,
      });
  });
  return ok(null);
}

/** One event of a LINE webhook, as far as linking reads it. */
interface LineEvent {
  type?: unknown;
  source?: { userId?: unknown };
  message?: { type?: unknown; text?: unknown };
}

/**
 * The events of a tambon's webhook (its signature already checked): a text message carrying a
 * member's valid link code links that member to the LINE user who sent it. Returns how many
 * members were linked.
 */
export async function linkFromEvents(
  db: Db,
  tambonId: number,
  events: unknown,
  now = new Date(),
): Promise<number> {
  if (!Array.isArray(events)) return 0;
  let linked = 0;
  for (const e of events.slice(0, 100) as LineEvent[]) {
    if (e?.type !== "message" || e.message?.type !== "text") continue;
    const lineUserId = e.source?.userId;
    const text = e.message.text;
    if (typeof lineUserId !== "string" || !/^U[0-9a-f]{32}$/.test(lineUserId)) continue;
    if (typeof text !== "string") continue;
    const code = text.trim().toUpperCase();
    if (!/^[A-Z0-9]{8}$/.test(code)) continue;
    await db.transaction(async (tx) => {
      const [link] = await tx
        .select()
        .from(lineLinks)
        .where(tambonWhere(lineLinks, tambonId, { code }, gt(lineLinks.codeExpiresAt, now)));
      if (!link) return;
      // One LINE account belongs to one member of a tambon: an earlier link of it goes.
      await tx
        .delete(lineLinks)
        .where(tambonWhere(lineLinks, tambonId, { lineUserId }, ne(lineLinks.id, link.id)));
      await tx
        .update(lineLinks)
        .set({ lineUserId, linkedAt: now, code: null, codeExpiresAt: null })
        .where(eq(lineLinks.id, link.id));
      await audit(tx, {
        tambonId,
        actorId: link.userId,
        action: "notices.line.link",
        targetType: "user",
        targetId: link.userId,
      });
      linked++;
    });
  }
  return linked;
}

/**
 * A member's choices: for every kind and channel, whether they want it (a ticked box,
 * `<kind>:<channel>`). Only the kinds of the installation are stored.
 */
export async function saveChoices(
  db: Db,
  actor: Actor,
  tambonId: number,
  kinds: readonly NoticeKind[],
  ticked: ReadonlySet<string>,
): Promise<Result<null, CoreKey>> {
  const userId = member(actor, tambonId);
  if (!userId) return refused();
  const rows = kinds.flatMap((k) =>
    CHANNELS.map((channel) => ({
      tambonId,
      userId,
      kind: k.kind,
      channel,
      wanted: ticked.has(`${k.kind}:${channel}`),
    })),
  );
  await db.transaction(async (tx) => {
    await tx.delete(noticePrefs).where(tambonWhere(noticePrefs, tambonId, { userId }));
    if (rows.length) await tx.insert(noticePrefs).values(rows);
    await audit(tx, {
      tambonId,
      actorId: userId,
      action: "notices.prefs.save",
      targetType: "user",
      targetId: userId,
      after: { wanted: rows.filter((r) => r.wanted).map((r) => `${r.kind}:${r.channel}`) },
    });
  });
  return ok(null);
}
