import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";

/** A response body with its compressed forms and validator, made once and served many times. */
export interface Prepared {
  type: string;
  etag: string;
  identity: Buffer;
  readonly gzip: Buffer;
  readonly br: Buffer;
}

/**
 * Computes a body's ETag; its brotli and gzip forms are made on first use and then kept, so a page
 * asked only once is compressed once, in the one encoding its visitor accepts. Static assets are
 * compressed at brotli's `quality` 9 (once, at start). A rendered page gives `first` too: the
 * quicker level it is compressed at when first sent (most pages kept for a search or a deep page
 * are never asked again), and `quality` once it is sent again and has shown it is worth more work.
 */
export function prepare(
  body: string | Buffer,
  type: string,
  opts: { quality?: number; first?: number } = {},
): Prepared {
  const identity = typeof body === "string" ? Buffer.from(body) : body;
  const quality = opts.quality ?? 9;
  let gzip: Buffer | undefined;
  let br: Buffer | undefined;
  let brQuality = 0;
  const brotli = (q: number) => {
    brQuality = q;
    return brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: q,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    });
  };
  return {
    type,
    etag: `"${createHash("sha256").update(identity).digest("base64url").slice(0, 22)}"`,
    identity,
    get gzip() {
      return (gzip ??= gzipSync(identity, { level: 6 }));
    },
    get br() {
      if (!br) br = brotli(opts.first !== undefined ? Math.min(opts.first, quality) : quality);
      else if (brQuality < quality) br = brotli(quality);
      return br;
    },
  };
}

/** Sends a prepared body: 304 when the browser has it, else the best encoding it accepts. */
export function sendPrepared(
  req: FastifyRequest,
  reply: FastifyReply,
  p: Prepared,
  cacheControl: string,
) {
  reply
    .header("content-type", p.type)
    .header("etag", p.etag)
    .header("cache-control", cacheControl)
    .header("vary", "accept-encoding");
  if (req.headers["if-none-match"] === p.etag) return reply.code(304).send();
  const accept = String(req.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accept)) return reply.header("content-encoding", "br").send(p.br);
  if (/\bgzip\b/.test(accept)) return reply.header("content-encoding", "gzip").send(p.gzip);
  return reply.send(p.identity);
}

/**
 * A map bounded in entries and in bytes (each value says what it holds): keeping a value makes
 * room by dropping the oldest entries first; a value larger than the whole bound is not kept.
 */
class BoundedMap<V extends { bytes: number }> {
  private map = new Map<string, V>();
  private held = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** How much the map holds: entries and their bytes. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.map.size, bytes: this.held };
  }

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  delete(key: string): void {
    const e = this.map.get(key);
    if (!e) return;
    this.held -= e.bytes;
    this.map.delete(key);
  }

  set(key: string, value: V): void {
    this.delete(key);
    if (value.bytes > this.maxBytes) return;
    while (this.map.size >= this.maxEntries || this.held + value.bytes > this.maxBytes) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    this.held += value.bytes;
    this.map.set(key, value);
  }
}

function isPrepared(value: unknown): value is Prepared {
  return (
    typeof value === "object" &&
    value !== null &&
    "etag" in value &&
    Buffer.isBuffer((value as { identity?: unknown }).identity)
  );
}

/** What a prepared body holds in memory: its bytes, and half again for its compressed forms. */
function preparedBytes(p: Prepared): number {
  return Math.ceil(p.identity.length * 1.5);
}

interface Entry {
  prepared: Prepared;
  /** What the entry holds in memory, counted against the cache's bound. */
  bytes: number;
  tambonId: number | null;
  generation: string;
  expires: number;
  /** Until when one request is rendering the page again (0: none is). */
  refreshing: number;
}

/** How long one request may take to render an expired page again before another tries. */
const REFRESH_MS = 10_000;

/**
 * Rendered public pages kept in memory for anonymous visitors. Any change to a tambon (every
 * command writes an audit row, and every POST ends) drops that tambon's pages and the network's
 * pages, in every instance on one PostgreSQL (db/notify.ts); a short lifetime covers what changes
 * with time alone (a news item's publishing time, a hearing's end). The cache is bounded
 * in entries and in bytes (a page's body, and half of it again for its compressed forms); the
 * oldest entries leave first.
 */
