import { createHash } from "node:crypto";
import { pick } from "../../core/pick.ts";

/** One link of a tambon's decision record. */
export interface ChainEvent {
  seq: number;
  kind: string;
  questionId: number | null;
  payload: Record<string, unknown>;
  at: string;
  prevHash: string;
  hash: string;
}

/** The hash before the first event of a tambon. */
export const GENESIS = "0".repeat(64);

/** JSON with object keys sorted at every level, so equal values always give equal bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(",")}}`;
}

/** The hash of an event: SHA-256 over the previous hash and the event's canonical content. */
export function eventHash(e: Omit<ChainEvent, "hash">): string {
  const content = canonicalJson({
    ...pick(e, "seq", "kind", "questionId", "payload", "at"),
  });
  return createHash("sha256").update(`${e.prevHash}\n${content}`).digest("hex");
}

/** Checks a run of events from the first: each links to the one before and hashes right. */
export function verifyChain(
  events: ChainEvent[],
): { ok: true; last: string } | { ok: false; seq: number; reason: string } {
  let prev = GENESIS;
  let expectSeq = 1;
  for (const e of events) {
    if (e.seq !== expectSeq)
      return { ok: false, seq: e.seq, reason: `expected event ${expectSeq}` };
    if (e.prevHash !== prev)
      return { ok: false, seq: e.seq, reason: "does not link to the event before" };
    if (eventHash(e) !== e.hash)
      return { ok: false, seq: e.seq, reason: "content does not match its hash" };
    prev = e.hash;
    expectSeq++;
  }
  return { ok: true, last: prev };
}

/** SHA-256 hex of a text. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
