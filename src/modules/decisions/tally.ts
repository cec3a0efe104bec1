// The vote count of a question: delegation chains (fluid democracy) and the Schulze ranking,
// following shared/specs/voting.md (LiquidFeedback core v3 semantics plus the tambon extensions).
//
// Layers, from the outside in:
//   tallyJson(text)  -> JSON text in, output bytes out (what `tambon tally` prints)
//   tally(input)     -> parsed input object in, plain result object out
//   toTallyColumns(input) -> validated input as flat typed arrays (TallyColumns)
//   countTally(cols) -> the count itself on typed arrays (TallyCount)
//   renderTallyJson / renderTallyJsonChunks / toTallyResult -> output from a TallyCount
//
// Files: tally-types.ts (the shapes), tally-input.ts (checking the input, the columns),
// tally-count.ts with tally-ids.ts and tally-schulze.ts (the count), this file (the output).
//
// Choices where the spec leaves room (the output for a policy without maxWeight has exactly the
// fields of the spec):
// - Ids (members, alternatives) are non-negative safe integers, so that object keys sort
//   numerically; villages are strings.
// - Lenient input: a delegation scope may also be written "area:<id>" (applies only when <id> is
//   String(question.area)) or "question:<id>" (applies only when <id> is String(question.id), or
//   always when the question has no id); delegations that do not apply are ignored, two that apply
//   at the same level are an error as before. "majority": null and "quorum": null mean the
//   defaults; a numeric village counts as its string, a missing village as "".
// - A delegation to oneself is treated as a loop: unless that member votes, their vote is lost.
// - A member with voting right who casts a ballot votes themselves even if they also delegated.
// - Delegations and ballots of members absent from `members` are validated but otherwise ignored;
//   a chain reaching such a member is lost. Unknown object keys are ignored.
// - maxWeight: a direct voter counts min(weight, maxWeight). The excess stays with nobody: it is
//   reported per voter in `capped` (only voters with an excess) and in total in `weightCapped`.
//   `weights` then gives counted (capped) weights, so their sum is `weightCounted`, and
//   weightCounted + weightLost + weightCapped = members with an applicable delegation or a ballot.
//   Chains still list every member whose chain reaches a direct voter. Both extra fields appear
//   whenever maxWeight is not null (`capped` is left out with --summary, like weights and chains).
// - Quorum thresholds are whole numbers: required weight = ceil(quorum × members with voting
//   right) and required villages = ceil(villagesFraction × villages), where a product within 1e-9
//   (relative) of an integer counts as that integer (0.07 × 100 = 7.000000000000001 requires 7).
// - A failed quorum is reported as {"kind":"quorum","required","actual","missing"}; a failed
//   village quorum as {"kind":"villageQuorum","minPerVillage","villagesRequired","villagesMet",
//   "missing","villages":[{"village","voters","missing"}]} listing every village short of
//   minPerVillage (ascending by village), where the top-level `missing` counts villages.
// - Output is compact JSON (JSON.stringify without indentation) followed by "\n"; object keys of
//   `weights`, `capped` and `chains` are member ids in ascending numeric order.

import {
  type TallyInput,
  type TallyResult,
  type TallyOutputOptions,
  type TallyCount,
} from "./tally-types.ts";
import { toTallyColumns, parseTallyInput } from "./tally-input.ts";
import { countTally } from "./tally-count.ts";
import { pick } from "../../core/pick.ts";

const cappedWeight = (w: number, cap: number | null): number => (cap !== null && w > cap ? cap : w);

