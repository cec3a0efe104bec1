import {
  type Clause,
  type CharterDoc,
  CLOSING,
  LIMITS,
  cleanText,
  numberDoc,
  findClause,
} from "./document.ts";

// The changes the drafting page makes to a charter document (see document.ts), each applied to
// a copy and refused with an error named for the field it concerns.

/** A change to the document, as the drafting page sends it. */
export type DocOp =
  | { op: "setTitle"; text: string }
  | { op: "setPreamble"; text: string }
  | { op: "addDefinition"; term: string; meaning: string }
  | { op: "editDefinition"; key: number; term: string; meaning: string }
  | { op: "deleteDefinition"; key: number }
  | { op: "moveDefinition"; key: number; dir: "up" | "down" }
  | { op: "addChapter"; title: string; after?: number }
  | { op: "renameChapter"; key: number; title: string }
  | { op: "moveChapter"; key: number; dir: "up" | "down" }
  | { op: "splitChapter"; key: number; at: number; title: string }
  | { op: "mergeChapter"; key: number }
  | { op: "deleteChapter"; key: number }
  | { op: "addClause"; chapter: number; text: string; after?: number }
  | { op: "editClause"; key: number; text: string }
  | { op: "moveClause"; key: number; dir: "up" | "down" }
  | { op: "moveClauseTo"; key: number; chapter: number }
  | { op: "splitClause"; key: number; first: string; second: string }
  | { op: "mergeClause"; key: number }
  | { op: "deleteClause"; key: number };

/** The names of the operations. */
export const OPS = [
  "setTitle",
  "setPreamble",
  "addDefinition",
  "editDefinition",
  "deleteDefinition",
  "moveDefinition",
  "addChapter",
  "renameChapter",
  "moveChapter",
  "splitChapter",
  "mergeChapter",
  "deleteChapter",
  "addClause",
  "editClause",
  "moveClause",
  "moveClauseTo",
  "splitClause",
  "mergeClause",
  "deleteClause",
] as const satisfies readonly DocOp["op"][];

/** Why an operation could not be applied. */
export type DocError =
  "notFound" | "empty" | "tooLong" | "tooMany" | "notEmpty" | "noNeighbour" | "sameText";

/** The outcome of an operation: the new document and the next free key, or an error. */
export type OpResult =
  { ok: true; doc: CharterDoc; nextKey: number } | { ok: false; error: DocError; field: string };

/** The sections of a document in order: the chapters' clause lists, then the closing clauses. */
function sections(doc: CharterDoc): { key: number; clauses: Clause[] }[] {
  return [
    ...doc.chapters.map((c) => ({ key: c.key, clauses: c.clauses })),
    { key: CLOSING, clauses: doc.closing },
  ];
}

function locate(doc: CharterDoc, key: number): { s: number; i: number; list: Clause[] } | null {
  const secs = sections(doc);
  for (let s = 0; s < secs.length; s++) {
    const i = secs[s]!.clauses.findIndex((cl) => cl.key === key);
    if (i >= 0) return { s, i, list: secs[s]!.clauses };
  }
  return null;
}

function sectionList(doc: CharterDoc, section: number): Clause[] | null {
  if (section === CLOSING) return doc.closing;
  return doc.chapters.find((c) => c.key === section)?.clauses ?? null;
}

const fail = (error: DocError, field: string): OpResult => ({ ok: false, error, field });

function checkText(text: string, max: number, field: string, allowEmpty = false): OpResult | null {
  if (!allowEmpty && !text) return fail("empty", field);
  if (text.length > max) return fail("tooLong", field);
  return null;
}

function swap<T>(list: T[], i: number, j: number): boolean {
  if (j < 0 || j >= list.length) return false;
  [list[i], list[j]] = [list[j]!, list[i]!];
  return true;
}

