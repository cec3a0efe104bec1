import { and, eq, isNotNull, ne } from "drizzle-orm";
import type { Db, Tx } from "../../../core/db/index.ts";
import { tambons } from "../../../core/db/schema.ts";
import { audit, auditBy } from "../../../core/audit.ts";
import { todayIso } from "../../../core/dates.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { getArea } from "../../areas/public.ts";
import { openLinkedQuestion, questionOutcome } from "../../decisions/public.ts";
import { getResolution, linkResolution } from "../../groups/public.ts";
import { charterEditions } from "../schema.ts";
import {
  EDITION_LINK,
  isFrozen,
  resolutionAdopts,
  voteAdopts,
  type AdoptionRefusal,
} from "../edition.ts";
import { editionLabel } from "../present.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";
import { lockEdition } from "../drafting/commands.ts";
import type { CharterKey } from "../messages.ts";
import {
  getEdition,
  toId,
  shownVersion,
  type EditionRow,
  getVersionById,
} from "../charters/queries.ts";
import { syncCharterSearch } from "../search.ts";
import { editionCommand } from "../shared/commands.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** The resource type under which other modules link to an edition (resolutions, questions). */
export const EDITION_TARGET = EDITION_LINK;

/** The message key explaining why an edition was not adopted. */
export function refusalKey(reason: AdoptionRefusal): CharterKey {
  return `adopt.refused.${reason}`;
}

/**
 * Puts a draft to the vote: opens a question (decisions module) whose one alternative is the
 * edition, filed under the chosen issue area, and links it to the edition.
 */
export const putToVote = editionCommand(
  "charter.manage",
  async (
    { db, actor, tambonId, editionId, edition, charter },
    areaInput: string,
  ): Promise<CharterResult<{ questionId: number }>> => {
    if (isFrozen(edition.status)) return fail("_form", "err.frozen");
    if (edition.questionId) return fail("_form", "err.alreadyPutToVote");
    const area = await getArea(db, tambonId, toId(areaInput));
    if (!area || area.archivedAt) return fail("area", "err.required");
    const [tambon] = await db
      .select({ slug: tambons.slug })
      .from(tambons)
      .where(eq(tambons.id, tambonId));
    const version = await shownVersion(db, edition);
    const label = editionLabel(edition, "th", "arabic");
    const url = `/t/${tambon!.slug}/charter-editions/${edition.id}`;
    const chapters = version.doc.chapters.map((c, i) => `${i + 1}. ${c.title}`).join("\n");
    const body =
      `รับรอง${version.doc.title} ${label} ตามร่างฉบับที่ ${version.number}\n\n` +
      `อ่านฉบับเต็ม: [${version.doc.title}](${url})\n\n` +
      (chapters ? `หมวด:\n\n${chapters}\n` : "");
    return db.transaction(async (tx) => {
      const locked = await lockEdition(tx as Tx, tambonId, editionId);
      if (!locked || isFrozen(locked.status)) return fail("_form", "err.frozen");
      if (locked.questionId) return fail("_form", "err.alreadyPutToVote");
      const opened = await openLinkedQuestion(tx, {
        tambonId,
        actorId: actor.user!.id,
        areaId: area.id,
        title: `รับรอง${charter.nameTh} ${label}`.slice(0, 200),
        altTitle: `${version.doc.title} ${label}`.slice(0, 200),
        altBody: body,
      });
      if (!opened) return fail("area", "err.noPolicy");
      await tx
        .update(charterEditions)
        .set({
          questionId: opened.questionId,
          alternativeId: opened.alternativeId,
          updatedAt: new Date(),
        })
        .where(eq(charterEditions.id, editionId));
      await auditBy(tx, actor, tambonId, {
        action: "charter.vote.open",
        targetType: "charter_edition",
        targetId: editionId,
        after: { questionId: opened.questionId, alternativeId: opened.alternativeId },
      });
      return ok({ questionId: opened.questionId });
    });
  },
);

