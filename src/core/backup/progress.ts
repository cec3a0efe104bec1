// How `tambon backup` and `tambon restore` show their progress: a bar redrawn in place on a
// terminal, plain lines otherwise (a log, a cron mail), nothing for the scheduled backup.

/** Told how far a long step has gone. */
export interface Progress {
  /** `done` of `total` units of the step `label` (rows, bytes). */
  update(label: string, done: number, total: number): void;
  /** A line of its own (a step finished). */
  note(line: string): void;
  /** The work is over: the bar's line is ended. */
  end(): void;
}

/** Says nothing. */
export const silent: Progress = { update() {}, note() {}, end() {} };

const WIDTH = 24;

/**
 * A progress bar on standard error when it is a terminal; else one line on standard output per
 * step as it finishes (standard error then holds only a failure's one line).
 */
export function progressOn(
  out: NodeJS.WriteStream = process.stderr,
  lines: NodeJS.WritableStream = process.stdout,
): Progress {
  if (!out.isTTY) {
    return {
      update() {},
      note: (line) => void lines.write(`${line}\n`),
      end() {},
    };
  }
  let shown = "";
  let last = 0;
  const clear = () => {
    if (shown) out.write(`\r${" ".repeat(shown.length)}\r`);
    shown = "";
  };
  return {
    update(label, done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const full = Math.round(share * WIDTH);
      const line = `[${"#".repeat(full)}${".".repeat(WIDTH - full)}] ${String(
        Math.floor(share * 100),
      ).padStart(3)}%  ${label}`.slice(0, Math.max(20, (out.columns || 80) - 1));
      out.write(`\r${line}${" ".repeat(Math.max(0, shown.length - line.length))}`);
      shown = line;
    },
    note(line) {
      clear();
      out.write(`${line}\n`);
    },
    end: clear,
  };
}
