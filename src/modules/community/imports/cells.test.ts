import { test } from "node:test";
import assert from "node:assert/strict";
import { dayOf } from "./cells.ts";

/** What a day cell must give, worked out through a Date (the slow way dayOf avoids). */
function reference(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return y < 1850 ? null : date.toISOString().slice(0, 10);
}

test("a day cell gives the day of the calendar, in ค.ศ. or พ.ศ., or null when there is none", () => {
  let checked = 0;
  for (const y of [1849, 1850, 1900, 1999, 2000, 2023, 2024, 2100]) {
    for (let m = 0; m <= 13; m++)
      for (let d = 0; d <= 32; d++) {
        const want = reference(y, m, d);
        assert.equal(dayOf(`${y}-${m}-${d}`), want, `${y}-${m}-${d}`);
        // A year up to 2400 is read as ค.ศ. (2392 is no พ.ศ. year of anyone alive).
        if (y + 543 > 2400)
          assert.equal(dayOf(`${d}/${m}/${y + 543}`), want, `${d}/${m}/${y + 543}`);
        else assert.equal(dayOf(`${d}/${m}/${y + 543}`), reference(y + 543, m, d));
        checked++;
      }
  }
  assert.ok(checked > 3000);
  assert.equal(dayOf("๒๙/๒/๒๕๖๗"), "2024-02-29", "Thai digits, a leap day in พ.ศ.");
  assert.equal(dayOf(" 2024-02-29 "), "2024-02-29");
  for (const bad of ["", "2024-2", "29-02-2567x", "2024/02/29/1", "99999-01-01"])
    assert.equal(dayOf(bad), null, bad);
});
