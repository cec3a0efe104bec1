import { asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { users, villages } from "../../../core/db/schema.ts";
import { charterCommentRatings, charterComments, charterVersions } from "../schema.ts";
import { ratingSummary, type Rating } from "../edition.ts";
import { versionNumbers } from "../charters/queries.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A comment with who wrote it, its village and the ratings of a suggestion. */
export interface CommentView {
  id: number;
  versionId: number;
  versionNumber: number;
  target: "clause" | "preamble" | "general";
  clauseKey: number | null;
  kind: "comment" | "suggestion";
  body: string;
  proposedText: string | null;
  author: string;
  authorId: number | null;
  recordedBy: string | null;
  village: string | null;
  villageId: number | null;
  phase: "draft" | "hearing";
  status: "open" | "accepted" | "declined";
  reason: string;
  decidedBy: string | null;
  appliedVersionNumber: number | null;
  createdAt: Date;
  ratings: ReturnType<typeof ratingSummary>;
  myRating: Rating | null;
}

/** Which comments of an edition a list shows: about one clause or the preamble, suggestions by status. */
interface CommentFilter {
  clauseKey?: number | null;
  /** Only comments on the preamble. */
  preamble?: boolean;
  /** Only suggestions with this status. */
  status?: "open" | "accepted" | "declined";
}

function commentFilter(tambonId: number, editionId: number, opts: CommentFilter) {
  return tambonWhere(
    charterComments,
    tambonId,
    { editionId },
    opts.clauseKey != null ? eq(charterComments.clauseKey, opts.clauseKey) : undefined,
    opts.preamble ? eq(charterComments.target, "preamble") : undefined,
    opts.status ? eq(charterComments.kind, "suggestion") : undefined,
    opts.status ? eq(charterComments.status, opts.status) : undefined,
  );
}

/** How many comments of an edition a list shows (for its pager). */
export async function countComments(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
  opts: CommentFilter = {},
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(charterComments)
    .where(commentFilter(tambonId, editionId, opts));
  return Number(row?.n ?? 0);
}

/** The comments of an edition (optionally of one clause), oldest first. */
export async function commentsOf(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
  opts: CommentFilter & {
    viewerId?: number | null;
    limit?: number;
    offset?: number;
  } = {},
): Promise<CommentView[]> {
  const recorder = sql<
    string | null
  >`(select name from users r where r.id = ${charterComments.recordedBy})`;
  const decider = sql<
    string | null
  >`(select name from users d where d.id = ${charterComments.decidedBy})`;
  const rows = await db
    .select({
      c: charterComments,
      author: users.name,
      village: villages.nameTh,
      recorder,
      decider,
      versionNumber: charterVersions.number,
    })
    .from(charterComments)
    .innerJoin(charterVersions, eq(charterVersions.id, charterComments.versionId))
    .leftJoin(users, eq(users.id, charterComments.authorId))
    .leftJoin(villages, eq(villages.id, charterComments.villageId))
    .where(commentFilter(tambonId, editionId, opts))
    .orderBy(asc(charterComments.id))
    .limit(opts.limit ?? 1000)
    .offset(opts.offset ?? 0);
  const ids = rows.map((r) => r.c.id);
  const ratings = ids.length
    ? await db
        .select({
          ...pick(charterCommentRatings, "commentId", "userId", "rating"),
        })
        .from(charterCommentRatings)
        .where(tambonWhere(charterCommentRatings, tambonId, { commentId: anyOf(ids) }))
    : [];
  const applied = await versionNumbers(
    db,
    tambonId,
    rows.map((r) => r.c.appliedVersionId).filter((x): x is number => x != null),
  );
  return rows.map(({ c, author, village, recorder: rec, decider: dec, versionNumber }) => {
    const mine = ratings.filter((r) => r.commentId === c.id);
    return {
      id: c.id,
      versionId: c.versionId,
      versionNumber,
      ...pick(c, "target", "clauseKey", "kind", "body", "proposedText"),
      author: author ?? c.authorName,
      authorId: c.authorId,
      recordedBy: rec,
      village,
      ...pick(c, "villageId", "phase", "status", "reason"),
      decidedBy: dec,
      appliedVersionNumber: c.appliedVersionId ? (applied.get(c.appliedVersionId) ?? null) : null,
      createdAt: c.createdAt,
      ratings: ratingSummary(mine.map((r) => r.rating)),
      myRating: mine.find((r) => r.userId === opts.viewerId)?.rating ?? null,
    };
  });
}

/** Number of comments per clause key (null key: preamble and general), for the edition page. */
export async function commentCounts(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
): Promise<Map<number | null, number>> {
  const rows = await db
    .select({ key: charterComments.clauseKey, n: sql<number>`count(*)::int` })
    .from(charterComments)
    .where(tambonWhere(charterComments, tambonId, { editionId }))
    .groupBy(charterComments.clauseKey);
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/** One comment's edition and clause (for re-showing the decline form). */
export async function commentOfId(db: Db, tambonId: number, id: number) {
  return db
    .select({ editionId: charterComments.editionId, clauseKey: charterComments.clauseKey })
    .from(charterComments)
    .where(tambonWhere(charterComments, tambonId, { id }));
}
