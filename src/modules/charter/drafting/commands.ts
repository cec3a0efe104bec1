import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { charterEditions, charterVersions, charters } from "../schema.ts";
import { CLOSING, findClause, numberDoc, type CharterDoc } from "../document.ts";
import { OPS, applyOp, type DocError, type DocOp } from "../document-ops.ts";
import { isFrozen } from "../edition.ts";
import { fail, missing, ok } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";
import type { CharterKey } from "../messages.ts";
import { type EditionRow, getVersionByNumber, toId } from "../charters/queries.ts";
import { editionCommand } from "../shared/commands.ts";
import { tambonRow } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const intOf = (v: string | undefined) => (v === undefined || v === "" ? NaN : Number(v));
const isInt = (n: number) => Number.isInteger(n) && n >= 0 && n < 2 ** 31;

/** Reads an operation from the drafting form (null when it is not one). */
export function opFromForm(body: Record<string, string>): DocOp | null {
  const [name = "", direction] = (body.op ?? "").split(":", 2);
  const op = name as DocOp["op"];
  if (!(OPS as readonly string[]).includes(op)) return null;
  const key = intOf(body.key);
  const dir = (direction ?? body.dir) === "up" ? "up" : "down";
  const needKey = !["setTitle", "setPreamble", "addDefinition", "addChapter", "addClause"].includes(
    op,
  );
  if (needKey && !isInt(key)) return null;
  const text = body.text ?? "";
  switch (op) {
    case "setTitle":
    case "setPreamble":
      return { op, text };
    case "addDefinition":
      return { op, term: body.term ?? "", meaning: body.meaning ?? "" };
    case "editDefinition":
      return { op, key, term: body.term ?? "", meaning: body.meaning ?? "" };
    case "deleteDefinition":
    case "deleteChapter":
    case "mergeChapter":
    case "mergeClause":
    case "deleteClause":
      return { op, key } as DocOp;
    case "moveDefinition":
    case "moveChapter":
    case "moveClause":
      return { op, key, dir } as DocOp;
    case "addChapter": {
      const after = intOf(body.after);
      return { op, title: body.title ?? "", after: isInt(after) ? after : undefined };
    }
    case "renameChapter":
      return { op, key, title: body.title ?? "" };
    case "splitChapter": {
      const at = intOf(body.at);
      return isInt(at) ? { op, key, at, title: body.title ?? "" } : null;
    }
    case "addClause": {
      const chapter = intOf(body.chapter);
      const after = intOf(body.after);
      return isInt(chapter) ? { op, chapter, text, after: isInt(after) ? after : undefined } : null;
    }
    case "editClause":
      return { op, key, text };
    case "moveClauseTo": {
      const chapter = intOf(body.chapter);
      return isInt(chapter) ? { op, key, chapter } : null;
    }
    case "splitClause":
      return { op, key, first: body.first ?? "", second: body.second ?? "" };
  }
}

/** The message key of a document error. */
export function docErrorKey(error: DocError): CharterKey {
  return `err.doc.${error}`;
}

/** A short note of what a version changed: the operation and the number of what it touched. */
function noteOf(op: DocOp, before: CharterDoc, after: CharterDoc): string {
  const nb = numberDoc(before);
  const na = numberDoc(after);
  const clauseNo = (key: number) => na.clause.get(key) ?? nb.clause.get(key) ?? "";
  const chapterNo = (key: number) =>
    key === CLOSING ? "" : (na.chapter.get(key) ?? nb.chapter.get(key) ?? "");
  switch (op.op) {
    case "editClause":
    case "moveClause":
    case "moveClauseTo":
    case "splitClause":
    case "mergeClause":
    case "deleteClause":
      return `${op.op}:${clauseNo(op.key)}`;
    case "addClause": {
      const added = [...na.clause.keys()].find((k) => !nb.clause.has(k));
      return `${op.op}:${added === undefined ? "" : clauseNo(added)}`;
    }
    case "renameChapter":
    case "moveChapter":
    case "splitChapter":
    case "mergeChapter":
    case "deleteChapter":
      return `${op.op}:${chapterNo(op.key)}`;
    case "addChapter":
      return `${op.op}:${after.chapters.length}`;
    default:
      return `${op.op}:`;
  }
}

/** Texts that a concurrent editor may have changed since the version the form was based on. */
function touchedText(doc: CharterDoc, op: DocOp): string | undefined {
  switch (op.op) {
    case "editClause":
    case "splitClause":
      return findClause(doc, op.key)?.text;
    case "setPreamble":
      return doc.preamble;
    case "setTitle":
      return doc.title;
    case "editDefinition": {
      const d = doc.definitions.find((x) => x.key === op.key);
      return d ? `${d.term}\n${d.meaning}` : undefined;
    }
    case "renameChapter":
      return doc.chapters.find((c) => c.key === op.key)?.title;
    default:
      return undefined;
  }
}

/** Locks an edition row for the rest of the transaction and reads it again. */
export async function lockEdition(
  tx: Tx,
  tambonId: number,
  editionId: number,
): Promise<EditionRow | undefined> {
  await tx.execute(
    sql`select id from charter_editions where id = ${editionId} and tambon_id = ${tambonId} for update`,
  );
  return tambonRow(tx, charterEditions, tambonId, editionId);
}

