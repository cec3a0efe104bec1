import type { FastifyRequest } from "fastify";
import type { Db } from "../../../core/db/index.ts";
import { currentTambon, requireUser } from "../../../core/http.ts";
import { parseId, parseSearch } from "../../../core/params.ts";
import { areaName, keptAreas } from "../../areas/public.ts";
import { msg } from "../messages.ts";
import { hasVotingRight, namesOf, villageWordsOf, votersOf } from "../shared/queries.ts";
import { applicableTrustees, previewPath, reverseGraph, trustersOf } from "../delegation.ts";
import {
  delegationsForQuestions,
  delegationsOf,
  openQuestions,
  votersByQuestion,
} from "./queries.ts";
import { DelegationsPage, type ScopeRow } from "./views.tsx";

/**
 * The "my delegations" page: the actor's delegation per scope, where their vote would go on each
 * open question, and who delegates to them (chains stop at members who voted themselves).
 */
export async function delegationsPage(db: Db, req: FastifyRequest, error: string | null) {
  const tambon = currentTambon(req);
  const me = requireUser(req);
  const t = msg.t(req.lang);
  const areas = await keptAreas(db, tambon.id);
  const open = await openQuestions(db, tambon.id);
  const mine = await delegationsOf(db, tambon.id, me.id);
  const voters = await votersOf(db, tambon.id);
  const villageWords = await villageWordsOf(db, tambon.id, req.lang);
  const nameOf = new Map(voters.map((v) => [v.id, v.name]));
  const trusteeIds = mine.map((d) => d.trusteeId).filter((x): x is number => x !== null);
  for (const [id, name] of await namesOf(db, trusteeIds)) if (!nameOf.has(id)) nameOf.set(id, name);
  const named = (id: number) => nameOf.get(id) ?? `#${id}`;
  const row = (scope: ScopeRow["scope"], id: number | null, label: string): ScopeRow => {
    const d = mine.find(
      (x) =>
        x.scope === scope &&
        (scope === "tambon" || (scope === "area" ? x.areaId === id : x.questionId === id)),
    );
    return {
      scope,
      id,
      label,
      delegationId: d?.id ?? null,
      trustee: d?.trusteeId ? named(d.trusteeId) : null,
      blocked: !!d && d.trusteeId === null,
    };
  };
  const focus = parseId((req.query as Record<string, string | undefined>).question);
  const rows: ScopeRow[] = [
    row("tambon", null, t("del.scopeTambon")),
    ...areas.map((a) => row("area", a.id, t("del.scopeArea", { name: areaName(a, req.lang) }))),
    ...open.map((q) => row("question", q.id, t("del.scopeQuestion", { name: q.title }))),
  ];
  const right = new Set(voters.map((v) => v.id));
  const hasRight = (id: number) => right.has(id);
  // All delegations that can apply to the open questions, read once; each question then gets
  // its truster → trustee map and reverse graph in one pass (no per-member scans).
  const dels = await delegationsForQuestions(
    db,
    tambon.id,
    open.map((q) => q.id),
  );
  // Only questions in voting have ballots that end chains ("what would happen now").
  const votedBy = await votersByQuestion(
    db,
    tambon.id,
    open.filter((q) => q.phase === "voting").map((q) => q.id),
  );
  const previews = [];
  const toMe: { label: string; entries: { name: string; via: string[] }[] }[] = [];
  for (const q of open) {
    const trustees = applicableTrustees(dels, q);
    const voted = new Set([...(votedBy.get(q.id) ?? [])].filter(hasRight));
    const p = previewPath(trustees, me.id, voted, hasRight);
    previews.push({ questionId: q.id, title: q.title, path: p.path.map(named), end: p.end });
    const trusters = trustersOf(reverseGraph(trustees, hasRight), me.id, voted);
    toMe.push({
      label: q.title,
      entries: trusters.map((e) => ({ name: named(e.id), via: e.via.map(named) })),
    });
  }
  const candidates = voters
    .filter((v) => v.id !== me.id)
    .map((v) => ({
      value: String(v.id),
      label: `${v.name} (${villageWords.get(v.village) ?? ""})`,
    }));
  // A long list of members is searched (by part of a name or village) rather than scrolled.
  const who = parseSearch((req.query as Record<string, string | undefined>).who);
  const needle = who.toLocaleLowerCase("th");
  const found = who
    ? candidates.filter((c) => c.label.toLocaleLowerCase("th").includes(needle))
    : null;
  return (
    <DelegationsPage
      rows={rows}
      candidates={candidates}
      who={who}
      found={found}
      toMe={toMe}
      previews={previews}
      error={error}
      canDelegate={await hasVotingRight(db, tambon.id, me.id)}
      focus={focus ? `question:${focus}` : "tambon:"}
    />
  );
}
