/**
 * `.tar.gz` files as the engine reads plugin archives (Go's archive/tar and compress/gzip), written
 * here so that an archive is the same bytes wherever and whenever it is built: entries in the given
 * order, owner root, one fixed time, modes as given, gzip without a name or time. No `tar` program
 * is needed, so the release builds the same on any machine. The reader is for checking archives.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import * as zlib from "node:zlib";

export interface TarEntry {
  /** A path inside the archive, `/`-separated; a directory's ends with `/`. */
  readonly name: string;
  readonly mode: number;
  /** A file's contents (none for a directory). */
  readonly data?: Buffer;
}

const BLOCK = 512;
/** 2000-01-01: any fixed time does; the engine ignores it. */
const MTIME = 946_684_800;

/** Writes `entries` as a gzip-compressed tar file and returns its SHA-256 (hex). */
export async function writeTarGz(file: string, entries: readonly TarEntry[]): Promise<string> {
  const hash = createHash("sha256");
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(Readable.from(tarBlocks(entries)), zlib.createGzip({ level: 6 }), hashing, fs.createWriteStream(file));
  return hash.digest("hex");
}

function* tarBlocks(entries: readonly TarEntry[]): Generator<Buffer> {
  for (const entry of entries) {
    const size = entry.data?.length ?? 0;
    yield header(entry, size);
    if (entry.data) {
      yield entry.data;
      if (size % BLOCK) yield Buffer.alloc(BLOCK - (size % BLOCK));
    }
  }
  yield Buffer.alloc(2 * BLOCK);
}

/** A POSIX ustar header. */
function header(entry: TarEntry, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { prefix, name } = splitName(entry.name);
  const put = (offset: number, length: number, text: string) => block.write(text, offset, length, "utf8");
  const octal = (offset: number, length: number, value: number) => put(offset, length, `${value.toString(8).padStart(length - 1, "0")}\0`);
  put(0, 100, name);
  octal(100, 8, entry.mode);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, size);
  octal(136, 12, MTIME);
  put(148, 8, " ".repeat(8));
  put(156, 1, entry.name.endsWith("/") ? "5" : "0");
  put(257, 6, "ustar\0");
  put(263, 2, "00");
  put(265, 32, "root");
  put(297, 32, "root");
  put(345, 155, prefix);
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  put(148, 8, `${checksum.toString(8).padStart(6, "0")}\0 `);
  return block;
}

/** ustar keeps a long path as prefix (up to 155 bytes) and name (up to 100). */
function splitName(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: "", name: path };
  const cut = path.lastIndexOf("/", path.length - 2);
  const prefix = path.slice(0, cut);
  const name = path.slice(cut + 1);
  if (cut < 0 || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(name) > 100)
    throw new Error(`path too long for a tar header: ${path}`);
  return { prefix, name };
}

export interface ReadEntry {
  readonly name: string;
  readonly mode: number;
  readonly type: "file" | "directory" | "other";
  readonly data: Buffer;
}

/** Every entry of a `.tar.gz` file (read whole into memory: archives are tens of MB). */
export function readTarGz(file: string): ReadEntry[] {
  const tar = zlib.gunzipSync(fs.readFileSync(file));
  const entries: ReadEntry[] = [];
  const text = (offset: number, length: number, at: number) =>
    tar.toString("utf8", at + offset, at + offset + length).replace(/\0.*$/s, "");
  for (let at = 0; at + BLOCK <= tar.length;) {
    if (tar.subarray(at, at + BLOCK).every((byte) => byte === 0)) break;
    const size = parseInt(text(124, 12, at).trim() || "0", 8);
    const prefix = text(345, 155, at);
    const name = prefix ? `${prefix}/${text(0, 100, at)}` : text(0, 100, at);
    const flag = text(156, 1, at);
    const type = flag === "5" ? "directory" : flag === "0" || flag === "" ? "file" : "other";
    entries.push({ name, mode: parseInt(text(100, 8, at).trim(), 8), type, data: tar.subarray(at + BLOCK, at + BLOCK + size) });
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
