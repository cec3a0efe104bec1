import { eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import { normaliseThaiId } from "../../../core/thai-id.ts";
import { todayIso } from "../../../core/dates.ts";
import type { ImportCounts, ImportField } from "../../../core/imports.ts";
import { fail, ok, type Result } from "../../../core/result.ts";
import { households, people, recordChanges } from "../schema.ts";
import { RELATIONS, type Relation, type Sex } from "../shared/kinds.ts";
import { diffRecord } from "../registry/history.ts";
import { dayOf, villageIdOf, villagesByMoo } from "./cells.ts";
import { column, type AuditedImporter, type Key } from "./importer.ts";
import { peopleBulkWriter } from "./people-bulk.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** The columns a people file is read from (one row a person). */
export const PEOPLE_FIELDS: readonly ImportField[] = [
  column("village", "imp.field.village", ["moo", "หมู่", "ม."], true),
  column("house_no", "imp.field.houseNo", ["house", "house no", "บ้านเลขที่", "เลขที่บ้าน"], true),
  column("name", "imp.field.name", ["ชื่อ", "ชื่อ สกุล", "full name"], true),
  column("thai_id", "imp.field.thaiId", ["เลขบัตรประชาชน", "pid", "cid", "id card"]),
  column("birth_date", "imp.field.birthDate", ["วันเดือนปีเกิด", "dob", "birthdate"]),
  column("sex", "imp.field.sex", ["gender"]),
  column("relation", "imp.field.relation", ["ความสัมพันธ์", "relationship"]),
];

/** A person read from a file. */
export interface PersonRow {
  villageId: number;
  houseNo: string;
  name: string;
  thaiId: string | null;
  birthDate: string | null;
  sex: Sex;
  relation: Relation;
}

/** A person as stored, with the house number of their household. */
export interface StoredPerson extends PersonRow {
  id: number;
  householdId: number;
  version: number;
}

const SEX: Record<string, Sex> = {
  ชาย: "male",
  ช: "male",
  male: "male",
  m: "male",
  "1": "male",
  หญิง: "female",
  ญ: "female",
  female: "female",
  f: "female",
  "2": "female",
  "": "unspecified",
};

const RELATION_WORDS: Record<string, Relation> = {
  "": "other",
  หัวหน้า: "head",
  หัวหน้าครัวเรือน: "head",
  เจ้าบ้าน: "head",
  คู่สมรส: "spouse",
  สามี: "spouse",
  ภรรยา: "spouse",
  บุตร: "child",
  ลูก: "child",
  บิดา: "parent",
  มารดา: "parent",
  พ่อ: "parent",
  แม่: "parent",
  หลาน: "grandchild",
  พี่น้อง: "sibling",
  พี่: "sibling",
  น้อง: "sibling",
  ญาติ: "relative",
  อื่นๆ: "other",
  อื่น: "other",
  ผู้อาศัย: "other",
};

/** Reads one person's cells (by field name): every rule of the registry, in Thai and English. */
export function personParser(byMoo: ReadonlyMap<number, number>, today = todayIso()) {
  return (cells: Readonly<Record<string, string>>): Result<PersonRow, Key> => {
    const villageId = villageIdOf(byMoo, cells.village ?? "");
    if (villageId === undefined)
      return fail("village", "imp.unknownVillage", { moo: cells.village ?? "" });
    const houseNo = (cells.house_no ?? "").trim();
    if (houseNo.length > 40) return fail("house_no", "imp.tooLong", { max: 40 });
    const name = (cells.name ?? "").replace(/\s+/g, " ").trim();
    if (name.length > 200) return fail("name", "imp.tooLong", { max: 200 });
    let thaiId: string | null = null;
    if (cells.thai_id) {
      thaiId = normaliseThaiId(cells.thai_id);
      if (!thaiId) return fail("thai_id", "imp.thaiIdInvalid");
    }
    let birthDate: string | null = null;
    if (cells.birth_date) {
      birthDate = dayOf(cells.birth_date);
      if (!birthDate) return fail("birth_date", "imp.dateInvalid");
      if (birthDate > today) return fail("birth_date", "imp.dateFuture");
    }
    const sex = SEX[(cells.sex ?? "").trim().toLowerCase()];
    if (!sex) return fail("sex", "imp.sexInvalid");
    const rawRelation = (cells.relation ?? "").trim().toLowerCase();
    const relation =
      RELATION_WORDS[rawRelation] ??
      ((RELATIONS as readonly string[]).includes(rawRelation)
        ? (rawRelation as Relation)
        : undefined);
    if (!relation) return fail("relation", "imp.relationInvalid", { value: cells.relation ?? "" });
    return ok({ villageId, houseNo, name, thaiId, birthDate, sex, relation });
  };
}

const houseKey = (villageId: number, houseNo: string) => `${villageId}|${houseNo}`;

/** A person's key: their Thai ID, else their household and name. */
export const personKey = (r: Pick<PersonRow, "thaiId" | "villageId" | "houseNo" | "name">) =>
  r.thaiId ? `id:${r.thaiId}` : `hh:${houseKey(r.villageId, r.houseNo)}|${r.name}`;

const FIELDS = [
  "name",
  "thaiId",
  "birthDate",
  "sex",
  "relation",
  "householdId",
  "villageId",
] as const;

/** True when the stored person already says what the row says (a row without Thai ID keeps it). */
export function samePerson(a: StoredPerson, b: PersonRow): boolean {
  return (
    a.name === b.name &&
    (b.thaiId === null || a.thaiId === b.thaiId) &&
    a.birthDate === b.birthDate &&
    a.sex === b.sex &&
    a.relation === b.relation &&
    a.villageId === b.villageId &&
    a.houseNo === b.houseNo
  );
}

/**
 * A row about a stored person as it will be stored: a field whose column was not matched keeps
 * what is stored, and so does the Thai ID when the row has none.
 */
export function keepStored(
  row: PersonRow,
  cur: StoredPerson,
  matched: ReadonlySet<string>,
): PersonRow {
  return {
    ...row,
    thaiId: row.thaiId ?? cur.thaiId,
    birthDate: matched.has("birth_date") ? row.birthDate : cur.birthDate,
    sex: matched.has("sex") ? row.sex : cur.sex,
    relation: matched.has("relation") ? row.relation : cur.relation,
  };
}

/**
 * The importer of households and people for one tambon (web and CLI). Households are made as
 * rows name them; a person is found by Thai ID or by household and name; every new or changed
 * record gets its history row (via "import"), and one audit row tells the whole import. Columns
 * left unmatched keep what is stored (`keepStored`); a file of a million rows goes through `bulk`.
 */
export async function peopleImporter(
  db: Db,
  tambonId: number,
  actorId: number | null,
  filename: string,
  /** The bulk writer stages the next rows while the database writes the last (a server). */
  overlap = false,
): Promise<AuditedImporter<PersonRow, StoredPerson>> {
  const parse = personParser(villagesByMoo(await listVillages(db, tambonId)));
  let householdsMade = 0;
  const importer = {
    fields: PEOPLE_FIELDS,
    parse: (cells: Readonly<Record<string, string>>) => parse(cells),
    key: personKey,
    transaction: <T>(fn: (tx: Tx) => Promise<T>) => db.transaction(fn),
    async current(tx: Tx, rows: readonly PersonRow[]) {
      const out = new Map<string, StoredPerson>();
      if (!rows.length) return out;
      const select = {
        ...pick(people, "id", "householdId", "villageId"),
        houseNo: households.houseNo,
        ...pick(people, "name", "thaiId", "birthDate", "sex", "relation", "version"),
      };
      const ids = [...new Set(rows.flatMap((r) => (r.thaiId ? [r.thaiId] : [])))];
      const noId = rows.filter((r) => !r.thaiId);
      const stored = (where: SQL) =>
        tx
          .select(select)
          .from(people)
          .innerJoin(households, eq(households.id, people.householdId))
          .where(where);
      const [byId, byHouse] = await Promise.all([
        ids.length
          ? stored(tambonWhere(people, tambonId, { thaiId: anyOf(ids) }, isNotNull(people.thaiId)))
          : [],
        noId.length
          ? stored(
              tambonWhere(
                households,
                tambonId,
                {
                  villageId: anyOf([...new Set(noId.map((r) => r.villageId))]),
                  houseNo: anyOf([...new Set(noId.map((r) => r.houseNo))]),
                },
                inArray(people.name, [...new Set(noId.map((r) => r.name))]),
              ),
            )
          : [],
      ]);
      for (const s of byHouse) out.set(personKey({ ...s, thaiId: null }), s as StoredPerson);
      for (const s of byId) out.set(personKey(s), s as StoredPerson);
      return out;
    },
    keep: keepStored,
    same: samePerson,
    bulk: (tx: Tx) =>
      peopleBulkWriter(
        tx,
        tambonId,
        actorId,
        (made) => {
          householdsMade += made;
        },
        overlap,
      ),
    async write(tx: Tx, changes: readonly { row: PersonRow; current?: StoredPerson }[]) {
      // The households the rows name: found, or made.
      const wanted = new Map<string, { villageId: number; houseNo: string }>();
      for (const c of changes) wanted.set(houseKey(c.row.villageId, c.row.houseNo), c.row);
      const list = [...wanted.values()];
      const found = await tx
        .select({ ...pick(households, "id", "villageId", "houseNo") })
        .from(households)
        .where(
          tambonWhere(households, tambonId, {
            villageId: anyOf([...new Set(list.map((h) => h.villageId))]),
            houseNo: anyOf([...new Set(list.map((h) => h.houseNo))]),
          }),
        );
      const hid = new Map(found.map((h) => [houseKey(h.villageId, h.houseNo), h.id]));
      const missing = list.filter((h) => !hid.has(houseKey(h.villageId, h.houseNo)));
      if (missing.length) {
        const made = await tx
          .insert(households)
          .values(
            missing.map((h) => ({
              tambonId,
              villageId: h.villageId,
              houseNo: h.houseNo,
              createdBy: actorId,
            })),
          )
          .returning({
            ...pick(households, "id", "villageId", "houseNo"),
          });
        householdsMade += made.length;
        for (const h of made) hid.set(houseKey(h.villageId, h.houseNo), h.id);
        await tx.insert(recordChanges).values(
          made.map((h) => ({
            tambonId,
            entity: "household" as const,
            entityId: h.id,
            version: 1,
            action: "create" as const,
            changes: { villageId: [null, h.villageId], houseNo: [null, h.houseNo] } as Record<
              string,
              [unknown, unknown]
            >,
            via: "import" as const,
            byUser: actorId,
          })),
        );
      }
      const fresh = changes.filter((c) => !c.current);
      if (fresh.length) {
        const made = await tx
          .insert(people)
          .values(
            fresh.map(({ row }) => ({
              tambonId,
              householdId: hid.get(houseKey(row.villageId, row.houseNo))!,
              ...pick(row, "villageId", "name", "thaiId", "birthDate", "sex", "relation"),
              createdBy: actorId,
            })),
          )
          .returning({ id: people.id });
        await tx.insert(recordChanges).values(
          made.map((p, i) => {
            const row = fresh[i]!.row;
            return {
              tambonId,
              entity: "person" as const,
              entityId: p.id,
              version: 1,
              action: "create" as const,
              changes: diffRecord(
                null,
                { ...row, householdId: hid.get(houseKey(row.villageId, row.houseNo)) },
                FIELDS,
              ),
              via: "import" as const,
              byUser: actorId,
            };
          }),
        );
      }
      for (const c of changes) {
        const cur = c.current;
        if (!cur) continue;
        const next = {
          name: c.row.name,
          thaiId: c.row.thaiId ?? cur.thaiId,
          ...pick(c.row, "birthDate", "sex", "relation"),
          householdId: hid.get(houseKey(c.row.villageId, c.row.houseNo))!,
          villageId: c.row.villageId,
        };
        await tx
          .update(people)
          .set({
            ...pick(next, ...FIELDS),
            version: sql`${people.version} + 1`,
            updatedAt: new Date(),
          })
          .where(tambonWhere(people, tambonId, { id: cur.id }));
        await tx.insert(recordChanges).values({
          tambonId,
          entity: "person",
          entityId: cur.id,
          version: cur.version + 1,
          action: "update",
          changes: diffRecord(cur, next, FIELDS),
          via: "import",
          byUser: actorId,
        });
      }
    },
    async finish(tx: Tx, counts: ImportCounts) {
      await audit(tx, {
        tambonId,
        actorId,
        action: "community.people.import",
        targetType: "community_people",
        after: { filename, households: householdsMade, ...counts },
      });
    },
  };
  return importer;
}
