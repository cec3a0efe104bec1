import { todayIso } from "../../../core/dates.ts";

/** A demo person as the module's demo reads them: a member of the tambon and their village. */
export interface DemoPerson {
  id: number;
  name: string;
  villageId: number | null;
}

/** The ISO date n days before (negative: after) today in Bangkok. */
export function daysAgo(n: number): string {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}
