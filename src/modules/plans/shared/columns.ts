import { integer, numeric } from "drizzle-orm/pg-core";
import { issueAreas } from "../../areas/public.ts";

/** The plans tables' tambon, time, person and village columns are core's. */
export {
  tambonId,
  tambonKeys,
  partOf,
  createdAt,
  at,
  userRef,
  villageRef,
} from "../../../core/db/columns.ts";

/** Money in baht, two decimals (read back as a string). */
export const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/** An issue area of the areas module; the row stays when the area goes. */
export const areaRef = (name: string) =>
  integer(name).references(() => issueAreas.id, { onDelete: "set null" });
