import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { and, eq } from "drizzle-orm";
import { renderToString } from "preact-render-to-string";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { Db } from "../../../core/db/index.ts";
import { authorize, currentTambon, formBody, viewCtx } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { parseId, parsePage, requireId } from "../../../core/params.ts";
import { pageHref, paged } from "../../../core/paging.ts";
import { todayIso } from "../../../core/dates.ts";
import { wordDiff } from "../../../core/text-diff.ts";
import { csvCell } from "../../../core/csv.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { ViewContext } from "../../../core/views/ctx.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { questionOutcome } from "../../decisions/public.ts";
import { listPartners } from "../../network/public.ts";
import { getResolution, resolutionUrl } from "../../groups/public.ts";
import { msg } from "../messages.ts";
import { charterComments, charterPhotos, charterSignatories } from "../schema.ts";
import { allClauses, findClause, numberDoc, type CharterDoc } from "../document.ts";
import { diffCharters } from "../diff.ts";
import { isProgress, progressCounts, reviewDueOn, reviewState, type Progress } from "../edition.ts";
import { participation } from "../hearing.ts";
import {
  commentCounts,
  commentsOf,
  countComments,
  currentEdition,
  docsOf,
  editionsOf,
  getCharter,
  getVersionById,
  getVersionByNumber,
  linksOf,
  listCharters,
  memberVillages,
  photosOf,
  progressHistory,
  progressOf,
  shownVersion,
  signatoriesOf,
  versionsOf,
  villagesOf,
  type CharterRow,
  type EditionRow,
} from "../queries.ts";
import { clauseLabel, dateIn, editionLabel, num } from "../present.ts";
import { orThrow, throwIfDenied, translateErrors } from "../../../core/result.ts";
import { sendDownload } from "../../../core/download.ts";
import { registryCsv, registryEntry } from "../registry.ts";
import { registrySources } from "../registry-data.ts";
import { pdfAvailable, pdfKey, renderPdf } from "../pdf.ts";
import {
  addComment,
  acceptSuggestion,
  declineSuggestion,
  rateSuggestion,
  recordHearingInput,
} from "../commands/comments.ts";
import { addClauseLink, deleteClauseLink, setClauseProgress } from "../commands/follow-up.ts";
import { deletePhoto, deleteSignatory } from "../commands/signing.ts";
import { CharterList, DiffView, VersionsPage } from "../views/lists.tsx";
import { EditionPage, type AdoptionInfo, type EditionPageData } from "../views/edition.tsx";
import { CommentsPage, type CommentItem } from "../views/comments.tsx";
import { HearingPage } from "../views/hearing.tsx";
import { hearingMeetingsOf } from "../commands/hearing.ts";
import { FollowClausePage, FollowUpPage, type FollowRow } from "../views/follow-up.tsx";
import { CardPage, PrintPage } from "../views/print.tsx";
import { textIn } from "../views/common.tsx";
import { cardImage } from "../card-image.ts";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { canReadDrafts, loadEdition, originOf } from "./helpers.ts";

