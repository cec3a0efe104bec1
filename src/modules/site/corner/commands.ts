import { siteComments, sitePosts, siteReports } from "../schema.ts";
import { type PreparedPhoto } from "../shared/media.ts";
import { keepPhotos } from "../galleries/commands.ts";
import { z } from "zod";
import { fields, parseForm } from "../../../core/forms.ts";
import { type Db, type DbOrTx } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { indexItem, unindexItem } from "../search/commands.ts";
import { auditSite } from "../shared/fields.ts";
import { isNull } from "drizzle-orm";
import { parseId } from "../../../core/params.ts";
import { tambonRow, tambonWhere } from "../../../core/db/tambon-row.ts";
import { changeSiteRow, updateOwned } from "../shared/save-row.ts";

/** A members' corner post row. */
export type Post = typeof sitePosts.$inferSelect;

export const postSchema = z.object({ title: fields.text(200), body: fields.text(10_000) });

/** The path of a post inside its tambon's site. */
export function postPath(post: Pick<Post, "id">): string {
  return `/corner/${post.id}`;
}

/** Puts an approved post into the tambon's search. */
export function indexPost(tx: DbOrTx, post: Post): Promise<void> {
  return indexItem(tx, {
    tambonId: post.tambonId,
    kind: "post",
    refId: post.id,
    title: post.title,
    body: post.body,
    url: postPath(post),
  });
}

/**
 * A member writes a post, with its prepared photos stored in the same transaction; it waits for an
 * editor (editors' own posts are shown at once).
 */
export async function createPost(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  photos: PreparedPhoto[] = [],
): Promise<Result<Post, SiteKey | CoreKey>> {
  if (!can(actor, "site.post", { tambonId })) return refused();
  const parsed = parseForm(postSchema, input);
  if (!parsed.ok) return parsed;
  const editor = can(actor, "site.moderate", { tambonId });
  return db.transaction(async (tx) => {
    const [post] = await tx
      .insert(sitePosts)
      .values({
        tambonId,
        authorId: actor.user?.id ?? null,
        title: parsed.value.title,
        body: parsed.value.body,
        status: editor ? "approved" : "pending",
        moderatedBy: editor ? (actor.user?.id ?? null) : null,
        moderatedAt: editor ? new Date() : null,
      })
      .returning();
    if (post!.status === "approved") await indexPost(tx, post!);
    await auditSite(tx, actor, tambonId, "site.post.create", "site_post", post!.id, {
      title: post!.title,
      status: post!.status,
    });
    if (photos.length) {
      const rows = await keepPhotos(tx, tambonId, { albumId: null, postId: post!.id }, photos);
      await auditSite(tx, actor, tambonId, "site.photo.add", "site_photo", rows[0]!.id, {
        albumId: null,
        postId: post!.id,
        count: rows.length,
      });
    }
    return ok(post!);
  });
}

/** An editor approves or hides a post; hiding needs a reason, which is recorded. */
export async function moderatePost(
  db: Db,
  actor: Actor,
  tambonId: number,
  postId: number,
  decision: string,
  reason: string,
): Promise<Result<Post, SiteKey | CoreKey>> {
  if (!can(actor, "site.moderate", { tambonId })) return refused();
  if (decision !== "approved" && decision !== "hidden") return missing();
  const why = reason.trim().slice(0, 500);
  if (decision === "hidden" && !why) return fail("reason", "mod.reasonNeeded");
  return db.transaction(async (tx) => {
    const current = await tambonRow(tx, sitePosts, tambonId, postId);
    if (!current) return missing();
    const [post] = await updateOwned(tx, sitePosts, tambonId, postId, {
      status: decision,
      reason: why,
      moderatedBy: actor.user?.id ?? null,
      moderatedAt: new Date(),
    });
    if (decision === "approved") await indexPost(tx, post!);
    else await unindexItem(tx, tambonId, "post", postId);
    await tx
      .update(siteReports)
      .set({ resolvedAt: new Date() })
      .where(tambonWhere(siteReports, tambonId, { postId }, isNull(siteReports.resolvedAt)));
    await auditSite(
      tx,
      actor,
      tambonId,
      `site.post.${decision === "approved" ? "approve" : "hide"}`,
      "site_post",
      postId,
      { status: decision, reason: why },
      { status: current.status },
    );
    return ok(post!);
  });
}

