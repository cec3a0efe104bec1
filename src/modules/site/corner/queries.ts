import { type DbOrTx } from "../../../core/db/index.ts";
import { siteComments, sitePhotos, sitePosts, siteReports } from "../schema.ts";
import { users } from "../../../core/db/schema.ts";
import { asc, count, desc, eq, isNull } from "drizzle-orm";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Posts of the members' corner with their authors' names. */
export function listPosts(
  db: DbOrTx,
  tambonId: number,
  status: "approved" | "pending" | "hidden",
  limit = 50,
  offset = 0,
) {
  return db
    .select({
      ...pick(sitePosts, "id", "title", "body", "status", "reason", "createdAt"),
      authorName: users.name,
    })
    .from(sitePosts)
    .leftJoin(users, eq(users.id, sitePosts.authorId))
    .where(tambonWhere(sitePosts, tambonId, { status }))
    .orderBy(desc(sitePosts.createdAt), desc(sitePosts.id))
    .limit(limit)
    .offset(offset);
}

/** The number of members' posts of a tambon with a status. */
export async function countPosts(
  db: DbOrTx,
  tambonId: number,
  status: "approved" | "pending" | "hidden",
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sitePosts)
    .where(tambonWhere(sitePosts, tambonId, { status }));
  return Number(row?.n ?? 0);
}

/** A members' post with its author's name. */
export async function findPost(db: DbOrTx, tambonId: number, id: number) {
  const [post] = await db
    .select({
      ...pick(sitePosts, "id", "title", "body", "status", "createdAt"),
      authorName: users.name,
    })
    .from(sitePosts)
    .leftJoin(users, eq(users.id, sitePosts.authorId))
    .where(tambonWhere(sitePosts, tambonId, { id }));
  return post;
}

/** The photos of a members' post, in order. */
export function postPhotos(db: DbOrTx, tambonId: number, postId: number) {
  return tambonRows(db, sitePhotos, tambonId, { postId }, asc(sitePhotos.position));
}

/** The comments of a post that are not hidden, oldest first, with their authors' names. */
export function shownComments(db: DbOrTx, tambonId: number, postId: number) {
  return db
    .select({
      ...pick(siteComments, "id", "body", "createdAt"),
      authorName: users.name,
    })
    .from(siteComments)
    .leftJoin(users, eq(users.id, siteComments.authorId))
    .where(tambonWhere(siteComments, tambonId, { postId, hidden: false }))
    .orderBy(asc(siteComments.createdAt));
}

/** Reports not yet dealt with, oldest first, with the post's title and the comment reported. */
export function openReports(db: DbOrTx, tambonId: number) {
  return db
    .select({
      ...pick(siteReports, "id", "postId", "commentId", "reason"),
      postTitle: sitePosts.title,
      commentBody: siteComments.body,
    })
    .from(siteReports)
    .innerJoin(sitePosts, eq(sitePosts.id, siteReports.postId))
    .leftJoin(siteComments, eq(siteComments.id, siteReports.commentId))
    .where(tambonWhere(siteReports, tambonId, {}, isNull(siteReports.resolvedAt)))
    .orderBy(asc(siteReports.createdAt));
}
