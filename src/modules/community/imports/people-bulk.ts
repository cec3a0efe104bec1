import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import type { BulkWriter, ImportCounts } from "../../../core/imports.ts";
import type { PersonRow } from "./people.ts";

/** Rows sent to the staging table in one statement (one JSON parameter, whatever the count). */
const CHUNK = 5000;

async function rowsOf<T>(tx: Tx, query: SQL): Promise<T[]> {
  const r = (await tx.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(r) ? r : r.rows;
}

/**
 * The people import in bulk, for files of a million rows: the good rows go into a temporary
 * staging table (dropped with the transaction) in statements of 5,000 rows, then a few
 * set-based statements do what `peopleImporter` does row by row. A person is found by Thai ID,
 * else by household (village and house number) and name; unmatched fields keep what is stored
 * (a row without a Thai ID keeps the stored one); households are made as rows name them; every
 * new or changed household and person gets its history row (`via` "import").
 */
export function peopleBulkWriter(
  tx: Tx,
  tambonId: number,
  actorId: number | null,
  onHouseholds: (made: number) => void,
): BulkWriter<PersonRow> {
  let staged = false;
  let pending: unknown[][] = [];

  async function flush() {
    if (!staged) {
      await tx.execute(sql`create temporary table community_people_import (
          line integer not null,
          village_id integer not null,
          house_no text not null,
          name text not null,
          thai_id text,
          birth_date date,
          sex text not null,
          relation text not null,
          household_id integer,
          person_id integer,
          changed boolean not null default false
        ) on commit drop`);
      staged = true;
    }
    if (!pending.length) return;
    const json = JSON.stringify(pending);
    pending = [];
    await tx.execute(sql`insert into community_people_import
        (line, village_id, house_no, name, thai_id, birth_date, sex, relation)
      select (r->>0)::integer, (r->>1)::integer, r->>2, r->>3, r->>4, (r->>5)::date, r->>6, r->>7
      from jsonb_array_elements(${json}::jsonb) as r`);
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
        if (pending.length >= CHUNK) await flush();
      }
    },

    async duplicates(limit) {
      await flush();
      // The key of `personKey`: the Thai ID, else the household and the name.
      const twice = sql`select line, first_value(line) over (partition by key order by line) as first
        from (select line, coalesce('id:' || thai_id,
            'hh:' || village_id || '|' || house_no || '|' || name) as key
          from community_people_import) k`;
      const [n] = await rowsOf<{ n: number }>(
        tx,
        sql`select count(*)::integer as n from (${twice}) d where line <> first`,
      );
      const rows = await rowsOf<{ line: number; first: number }>(
        tx,
        sql`select line, first from (${twice}) d where line <> first order by line limit ${limit}`,
      );
      return {
        count: Number(n?.n ?? 0),
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
                jsonb_build_object('villageId', jsonb_build_array(null, village_id),
                  'houseNo', jsonb_build_array(null, house_no)),
                'import', ${actorId}
              from made
            )
            select count(*)::integer as n from made`,
        );
        onHouseholds(Number(made?.n ?? 0));
      }
      await tx.execute(sql`update community_people_import s set household_id = h.id
        from community_households h
        where h.tambon_id = ${t} and h.village_id = s.village_id and h.house_no = s.house_no`);
      // Who each row is: the person with its Thai ID, else the one of that name in that household.
      await tx.execute(sql`update community_people_import s set person_id = p.id
        from community_people p
        where s.thai_id is not null and p.tambon_id = ${t} and p.thai_id = s.thai_id`);
      await tx.execute(sql`update community_people_import s set person_id = m.id
        from (
          select s2.line, min(p.id) as id
          from community_people_import s2
          join community_people p
            on p.tambon_id = ${t} and p.household_id = s2.household_id and p.name = s2.name
          where s2.thai_id is null
          group by s2.line
        ) m
        where m.line = s.line`);
      // Unmatched columns keep what is stored; then what differs from the stored person.
      await tx.execute(sql`update community_people_import s set
          thai_id = coalesce(s.thai_id, p.thai_id),
          birth_date = case when ${flag("birth_date")} then s.birth_date else p.birth_date end,
          sex = case when ${flag("sex")} then s.sex else p.sex end,
          relation = case when ${flag("relation")} then s.relation else p.relation end
        from community_people p
        where p.id = s.person_id`);
      await tx.execute(sql`update community_people_import s set changed = (
          p.name is distinct from s.name or p.thai_id is distinct from s.thai_id
          or p.birth_date is distinct from s.birth_date or p.sex is distinct from s.sex
          or p.relation is distinct from s.relation or p.village_id is distinct from s.village_id
          or p.household_id is distinct from s.household_id)
        from community_people p
        where p.id = s.person_id`);
      const [c] = await rowsOf<{ create: number; update: number; unchanged: number }>(
        tx,
        sql`select count(*) filter (where person_id is null)::integer as "create",
            count(*) filter (where changed)::integer as "update",
            count(*) filter (where person_id is not null and not changed)::integer as "unchanged"
          from community_people_import`,
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
          select ${t}, 'person', p.id, p.version + 1, 'update',
            jsonb_strip_nulls(jsonb_build_object(
              'name', ${change(sql`p.name`, sql`s.name`)},
              'thaiId', ${change(sql`p.thai_id`, sql`s.thai_id`)},
              'birthDate', ${change(sql`p.birth_date`, sql`s.birth_date`)},
              'sex', ${change(sql`p.sex`, sql`s.sex`)},
              'relation', ${change(sql`p.relation`, sql`s.relation`)},
              'householdId', ${change(sql`p.household_id`, sql`s.household_id`)},
              'villageId', ${change(sql`p.village_id`, sql`s.village_id`)})),
            'import', ${actorId}
          from community_people_import s
          join community_people p on p.id = s.person_id
          where s.changed
          order by s.line`);
        await tx.execute(sql`update community_people p set
            name = s.name, thai_id = s.thai_id, birth_date = s.birth_date, sex = s.sex,
            relation = s.relation, household_id = s.household_id, village_id = s.village_id,
            version = p.version + 1, updated_at = now()
          from community_people_import s
          where s.person_id = p.id and s.changed and p.tambon_id = ${t}`);
      }
      if (counts.create)
        await tx.execute(sql`with made as (
            insert into community_people
              (tambon_id, household_id, village_id, name, thai_id, birth_date, sex, relation,
               created_by)
            select ${t}, household_id, village_id, name, thai_id, birth_date, sex, relation,
              ${actorId}
            from community_people_import
            where person_id is null
            order by line
            returning id, household_id, village_id, name, thai_id, birth_date, sex, relation
          )
          insert into community_record_changes
            (tambon_id, entity, entity_id, version, action, changes, via, by_user)
          select ${t}, 'person', id, 1, 'create',
            jsonb_strip_nulls(jsonb_build_object(
              'name', jsonb_build_array(null, name),
              'thaiId', case when thai_id is not null then jsonb_build_array(null, thai_id) end,
              'birthDate',
                case when birth_date is not null then jsonb_build_array(null, birth_date) end,
              'sex', jsonb_build_array(null, sex),
              'relation', jsonb_build_array(null, relation),
              'householdId', jsonb_build_array(null, household_id),
              'villageId', jsonb_build_array(null, village_id))),
            'import', ${actorId}
          from made`);
      return counts;
    },
  };
}
