// Secret ballots (policy `private`): what is published and how it is checked.
//
// A voter gets a receipt code r; the server keeps only h = sha256(r) next to the ballot (it needs
// to know who voted, for the delegation weights). Nothing published or exported joins a member to
// grades:
// - the ballot's chain event records only the commitment sha256("commit:" + h);
// - at closing, a ballot counted with weight w is published as w entries
//   (sha256(h + ":" + i), grades) for i = 1..w, each of weight 1, sorted by hash; the entries
//   of one ballot cannot be told apart from other entries without r;
// - the tally input kept and exported lists who voted (ballots with empty grades) for the
//   delegation weights, and the entries carry the grades.
// The recount (`tallySecret`) counts weights, chains and quorums from the input and the grades
// from the entries; it gives the same result as counting the ballots with their members.
import { createHmac } from "node:crypto";
import { sha256 } from "./hash-chain.ts";
import { tally } from "./tally.ts";
import { type TallyInput, type TallyResult } from "./tally-types.ts";

/** One published entry of a secret ballot list: weight 1. */
export interface SecretEntry {
  hash: string;
  grades: Record<string, number>;
}

/** The commitment a secret ballot's chain event records (reveals neither member nor entries). */
export function ballotCommitment(receiptHash: string): string {
  return sha256(`commit:${receiptHash}`);
}

/** The hash of the i-th (1-based) published entry of a secret ballot. */
export function entryHash(receiptHash: string, i: number): string {
  return sha256(`${receiptHash}:${i}`);
}

/** The published entries of secret ballots, given each direct voter's counted weight. */
export function secretEntries(
  rows: { member: number; receiptHash: string | null; grades: Record<string, number> }[],
  weights: Record<string, number>,
): SecretEntry[] {
  const out: SecretEntry[] = [];
  for (const row of rows) {
    const w = weights[String(row.member)] ?? 0;
    if (!row.receiptHash) continue;
    for (let i = 1; i <= w; i++)
      out.push({ hash: entryHash(row.receiptHash, i), grades: row.grades });
  }
  return out.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
}

/** The letters of a receipt code: Crockford's base 32 (no I, L, O, U), one case, read aloud easily. */
const RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A receipt code as typed, reduced to what is hashed: capitals, without spaces or dashes, and the
 * letters people confuse read as the digits they look like (O → 0, I and L → 1).
 */
export function normalizeReceipt(code: string): string {
  return code
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐-―_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

/**
 * The receipt code of a secret ballot: 20 letters of Crockford's base 32 (100 bits), shown in
 * groups of four ("7K3Q-…"), derived with the installation's secret from the ballot (tambon,
 * question, voter, the moment it was cast). Nobody without the secret can compute it; the server
 * can give the voter their code again while the ballot stands (`receiptAgain`), which adds nothing
 * to what it could already link: it keeps `h = sha256(code)` beside the ballot for the weights.
 */
export function receiptFor(
  secret: string,
  ballot: { tambonId: number; questionId: number; userId: number; castAt: Date },
): string {
  const mac = createHmac("sha256", `tambon-receipt:${secret}`)
    .update(
      `${ballot.tambonId}:${ballot.questionId}:${ballot.userId}:${ballot.castAt.toISOString()}`,
    )
    .digest();
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of mac) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 20) {
      out += RECEIPT_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= 0xff;
    if (out.length >= 20) break;
  }
  return out.match(/.{4}/g)!.join("-");
}

/** The hash kept beside a secret ballot for its receipt code (of the normalised code). */
export function receiptHash(code: string): string {
  return sha256(normalizeReceipt(code));
}

/**
 * A voter's receipt code again, for them alone while their ballot stands: derived again and shown
 * only when it is the one whose hash is kept (a ballot cast before codes were derived has none).
 */
export function receiptAgain(
  secret: string,
  ballot: {
    tambonId: number;
    questionId: number;
    userId: number;
    updatedAt: Date;
    receiptHash: string | null;
  },
): string | null {
  if (!ballot.receiptHash) return null;
  const code = receiptFor(secret, { ...ballot, castAt: ballot.updatedAt });
  return receiptHash(code) === ballot.receiptHash ? code : null;
}

/**
 * What a receipt code finds in a published list: the grades and how many entries (the weight).
 * The code is read however it was typed (case, spaces, dashes); a code of the older kind
 * (case-sensitive letters) is also tried exactly as typed.
 */
export function findReceipt(
  entries: SecretEntry[],
  code: string,
): { grades: Record<string, number>; weight: number } | null {
  const byHash = new Map(entries.map((e) => [e.hash, e]));
  for (const h of new Set([receiptHash(code), sha256(code.trim())])) {
    const first = byHash.get(entryHash(h, 1));
    if (!first) continue;
    let weight = 1;
    while (byHash.has(entryHash(h, weight + 1))) weight++;
    return { grades: first.grades, weight };
  }
  return null;
}

/** The tally input without grades: who voted (for the weights), as kept for a secret question. */
export function withoutGrades(input: TallyInput): TallyInput {
  return {
    ...input,
    ballots: (input.ballots ?? []).map((b) => ({ member: b.member, grades: {} })),
  };
}

/**
 * Counts a secret question from its grade-less input and its published entries: voters,
 * weights, chains and quorums from the input; approval, ranks and winner from the entries.
 */
export function tallySecret(input: TallyInput, entries: SecretEntry[]): TallyResult {
  const part = tally(input);
  const policy = input.policy ?? {};
  const grades = tally({
    members: entries.map((_, i) => ({ id: i, village: "" })),
    question: { alternatives: input.question.alternatives },
    ballots: entries.map((e, i) => ({ member: i, grades: e.grades })),
    policy: { majority: policy.majority ?? null, maxWeight: null, villageQuorum: null },
  });
  return {
    ...part,
    alternatives: grades.alternatives,
    statusQuoRank: grades.statusQuoRank,
    winner: part.quorum.met ? grades.winner : null,
  };
}
