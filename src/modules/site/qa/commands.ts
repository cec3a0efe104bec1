import { z } from "zod";
import { fields, parseForm } from "../../../core/forms.ts";
import { type Db } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { siteQuestions } from "../schema.ts";
import { type SiteKey } from "../messages.ts";
import { auditSite } from "../shared/fields.ts";
import { tambonRow, tambonWhere } from "../../../core/db/tambon-row.ts";
import { updateOwned } from "../shared/save-row.ts";

/** A question row. */
export type Question = typeof siteQuestions.$inferSelect;

const askSchema = z.object({ question: fields.text(2_000) });
const answerSchema = z.object({ answer: fields.text(5_000) });
const hideSchema = z.object({ reason: fields.text(500) });

/** A member asks a question in public; it waits for staff to answer it. */
export async function askQuestion(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
): Promise<Result<Question, SiteKey | CoreKey>> {
  if (!actor.user || !can(actor, "site.ask", { tambonId })) return refused();
  const parsed = parseForm(askSchema, input);
  if (!parsed.ok) return parsed;
  const user = actor.user;
  return db.transaction(async (tx) => {
    const [q] = await tx
      .insert(siteQuestions)
      .values({ tambonId, askedBy: user.id, askerName: user.name, question: parsed.value.question })
      .returning();
    await auditSite(tx, actor, tambonId, "site.question.ask", "site_question", q!.id, {
      question: q!.question,
    });
    return ok(q!);
  });
}

/** Staff answer a question (or change their answer); the question is shown with it at once. */
export async function answerQuestion(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
  input: Record<string, string>,
): Promise<Result<Question, SiteKey | CoreKey>> {
  if (!can(actor, "site.moderate", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    // Another tambon's question is missing here, whatever the form holds.
    const before = await tambonRow(tx, siteQuestions, tambonId, id);
    if (!before) return missing();
    const parsed = parseForm(answerSchema, input);
    if (!parsed.ok) return parsed;
    const [q] = await updateOwned(tx, siteQuestions, tambonId, id, {
      answer: parsed.value.answer,
      status: "answered",
      reason: "",
      answeredBy: actor.user?.id ?? null,
      answeredAt: new Date(),
    });
    await auditSite(
      tx,
      actor,
      tambonId,
      "site.question.answer",
      "site_question",
      id,
      { status: "answered", answer: q!.answer },
      { status: before.status, answer: before.answer },
    );
    return ok(q!);
  });
}

/** Staff hide a question (abuse, personal data, off topic), with the reason recorded. */
export async function hideQuestion(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
  input: Record<string, string>,
): Promise<Result<true, SiteKey | CoreKey>> {
  if (!can(actor, "site.moderate", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: siteQuestions.status })
      .from(siteQuestions)
      .where(tambonWhere(siteQuestions, tambonId, { id }));
    if (!before) return missing();
    const parsed = parseForm(hideSchema, input);
    if (!parsed.ok) return parsed;
    if (before.status === "hidden") return fail("reason", "qa.alreadyHidden");
    await tx
      .update(siteQuestions)
      .set({ status: "hidden", reason: parsed.value.reason })
      .where(tambonWhere(siteQuestions, tambonId, { id }));
    await auditSite(
      tx,
      actor,
      tambonId,
      "site.question.hide",
      "site_question",
      id,
      { status: "hidden", reason: parsed.value.reason },
      { status: before.status },
    );
    return ok(true as const);
  });
}
