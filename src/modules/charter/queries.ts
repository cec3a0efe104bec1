import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import { parseId } from "../../core/params.ts";
import { tambonMembers, users, villages } from "../../core/db/schema.ts";
import {
  charterClauseLinks,
  charterClauseProgress,
  charterCommentRatings,
  charterComments,
  charterEditions,
  charterPhotos,
  charterSignatories,
  charterVersions,
  charters,
} from "./schema.ts";
import type { CharterDoc } from "./document.ts";
import { ratingSummary, type Progress, type Rating } from "./edition.ts";

/** A charter row. */
export type CharterRow = typeof charters.$inferSelect;
/** An edition row. */
export type EditionRow = typeof charterEditions.$inferSelect;
/** A version row (with its document). */
export type VersionRow = typeof charterVersions.$inferSelect;
/** A signatory row without the image bytes. */
export type SignatoryRow = Omit<typeof charterSignatories.$inferSelect, "scan" | "thumb">;
/** A link row. */
export type LinkRow = typeof charterClauseLinks.$inferSelect;

/** A record id from a form or query value, read as the core reads ids (0 when it is not one). */
export function toId(value: unknown): number {
  return parseId(value) ?? 0;
}

/** One charter of the tambon (undefined for another tambon's). */
export async function getCharter(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<CharterRow | undefined> {
  if (!toId(id)) return undefined;
  const [row] = await db
    .select()
    .from(charters)
    .where(and(eq(charters.tambonId, tambonId), eq(charters.id, id)));
  return row;
}

/** One edition of the tambon with its charter (undefined for another tambon's). */
export async function getEdition(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<{ edition: EditionRow; charter: CharterRow } | undefined> {
  if (!toId(id)) return undefined;
  const [row] = await db
    .select({ edition: charterEditions, charter: charters })
    .from(charterEditions)
    .innerJoin(charters, eq(charters.id, charterEditions.charterId))
    .where(and(eq(charterEditions.tambonId, tambonId), eq(charterEditions.id, id)));
  return row;
}

/** The editions of a charter, newest first. */
export function editionsOf(db: DbOrTx, tambonId: number, charterId: number): Promise<EditionRow[]> {
  return db
    .select()
    .from(charterEditions)
    .where(and(eq(charterEditions.tambonId, tambonId), eq(charterEditions.charterId, charterId)))
    .orderBy(desc(charterEditions.number));
}

/** The edition in force: the adopted edition with the highest number (undefined: none yet). */
export function currentEdition(editions: EditionRow[]): EditionRow | undefined {
  return editions.filter((e) => e.status === "adopted").sort((a, b) => b.number - a.number)[0];
}

/** The edition being drafted or heard, if any. */
export function openEdition(editions: EditionRow[]): EditionRow | undefined {
  return editions.find((e) => e.status !== "adopted");
}

/** The charters of a tambon with their editions (newest first). */
export async function listCharters(
  db: DbOrTx,
  tambonId: number,
): Promise<{ charter: CharterRow; editions: EditionRow[] }[]> {
  const [rows, editions] = await Promise.all([
    db.select().from(charters).where(eq(charters.tambonId, tambonId)).orderBy(asc(charters.id)),
    db
      .select()
      .from(charterEditions)
      .where(eq(charterEditions.tambonId, tambonId))
      .orderBy(desc(charterEditions.number)),
  ]);
  return rows.map((charter) => ({
    charter,
    editions: editions.filter((e) => e.charterId === charter.id),
  }));
}

/** One version of an edition by id (undefined when it is not of this edition). */
export async function getVersionById(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
  id: number | null,
): Promise<VersionRow | undefined> {
  if (!id || !toId(id)) return undefined;
  const [row] = await db
    .select()
    .from(charterVersions)
    .where(
      and(
        eq(charterVersions.tambonId, tambonId),
        eq(charterVersions.editionId, editionId),
        eq(charterVersions.id, id),
      ),
    );
  return row;
}

/** One version of an edition by its number (1, 2, …). */
export async function getVersionByNumber(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
  number: number,
): Promise<VersionRow | undefined> {
  if (!toId(number)) return undefined;
  const [row] = await db
    .select()
    .from(charterVersions)
    .where(
      and(
        eq(charterVersions.tambonId, tambonId),
        eq(charterVersions.editionId, editionId),
        eq(charterVersions.number, number),
      ),
    );
  return row;
}

/** The version an edition shows: the adopted one when adopted, else the newest draft. */
export async function shownVersion(db: DbOrTx, edition: EditionRow): Promise<VersionRow> {
  const id = edition.adoptedVersionId ?? edition.currentVersionId;
  const row = await getVersionById(db, edition.tambonId, edition.id, id);
  if (!row) throw new Error(`edition ${edition.id} has no version ${id}`);
  return row;
}

/** The versions of an edition (without their documents), newest first, with author names. */
export function versionsOf(db: DbOrTx, tambonId: number, editionId: number) {
  return db
    .select({
      id: charterVersions.id,
      number: charterVersions.number,
      note: charterVersions.note,
      source: charterVersions.source,
      commentId: charterVersions.commentId,
      createdAt: charterVersions.createdAt,
      author: users.name,
    })
    .from(charterVersions)
    .leftJoin(users, eq(users.id, charterVersions.authorId))
    .where(and(eq(charterVersions.tambonId, tambonId), eq(charterVersions.editionId, editionId)))
    .orderBy(desc(charterVersions.number));
}

/** A version's number by id, for many ids at once. */
export async function versionNumbers(
  db: DbOrTx,
  tambonId: number,
  ids: number[],
): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: charterVersions.id, number: charterVersions.number })
    .from(charterVersions)
    .where(and(eq(charterVersions.tambonId, tambonId), inArray(charterVersions.id, ids)));
  return new Map(rows.map((r) => [r.id, r.number]));
}

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
  return and(
    eq(charterComments.tambonId, tambonId),
    eq(charterComments.editionId, editionId),
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
          commentId: charterCommentRatings.commentId,
          userId: charterCommentRatings.userId,
          rating: charterCommentRatings.rating,
        })
        .from(charterCommentRatings)
        .where(
          and(
            eq(charterCommentRatings.tambonId, tambonId),
            inArray(charterCommentRatings.commentId, ids),
          ),
        )
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
      target: c.target,
      clauseKey: c.clauseKey,
      kind: c.kind,
      body: c.body,
      proposedText: c.proposedText,
      author: author ?? c.authorName,
      authorId: c.authorId,
      recordedBy: rec,
      village,
      villageId: c.villageId,
      phase: c.phase,
      status: c.status,
      reason: c.reason,
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
    .where(and(eq(charterComments.tambonId, tambonId), eq(charterComments.editionId, editionId)))
    .groupBy(charterComments.clauseKey);
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/** The signatories of an edition in order (pillars first, then villages), without image bytes. */
export function signatoriesOf(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
): Promise<(SignatoryRow & { village: string | null; moo: number | null })[]> {
  return db
    .select({
      id: charterSignatories.id,
      tambonId: charterSignatories.tambonId,
      editionId: charterSignatories.editionId,
      kind: charterSignatories.kind,
      pillar: charterSignatories.pillar,
      villageId: charterSignatories.villageId,
      name: charterSignatories.name,
      position: charterSignatories.position,
      sortOrder: charterSignatories.sortOrder,
      signedOn: charterSignatories.signedOn,
      scanMime: charterSignatories.scanMime,
      scanBytes: charterSignatories.scanBytes,
      scanWidth: charterSignatories.scanWidth,
      scanHeight: charterSignatories.scanHeight,
      createdBy: charterSignatories.createdBy,
      createdAt: charterSignatories.createdAt,
      village: villages.nameTh,
      moo: villages.moo,
    })
    .from(charterSignatories)
    .leftJoin(villages, eq(villages.id, charterSignatories.villageId))
    .where(
      and(eq(charterSignatories.tambonId, tambonId), eq(charterSignatories.editionId, editionId)),
    )
    .orderBy(
      sql`case ${charterSignatories.kind} when 'pillar' then 0 else 1 end`,
      asc(charterSignatories.sortOrder),
      asc(villages.moo),
      asc(charterSignatories.id),
    );
}

