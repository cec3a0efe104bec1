import { type UploadSpec } from "../../../core/uploads.ts";

/** What the meeting's file form takes: one photo or document of up to 1 MB. */
export const MEETING_FILE_UPLOAD: UploadSpec = { files: 1, fileBytes: 1024 * 1024, fields: 10 };
