import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Tx } from "../../../core/db/index.ts";
import type { BulkWriter, ImportCounts } from "../../../core/imports.ts";
import type { PersonRow } from "./people.ts";

/** Rows sent to the staging table in one statement (one JSON parameter, whatever the count). */
const CHUNK = 5000;
/** File lines of new people written by one statement. */
const SLICE = 50_000;

/**
 * The people import in bulk, for files of a million rows: the good rows go into a temporary
 * staging table (dropped with the transaction) in statements of 5,000 rows, then a few
 * set-based statements do what `peopleImporter` does row by row: one sort finds keys met twice,
 * one pass resolves every row (household, person, what changes) into a second table, and new
 * people are written in slices of 50,000 lines so that no statement holds a million rows' worth
 * of reference checks and history in memory. A person is found by Thai ID,
 * else by household (village and house number) and name; unmatched fields keep what is stored
 * (a row without a Thai ID keeps the stored one); households are made as rows name them; every
 * new or changed household and person gets its history row (`via` "import").
 */
export function peopleBulkWriter(
  tx: Tx,
  tambonId: number,
  actorId: number | null,
  onHouseholds: (made: number) => void,
  overlap = false,
): BulkWriter<PersonRow> {
  let staged = false;
  let pending: unknown[][] = [];
  // The statement sending the last full chunk. With `overlap` (a database server in its own
  // process) the file's next rows are read and checked while the server writes it, never more
  // than one chunk ahead; an embedded database shares this process's memory, where a chunk in
  // flight beside the next one costs more memory than it saves time, so each chunk is awaited.
  let sending: Promise<unknown> = Promise.resolve();

  async function stage(rows: unknown[][]) {
    if (!staged) {
      staged = true;
      await tx.execute(sql`create temporary table community_people_import (
          line integer not null,
          village_id integer not null,
          house_no text not null,
          name text not null,
          thai_id text,
          birth_date date,
          sex text not null,
          relation text not null
        ) on commit drop`);
    }
    if (!rows.length) return;
    await tx.execute(sql`insert into community_people_import
        (line, village_id, house_no, name, thai_id, birth_date, sex, relation)
      select (r->>0)::integer, (r->>1)::integer, r->>2, r->>3, r->>4, (r->>5)::date, r->>6, r->>7
      from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as r`);
  }

  /** Sends the rows read so far; waits for the chunk before it, not for this one. */
  async function send() {
    await sending;
    const rows = pending;
    pending = [];
    const next = stage(rows);
    // Awaited by the next send or by `flush`; kept from being an unhandled rejection meanwhile.
    next.catch(() => {});
    sending = next;
    if (!overlap) await next;
  }

  /** Every row read so far is in the staging table. */
  async function flush() {
    await send();
    await sending;
  }

  return {
    async add(rows) {
      for (const { line, row } of rows) {
        pending.push([
          line,
          row.villageId,
          row.houseNo,
          row.name,
          row.thaiId,
          row.birthDate,
          row.sex,
          row.relation,
        ]);
        if (pending.length >= CHUNK) await send();
      }
    },

    async duplicates(limit) {
      await flush();
      // The key of `personKey`: the Thai ID, else the household and the name. One sort of the
      // staging table gives both the rows met twice and how many there are.
      const rows = await rowsOf<{ line: number; first: number; n: number }>(
        tx,
        sql`select line, first, count(*) over ()::integer as n
          from (select line, first_value(line) over (
              partition by thai_id,
                case when thai_id is null then village_id end,
                case when thai_id is null then house_no end,
                case when thai_id is null then name end
              order by line) as first
            from community_people_import) d
          where line <> first
          order by line
          limit ${limit}`,
      );
      return {
        count: Number(rows[0]?.n ?? 0),
        rows: rows.map((r) => ({ line: Number(r.line), first: Number(r.first) })),
      };
    },

    async end(matched, apply): Promise<ImportCounts> {
      await flush();
      const t = tambonId;
      const flag = (name: string) => sql.raw(matched.has(name) ? "true" : "false");
      await tx.execute(sql`analyze community_people_import`);
      if (apply) {
        // The households the rows name that are not there yet, each with its history row.
        const [made] = await rowsOf<{ n: number }>(
          tx,
          sql`with wanted as (
              select distinct s.village_id, s.house_no from community_people_import s
              where not exists (select 1 from community_households h
                where h.tambon_id = ${t} and h.village_id = s.village_id and h.house_no = s.house_no)
            ), made as (
              insert into community_households (tambon_id, village_id, house_no, created_by)
              select ${t}, village_id, house_no, ${actorId} from wanted
              order by village_id, house_no
              returning id, village_id, house_no
            ), history as (
              insert into community_record_changes
                (tambon_id, entity, entity_id, version, action, changes, via, by_user)
              select ${t}, 'household', id, 1, 'create',
                ('{"villageId":[null,' || village_id || '],"houseNo":[null,'
                  || to_json(house_no)::text || ']}')::jsonb,
                'import', ${actorId}
              from made
            )
            select count(*)::integer as n from made`,
        );
        onHouseholds(Number(made?.n ?? 0));
      }
      // Each row as it will be stored, in one pass that rewrites no row of the staging table:
      // its household; who it is (the person with its Thai ID, else the one of that name in that
      // household); unmatched columns keeping what is stored; whether it differs from the
      // stored person (whose values are kept beside it for the history rows). The two ways of
      // finding a person are two joins over the staging table, not a look-up for each row.
      await tx.execute(sql`create temporary table community_people_resolved on commit drop as
        select r.*,
          r.person_id is not null and (r.p_name is distinct from r.name
            or r.p_thai_id is distinct from r.thai_id or r.p_birth_date is distinct from r.birth_date
            or r.p_sex is distinct from r.sex or r.p_relation is distinct from r.relation
            or r.p_village_id is distinct from r.village_id
            or r.p_household_id is distinct from r.household_id) as changed
        from (
          select s.line, s.village_id, h.id as household_id, s.name, p.id as person_id,
            p.version,
            coalesce(s.thai_id, p.thai_id) as thai_id,
            case when p.id is null or ${flag("birth_date")} then s.birth_date else p.birth_date end
              as birth_date,
            case when p.id is null or ${flag("sex")} then s.sex else p.sex end as sex,
            case when p.id is null or ${flag("relation")} then s.relation else p.relation end
              as relation,
            p.name as p_name, p.thai_id as p_thai_id, p.birth_date as p_birth_date,
            p.sex as p_sex, p.relation as p_relation, p.village_id as p_village_id,
            p.household_id as p_household_id
          from community_people_import s
          left join community_households h
            on h.tambon_id = ${t} and h.village_id = s.village_id and h.house_no = s.house_no
          left join community_people pt
            on s.thai_id is not null and pt.tambon_id = ${t} and pt.thai_id = s.thai_id
          left join (select household_id, name, min(id) as id from community_people
              where tambon_id = ${t} group by household_id, name) pn
            on s.thai_id is null and pn.household_id = h.id and pn.name = s.name
          left join community_people p on p.id = coalesce(pt.id, pn.id)
        ) r`);
      const [c] = await rowsOf<{ create: number; update: number; unchanged: number }>(
        tx,
        sql`select count(*) filter (where person_id is null)::integer as "create",
            count(*) filter (where changed)::integer as "update",
            count(*) filter (where person_id is not null and not changed)::integer as "unchanged"
          from community_people_resolved`,
      );
      const counts = {
        create: Number(c?.create ?? 0),
        update: Number(c?.update ?? 0),
        unchanged: Number(c?.unchanged ?? 0),
      };
      if (!apply) return counts;
      const change = (before: SQL, after: SQL) =>
        sql`case when ${before} is distinct from ${after}
          then jsonb_build_array(to_jsonb(${before}), to_jsonb(${after})) end`;
      if (counts.update) {
        await tx.execute(sql`insert into community_record_changes
            (tambon_id, entity, entity_id, version, action, changes, via, by_user)
          select ${t}, 'person', s.person_id, s.version + 1, 'update',
            jsonb_strip_nulls(jsonb_build_object(
              'name', ${change(sql`s.p_name`, sql`s.name`)},
              'thaiId', ${change(sql`s.p_thai_id`, sql`s.thai_id`)},
              'birthDate', ${change(sql`s.p_birth_date`, sql`s.birth_date`)},
              'sex', ${change(sql`s.p_sex`, sql`s.sex`)},
              'relation', ${change(sql`s.p_relation`, sql`s.relation`)},
              'householdId', ${change(sql`s.p_household_id`, sql`s.household_id`)},
              'villageId', ${change(sql`s.p_village_id`, sql`s.village_id`)})),
            'import', ${actorId}
          from community_people_resolved s
          where s.changed
          order by s.line`);
        await tx.execute(sql`update community_people p set
            name = s.name, thai_id = s.thai_id, birth_date = s.birth_date, sex = s.sex,
            relation = s.relation, household_id = s.household_id, village_id = s.village_id,
            version = p.version + 1, updated_at = now()
          from community_people_resolved s
          where s.person_id = p.id and s.changed and p.tambon_id = ${t}`);
      }
      if (!counts.create) return counts;
      // New people in slices of file lines: each statement's checks of its references and its
      // history rows stay the size of a slice (PGlite's memory never gives back what one
      // statement of a million rows would take). A slice is written in household order, so that
      // the indexes by household and by village are filled a region at a time, not at random.
      // The history's JSON is written as text and read once (a field left empty is left out),
      // the same value as built with jsonb_build_object for half the work.
      await tx.execute(sql`create index on community_people_resolved (line)
        where person_id is null`);
      await tx.execute(sql`analyze community_people_resolved`);
      const [span] = await rowsOf<{ lo: number; hi: number }>(
        tx,
        sql`select min(line) as lo, max(line) as hi from community_people_resolved
          where person_id is null`,
      );
      for (let lo = Number(span!.lo); lo <= Number(span!.hi); lo += SLICE)
        await tx.execute(sql`with made as (
            insert into community_people
              (tambon_id, household_id, village_id, name, thai_id, birth_date, sex, relation,
               created_by)
            select ${t}, household_id, village_id, name, thai_id, birth_date, sex, relation,
              ${actorId}
            from community_people_resolved
            where person_id is null and line >= ${lo} and line < ${lo + SLICE}
            order by household_id, line
            returning id, household_id, village_id, name, thai_id, birth_date, sex, relation
          )
          insert into community_record_changes
            (tambon_id, entity, entity_id, version, action, changes, via, by_user)
          select ${t}, 'person', id, 1, 'create',
            ('{"name":[null,' || to_json(name)::text
              || coalesce('],"thaiId":[null,' || to_json(thai_id)::text, '')
              || coalesce('],"birthDate":[null,' || to_json(birth_date)::text, '')
              || '],"sex":[null,' || to_json(sex)::text
              || '],"relation":[null,' || to_json(relation)::text
              || '],"householdId":[null,' || household_id
              || '],"villageId":[null,' || village_id || ']}')::jsonb,
            'import', ${actorId}
          from made`);
      return counts;
    },
  };
}
