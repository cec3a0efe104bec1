import { eq } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { tambons } from "../../../core/db/schema.ts";
import { getPartner, partnerUrl } from "../../network/public.ts";
import { charterClauseLinks, charterClauseProgress } from "../schema.ts";
import { cleanText, findClause } from "../document.ts";
import { LINK_TYPES, isProgress } from "../edition.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";
import { parseId } from "../../../core/params.ts";
import { getEdition, shownVersion, toId } from "../charters/queries.ts";
import { tambonRow, tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

async function clauseOfEdition(db: Db, tambonId: number, editionId: number, keyInput: string) {
  const found = await getEdition(db, tambonId, editionId);
  if (!found) return { found: undefined, ok: false } as const;
  const key = parseId(keyInput) ?? 0;
  const version = await shownVersion(db, found.edition);
  const clause = key ? findClause(version.doc, key) : undefined;
  return { found, ok: !!clause, key } as const;
}

/** Records the implementation status of a clause of an adopted edition, with a note. */
export async function setClauseProgress(
  db: Db,
  actor: Actor,
  tambonId: number,
  editionId: number,
  input: { clause: string; status: string; note: string },
): Promise<CharterResult<number>> {
  const c = await clauseOfEdition(db, tambonId, editionId, input.clause);
  if (!c.found) return missing();
  if (!can(actor, "charter.followUp", { tambonId })) return refused();
  if (c.found.edition.status !== "adopted") return fail("_form", "err.followUpOnlyAdopted");
  if (!c.ok) return fail("clause", "err.noSuchClause");
  if (!isProgress(input.status)) return fail("status", "err.required");
  const note = cleanText(input.note);
  if (note.length > 2000) return fail("note", "err.tooLong", { max: 2000 });
  const status = input.status;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(charterClauseProgress)
      .values({
        tambonId,
        charterId: c.found.charter.id,
        editionId,
        clauseKey: c.key,
        status,
        note,
        authorId: actor.user?.id ?? null,
      })
      .returning({ id: charterClauseProgress.id });
    await auditBy(tx, actor, tambonId, {
      action: "charter.progress.set",
      targetType: "charter_edition",
      targetId: editionId,
      after: { clauseKey: c.key, status, note },
    });
    return ok(row!.id);
  });
}

/** Links a clause to what carries it out: a project, indicator, partner or other record (label and link). */
export async function addClauseLink(
  db: Db,
  actor: Actor,
  tambonId: number,
  editionId: number,
  input: { clause: string; targetType: string; label: string; url: string; partner?: string },
): Promise<CharterResult<number>> {
  const c = await clauseOfEdition(db, tambonId, editionId, input.clause);
  if (!c.found) return missing();
  if (!can(actor, "charter.followUp", { tambonId })) return refused();
  if (!c.ok) return fail("clause", "err.noSuchClause");
  let targetId: number | null = null;
  if (input.partner) {
    // A partner of the tambon's network: its name and page come from the network module.
    const partner = await getPartner(db, tambonId, toId(input.partner));
    if (!partner) return fail("partner", "err.required");
    const [tb] = await db
      .select({ slug: tambons.slug })
      .from(tambons)
      .where(eq(tambons.id, tambonId));
    input = {
      ...input,
      targetType: "partner",
      label: partner.nameTh,
      url: partnerUrl(tb!.slug, partner.id),
    };
    targetId = partner.id;
  }
  if (!(LINK_TYPES as readonly string[]).includes(input.targetType))
    return fail("targetType", "err.required");
  const label = cleanText(input.label).replace(/\s+/g, " ");
  if (!label) return fail("label", "err.required");
  if (label.length > 300) return fail("label", "err.tooLong", { max: 300 });
  const url = input.url.trim();
  if (url && !/^(https?:\/\/|\/)[^\s<>"]*$/i.test(url)) return fail("url", "err.url");
  if (url.length > 1000) return fail("url", "err.tooLong", { max: 1000 });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(charterClauseLinks)
      .values({
        tambonId,
        charterId: c.found.charter.id,
        clauseKey: c.key,
        targetType: input.targetType,
        targetId,
        label,
        url,
        createdBy: actor.user?.id ?? null,
      })
      .returning({ id: charterClauseLinks.id });
    await auditBy(tx, actor, tambonId, {
      action: "charter.link.add",
      targetType: "charter_clause_link",
      targetId: row!.id,
      after: { clauseKey: c.key, targetType: input.targetType, label, url },
    });
    return ok(row!.id);
  });
}

/** Removes a clause's link. */
export async function deleteClauseLink(
  db: Db,
  actor: Actor,
  tambonId: number,
  linkId: number,
): Promise<CharterResult<{ charterId: number; clauseKey: number }>> {
  if (!toId(linkId)) return missing();
  const row = await tambonRow(db, charterClauseLinks, tambonId, linkId);
  if (!row) return missing();
  if (!can(actor, "charter.followUp", { tambonId })) return refused();
  await db.transaction(async (tx) => {
    await tx
      .delete(charterClauseLinks)
      .where(tambonWhere(charterClauseLinks, tambonId, { id: linkId }));
    await auditBy(tx, actor, tambonId, {
      action: "charter.link.delete",
      targetType: "charter_clause_link",
      targetId: linkId,
      before: { ...pick(row, "clauseKey", "targetType", "label") },
    });
  });
  return ok({ charterId: row.charterId, clauseKey: row.clauseKey });
}
