import { eq } from "drizzle-orm";
import type { Database } from "../db/index.ts";
import { isSealed, seal, unseal, UnsealError } from "../sealed.ts";
import { lineChannels } from "./schema.ts";
import { pick } from "../pick.ts";

/**
 * A tambon's LINE channel token and channel secret are kept sealed (`src/core/sealed.ts`, a key
 * derived from TAMBON_SECRET), each bound to its tambon and column: a dump of `line_channels`
 * alone sends nothing and signs nothing. They are opened only to send (the worker), to check the
 * webhook's signature and to show their last characters to the admin.
 */
type Kept = { tambonId: number; accessToken: string; channelSecret: string };

const bound = (tambonId: number, column: "access_token" | "channel_secret") =>
  `line_channels:${tambonId}:${column}`;

/** The token or channel secret typed by the admin, as stored. */
export function sealChannelValue(
  secret: string,
  tambonId: number,
  column: "access_token" | "channel_secret",
  plain: string,
): string {
  return seal(secret, plain, bound(tambonId, column));
}

/** The channel's token and secret in the clear, or null when they do not open (another secret). */
export function openChannel(
  secret: string,
  row: Kept,
): { accessToken: string; channelSecret: string } | null {
  try {
    return {
      accessToken: unseal(secret, row.accessToken, bound(row.tambonId, "access_token")),
      channelSecret: unseal(secret, row.channelSecret, bound(row.tambonId, "channel_secret")),
    };
  } catch (err) {
    if (err instanceof UnsealError) return null;
    throw err;
  }
}

/**
 * Seals the tokens and channel secrets stored in the clear by earlier versions (run at start,
 * after the secret was checked against the database's). Idempotent: sealed values are left as
 * they are. Returns how many channels it sealed.
 */
export async function sealStoredChannels(database: Database, secret: string): Promise<number> {
  const rows = await database.db
    .select({
      ...pick(lineChannels, "tambonId", "accessToken", "channelSecret"),
    })
    .from(lineChannels);
  let sealed = 0;
  for (const row of rows) {
    if (isSealed(row.accessToken) && isSealed(row.channelSecret)) continue;
    await database.db
      .update(lineChannels)
      .set({
        accessToken: isSealed(row.accessToken)
          ? row.accessToken
          : sealChannelValue(secret, row.tambonId, "access_token", row.accessToken),
        channelSecret: isSealed(row.channelSecret)
          ? row.channelSecret
          : sealChannelValue(secret, row.tambonId, "channel_secret", row.channelSecret),
      })
      .where(eq(lineChannels.tambonId, row.tambonId));
    sealed++;
  }
  return sealed;
}
