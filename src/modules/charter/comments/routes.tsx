import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { formBody, allowedTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { parsePage, requireId } from "../../../core/params.ts";
import { pageHref, paged } from "../../../core/paging.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { findClause, numberDoc } from "../document.ts";
import { num } from "../present.ts";
import { throwIfDenied, translateErrors, type Result } from "../../../core/result.ts";
import { addComment } from "./commands.ts";
import { acceptSuggestion, declineSuggestion, rateSuggestion } from "./suggestion-commands.ts";
import { CommentsPage } from "./views.tsx";
import { shownVersion } from "../charters/queries.ts";
import { loadEdition } from "../shared/helpers.ts";
import { commentItems, aboutOptions, commentInputOf } from "./helpers.ts";
import { countComments, commentOfId } from "./queries.ts";

/** Comments and suggestions on an edition: the list, adding, rating and deciding. */
export async function commentRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

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
    const tambon = allowedTambon(req, "charter.comment");
    const body = formBody(req);
    const result = throwIfDenied(
      await addComment(db, req.actor, tambon.id, requireId(req.params.id), commentInputOf(body)),
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

  // Rating and accepting a suggestion come back to it, or say on a page why they could not.
  const suggestionAction = <T extends { editionId: number; clauseKey: number | null }>(
    path: string,
    permission: string,
    run: (req: FastifyRequest, tambonId: number, id: number) => Promise<Result<T, string>>,
    done: (t: ReturnType<typeof msg.t>, value: T) => string,
  ) =>
    app.post<{ Params: { id: string } }>(`/charter-comments/:id/${path}`, async (req, reply) => {
      const tambon = allowedTambon(req, permission);
      const id = requireId(req.params.id);
      const result = throwIfDenied(await run(req, tambon.id, id));
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
        done(msg.t(req.lang), result.value),
      );
    });
  suggestionAction(
    "rate",
    "charter.comment",
    (req, tambonId, id) => rateSuggestion(db, req.actor, tambonId, id, formBody(req).rating ?? ""),
    (t) => t("comments.rated"),
  );
  suggestionAction(
    "accept",
    "charter.decide",
    (req, tambonId, id) => acceptSuggestion(db, req.actor, tambonId, id),
    (t, value) => t("comments.accepted", { n: value.version }),
  );

  app.post<{ Params: { id: string } }>("/charter-comments/:id/decline", async (req, reply) => {
    const tambon = allowedTambon(req, "charter.decide");
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
    const [c] = await commentOfId(db, tambon.id, id);
    if (!c) throw notFound();
    req.query = { clause: c.clauseKey == null ? "preamble" : String(c.clauseKey) };
    const p = await commentsPage(req, String(c.editionId), emptyForm(), {
      id,
      state: failedForm(body, result.errors, req.lang, msg),
    });
    return reply.page(p.title, p.body, { status: 422 });
  });
}