/** The result as a plain object; JSON.stringify of it gives the same bytes as renderTallyJson. */
export function toTallyResult(count: TallyCount, opts: TallyOutputOptions = {}): TallyResult {
  const result: TallyResult = {
    ...pick(count, "voters", "weightCounted", "weightLost"),
    ...(count.maxWeight !== null ? { weightCapped: count.weightCapped } : {}),
    alternatives: count.alternatives.map((a) => ({ ...a })),
    statusQuoRank: count.statusQuoRank,
    winner: count.winner,
    quorum: structuredClone(count.quorum),
  };
  if (opts.summary) return result;
  const { ids, voted, next, weight, final, maxWeight } = count;
  const n = ids.length;
  const weights: Record<string, number> = {};
  const capped: Record<string, number> = {};
  const chains: Record<string, number[]> = {};
  for (let i = 0; i < n; i++) {
    if (!voted[i]) continue;
    const w = weight[i]!;
    weights[String(ids[i])] = cappedWeight(w, maxWeight);
    if (maxWeight !== null && w > maxWeight) capped[String(ids[i])] = w - maxWeight;
  }
  for (let i = 0; i < n; i++) {
    if (voted[i] || final[i]! < 0) continue;
    const path = [ids[i]!];
    let j = i;
    while (!voted[j]) {
      j = next[j]!;
      path.push(ids[j]!);
    }
    chains[String(ids[i])] = path;
  }
  result.weights = weights;
  if (maxWeight !== null) result.capped = capped;
  result.chains = chains;
  return result;
}

const CHUNK_PIECES = 16384;

/** The output JSON (compact, ending in "\n") as a sequence of string chunks, for streaming. */
export function* renderTallyJsonChunks(
  count: TallyCount,
  opts: TallyOutputOptions = {},
): Generator<string> {
  let head =
    `{"voters":${count.voters},"weightCounted":${count.weightCounted},` +
    `"weightLost":${count.weightLost}`;
  if (count.maxWeight !== null) head += `,"weightCapped":${count.weightCapped}`;
  head +=
    `,"alternatives":${JSON.stringify(count.alternatives)},"statusQuoRank":${count.statusQuoRank}` +
    `,"winner":${count.winner === null ? "null" : count.winner}` +
    `,"quorum":${JSON.stringify(count.quorum)}`;
  if (opts.summary) {
    yield `${head}}\n`;
    return;
  }
  const { ids, voted, next, weight, final, maxWeight } = count;
  const n = ids.length;
  // Pieces are buffered in order and yielded as one chunk every CHUNK_PIECES pieces.
  let buf: string[] = [head, `,"weights":{`];
  let sep = "";
  const entry = (text: string): boolean => {
    buf.push(sep, text);
    sep = ",";
    return buf.length >= CHUNK_PIECES;
  };
  const take = (): string => {
    const text = buf.join("");
    buf = [];
    return text;
  };
  for (let i = 0; i < n; i++) {
    if (!voted[i]) continue;
    if (entry(`"${ids[i]}":${cappedWeight(weight[i]!, maxWeight)}`)) yield take();
  }
  buf.push("}");
  if (maxWeight !== null) {
    buf.push(`,"capped":{`);
    sep = "";
    for (let i = 0; i < n; i++) {
      if (!voted[i] || weight[i]! <= maxWeight) continue;
      if (entry(`"${ids[i]}":${weight[i]! - maxWeight}`)) yield take();
    }
    buf.push("}");
  }
  buf.push(`,"chains":{`);
  sep = "";
  for (let i = 0; i < n; i++) {
    if (voted[i] || final[i]! < 0) continue;
    const id = ids[i]!;
    let path = `"${id}":[${id}`;
    let j = i;
    while (!voted[j]) {
      j = next[j]!;
      path += `,${ids[j]}`;
    }
    if (entry(`${path}]`)) yield take();
  }
  buf.push("}}\n");
  yield take();
}

/** The output JSON (compact, ending in "\n") as one string. */
export function renderTallyJson(count: TallyCount, opts: TallyOutputOptions = {}): string {
  let text = "";
  for (const chunk of renderTallyJsonChunks(count, opts)) text += chunk;
  return text;
}

/** Counts a parsed input object and returns the result object (throws TallyInputError). */
export function tally(input: TallyInput, opts: TallyOutputOptions = {}): TallyResult {
  return toTallyResult(countTally(toTallyColumns(input)), opts);
}

/** Counts JSON input text and returns the output bytes as a string (throws TallyInputError). */
export function tallyJson(text: string, opts: TallyOutputOptions = {}): string {
  return renderTallyJson(countTally(toTallyColumns(parseTallyInput(text))), opts);
}
