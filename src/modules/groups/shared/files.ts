import type { FileReferences } from "../../../core/file-store.ts";
import { meetingFiles } from "../schema.ts";

/**
 * The stored files groups rows name, by id (see files/commands.ts): a meeting's photo or document
 * and a photo's thumbnail. A file of kind "meeting…" that no meeting file names (its meeting went
 * with a cascade) is swept by the core.
 */
export const groupsFiles: FileReferences = {
  kinds: ["meeting"],
  refs: [
    { table: meetingFiles, id: meetingFiles.fileId },
    { table: meetingFiles, id: meetingFiles.thumbFileId },
  ],
};
