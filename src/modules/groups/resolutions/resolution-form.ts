import { z } from "zod";
import { fields, parseForm } from "../../../core/forms.ts";
import { parseId } from "../../../core/params.ts";
import { fail, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import {
  countVotes,
  DECISION_METHODS,
  isVoteChoice,
  type Counts,
  type DecisionMethod,
  type VoteChoice,
} from "./resolution.ts";
import { pick } from "../../../core/pick.ts";

const schema = z.object({
  textTh: fields.text(8000),
  textEn: fields.optionalText(8000),
  method: fields.choice(DECISION_METHODS),
  agendaItemId: fields.optionalInt(1, 2 ** 31 - 1),
  votesFor: fields.optionalInt(0, 1_000_000),
  votesAgainst: fields.optionalInt(0, 1_000_000),
  votesAbstain: fields.optionalInt(0, 1_000_000),
});

/** A resolution form: the fields, the individual votes (attendance id → choice) and the nominations it approves. */
export interface ResolutionInput {
  body: Record<string, string>;
  votes: Record<string, string>;
  approveNominationIds: string[];
}

export type Parsed = {
  textTh: string;
  textEn: string;
  method: DecisionMethod;
  agendaItemId: number | null;
  counts: Counts | null;
  votes: Map<number, VoteChoice>;
};

/** The fields of a resolution form, with its counts or individual votes. */
export function parseResolution(
  input: ResolutionInput,
  allowIndividual: boolean,
): Result<Parsed, GroupsKey | CoreKey> {
  const parsed = parseForm(schema, input.body);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const votes = new Map<number, VoteChoice>();
  let counts: Counts | null = null;
  if (v.method === "show_of_hands" || (v.method === "individual_votes" && !allowIndividual)) {
    if (v.votesFor === null || v.votesAgainst === null) return fail("votesFor", "err.counts");
    counts = { for: v.votesFor, against: v.votesAgainst, abstain: v.votesAbstain ?? 0 };
  } else if (v.method === "individual_votes") {
    for (const [k, choice] of Object.entries(input.votes)) {
      const id = parseId(k);
      if (id === null || !choice) continue;
      if (!isVoteChoice(choice)) return fail("votes", "err.choice");
      votes.set(id, choice);
    }
    if (!votes.size) return fail("votes", "err.noVotes");
    counts = countVotes([...votes.values()].map((choice) => ({ choice })));
  }
  return {
    ok: true,
    value: {
      ...pick(v, "textTh", "textEn", "method", "agendaItemId"),
      counts,
      votes,
    },
  };
}
