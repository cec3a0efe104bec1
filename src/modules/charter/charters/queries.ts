import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { jsonRows } from "../../../core/db/json-rows.ts";
import { prepared, type Holes } from "../../../core/db/prepared.ts";
import type { DbOrTx } from "../../../core/db/index.ts";
import { parseId } from "../../../core/params.ts";
import { tambonMembers, users, villages } from "../../../core/db/schema.ts";
import {
  charterClauseLinks,
  charterEditions,
  charterSignatories,
  charterVersions,
  charters,
} from "../schema.ts";
import { allClauses, type CharterDoc, type Clause } from "../document.ts";
import { todayIso } from "../../../core/dates.ts";
import { asOfDay } from "../edition.ts";
import { tambonRowOf, tambonWhere, tambonRows, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A charter row. */
export type CharterRow = typeof charters.$inferSelect;
/** An edition row. */
export type EditionRow = typeof charterEditions.$inferSelect;
/** A version row (with its document). */
export type VersionRow = typeof charterVersions.$inferSelect;
/** A signatory row without the image bytes. */
export type SignatoryRow = Omit<
  typeof charterSignatories.$inferSelect,
  "scanFileId" | "thumbFileId"
>;
/** A link row. */
export type LinkRow = typeof charterClauseLinks.$inferSelect;

/** A record id from a form or query value, read as the core reads ids (0 when it is not one). */
export function toId(value: unknown): number {
  return parseId(value) ?? 0;
}

/** One charter of the tambon (undefined for another tambon's). */
export const getCharter = tambonRowOf(charters);

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
    .where(tambonWhere(charterEditions, tambonId, { id }));
  return row && { ...row, edition: asOfDay(row.edition, todayIso()) };
}

/** The editions of a charter, newest first. */
export async function editionsOf(
  db: DbOrTx,
  tambonId: number,
  charterId: number,
): Promise<EditionRow[]> {
  const today = todayIso();
  return (
    await tambonRows(db, charterEditions, tambonId, { charterId }, desc(charterEditions.number))
  ).map((e) => asOfDay(e, today));
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
  return withEditions(await chartersStatement(db, { tambonId }));
}

/**
 * `listCharters` with the title of the version each edition shows (`shownVersion`'s), by
 * edition id, read in the same statement without the versions' documents.
 */
export async function chartersWithTitles(db: DbOrTx, tambonId: number) {
  return withEditions(await chartersTitlesStatement(db, { tambonId }));
}

const tambonHole = sql.placeholder("tambonId");

/** A charter's editions, newest first, read in its row (core/db/json-rows.ts). */
const editionsOfCharter = jsonRows(
  charterEditions,
  tambonWhere(charterEditions, tambonHole, { charterId: charters.id }),
  [desc(charterEditions.number)],
);

/** The charters of a tambon with their editions, built once (core/db/prepared.ts). */
const chartersStatement = prepared("charters", (db, p: Holes<{ tambonId: number }>) =>
  db
    .select({ charter: charters, editions: editionsOfCharter.sql })
    .from(charters)
    .where(eq(charters.tambonId, p.tambonId))
    .orderBy(asc(charters.id)),
);

/** `chartersStatement` with each edition's shown title. */
const chartersTitlesStatement = prepared("charters_titles", (db, p: Holes<{ tambonId: number }>) =>
  db
    .select({
      charter: charters,
      editions: editionsOfCharter.sql,
      titles: sql<Record<string, string> | null>`(select json_object_agg(e.id, v.doc->>'title')
        from ${charterEditions} e join ${charterVersions} v
          on v.id = coalesce(e.adopted_version_id, e.current_version_id)
          and v.tambon_id = e.tambon_id and v.edition_id = e.id
        where e.tambon_id = ${p.tambonId} and e.charter_id = charters.id)`,
    })
    .from(charters)
    .where(eq(charters.tambonId, p.tambonId))
    .orderBy(asc(charters.id)),
);

