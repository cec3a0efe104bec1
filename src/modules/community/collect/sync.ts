import { eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { villages } from "../../../core/db/schema.ts";
import type { Db, Tx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { putImage } from "../../../core/file-store.ts";
import { reencodeImage } from "../../../core/uploads.ts";
import type { Actor } from "../../../core/roles.ts";
import {
  formVersions,
  forms,
  households,
  people,
  recordChanges,
  rounds,
  submissions,
} from "../schema.ts";
import { photoSlots, type Answers, type FormDefinition } from "../forms/definition.ts";
import { cleanAnswers, validateAnswers } from "../forms/logic.ts";
import type { SubmissionStatus } from "../shared/kinds.ts";
import type { ParsedItem, SyncItem } from "./payload.ts";
import { applyMembers, memberConflict, planMembers } from "./members.ts";
import { recomputeIndicators } from "../indicators/compute.ts";
import { latestSubmissionId } from "../submissions/queries.ts";
import { can } from "../../../core/policy.ts";
import { allows, personalScope, type PersonalScope } from "../access.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Why one submission of a sync was not taken (message keys `collect.reason.*`). */
export type RefusalReason =
  | "payload"
  | "form"
  | "household"
  | "person"
  | "village"
  | "round"
  | "answers"
  | "photo"
  | "forbidden";

/** What the server answers for each submission of a sync. */
export type SyncOutcome =
  | { clientId: string; status: SubmissionStatus; id: number; conflictWith?: number | null }
  | { clientId: string; status: "refused"; reason: RefusalReason; detail?: string };

/** The longest side of a stored collected photo. */
export const PHOTO_MAX_SIDE = 1600;

class Refusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

type Received = { id: number; status: SubmissionStatus; conflictWith: number | null };

/** The stored results of the client ids already received, by client id. */
async function received(
  db: Db | Tx,
  tambonId: number,
  clientIds: string[],
): Promise<Map<string, Received>> {
  if (!clientIds.length) return new Map();
  const rows = await db
    .select({
      ...pick(submissions, "clientId", "id", "status", "conflictWith"),
    })
    .from(submissions)
    .where(tambonWhere(submissions, tambonId, { clientId: anyOf(clientIds) }));
  return new Map(rows.map(({ clientId, ...r }) => [clientId!, r]));
}

/** Stores the photos the answers name (files of the request), re-encoded; their ids replace the names. */
async function storePhotos(
  tx: Tx,
  tambonId: number,
  def: FormDefinition,
  answers: Answers,
  photos: ReadonlyMap<string, Buffer>,
): Promise<void> {
  for (const [holder, name] of photoSlots(def.items, answers)) {
    // A phone names a file part of its request; a number would claim a file already stored.
    const part = holder[name];
    const data = typeof part === "string" ? photos.get(part) : undefined;
    if (!data) throw new Refusal("photo", name);
    const made = await reencodeImage(data, { maxWidth: PHOTO_MAX_SIDE, format: "jpeg" });
    if (!made.ok) throw new Refusal("photo", name);
    const stored = await putImage(tx, made.image, {
      tambonId,
      kind: "community.photo",
      name: `${name}.jpg`,
    });
    holder[name] = stored.main.id;
  }
}

/** The form version a submission names, when it is a version of an open form of this tambon. */
async function formVersionOf(tx: Tx, tambonId: number, versionId: number) {
  const [row] = await tx
    .select({
      ...pick(formVersions, "id", "formId", "definition"),
      level: forms.level,
    })
    .from(formVersions)
    .innerJoin(forms, eq(forms.id, formVersions.formId))
    .where(
      tambonWhere(
        formVersions,
        tambonId,
        { id: versionId },
        eq(forms.tambonId, tambonId),
        inArray(forms.status, ["open", "closed"]),
      ),
    );
  return row ?? null;
}

/**
 * The id of the submission accepted for the same household, form and round since the phone's
 * base version (it started from that version or a later one), which a submission from an older
 * version would silently overwrite.
 */
const acceptedSince = (tx: Tx, tambonId: number, item: SyncItem, formId: number) =>
  latestSubmissionId(
    tx,
    tambonId,
    { householdId: item.householdId!, formId },
    item.roundId === null ? isNull(submissions.roundId) : eq(submissions.roundId, item.roundId),
    inArray(submissions.status, ["accepted", "resolved"]),
    gte(submissions.baseVersion, item.baseVersion ?? 0),
  );

/**
 * Takes one submission in its own savepoint of the sync's transaction (what it wrote is undone
 * when it is refused); throws a Refusal for what it cannot take.
 */
async function takeOne(
  outer: Tx,
  actor: Actor,
  tambonId: number,
  scope: PersonalScope,
  item: SyncItem,
  photos: ReadonlyMap<string, Buffer>,
): Promise<SyncOutcome> {
  return outer.transaction(async (tx) => {
    const version = await formVersionOf(tx, tambonId, item.formVersionId);
    if (!version) throw new Refusal("form");
    let villageId: number;
    let household: { id: number; version: number } | null = null;
    if (version.level === "household") {
      if (!item.householdId) throw new Refusal("household");
      const [h] = await tx
        .select({ ...pick(households, "id", "villageId", "version") })
        .from(households)
        .where(tambonWhere(households, tambonId, { id: item.householdId }))
        .for("update");
      if (!h || !allows(scope, h.villageId)) throw new Refusal("household");
      villageId = h.villageId;
      household = h;
    } else if (version.level === "person") {
      const [p] = item.personId
        ? await tx
            .select({ villageId: people.villageId, householdId: people.householdId })
            .from(people)
            .where(tambonWhere(people, tambonId, { id: item.personId }))
        : [];
      if (!p || !allows(scope, p.villageId)) throw new Refusal("person");
      villageId = p.villageId;
      item = { ...item, householdId: p.householdId };
    } else {
      if (!item.villageId || !allows(scope, item.villageId)) throw new Refusal("village");
      const [v] = await tx
        .select({ id: villages.id })
        .from(villages)
        .where(tambonWhere(villages, tambonId, { id: item.villageId }));
      if (!v) throw new Refusal("village");
      villageId = item.villageId;
    }
    if (item.roundId !== null) {
      const [r] = await tx
        .select({ id: rounds.id })
        .from(rounds)
        .where(tambonWhere(rounds, tambonId, { id: item.roundId, formId: version.formId }));
      if (!r) throw new Refusal("round");
    }
    const answers = cleanAnswers(version.definition, structuredClone(item.answers));
    await storePhotos(tx, tambonId, version.definition, answers, photos);
    const errors = validateAnswers(version.definition, answers);
    if (errors.length)
      throw new Refusal("answers", errors.map((e) => `${e.path}: ${e.key}`).join("; "));

    let status: SubmissionStatus = "accepted";
    let conflictWith: number | null = null;
    if (household && item.baseVersion !== null && household.version !== item.baseVersion) {
      const other = await acceptedSince(tx, tambonId, item, version.formId);
      if (other !== undefined) {
        status = "conflict";
        conflictWith = other;
      }
    }
    // The members' repeat changes the household's people: held too when one of them was changed
    // since the phone's base version.
    const planned =
      household && status === "accepted"
        ? await planMembers(tx, tambonId, household.id, version.definition, answers)
        : [];
    if (household && planned.length) {
      const clash = await memberConflict(tx, tambonId, household.id, item.baseVersion, planned);
      if (clash) {
        status = "conflict";
        conflictWith = clash.submissionId;
      }
    }
    const [row] = await tx
      .insert(submissions)
      .values({
        tambonId,
        clientId: item.clientId,
        formId: version.formId,
        formVersionId: version.id,
        roundId: item.roundId,
        villageId,
        householdId: item.householdId,
        personId: version.level === "person" ? item.personId : null,
        answers,
        baseVersion: item.baseVersion,
        status,
        conflictWith,
        submittedBy: actor.user?.id ?? null,
        collectedAt: item.collectedAt ? new Date(item.collectedAt) : null,
      })
      .returning({ id: submissions.id });
    const id = row!.id;
    if (household && status === "accepted" && planned.length) {
      const done = await applyMembers(tx, tambonId, household.id, planned, {
        actorId: actor.user?.id ?? null,
        submissionId: id,
        scope,
      });
      if (!done) throw new Refusal("person");
      // Each entry now names its person (erasing that person removes the entry).
      await tx
        .update(submissions)
        .set({ answers })
        .where(tambonWhere(submissions, tambonId, { id }));
    }
    if (household && status === "accepted") {
      // A household's version counts what was taken about it: a phone that started from an
      // older one collides with this submission instead of overwriting it.
      const [bumped] = await tx
        .update(households)
        .set({ version: sql`${households.version} + 1`, updatedAt: new Date() })
        .where(tambonWhere(households, tambonId, { id: household.id }))
        .returning({ version: households.version });
      await tx.insert(recordChanges).values({
        tambonId,
        entity: "household",
        entityId: household.id,
        version: bumped!.version,
        action: "update",
        changes: { submission: [null, id] },
        via: "sync",
        submissionId: id,
        byUser: actor.user?.id ?? null,
      });
    }
    await auditBy(tx, actor, tambonId, {
      action: "community.submission.sync",
      targetType: "community_submission",
      targetId: id,
      after: {
        clientId: item.clientId,
        formId: version.formId,
        formVersionId: version.id,
        householdId: item.householdId,
        status,
        conflictWith,
      },
    });
    return { clientId: item.clientId, status, id, conflictWith };
  });
}

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
};

/**
 * Takes the submissions of one sync, each on its own: a client id already received answers what
 * was stored and stores nothing new; an item the actor may not send (another tambon's form, a
 * household outside her villages, answers that break the form) is refused with a reason while
 * the others still go; a submission made from an older version of a household that someone else's
 * accepted submission changed since is held as a conflict for a reviewer, never applied over it.
 */
export async function syncSubmissions(
  db: Db,
  actor: Actor,
  tambonId: number,
  items: ParsedItem[],
  photos: ReadonlyMap<string, Buffer> = new Map(),
): Promise<SyncOutcome[] | null> {
  if (!can(actor, "community.collect", { tambonId })) return null;
  const scope = await personalScope(db, actor, tambonId);
  if (!scope) return null;
  const out: SyncOutcome[] = [];
  // One transaction for the whole sync (one commit, not one per submission), each submission in
  // its own savepoint. The households it names are locked first, in order, so that two syncs
  // naming the same household wait for each other instead of deadlocking on the tambon's figure
  // stamp.
  await db.transaction(async (tx) => {
    const valid = items.flatMap((p) => (p.ok ? [p.item] : []));
    const known = await received(
      tx,
      tambonId,
      valid.map((i) => i.clientId),
    );
    const houses = [...new Set(valid.flatMap((i) => (i.householdId ? [i.householdId] : [])))];
    if (houses.length)
      await tx
        .select({ id: households.id })
        .from(households)
        .where(tambonWhere(households, tambonId, { id: anyOf(houses) }))
        .orderBy(households.id)
        .for("update");
    for (const parsed of items) {
      if (!parsed.ok) {
        out.push({ clientId: parsed.clientId, status: "refused", reason: "payload" });
        continue;
      }
      const item = parsed.item;
      const before = known.get(item.clientId);
      if (before) {
        out.push({ clientId: item.clientId, ...before });
        continue;
      }
      try {
        const taken = await takeOne(tx, actor, tambonId, scope, item, photos);
        if (taken.status !== "refused")
          known.set(item.clientId, {
            id: taken.id,
            status: taken.status,
            conflictWith: taken.conflictWith ?? null,
          });
        out.push(taken);
      } catch (err) {
        if (err instanceof Refusal) {
          out.push({
            clientId: item.clientId,
            status: "refused",
            reason: err.reason,
            detail: err.detail,
          });
          continue;
        }
        // The same id sent twice at once: the other request stored it.
        const again = isUniqueViolation(err)
          ? (await received(tx, tambonId, [item.clientId])).get(item.clientId)
          : undefined;
        if (!again) throw err;
        out.push({ clientId: item.clientId, ...again });
      }
    }
  });
  // Indicators of the plans computed from answers follow what was accepted.
  if (out.some((o) => o.status === "accepted"))
    await recomputeIndicators(db, tambonId, actor.user?.id ?? null);
  return out;
}
