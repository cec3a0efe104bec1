import { createHmac, timingSafeEqual } from "node:crypto";

/** Where the LINE Messaging API answers unless LINE_API_URL says otherwise. */
export const LINE_API_URL = "https://api.line.me";

/** A LINE text message holds at most 5,000 characters. */
const MAX_TEXT = 5000;

/** How one push went: sent, worth another try later, refused for good, or LINE not reached. */
export type PushOutcome =
  | { kind: "sent" }
  | { kind: "retry"; error: string }
  | { kind: "refused"; error: string }
  | { kind: "unreachable"; error: string };

/**
 * Pushes one text message to a LINE user through a tambon's channel. The retry key (a UUID kept
 * with the notice) makes LINE accept a message once however often it is sent: a 409 answer means
 * an earlier attempt was delivered.
 */
export async function pushText(
  baseUrl: string,
  token: string,
  to: string,
  text: string,
  retryKey: string,
): Promise<PushOutcome> {
  let res: Response;
  try {
    res = await fetch(new URL("/v2/bot/message/push", baseUrl), {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "x-line-retry-key": retryKey,
      },
      body: JSON.stringify({ to, messages: [{ type: "text", text: text.slice(0, MAX_TEXT) }] }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { kind: "unreachable", error: cause ?? (err as Error).name ?? "network error" };
  }
  const detail = (await res.text().catch(() => "")).slice(0, 300);
  if (res.ok || res.status === 409) return { kind: "sent" };
  const error = `HTTP ${res.status}${detail ? `: ${detail}` : ""}`;
  if (res.status === 429 || res.status >= 500) return { kind: "retry", error };
  return { kind: "refused", error };
}

/** The signature LINE puts in `x-line-signature`: base64 HMAC-SHA256 of the raw body. */
export function lineSignature(channelSecret: string, rawBody: string | Buffer): string {
  return createHmac("sha256", channelSecret).update(rawBody).digest("base64");
}

/** Whether a webhook request's signature is the channel's (compared in constant time). */
export function validLineSignature(
  channelSecret: string,
  rawBody: string | Buffer,
  header: unknown,
): boolean {
  if (typeof header !== "string" || !header) return false;
  const expected = Buffer.from(lineSignature(channelSecret, rawBody));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The link that opens a chat with the tambon's account with the code typed in (and adds it). */
export function addFriendUrl(basicId: string, code: string): string {
  return `https://line.me/R/oaMessage/${encodeURIComponent(basicId)}/?${encodeURIComponent(code)}`;
}
