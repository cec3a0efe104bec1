import type { FileReferences } from "../../../core/file-store.ts";
import { charterPhotos, charterSignatories } from "../schema.ts";

/**
 * The stored files charter rows name, by id (see signing/images.ts): a signatory's scan and its
 * thumbnail, a signing photo and its thumbnail. A file of kind "charter…" that none of these names
 * (its edition was deleted with its signatories and photos) is swept by the core.
 */
export const charterFiles: FileReferences = {
  kinds: ["charter"],
  refs: [
    { table: charterSignatories, id: charterSignatories.scanFileId },
    { table: charterSignatories, id: charterSignatories.thumbFileId },
    { table: charterPhotos, id: charterPhotos.fileId },
    { table: charterPhotos, id: charterPhotos.thumbFileId },
  ],
};