/** The page of an edition (or the charter's stable page), with everything it shows. */
async function editionPageData(
  req: FastifyRequest,
  db: Db,
  charter: CharterRow,
  edition: EditionRow,
  stable: boolean,
): Promise<EditionPageData> {
  const tambon = currentTambon(req);
  const editions = (await editionsOf(db, tambon.id, charter.id)).filter(
    (e) => e.status !== "draft" || canReadDrafts(req, tambon.id),
  );
  const inForce = currentEdition(editions);
  const open = edition.status !== "adopted";
  const [version, counts, signatories, photos] = await Promise.all([
    shownVersion(db, edition),
    open ? commentCounts(db, tambon.id, edition.id) : Promise.resolve(null),
    edition.status === "adopted" ? signatoriesOf(db, tambon.id, edition.id) : Promise.resolve([]),
    edition.status === "adopted" ? photosOf(db, tambon.id, edition.id) : Promise.resolve([]),
  ]);
  const t = msg.t(req.lang);
  const adoption: AdoptionInfo = {
    kind: edition.adoptionKind,
    href: null,
    text: null,
    pendingVote: null,
  };
  if (edition.adoptionKind === "resolution" && edition.resolutionId) {
    const r = await getResolution(db, tambon.id, edition.resolutionId);
    if (r) {
      adoption.href = resolutionUrl(tambon.slug, r.id);
      adoption.text = t("adopt.resolutionLabel", {
        n: num(r.number, charter.digits, req.lang),
        meeting: r.meetingTitleTh,
        day: dateIn(r.decidedOn, req.lang, charter.digits),
      });
    }
  } else if (edition.questionId) {
    const href = `/t/${tambon.slug}/decisions/${edition.questionId}`;
    if (edition.adoptionKind === "vote") {
      adoption.href = href;
      adoption.text = t("adopt.question");
    } else {
      const outcome = await questionOutcome(db, tambon.id, edition.questionId);
      if (outcome)
        adoption.pendingVote = { href, phase: t(`phase.${outcome.phase}` as "phase.draft") };
    }
  }
  const due = edition.adoptedOn ? reviewDueOn(edition.adoptedOn, edition.reviewYears) : null;
  return {
    charter,
    edition,
    doc: version.doc,
    versionNumber: version.number,
    editions,
    inForceId: inForce?.id ?? null,
    commentCounts: counts,
    signatories,
    photos,
    adoption,
    review: due ? { dueOn: due, ...reviewState(due, todayIso()) } : null,
    can: {
      comment: can(req.actor, "charter.comment", { tambonId: tambon.id }),
      draft: can(req.actor, "charter.draft", { tambonId: tambon.id }),
      manage: can(req.actor, "charter.manage", { tambonId: tambon.id }),
      signedIn: !!req.actor.user,
    },
    stable,
  };
}

/** The choices of the "about" select: general, preamble, and every clause of the current draft. */
function aboutOptions(doc: CharterDoc, charter: CharterRow, req: FastifyRequest) {
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
async function commentItems(
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
      diff: c.proposedText && wasText !== undefined ? wordDiff(wasText, c.proposedText) : null,
      changedSince: wasText !== undefined && nowText !== undefined && wasText !== nowText,
    };
  });
}

/** Sends a standalone page (print layout, card) rendered with the request's view context. */
function sendStandalone(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: ModuleDeps,
  tree: preact.ComponentChildren,
) {
  const ctx = viewCtx(req, reply, deps.config.secret, []);
  const html =
    "<!doctype html>" +
    renderToString(<ViewContext.Provider value={ctx}>{tree}</ViewContext.Provider>);
  return reply
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", req.actor.user ? "private, no-store" : "no-cache")
    .send(html);
}

function registryFor(req: FastifyRequest, db: Db, tambons: Tambon[]) {
  return registrySources(db, tambons).then((sources) =>
    sources.map((s) => registryEntry(s, req.lang, originOf(req))),
  );
}