/** Keeps a new version of a draft's text and makes it the edition's current one; returns its id. */
async function appendVersion(
  tx: Tx,
  edition: EditionRow,
  v: {
    number: number;
    doc: CharterDoc;
    note: string;
    source: "edit" | "suggestion" | "restore";
    commentId: number | null;
    authorId: number | null;
  },
): Promise<number> {
  const [version] = await tx
    .insert(charterVersions)
    .values({
      tambonId: edition.tambonId,
      editionId: edition.id,
      ...pick(v, "number", "doc", "note", "source", "commentId", "authorId"),
    })
    .returning({ id: charterVersions.id });
  await tx
    .update(charterEditions)
    .set({ currentVersionId: version!.id, updatedAt: new Date() })
    .where(eq(charterEditions.id, edition.id));
  return version!.id;
}

/**
 * Saves a new version of a draft from one operation (inside a transaction that holds the
 * edition's lock). Used by the drafting page and by accepting a suggestion.
 */
export async function saveVersion(
  tx: Tx,
  edition: EditionRow,
  op: DocOp,
  userId: number | null,
  opts: { base?: number; source?: "edit" | "suggestion"; commentId?: number } = {},
): Promise<CharterResult<{ number: number; id: number; doc: CharterDoc }>> {
  if (isFrozen(edition.status)) return fail("_form", "err.frozen");
  if (edition.questionId) return fail("_form", "err.underVote");
  const [current] = await tx
    .select()
    .from(charterVersions)
    .where(eq(charterVersions.id, edition.currentVersionId ?? 0));
  if (!current) return missing();
  if (opts.base !== undefined && opts.base !== current.number) {
    const base = await getVersionByNumber(tx, edition.tambonId, edition.id, opts.base);
    const was = base ? touchedText(base.doc, op) : undefined;
    if (was !== undefined && was !== touchedText(current.doc, op)) {
      const field =
        op.op === "editDefinition"
          ? "meaning"
          : op.op === "renameChapter"
            ? "title"
            : op.op === "splitClause"
              ? "first"
              : "text";
      return fail(field, "err.conflict", { version: current.number });
    }
  }
  const [charter] = await tx
    .select({ nextKey: charters.nextKey })
    .from(charters)
    .where(eq(charters.id, edition.charterId))
    .for("update");
  const applied = applyOp(current.doc, op, charter!.nextKey);
  if (!applied.ok) return fail(applied.field, docErrorKey(applied.error));
  const number = current.number + 1;
  const id = await appendVersion(tx, edition, {
    number,
    doc: applied.doc,
    note: noteOf(op, current.doc, applied.doc),
    source: opts.source ?? "edit",
    commentId: opts.commentId ?? null,
    authorId: userId,
  });
  if (applied.nextKey !== charter!.nextKey)
    await tx
      .update(charters)
      .set({ nextKey: applied.nextKey })
      .where(eq(charters.id, edition.charterId));
  return ok({ number, id, doc: applied.doc });
}

/** Applies one drafting operation to an edition's draft and keeps the result as a new version. */
export const applyDraftOp = editionCommand(
  "charter.draft",
  async (
    { db, actor, tambonId, editionId, edition: current },
    op: DocOp,
    base?: number,
  ): Promise<CharterResult<{ number: number; doc: CharterDoc }>> => {
    if (isFrozen(current.status)) return fail("_form", "err.frozen");
    return db.transaction(async (tx) => {
      const edition = await lockEdition(tx as Tx, tambonId, editionId);
      if (!edition) return missing();
      const saved = await saveVersion(tx as Tx, edition, op, actor.user?.id ?? null, { base });
      if (!saved.ok) return saved;
      await auditBy(tx, actor, tambonId, {
        action: "charter.draft.edit",
        targetType: "charter_edition",
        targetId: editionId,
        after: { op: op.op, key: "key" in op ? op.key : null, version: saved.value.number },
      });
      return ok({ number: saved.value.number, doc: saved.value.doc });
    });
  },
);

/** Makes an earlier version the current draft again (as a new version; nothing is lost). */
export const restoreVersion = editionCommand(
  "charter.draft",
  async (
    { db, actor, tambonId, editionId, edition: current },
    versionNumber: number,
  ): Promise<CharterResult<number>> => {
    if (isFrozen(current.status)) return fail("_form", "err.frozen");
    const old = toId(versionNumber)
      ? await getVersionByNumber(db, tambonId, editionId, versionNumber)
      : undefined;
    if (!old) return missing();
    return db.transaction(async (tx) => {
      const edition = await lockEdition(tx as Tx, tambonId, editionId);
      if (!edition || isFrozen(edition.status)) return fail("_form", "err.frozen");
      if (edition.questionId) return fail("_form", "err.underVote");
      const [current] = await tx
        .select({ number: charterVersions.number })
        .from(charterVersions)
        .where(eq(charterVersions.id, edition.currentVersionId ?? 0));
      const number = (current?.number ?? 0) + 1;
      await appendVersion(tx as Tx, edition, {
        number,
        doc: old.doc,
        note: `restore:${old.number}`,
        source: "restore",
        commentId: null,
        authorId: actor.user?.id ?? null,
      });
      await auditBy(tx, actor, tambonId, {
        action: "charter.draft.restore",
        targetType: "charter_edition",
        targetId: editionId,
        after: { from: old.number, version: number },
      });
      return ok(number);
    });
  },
);
