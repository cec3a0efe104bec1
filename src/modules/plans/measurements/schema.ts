import { sql } from "drizzle-orm";
import { date, index, integer, numeric, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { MeasurementSource } from "../shared/kinds.ts";
import { indicators } from "../indicators/schema.ts";
import { userRef, villageRef, tambonKeys, partOf, createdAt } from "../shared/columns.ts";

/** A measured value of an indicator for a village (or the whole tambon: no village) at a period's end. */
export const measurements = pgTable(
  "measurements",
  {
    ...tambonKeys(),
    indicatorId: partOf("indicator_id", () => indicators.id),
    villageId: villageRef("village_id"),
    fiscalYear: integer("fiscal_year").notNull(),
    periodEnd: date("period_end").notNull(),
    value: numeric("value").notNull(),
    source: text("source").$type<MeasurementSource>().notNull().default("manual"),
    /** The key of the imported row it came from, so that importing the same file again changes nothing. */
    importKey: text("import_key"),
    note: text("note").notNull().default(""),
    recordedBy: userRef("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("measurements_key").on(
      t.tambonId,
      t.indicatorId,
      sql`coalesce(${t.villageId}, 0)`,
      t.periodEnd,
    ),
    index("measurements_indicator_idx").on(t.tambonId, t.indicatorId, t.fiscalYear),
    index("measurements_import_idx").on(t.tambonId, t.importKey),
  ],
);
