import { loadConfig } from "../../core/config.ts";
import { reencodeStoredLogos } from "../../core/files.ts";
import { reencodeStoredPhotos } from "../../modules/groups/public.ts";
import { withDatabase } from "../../core/db/migrated.ts";

/**
 * `tambon reencode-images`: stores again, through the upload pipeline, the images kept from before
 * every upload was re-encoded: meeting photos that still carry EXIF or GPS (in the database) and
 * tambon logos that are SVG or raw (in TAMBON_DATA_DIR/uploads). Safe to run twice.
 */
export async function run(): Promise<number> {
  const config = loadConfig();
  return await withDatabase(config, async (database) => {
    const photos = await reencodeStoredPhotos(database.db);
    const logos = await reencodeStoredLogos(database.db, config.dataDir);
    process.stdout.write(
      `ภาพการประชุม ${photos} ภาพ โลโก้ ${logos} ไฟล์ / re-encoded ${photos} meeting photo(s) and ${logos} logo(s)\n`,
    );
    return 0;
  });
}
