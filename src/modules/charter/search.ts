import type { DbOrTx } from "../../core/db/index.ts";
import type { SearchSource } from "../../core/modules.ts";
import { replaceInSearch, type SearchDocument } from "../site/public.ts";
import { clausesInForce } from "./charters/queries.ts";

/**
 * A clause's id in the search: clause keys are numbered per charter, so the charter's id is put in
 * front (a charter numbers far fewer than 100,000 clauses in its life).
 */
export const clauseRef = (charterId: number, clauseKey: number) => charterId * 100_000 + clauseKey;

/** The clauses of a tambon's charters in force as search documents, linked to the clause. */
export async function clauseDocuments(db: DbOrTx, tambonId: number): Promise<SearchDocument[]> {
  return (await clausesInForce(db, tambonId)).map(({ charter, edition, doc, clause, number }) => ({
    kind: "clause",
    refId: clauseRef(charter.id, clause.key),
    title: `${doc.title || charter.nameTh} ข้อ ${number}`,
    body: clause.text,
    url: `/charter-editions/${edition.id}#c-${clause.key}`,
  }));
}

/** Puts the clauses in force of a tambon in the search (an edition adopted); inside the command. */
export async function syncCharterSearch(tx: DbOrTx, tambonId: number): Promise<void> {
  await replaceInSearch(tx, tambonId, ["clause"], await clauseDocuments(tx, tambonId));
}

/** The charter module's part of the search. */
export const charterSearch: SearchSource = {
  kinds: ["clause"],
  documents: clauseDocuments,
};
