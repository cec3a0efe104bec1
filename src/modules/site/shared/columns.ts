import { customType } from "drizzle-orm/pg-core";
import { at } from "../../../core/db/columns.ts";

/** PostgreSQL's full-text vector (filled from Thai text segmented into words). */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** When a row was last changed. */
export const updated = () => at("updated_at").notNull().defaultNow();
