// Member ids sorted and looked up in typed arrays, for the count (tally-count.ts).
import { fail } from "./tally-input.ts";

const TWO_32 = 4294967296;

/**
 * Sorts member ids ascending (LSD radix sort on 11-bit digits, skipping constant digits) and
 * returns them with, for each input position, its dense index (its rank in that order).
 */
export function sortMemberIds(memberIds: Float64Array): { ids: Float64Array; denseOf: Int32Array } {
  const n = memberIds.length;
  let lo = new Uint32Array(n);
  let pos = new Int32Array(n);
  let wide = false;
  for (let p = 0; p < n; p++) {
    const id = memberIds[p]!;
    lo[p] = id >>> 0;
    pos[p] = p;
    if (id >= TWO_32) wide = true;
  }
  let hi: Uint32Array | null = null;
  if (wide) {
    hi = new Uint32Array(n);
    for (let p = 0; p < n; p++) hi[p] = Math.floor(memberIds[p]! / TWO_32);
  }
  let lo2 = new Uint32Array(n);
  let pos2 = new Int32Array(n);
  let hi2: Uint32Array | null = wide ? new Uint32Array(n) : null;
  const counts = new Int32Array(2048);
  const passes: [boolean, number][] = [
    [false, 0],
    [false, 11],
    [false, 22],
    [true, 0],
    [true, 11],
  ];
  for (const [high, shift] of passes) {
    const keys = high ? hi : lo;
    if (keys === null) continue;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const b = (keys[i]! >>> shift) & 2047;
      counts[b] = counts[b]! + 1;
    }
    if (n === 0 || counts[(keys[0]! >>> shift) & 2047] === n) continue; // digit constant
    let sum = 0;
    for (let b = 0; b < 2048; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const b = (keys[i]! >>> shift) & 2047;
      const at = counts[b]!;
      counts[b] = at + 1;
      lo2[at] = lo[i]!;
      pos2[at] = pos[i]!;
      if (hi !== null && hi2 !== null) hi2[at] = hi[i]!;
    }
    [lo, lo2] = [lo2, lo];
    [pos, pos2] = [pos2, pos];
    if (hi !== null && hi2 !== null) [hi, hi2] = [hi2, hi];
  }
  const ids = new Float64Array(n);
  const denseOf = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    ids[r] = hi === null ? lo[r]! : hi[r]! * TWO_32 + lo[r]!;
    denseOf[pos[r]!] = r;
  }
  for (let r = 1; r < n; r++) {
    if (ids[r] === ids[r - 1]) {
      return fail(
        `members[${pos[r]}].id: duplicate member id ${ids[r]} (also members[${pos[r - 1]}])`,
      );
    }
  }
  return { ids, denseOf };
}

/** Maps member ids to dense indices (ids sorted ascending): a direct table or a hash table. */
export class IdIndex {
  private readonly table: Int32Array;
  private readonly base: number;
  private readonly mask: number;
  private readonly direct: boolean;
  private readonly wide: boolean;

  constructor(private readonly ids: Float64Array) {
    const n = ids.length;
    const first = n > 0 ? ids[0]! : 0;
    const last = n > 0 ? ids[n - 1]! : -1;
    this.base = first;
    this.wide = last >= TWO_32;
    if (last - first < 4 * n + 1024) {
      this.direct = true;
      this.mask = 0;
      this.table = new Int32Array(last - first + 1).fill(-1);
      for (let i = 0; i < n; i++) this.table[ids[i]! - first] = i;
    } else {
      // Open addressing; slot h holds the id's low 32 bits at 2h and its dense index at 2h+1.
      this.direct = false;
      let size = 1024;
      while (size < n + (n >>> 1) + 1) size *= 2;
      this.mask = size - 1;
      const table = new Int32Array(2 * size).fill(-1);
      for (let i = 0; i < n; i++) {
        const id = ids[i]!;
        let h = hashId(id) & this.mask;
        while (table[2 * h + 1] !== -1) h = (h + 1) & this.mask;
        table[2 * h] = id | 0;
        table[2 * h + 1] = i;
      }
      this.table = table;
    }
  }

  /** Dense index of a member id, or -1 when it is not a member. */
  get(id: number): number {
    const table = this.table;
    if (this.direct) {
      const slot = id - this.base;
      return slot >= 0 && slot < table.length ? table[slot]! : -1;
    }
    // Without wide ids the low 32 bits tell members apart, but only for ids below 2^32: a larger
    // id can share its low 32 bits with a member and is no member.
    if (!this.wide && id >= TWO_32) return -1;
    const low = id | 0;
    let h = hashId(id) & this.mask;
    for (;;) {
      const i = table[2 * h + 1]!;
      if (i === -1) return -1;
      if (table[2 * h] === low && (!this.wide || this.ids[i] === id)) return i;
      h = (h + 1) & this.mask;
    }
  }
}

const hashId = (id: number): number => {
  let h = Math.imul((id | 0) ^ Math.imul((id / TWO_32) | 0, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
};