/** The ceremony photos of an edition (without bytes). */
export function photosOf(db: DbOrTx, tambonId: number, editionId: number) {
  return db
    .select({
      id: charterPhotos.id,
      caption: charterPhotos.caption,
      mime: charterPhotos.mime,
      bytes: charterPhotos.bytes,
      width: charterPhotos.width,
      height: charterPhotos.height,
    })
    .from(charterPhotos)
    .where(and(eq(charterPhotos.tambonId, tambonId), eq(charterPhotos.editionId, editionId)))
    .orderBy(asc(charterPhotos.id));
}

/** The current implementation status of each clause of a charter (newest entry per clause). */
export async function progressOf(
  db: DbOrTx,
  tambonId: number,
  charterId: number,
): Promise<Map<number, { status: Progress; note: string; at: Date; author: string | null }>> {
  const rows = await db
    .select({
      key: charterClauseProgress.clauseKey,
      status: charterClauseProgress.status,
      note: charterClauseProgress.note,
      at: charterClauseProgress.createdAt,
      author: users.name,
    })
    .from(charterClauseProgress)
    .leftJoin(users, eq(users.id, charterClauseProgress.authorId))
    .where(
      and(
        eq(charterClauseProgress.tambonId, tambonId),
        eq(charterClauseProgress.charterId, charterId),
      ),
    )
    .orderBy(asc(charterClauseProgress.id));
  const out = new Map<
    number,
    { status: Progress; note: string; at: Date; author: string | null }
  >();
  for (const r of rows)
    out.set(r.key, { status: r.status, note: r.note, at: r.at, author: r.author });
  return out;
}