/** What a member sends about a post from its page (a comment, a report): the new row's id. */
export type PostForm = (
  db: Db,
  actor: Actor,
  tambonId: number,
  postId: number,
  input: Record<string, string>,
) => Promise<Result<number, SiteKey | CoreKey>>;

/** A member comments on a shown post. */
export const addComment: PostForm = async (db, actor, tambonId, postId, input) => {
  if (!can(actor, "site.post", { tambonId })) return refused();
  const parsed = parseForm(z.object({ body: fields.text(4000) }), input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const [post] = await tx
      .select({ id: sitePosts.id })
      .from(sitePosts)
      .where(tambonWhere(sitePosts, tambonId, { id: postId, status: "approved" }));
    if (!post) return missing();
    const [c] = await tx
      .insert(siteComments)
      .values({ tambonId, postId, authorId: actor.user?.id ?? null, body: parsed.value.body })
      .returning({ id: siteComments.id });
    await auditSite(tx, actor, tambonId, "site.comment.create", "site_comment", c!.id, { postId });
    return ok(c!.id);
  });
};

/** A member reports a post or one of its comments to the editors. */
export const reportContent: PostForm = async (db, actor, tambonId, postId, input) => {
  if (!can(actor, "site.post", { tambonId })) return refused();
  const parsed = parseForm(
    z.object({ reason: fields.text(500), commentId: z.string().optional() }),
    input,
  );
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const [post] = await tx
      .select({ id: sitePosts.id })
      .from(sitePosts)
      .where(tambonWhere(sitePosts, tambonId, { id: postId }));
    if (!post) return missing();
    let commentId: number | null = null;
    if (parsed.value.commentId) {
      const [c] = await tx
        .select({ id: siteComments.id })
        .from(siteComments)
        .where(
          tambonWhere(siteComments, tambonId, {
            id: parseId(parsed.value.commentId) ?? 0,
            postId,
          }),
        );
      if (!c) return missing();
      commentId = c.id;
    }
    const [r] = await tx
      .insert(siteReports)
      .values({
        tambonId,
        postId,
        commentId,
        reporterId: actor.user?.id ?? null,
        reason: parsed.value.reason,
      })
      .returning({ id: siteReports.id });
    await auditSite(tx, actor, tambonId, "site.report.create", "site_report", r!.id, {
      postId,
      commentId,
    });
    return ok(r!.id);
  });
};

/** An editor hides a comment, giving the reason (as for a post), and closes its reports. */
export async function hideComment(
  db: Db,
  actor: Actor,
  tambonId: number,
  commentId: number,
  reason: string,
): Promise<Result<typeof siteComments.$inferSelect, SiteKey | CoreKey>> {
  if (!can(actor, "site.moderate", { tambonId })) return refused();
  // Another tambon's comment is "not found" whatever the form holds.
  if (!(await tambonRow(db, siteComments, tambonId, commentId))) return missing();
  const why = reason.trim().slice(0, 500);
  if (!why) return fail("reason", "mod.reasonNeeded");
  return changeSiteRow(db, actor, tambonId, "site.moderate", siteComments, commentId, {
    set: { hidden: true },
    action: "site.comment.hide",
    targetType: "site_comment",
    then: (tx) =>
      tx
        .update(siteReports)
        .set({ resolvedAt: new Date() })
        .where(tambonWhere(siteReports, tambonId, { commentId })),
    after: () => ({ reason: why }),
  });
}

/** An editor marks a report as dealt with, leaving the content as it is. */
export async function resolveReport(
  db: Db,
  actor: Actor,
  tambonId: number,
  reportId: number,
): Promise<Result<typeof siteReports.$inferSelect, CoreKey>> {
  return changeSiteRow(db, actor, tambonId, "site.moderate", siteReports, reportId, {
    set: { resolvedAt: new Date() },
    action: "site.report.resolve",
    targetType: "site_report",
  });
}
