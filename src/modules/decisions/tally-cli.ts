// `tambon tally FILE|-`: counts a question from a JSON file (or stdin) and prints the result JSON.
import { createReadStream } from "node:fs";
import { TallyInputError, parseTallyInput, toTallyColumns } from "./tally-input.ts";
import { countTally } from "./tally-count.ts";
import { renderTallyJsonChunks } from "./tally.ts";

/** Streams the command reads from and writes to. */
export interface TallyIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Most bytes of input read (default `TALLY_MAX_BYTES`). */
  maxBytes?: number;
}

/**
 * Most bytes of input `tambon tally` reads: 512 MiB, about the longest text Node.js makes into one
 * string (2^29 - 24 characters), so no larger input could be counted anyway. A list of 10 million
 * members (about 40 bytes each) fits; the benchmark's million members with their delegations and
 * ballots are 93 MB. Beyond it (/dev/zero, a stream that never ends) the command stops at once.
 */
export const TALLY_MAX_BYTES = 512 * 1024 * 1024;

/** Input beyond the limit, met while it is read. */
class TooLarge extends Error {}

/** Usage text of `tambon tally`. */
export const TALLY_USAGE = `Usage: tambon tally [--summary] FILE|-

Counts the votes of one question (fluid democracy, Schulze ranking) from a JSON file,
or from standard input when FILE is "-", and prints the result as one line of JSON.

Options:
  --summary  leave out the per-member parts (weights, capped, chains)
  --help     show this help

Exit status: 0 counted, 1 unreadable or invalid input (or output failed), 2 wrong usage.
`;

const EXIT_INPUT = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

interface TallyArgs {
  help: boolean;
  summary: boolean;
  source: string | null;
}

function parseArgs(args: string[]): TallyArgs {
  const parsed: TallyArgs = { help: false, summary: false, source: null };
  let flags = true;
  for (const arg of args) {
    if (flags && arg === "--") {
      flags = false;
    } else if (flags && (arg === "--help" || arg === "-h")) {
      parsed.help = true;
    } else if (flags && arg === "--summary") {
      parsed.summary = true;
    } else if (flags && arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option ${arg} (see tambon tally --help)`);
    } else if (parsed.source === null) {
      parsed.source = arg;
    } else {
      throw new UsageError(`expected one FILE or "-", got also ${arg}`);
    }
  }
  if (!parsed.help && parsed.source === null) {
    throw new UsageError(`missing FILE (or "-" for standard input); see tambon tally --help`);
  }
  return parsed;
}

/** A stream's bytes to its end, or `TooLarge` as soon as there are more than `max`. */
async function readAll(stream: NodeJS.ReadableStream, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : (chunk as Buffer);
    size += bytes.length;
    // Leaving the loop closes the stream (a file) or stops reading it (standard input).
    if (size > max) throw new TooLarge();
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

/** A size in MiB for a message. */
const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    stream.once("error", onError);
    const done = (): void => {
      stream.removeListener("error", onError);
      resolve();
    };
    if (stream.write(text)) done();
    else stream.once("drain", done);
  });
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, " ").trim();

/** Runs `tambon tally` with its arguments; returns the exit code (never exits the process). */
export async function runTallyCommand(args: string[], io: TallyIo): Promise<number> {
  let parsed: TallyArgs;
  try {
    parsed = parseArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await write(io.stderr, `tambon tally: ${err.message}\n`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    await write(io.stdout, TALLY_USAGE);
    return 0;
  }
  const source = parsed.source ?? "-";
  const max = io.maxBytes ?? TALLY_MAX_BYTES;
  const name = source === "-" ? "standard input" : source;
  let bytes: Buffer;
  try {
    bytes = await readAll(source === "-" ? io.stdin : createReadStream(source), max);
  } catch (err) {
    if (err instanceof TooLarge) {
      await write(
        io.stderr,
        `tambon tally: ${name} is larger than ${mib(max)}, too large to count\n`,
      );
      return EXIT_INPUT;
    }
    const reason = err instanceof Error ? err.message : String(err);
    await write(io.stderr, `tambon tally: cannot read ${name}: ${oneLine(reason)}\n`);
    return EXIT_INPUT;
  }
  let text: string;
  try {
    // JSON is UTF-8: bytes that are not are refused, never counted as U+FFFD.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (err) {
    const invalid = (err as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA";
    await write(
      io.stderr,
      invalid
        ? `tambon tally: the input is not UTF-8 text\n`
        : `tambon tally: input too large (${bytes.length} bytes)\n`,
    );
    return EXIT_INPUT;
  }
  let chunks: Generator<string>;
  try {
    const count = countTally(toTallyColumns(parseTallyInput(text)));
    chunks = renderTallyJsonChunks(count, { summary: parsed.summary });
  } catch (err) {
    if (!(err instanceof TallyInputError)) throw err;
    await write(io.stderr, `tambon tally: ${oneLine(err.message)}\n`);
    return EXIT_INPUT;
  }
  try {
    for (const chunk of chunks) await write(io.stdout, chunk);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await write(io.stderr, `tambon tally: cannot write the result: ${oneLine(reason)}\n`).catch(
      () => undefined,
    );
    return EXIT_INPUT;
  }
  return 0;
}
