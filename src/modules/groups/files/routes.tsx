import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { getMeeting } from "../meetings/queries.ts";
import { fileBytes, getFileInfo } from "../files/queries.ts";
import { assertVisible, query, tambonFor } from "../shared/helpers.ts";
import { disposition } from "../../../core/download.ts";

/** A meeting's documents and photos, served as the meeting is shown. */
export async function fileRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  app.get<{ Params: { id: string } }>("/meeting-files/:id", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const info = await getFileInfo(db, tambon.id, requireId(req.params.id));
    if (!info) throw notFound();
    const meeting = assertVisible(req, await getMeeting(db, tambon.id, info.meetingId));
    const thumb = query(req).thumb === "1" && info.kind === "photo";
    const data = await fileBytes(db, tambon.id, info.id, thumb);
    if (!data) throw notFound();
    const inline = info.kind === "photo" || info.mime === "application/pdf";
    return reply
      .header("content-type", thumb ? "image/webp" : info.mime)
      .header(
        "content-disposition",
        disposition(inline ? "inline" : "attachment", thumb ? `${info.name}.webp` : info.name),
      )
      .header("cache-control", meeting.isPublic ? "public, max-age=86400" : "private, no-store")
      .header("content-security-policy", "default-src 'none'; sandbox")
      .send(data);
  });
}
