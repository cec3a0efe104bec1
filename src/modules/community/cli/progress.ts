import type { StreamProgress } from "../../../core/import-stream.ts";

/**
 * A progress bar on standard error: rows done, the share of the file, rows a second, redrawn on
 * one line. Only on a terminal: a log or a pipe gets no progress lines, so that standard error
 * holds nothing but the rows to correct or the one line of a refusal.
 */
export function progressBar(out: NodeJS.WriteStream = process.stderr) {
  if (!out.isTTY) return { update(_: StreamProgress) {}, done() {} };
  const started = Date.now();
  let passStart = started;
  let pass: StreamProgress["pass"] | null = null;
  let last = 0;
  const every = 100;
  const words = { check: "ตรวจ / check", write: "บันทึก / write" };
  const draw = (p: StreamProgress, final = false) => {
    const seconds = Math.max(0.001, (Date.now() - passStart) / 1000);
    const share = Math.max(0, Math.min(1, p.share));
    const width = 24;
    const full = Math.round(share * width);
    const bar = "█".repeat(full) + "░".repeat(width - full);
    const line = `${words[p.pass]} [${bar}] ${Math.round(share * 100)}% ${p.rows.toLocaleString("en-US")} แถว/rows ${Math.round(p.rows / seconds).toLocaleString("en-US")} แถว/วินาที rows/s`;
    out.write(`\r${line}${final ? "\n" : ""}`);
  };
  let lastSeen: StreamProgress | null = null;
  return {
    update(p: StreamProgress) {
      if (pass !== p.pass) {
        if (lastSeen) draw(lastSeen, true);
        pass = p.pass;
        passStart = Date.now();
        last = 0;
      }
      lastSeen = p;
      const now = Date.now();
      if (now - last >= every) {
        last = now;
        draw(p);
      }
    },
    done() {
      if (lastSeen) draw({ ...lastSeen, share: 1 }, true);
    },
  };
}
