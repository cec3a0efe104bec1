import type { InferSelectModel } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { tambonRow, type TambonTable } from "../../../core/db/tambon-row.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import { missing, refused, type Result } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import type { GroupsKey } from "../messages.ts";
import { lockOpenMeeting } from "../meetings/commands.ts";
import type { MeetingRow } from "../meetings/queries.ts";

type Outcome<V> = Promise<Result<V, GroupsKey | CoreKey>>;

/** Who acts in which tambon, as a command's change receives it. */
export interface Scope {
  actor: Actor;
  tambonId: number;
}

/** `change` with the tambon's record of `table` by id, in one transaction; missing when there is none. */
function withRecord<T extends TambonTable, V>(
  db: Db,
  table: T,
  tambonId: number,
  id: number,
  change: (tx: DbOrTx, row: InferSelectModel<T>) => Outcome<V>,
): Outcome<V> {
  return db.transaction(async (tx) => {
    const row = await tambonRow(tx, table, tambonId, id);
    if (!row) return missing();
    return change(tx, row);
  });
}

/**
 * A command on one record of the tambon, `(db, actor, tambonId, id)`: refused unless the actor may
 * do `action`, missing when the record is not the tambon's, else `change` with the record, in one
 * transaction.
 */
export function recordCommand<T extends TambonTable, V>(
  action: string,
  table: T,
  change: (tx: DbOrTx, scope: Scope, row: InferSelectModel<T>) => Outcome<V>,
) {
  return async (db: Db, actor: Actor, tambonId: number, id: number): Outcome<V> => {
    if (!can(actor, action, { tambonId })) return refused();
    return withRecord(db, table, tambonId, id, (tx, row) => change(tx, { actor, tambonId }, row));
  };
}

/**
 * A command on one record of the tambon with a form, `(db, actor, tambonId, id, body, today)`:
 * refused unless the actor may do `action`, the form read with `schema`, missing when the record
 * is not the tambon's, else `change` with the record and the form's values, in one transaction.
 */
export function recordFormCommand<T extends TambonTable, S extends z.ZodType, V>(
  action: string,
  table: T,
  schema: S,
  change: (
    tx: DbOrTx,
    scope: Scope,
    row: InferSelectModel<T>,
    v: z.output<S>,
    today: string,
  ) => Outcome<V>,
) {
  return async (
    db: Db,
    actor: Actor,
    tambonId: number,
    id: number,
    body: Record<string, string>,
    today: string,
  ): Outcome<V> => {
    if (!can(actor, action, { tambonId })) return refused();
    const parsed = parseForm(schema, body);
    if (!parsed.ok) return parsed;
    return withRecord(db, table, tambonId, id, (tx, row) =>
      change(tx, { actor, tambonId }, row, parsed.value, today),
    );
  };
}

/**
 * A `recordCommand` on a record of a meeting (an agenda item, a resolution, an attendance row),
 * which also locks the meeting and refuses once its minutes are confirmed (or, when
 * `notCancelled`, when it was cancelled); `change` receives the locked meeting too.
 */
export function meetingRecordCommand<T extends TambonTable, V>(
  action: string,
  table: T,
  change: (tx: DbOrTx, scope: Scope, row: InferSelectModel<T>, meeting: MeetingRow) => Outcome<V>,
  notCancelled = false,
) {
  return recordCommand(action, table, async (tx, scope, row) => {
    const meetingId = (row as { meetingId: number }).meetingId;
    const lock = await lockOpenMeeting(tx, scope.tambonId, meetingId, notCancelled);
    if (!lock.ok) return lock;
    return change(tx, scope, row, lock.value);
  });
}
