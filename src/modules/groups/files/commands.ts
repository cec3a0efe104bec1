import { and, asc, eq, gt } from "drizzle-orm";
import { loadSharp } from "../../../core/sharp.ts";
import type { Db } from "../../../core/db/index.ts";
import { cleanFileName, deleteFile, getFile } from "../../../core/file-store.ts";
import { prepareAttachment, putAttachment } from "../../../core/attachments.ts";
import { audit, auditBy, auditedChange } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { PHOTO_MAX_PIXELS } from "../../../core/uploads.ts";
import { meetingFiles } from "../schema.ts";
import { fileInfoColumns, type FileInfo } from "./queries.ts";
import { fail, missing, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { lockMeeting } from "../meetings/commands.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A file name safe to keep and to send back in a header. */
const cleanName = (name: string) => cleanFileName(name);

/** Adds a document or photo to a meeting; photos get their pixel size and a small WebP thumbnail. */
export async function addMeetingFile(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
  file: { data: Buffer; filename: string },
  caption: string,
): Promise<Result<FileInfo, GroupsKey | CoreKey>> {
  if (!can(actor, "meeting.manage", { tambonId })) return refused();
  const name = cleanName(file.filename);
  const prepared = await prepareAttachment(file);
  if (!prepared.ok)
    return prepared.reason === "tooManyPixels"
      ? fail("file", "upload.tooManyPixels", { name, mp: PHOTO_MAX_PIXELS / 1_000_000 })
      : fail("file", "err.file");
  const a = prepared.value;
  const text = caption.trim().slice(0, 300);
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, tambonId, meetingId);
    if (!meeting) return missing();
    const stored = await putAttachment(tx, { tambonId, prefix: "meeting", name }, a);
    const [row] = await tx
      .insert(meetingFiles)
      .values({
        tambonId,
        meetingId,
        kind: a.kind,
        name,
        caption: text,
        mime: a.mime,
        bytes: a.data.length,
        width: a.width,
        height: a.height,
        fileId: stored.file.id,
        thumbFileId: stored.thumb?.id ?? null,
      })
      .returning(fileInfoColumns);
    await auditBy(tx, actor, tambonId, {
      action: "meeting.file.add",
      targetType: "meeting",
      targetId: meetingId,
      after: { fileId: row!.id, name: row!.name, kind: row!.kind, bytes: row!.bytes },
    });
    return { ok: true as const, value: row! };
  });
}

/** Removes a document or photo of a meeting. */
export function deleteMeetingFile(
  db: Db,
  actor: Actor,
  tambonId: number,
  fileId: number,
): Promise<Result<{ meetingId: number }, GroupsKey | CoreKey>> {
  return auditedChange(
    db,
    actor,
    tambonId,
    "meeting.manage",
    async (tx) => {
      const [gone] = await tx
        .delete(meetingFiles)
        .where(tambonWhere(meetingFiles, tambonId, { id: fileId }))
        .returning({
          ...pick(meetingFiles, "meetingId", "name", "fileId", "thumbFileId"),
        });
      if (gone) await deleteFile(tx, tambonId, gone.fileId, gone.thumbFileId);
      return gone;
    },
    (gone) => ({
      action: "meeting.file.delete",
      targetType: "meeting",
      targetId: gone.meetingId,
      before: { fileId, name: gone.name },
    }),
  );
}

/** True when an image carries anything beyond its pixels (EXIF, GPS, XMP, IPTC, comments). */
async function carriesMetadata(data: Buffer): Promise<boolean> {
  try {
    const sharp = await loadSharp();
    const meta = await sharp(data).metadata();
    return !!(
      meta.exif ||
      meta.xmp ||
      meta.iptc ||
      meta.comments?.length ||
      (meta.orientation && meta.orientation !== 1)
    );
  } catch {
    return false;
  }
}

/**
 * Re-encodes the meeting photos stored before photos were stripped on upload (they are kept in
 * the database and public with a public meeting): each one that still carries metadata is stored
 * again through the upload pipeline, upright and without EXIF or GPS, with a new thumbnail. Photos
 * without metadata are left as they are, so this is safe to run twice (`tambon reencode-images`).
 * Returns the number of photos changed.
 */
export async function reencodeStoredPhotos(db: Db): Promise<number> {
  let changed = 0;
  let after = 0;
  for (;;) {
    // A few at a time: the bytes of every photo are never held at once.
    const rows = await db
      .select({
        ...pick(meetingFiles, "id", "tambonId", "name", "fileId", "thumbFileId"),
      })
      .from(meetingFiles)
      .where(and(eq(meetingFiles.kind, "photo"), gt(meetingFiles.id, after)))
      .orderBy(asc(meetingFiles.id))
      .limit(20);
    if (!rows.length) return changed;
    after = rows.at(-1)!.id;
    for (const row of rows) {
      const stored = await getFile(db, row.tambonId, row.fileId);
      if (!stored) continue;
      const data = Buffer.from(stored.data);
      if (!(await carriesMetadata(data))) continue;
      const r = await prepareAttachment({ data, filename: row.name });
      if (!r.ok || r.value.kind !== "photo") continue;
      const image = r.value;
      await db.transaction(async (tx) => {
        const kept = await putAttachment(
          tx,
          { tambonId: row.tambonId, prefix: "meeting", name: row.name },
          image,
        );
        await tx
          .update(meetingFiles)
          .set({
            fileId: kept.file.id,
            thumbFileId: kept.thumb?.id ?? null,
            mime: image.mime,
            bytes: image.data.length,
            width: image.width,
            height: image.height,
          })
          .where(tambonWhere(meetingFiles, row.tambonId, { id: row.id }));
        await deleteFile(tx, row.tambonId, row.fileId, row.thumbFileId);
        await audit(tx, {
          tambonId: row.tambonId,
          actorId: null,
          action: "meeting.file.reencode",
          targetType: "meeting_file",
          targetId: row.id,
          before: { bytes: data.length },
          after: { bytes: image.data.length, mime: image.mime },
        });
      });
      changed++;
    }
  }
}
