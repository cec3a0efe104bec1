import type { FastifyRequest } from "fastify";
import type { Db } from "../../../core/db/index.ts";
import { currentTambon } from "../../../core/http.ts";
import { sameDigitsDiff } from "../diff.ts";
import { msg } from "../messages.ts";
import { toArabicDigits } from "../digits.ts";
import { allClauses, findClause, numberDoc, type CharterDoc } from "../document.ts";
import { clauseLabel } from "../present.ts";
import { type CommentItem } from "./comment-card.tsx";
import { type CharterRow, type EditionRow, docsOf } from "../charters/queries.ts";
import { commentsOf } from "./queries.ts";
import type { CommentInput } from "./commands.ts";

/** What a comment form sent, as the commands read it (no kind chosen: a comment). */
export function commentInputOf(body: Record<string, string | undefined>): CommentInput {
  return {
    about: body.about ?? "",
    kind: body.kind ?? "comment",
    body: body.body ?? "",
    proposedText: body.proposedText ?? "",
  };
}

/** The choices of the "about" select: general, preamble, and every clause of the current draft. */
export function aboutOptions(doc: CharterDoc, charter: CharterRow, req: FastifyRequest) {
  const t = msg.t(req.lang);
  return [
    { value: "general", label: t("comments.general") },
    { value: "preamble", label: t("edition.preamble") },
    ...allClauses(doc).map(({ clause, number }) => ({
      value: String(clause.key),
      label: `${clauseLabel(number, req.lang, charter.digits)} ${clause.text.slice(0, 60)}${clause.text.length > 60 ? "…" : ""}`,
    })),
  ];
}

/** Comments made presentable: what each is about and, for suggestions, a diff from the text they were about. */
export async function commentItems(
  db: Db,
  req: FastifyRequest,
  charter: CharterRow,
  edition: EditionRow,
  current: CharterDoc,
  opts: {
    clauseKey?: number | null;
    preamble?: boolean;
    status?: "open" | "accepted" | "declined";
    limit?: number;
    offset?: number;
  },
): Promise<CommentItem[]> {
  const tambon = currentTambon(req);
  const t = msg.t(req.lang);
  const rows = await commentsOf(db, tambon.id, edition.id, {
    ...opts,
    viewerId: req.actor.user?.id ?? null,
  });
  const docs = await docsOf(db, tambon.id, [...new Set(rows.map((r) => r.versionId))]);
  const currentNumbers = numberDoc(current);
  return rows.map((c) => {
    const then = docs.get(c.versionId);
    const wasText =
      c.target === "preamble"
        ? then?.preamble
        : c.clauseKey != null && then
          ? findClause(then, c.clauseKey)?.text
          : undefined;
    const nowText =
      c.target === "preamble"
        ? current.preamble
        : c.clauseKey != null
          ? findClause(current, c.clauseKey)?.text
          : undefined;
    const number =
      c.clauseKey != null
        ? (currentNumbers.clause.get(c.clauseKey) ??
          (then ? numberDoc(then).clause.get(c.clauseKey) : undefined))
        : undefined;
    const aboutLabel =
      c.target === "general"
        ? t("comments.general")
        : c.target === "preamble"
          ? t("edition.preamble")
          : number
            ? clauseLabel(number, req.lang, charter.digits)
            : t("comments.clauseRemoved");
    return {
      ...c,
      aboutLabel,
      diff:
        c.proposedText && wasText !== undefined ? sameDigitsDiff(wasText, c.proposedText) : null,
      changedSince:
        wasText !== undefined &&
        nowText !== undefined &&
        toArabicDigits(wasText) !== toArabicDigits(nowText),
    };
  });
}
