import { PHOTO_BYTES, type UploadSpec } from "../../../core/uploads.ts";

/**
 * What the meeting's file form takes: one photo or document, as large as a photo may be anywhere
 * (a phone photo is several MB; it is re-encoded smaller before it is stored).
 */
export const MEETING_FILE_UPLOAD: UploadSpec = { files: 1, fileBytes: PHOTO_BYTES, fields: 10 };
