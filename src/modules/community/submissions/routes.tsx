import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { formBody, allowedTambon } from "../../../core/http.ts";
import { forbidden, notFound } from "../../../core/errors.ts";
import { pageOf, parseId, queryOf, requireId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { emptyForm, failedForm } from "../../../core/views/form.tsx";
import { getFile, serveFile } from "../../../core/file-store.ts";
import { msg } from "../messages.ts";
import { personalScope } from "../access.ts";
import { logPersonalRead } from "../privacy/reads.ts";
import { SUBMISSION_STATUSES, type SubmissionStatus } from "../shared/kinds.ts";
import { photoSlots } from "../forms/definition.ts";
import { resolveConflict } from "./commands.ts";
import {
  filterChoices,
  getSubmission,
  listSubmissions,
  otherOfConflict,
  type SubmissionDetail,
} from "./queries.ts";
import { SubmissionListPage, SubmissionPage } from "./views.tsx";

/** The stored files' ids a submission's photo answers hold (not any other number it holds). */
function photoIdsOf(s: Pick<SubmissionDetail, "definition" | "answers">): number[] {
  return photoSlots(s.definition.items, s.answers).flatMap(([holder, name]) => {
    const id = holder[name];
    return typeof id === "number" ? [id] : [];
  });
}

/** Submissions and the review of conflicts: staff see all, collectors their village's (read only). */
export function submissionRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const base = (slug: string) => `/t/${slug}/admin/community/submissions`;

  async function reader(req: FastifyRequest) {
    const tambon = allowedTambon(req, "community.collect");
    const scope = await personalScope(db, req.actor, tambon.id);
    if (!scope) throw forbidden(true);
    return { tambon, scope };
  }

  async function detail(req: FastifyRequest, id: string) {
    const { tambon, scope } = await reader(req);
    const s = await getSubmission(db, tambon.id, scope, requireId(id));
    if (!s) throw notFound();
    const other = s.status === "conflict" ? await otherOfConflict(db, tambon.id, scope, s) : null;
    return { tambon, scope, s, other };
  }

  app.get("/admin/community/submissions", async (req, reply) => {
    const { tambon, scope } = await reader(req);
    const q = queryOf(req);
    const status = SUBMISSION_STATUSES.includes(q.status as SubmissionStatus)
      ? (q.status as SubmissionStatus)
      : null;
    const filter = {
      formId: parseId(q.form),
      roundId: parseId(q.round),
      villageId: parseId(q.village),
      status,
    };
    const page = await listSubmissions(db, tambon.id, scope, filter, pageOf(req));
    await logPersonalRead(db, req, { subject: "list", records: page.items.length });
    return reply.page(
      msg.t(req.lang)("submission.list"),
      <SubmissionListPage
        base={base(tambon.slug)}
        page={page}
        filter={filter}
        choices={await filterChoices(db, tambon.id)}
      />,
    );
  });

  app.get<{ Params: { id: string } }>("/admin/community/submissions/:id", async (req, reply) => {
    const { tambon, s, other } = await detail(req, req.params.id);
    await logPersonalRead(db, req, {
      subject: "submission",
      subjectId: s.id,
      records: other ? 2 : 1,
    });
    return reply.page(
      msg.t(req.lang)("submission.one", { id: s.id }),
      <SubmissionPage
        base={base(tambon.slug)}
        s={s}
        other={other}
        canResolve={can(req.actor, "community.manage", { tambonId: tambon.id })}
        form={emptyForm()}
      />,
    );
  });

  app.get<{ Params: { id: string; fileId: string } }>(
    "/admin/community/submissions/:id/photos/:fileId",
    async (req, reply) => {
      const { tambon, s, other } = await detail(req, req.params.id);
      const fileId = requireId(req.params.fileId);
      const ids = [s, ...(other ? [other] : [])].flatMap(photoIdsOf);
      if (!ids.includes(fileId)) throw notFound();
      const file = await getFile(db, tambon.id, fileId);
      if (!file || !file.kind.startsWith("community.photo")) throw notFound();
      await logPersonalRead(db, req, { subject: "submission", subjectId: s.id });
      return serveFile(reply, req, file, { visibility: "private" });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/community/submissions/:id/resolve",
    async (req, reply) => {
      const tambon = allowedTambon(req, "community.manage");
      const id = requireId(req.params.id);
      const body = formBody(req);
      const t = msg.t(req.lang);
      const result = throwIfDenied(
        await resolveConflict(db, req.actor, tambon.id, id, body.decision ?? "", body.note ?? ""),
      );
      if (result.ok) return reply.seeOther(`${base(tambon.slug)}/${id}`, t("submission.resolved"));
      const { s, other } = await detail(req, req.params.id);
      await logPersonalRead(db, req, { subject: "submission", subjectId: s.id });
      return reply.page(
        t("submission.one", { id }),
        <SubmissionPage
          base={base(tambon.slug)}
          s={s}
          other={other}
          canResolve
          form={failedForm(body, result.errors, req.lang, msg)}
        />,
        { status: 422 },
      );
    },
  );
}
