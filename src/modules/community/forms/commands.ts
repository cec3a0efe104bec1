import { z } from "zod";
import { refuseUnconfirmedChange } from "../../../core/unconfirmed.ts";
import { isDeepStrictEqual } from "node:util";
import { desc } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, missing, ok, refused, type FieldError, type Result } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { forms, formVersions, indicatorSources } from "../schema.ts";
import { FORM_LEVELS, type FormStatus } from "../shared/kinds.ts";
import type { FormDefinition } from "./definition.ts";
import { checkDefinition } from "./logic.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** What a forms command answers: errors carry the module's keys (form.*) or core's. */
export type FormsResult<T> = Result<T, string | CoreKey>;
const ACTION = "community.manage";

const createSchema = z.object({
  title: fields.text(200),
  description: fields.optionalText(2000),
  level: fields.choice(FORM_LEVELS),
});

/** A new form with an empty draft. */
export async function createForm(
  db: Db,
  actor: Actor,
  tambonId: number,
  body: Record<string, string>,
): Promise<FormsResult<{ id: number }>> {
  if (!can(actor, ACTION, { tambonId })) return refused();
  const parsed = parseForm(createSchema, body);
  if (!parsed.ok) return parsed;
  const { title, description, level } = parsed.value;
  return db.transaction(async (tx) => {
    const draft: FormDefinition = { title: { th: title }, formId: "form", items: [], choices: {} };
    const [row] = await tx
      .insert(forms)
      .values({ tambonId, title, description, level, draft, createdBy: actor.user?.id ?? null })
      .returning({ id: forms.id });
    const id = row!.id;
    await tx
      .update(forms)
      .set({ draft: { ...draft, formId: `form_${id}` } })
      .where(tambonWhere(forms, tambonId, { id }));
    await auditBy(tx, actor, tambonId, {
      action: "community.form.create",
      targetType: "community_form",
      targetId: id,
      after: { title, level },
    });
    return ok({ id });
  });
}

/**
 * Changes a form's draft: `edit` gets the stored draft and answers the new one or errors per
 * field; the draft is stored (and audited with `what`) only when the edit succeeds. A question
 * `renamed` by the edit takes the indicator links that name it along (each change audited), as
 * the draft's expressions follow it.
 */
export async function changeDraft(
  db: Db,
  actor: Actor,
  tambonId: number,
  formId: number,
  what: Record<string, unknown>,
  edit: (
    def: FormDefinition,
  ) => Result<FormDefinition, string> | { ok: false; errors: Record<string, FieldError<string>> },
  renamed?: { from: string; to: string },
): Promise<FormsResult<FormDefinition>> {
  if (!can(actor, ACTION, { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const [form] = await tx
      .select({ id: forms.id, draft: forms.draft })
      .from(forms)
      .where(tambonWhere(forms, tambonId, { id: formId }))
      .for("update");
    if (!form) return missing();
    const next = edit(form.draft);
    if (!next.ok) return next;
    await tx
      .update(forms)
      .set({ draft: next.value, updatedAt: new Date() })
      .where(tambonWhere(forms, tambonId, { id: formId }));
    await auditBy(tx, actor, tambonId, {
      action: "community.form.draft",
      targetType: "community_form",
      targetId: formId,
      after: what,
    });
    if (renamed && renamed.from !== renamed.to) {
      const moved = await tx
        .update(indicatorSources)
        .set({ question: renamed.to })
        .where(tambonWhere(indicatorSources, tambonId, { formId, question: renamed.from }))
        .returning({ id: indicatorSources.id, indicatorId: indicatorSources.indicatorId });
      for (const link of moved)
        await auditBy(tx, actor, tambonId, {
          action: "community.indicator.link",
          targetType: "community_indicator_source",
          targetId: link.id,
          before: { indicatorId: link.indicatorId, formId, question: renamed.from },
          after: { indicatorId: link.indicatorId, formId, question: renamed.to },
        });
    }
    return ok(next.value);
  });
}

/**
 * Publishes the draft as the next version (phones fill it from then on). A draft that fails
 * `checkDefinition` is refused; the problems are listed by `publishProblems`.
 */
export async function publishForm(
  db: Db,
  actor: Actor,
  tambonId: number,
  formId: number,
): Promise<FormsResult<{ version: number }>> {
  if (!can(actor, ACTION, { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const [form] = await tx
      .select({ ...pick(forms, "id", "draft", "title") })
      .from(forms)
      .where(tambonWhere(forms, tambonId, { id: formId }))
      .for("update");
    if (!form) return missing();
    if (publishProblems(form.draft).length) return fail("_form", "form.publishErrors");
    const definition = { ...form.draft, title: { ...form.draft.title, th: form.title } };
    // The form is locked, so a publication sent twice at once waits for the first; it then finds
    // the draft already published as the latest version and adds no copy of it.
    const [last] = await tx
      .select({ version: formVersions.version, definition: formVersions.definition })
      .from(formVersions)
      .where(tambonWhere(formVersions, tambonId, { formId }))
      .orderBy(desc(formVersions.version))
      .limit(1);
    if (last && isDeepStrictEqual(last.definition, definition)) {
      // Nothing to change, yet a publication not confirmed is still asked to be.
      refuseUnconfirmedChange();
      return ok({ version: last.version });
    }
    const version = (last?.version ?? 0) + 1;
    await tx.insert(formVersions).values({
      tambonId,
      formId,
      version,
      definition,
      publishedBy: actor.user?.id ?? null,
    });
    await tx
      .update(forms)
      .set({ currentVersion: version, updatedAt: new Date() })
      .where(tambonWhere(forms, tambonId, { id: formId }));
    await auditBy(tx, actor, tambonId, {
      action: "community.form.publish",
      targetType: "community_form",
      targetId: formId,
      after: { version },
    });
    return ok({ version });
  });
}

/** What stops a draft from being published (an empty draft too). */
export function publishProblems(def: FormDefinition) {
  const problems = checkDefinition(def);
  if (def.items.length === 0)
    problems.push({ path: "", key: "def.emptyGroup", vars: { name: "" } });
  return problems;
}

/** Opens a published form for collection, or closes it. */
export async function setFormStatus(
  db: Db,
  actor: Actor,
  tambonId: number,
  formId: number,
  status: Exclude<FormStatus, "draft">,
): Promise<FormsResult<{ status: FormStatus }>> {
  if (!can(actor, ACTION, { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const [form] = await tx
      .select({ status: forms.status, currentVersion: forms.currentVersion })
      .from(forms)
      .where(tambonWhere(forms, tambonId, { id: formId }))
      .for("update");
    if (!form) return missing();
    if (status === "open" && form.currentVersion === null)
      return fail("_form", "form.needsVersion");
    await tx
      .update(forms)
      .set({ status, updatedAt: new Date() })
      .where(tambonWhere(forms, tambonId, { id: formId }));
    await auditBy(tx, actor, tambonId, {
      action: "community.form.status",
      targetType: "community_form",
      targetId: formId,
      before: { status: form.status },
      after: { status },
    });
    return ok({ status });
  });
}
