import { siteJobs } from "../schema.ts";
import { z } from "zod";
import { fields } from "../../../core/forms.ts";
import { thaiDay } from "../statistics/visits.ts";
import { type Db, type DbOrTx } from "../../../core/db/index.ts";
import { indexItem, unindexItem } from "../search/commands.ts";
import { type Actor } from "../../../core/roles.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { changeSiteRow, saveSiteRow, type SaveCommand } from "../shared/save-row.ts";
import { pick } from "../../../core/pick.ts";

/** A job posting row. */
export type Job = typeof siteJobs.$inferSelect;

export const schema = z.object({
  title: fields.text(200),
  employer: fields.text(200),
  place: fields.optionalText(200),
  wage: fields.optionalText(100),
  contact: fields.text(200),
  details: fields.optionalText(5000),
  closesOn: fields.date(),
});

/** The moment a job stops showing: the end of its closing day in Thailand. */
export function closesAt(job: Pick<Job, "closesOn">): Date {
  return new Date(`${job.closesOn}T23:59:59.999+07:00`);
}

/** True when a job is shown on the board at the given moment. */
export function isOpen(job: Pick<Job, "status" | "closesOn">, now = new Date()): boolean {
  return job.status === "approved" && job.closesOn >= thaiDay(now);
}

export async function reindex(tx: DbOrTx, job: Job) {
  if (job.status !== "approved") return unindexItem(tx, job.tambonId, "job", job.id);
  await indexItem(tx, {
    tambonId: job.tambonId,
    kind: "job",
    refId: job.id,
    title: job.title,
    body: `${job.employer} ${job.place} ${job.wage} ${job.details}`,
    url: `/jobs/${job.id}`,
    visibleUntil: closesAt(job),
  });
}

/**
 * Posts or edits a job. Staff postings show at once; a member's (an employer's) waits for staff.
 */
export const saveJob: SaveCommand<Job> = (db, actor, tambonId, input, jobId) => {
  const staff = can(actor, "site.edit", { tambonId });
  return saveSiteRow(db, actor, tambonId, input, jobId, {
    table: siteJobs,
    schema,
    audit: ["site.job.create", "site.job.update", "site_job"],
    allowed: staff || (!jobId && can(actor, "site.post", { tambonId })),
    check: (v) => (v.closesOn < thaiDay() ? fail("closesOn", "jobs.pastClose") : undefined),
    values: async (_tx, v) =>
      ok({
        set: pick(v, "title", "employer", "place", "wage", "contact", "details", "closesOn"),
        insert: {
          status: staff ? ("approved" as const) : ("pending" as const),
          createdBy: actor.user?.id ?? null,
        },
      }),
    then: reindex,
    after: (row) => pick(row, "title", "status", "closesOn"),
  });
};

/** Staff approve or hide a job posting. */
export async function moderateJob(
  db: Db,
  actor: Actor,
  tambonId: number,
  jobId: number,
  decision: string,
): Promise<Result<Job, CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  if (decision !== "approved" && decision !== "hidden") return missing();
  return changeSiteRow(db, actor, tambonId, "site.edit", siteJobs, jobId, {
    set: { status: decision },
    action: `site.job.${decision}`,
    targetType: "site_job",
    then: reindex,
    after: () => ({ status: decision }),
  });
}
