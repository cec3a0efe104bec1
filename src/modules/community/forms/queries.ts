import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { forms, formVersions, rounds } from "../schema.ts";
import type { FormDefinition } from "./definition.ts";
import { tambonRowOf, tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A form as its pages and other parts of the module read it. */
export type FormRow = typeof forms.$inferSelect;
/** A published version of a form. */
export type FormVersionRow = typeof formVersions.$inferSelect;

/** One form of the tambon, or undefined (another tambon's form is undefined too). */
export const getForm = tambonRowOf(forms);

/** A form in the list: with how many versions and rounds it has. */
export interface FormListItem extends Omit<FormRow, "draft"> {
  versions: number;
  rounds: number;
}

/** The tambon's forms, newest first. */
export async function listForms(db: DbOrTx, tambonId: number): Promise<FormListItem[]> {
  const rows = await db
    .select({
      ...pick(
        forms,
        "id",
        "tambonId",
        "title",
        "description",
        "level",
        "status",
        "currentVersion",
        "createdBy",
        "createdAt",
        "updatedAt",
      ),
      versions: sql<number>`(select count(*) from ${formVersions} v where v.form_id = ${forms.id})`,
      rounds: sql<number>`(select count(*) from ${rounds} r where r.form_id = ${forms.id})`,
    })
    .from(forms)
    .where(eq(forms.tambonId, tambonId))
    .orderBy(desc(forms.id));
  return rows.map((r) => ({ ...r, versions: Number(r.versions), rounds: Number(r.rounds) }));
}

/** A version of a form by its number, or undefined. */
export async function getFormVersion(
  db: DbOrTx,
  tambonId: number,
  formId: number,
  version: number,
): Promise<FormVersionRow | undefined> {
  const [row] = await tambonRows(db, formVersions, tambonId, { formId, version });
  return row;
}

/** The version phones fill now (the form's current one), or undefined before the first publish. */
export async function currentVersion(
  db: DbOrTx,
  tambonId: number,
  formId: number,
): Promise<FormVersionRow | undefined> {
  const form = await getForm(db, tambonId, formId);
  if (!form?.currentVersion) return undefined;
  return getFormVersion(db, tambonId, formId, form.currentVersion);
}

/** The versions of a form, oldest first (without their definitions). */
export async function listVersions(db: DbOrTx, tambonId: number, formId: number) {
  return db
    .select({
      ...pick(formVersions, "id", "version", "publishedAt", "publishedBy"),
    })
    .from(formVersions)
    .where(tambonWhere(formVersions, tambonId, { formId }))
    .orderBy(asc(formVersions.version));
}

/** An open form with the version phones fill. */
export interface OpenForm {
  formId: number;
  title: string;
  level: FormRow["level"];
  versionId: number;
  version: number;
  definition: FormDefinition;
}

/** Joins a form to its current version (the one phones fill). */
export const ofCurrentVersion = and(
  eq(formVersions.formId, forms.id),
  eq(formVersions.version, forms.currentVersion),
)!;

/** The forms open for collection, each with its current version (for the phone app). */
export async function listOpenForms(db: DbOrTx, tambonId: number): Promise<OpenForm[]> {
  return db
    .select({
      formId: forms.id,
      title: forms.title,
      level: forms.level,
      versionId: formVersions.id,
      version: formVersions.version,
      definition: formVersions.definition,
    })
    .from(forms)
    .innerJoin(formVersions, ofCurrentVersion)
    .where(tambonWhere(forms, tambonId, { status: "open" }))
    .orderBy(asc(forms.id));
}

/** A tambon's forms by id and title, first made first; `published`: those with a version. */
export function formTitles(db: DbOrTx, tambonId: number, opts: { published?: boolean } = {}) {
  return db
    .select({ id: forms.id, title: forms.title })
    .from(forms)
    .where(
      tambonWhere(
        forms,
        tambonId,
        {},
        opts.published ? isNotNull(forms.currentVersion) : undefined,
      ),
    )
    .orderBy(asc(forms.id));
}

/** A form of the tambon with its definition: the current version's, else its draft. */
export async function formDefinitionOf(db: DbOrTx, tambonId: number, formId: number) {
  const [form] = await db
    .select({ id: forms.id, draft: forms.draft, current: formVersions.definition })
    .from(forms)
    .leftJoin(formVersions, ofCurrentVersion)
    .where(tambonWhere(forms, tambonId, { id: formId }));
  return form && { id: form.id, definition: form.current ?? form.draft };
}
