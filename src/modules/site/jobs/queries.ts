import { type DbOrTx } from "../../../core/db/index.ts";
import { siteJobs, siteLinks } from "../schema.ts";
import { asc, desc, gte } from "drizzle-orm";
import { thaiDay } from "../statistics/visits.ts";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";

/** The job-market links of a tambon. */
export function listLinks(db: DbOrTx, tambonId: number) {
  return tambonRows(db, siteLinks, tambonId, {}, asc(siteLinks.position));
}

/** Open, approved job postings (those past their closing day hide themselves). */
export function listOpenJobs(db: DbOrTx, tambonId: number, now = new Date()) {
  return db
    .select()
    .from(siteJobs)
    .where(
      tambonWhere(siteJobs, tambonId, { status: "approved" }, gte(siteJobs.closesOn, thaiDay(now))),
    )
    .orderBy(asc(siteJobs.closesOn), desc(siteJobs.id));
}

/** Every job posting of a tambon for its editors (pending and hidden too), newest first. */
export function listAllJobs(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(siteJobs)
    .where(tambonWhere(siteJobs, tambonId))
    .orderBy(desc(siteJobs.createdAt))
    .limit(200);
}
