import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import { ok, refused } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import { communitySettings } from "../schema.ts";
import type { CommunityResult } from "../shared/result.ts";
import { pick } from "../../../core/pick.ts";

export type CommunitySettings = Omit<typeof communitySettings.$inferSelect, "updatedAt">;

/** A tambon's settings, or the defaults when it has saved none. */
export async function settingsOf(db: DbOrTx, tambonId: number): Promise<CommunitySettings> {
  const [row] = await db
    .select()
    .from(communitySettings)
    .where(eq(communitySettings.tambonId, tambonId));
  return row ?? { tambonId, controller: "", contact: "", defaultPurpose: "", retentionYears: 5 };
}

const schema = z.object({
  controller: fields.optionalText(300),
  contact: fields.optionalText(500),
  defaultPurpose: fields.optionalText(1000),
  retentionYears: fields.int(1, 50),
});

/** Saves the tambon's privacy settings (made when first saved), audited. */
export async function saveSettings(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
): Promise<CommunityResult<CommunitySettings>> {
  if (!can(actor, "community.privacy", { tambonId })) return refused();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return db.transaction(async (tx) => {
    const before = await settingsOf(tx, tambonId);
    const values = {
      ...pick(v, "controller", "contact", "defaultPurpose", "retentionYears"),
      updatedAt: new Date(),
    };
    await tx
      .insert(communitySettings)
      .values({
        tambonId,
        ...pick(values, "controller", "contact", "defaultPurpose", "retentionYears"),
      })
      .onConflictDoUpdate({
        target: communitySettings.tambonId,
        set: {
          ...pick(values, "controller", "contact", "defaultPurpose", "retentionYears", "updatedAt"),
        },
      });
    await auditBy(tx, actor, tambonId, {
      action: "community.settings",
      targetType: "community_settings",
      targetId: tambonId,
      before: { ...before },
      after: { ...v },
    });
    return ok({ tambonId, ...v });
  });
}
