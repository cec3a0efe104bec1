import type { DbOrTx } from "../../../core/db/index.ts";
import { isPublished } from "../agreements/agreement.ts";
import { agreements, centrePhotos, partners } from "../schema.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** The number in a `count()` query's only row. */
export async function countOf(rows: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await rows;
  return Number(row?.n ?? 0);
}

/** Escapes LIKE wildcards in what a person typed. */
export function like(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The row of the tambon that names a stored file (a partner's logo, an agreement's document, a
 * centre's photo or its thumbnail): undefined when none does; `draft` when only staff may read it.
 */
export async function fileOwner(
  db: DbOrTx,
  tambonId: number,
  kind: "partner" | "agreement" | "centre",
  name: string,
): Promise<{ draft: boolean } | undefined> {
  if (kind === "partner") {
    const [row] = await db
      .select({ id: partners.id })
      .from(partners)
      .where(tambonWhere(partners, tambonId, { logoFile: name }));
    return row && { draft: false };
  }
  if (kind === "agreement") {
    const [row] = await db
      .select({ status: agreements.status })
      .from(agreements)
      .where(tambonWhere(agreements, tambonId, { documentFile: name }));
    return row && { draft: !isPublished(row.status) };
  }
  const file = name.replace(/-thumb\.webp$/, ".webp");
  const [row] = await db
    .select({ id: centrePhotos.id })
    .from(centrePhotos)
    .where(tambonWhere(centrePhotos, tambonId, { file }));
  return row && { draft: false };
}
