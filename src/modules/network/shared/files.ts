import { sql } from "drizzle-orm";
import type { FileReferences } from "../../../core/file-store.ts";
import { agreements, centrePhotos, partners } from "../schema.ts";

/**
 * The stored files network rows name, by key (see uploads.ts): a partner's logo, an agreement's
 * signed document, a centre photo and its thumbnail. A file of kind "network…" that none of these
 * names (its partner, agreement or centre was deleted) is swept by the core.
 */
export const networkFiles: FileReferences = {
  kinds: ["network"],
  refs: [
    { table: partners, keys: [sql`'network/' || ${partners.logoFile}`] },
    { table: agreements, keys: [sql`'network/' || ${agreements.documentFile}`] },
    {
      table: centrePhotos,
      keys: [sql`'network/' || ${centrePhotos.file}`, sql`'network/' || ${centrePhotos.thumbFile}`],
    },
  ],
};
