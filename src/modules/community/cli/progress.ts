import type { StreamProgress } from "../../../core/import-stream.ts";

/**
 * A progress bar on standard error: rows done, the share of the file, rows a second. On a
 * terminal it redraws one line; elsewhere (a log, a pipe) it writes a line every few seconds.
 */
export function progressBar(out: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let passStart = started;
  let pass: StreamProgress["pass"] | null = null;
  let last = 0;
  const tty = !!out.isTTY;
  const every = tty ? 100 : 3000;
  const words = { check: "ตรวจ / check", write: "บันทึก / write" };
  const draw = (p: StreamProgress, final = false) => {
    const seconds = Math.max(0.001, (Date.now() - passStart) / 1000);
    const share = Math.max(0, Math.min(1, p.share));
    const width = 24;
    const full = Math.round(share * width);
    const bar = "█".repeat(full) + "░".repeat(width - full);
    const line = `${words[p.pass]} [${bar}] ${Math.round(share * 100)}% ${p.rows.toLocaleString("en-US")} แถว/rows ${Math.round(p.rows / seconds).toLocaleString("en-US")} แถว/วินาที rows/s`;
    out.write(tty ? `\r${line}${final ? "\n" : ""}` : `${line}\n`);
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
