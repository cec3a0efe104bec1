import { asc, eq } from "drizzle-orm";
import type { Db } from "./db/index.ts";
import { tambons } from "./db/schema.ts";

/** A tambon row as kept in memory. */
export type Tambon = typeof tambons.$inferSelect;

/**
 * The tambons of this deployment, kept in memory (a province has at most a few hundred) and
 * reloaded after every change, so that resolving the tenant of a request costs no query.
 */
export class TambonDirectory {
  private bySlugMap = new Map<string, Tambon>();
  private byHostMap = new Map<string, Tambon>();
  private byIdMap = new Map<number, Tambon>();
  private ordered: Tambon[] = [];

  constructor(private readonly db: Db) {}

  /** Loads (or reloads) every tambon from the database. */
  async reload(): Promise<void> {
    const rows = await this.db.select().from(tambons).orderBy(asc(tambons.nameTh));
    this.ordered = rows;
    this.bySlugMap = new Map(rows.map((r) => [r.slug, r]));
    this.byIdMap = new Map(rows.map((r) => [r.id, r]));
    this.byHostMap = new Map(rows.filter((r) => r.host).map((r) => [r.host!.toLowerCase(), r]));
  }

  /** The tambon served at /t/<slug>. */
  bySlug(slug: string): Tambon | undefined {
    return this.bySlugMap.get(slug);
  }

  /** The tambon served on its own host name. */
  byHost(host: string): Tambon | undefined {
    return this.byHostMap.get(host.toLowerCase().replace(/:\d+$/, ""));
  }

  /** The tambon with this id. */
  byId(id: number): Tambon | undefined {
    return this.byIdMap.get(id);
  }

  /** All tambons, by Thai name. */
  all(): readonly Tambon[] {
    return this.ordered;
  }

  /** Reads one tambon fresh from the database. */
  async fetch(id: number): Promise<Tambon | undefined> {
    const [row] = await this.db.select().from(tambons).where(eq(tambons.id, id));
    return row;
  }
}

/** URL of a path inside a tambon's site. */
export function tambonUrl(tambon: Pick<Tambon, "slug">, path = ""): string {
  return `/t/${tambon.slug}${path}`;
}
