import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { msg } from "../messages.ts";
import { MEETING_FILE_UPLOAD } from "../files/uploads.ts";
import { addMeetingFile, deleteMeetingFile } from "../files/commands.ts";
import { throwIfDenied, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { readUploads, uploadError, uploadRoute } from "../../../core/uploads.ts";

import { loadMeeting, tambonFor } from "../shared/helpers.ts";
import { hubOutcome } from "../meetings/helpers.tsx";
import { confirmFirst } from "../../../core/confirmation.tsx";
/** Organisers add a meeting's documents and photos and remove them. */
export async function adminFileRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  app.post<{ Params: { id: string } }>(
    "/admin/meetings/:id/files",
    uploadRoute(MEETING_FILE_UPLOAD),
    async (req, reply) => {
      const { tambon, meeting } = await loadMeeting(db, req, "meeting.manage");
      const body = formBody(req);
      const got = readUploads(req, "file");
      const refused = uploadError(req, got);
      const file = got.files[0] ?? { data: Buffer.alloc(0), filename: "" };
      const result: Result<unknown, GroupsKey | CoreKey> = refused
        ? { ok: false, errors: { file: refused } }
        : throwIfDenied(
            await addMeetingFile(db, req.actor, tambon.id, meeting.id, file, body.caption ?? ""),
          );
      return hubOutcome(db, req, reply, meeting, result, {
        name: "fileForm",
        body,
        anchor: "h-files",
        done: "meetings.fileAdded",
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/meeting-files/:id/delete",
    confirmFirst,
    async (req, reply) => {
      const tambon = tambonFor(req, "meeting.manage");
      const result = throwIfDenied(
        await deleteMeetingFile(db, req.actor, tambon.id, requireId(req.params.id)),
      );
      if (!result.ok) throw notFound();
      return reply.seeOther(
        `/t/${tambon.slug}/admin/meetings/${result.value.meetingId}#h-files`,
        msg.t(req.lang)("meetings.fileDeleted"),
      );
    },
  );
}
