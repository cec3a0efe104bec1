import { sql } from "drizzle-orm";
import type { Database } from "../../../core/db/index.ts";

/**
 * Fills a tambon's search with `n` news documents in one statement, as indexItem would store them
 * (for the plan test and the bench): every one holds "ประปา" (a common word), one in a thousand
 * "ไฟฟ้า" (a rare word), and each about thirty words of its own and a 1,500-character body.
 */
export async function fillSearch(database: Database, tambonId: number, n: number): Promise<void> {
  await database.rows(sql`
    with d as (insert into search_documents (tambon_id, kind, ref_id, title, url, tsv)
    select ${tambonId}, 'news', i, 'ข่าวประชาสัมพันธ์ ' || i, '/news/' || i,
      setweight(to_tsvector('simple', 'ข่าว ประชาสัมพันธ์ ' || i), 'A')
        || setweight(to_tsvector('simple', 'ประปา หมู่บ้าน ซ่อม ท่อ '
          || case when i % 1000 = 0 then 'ไฟฟ้า ' else '' end
          || (select string_agg(md5(i::text || j::text), ' ') from generate_series(1, 30) j)), 'B')
        || array_to_tsvector(array['§t' || ${tambonId}, '§knews']::text[])
    from generate_series(1, ${n}) i
    on conflict do nothing
    returning id)
    insert into search_snippets (document_id, tambon_id, body)
    select id, ${tambonId}, left(repeat('ประชาสัมพันธ์การซ่อมท่อประปาหมู่บ้าน ', 60), 1500) from d`);
}
