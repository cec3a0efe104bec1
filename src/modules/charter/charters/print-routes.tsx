import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon } from "../../../core/http.ts";
import { msg } from "../messages.ts";
import { allClauses } from "../document.ts";
import { progressCounts, type Progress } from "../edition.ts";
import { dateIn, editionLabel, num } from "../present.ts";
import { sendDownload } from "../../../core/download.ts";
import { pagePdf, sendStandalone } from "../../../core/pdf.ts";
import { CardPage, PrintPage } from "./print-views.tsx";
import { textIn } from "../shared/views.tsx";
import { cardImage } from "./card-image.ts";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { progressOf } from "../follow-up/queries.ts";
import { loadEdition, originOf } from "../shared/helpers.ts";
import { signatoriesOf } from "../signing/queries.ts";
import { shownVersion, villagesOf } from "./queries.ts";

/** The print layout, its PDF and the share card (page and image) of an edition. */
export async function charterPrintRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  /** The edition of the URL with its shown version and signatories (print, PDF and card image). */
  const printData = async (req: FastifyRequest, id: string) => {
    const { charter, edition, slug } = await loadEdition(req, db, id);
    const [version, signatories] = await Promise.all([
      shownVersion(db, edition),
      signatoriesOf(db, edition.tambonId, edition.id),
    ]);
    return { charter, edition, version, signatories, slug };
  };

  app.get<{ Params: { id: string } }>("/charter-editions/:id/print", async (req, reply) => {
    const p = await printData(req, req.params.id);
    return sendStandalone(
      req,
      reply,
      deps.config.secret,
      <PrintPage
        charter={p.charter}
        edition={p.edition}
        doc={p.version.doc}
        versionNumber={p.version.number}
        signatories={p.signatories}
        onlineUrl={`${originOf(req)}/t/${p.slug}/charter-editions/${p.edition.id}`}
        backUrl={`/t/${p.slug}/charter-editions/${p.edition.id}`}
        noPdf={(req.query as Record<string, string | undefined>).nopdf === "1"}
      />,
    );
  });

  app.get<{ Params: { id: string } }>(
    "/charter-editions/:id/pdf",
    { config: { rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (req, reply) => {
      const p = await printData(req, req.params.id);
      const printPath = `/t/${p.slug}/charter-editions/${p.edition.id}/print`;
      const pdf = await pagePdf(app, req, printPath);
      if (!pdf) return reply.redirect(`${printPath}?nopdf=1`, 303);
      const lang = req.lang;
      const name = `${p.version.doc.title} ${editionLabel(p.edition, lang, "arabic")}.pdf`;
      return sendDownload(reply, {
        type: "pdf",
        name,
        body: pdf,
        inline: true,
        cache: req.actor.user ? "private, no-store" : "no-cache",
      });
    },
  );

  app.get<{ Params: { id: string } }>("/charter-editions/:id/card.png", async (req, reply) => {
    const { charter, edition, version, signatories } = await printData(req, req.params.id);
    const lang = req.lang;
    const t = msg.t(lang);
    const d = charter.digits;
    const clauses = allClauses(version.doc).length;
    const pillars = new Set(signatories.filter((s) => s.kind === "pillar").map((s) => s.pillar));
    const facts = [
      `${num(clauses, d, lang)} ${t("card.clauses")}`,
      ...(edition.status === "adopted"
        ? [`${num(pillars.size, d, lang)} ${t("card.pillars")}`]
        : [t(`status.${edition.status}`)]),
      ...(edition.adoptedOn
        ? [`${t("edition.adoptedOn")} ${dateIn(edition.adoptedOn, lang, d)}`]
        : []),
    ].join(" · ");
    const png = await cardImage({
      issuer: tambonTitle(currentTambon(req), lang),
      title: textIn(version.doc.title, d, lang),
      edition: editionLabel(edition, lang, d),
      facts,
    });
    return reply
      .header("content-type", "image/png")
      .header(
        "cache-control",
        edition.status === "draft" ? "private, no-store" : "public, max-age=3600",
      )
      .send(png);
  });

  app.get<{ Params: { id: string } }>("/charter-editions/:id/card", async (req, reply) => {
    const { charter, edition, slug } = await loadEdition(req, db, req.params.id);
    const [version, signatories, villages, progress] = await Promise.all([
      shownVersion(db, edition),
      signatoriesOf(db, edition.tambonId, edition.id),
      villagesOf(db, edition.tambonId),
      edition.status === "adopted"
        ? progressOf(db, edition.tambonId, charter.id)
        : Promise.resolve(null),
    ]);
    const keys = allClauses(version.doc).map((c) => c.clause.key);
    const statusOf = new Map(
      [...(progress ?? new Map()).entries()].map(([k, v]) => [k, v.status as Progress]),
    );
    return sendStandalone(
      req,
      reply,
      deps.config.secret,
      <CardPage
        charter={charter}
        edition={edition}
        doc={version.doc}
        pillarsSigned={
          new Set(signatories.filter((s) => s.kind === "pillar").map((s) => s.pillar)).size
        }
        villagesSigned={
          new Set(signatories.filter((s) => s.kind === "village").map((s) => s.villageId)).size
        }
        villages={villages.length}
        progress={progress ? progressCounts(keys, statusOf) : null}
        url={
          edition.status === "adopted"
            ? `/t/${slug}/charters/${charter.id}`
            : `/t/${slug}/charter-editions/${edition.id}`
        }
        origin={originOf(req)}
        image={`/t/${slug}/charter-editions/${edition.id}/card.png`}
      />,
    );
  });
}
