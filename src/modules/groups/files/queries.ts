import { asc } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { getFile, type StoredFile } from "../../../core/file-store.ts";
import { meetingFiles } from "../schema.ts";
import { validId } from "../shared/queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A file of a meeting without its bytes. */
export interface FileInfo {
  id: number;
  meetingId: number;
  kind: "photo" | "document";
  name: string;
  caption: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
}

/** The columns of a `FileInfo`. */
export const fileInfoColumns = {
  ...pick(
    meetingFiles,
    "id",
    "meetingId",
    "kind",
    "name",
    "caption",
    "mime",
    "bytes",
    "width",
    "height",
  ),
};

/** The documents and photos of a meeting (without their bytes). */
export function filesOf(db: DbOrTx, tambonId: number, meetingId: number): Promise<FileInfo[]> {
  return db
    .select(fileInfoColumns)
    .from(meetingFiles)
    .where(tambonWhere(meetingFiles, tambonId, { meetingId }))
    .orderBy(asc(meetingFiles.id));
}

/** A file's info and its meeting (to check the meeting is visible). */
export async function getFileInfo(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<FileInfo | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await db
    .select(fileInfoColumns)
    .from(meetingFiles)
    .where(tambonWhere(meetingFiles, tambonId, { id }));
  return row;
}

/** The stored file of a meeting's file (or of its thumbnail). */
export async function fileBytes(
  db: DbOrTx,
  tambonId: number,
  id: number,
  thumb: boolean,
): Promise<StoredFile | null> {
  const [row] = await db
    .select({ fileId: thumb ? meetingFiles.thumbFileId : meetingFiles.fileId })
    .from(meetingFiles)
    .where(tambonWhere(meetingFiles, tambonId, { id }));
  return (row?.fileId && (await getFile(db, tambonId, row.fileId))) || null;
}
