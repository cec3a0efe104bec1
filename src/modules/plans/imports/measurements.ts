import type { Db, Tx } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import { normaliseHeader, type ImportField, type Importer } from "../../../core/imports.ts";
import { fail, ok } from "../../../core/result.ts";
import { msg } from "../messages.ts";
import { measurements } from "../schema.ts";
import { parseDecimal } from "../indicators/commands.ts";
import { listIndicators } from "../indicators/queries.ts";
import { periodEndOf, writeMeasurement, type MeasurementInput } from "../measurements/commands.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const label = (key: Parameters<ReturnType<typeof msg.t>>[0]) => ({
  th: msg.t("th")(key),
  en: msg.t("en")(key),
});

/** The columns a measurements file is read from. */
export const MEASUREMENT_FIELDS: readonly ImportField[] = [
  {
    name: "indicator",
    label: label("measure.field.indicator"),
    aliases: ["ชื่อตัวชี้วัด", "indicator name", "kpi"],
    required: true,
  },
  {
    name: "village",
    label: label("measure.field.village"),
    aliases: ["หมู่", "ม.", "moo", "village", "หมู่บ้าน"],
  },
  {
    name: "year",
    label: label("measure.field.year"),
    aliases: ["ปี", "ปีงบ", "ปี พ.ศ.", "year", "fiscal_year"],
    required: true,
  },
  {
    name: "value",
    label: label("measure.field.value"),
    aliases: ["ค่า", "ผล", "ผลการวัด", "value"],
    required: true,
  },
  { name: "note", label: label("measure.field.note"), aliases: ["note", "remark"] },
];

/** A measurement row read from a file. */
export interface MeasurementRow extends MeasurementInput {
  note: string;
}

const THAI_DIGITS = /[๐-๙]/g;
const arabic = (s: string) => s.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));

/** Words that mean the whole tambon in the village column. */
const WHOLE_TAMBON = new Set(["", "0", "ทั้งตำบล", "ตำบล", "tambon", "whole tambon", "all"]);

/**
 * The importer of measurements for one tambon: indicators are named by their name (or `#id`),
 * villages by หมู่ที่ ("3", "หมู่ 3", "ม.3"; empty or 0 for the whole tambon), years in พ.ศ.
 * A row's key is indicator, village and fiscal year, so a second import of the same file
 * changes nothing and a corrected value replaces the stored one.
 */
export async function measurementImporter(
  db: Db,
  tambonId: number,
  actorId: number | null,
  filename: string,
): Promise<Importer<MeasurementRow, string, Tx, MeasurementRow>> {
  const [list, villageList] = await Promise.all([
    listIndicators(db, tambonId),
    listVillages(db, tambonId),
  ]);
  const byName = new Map(list.map((i) => [normaliseHeader(i.name), i.id]));
  const byId = new Set(list.map((i) => i.id));
  const byMoo = new Map(villageList.map((v) => [v.moo, v.id]));
  const key = (r: Pick<MeasurementInput, "indicatorId" | "villageId" | "fiscalYear">) =>
    `${r.indicatorId}/${r.villageId ?? 0}/${r.fiscalYear}`;
  return {
    fields: MEASUREMENT_FIELDS,
    parse(cells) {
      const name = cells.indicator ?? "";
      const idMatch = /^#?(\d{1,9})$/.exec(arabic(name));
      const indicatorId =
        byName.get(normaliseHeader(name)) ??
        (idMatch && byId.has(Number(idMatch[1])) ? Number(idMatch[1]) : undefined);
      if (indicatorId === undefined) return fail("indicator", "measure.unknownIndicator", { name });
      const village = arabic(cells.village ?? "").trim();
      let villageId: number | null = null;
      if (!WHOLE_TAMBON.has(village.toLowerCase())) {
        const moo = /^(?:หมู่ที่|หมู่|ม\.|moo)?\s*(\d{1,3})$/i.exec(village);
        const id = moo ? byMoo.get(Number(moo[1])) : undefined;
        if (id === undefined) return fail("village", "measure.unknownVillage", { moo: village });
        villageId = id;
      }
      const yearText = arabic(cells.year ?? "").trim();
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (!(year >= 2500 && year <= 2700)) return fail("year", "measure.yearInvalid");
      const value = parseDecimal(arabic(cells.value ?? ""));
      if (value === undefined || value === null) return fail("value", "indicator.numberInvalid");
      const note = (cells.note ?? "").trim();
      if (note.length > 500) return fail("note", "err.tooLong", { max: 500 });
      return ok({ indicatorId, villageId, fiscalYear: year, value, note });
    },
    key,
    transaction: (fn) => db.transaction(fn),
    async current(tx, rows) {
      const out = new Map<string, MeasurementRow>();
      const ids = [...new Set(rows.map((r) => r.indicatorId))];
      const ends = [...new Set(rows.map((r) => periodEndOf(r.fiscalYear)))];
      if (!ids.length) return out;
      const stored = await tx
        .select()
        .from(measurements)
        .where(
          tambonWhere(measurements, tambonId, { indicatorId: anyOf(ids), periodEnd: anyOf(ends) }),
        );
      for (const s of stored)
        out.set(key(s), {
          ...pick(s, "indicatorId", "villageId", "fiscalYear"),
          value: Number(s.value),
          note: s.note,
        });
      return out;
    },
    // A file without a note column keeps the stored notes.
    keep: (row, cur, matched) => (matched.has("note") ? row : { ...row, note: cur.note }),
    same: (a, b) => a.value === b.value && a.note === b.note,
    async write(tx, changes, counts) {
      for (const c of changes)
        await writeMeasurement(
          tx,
          tambonId,
          { ...c.row, importKey: key(c.row) },
          "import",
          actorId,
        );
      await audit(tx, {
        tambonId,
        actorId,
        action: "measurement.import",
        targetType: "measurements",
        after: { filename, ...counts },
      });
    },
  };
}