/** The rows with their editions read, each as of today (a hearing past its end is over). */
function withEditions<R extends { editions: unknown }>(rows: R[]) {
  const today = todayIso();
  return rows.map((row) => ({
    ...row,
    editions: editionsOfCharter.read(row.editions).map((e) => asOfDay(e, today)),
  }));
}

/** The version of this edition (and tambon) that `match` picks. */
async function versionOf(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
  match: SQL,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(charterVersions)
    .where(tambonWhere(charterVersions, tambonId, { editionId }, match));
  return row;
}

/** One version of an edition by id (undefined when it is not of this edition). */
export async function getVersionById(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
  id: number | null,
): Promise<VersionRow | undefined> {
  if (!id || !toId(id)) return undefined;
  return versionOf(db, tambonId, editionId, eq(charterVersions.id, id));
}

/** One version of an edition by its number (1, 2, …). */
export async function getVersionByNumber(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
  number: number,
): Promise<VersionRow | undefined> {
  if (!toId(number)) return undefined;
  return versionOf(db, tambonId, editionId, eq(charterVersions.number, number));
}

/** The version an edition shows: the adopted one when adopted, else the newest draft. */
export async function shownVersion(db: DbOrTx, edition: EditionRow): Promise<VersionRow> {
  const id = edition.adoptedVersionId ?? edition.currentVersionId;
  const row = await getVersionById(db, edition.tambonId, edition.id, id);
  if (!row) throw new Error(`edition ${edition.id} has no version ${id}`);
  return row;
}

/** A clause of a charter in force: its charter, the edition in force and the text it shows. */
export interface ClauseInForce {
  charter: CharterRow;
  edition: EditionRow;
  doc: CharterDoc;
  clause: Clause;
  number: number;
}

/** Every clause of the tambon's charters in force, charter by charter, in the order of their text. */
export async function clausesInForce(db: DbOrTx, tambonId: number): Promise<ClauseInForce[]> {
  const out: ClauseInForce[] = [];
  for (const { charter, editions } of await listCharters(db, tambonId)) {
    const edition = currentEdition(editions);
    if (!edition) continue;
    const { doc } = await shownVersion(db, edition);
    for (const { clause, number } of allClauses(doc))
      out.push({ charter, edition, doc, clause, number });
  }
  return out;
}

/** The versions of an edition (without their documents), newest first, with author names. */
export function versionsOf(db: DbOrTx, tambonId: number, editionId: number) {
  return db
    .select({
      ...pick(charterVersions, "id", "number", "note", "source", "commentId", "createdAt"),
      author: users.name,
    })
    .from(charterVersions)
    .leftJoin(users, eq(users.id, charterVersions.authorId))
    .where(tambonWhere(charterVersions, tambonId, { editionId }))
    .orderBy(desc(charterVersions.number));
}

/**
 * A read of one column of several versions of the tambon, as `(db, tambonId, ids)`: a map by
 * version id (none asked, none read).
 */
function versionColumnById<C extends "number" | "doc">(column: C) {
  return async (
    db: DbOrTx,
    tambonId: number,
    ids: number[],
  ): Promise<Map<number, VersionRow[C]>> => {
    if (!ids.length) return new Map();
    const rows = await db
      .select({ id: charterVersions.id, value: charterVersions[column] })
      .from(charterVersions)
      .where(tambonWhere(charterVersions, tambonId, { id: anyOf(ids) }));
    return new Map(rows.map((r) => [r.id, r.value as VersionRow[C]]));
  };
}

/** A version's number by id, for many ids at once. */
export const versionNumbers = versionColumnById("number");

/** The villages of a tambon by moo number. */
export function villagesOf(db: DbOrTx, tambonId: number) {
  return db
    .select({
      ...pick(villages, "id", "moo", "nameTh", "nameEn"),
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
    .where(tambonWhere(tambonMembers, tambonId, { userId: anyOf(userIds) }));
  return new Map(rows.map((r) => [r.userId, r.villageId]));
}

/** The documents of several versions by id (for diffs and comment context). */
export const docsOf = versionColumnById("doc");
