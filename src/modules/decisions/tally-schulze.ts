// The Schulze method: the rank of each alternative from the pairwise defeats.

/**
 * Schulze ranks of K candidates from the pairwise matrix d (row-major, d[x*K+y] = weight preferring
 * x over y). Defeat strength is (winning weight, then smaller losing weight); ranks are given in
 * rounds of candidates beaten by no remaining candidate.
 */
export function schulzeRanks(d: Float64Array, K: number): Int32Array {
  const win = new Float64Array(K * K);
  const lose = new Float64Array(K * K);
  for (let x = 0; x < K; x++) {
    for (let y = 0; y < K; y++) {
      const xy = d[x * K + y]!;
      const yx = d[y * K + x]!;
      if (x !== y && xy > yx) {
        win[x * K + y] = xy;
        lose[x * K + y] = yx;
      } else {
        win[x * K + y] = -1; // no defeat: weaker than any defeat
        lose[x * K + y] = 0;
      }
    }
  }
  for (let m = 0; m < K; m++) {
    for (let x = 0; x < K; x++) {
      if (x === m) continue;
      const xm = x * K + m;
      const xmWin = win[xm]!;
      if (xmWin < 0) continue;
      const xmLose = lose[xm]!;
      for (let y = 0; y < K; y++) {
        if (y === m || y === x) continue;
        const my = m * K + y;
        let cw = win[my]!;
        let cl = lose[my]!;
        if (xmWin < cw || (xmWin === cw && xmLose > cl)) {
          cw = xmWin;
          cl = xmLose;
        }
        const xy = x * K + y;
        const pw = win[xy]!;
        if (cw > pw || (cw === pw && cl < lose[xy]!)) {
          win[xy] = cw;
          lose[xy] = cl;
        }
      }
    }
  }
  const beats = (x: number, y: number): boolean => {
    const aw = win[x * K + y]!;
    const bw = win[y * K + x]!;
    return aw > bw || (aw === bw && lose[x * K + y]! < lose[y * K + x]!);
  };
  const rank = new Int32Array(K);
  let remaining = K;
  for (let round = 1; remaining > 0; round++) {
    const winners: number[] = [];
    for (let x = 0; x < K; x++) {
      if (rank[x] !== 0) continue;
      let beaten = false;
      for (let y = 0; y < K && !beaten; y++) beaten = y !== x && rank[y] === 0 && beats(y, x);
      if (!beaten) winners.push(x);
    }
    if (winners.length === 0) {
      for (let x = 0; x < K; x++) if (rank[x] === 0) winners.push(x); // unreachable: beats is a strict order
    }
    for (const x of winners) rank[x] = round;
    remaining -= winners.length;
  }
  return rank;
}