/** Freezes an edition as adopted (inside the adopting transaction). */
async function adopt(
  tx: Tx,
  edition: EditionRow,
  how: { kind: "vote" | "resolution"; resolutionId?: number; adoptedOn: string },
  actorId: number | null,
): Promise<EditionRow> {
  const [row] = await tx
    .update(charterEditions)
    .set({
      status: "adopted",
      adoptedVersionId: edition.currentVersionId,
      adoptedOn: how.adoptedOn,
      adoptedAt: new Date(),
      adoptedBy: actorId,
      adoptionKind: how.kind,
      resolutionId: how.resolutionId ?? null,
      effectiveOn: edition.effectiveOn ?? how.adoptedOn,
      updatedAt: new Date(),
    })
    .where(eq(charterEditions.id, edition.id))
    .returning();
  await audit(tx, {
    tambonId: edition.tambonId,
    actorId,
    action: "charter.adopt",
    targetType: "charter_edition",
    targetId: edition.id,
    before: { status: edition.status },
    after: {
      status: "adopted",
      kind: how.kind,
      questionId: how.kind === "vote" ? edition.questionId : null,
      resolutionId: how.resolutionId ?? null,
      versionId: edition.currentVersionId,
      adoptedOn: how.adoptedOn,
    },
  });
  await syncCharterSearch(tx, edition.tambonId);
  return row!;
}

/** Adopts an edition whose question closed with its alternative winning and the quorum met. */
export async function adoptByVote(
  db: Db,
  actor: Actor | null,
  tambonId: number,
  editionId: number,
  today = todayIso(),
): Promise<CharterResult<EditionRow>> {
  const found = await getEdition(db, tambonId, editionId);
  if (!found) return missing();
  if (actor && !can(actor, "charter.manage", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const edition = await lockEdition(tx as Tx, tambonId, editionId);
    if (!edition) return missing();
    if (isFrozen(edition.status)) return fail("_form", "err.frozen");
    if (!edition.questionId || !edition.alternativeId)
      return fail("_form", "adopt.refused.missing");
    const outcome = await questionOutcome(tx, tambonId, edition.questionId);
    const verdict = voteAdopts(outcome, edition.alternativeId);
    if (!verdict.ok) return fail("_form", refusalKey(verdict.reason));
    return ok(
      await adopt(tx as Tx, edition, { kind: "vote", adoptedOn: today }, actor?.user?.id ?? null),
    );
  });
}

/** Adopts an edition by a resolution of a village assembly that met its quorum; links the two. */
export const adoptByResolution = editionCommand(
  "charter.manage",
  async (
    { db, actor, tambonId, editionId, edition: current },
    resolutionInput: string,
  ): Promise<CharterResult<EditionRow>> => {
    if (isFrozen(current.status)) return fail("_form", "err.frozen");
    const resolutionId = toId(resolutionInput);
    if (!resolutionId) return fail("resolution", "err.required");
    return db.transaction(async (tx) => {
      const edition = await lockEdition(tx as Tx, tambonId, editionId);
      if (!edition) return missing();
      if (isFrozen(edition.status)) return fail("_form", "err.frozen");
      if (edition.questionId) return fail("_form", "err.underVote");
      const resolution = await getResolution(tx, tambonId, resolutionId);
      const version = await getVersionById(tx, tambonId, editionId, edition.currentVersionId);
      const [other] = await tx
        .select({ id: charterEditions.id })
        .from(charterEditions)
        .where(
          tambonWhere(
            charterEditions,
            tambonId,
            { resolutionId },
            ne(charterEditions.id, editionId),
          ),
        )
        .limit(1);
      const verdict = resolutionAdopts(resolution, {
        id: editionId,
        number: edition.number,
        yearBe: edition.yearBe,
        versionOn: todayIso(version?.createdAt ?? new Date()),
        adoptedOtherEdition: !!other,
      });
      if (!verdict.ok) return fail("resolution", refusalKey(verdict.reason));
      await linkResolution(tx, tambonId, resolutionId, EDITION_TARGET, editionId);
      return ok(
        await adopt(
          tx as Tx,
          edition,
          { kind: "resolution", resolutionId, adoptedOn: resolution!.decidedOn },
          actor.user?.id ?? null,
        ),
      );
    });
  },
);

