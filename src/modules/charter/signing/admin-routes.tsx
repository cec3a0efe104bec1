import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { addPhoto, addSignatory } from "./commands.ts";
import { editionAdmin } from "../charters/helpers.tsx";
import { IMAGE_UPLOAD, uploadOf } from "./uploads.ts";

/** Recording signatories (with the scan of the signed page) and ceremony photos. */
export async function signingAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const { editionPost } = editionAdmin(db);
  // A signatory (with the scan of the signed page) and a ceremony photo each come with one image.
  const withImage = {
    permission: "charter.sign",
    options: IMAGE_UPLOAD,
    anchor: "#h-signing",
  } as const;
  editionPost(app, {
    ...withImage,
    path: "signatories",
    form: "signatory",
    run: async (req, tambonId, id, body) => {
      const file = await uploadOf(req, "scan");
      return addSignatory(db, req.actor, tambonId, id, body, file.data.length ? file : null);
    },
    done: (t) => t("sign.added"),
  });
  editionPost(app, {
    ...withImage,
    path: "photos",
    form: "photo",
    run: async (req, tambonId, id, body) =>
      addPhoto(db, req.actor, tambonId, id, await uploadOf(req, "photo"), body.caption ?? ""),
    done: (t) => t("photo.added"),
  });
}
