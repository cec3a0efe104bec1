import type { Db } from "../../src/core/db/index.ts";
import type { Actor, Role } from "../../src/core/roles.ts";
import { formVersions, forms } from "../../src/modules/community/schema.ts";
import type { FormDefinition } from "../../src/modules/community/forms/definition.ts";

/** A signed-in user acting in one tambon with the given roles. */
export function tambonActor(id: number, tambonId: number, roles: Role[]): Actor {
  return {
    user: { id, name: "ทดสอบ", isNetworkAdmin: false, lang: "th" },
    roles: new Map([[tambonId, new Set(roles)]]),
    memberOf: new Set([tambonId]),
  };
}

/** An open form of the tambon whose version 1, the current one, is `definition`. */
export async function publishedForm(
  db: Db,
  tambonId: number,
  title: string,
  definition: FormDefinition,
): Promise<{ formId: number; versionId: number }> {
  const [form] = await db
    .insert(forms)
    .values({ tambonId, title, status: "open", draft: definition, currentVersion: 1 })
    .returning();
  const [version] = await db
    .insert(formVersions)
    .values({ tambonId, formId: form!.id, version: 1, definition })
    .returning();
  return { formId: form!.id, versionId: version!.id };
}
