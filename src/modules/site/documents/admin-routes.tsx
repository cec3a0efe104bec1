import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { currentTambon, formBody } from "../../../core/http.ts";
import { listDocuments } from "./queries.ts";
import { base, deleteRoute, edit, oneUpload, t, type Errors } from "../shared/helpers.tsx";
import { DocumentsAdmin } from "./views.tsx";
import { DOCUMENT_UPLOAD } from "../shared/uploads.ts";
import { prepareDocument } from "../shared/documents.ts";
import { addDocument, deleteDocument } from "./commands.ts";
import { msg } from "../messages.ts";
import { linkTargets } from "../shared/queries.ts";

/** Administration of documents, mounted under /t/:tambon. */
export async function documentsAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Documents.
  const docsPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const [docs, targets] = await Promise.all([
      listDocuments(db, tambon.id),
      linkTargets(db, tambon.id, t(req), { newsLimit: 100, documents: false }),
    ]);
    return <DocumentsAdmin docs={docs} targets={targets} form={form} />;
  };

  app.get("/admin/site/documents", async (req, reply) => {
    edit(req);
    return reply.page(t(req)("admin.documents"), await docsPage(req, emptyForm()));
  });

  app.post("/admin/site/documents", DOCUMENT_UPLOAD, async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    const { file, error } = oneUpload(req, "file");
    let errors: Errors | null = error ? { file: error } : null;
    let stored = null;
    if (file) {
      const s = prepareDocument(file);
      if (s.ok) stored = s.value;
      else errors = s.errors;
    }
    const r = errors ? null : await addDocument(db, req.actor, tambon.id, body, stored);
    if (!r || !r.ok) {
      return reply.page(
        t(req)("admin.documents"),
        await docsPage(
          req,
          failedForm(body, errors ?? (r as { errors: Errors }).errors, req.lang, msg),
        ),
        { status: 422 },
      );
    }
    return reply.seeOther(`${base(tambon)}/documents`, t(req)("admin.saved"));
  });

  deleteRoute(app, db, "/admin/site/docs/:id/delete", deleteDocument, "/documents");
}
