import { type AnyPgColumn, integer, serial } from "drizzle-orm/pg-core";
import { at, createdAt, tambonId, users, villages } from "./schema.ts";

/**
 * Column helpers every module's schema uses, so that a tambon key, a time, a person or a village
 * is declared the same way everywhere.
 */

/** The tenant key, a moment with its time zone, and when the row was made (declared beside the core's tables). */
export { at, createdAt, tambonId };

/** A person who did something; the row stays when the account goes. */
export const userRef = (name: string) =>
  integer(name).references(() => users.id, { onDelete: "set null" });

/** A village of the tambon; the row goes with the village. */
export const villageRef = (name: string) =>
  integer(name).references(() => villages.id, { onDelete: "cascade" });

/** The two columns every tambon table starts with: its serial id and its tambon. */
export const tambonKeys = () => ({ id: serial("id").primaryKey(), tambonId: tambonId() });

/** The row a row belongs to (a project's milestone, a meeting's agenda item): it goes with it. */
export const partOf = (name: string, parent: () => AnyPgColumn) =>
  integer(name).notNull().references(parent, { onDelete: "cascade" });
