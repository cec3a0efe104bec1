import type { PgInsertValue, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "../../../core/db/index.ts";
import { tambonRow, tambonWhere, type TambonTable } from "../../../core/db/tambon-row.ts";
import { parseForm } from "../../../core/forms.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { missing, ok, refused, type Failure, type Result } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import { auditSite } from "./fields.ts";
import type { SiteKey } from "../messages.ts";

/** A row of a site table. */
type Row<T extends TambonTable> = T["$inferSelect"];

/**
 * Sets `values` on the tambon's row `id` (none when the id is another tambon's) and answers the
 * rows changed: none or that one.
 */
export async function updateOwned<T extends TambonTable>(
  tx: DbOrTx,
  table: T,
  tambonId: number,
  id: number,
  values: PgUpdateSetSource<T>,
): Promise<Row<T>[]> {
  return (await tx
    .update(table)
    .set(values)
    .where(tambonWhere(table as TambonTable, tambonId, { id }))
    .returning()) as Row<T>[];
}

/** An editor's save of a site form (a new row, or the tambon's row `id`): the row written, or why not. */
export type SaveCommand<R> = (
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  id?: number,
) => Promise<Result<R, SiteKey | CoreKey>>;

/** The columns a site form writes: `set` on the row edited, and on a new row `set` and `insert`. */
export interface SiteValues<T extends TambonTable> {
  set: PgUpdateSetSource<T>;
  /** What a new row has besides (its author, its status). */
  insert?: Partial<PgInsertValue<T>>;
}

/** What one form of the site saves, and how (see `saveSiteRow`). */
export interface SiteSave<T extends TambonTable, S extends z.ZodType, K extends string> {
  table: T;
  schema: S;
  /** The audit actions of a new row and of an edit, and the audit target type. */
  audit: [create: string, update: string, targetType: string];
  /** Whether the actor may save, where that is not the rule `site.edit` (a member's posting). */
  allowed?: boolean;
  /** A check of the form's values that needs no database. */
  check?: (v: z.output<S>) => Failure<K> | undefined;
  /** The columns to write, from the form's values and the row edited (undefined for a new one). */
  values: (
    tx: Tx,
    v: z.output<S>,
    current: Row<T> | undefined,
  ) => Promise<Result<SiteValues<T>, K>>;
  /** What goes with the written row (its search entry), before the audit row. */
  then?: (tx: Tx, row: Row<T>) => Promise<unknown>;
  /** The audit row's `after`, of the written row and the columns set. */
  after: (row: Row<T>, set: PgUpdateSetSource<T>) => Record<string, unknown>;
  /** The audit row's `before`, of the row edited (none for a new row). */
  before?: (current: Row<T>) => Record<string, unknown>;
}

/**
 * The whole of an editor's save of a site form: the rule, the form parsed and checked, then in
 * one transaction the tambon's row `id` when it edits one (`missing()` when there is none, e.g.
 * another tambon's), its columns written over it or as a new row of the tambon, what goes with it
 * and the audit entry (`create` or `update`). Answers the row written.
 */
export async function saveSiteRow<T extends TambonTable, S extends z.ZodType, K extends string>(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  id: number | undefined,
  save: SiteSave<T, S, K>,
): Promise<Result<Row<T>, K | CoreKey>> {
  if (!(save.allowed ?? can(actor, "site.edit", { tambonId }))) return refused();
  const parsed = parseForm(save.schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const failed = save.check?.(v);
  if (failed) return failed;
  return db.transaction(async (tx) => {
    const current = id ? await tambonRow(tx, save.table, tambonId, id) : undefined;
    if (id && !current) return missing();
    const values = await save.values(tx, v, current);
    if (!values.ok) return values;
    const { set, insert } = values.value;
    // A new row: the tambon and the columns `values` named one by one, nothing else.
    const fresh = { tambonId, ...set, ...insert } as PgInsertValue<T>;
    const [row] = current
      ? await updateOwned(tx, save.table, tambonId, id!, set)
      : ((await tx.insert(save.table).values(fresh).returning()) as Row<T>[]);
    await save.then?.(tx, row!);
    const [create, update, targetType] = save.audit;
    await auditSite(
      tx,
      actor,
      tambonId,
      current ? update : create,
      targetType,
      row!.id as number,
      save.after(row!, set),
      current && save.before ? save.before(current) : null,
    );
    return ok(row!);
  });
}

/** What a change to one row of the site sets and records (see `changeSiteRow`). */
export interface SiteChange<T extends TambonTable> {
  set: PgUpdateSetSource<T>;
  action: string;
  targetType: string;
  /** What goes with the change (a search entry, the reports it closes), before the audit row. */
  then?: (tx: Tx, row: Row<T>) => Promise<unknown>;
  /** The audit row's `after`, of the changed row (none when left out). */
  after?: (row: Row<T>) => Record<string, unknown>;
}

/**
 * The whole of a change to one of the tambon's site rows (a caption, a moderation): the `rule`,
 * then in one transaction `set` on the tambon's row `id` (`missing()` when there is none, e.g.
 * another tambon's), what goes with it and the audit entry. Answers the changed row.
 */
export async function changeSiteRow<T extends TambonTable>(
  db: Db,
  actor: Actor,
  tambonId: number,
  rule: string,
  table: T,
  id: number,
  change: SiteChange<T>,
): Promise<Result<Row<T>, CoreKey>> {
  if (!can(actor, rule, { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const [row] = await updateOwned(tx, table, tambonId, id, change.set);
    if (!row) return missing();
    await change.then?.(tx, row);
    const after = change.after?.(row);
    await auditSite(tx, actor, tambonId, change.action, change.targetType, id, after);
    return ok(row);
  });
}
