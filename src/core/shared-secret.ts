import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "./db/index.ts";
import { installationFacts } from "./db/schema.ts";
import { CliError } from "./cli.ts";

/** The row of `installation_facts` that holds the secret's fingerprint. */
export const SECRET_FINGERPRINT = "secret-fingerprint";

/**
 * What the database keeps of the installation secret: an HMAC of a fixed label under it. It tells
 * whether two instances hold the same secret and says nothing of the secret itself.
 */
export function secretFingerprint(secret: string): string {
  return createHmac("sha256", secret).update("tambon: the installation secret, v1").digest("hex");
}

/**
 * Refuses to start an instance whose secret is not the one of the database: every instance on one
 * PostgreSQL must share `TAMBON_SECRET` (CSRF tokens, sessions, receipt codes and the LINE tokens
 * kept encrypted derive from it). The first start keeps the fingerprint; a later one with another
 * secret fails with one line (exit code 2). The fingerprint is written at most once, whoever wins.
 */
export async function checkSharedSecret(database: Database, secret: string): Promise<void> {
  const mine = secretFingerprint(secret);
  await database.db
    .insert(installationFacts)
    .values({ name: SECRET_FINGERPRINT, value: mine })
    .onConflictDoNothing();
  const [kept] = await database.db
    .select({ value: installationFacts.value })
    .from(installationFacts)
    .where(eq(installationFacts.name, SECRET_FINGERPRINT));
  const same =
    kept !== undefined &&
    kept.value.length === mine.length &&
    timingSafeEqual(Buffer.from(kept.value), Buffer.from(mine));
  if (!same)
    throw new CliError(
      "TAMBON_SECRET: not the secret this database was started with (its fingerprint differs); give every instance the same TAMBON_SECRET / คีย์ลับไม่ตรงกับที่ฐานข้อมูลนี้ใช้ ทุกเครื่องต้องใช้ TAMBON_SECRET เดียวกัน",
      2,
    );
}