/** Public routes of the charter module: reading, printing, comments, hearing, follow-up, exports. */
export async function charterPublicRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get("/charter", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.read", { tambonId: tambon.id });
    const drafts = canReadDrafts(req, tambon.id);
    const items = await listCharters(db, tambon.id);
    const withTitles = await Promise.all(
      items.map(async ({ charter, editions }) => {
        const visible = editions.filter((e) => e.status !== "draft" || drafts);
        const shown = currentEdition(visible) ?? visible[0];
        const title = shown ? (await shownVersion(db, shown)).doc.title : charter.nameTh;
        return {
          charter,
          editions: visible,
          title: req.lang === "en" && charter.nameEn ? charter.nameEn : title,
        };
      }),
    );
    return reply.page(
      msg.t(req.lang)("list.title"),
      <CharterList
        items={withTitles}
        canManage={can(req.actor, "charter.manage", { tambonId: tambon.id })}
      />,
    );
  });

  app.get<{ Params: { id: string } }>("/charters/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.read", { tambonId: tambon.id });
    const charter = await getCharter(db, tambon.id, requireId(req.params.id));
    if (!charter) throw notFound();
    const editions = await editionsOf(db, tambon.id, charter.id);
    const edition =
      currentEdition(editions) ??
      editions.find((e) => e.status === "hearing") ??
      (canReadDrafts(req, tambon.id) ? editions[0] : undefined);
    if (!edition) throw notFound();
    const data = await editionPageData(req, db, charter, edition, true);
    return reply.page(data.doc.title, <EditionPage data={data} />, {
      description: `${data.doc.title} ${editionLabel(edition, req.lang, charter.digits)}`,
    });
  });

  app.get<{ Params: { id: string } }>("/charter-editions/:id", async (req, reply) => {
    const { charter, edition } = await loadEdition(req, db, req.params.id);
    const data = await editionPageData(req, db, charter, edition, false);
    return reply.page(
      `${data.doc.title} ${editionLabel(edition, req.lang, charter.digits)}`,
      <EditionPage data={data} />,
    );
  });

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
      deps,
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
      if (!pdfAvailable()) return reply.redirect(`${printPath}?nopdf=1`, 303);
      const cookie = req.headers.cookie ?? "";
      const lang = req.lang;
      const fetch = async (path: string) => {
        const res = await app.inject({
          method: "GET",
          url: path,
          headers: {
            cookie: `${cookie}${cookie ? "; " : ""}tlang=${lang}`,
            host: req.headers.host ?? "localhost",
          },
        });
        return {
          status: res.statusCode,
          type: String(res.headers["content-type"] ?? "application/octet-stream"),
          body: res.rawPayload,
        };
      };
      const page = await fetch(printPath);
      if (page.status !== 200) throw notFound();
      const pdf = await renderPdf(printPath, pdfKey(page.body.toString("utf8") + lang), fetch);
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
    const { charter, edition } = await loadEdition(req, db, req.params.id);
    const [version, signatories] = await Promise.all([
      shownVersion(db, edition),
      signatoriesOf(db, edition.tambonId, edition.id),
    ]);
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
      deps,
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

  // Comments and suggestions

  const commentsPage = async (
    req: FastifyRequest,
    id: string,
    form: FormState,
    declineFor?: { id: number; state: FormState },
  ) => {
    const { charter, edition, slug } = await loadEdition(req, db, id);
    const tambonId = edition.tambonId;
    const q = req.query as Record<string, string | undefined>;
    const t = msg.t(req.lang);
    const current = await shownVersion(db, edition);
    const clauseParam = q.clause;
    const key = clauseParam && clauseParam !== "preamble" ? requireId(clauseParam) : null;
    const status = (["open", "accepted", "declined"] as const).find((s) => s === q.status);
    const filter = { clauseKey: key, preamble: clauseParam === "preamble", status };
    const load = (window = {}) =>
      commentItems(db, req, charter, edition, current.doc, { ...filter, ...window });
    // The comments on one clause are few and shown together; the whole list is paged.
    const list = clauseParam
      ? null
      : await paged(parsePage(q.page), () => countComments(db, tambonId, edition.id, filter), load);
    const items = list ? list.items : await load();
    const number = key != null ? numberDoc(current.doc).clause.get(key) : undefined;
    const heading =
      clauseParam === "preamble"
        ? t("comments.onPreamble")
        : key != null
          ? number
            ? t("comments.onClause", { n: num(number, charter.digits, req.lang) })
            : t("comments.clauseRemoved")
          : t("comments.title");
    const clause =
      clauseParam === "preamble"
        ? { key: "preamble" as const, text: current.doc.preamble }
        : key != null
          ? { key, text: findClause(current.doc, key)?.text ?? null }
          : null;
    const defaults = {
      about: clauseParam ?? "general",
      kind: "comment",
      proposedText: clause?.text ?? "",
    };
    return {
      title: heading,
      body: (
        <CommentsPage
          charter={charter}
          edition={edition}
          title={current.doc.title}
          heading={heading}
          clause={clause}
          items={items}
          aboutOptions={aboutOptions(current.doc, charter, req)}
          can={{
            comment: can(req.actor, "charter.comment", { tambonId }),
            rate: can(req.actor, "charter.comment", { tambonId }),
            decide: can(req.actor, "charter.decide", { tambonId }),
            signedIn: !!req.actor.user,
          }}
          viewerId={req.actor.user?.id ?? null}
          form={
            form.values.about
              ? form
              : { values: { ...defaults, ...form.values }, errors: form.errors }
          }
          declineFor={declineFor}
          filter={status ?? ""}
          pager={
            list && {
              ...list,
              href: (n: number) =>
                pageHref(`/t/${slug}/charter-editions/${edition.id}/comments`, { status }, n),
            }
          }
        />
      ),
    };
  };

  app.get<{ Params: { id: string } }>("/charter-editions/:id/comments", async (req, reply) => {
    const p = await commentsPage(req, req.params.id, emptyForm());
    return reply.page(p.title, p.body);
  });

  app.post<{ Params: { id: string } }>("/charter-editions/:id/comments", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.comment", { tambonId: tambon.id });
    const body = formBody(req);
    const result = throwIfDenied(
      await addComment(db, req.actor, tambon.id, requireId(req.params.id), {
        about: body.about ?? "",
        kind: body.kind ?? "comment",
        body: body.body ?? "",
        proposedText: body.proposedText ?? "",
      }),
    );
    const q = req.query as Record<string, string | undefined>;
    const back = `/t/${tambon.slug}/charter-editions/${requireId(req.params.id)}/comments${q.clause ? `?clause=${encodeURIComponent(q.clause)}` : ""}`;
    if (result.ok)
      return reply.seeOther(`${back}#comment-${result.value}`, msg.t(req.lang)("comments.sent"));
    const p = await commentsPage(
      req,
      req.params.id,
      failedForm(body, result.errors, req.lang, msg),
    );
    return reply.page(p.title, p.body, { status: 422 });
  });

  const commentBack = (
    slug: string,
    r: { editionId: number; clauseKey: number | null },
    id: number,
  ) =>
    `/t/${slug}/charter-editions/${r.editionId}/comments?clause=${r.clauseKey ?? "preamble"}#comment-${id}`;

  app.post<{ Params: { id: string } }>("/charter-comments/:id/rate", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.comment", { tambonId: tambon.id });
    const id = requireId(req.params.id);
    const result = throwIfDenied(
      await rateSuggestion(db, req.actor, tambon.id, id, formBody(req).rating ?? ""),
    );
    if (!result.ok)
      return reply.page(
        msg.t(req.lang)("comments.title"),
        <p class="error">
          {Object.values(translateErrors(result.errors, req.lang, msg)).join(" ")}
        </p>,
        { status: 422 },
      );
    return reply.seeOther(
      commentBack(tambon.slug, result.value, id),
      msg.t(req.lang)("comments.rated"),
    );
  });

  app.post<{ Params: { id: string } }>("/charter-comments/:id/accept", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.decide", { tambonId: tambon.id });
    const id = requireId(req.params.id);
    const result = throwIfDenied(await acceptSuggestion(db, req.actor, tambon.id, id));
    if (!result.ok)
      return reply.page(
        msg.t(req.lang)("comments.title"),
        <p class="error">
          {Object.values(translateErrors(result.errors, req.lang, msg)).join(" ")}
        </p>,
        { status: 422 },
      );
    return reply.seeOther(
      commentBack(tambon.slug, result.value, id),
      msg.t(req.lang)("comments.accepted", { n: result.value.version }),
    );
  });

  app.post<{ Params: { id: string } }>("/charter-comments/:id/decline", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.decide", { tambonId: tambon.id });
    const id = requireId(req.params.id);
    const body = formBody(req);
    const result = throwIfDenied(
      await declineSuggestion(db, req.actor, tambon.id, id, body.reason ?? ""),
    );
    if (result.ok)
      return reply.seeOther(
        commentBack(tambon.slug, result.value, id),
        msg.t(req.lang)("comments.declined"),
      );
    const [c] = await commentsOfId(db, tambon.id, id);
    if (!c) throw notFound();
    req.query = { clause: c.clauseKey == null ? "preamble" : String(c.clauseKey) };
    const p = await commentsPage(req, String(c.editionId), emptyForm(), {
      id,
      state: failedForm(body, result.errors, req.lang, msg),
    });
    return reply.page(p.title, p.body, { status: 422 });
  });

  // Public hearing

  const hearingPage = async (req: FastifyRequest, id: string, form: FormState) => {
    const { charter, edition } = await loadEdition(req, db, id);
    const tambonId = edition.tambonId;
    const [current, villages, all, meetings] = await Promise.all([
      shownVersion(db, edition),
      villagesOf(db, tambonId),
      commentsOf(db, tambonId, edition.id),
      hearingMeetingsOf(db, tambonId, edition.id),
    ]);
    const members = await memberVillages(db, tambonId, [
      ...new Set(all.map((c) => c.authorId).filter((x): x is number => x != null)),
    ]);
    const report = participation(
      all.map((c) => ({ ...c, authorName: c.author })),
      members,
    );
    const hearingItems = (await commentItems(db, req, charter, edition, current.doc, {})).filter(
      (c) => c.phase === "hearing" && c.status === "accepted",
    );
    let diff = null;
    if (edition.hearingVersionId) {
      const start = await getVersionById(db, tambonId, edition.id, edition.hearingVersionId);
      if (start && start.id !== current.id)
        diff = {
          diff: diffCharters(start.doc, current.doc),
          fromNumber: start.number,
          adopted: edition.status === "adopted",
        };
    }
    return (
      <HearingPage
        data={{
          charter,
          edition,
          title: current.doc.title,
          villages,
          byVillage: report.byVillage,
          people: report.people,
          villagesReached: report.villagesReached,
          acceptedInHearing: hearingItems,
          diff,
          canRecord: can(req.actor, "charter.hearing", { tambonId }),
          aboutOptions: aboutOptions(current.doc, charter, req),
          form: form.values.about
            ? form
            : {
                values: { about: "general", kind: "comment", ...form.values },
                errors: form.errors,
              },
          showAll: (req.query as Record<string, string | undefined>).all === "1",
          meetings: meetings.filter(
            (m) => m.isPublic || can(req.actor, "charter.manage", { tambonId }),
          ),
        }}
      />
    );
  };

  app.get<{ Params: { id: string } }>("/charter-editions/:id/hearing", async (req, reply) => {
    return reply.page(
      msg.t(req.lang)("hearing.title"),
      await hearingPage(req, req.params.id, emptyForm()),
    );
  });

  app.post<{ Params: { id: string } }>("/charter-editions/:id/hearing", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.hearing", { tambonId: tambon.id });
    const body = formBody(req);
    const result = throwIfDenied(
      await recordHearingInput(db, req.actor, tambon.id, requireId(req.params.id), {
        name: body.name ?? "",
        village: body.village ?? "",
        about: body.about ?? "",
        kind: body.kind ?? "comment",
        body: body.body ?? "",
        proposedText: body.proposedText ?? "",
      }),
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/charter-editions/${requireId(req.params.id)}/hearing`,
        msg.t(req.lang)("hearing.recorded"),
      );
    return reply.page(
      msg.t(req.lang)("hearing.title"),
      await hearingPage(req, req.params.id, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });

  // Follow-up

  const followRows = async (charter: CharterRow, edition: EditionRow) => {
    const [version, progress, links] = await Promise.all([
      shownVersion(db, edition),
      progressOf(db, edition.tambonId, charter.id),
      linksOf(db, edition.tambonId, charter.id),
    ]);
    const numbering = numberDoc(version.doc);
    const titles = new Map(version.doc.chapters.map((c) => [c.key, c.title]));
    const rows: FollowRow[] = allClauses(version.doc).map(({ clause, number, section }) => {
      const p = progress.get(clause.key);
      return {
        key: clause.key,
        number,
        chapter: numbering.chapter.get(section) ?? null,
        chapterTitle: titles.get(section) ?? "",
        text: clause.text,
        status: p?.status ?? "not_started",
        note: p?.note ?? "",
        at: p?.at ?? null,
        links: links.get(clause.key) ?? [],
      };
    });
    return { rows, version };
  };

  const followPage = async (
    req: FastifyRequest,
    id: string,
    forms: { status?: FormState; link?: FormState },
  ) => {
    const { charter, edition } = await loadEdition(req, db, id);
    const t = msg.t(req.lang);
    if (edition.status !== "adopted")
      return { title: t("follow.title"), body: <p class="notice">{t("follow.onlyAdopted")}</p> };
    const { rows, version } = await followRows(charter, edition);
    const canEdit = can(req.actor, "charter.followUp", { tambonId: edition.tambonId });
    const q = req.query as Record<string, string | undefined>;
    const clauseKey = q.clause !== undefined ? requireId(q.clause) : null;
    if (clauseKey !== null) {
      const row = rows.find((r) => r.key === clauseKey);
      if (!row) throw notFound();
      const history = await progressHistory(db, edition.tambonId, charter.id, row.key);
      return {
        title: clauseLabel(row.number, req.lang, charter.digits),
        body: (
          <FollowClausePage
            charter={charter}
            edition={edition}
            title={version.doc.title}
            row={row}
            history={history}
            canEdit={canEdit}
            statusForm={forms.status ?? emptyForm()}
            linkForm={forms.link ?? emptyForm()}
            partners={
              canEdit
                ? (await listPartners(db, edition.tambonId)).map((p) => ({
                    id: p.id,
                    name: req.lang === "en" && p.nameEn ? p.nameEn : p.nameTh,
                  }))
                : []
            }
          />
        ),
      };
    }
    const counts = progressCounts(
      rows.map((r) => r.key),
      new Map(rows.map((r) => [r.key, r.status])),
    );
    const filter = isProgress(q.status) ? q.status : "";
    return {
      title: t("follow.title"),
      body: (
        <FollowUpPage
          charter={charter}
          edition={edition}
          title={version.doc.title}
          rows={filter ? rows.filter((r) => r.status === filter) : rows}
          counts={counts}
          total={rows.length}
          filter={filter}
          canEdit={canEdit}
        />
      ),
    };
  };

  app.get<{ Params: { id: string } }>("/charter-editions/:id/follow-up", async (req, reply) => {
    const p = await followPage(req, req.params.id, {});
    return reply.page(p.title, p.body);
  });

  app.get<{ Params: { id: string } }>("/charter-editions/:id/follow-up.csv", async (req, reply) => {
    const { charter, edition } = await loadEdition(req, db, req.params.id);
    const t = msg.t(req.lang);
    const { rows } = await followRows(charter, edition);
    const line = (cells: (string | number)[]) => cells.map(csvCell).join(",");
    const csv =
      "\uFEFF" +
      [
        line([
          t("edition.clause", { n: "" }).trim(),
          t("edition.chapter", { n: "" }).trim(),
          "text",
          t("follow.status"),
          t("follow.note"),
          t("follow.links"),
        ]),
        ...rows.map((r) =>
          line([
            r.number,
            r.chapter ?? "",
            r.text,
            t(`progress.${r.status}`),
            r.note,
            r.links
              .map(
                (l) =>
                  `${t(`link.${l.targetType}` as "link.other")}: ${l.label}${l.url ? ` <${l.url}>` : ""}`,
              )
              .join("; "),
          ]),
        ),
      ].join("\r\n") +
      "\r\n";
    return sendDownload(reply, {
      type: "csv",
      name: `charter-${edition.id}-follow-up.csv`,
      body: csv,
    });
  });

  app.post<{ Params: { id: string } }>("/charter-editions/:id/follow-up", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.followUp", { tambonId: tambon.id });
    const body = formBody(req);
    const id = requireId(req.params.id);
    const result = throwIfDenied(
      await setClauseProgress(db, req.actor, tambon.id, id, {
        clause: body.clause ?? "",
        status: body.status ?? "",
        note: body.note ?? "",
      }),
    );
    const back = `/t/${tambon.slug}/charter-editions/${id}/follow-up?clause=${encodeURIComponent(body.clause ?? "")}`;
    if (result.ok) return reply.seeOther(back, msg.t(req.lang)("follow.statusSaved"));
    req.query = { clause: body.clause ?? "" };
    const p = await followPage(req, req.params.id, {
      status: failedForm(body, result.errors, req.lang, msg),
    });
    return reply.page(p.title, p.body, { status: 422 });
  });

  app.post<{ Params: { id: string } }>("/charter-editions/:id/links", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.followUp", { tambonId: tambon.id });
    const body = formBody(req);
    const id = requireId(req.params.id);
    const result = throwIfDenied(
      await addClauseLink(db, req.actor, tambon.id, id, {
        clause: body.clause ?? "",
        targetType: body.targetType ?? "",
        label: body.label ?? "",
        url: body.url ?? "",
        partner: body.partner ?? "",
      }),
    );
    const back = `/t/${tambon.slug}/charter-editions/${id}/follow-up?clause=${encodeURIComponent(body.clause ?? "")}`;
    if (result.ok) return reply.seeOther(back, msg.t(req.lang)("follow.linkAdded"));
    req.query = { clause: body.clause ?? "" };
    const p = await followPage(req, req.params.id, {
      link: failedForm(body, result.errors, req.lang, msg),
    });
    return reply.page(p.title, p.body, { status: 422 });
  });

  app.post<{ Params: { id: string } }>("/charter-links/:id/delete", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.followUp", { tambonId: tambon.id });
    const value = orThrow(
      await deleteClauseLink(db, req.actor, tambon.id, requireId(req.params.id)),
    );
    const editions = await editionsOf(db, tambon.id, value.charterId);
    const inForce = currentEdition(editions) ?? editions[0];
    return reply.seeOther(
      `/t/${tambon.slug}/charter-editions/${inForce!.id}/follow-up?clause=${value.clauseKey}`,
      msg.t(req.lang)("follow.linkDeleted"),
    );
  });

  // Signatories' scans and ceremony photos

  app.get<{ Params: { id: string } }>("/charter-signatories/:id/scan", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.read", { tambonId: tambon.id });
    const [row] = await db
      .select({
        scan: charterSignatories.scan,
        thumb: charterSignatories.thumb,
        mime: charterSignatories.scanMime,
      })
      .from(charterSignatories)
      .where(
        and(
          eq(charterSignatories.tambonId, tambon.id),
          eq(charterSignatories.id, requireId(req.params.id)),
        ),
      );
    if (!row?.scan) throw notFound();
    const thumb = (req.query as Record<string, string | undefined>).size === "thumb" && row.thumb;
    return reply
      .header("content-type", thumb ? "image/webp" : (row.mime ?? "application/octet-stream"))
      .header("cache-control", "public, max-age=3600")
      .header("x-content-type-options", "nosniff")
      .send(Buffer.from(thumb ? row.thumb! : row.scan));
  });

  app.post<{ Params: { id: string } }>("/charter-signatories/:id/delete", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.sign", { tambonId: tambon.id });
    const value = orThrow(
      await deleteSignatory(db, req.actor, tambon.id, requireId(req.params.id)),
    );
    return reply.seeOther(
      `/t/${tambon.slug}/admin/charter-editions/${value}#h-signing`,
      msg.t(req.lang)("sign.deleted"),
    );
  });

  app.get<{ Params: { id: string } }>("/charter-photos/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.read", { tambonId: tambon.id });
    const thumb = (req.query as Record<string, string | undefined>).size === "thumb";
    const [row] = await db
      .select({ data: thumb ? charterPhotos.thumb : charterPhotos.data, mime: charterPhotos.mime })
      .from(charterPhotos)
      .where(
        and(eq(charterPhotos.tambonId, tambon.id), eq(charterPhotos.id, requireId(req.params.id))),
      );
    if (!row) throw notFound();
    return reply
      .header("content-type", thumb ? "image/webp" : row.mime)
      .header("cache-control", "public, max-age=3600")
      .header("x-content-type-options", "nosniff")
      .send(Buffer.from(row.data));
  });

  app.post<{ Params: { id: string } }>("/charter-photos/:id/delete", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.sign", { tambonId: tambon.id });
    const value = orThrow(await deletePhoto(db, req.actor, tambon.id, requireId(req.params.id)));
    return reply.seeOther(
      `/t/${tambon.slug}/admin/charter-editions/${value}#h-signing`,
      msg.t(req.lang)("photo.deleted"),
    );
  });

  // Registry export

  app.get("/charter-registry.json", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.read", { tambonId: tambon.id });
    const entries = await registryFor(req, db, [tambon]);
    return reply
      .header("content-type", "application/json; charset=utf-8")
      .send(JSON.stringify({ charters: entries }, null, 2));
  });

  app.get("/charter-registry.csv", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.read", { tambonId: tambon.id });
    const entries = await registryFor(req, db, [tambon]);
    return sendDownload(reply, {
      type: "csv",
      name: `charter-registry-${tambon.slug}.csv`,
      body: registryCsv(entries, req.lang),
    });
  });
}

/** The network-wide registry export (every tambon), at /charter-registry.json and .csv. */
export function networkRegistryRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  app.get("/charter-registry.json", async (req, reply) => {
    const entries = await registryFor(req, db, [...deps.tambons.all()]);
    return reply
      .header("content-type", "application/json; charset=utf-8")
      .send(JSON.stringify({ charters: entries }, null, 2));
  });
  app.get("/charter-registry.csv", async (req, reply) => {
    const entries = await registryFor(req, db, [...deps.tambons.all()]);
    return sendDownload(reply, {
      type: "csv",
      name: "charter-registry.csv",
      body: registryCsv(entries, req.lang),
    });
  });
}

/** One comment's edition and clause (for re-showing the decline form). */
async function commentsOfId(db: Db, tambonId: number, id: number) {
  return db
    .select({ editionId: charterComments.editionId, clauseKey: charterComments.clauseKey })
    .from(charterComments)
    .where(and(eq(charterComments.tambonId, tambonId), eq(charterComments.id, id)));
}
