import { randomBytes } from "node:crypto";
import type { Tx } from "../../../core/db/index.ts";
import { ballots, questionResults } from "../schema.ts";
import {
  alternativesOf,
  delegationsFor,
  votersOf,
  type VotingRules,
  type Question,
} from "../shared/queries.ts";
import { countTally } from "../tally-count.ts";
import { toTallyColumns } from "../tally-input.ts";
import { toTallyResult } from "../tally.ts";
import { type TallyInput, type TallyResult } from "../tally-types.ts";
import { appendEvent } from "../shared/events.ts";
import { canonicalJson, sha256 } from "../hash-chain.ts";
import { secretEntries, withoutGrades, type SecretEntry } from "../secret-ballots.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** The hash the closing records over what it keeps: the input, and a secret question's entries. */
export function keptInputHash(input: TallyInput, secretBallots: SecretEntry[] | null): string {
  return sha256(canonicalJson(secretBallots ? { input, secretBallots } : input));
}

/** The tally input of a question as the database holds it now (the state at closing). */
export async function tallyInputOf(
  tx: Tx,
  question: Question,
  rules: VotingRules,
): Promise<TallyInput> {
  const [members, dels, alts, rows] = await Promise.all([
    votersOf(tx, question.tambonId),
    delegationsFor(tx, question.tambonId, question),
    alternativesOf(tx, question.tambonId, question.id),
    tx
      .select({ member: ballots.userId, grades: ballots.grades })
      .from(ballots)
      .where(tambonWhere(ballots, question.tambonId, { questionId: question.id })),
  ]);
  return {
    members: members.map((m) => ({ id: m.id, village: m.village })),
    delegations: dels.map((d) => ({ truster: d.trusterId, trustee: d.trusteeId, scope: d.scope })),
    question: { area: String(question.areaId), alternatives: alts.map((a) => a.id) },
    ballots: rows.sort((a, b) => a.member - b.member),
    policy: {
      ...pick(rules, "majority", "quorum", "maxWeight"),
      villageQuorum:
        rules.minPerVillage != null
          ? { minPerVillage: rules.minPerVillage, villagesFraction: rules.villagesFraction ?? 1 }
          : null,
    },
  };
}

/** A count with its pairwise matrix (alternatives in input order, status quo last). */
export function countWithMatrix(input: TallyInput): { result: TallyResult; pairwise: number[][] } {
  const count = countTally(toTallyColumns(input));
  const k = input.question.alternatives.length + 1;
  const pairwise = Array.from({ length: k }, (_, x) =>
    Array.from({ length: k }, (_, y) => count.pairwise[x * k + y]!),
  );
  return { result: toTallyResult(count), pairwise };
}

/**
 * Counts a question at closing and stores the result with its hashes (inside the closing
 * transaction). For a secret question it keeps the input without grades and the anonymous
 * entries instead (see secret-ballots.ts), so nothing kept or exported joins a member to grades.
 */
export async function closeQuestion(tx: Tx, question: Question, rules: VotingRules): Promise<void> {
  const counted = await tallyInputOf(tx, question, rules);
  const { result, pairwise } = countWithMatrix(counted);
  let ballotList: SecretEntry[] | null = null;
  let input = counted;
  if (rules.secrecy === "private") {
    const rows = await tx
      .select({ member: ballots.userId, receiptHash: ballots.receiptHash, grades: ballots.grades })
      .from(ballots)
      .where(tambonWhere(ballots, question.tambonId, { questionId: question.id }));
    // A ballot without a receipt (cast before the voting rules became secret) gets an unguessable one.
    const withReceipts = rows.map((r) => ({
      ...r,
      receiptHash: r.receiptHash ?? sha256(randomBytes(16).toString("hex")),
    }));
    ballotList = secretEntries(withReceipts, result.weights ?? {});
    input = withoutGrades(counted);
  }
  const inputHash = keptInputHash(input, ballotList);
  const resultHash = sha256(canonicalJson(result));
  const event = await appendEvent(tx, question.tambonId, "question.closed", question.id, {
    inputHash,
    resultHash,
    winner: result.winner,
  });
  await tx.insert(questionResults).values({
    tambonId: question.tambonId,
    questionId: question.id,
    input,
    result,
    pairwise,
    membersWithRight: input.members.length,
    ballotList,
    inputHash,
    chainHash: event.hash,
  });
}
