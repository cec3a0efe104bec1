// A backup archive is a gzip-compressed tar (POSIX ustar) of a few files: written from files
// already on disk (so each entry's size is known before its header), read into a folder, both
// streamed, never held in memory. Only plain files with simple relative names are accepted on
// reading: an archive cannot write outside the folder it is read into.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";

const BLOCK = 512;
/** Names an archive may hold: `manifest.json`, `secret.key`, `tables/users.jsonl`, … */
const NAME = /^[a-z0-9_][a-z0-9_.-]*(\/[a-z0-9_][a-z0-9_.-]*)?$/;

/** The problem an archive has, as one line (a truncated, corrupted or foreign file). */
export class ArchiveError extends Error {}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (!NAME.test(name) || Buffer.byteLength(name) > 99) throw new Error(`bad entry name ${name}`);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, "utf8");
  h.write(octal(0o600, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136);
  h.write("        ", 148); // the checksum counts its own field as spaces
  h.write("0", 156);
  h.write("ustar\0" + "00", 257);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(octal(sum, 7) + " ", 148);
  return h;
}

/** An entry to write: its name in the archive and the file it is read from. */
export interface ArchiveEntry {
  name: string;
  file: string;
}

/**
 * Writes `entries` as a tar.gz to `out` (which must not be read until this returns). `onBytes`
 * is told how many bytes of the entries have been written so far.
 */
export async function writeArchive(
  out: string,
  entries: ArchiveEntry[],
  onBytes: (done: number) => void = () => {},
): Promise<void> {
  const mtime = new Date();
  let done = 0;
  async function* tar() {
    for (const entry of entries) {
      const { size } = await stat(entry.file);
      yield header(entry.name, size, mtime);
      let written = 0;
      for await (const chunk of createReadStream(entry.file, { highWaterMark: 256 * 1024 })) {
        written += (chunk as Buffer).length;
        done += (chunk as Buffer).length;
        onBytes(done);
        yield chunk as Buffer;
      }
      if (written !== size) throw new Error(`${entry.file} changed while it was archived`);
      if (size % BLOCK) yield Buffer.alloc(BLOCK - (size % BLOCK));
    }
    yield Buffer.alloc(2 * BLOCK); // the end of the archive
  }
  await pipeline(
    tar,
    createGzip({ level: 6 }),
    createWriteStream(out, { flags: "wx", mode: 0o600 }),
  );
  // On the disk before anyone is told it is there.
  const written = await open(out, "r+");
  try {
    await written.sync();
  } finally {
    await written.close();
  }
}

function parseOctal(h: Buffer, start: number, width: number): number {
  const text = h
    .toString("latin1", start, start + width)
    .replace(/[\0 ]+$/, "")
    .trim();
  if (!/^[0-7]+$/.test(text)) return NaN;
  return parseInt(text, 8);
}

function checksumOk(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum === parseOctal(h, 148, 8);
}

/**
 * Whether an entry may be written, asked at its header before any of its bytes: null to go on,
 * else the problem (one line). The entries before it are already whole in the folder.
 */
export type EntryCheck = (name: string, size: number) => Promise<string | null> | string | null;

/**
 * Reads the tar.gz at `file` into the folder `dir` (which must exist, empty); returns the names
 * of its entries in their order. Throws an ArchiveError for anything but a whole, well-formed
 * archive: a truncated file, a bad gzip stream or checksum, an entry that is not a plain file
 * with a simple name, a name met twice, no end marker, or an entry `allow` refuses.
 */
export async function readArchive(
  file: string,
  dir: string,
  allow: EntryCheck = () => null,
): Promise<string[]> {
  const names: string[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let current: { name: string; left: number; pad: number; fh: FileHandle } | null = null;
  let ended = false;
  // What the reading threw (an ArchiveError, or what `allow` threw), passed on as it is: the
  // pipeline may report the gunzip's abort instead.
  let sinkError: unknown = null;

  // The reading itself, settled: when the gzip stream fails, the pipeline answers at once while
  // the reading may still be writing or opening a part; the caller's clean-up must wait for it.
  let reading: Promise<unknown> = Promise.resolve();

  async function consume(source: AsyncIterable<Buffer>) {
    const run = read(source);
    reading = run.catch(() => {});
    try {
      await run;
    } catch (err) {
      if (err instanceof ArchiveError) sinkError ??= err;
      throw err;
    }
  }

  async function read(source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (ended) {
          if (pending.some((b) => b !== 0)) throw new ArchiveError("data after the archive's end");
          pending = Buffer.alloc(0);
          break;
        }
        if (current) {
          if (current.left > 0) {
            if (!pending.length) break;
            const take = Math.min(current.left, pending.length);
            await current.fh.write(pending.subarray(0, take));
            current.left -= take;
            pending = pending.subarray(take);
            continue;
          }
          if (pending.length < current.pad) break;
          pending = pending.subarray(current.pad);
          await current.fh.close();
          current = null;
          continue;
        }
        if (pending.length < BLOCK) break;
        const h = pending.subarray(0, BLOCK);
        if (h.every((b) => b === 0)) {
          if (pending.length < 2 * BLOCK) break;
          if (!pending.subarray(BLOCK, 2 * BLOCK).every((b) => b === 0))
            throw new ArchiveError("a damaged entry header");
          ended = true;
          pending = pending.subarray(2 * BLOCK);
          continue;
        }
        if (!checksumOk(h)) throw new ArchiveError("a damaged entry header (checksum)");
        const name = h.toString("utf8", 0, 100).replace(/\0.*$/s, "");
        const type = String.fromCharCode(h[156]!);
        const size = parseOctal(h, 124, 12);
        if (type !== "0" && type !== "\0") throw new ArchiveError(`${name} is not a plain file`);
        if (!NAME.test(name) || names.includes(name))
          throw new ArchiveError(`an unexpected entry name "${name.slice(0, 60)}"`);
        if (!Number.isSafeInteger(size)) throw new ArchiveError(`${name}: a damaged size`);
        const refusal = await Promise.resolve()
          .then(() => allow(name, size))
          .catch((err: unknown) => {
            sinkError ??= err;
            throw err;
          });
        if (refusal) throw new ArchiveError(refusal);
        names.push(name);
        const target = path.join(dir, name);
        await mkdir(path.dirname(target), { recursive: true });
        const fh = await open(target, "wx", 0o600);
        current = { name, left: size, pad: (BLOCK - (size % BLOCK)) % BLOCK, fh };
        pending = pending.subarray(BLOCK);
      }
    }
  }

  const gunzip = createGunzip();
  let zlibError: Error | null = null;
  gunzip.on("error", (err) => (zlibError ??= err));
  try {
    await pipeline(createReadStream(file), gunzip, consume);
  } catch (err) {
    if (sinkError) throw sinkError;
    if (err instanceof ArchiveError) throw err;
    // A damaged gzip stream; the sink then sees only that it was aborted.
    if (zlibError)
      throw new ArchiveError(`not a whole tar.gz archive (${(zlibError as Error).message})`);
    throw err;
  } finally {
    await reading;
    await (current as { fh: FileHandle } | null)?.fh.close().catch(() => {});
  }
  if (current || !ended) throw new ArchiveError("the archive is cut short");
  return names;
}
