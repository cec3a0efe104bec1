import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { failedForm } from "../../../core/views/form.tsx";
import { throwIfDenied } from "../../../core/result.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { todayIso } from "../../../core/dates.ts";
import { getFile, serveFile } from "../../../core/file-store.ts";
import { readUploads, uploadError, uploadRoute } from "../../../core/uploads.ts";
import { msg, type PlansKey, type PlansResult } from "../messages.ts";
import { findProject, projectAdminPage } from "./admin-page.tsx";
import { setProjectClause } from "./clauses.ts";
import {
  PROJECT_FILE_UPLOAD,
  addProjectFile,
  deleteProjectFile,
  editProjectFile,
  getProjectFile,
} from "./files.ts";
import { deleteMilestone, editMilestone, getMilestone, setMilestoneDone } from "./milestones.ts";
import type { ProjectAdminForms } from "./views/admin.tsx";
import { confirmFirst } from "../../../core/confirmation.tsx";

/** A project's milestones, photos and documents, and charter clauses: the admin forms and the files. */
export function projectPartRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  /** Back to the project's admin page at a section, with a message. */
  const back = (
    req: FastifyRequest,
    reply: FastifyReply,
    projectId: number,
    to: string,
    flash: PlansKey,
  ) =>
    reply.seeOther(
      `/t/${currentTambon(req).slug}/admin/projects/${projectId}#${to}`,
      msg.t(req.lang)(flash),
    );

  /** The admin page again at 422 with the failed form. */
  async function again(
    req: FastifyRequest,
    reply: FastifyReply,
    projectId: number,
    forms: Partial<ProjectAdminForms>,
  ) {
    const { project, plan } = await findProject(db, currentTambon(req).id, projectId);
    return reply.page(project.title, await projectAdminPage(db, req, project, plan, forms), {
      status: 422,
    });
  }

  // Milestones: edit, tick done, untick, delete. Another tambon's milestone is a 404.
  const milestone = async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const tambon = allowedTambon(req, "project.screen");
    const m = await getMilestone(db, tambon.id, requireId(req.params.id));
    if (!m) throw notFound();
    return { tambon, m };
  };

  const milestoneForm = (
    path: string,
    kind: "edit" | "done" | null,
    run: (
      tambonId: number,
      id: number,
      req: FastifyRequest,
      body: Record<string, string>,
    ) => Promise<PlansResult<unknown>>,
    flash: PlansKey,
  ) =>
    app.post<{ Params: { id: string } }>(
      `/admin/milestones/:id${path}`,
      path === "/delete" ? confirmFirst : {},
      async (req, reply) => {
        const { tambon, m } = await milestone(req);
        const body = formBody(req);
        const result = throwIfDenied(await run(tambon.id, m.id, req, body));
        if (result.ok) return back(req, reply, m.projectId, "milestones", flash);
        if (!kind) throw notFound();
        const form = failedForm(body, result.errors, req.lang, msg);
        return again(req, reply, m.projectId, { milestoneFailed: { id: m.id, kind, form } });
      },
    );

  milestoneForm(
    "",
    "edit",
    (t, id, req, body) => editMilestone(db, req.actor, t, id, body),
    "milestone.saved",
  );
  milestoneForm(
    "/done",
    "done",
    (t, id, req, body) => setMilestoneDone(db, req.actor, t, id, body, true, todayIso()),
    "milestone.saved",
  );
  milestoneForm(
    "/undone",
    null,
    (t, id, req, body) => setMilestoneDone(db, req.actor, t, id, body, false, todayIso()),
    "milestone.saved",
  );
  milestoneForm(
    "/delete",
    null,
    (t, id, req) => deleteMilestone(db, req.actor, t, id),
    "milestone.deleted",
  );

  // Photos and documents.
  app.post<{ Params: { id: string } }>(
    "/admin/projects/:id/files",
    uploadRoute(PROJECT_FILE_UPLOAD),
    async (req, reply) => {
      const tambon = allowedTambon(req, "project.screen");
      const { project } = await findProject(db, tambon.id, req.params.id);
      const body = formBody(req);
      const got = readUploads(req, "file");
      const refused = uploadError(req, got);
      const file = got.files[0] ?? { data: Buffer.alloc(0), filename: "" };
      const result: PlansResult<unknown> = refused
        ? { ok: false, errors: { file: refused } }
        : throwIfDenied(await addProjectFile(db, req.actor, tambon.id, project.id, file, body));
      if (result.ok) return back(req, reply, project.id, "files", "projectFile.added");
      const form = failedForm({ caption: body.caption ?? "" }, result.errors, req.lang, msg);
      return again(req, reply, project.id, { file: form });
    },
  );

  app.post<{ Params: { id: string } }>("/admin/project-files/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "project.screen");
    const file = await getProjectFile(db, tambon.id, requireId(req.params.id));
    if (!file) throw notFound();
    const body = formBody(req);
    const result = throwIfDenied(await editProjectFile(db, req.actor, tambon.id, file.id, body));
    if (result.ok) return back(req, reply, file.projectId, "files", "projectFile.saved");
    const form = failedForm(body, result.errors, req.lang, msg);
    return again(req, reply, file.projectId, { fileFailed: { id: file.id, form } });
  });

  app.post<{ Params: { id: string } }>(
    "/admin/project-files/:id/delete",
    confirmFirst,
    async (req, reply) => {
      const tambon = allowedTambon(req, "project.screen");
      const result = throwIfDenied(
        await deleteProjectFile(db, req.actor, tambon.id, requireId(req.params.id)),
      );
      if (!result.ok) throw notFound();
      return back(req, reply, result.value.projectId, "files", "projectFile.deleted");
    },
  );

  /** A project's file (or its thumbnail) for anyone who may read the plan. */
  const serve =
    (thumb: boolean) =>
    async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const tambon = allowedTambon(req, "plan.read");
      const row = await getProjectFile(db, tambon.id, requireId(req.params.id));
      const id = row && (thumb ? row.thumbFileId : row.fileId);
      const file = id ? await getFile(db, tambon.id, id) : undefined;
      if (!row || !file) throw notFound();
      // The address names a file whose bytes never change: anyone may keep it.
      return serveFile(reply, req, file, {
        visibility: "public",
        download: row.kind === "document",
        name: row.name,
      });
    };
  app.get<{ Params: { id: string } }>("/project-files/:id", serve(false));
  app.get<{ Params: { id: string } }>("/project-files/:id/thumb", serve(true));

  // Charter clauses the project carries out.
  for (const on of [true, false])
    app.post<{ Params: { id: string } }>(
      `/admin/projects/:id/clauses${on ? "" : "/unlink"}`,
      async (req, reply) => {
        const tambon = allowedTambon(req, "project.screen");
        const { project, plan } = await findProject(db, tambon.id, req.params.id);
        const body = formBody(req);
        const result = throwIfDenied(
          await setProjectClause(
            db,
            req.actor,
            tambon.id,
            project.id,
            body,
            on ? { on, url: `/t/${tambon.slug}/projects/${project.id}` } : { on },
          ),
        );
        if (result.ok)
          return back(
            req,
            reply,
            project.id,
            "clauses",
            on ? "projectClause.linked" : "projectClause.unlinked",
          );
        const form = failedForm(body, result.errors, req.lang, msg);
        return reply.page(
          project.title,
          await projectAdminPage(db, req, project, plan, { clause: form }),
          { status: 422 },
        );
      },
    );
}