/** A chapter's title as cleaned, or its error; a new chapter (`adding`) must also leave room for one more. */
function chapterTitle(doc: CharterDoc, raw: string, adding: boolean): string | OpResult {
  const title = cleanText(raw);
  const bad = checkText(title, LIMITS.chapterTitle, "title");
  if (bad) return bad;
  if (adding && doc.chapters.length >= LIMITS.chapters) return fail("tooMany", "title");
  return title;
}

/** Moves the item with this key one place up or down its list: an error when it has no neighbour there. */
function moveByKey(list: { key: number }[], key: number, dir: "up" | "down"): OpResult | null {
  const i = list.findIndex((x) => x.key === key);
  if (i < 0) return fail("notFound", "_form");
  if (!swap(list, i, dir === "up" ? i - 1 : i + 1)) return fail("noNeighbour", "_form");
  return null;
}

/**
 * Applies one operation to a copy of the document. New chapters, clauses and definitions take
 * keys from `nextKey` on; the returned `nextKey` is the next free one.
 */
export function applyOp(original: CharterDoc, op: DocOp, nextKey: number): OpResult {
  const doc = structuredClone(original);
  let key = nextKey;
  const done = (): OpResult => ({ ok: true, doc, nextKey: key });
  const clauseCount = () => numberDoc(doc).clauses;
  switch (op.op) {
    case "setTitle": {
      const text = cleanText(op.text);
      const bad = checkText(text, LIMITS.title, "text");
      if (bad) return bad;
      doc.title = text;
      return done();
    }
    case "setPreamble": {
      const text = cleanText(op.text);
      const bad = checkText(text, LIMITS.preamble, "text", true);
      if (bad) return bad;
      doc.preamble = text;
      return done();
    }
    case "addDefinition":
    case "editDefinition": {
      const term = cleanText(op.term);
      const meaning = cleanText(op.meaning);
      const bad =
        checkText(term, LIMITS.term, "term") ?? checkText(meaning, LIMITS.meaning, "meaning");
      if (bad) return bad;
      if (op.op === "addDefinition") {
        if (doc.definitions.length >= LIMITS.definitions) return fail("tooMany", "term");
        doc.definitions.push({ key: key++, term, meaning });
        return done();
      }
      const d = doc.definitions.find((x) => x.key === op.key);
      if (!d) return fail("notFound", "_form");
      d.term = term;
      d.meaning = meaning;
      return done();
    }
    case "deleteDefinition": {
      const i = doc.definitions.findIndex((x) => x.key === op.key);
      if (i < 0) return fail("notFound", "_form");
      doc.definitions.splice(i, 1);
      return done();
    }
    case "moveDefinition":
      return moveByKey(doc.definitions, op.key, op.dir) ?? done();
    case "addChapter": {
      const title = chapterTitle(doc, op.title, true);
      if (typeof title !== "string") return title;
      const at =
        op.after === undefined
          ? doc.chapters.length
          : doc.chapters.findIndex((c) => c.key === op.after) + 1;
      if (at === 0 && op.after !== undefined) return fail("notFound", "_form");
      doc.chapters.splice(at, 0, { key: key++, title, clauses: [] });
      return done();
    }
    case "renameChapter": {
      const title = chapterTitle(doc, op.title, false);
      if (typeof title !== "string") return title;
      const c = doc.chapters.find((x) => x.key === op.key);
      if (!c) return fail("notFound", "_form");
      c.title = title;
      return done();
    }
    case "moveChapter":
      return moveByKey(doc.chapters, op.key, op.dir) ?? done();
    case "splitChapter": {
      const title = chapterTitle(doc, op.title, true);
      if (typeof title !== "string") return title;
      const i = doc.chapters.findIndex((x) => x.key === op.key);
      if (i < 0) return fail("notFound", "_form");
      const chapter = doc.chapters[i]!;
      const at = chapter.clauses.findIndex((cl) => cl.key === op.at);
      if (at < 0) return fail("notFound", "at");
      if (at === 0) return fail("noNeighbour", "at");
      const moved = chapter.clauses.splice(at);
      doc.chapters.splice(i + 1, 0, { key: key++, title, clauses: moved });
      return done();
    }
    case "mergeChapter": {
      const i = doc.chapters.findIndex((x) => x.key === op.key);
      if (i < 0) return fail("notFound", "_form");
      const next = doc.chapters[i + 1];
      if (!next) return fail("noNeighbour", "_form");
      doc.chapters[i]!.clauses.push(...next.clauses);
      doc.chapters.splice(i + 1, 1);
      return done();
    }
    case "deleteChapter": {
      const i = doc.chapters.findIndex((x) => x.key === op.key);
      if (i < 0) return fail("notFound", "_form");
      if (doc.chapters[i]!.clauses.length) return fail("notEmpty", "_form");
      doc.chapters.splice(i, 1);
      return done();
    }
    case "addClause": {
      const text = cleanText(op.text);
      const bad = checkText(text, LIMITS.clause, "text");
      if (bad) return bad;
      if (clauseCount() >= LIMITS.clauses) return fail("tooMany", "text");
      const list = sectionList(doc, op.chapter);
      if (!list) return fail("notFound", "chapter");
      const at =
        op.after === undefined ? list.length : list.findIndex((cl) => cl.key === op.after) + 1;
      if (at === 0 && op.after !== undefined) return fail("notFound", "_form");
      list.splice(at, 0, { key: key++, text });
      return done();
    }
    case "editClause": {
      const text = cleanText(op.text);
      const bad = checkText(text, LIMITS.clause, "text");
      if (bad) return bad;
      const clause = findClause(doc, op.key);
      if (!clause) return fail("notFound", "_form");
      if (clause.text === text) return fail("sameText", "text");
      clause.text = text;
      return done();
    }
    case "moveClause": {
      const at = locate(doc, op.key);
      if (!at) return fail("notFound", "_form");
      const secs = sections(doc);
      if (op.dir === "up") {
        if (at.i > 0) swap(at.list, at.i, at.i - 1);
        else {
          const prev = secs[at.s - 1];
          if (!prev) return fail("noNeighbour", "_form");
          prev.clauses.push(...at.list.splice(at.i, 1));
        }
      } else if (at.i < at.list.length - 1) swap(at.list, at.i, at.i + 1);
      else {
        const next = secs[at.s + 1];
        if (!next) return fail("noNeighbour", "_form");
        next.clauses.unshift(...at.list.splice(at.i, 1));
      }
      return done();
    }
    case "moveClauseTo": {
      const at = locate(doc, op.key);
      if (!at) return fail("notFound", "_form");
      const target = sectionList(doc, op.chapter);
      if (!target) return fail("notFound", "chapter");
      if (target === at.list) return fail("noNeighbour", "chapter");
      target.push(...at.list.splice(at.i, 1));
      return done();
    }
    case "splitClause": {
      const first = cleanText(op.first);
      const second = cleanText(op.second);
      const bad =
        checkText(first, LIMITS.clause, "first") ?? checkText(second, LIMITS.clause, "second");
      if (bad) return bad;
      if (clauseCount() >= LIMITS.clauses) return fail("tooMany", "second");
      const at = locate(doc, op.key);
      if (!at) return fail("notFound", "_form");
      at.list[at.i]!.text = first;
      at.list.splice(at.i + 1, 0, { key: key++, text: second });
      return done();
    }
    case "mergeClause": {
      const at = locate(doc, op.key);
      if (!at) return fail("notFound", "_form");
      const next = at.list[at.i + 1];
      if (!next) return fail("noNeighbour", "_form");
      const text = `${at.list[at.i]!.text}\n\n${next.text}`;
      if (text.length > LIMITS.clause) return fail("tooLong", "_form");
      at.list[at.i]!.text = text;
      at.list.splice(at.i + 1, 1);
      return done();
    }
    case "deleteClause": {
      const at = locate(doc, op.key);
      if (!at) return fail("notFound", "_form");
      at.list.splice(at.i, 1);
      return done();
    }
  }
}
