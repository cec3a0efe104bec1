import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { notFound } from "../../../core/errors.ts";
import { queryOf, requireId } from "../../../core/params.ts";
import { getMeeting } from "../meetings/queries.ts";
import { fileBytes, getFileInfo } from "../files/queries.ts";
import { assertVisible, tambonFor } from "../shared/helpers.ts";
import { serveFile } from "../../../core/file-store.ts";

/** A meeting's documents and photos, served as the meeting is shown. */
export async function fileRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  app.get<{ Params: { id: string } }>("/meeting-files/:id", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const info = await getFileInfo(db, tambon.id, requireId(req.params.id));
    if (!info) throw notFound();
    const meeting = assertVisible(req, await getMeeting(db, tambon.id, info.meetingId));
    const thumb = queryOf(req).thumb === "1" && info.kind === "photo";
    const file = await fileBytes(db, tambon.id, info.id, thumb);
    if (!file) throw notFound();
    // A file's id never names other content; a meeting that is not public keeps its files private.
    return serveFile(reply, req, file, {
      visibility: meeting.isPublic ? "public" : "private",
      name: thumb ? `${info.name}.webp` : info.name,
    });
  });
}
