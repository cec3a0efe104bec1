import { asc } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import type { PageSection } from "../../core/modules.ts";
import { tambonSlug } from "../../core/queries/tambons.ts";
import { charterClauseLinks, charters } from "./schema.ts";
import { clausesInForce } from "./charters/queries.ts";
import { tambonWhere, tambonRows, anyOf } from "../../core/db/tambon-row.ts";
import { pick } from "../../core/pick.ts";

export { inDigits, toArabicDigits, toThaiDigits, type DigitStyle } from "./digits.ts";
export { EDITION_TARGET } from "./adoption/commands.ts";
/** Printing a page of the platform to an A4 PDF with Chromium (other modules print their own pages). */

/** A clause of a charter in force, as other modules show and link it. */
export interface ClauseRef {
  charterId: number;
  charterName: string;
  clauseKey: number;
  number: number;
  text: string;
  href: string;
}

/** Every clause of the tambon's charters in force (for a module's "carries out clause …" picker). */
export async function listClauses(db: DbOrTx, tambonId: number): Promise<ClauseRef[]> {
  const slug = await tambonSlug(db, tambonId);
  return (await clausesInForce(db, tambonId)).map(({ charter, edition, clause, number }) => ({
    charterId: charter.id,
    charterName: charter.nameTh,
    clauseKey: clause.key,
    number,
    text: clause.text,
    href: `/t/${slug}/charter-editions/${edition.id}/follow-up?clause=${clause.key}`,
  }));
}

/** The link of one clause to one record of another module, in the tambon. */
function sameLink(
  tambonId: number,
  link: { charterId: number; clauseKey: number; targetType: string; targetId: number },
) {
  return tambonWhere(charterClauseLinks, tambonId, {
    ...pick(link, "charterId", "clauseKey", "targetType", "targetId"),
  });
}

/**
 * Links a clause to a record of another module (a project, an indicator, a partner …). Call it
 * inside the command that makes the link, which writes its own audit row. Returns false when the
 * charter is not the tambon's; linking the same record twice is harmless.
 */
export async function linkClause(
  tx: DbOrTx,
  tambonId: number,
  link: {
    charterId: number;
    clauseKey: number;
    targetType: string;
    targetId: number;
    label: string;
    url?: string;
  },
): Promise<boolean> {
  const [charter] = await tx
    .select({ id: charters.id })
    .from(charters)
    .where(tambonWhere(charters, tambonId, { id: link.charterId }));
  if (!charter) return false;
  const [existing] = await tx
    .select({ id: charterClauseLinks.id })
    .from(charterClauseLinks)
    .where(sameLink(tambonId, link));
  if (existing) return true;
  await tx.insert(charterClauseLinks).values({
    tambonId,
    ...pick(link, "charterId", "clauseKey", "targetType", "targetId", "label"),
    url: link.url ?? "",
  });
  return true;
}

/**
 * Removes the link of a clause to a record of another module (inside the command that unlinks it,
 * which writes its own audit row). Returns false when there was no such link of the tambon.
 */
export async function unlinkClause(
  tx: DbOrTx,
  tambonId: number,
  link: { charterId: number; clauseKey: number; targetType: string; targetId: number },
): Promise<boolean> {
  const gone = await tx
    .delete(charterClauseLinks)
    .where(sameLink(tambonId, link))
    .returning({ id: charterClauseLinks.id });
  return gone.length > 0;
}

/** The clauses a record of another module carries out (e.g. for a project's page). */
export async function clausesLinkedTo(
  db: DbOrTx,
  tambonId: number,
  targetType: string,
  targetId: number,
): Promise<ClauseRef[]> {
  const links = await tambonRows(
    db,
    charterClauseLinks,
    tambonId,
    { targetType, targetId },
    asc(charterClauseLinks.id),
  );
  if (!links.length) return [];
  const wanted = new Set(links.map((l) => `${l.charterId}:${l.clauseKey}`));
  const all = await listClauses(db, tambonId);
  const chartersOf = new Set(links.map((l) => l.charterId));
  return all.filter(
    (c) => chartersOf.has(c.charterId) && wanted.has(`${c.charterId}:${c.clauseKey}`),
  );
}

/** The stable public URL of a charter (its edition in force). */
export function charterUrl(tambonSlug: string, charterId: number): string {
  return `/t/${tambonSlug}/charters/${charterId}`;
}

/** A record of another module linked to one clause (its type and id, as `linkClause` stored them). */
export interface ClauseLinkRef {
  targetType: string;
  targetId: number;
}

/** The records of the given types linked to one clause of a charter, in the order they were linked. */
export async function recordsLinkedToClause(
  db: DbOrTx,
  tambonId: number,
  clause: { charterId: number; clauseKey: number },
  targetTypes: readonly string[],
): Promise<ClauseLinkRef[]> {
  if (!targetTypes.length) return [];
  const rows = await db
    .select({ targetType: charterClauseLinks.targetType, targetId: charterClauseLinks.targetId })
    .from(charterClauseLinks)
    .where(
      tambonWhere(charterClauseLinks, tambonId, {
        charterId: clause.charterId,
        clauseKey: clause.clauseKey,
        targetType: anyOf([...targetTypes]),
      }),
    )
    .orderBy(asc(charterClauseLinks.id));
  return rows.flatMap((r) =>
    r.targetId === null ? [] : [{ targetType: r.targetType, targetId: r.targetId }],
  );
}

/**
 * The clauses (charter id and key) linked to any of the given records of one type, e.g. every
 * clause the projects of a plan carry out; each clause once.
 */
export async function clauseKeysLinkedTo(
  db: DbOrTx,
  tambonId: number,
  targetType: string,
  targetIds: readonly number[],
): Promise<{ charterId: number; clauseKey: number }[]> {
  if (!targetIds.length) return [];
  const rows = await db
    .selectDistinct({
      charterId: charterClauseLinks.charterId,
      clauseKey: charterClauseLinks.clauseKey,
    })
    .from(charterClauseLinks)
    .where(
      tambonWhere(charterClauseLinks, tambonId, { targetType, targetId: anyOf([...targetIds]) }),
    );
  return rows;
}

/** What a section on a clause's page ("charter.clause") is loaded for: the charter and the clause's key. */
export interface ClauseSubject {
  charterId: number;
  clauseKey: number;
}

/**
 * Declares a section for a clause's follow-up page: `sections: [{ on: "charter.clause", section:
 * clauseSection({ … }) }]`. The page passes the charter's id and the clause's key as the subject.
 */
export function clauseSection(section: PageSection<ClauseSubject>): PageSection {
  return section as unknown as PageSection;
}
