import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { parseId } from "../../../core/params.ts";
import { msg } from "../messages.ts";
import { type CharterDoc } from "../document.ts";
import { diffCharters } from "../diff.ts";
import { editionLabel, num } from "../present.ts";
import { versionsOf, shownVersion, editionsOf, getVersionByNumber } from "../charters/queries.ts";
import { commentsOf } from "../comments/queries.ts";
import { loadEdition } from "../shared/helpers.ts";
import { VersionsPage } from "./views.tsx";
import { DiffView } from "./diff-views.tsx";

/** The versions of an edition's text and the differences between them. */
export async function draftingRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get<{ Params: { id: string } }>("/charter-editions/:id/versions", async (req, reply) => {
    const { charter, edition } = await loadEdition(req, db, req.params.id);
    const [versions, shown, comments] = await Promise.all([
      versionsOf(db, edition.tambonId, edition.id),
      shownVersion(db, edition),
      commentsOf(db, edition.tambonId, edition.id),
    ]);
    const authors = new Map(comments.map((c) => [c.id, c.author]));
    return reply.page(
      msg.t(req.lang)("versions.title"),
      <VersionsPage
        charter={charter}
        edition={edition}
        title={shown.doc.title}
        versions={versions.map((v) => ({
          ...v,
          credit: v.commentId ? (authors.get(v.commentId) ?? null) : null,
        }))}
        canRestore={
          edition.status !== "adopted" &&
          !edition.questionId &&
          can(req.actor, "charter.draft", { tambonId: edition.tambonId })
        }
      />,
    );
  });

  app.get<{ Params: { id: string } }>("/charter-editions/:id/diff", async (req, reply) => {
    const { charter, edition, slug } = await loadEdition(req, db, req.params.id);
    const q = req.query as Record<string, string | undefined>;
    const t = msg.t(req.lang);
    const d = charter.digits;
    const shown = await shownVersion(db, edition);
    let before: CharterDoc;
    let after: CharterDoc;
    let fromLabel: string;
    let toLabel: string;
    if (q.against === "previous") {
      const previous = edition.basedOnEditionId
        ? (await editionsOf(db, edition.tambonId, charter.id)).find(
            (e) => e.id === edition.basedOnEditionId,
          )
        : undefined;
      if (!previous) throw notFound();
      const prevVersion = await shownVersion(db, previous);
      before = prevVersion.doc;
      after = shown.doc;
      fromLabel = editionLabel(previous, req.lang, d);
      toLabel = `${editionLabel(edition, req.lang, d)} (${t("draft.version", { n: num(shown.number, d, req.lang) })})`;
    } else {
      const [fromN, toN] = [parseId(q.from), parseId(q.to)];
      if (fromN === null || toN === null) throw notFound();
      const from = await getVersionByNumber(db, edition.tambonId, edition.id, fromN);
      const to = await getVersionByNumber(db, edition.tambonId, edition.id, toN);
      if (!from || !to) throw notFound();
      before = from.doc;
      after = to.doc;
      fromLabel = t("versions.version", { n: num(from.number, d, req.lang) });
      toLabel = t("versions.version", { n: num(to.number, d, req.lang) });
    }
    const showAll = q.all === "1";
    const params = new URLSearchParams(
      Object.entries(q).filter(([k, v]) => k !== "all" && v !== undefined) as [string, string][],
    );
    if (!showAll) params.set("all", "1");
    const eb = `/t/${slug}/charter-editions/${edition.id}`;
    return reply.page(
      t("diff.title"),
      <>
        <p class="back">
          <a href={`${eb}/versions`}>← {t("versions.title")}</a>
        </p>
        <h1>
          {t("diff.title")} · {shown.doc.title}
        </h1>
        <p>{t("diff.between", { from: fromLabel, to: toLabel })}</p>
        <DiffView
          diff={diffCharters(before, after)}
          charter={charter}
          showAll={showAll}
          toggleHref={`${eb}/diff?${params}`}
        />
      </>,
    );
  });
}