/** Unlinks a vote that ended without adopting the edition (closed or cancelled), so drafting resumes. */
export const withdrawVote = editionCommand(
  "charter.manage",
  async ({ db, actor, tambonId, editionId }): Promise<CharterResult<EditionRow>> => {
    return db.transaction(async (tx) => {
      const edition = await lockEdition(tx as Tx, tambonId, editionId);
      if (!edition) return missing();
      if (isFrozen(edition.status)) return fail("_form", "err.frozen");
      if (!edition.questionId) return fail("_form", "error.400");
      const outcome = await questionOutcome(tx, tambonId, edition.questionId);
      if (outcome && outcome.phase !== "closed" && outcome.phase !== "cancelled")
        return fail("_form", "err.voteStillOpen");
      const [row] = await tx
        .update(charterEditions)
        .set({ questionId: null, alternativeId: null, updatedAt: new Date() })
        .where(eq(charterEditions.id, editionId))
        .returning();
      await auditBy(tx, actor, tambonId, {
        action: "charter.vote.withdraw",
        targetType: "charter_edition",
        targetId: editionId,
        before: { questionId: edition.questionId, phase: outcome?.phase ?? null },
      });
      return ok(row!);
    });
  },
);

/**
 * Adopts the tambon's editions whose vote has closed in their favour, at once (a reading page asks
 * before it shows an edition): the close of a vote is the decisions module's, so a page must not
 * wait for the scheduler's next pass to stop calling an adopted edition a draft. Returns how many.
 */
export async function settleDecidedVotes(db: Db, tambonId: number): Promise<number> {
  // Which editions wait on a vote changes only through the charter's commands, whose audit rows
  // drop what the tambon keeps: so the pages that ask (the home page on every request) ask the
  // database only when some edition waits, which is seldom.
  const pending = await pageCache.memo(tambonId, "charter:editions-put-to-vote", () =>
    db
      .select({ id: charterEditions.id, questionId: charterEditions.questionId })
      .from(charterEditions)
      .where(
        tambonWhere(
          charterEditions,
          tambonId,
          {},
          isNotNull(charterEditions.questionId),
          ne(charterEditions.status, "adopted"),
        ),
      ),
  );
  return settleVotesOf(db, tambonId, pending);
}

/**
 * Adopts each of these editions that was put to a vote, is not adopted yet and whose vote has
 * closed in its favour; returns how many. For a reader that has the editions already (the home
 * page), which need not pick them first.
 */
export async function settleVotesOf(
  db: Db,
  tambonId: number,
  editions: { id: number; questionId: number | null; status?: string }[],
): Promise<number> {
  let adopted = 0;
  for (const p of editions) {
    if (p.questionId === null || p.status === "adopted") continue;
    const outcome = await questionOutcome(db, tambonId, p.questionId);
    if (outcome?.phase !== "closed") continue;
    if ((await adoptByVote(db, null, tambonId, p.id)).ok) adopted++;
  }
  return adopted;
}

/** Adopts every edition whose vote has closed in its favour (run by the scheduler); returns how many. */
export async function adoptDecidedVotes(db: Db, today = todayIso()): Promise<number> {
  const pending = await db
    .select({ id: charterEditions.id, tambonId: charterEditions.tambonId })
    .from(charterEditions)
    .where(and(isNotNull(charterEditions.questionId), ne(charterEditions.status, "adopted")));
  let adopted = 0;
  for (const p of pending) {
    const r = await adoptByVote(db, null, p.tambonId, p.id, today);
    if (r.ok) adopted++;
  }
  return adopted;
}
