import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps, PageSection } from "../../../core/modules.ts";
import { sectionsOn } from "../../../core/install.ts";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { tableRoutes } from "../../../core/table-export.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { listPartners } from "../../network/public.ts";
import { msg, type CharterKey, type CharterResult } from "../messages.ts";
import { allClauses, numberDoc } from "../document.ts";
import { isProgress, progressCounts } from "../edition.ts";
import { clauseLabel } from "../present.ts";
import { orThrow, throwIfDenied } from "../../../core/result.ts";
import { addClauseLink, deleteClauseLink, setClauseProgress } from "./commands.ts";
import { FollowClausePage } from "./clause-views.tsx";
import { FollowUpPage, type FollowRow } from "./views.tsx";
import {
  type CharterRow,
  type EditionRow,
  shownVersion,
  editionsOf,
  currentEdition,
} from "../charters/queries.ts";
import { loadEdition, sentFields } from "../shared/helpers.ts";
import type { ClauseSubject } from "../public.ts";
import { progressOf, linksOf, progressHistory } from "./queries.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";

/** Follow-up of an adopted edition: status per clause, its links and the CSV export. */
export async function followUpRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

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
      const tambon = currentTambon(req);
      const subject: ClauseSubject = { charterId: charter.id, clauseKey: row.key };
      // Other modules' sections (projects, indicators, ratings), declared in their manifests.
      const [history, sections] = await Promise.all([
        progressHistory(db, edition.tambonId, charter.id, row.key),
        Promise.all(
          (sectionsOn("charter.clause") as unknown as readonly PageSection<ClauseSubject>[]).map(
            async (s) => ({
              id: s.id,
              title: s.title(req.lang),
              items: await s.load(db, tambon, req.lang, subject),
            }),
          ),
        ),
      ]);
      return {
        title: clauseLabel(row.number, req.lang, charter.digits),
        body: (
          <FollowClausePage
            charter={charter}
            edition={edition}
            title={version.doc.title}
            row={row}
            history={history}
            sections={sections.filter((s) => s.items.length > 0)}
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

  tableRoutes<{ Params: { id: string } }>(app, "/charter-editions/:id/follow-up", async (req) => {
    const { charter, edition } = await loadEdition(req, db, req.params.id);
    const t = msg.t(req.lang);
    const { rows } = await followRows(charter, edition);
    return {
      file: `charter-${edition.id}-follow-up`,
      sheet: "follow-up",
      columns: [
        t("edition.clause", { n: "" }).trim(),
        t("edition.chapter", { n: "" }).trim(),
        "text",
        t("follow.status"),
        t("follow.note"),
        t("follow.links"),
      ],
      rows: rows.map((r) => [
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
    };
  });

  // The forms of a clause's page: back to the clause with a message, or the page again with the
  // form's errors.
  const clauseForm = (
    path: string,
    form: "status" | "link",
    run: (
      req: FastifyRequest,
      tambonId: number,
      editionId: number,
      body: Record<string, string>,
    ) => Promise<CharterResult<number>>,
    done: CharterKey,
  ) =>
    app.post<{ Params: { id: string } }>(`/charter-editions/:id/${path}`, async (req, reply) => {
      const tambon = allowedTambon(req, "charter.followUp");
      const body = formBody(req);
      const id = requireId(req.params.id);
      const result = throwIfDenied(await run(req, tambon.id, id, body));
      const back = `/t/${tambon.slug}/charter-editions/${id}/follow-up?clause=${encodeURIComponent(body.clause ?? "")}`;
      if (result.ok) return reply.seeOther(back, msg.t(req.lang)(done));
      req.query = { clause: body.clause ?? "" };
      const p = await followPage(req, req.params.id, {
        [form]: failedForm(body, result.errors, req.lang, msg),
      });
      return reply.page(p.title, p.body, { status: 422 });
    });
  clauseForm(
    "follow-up",
    "status",
    (req, tambonId, id, body) =>
      setClauseProgress(db, req.actor, tambonId, id, sentFields(body, "clause", "status", "note")),
    "follow.statusSaved",
  );
  clauseForm(
    "links",
    "link",
    (req, tambonId, id, body) =>
      addClauseLink(
        db,
        req.actor,
        tambonId,
        id,
        sentFields(body, "clause", "targetType", "label", "url", "partner"),
      ),
    "follow.linkAdded",
  );

  app.post<{ Params: { id: string } }>(
    "/charter-links/:id/delete",
    confirmFirst,
    async (req, reply) => {
      const tambon = allowedTambon(req, "charter.followUp");
      const value = orThrow(
        await deleteClauseLink(db, req.actor, tambon.id, requireId(req.params.id)),
      );
      const editions = await editionsOf(db, tambon.id, value.charterId);
      const inForce = currentEdition(editions) ?? editions[0];
      return reply.seeOther(
        `/t/${tambon.slug}/charter-editions/${inForce!.id}/follow-up?clause=${value.clauseKey}`,
        msg.t(req.lang)("follow.linkDeleted"),
      );
    },
  );
}
