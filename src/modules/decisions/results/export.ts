import { asc } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import { decisionEvents, questionResults } from "../schema.ts";
import { chainUpTo } from "../shared/events.ts";
import { getQuestion } from "../shared/queries.ts";
import { canonicalJson, sha256, verifyChain, type ChainEvent } from "../hash-chain.ts";
import { tally } from "../tally.ts";
import { type TallyInput, type TallyResult } from "../tally-types.ts";
import { tallySecret, type SecretEntry } from "../secret-ballots.ts";
import { tambonRows } from "../../../core/db/tambon-row.ts";

/** Everything needed to recount a closed question and check its record, as one JSON document. */
export interface QuestionExport {
  format: "tambon-question-export/1";
  question: {
    id: number;
    title: string;
    tambonId: number;
    areaId: number;
    closedAt: string | null;
  };
  /** The tally input kept at closing; for a secret question its ballots carry no grades. */
  input: TallyInput;
  /** Secret questions only: the anonymous entries (weight 1 each) that carry the grades. */
  secretBallots?: SecretEntry[];
  result: TallyResult;
  inputHash: string;
  chainHash: string;
  events: ChainEvent[];
}

/** Builds the export of a closed question: the tally input at closing, the stored result and the hash chain up to the closing. */
export async function exportQuestion(
  db: Db,
  tambonId: number,
  questionId: number,
): Promise<QuestionExport> {
  const found = await getQuestion(db, tambonId, questionId);
  if (!found) throw new Error(`no question ${questionId} in this tambon`);
  if (found.question.phase !== "closed") throw new Error(`question ${questionId} is not closed`);
  const [stored] = await tambonRows(db, questionResults, tambonId, { questionId });
  if (!stored) throw new Error(`question ${questionId} has no stored result`);
  const [closing] = await tambonRows(
    db,
    decisionEvents,
    tambonId,
    { questionId, kind: "question.closed" },
    asc(decisionEvents.seq),
  );
  const input = stored.input as TallyInput;
  return {
    format: "tambon-question-export/1",
    question: {
      id: questionId,
      title: found.question.title,
      tambonId,
      areaId: found.question.areaId,
      closedAt: found.question.closedAt?.toISOString() ?? null,
    },
    input,
    ...(found.rules.secrecy === "private" ? { secretBallots: stored.ballotList ?? [] } : {}),
    result: stored.result as TallyResult,
    inputHash: stored.inputHash,
    chainHash: stored.chainHash,
    events: await chainUpTo(db, tambonId, closing!.seq),
  };
}

/** The outcome of verifying an export. */
export interface Verification {
  ok: boolean;
  problems: string[];
}

/**
 * Recounts an export and checks its hashes: input hash, recomputed result, hash chain and closing
 * event. A secret question is recounted from its grade-less input and its anonymous entries.
 */
export function verifyExport(data: QuestionExport): Verification {
  const problems: string[] = [];
  if (data.format !== "tambon-question-export/1")
    problems.push(`unknown format ${String(data.format)}`);
  const secret = data.secretBallots;
  const kept = secret ? { input: data.input, secretBallots: secret } : data.input;
  if (sha256(canonicalJson(kept)) !== data.inputHash)
    problems.push("the input does not match its hash");
  if (secret) {
    if ((data.input.ballots ?? []).some((b) => Object.keys(b.grades).length > 0))
      problems.push("the input of a secret question shows grades of members");
    if (secret.length !== data.result.weightCounted)
      problems.push("the secret ballot list does not match the counted weight");
    if (new Set(secret.map((e) => e.hash)).size !== secret.length)
      problems.push("the secret ballot list repeats an entry");
  }
  const recount = secret ? tallySecret(data.input, secret) : tally(data.input);
  if (canonicalJson(recount) !== canonicalJson(data.result))
    problems.push("the recount differs from the published result");
  const chain = verifyChain(data.events);
  if (!chain.ok) problems.push(`hash chain broken at event ${chain.seq}: ${chain.reason}`);
  else if (chain.last !== data.chainHash)
    problems.push("the chain does not end at the published final hash");
  const closing = data.events[data.events.length - 1];
  if (!closing || closing.kind !== "question.closed" || closing.questionId !== data.question.id)
    problems.push("the chain does not end with this question's closing");
  else {
    if (closing.payload.inputHash !== data.inputHash)
      problems.push("the closing event records another input");
    if (closing.payload.resultHash !== sha256(canonicalJson(data.result)))
      problems.push("the closing event records another result");
  }
  return { ok: problems.length === 0, problems };
}
