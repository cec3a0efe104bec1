import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../../core/http.ts";
import { requireId } from "../../../core/params.ts";
import { failedForm } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { addPhoto, addSignatory, type Upload } from "./commands.ts";
import type { Actor } from "../../../core/roles.ts";
import { editionAdmin } from "../charters/helpers.tsx";
import { IMAGE_UPLOAD, uploadOf } from "./uploads.ts";

/** Recording signatories (with the scan of the signed page) and ceremony photos. */
export async function signingAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const { renderEdition, back } = editionAdmin(db);
  // A signatory (with the scan of the signed page) and a ceremony photo each come with one image.
  const withImage = [
    {
      path: "signatories",
      field: "scan",
      form: "signatory",
      added: "sign.added",
      save: (
        actor: Actor,
        tambonId: number,
        id: number,
        body: Record<string, string>,
        file: Upload,
      ) => addSignatory(db, actor, tambonId, id, body, file.data.length ? file : null),
    },
    {
      path: "photos",
      field: "photo",
      form: "photo",
      added: "photo.added",
      save: (
        actor: Actor,
        tambonId: number,
        id: number,
        body: Record<string, string>,
        file: Upload,
      ) => addPhoto(db, actor, tambonId, id, file, body.caption ?? ""),
    },
  ] as const;

  for (const r of withImage)
    app.post<{ Params: { id: string } }>(
      `/admin/charter-editions/:id/${r.path}`,
      IMAGE_UPLOAD,
      async (req, reply) => {
        const tambon = currentTambon(req);
        authorize(req, "charter.sign", { tambonId: tambon.id });
        const id = requireId(req.params.id);
        const body = formBody(req);
        const file = await uploadOf(req, r.field);
        const result = throwIfDenied(await r.save(req.actor, tambon.id, id, body, file));
        if (result.ok) return reply.seeOther(back(req, id, "#h-signing"), msg.t(req.lang)(r.added));
        return renderEdition(req, reply, id, {
          [r.form]: failedForm(body, result.errors, req.lang, msg),
        });
      },
    );
}
