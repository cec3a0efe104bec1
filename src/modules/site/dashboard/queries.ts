import { desc, eq, isNull, like, ne, or, sql } from "drizzle-orm";
import { type DbOrTx } from "../../../core/db/index.ts";
import { auditLog, users } from "../../../core/db/schema.ts";
import { siteComplaints, siteJobs, siteNews, siteReports } from "../schema.ts";
import { listPosts } from "../corner/queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/**
 * What the editors' dashboard shows: the latest site changes, drafts and scheduled news, what
 * waits for moderation and, for complaint handlers, the open general complaints.
 */
export async function dashboardData(db: DbOrTx, tambonId: number, withComplaints: boolean) {
  const [recent, drafts, pendingPosts, pendingJobs, reports, complaints] = await Promise.all([
    db
      .select({
        ...pick(auditLog, "action", "at", "targetId", "before", "after"),
        actorName: users.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(
        tambonWhere(
          auditLog,
          tambonId,
          {},
          like(auditLog.action, "site.%"),
          ne(auditLog.action, "site.complaint.file"),
        ),
      )
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(15),
    db
      .select({
        ...pick(siteNews, "id", "title", "status", "publishAt"),
      })
      .from(siteNews)
      .where(
        tambonWhere(
          siteNews,
          tambonId,
          {},
          or(eq(siteNews.status, "draft"), sql`${siteNews.publishAt} > now()`),
        ),
      )
      .orderBy(desc(siteNews.updatedAt))
      .limit(20),
    listPosts(db, tambonId, "pending", 20),
    db
      .select({ id: siteJobs.id, title: siteJobs.title })
      .from(siteJobs)
      .where(tambonWhere(siteJobs, tambonId, { status: "pending" }))
      .limit(20),
    db
      .select({ id: siteReports.id })
      .from(siteReports)
      .where(tambonWhere(siteReports, tambonId, {}, isNull(siteReports.resolvedAt))),
    withComplaints
      ? db
          .select({
            ...pick(siteComplaints, "id", "code", "subject", "status"),
          })
          .from(siteComplaints)
          .where(
            tambonWhere(
              siteComplaints,
              tambonId,
              { channel: "general" },
              ne(siteComplaints.status, "closed"),
            ),
          )
          .orderBy(desc(siteComplaints.createdAt))
          .limit(20)
      : Promise.resolve([]),
  ]);
  return { recent, drafts, pendingPosts, pendingJobs, reports, complaints };
}
