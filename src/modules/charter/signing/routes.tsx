import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { msg } from "../messages.ts";
import { ceremonyPhoto, signatoryScan } from "./queries.ts";
import { orThrow } from "../../../core/result.ts";
import { serveFile } from "../../../core/file-store.ts";
import { deletePhoto, deleteSignatory } from "./commands.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";

/** Signatories' scans and ceremony photos: the images, and deleting them. */
export async function signingRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // A scan of a signed page and a ceremony photo are served alike (public; an id never names
  // other content).
  const images = [
    { path: "/charter-signatories/:id/scan", read: signatoryScan },
    { path: "/charter-photos/:id", read: ceremonyPhoto },
  ];
  for (const { path, read } of images)
    app.get<{ Params: { id: string } }>(path, async (req, reply) => {
      const tambon = allowedTambon(req, "charter.read");
      const thumb = (req.query as Record<string, string | undefined>).size === "thumb";
      const image = await read(db, tambon.id, requireId(req.params.id), thumb);
      if (!image) throw notFound();
      return serveFile(reply, req, image, { visibility: "public" });
    });

  // Deleting a signatory or a photo goes back to the signing panel of its edition.
  const deletions = [
    { path: "/charter-signatories/:id/delete", run: deleteSignatory, done: "sign.deleted" },
    { path: "/charter-photos/:id/delete", run: deletePhoto, done: "photo.deleted" },
  ] as const;
  for (const del of deletions)
    app.post<{ Params: { id: string } }>(del.path, confirmFirst, async (req, reply) => {
      const tambon = allowedTambon(req, "charter.sign");
      const editionId = orThrow(await del.run(db, req.actor, tambon.id, requireId(req.params.id)));
      return reply.seeOther(
        `/t/${tambon.slug}/admin/charter-editions/${editionId}#h-signing`,
        msg.t(req.lang)(del.done),
      );
    });
}
