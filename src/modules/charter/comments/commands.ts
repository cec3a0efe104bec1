import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { getVillage } from "../../../core/queries/villages.ts";
import { auditBy } from "../../../core/audit.ts";
import { charterComments, charterVersions } from "../schema.ts";
import { cleanText, findClause, LIMITS } from "../document.ts";
import { isOpenForComments } from "../edition.ts";
import { fail, missing, ok } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";
import { parseId } from "../../../core/params.ts";
import { type EditionRow, toId } from "../charters/queries.ts";
import { editionCommand } from "../shared/commands.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** What a comment or suggestion is about and says, as typed in the form. */
export interface CommentInput {
  /** "general", "preamble" or a clause key */
  about: string;
  kind: string;
  body: string;
  proposedText: string;
}

type Checked = {
  target: "clause" | "preamble" | "general";
  clauseKey: number | null;
  kind: "comment" | "suggestion";
  body: string;
  proposedText: string | null;
};

async function checkInput(
  db: Db,
  tambonId: number,
  versionId: number,
  input: CommentInput,
): Promise<CharterResult<Checked>> {
  const [version] = await db
    .select({ doc: charterVersions.doc })
    .from(charterVersions)
    .where(tambonWhere(charterVersions, tambonId, { id: versionId }));
  if (!version) return missing();
  const kind = input.kind.trim() || "comment";
  if (kind !== "comment" && kind !== "suggestion") return fail("kind", "err.choice");
  let target: Checked["target"] = "general";
  let clauseKey: number | null = null;
  let current = "";
  if (input.about === "preamble") {
    target = "preamble";
    current = version.doc.preamble;
  } else if (input.about && input.about !== "general") {
    const key = parseId(input.about);
    const clause = key !== null ? findClause(version.doc, key) : undefined;
    if (!clause) return fail("about", "err.noSuchClause");
    target = "clause";
    clauseKey = key;
    current = clause.text;
  }
  const body = cleanText(input.body);
  const proposed = cleanText(input.proposedText);
  if (body.length > 4000) return fail("body", "err.tooLong", { max: 4000 });
  if (kind === "comment") {
    if (!body) return fail("body", "err.required");
    return ok({ target, clauseKey, kind, body, proposedText: null });
  }
  if (target === "general") return fail("about", "err.suggestionNeedsClause");
  if (!proposed) return fail("proposedText", "err.required");
  const max = target === "preamble" ? LIMITS.preamble : LIMITS.clause;
  if (proposed.length > max) return fail("proposedText", "err.tooLong", { max });
  if (proposed === current) return fail("proposedText", "err.sameAsCurrent");
  return ok({ target, clauseKey, kind, body, proposedText: proposed });
}

/**
 * Who a comment is from, and the phase it was made in: a member who wrote it (`authorId`), or a
 * person without an account whose words a facilitator recorded at a hearing (`authorName`,
 * `villageId`, `recordedBy`).
 */
interface CommentFrom {
  authorId?: number;
  authorName?: string;
  villageId?: number;
  recordedBy?: number;
  phase: "draft" | "hearing";
}

/** Stores a checked comment about the edition's current draft; returns its id. */
async function insertComment(
  tx: DbOrTx,
  edition: EditionRow,
  checked: Checked,
  from: CommentFrom,
): Promise<number> {
  const [row] = await tx
    .insert(charterComments)
    .values({
      tambonId: edition.tambonId,
      editionId: edition.id,
      versionId: edition.currentVersionId!,
      ...pick(checked, "target", "clauseKey", "kind", "body", "proposedText"),
      ...pick(from, "authorId", "authorName", "villageId", "recordedBy", "phase"),
    })
    .returning({ id: charterComments.id });
  return row!.id;
}

/** A member comments on, or suggests new text for, a clause or the preamble of the current draft. */
export const addComment = editionCommand(
  "charter.comment",
  async (
    { db, actor, tambonId, editionId, edition },
    input: CommentInput,
  ): Promise<CharterResult<number>> => {
    if (!isOpenForComments(edition.status)) return fail("_form", "err.notOpenForComments");
    const checked = await checkInput(db, tambonId, edition.currentVersionId ?? 0, input);
    if (!checked.ok) return checked;
    const userId = actor.user!.id;
    return db.transaction(async (tx) => {
      const id = await insertComment(tx, edition, checked.value, {
        authorId: userId,
        phase: edition.status === "hearing" ? "hearing" : "draft",
      });
      await auditBy(tx, actor, tambonId, {
        action: `charter.${checked.value.kind}.add`,
        targetType: "charter_comment",
        targetId: id,
        after: { editionId, target: checked.value.target, clauseKey: checked.value.clauseKey },
      });
      return ok(id);
    });
  },
);

/** A facilitator records what a person without an account said at a hearing (name and village). */
export const recordHearingInput = editionCommand(
  "charter.hearing",
  async (
    { db, actor, tambonId, editionId, edition },
    input: CommentInput & { name: string; village: string },
  ): Promise<CharterResult<number>> => {
    if (edition.status !== "hearing") return fail("_form", "err.notInHearing");
    const name = cleanText(input.name).replace(/\s+/g, " ");
    if (!name) return fail("name", "err.required");
    if (name.length > 200) return fail("name", "err.tooLong", { max: 200 });
    const villageId = toId(input.village);
    if (!villageId) return fail("village", "err.village");
    if (!(await getVillage(db, tambonId, villageId))) return fail("village", "err.village");
    const checked = await checkInput(db, tambonId, edition.currentVersionId ?? 0, input);
    if (!checked.ok) return checked;
    return db.transaction(async (tx) => {
      const id = await insertComment(tx, edition, checked.value, {
        authorName: name,
        villageId,
        recordedBy: actor.user!.id,
        phase: "hearing",
      });
      await auditBy(tx, actor, tambonId, {
        action: "charter.hearing.record",
        targetType: "charter_comment",
        targetId: id,
        after: { editionId, villageId, kind: checked.value.kind },
      });
      return ok(id);
    });
  },
);
