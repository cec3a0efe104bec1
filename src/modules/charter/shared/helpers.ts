import type { FastifyRequest } from "fastify";
import { forbidden, notFound } from "../../../core/errors.ts";
import { allowedTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import type { Db } from "../../../core/db/index.ts";
import { requireId } from "../../../core/params.ts";
import { type EditionRow, type CharterRow, getEdition } from "../charters/queries.ts";
import { settleDecidedVotes } from "../adoption/commands.ts";

/** True when the actor may read editions that are still drafts (members of the tambon). */
export function canReadDrafts(req: FastifyRequest, tambonId: number): boolean {
  return can(req.actor, "charter.readDraft", { tambonId });
}

/** Throws 403 (sign-in for visitors) unless the edition may be read: drafts are for members. */
export function assertReadable(req: FastifyRequest, edition: EditionRow): void {
  if (edition.status === "draft" && !canReadDrafts(req, edition.tambonId))
    throw forbidden(!!req.actor.user);
}

/** The edition of the URL with its charter, after the reading checks (404 for another tambon's). */
export async function loadEdition(
  req: FastifyRequest,
  db: Db,
  id: string,
  action = "charter.read",
): Promise<{ edition: EditionRow; charter: CharterRow; slug: string }> {
  const tambon = allowedTambon(req, action);
  await settleDecidedVotes(db, tambon.id);
  const found = await getEdition(db, tambon.id, requireId(id));
  if (!found) throw notFound();
  assertReadable(req, found.edition);
  return { ...found, slug: tambon.slug };
}

/** The site's own origin as the visitor reached it (for links in exports and share cards). */
export function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.headers.host ?? "localhost"}`;
}

/** The named fields of a form, in that order, each "" when the form did not send it. */
export function sentFields<K extends string>(
  body: Record<string, string | undefined>,
  ...names: K[]
): Record<K, string> {
  const sent = {} as Record<K, string>;
  for (const name of names) sent[name] = body[name] ?? "";
  return sent;
}
