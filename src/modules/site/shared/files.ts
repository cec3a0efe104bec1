import { sql } from "drizzle-orm";
import type { FileReferences } from "../../../core/file-store.ts";
import { siteComplaints, siteDocuments, sitePhotos } from "../schema.ts";

/**
 * The stored files site rows name, by key (see media.ts): a photo's full size, thumbnail and large
 * WebP, a document, and a complaint's private photo. A file of kind "site…" that none of these
 * names (its album or news item went with a cascade) is swept by the core.
 */
export const siteFiles: FileReferences = {
  kinds: ["site"],
  refs: [
    {
      table: sitePhotos,
      keys: [
        sql`'site/' || ${sitePhotos.file} || '.' || ${sitePhotos.ext}`,
        sql`'site/' || ${sitePhotos.file} || '-t.webp'`,
        sql`'site/' || ${sitePhotos.file} || '-l.webp'`,
      ],
    },
    {
      table: siteDocuments,
      keys: [sql`'site/' || ${siteDocuments.file} || '.' || ${siteDocuments.ext}`],
    },
    { table: siteComplaints, keys: [sql`'site/private/' || ${siteComplaints.photo}`] },
  ],
};