export class PageCache {
  private generations = new Map<number, number>();
  private everything = 0;
  private network = 0;

  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 5_000,
    private readonly maxBytes = 64 * 1024 * 1024,
    /** How long past its lifetime an unchanged page is served while one request renders it. */
    private readonly staleMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {
    this.pages = new BoundedMap(maxEntries, maxBytes);
    this.data = new BoundedMap(maxEntries, maxBytes / 2);
  }

  private readonly pages: BoundedMap<Entry>;

  /** How much the cache holds: pages and their bytes. */
  get size(): { entries: number; bytes: number } {
    return this.pages.size;
  }

  /** The current generation of a tambon's pages (taken before rendering). */
  generation(tambonId: number | null): string {
    if (tambonId === null) return `n${this.network}`;
    return `${this.everything}:${this.generations.get(tambonId) ?? 0}`;
  }

  /** Pages answered from the cache, and looked up in vain (for /metrics). */
  hits = 0;
  misses = 0;

  /**
   * A cached page: a fresh one; or, once its lifetime is over but nothing has changed since it was
   * rendered, the same page while one request renders it again (stale while revalidating). So
   * when a busy page expires, one visitor waits for its render and the others are answered at
   * once, instead of all rendering it together behind the database. A page of a tambon that
   * changed is never served.
   */
  get(key: string): Prepared | undefined {
    const e = this.pages.get(key);
    const now = this.now();
    if (e && (e.generation !== this.generation(e.tambonId) || e.expires + this.staleMs < now))
      this.pages.delete(key);
    else if (e && (e.expires >= now || e.refreshing > now)) {
      this.hits++;
      return e.prepared;
    } else if (e) e.refreshing = now + REFRESH_MS; // this request renders it again
    this.misses++;
    return undefined;
  }

  /** Keeps a page rendered at the given generation (dropped if a change happened meanwhile). */
  set(key: string, tambonId: number | null, generation: string, prepared: Prepared): void {
    if (generation !== this.generation(tambonId)) return;
    this.pages.set(key, {
      prepared,
      bytes: preparedBytes(prepared) + key.length * 2,
      tambonId,
      generation,
      expires: this.now() + this.ttlMs,
      refreshing: 0,
    });
  }

  /** Kept data: half the pages' bound in bytes (see `memo`). */
  private readonly data: BoundedMap<{
    value: unknown;
    generation: string;
    expires: number;
    bytes: number;
  }>;

  /** How much kept data the cache holds: values and their approximate bytes. */
  get dataSize(): { entries: number; bytes: number } {
    return this.data.size;
  }

  /**
   * Data derived from a tambon's rows, kept until that tambon changes (or the lifetime ends).
   * Bounded as the pages are, in entries and in bytes (half the pages' bound; a value's size is
   * taken from its JSON when it is kept, so a news item's text counts): the oldest leave first,
   * and a value larger than a quarter of the bound is not kept. A prepared body (a feed, a
   * sitemap) is sized as the pages are.
   */
  async memo<T>(tambonId: number | null, key: string, load: () => Promise<T>): Promise<T> {
    const k = `${tambonId}:${key}`;
    const generation = this.generation(tambonId);
    const hit = this.data.get(k);
    if (hit && hit.generation === generation && hit.expires > this.now()) return hit.value as T;
    const value = await load();
    if (generation === this.generation(tambonId)) {
      const bytes = 64 + k.length * 2 + approximateBytes(value);
      // A value over a quarter of the data's bound would push out most of what is kept.
      if (bytes > this.maxBytes / 8) this.data.delete(k);
      else this.data.set(k, { value, generation, expires: this.now() + this.ttlMs, bytes });
    }
    return value;
  }

  /** Drops the pages of a tambon and of the network (null: everything). */
  invalidate(tambonId: number | null): void {
    this.network++;
    if (tambonId === null) this.everything++;
    else this.generations.set(tambonId, (this.generations.get(tambonId) ?? 0) + 1);
  }
}

/**
 * About how many bytes a value holds in memory: its JSON's characters, two bytes each. A prepared
 * body is sized by its bytes: its JSON would compress it (its getters) and write every byte out
 * as a number, several times its size.
 */
function approximateBytes(value: unknown): number {
  if (isPrepared(value)) return preparedBytes(value);
  try {
    return 2 * (JSON.stringify(value)?.length ?? 0);
  } catch {
    return 1024; // a value JSON cannot write (a cycle, a bigint): counted as a small one
  }
}

/** The process-wide page cache (commands invalidate it through the audit log). */
export const pageCache = new PageCache();
