import { integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { FigureSource } from "../shared/kinds.ts";
import { at, villageRef, tambonKeys } from "../shared/columns.ts";

/** A village's people and households in a fiscal year, when the community-data module is absent. */
export const villageFigures = pgTable(
  "village_figures",
  {
    ...tambonKeys(),
    villageId: villageRef("village_id").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    people: integer("people"),
    households: integer("households"),
    source: text("source").$type<FigureSource>().notNull().default("entered"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("village_figures_key").on(t.tambonId, t.villageId, t.fiscalYear)],
);
