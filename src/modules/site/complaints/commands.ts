import { siteComplaintEvents, siteComplaints } from "../schema.ts";
import { savePrivatePhoto, type PreparedPrivatePhoto } from "../shared/media.ts";
import { z } from "zod";
import { fields, parseForm } from "../../../core/forms.ts";
import { type Db } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { newTrackingCode } from "./tracking.ts";
import { eq } from "drizzle-orm";
import { auditSite } from "../shared/fields.ts";
import { roleGrants } from "../../../core/db/schema.ts";
import { tellFiler } from "./notices.ts";
import { tambonRow, tambonWhere } from "../../../core/db/tambon-row.ts";
import { updateOwned } from "../shared/save-row.ts";
import { pick } from "../../../core/pick.ts";

/** A complaint row. */
export type Complaint = typeof siteComplaints.$inferSelect;

/** The statuses a complaint goes through. */
export const COMPLAINT_STATUSES = ["received", "in_progress", "answered", "closed"] as const;

export const fileSchema = z.object({
  kind: fields.optionalChoice(["complaint", "request"], "complaint"),
  channel: fields.optionalChoice(["general", "corruption"], "general"),
  subject: fields.text(200),
  details: fields.text(10_000),
  location: fields.optionalText(500),
  name: fields.optionalText(200),
  contact: fields.optionalText(200),
});

/** The policy action that lets staff handle complaints of a channel. */
export function manageAction(channel: Complaint["channel"]): string {
  return channel === "corruption" ? "complaint.corruption" : "complaint.manage";
}

/** Anyone files a complaint or request (its photo stored with it) and gets its tracking code. */
export async function fileComplaint(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  photo: PreparedPrivatePhoto | null,
): Promise<Result<Complaint, SiteKey | CoreKey>> {
  if (!can(actor, "complaint.file", { tambonId })) return refused();
  const parsed = parseForm(fileSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return db.transaction(async (tx) => {
    let row: Complaint | undefined;
    for (let attempt = 0; !row && attempt < 5; attempt++) {
      const code = newTrackingCode();
      const [clash] = await tx
        .select({ id: siteComplaints.id })
        .from(siteComplaints)
        .where(eq(siteComplaints.code, code));
      if (clash) continue;
      [row] = await tx
        .insert(siteComplaints)
        .values({
          tambonId,
          code,
          ...pick(v, "kind", "channel", "subject", "details", "location", "name", "contact"),
          photo: photo?.name ?? null,
          // The corruption channel keeps no filer (see the column).
          filedBy:
            v.channel === "general" && actor.user && actor.memberOf.has(tambonId)
              ? actor.user.id
              : null,
        })
        .returning();
    }
    if (!row) return fail("_form", "error.500");
    if (photo) await savePrivatePhoto(tx, tambonId, photo);
    await tx.insert(siteComplaintEvents).values({
      tambonId,
      complaintId: row.id,
      status: "received",
      actorId: actor.user?.id ?? null,
    });
    // The audit row records the case, never the filer's name or contact.
    await auditSite(tx, actor, tambonId, "site.complaint.file", "site_complaint", row.id, {
      channel: row.channel,
      kind: row.kind,
    });
    return ok(row);
  });
}

export const updateSchema = z.object({
  status: fields.choice(COMPLAINT_STATUSES),
  assignedTo: fields.optionalId(),
  answer: fields.optionalText(10_000),
  note: fields.optionalText(2000),
});

/** Staff assign, answer, move on and close a complaint (corruption ones: admins only). */
export async function updateComplaint(
  db: Db,
  actor: Actor,
  tambonId: number,
  complaintId: number,
  input: Record<string, string>,
): Promise<Result<Complaint, SiteKey | CoreKey>> {
  const parsed = parseForm(updateSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return db.transaction(async (tx) => {
    const current = await tambonRow(tx, siteComplaints, tambonId, complaintId);
    if (!current) return missing();
    if (!can(actor, manageAction(current.channel), { tambonId })) return refused();
    if (v.assignedTo !== null) {
      const [staff] = await tx
        .select({ userId: roleGrants.userId })
        .from(roleGrants)
        .where(tambonWhere(roleGrants, tambonId, { userId: v.assignedTo }))
        .limit(1);
      if (!staff) return fail("assignedTo", "err.badId");
    }
    const [row] = await updateOwned(tx, siteComplaints, tambonId, complaintId, {
      ...pick(v, "status", "assignedTo", "answer"),
      updatedAt: new Date(),
      closedAt: v.status === "closed" ? (current.closedAt ?? new Date()) : null,
    });
    if (v.status !== current.status || v.note)
      await tx.insert(siteComplaintEvents).values({
        tambonId,
        complaintId,
        status: v.status,
        note: v.note,
        actorId: actor.user?.id ?? null,
      });
    if (v.status !== current.status) await tellFiler(tx, row!);
    await auditSite(
      tx,
      actor,
      tambonId,
      "site.complaint.update",
      "site_complaint",
      complaintId,
      { status: v.status, assignedTo: v.assignedTo },
      { status: current.status, assignedTo: current.assignedTo },
    );
    return ok(row!);
  });
}