/** The history of a clause's status, newest first. */
export function progressHistory(
  db: DbOrTx,
  tambonId: number,
  charterId: number,
  clauseKey: number,
) {
  return db
    .select({
      id: charterClauseProgress.id,
      status: charterClauseProgress.status,
      note: charterClauseProgress.note,
      at: charterClauseProgress.createdAt,
      author: users.name,
    })
    .from(charterClauseProgress)
    .leftJoin(users, eq(users.id, charterClauseProgress.authorId))
    .where(
      and(
        eq(charterClauseProgress.tambonId, tambonId),
        eq(charterClauseProgress.charterId, charterId),
        eq(charterClauseProgress.clauseKey, clauseKey),
      ),
    )
    .orderBy(desc(charterClauseProgress.id))
    .limit(50);
}

/** The links of a charter's clauses, by clause key. */
export async function linksOf(
  db: DbOrTx,
  tambonId: number,
  charterId: number,
): Promise<Map<number, LinkRow[]>> {
  const rows = await db
    .select()
    .from(charterClauseLinks)
    .where(
      and(eq(charterClauseLinks.tambonId, tambonId), eq(charterClauseLinks.charterId, charterId)),
    )
    .orderBy(asc(charterClauseLinks.id));
  const out = new Map<number, LinkRow[]>();
  for (const r of rows) out.set(r.clauseKey, [...(out.get(r.clauseKey) ?? []), r]);
  return out;
}

/** The villages of a tambon by moo number. */
export function villagesOf(db: DbOrTx, tambonId: number) {
  return db
    .select({
      id: villages.id,
      moo: villages.moo,
      nameTh: villages.nameTh,
      nameEn: villages.nameEn,
    })
    .from(villages)
    .where(eq(villages.tambonId, tambonId))
    .orderBy(asc(villages.moo));
}

/** The village each of these members lives in (for the hearing report). */
export async function memberVillages(
  db: DbOrTx,
  tambonId: number,
  userIds: number[],
): Promise<Map<number, number | null>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ userId: tambonMembers.userId, villageId: tambonMembers.villageId })
    .from(tambonMembers)
    .where(and(eq(tambonMembers.tambonId, tambonId), inArray(tambonMembers.userId, userIds)));
  return new Map(rows.map((r) => [r.userId, r.villageId]));
}

/** The documents of several versions by id (for diffs and comment context). */
export async function docsOf(
  db: DbOrTx,
  tambonId: number,
  ids: number[],
): Promise<Map<number, CharterDoc>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: charterVersions.id, doc: charterVersions.doc })
    .from(charterVersions)
    .where(and(eq(charterVersions.tambonId, tambonId), inArray(charterVersions.id, ids)));
  return new Map(rows.map((r) => [r.id, r.doc]));
}
