/** The release's tar writer: what GNU tar and the reader see in it, and the same bytes every time. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readTarGz, writeTarGz, type TarEntry } from "../../../scripts/release/tarball";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "taurusdb-tar-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const long = `${"deep/".repeat(30)}file.txt`;
const entries: TarEntry[] = [
  { name: "launcher", mode: 0o755, data: Buffer.from("#!/bin/sh\necho hi\n") },
  { name: "runtime/", mode: 0o755 },
  { name: "runtime/blob", mode: 0o644, data: Buffer.alloc(1_000, 7) },
  { name: "empty", mode: 0o644, data: Buffer.alloc(0) },
  { name: long, mode: 0o600, data: Buffer.from("at the end of a long path") },
];

test("GNU tar lists the entries with their modes, owner root, and extracts the same bytes", async () => {
  const file = path.join(dir, "a.tar.gz");
  await writeTarGz(file, entries);
  const listing = execFileSync("tar", ["-tzvf", file], { encoding: "utf8" }).trim().split("\n");
  expect(listing.map((line) => line.split(/\s+/)[0])).toEqual(["-rwxr-xr-x", "drwxr-xr-x", "-rw-r--r--", "-rw-r--r--", "-rw-------"]);
  expect(listing.map((line) => line.split(/\s+/)[1])).toEqual(Array(5).fill("root/root"));
  expect(listing.map((line) => line.split(/\s+/).pop())).toEqual(entries.map((e) => e.name));
  const out = path.join(dir, "out");
  fs.mkdirSync(out);
  execFileSync("tar", ["-xzf", file, "-C", out]);
  for (const entry of entries.filter((e) => e.data)) expect(fs.readFileSync(path.join(out, entry.name))).toEqual(entry.data);
});

test("the reader gives back every entry, and the same input gives the same bytes and hash", async () => {
  const [first, second] = [path.join(dir, "1.tar.gz"), path.join(dir, "2.tar.gz")];
  const hash = await writeTarGz(first, entries);
  expect(await writeTarGz(second, entries)).toBe(hash);
  expect(fs.readFileSync(first)).toEqual(fs.readFileSync(second));
  expect(readTarGz(first).map(({ name, mode, type, data }) => ({ name, mode, type, data }))).toEqual(
    entries.map((e) => ({
      name: e.name,
      mode: e.mode,
      type: e.name.endsWith("/") ? "directory" : "file",
      data: e.data ?? Buffer.alloc(0),
    })),
  );
});

test("a path no ustar header can hold is refused, not cut", async () => {
  await expect(writeTarGz(path.join(dir, "x.tar.gz"), [{ name: "x".repeat(120), mode: 0o644, data: Buffer.alloc(1) }])).rejects.toThrow(
    /path too long for a tar header/,
  );
});
