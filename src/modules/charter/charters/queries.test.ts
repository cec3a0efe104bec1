// The charters a home page shows, read with the title of the version each edition shows in the
// same statement: the adopted version's when the edition is adopted (a newer draft beside it
// changes nothing), else the newest draft's, on both databases.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq, sql } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../../../../test/helpers/db.ts";
import { charterEditions, charterVersions } from "../schema.ts";
import { chartersWithTitles, listCharters, shownVersion } from "./queries.ts";

for (const kind of DB_KINDS) {
  describe(`charters with the titles their editions show on ${kind}`, () => {
    let database: TestDatabase;
    let tambonId = 0;

    before(async () => {
      database = await openTestDatabase(kind, { demo: true });
      const [row] = await database.rows<{ id: number }>(
        sql`select id from tambons where slug = 'la-ngu'`,
      );
      tambonId = row!.id;
    });
    after(async () => {
      await database?.drop();
    });

    /** A new version of an edition with its own title, made the edition's current one. */
    async function newDraft(editionId: number, title: string) {
      const [base] = await database.db
        .select()
        .from(charterVersions)
        .where(eq(charterVersions.editionId, editionId))
        .limit(1);
      const [made] = await database.db
        .insert(charterVersions)
        .values({
          tambonId,
          editionId,
          number: 100 + editionId,
          doc: { ...base!.doc, title },
          note: "",
          source: "edit",
        })
        .returning({ id: charterVersions.id });
      await database.db
        .update(charterEditions)
        .set({ currentVersionId: made!.id })
        .where(eq(charterEditions.id, editionId));
    }

    test("each edition's title is its shown version's, and the rows are listCharters'", async () => {
      const check = async () => {
        const withTitles = await chartersWithTitles(database.db, tambonId);
        assert.deepEqual(
          withTitles.map(({ charter, editions }) => ({ charter, editions })),
          await listCharters(database.db, tambonId),
        );
        let editions = 0;
        for (const { editions: list, titles } of withTitles)
          for (const edition of list) {
            editions++;
            assert.equal(
              titles?.[edition.id],
              (await shownVersion(database.db, edition)).doc.title,
            );
          }
        assert.ok(editions >= 2, "the demo charter has an adopted edition and another");
        return withTitles;
      };
      const before = await check();
      const editions = before.flatMap((c) => c.editions);
      const adopted = editions.find((e) => e.adoptedVersionId !== null)!;
      const draft = editions.find((e) => e.adoptedVersionId === null)!;
      await newDraft(adopted.id, "ร่างใหม่ของฉบับที่ใช้อยู่");
      await newDraft(draft.id, "ร่างใหม่");
      const after = await check();
      const titles = Object.assign({}, ...after.map((c) => c.titles)) as Record<string, string>;
      assert.equal(
        titles[adopted.id],
        before.find((c) => c.titles?.[adopted.id])!.titles![adopted.id],
      );
      assert.notEqual(titles[adopted.id], "ร่างใหม่ของฉบับที่ใช้อยู่", "the adopted version stays");
      assert.equal(titles[draft.id], "ร่างใหม่", "a draft edition shows its newest version");
    });
  });
}
