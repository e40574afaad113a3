/** Executable headers as each OS's loader reads them, built byte by byte from the formats' specifications. */
import { executableKind } from "../../../scripts/release/binaryFormat";

function elf(machine: number, bits = 2, endian = 1): Buffer {
  const header = Buffer.alloc(64);
  header.writeUInt32BE(0x7f454c46, 0);
  header[4] = bits;
  header[5] = endian;
  header.writeUInt16LE(machine, 18);
  return header;
}

function machO(cpu: number): Buffer {
  const header = Buffer.alloc(32);
  header.writeUInt32LE(0xfeedfacf, 0);
  header.writeUInt32LE(cpu, 4);
  return header;
}

function pe(machine: number, at = 0x80): Buffer {
  const header = Buffer.alloc(at + 24);
  header.write("MZ", 0, "latin1");
  header.writeUInt32LE(at, 0x3c);
  header.writeUInt32BE(0x50450000, at);
  header.writeUInt16LE(machine, at + 4);
  return header;
}

test.each([
  ["ELF x86-64", elf(0x3e), { format: "ELF", arch: "amd64" }],
  ["ELF AArch64", elf(0xb7), { format: "ELF", arch: "arm64" }],
  ["ELF RISC-V", elf(0xf3), { format: "ELF", arch: "0xf3" }],
  ["Mach-O x86_64", machO(0x01000007), { format: "Mach-O", arch: "amd64" }],
  ["Mach-O arm64", machO(0x0100000c), { format: "Mach-O", arch: "arm64" }],
  ["PE AMD64", pe(0x8664), { format: "PE", arch: "amd64" }],
  ["PE ARM64", pe(0xaa64), { format: "PE", arch: "arm64" }],
  ["PE i386", pe(0x14c), { format: "PE", arch: "0x14c" }],
])("%s", (_name, header, expected) => {
  expect(executableKind(header)).toEqual(expected);
});

test.each([
  ["a shell script", Buffer.from("#!/bin/sh\nexec node plugin.js\n")],
  ["32-bit ELF", elf(0x3e, 1)],
  ["big-endian ELF", elf(0x3e, 2, 2)],
  [
    "a DOS stub without a PE header",
    (() => {
      const b = pe(0x8664);
      b.writeUInt32BE(0, 0x80);
      return b;
    })(),
  ],
  ["a PE offset past the header read", pe(0x8664, 0x2000).subarray(0, 0x100)],
  ["nothing", Buffer.alloc(0)],
])("%s is no executable it can tell", (_name, header) => {
  expect(executableKind(header)).toBeUndefined();
});
