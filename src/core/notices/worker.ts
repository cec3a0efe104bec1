import { and, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "../db/index.ts";
import type { Config } from "../config.ts";
import { openChannel } from "./channel-secrets.ts";
import { mailerFor, type Mailer } from "../mail.ts";
import type { ModuleJob } from "../modules.ts";
import { lineChannels, notices } from "./schema.ts";
import { LINE_API_URL, pushText } from "./line.ts";

/** Attempts before a notice is given up (LINE or the mail server kept failing). */
export const MAX_ATTEMPTS = 6;
/** The first wait after a failed attempt; each next one doubles, up to MAX_BACKOFF_MS. */
export const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** How long a notice waits while LINE cannot be reached (or e-mail is not set up) before a new look. */
export const OFFLINE_WAIT_MS = 60_000;
/** A notice that could not even be tried for this long (LINE unreachable, no e-mail set up) is given up. */
export const MAX_WAIT_MS = 7 * 24 * 60 * 60 * 1000;
/** How long a claimed notice is held by one process before another may take it over. */
const LEASE_MS = 5 * 60_000;
/** Notices taken per pass. */
const BATCH = 100;

/** The wait after the n-th failed attempt (n ≥ 1): 30 s, 1 min, 2 min … at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * What a delivery pass needs: where LINE answers, the mailer (null without SMTP_URL) and the
 * installation secret that opens the channels' sealed tokens.
 */
export interface DeliveryDeps {
  lineApiUrl: string;
  mailer: Mailer | null;
  secret: string;
}

/** What one pass did, for logs and tests. */
export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  waiting: number;
}

type Row = typeof notices.$inferSelect;

/**
 * One pass over the queue: takes the notices that are due (each held by this process for a lease,
 * `FOR UPDATE SKIP LOCKED`, so several instances never send one twice) and sends them, LINE ones
 * with their tambon's own channel token. While LINE cannot be reached, the tambon's notices wait
 * without using up their attempts and its channel records since when.
 */
export async function deliverNotices(
  db: Db,
  deps: DeliveryDeps,
  now = new Date(),
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, waiting: 0 };
  const rows = await rowsOf<Row>(
    db,
    sql`
    update ${notices} set status = 'sending',
      next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
    where id in (
      select id from ${notices}
      where status in ('waiting', 'sending') and next_attempt_at <= ${now.toISOString()}::timestamptz
      order by id limit ${BATCH} for update skip locked)
    returning id, tambon_id as "tambonId", channel, recipient, subject, body,
      retry_key as "retryKey", attempts, created_at as "createdAt"`,
  );
  // Waited too long without being tried: given up, so the queue never grows without end.
  const tooOld = rows.filter((r) => now.getTime() - new Date(r.createdAt).getTime() > MAX_WAIT_MS);
  await settle(db, tooOld, { status: "failed", lastError: "waited more than 7 days" });
  report.failed += tooOld.length;
  const byTambon = new Map<number, Row[]>();
  for (const r of rows.filter((x) => !tooOld.includes(x)).sort((a, b) => a.id - b.id)) {
    if (r.channel === "email") await deliverEmail(db, deps.mailer, r, now, report);
    else byTambon.set(r.tambonId, [...(byTambon.get(r.tambonId) ?? []), r]);
  }
  for (const [tambonId, list] of byTambon) await deliverLine(db, deps, tambonId, list, now, report);
  return report;
}

async function deliverLine(
  db: Db,
  deps: DeliveryDeps,
  tambonId: number,
  list: Row[],
  now: Date,
  report: DeliveryReport,
): Promise<void> {
  const [channel] = await db.select().from(lineChannels).where(eq(lineChannels.tambonId, tambonId));
  const opened = channel ? openChannel(deps.secret, channel) : null;
  if (!channel || !opened) {
    const lastError = channel
      ? "the LINE token does not open with this TAMBON_SECRET"
      : "no LINE channel";
    await settle(db, list, { status: "failed", lastError });
    report.failed += list.length;
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const n = list[i]!;
    const out = await pushText(
      deps.lineApiUrl,
      opened.accessToken,
      n.recipient,
      n.body,
      n.retryKey,
    );
    if (out.kind === "unreachable") {
      // LINE is not there: this and the tambon's other notices wait, their attempts unspent.
      const rest = list.slice(i);
      await settle(db, rest, {
        status: "waiting",
        lastError: `LINE unreachable: ${out.error}`,
        nextAttemptAt: new Date(now.getTime() + OFFLINE_WAIT_MS),
      });
      await db
        .update(lineChannels)
        .set({
          unreachableSince: sql`coalesce(${lineChannels.unreachableSince}, ${now.toISOString()}::timestamptz)`,
        })
        .where(eq(lineChannels.tambonId, tambonId));
      report.waiting += rest.length;
      return;
    }
    if (channel.unreachableSince) {
      await db
        .update(lineChannels)
        .set({ unreachableSince: null })
        .where(eq(lineChannels.tambonId, tambonId));
      channel.unreachableSince = null;
    }
    if (out.kind === "sent") await sent(db, n, now, report);
    else await failedAttempt(db, n, out.error, out.kind === "refused", now, report);
  }
}

async function deliverEmail(
  db: Db,
  mailer: Mailer | null,
  n: Row,
  now: Date,
  report: DeliveryReport,
): Promise<void> {
  if (!mailer) {
    await settle(db, [n], {
      status: "waiting",
      lastError: "e-mail not set up (SMTP_URL)",
      nextAttemptAt: new Date(now.getTime() + OFFLINE_WAIT_MS),
    });
    report.waiting++;
    return;
  }
  try {
    await mailer.sendMail({ to: n.recipient, subject: n.subject, text: n.body });
  } catch (err) {
    await failedAttempt(db, n, (err as Error).message.slice(0, 300), false, now, report);
    return;
  }
  await sent(db, n, now, report);
}

async function sent(db: Db, n: Row, now: Date, report: DeliveryReport) {
  await db
    .update(notices)
    .set({ status: "sent", sentAt: now, attempts: n.attempts + 1, lastError: "" })
    .where(eq(notices.id, n.id));
  report.sent++;
}

async function failedAttempt(
  db: Db,
  n: Row,
  error: string,
  final: boolean,
  now: Date,
  report: DeliveryReport,
) {
  const attempts = n.attempts + 1;
  const giveUp = final || attempts >= MAX_ATTEMPTS;
  await db
    .update(notices)
    .set({
      status: giveUp ? "failed" : "waiting",
      attempts,
      lastError: error,
      nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
    })
    .where(eq(notices.id, n.id));
  if (giveUp) report.failed++;
  else report.retried++;
}

async function settle(db: Db, list: Row[], set: Partial<typeof notices.$inferInsert>) {
  if (!list.length) return;
  await db
    .update(notices)
    .set(set)
    .where(
      and(
        inArray(
          notices.id,
          list.map((n) => n.id),
        ),
        eq(notices.status, "sending"),
      ),
    );
}

let mailer: Promise<Mailer | null> | undefined;

/** The core's job that sends the queue every few seconds while the server runs. */
export function noticeJob(): ModuleJob {
  return {
    id: "core.notices",
    everyMs: 10_000,
    run: async (deps) => {
      await deliverNotices(deps.database.db, {
        lineApiUrl: lineApiUrl(deps.config),
        mailer: await (mailer ??= mailerFor(deps.config)),
        secret: deps.config.secret,
      });
    },
  };
}

/** Where this installation reaches LINE (LINE_API_URL, or LINE's own address). */
export function lineApiUrl(config: Config): string {
  return config.lineApiUrl ?? LINE_API_URL;
}
