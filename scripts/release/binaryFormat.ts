/**
 * What kind of executable a file is, read from its header: the format each OS loads (ELF on Linux,
 * Mach-O on macOS, PE on Windows) and the processor it is for. An archive for a machine this
 * repository cannot run is checked this way: the right binary for the right OS and architecture.
 */
import type { PulumiArch, PulumiOs } from "./targets";

export type BinaryFormat = "ELF" | "Mach-O" | "PE";

export interface Executable {
  readonly format: BinaryFormat;
  /** Go's name of the processor (`amd64`, `arm64`), or the header's number when it is another. */
  readonly arch: PulumiArch | string;
}

/** The format each OS runs. */
export const FORMAT_OF: Record<PulumiOs, BinaryFormat> = { linux: "ELF", darwin: "Mach-O", windows: "PE" };

/** ELF e_machine values. */
const ELF_MACHINES: Record<number, PulumiArch> = { 0x3e: "amd64", 0xb7: "arm64" };
/** Mach-O cputype values (CPU_ARCH_ABI64 | type). */
const MACHO_CPUS: Record<number, PulumiArch> = { 0x01000007: "amd64", 0x0100000c: "arm64" };
/** PE COFF Machine values. */
const PE_MACHINES: Record<number, PulumiArch> = { 0x8664: "amd64", 0xaa64: "arm64" };

/** Reads a 64-bit little-endian executable's header (its first few KB), or undefined when it is none of the three. */
export function executableKind(header: Buffer): Executable | undefined {
  const name = (table: Record<number, PulumiArch>, value: number) => table[value] ?? `0x${value.toString(16)}`;
  // ELF: 0x7f "ELF", class 2 (64-bit), data 1 (little-endian), e_machine at 18.
  if (header.length >= 20 && header.readUInt32BE(0) === 0x7f454c46 && header[4] === 2 && header[5] === 1)
    return { format: "ELF", arch: name(ELF_MACHINES, header.readUInt16LE(18)) };
  // Mach-O 64-bit, little-endian: MH_MAGIC_64 (0xfeedfacf), cputype at 4.
  if (header.length >= 8 && header.readUInt32LE(0) === 0xfeedfacf)
    return { format: "Mach-O", arch: name(MACHO_CPUS, header.readUInt32LE(4)) };
  // PE: "MZ", the PE header's offset at 0x3c, "PE\0\0" there, then the COFF Machine.
  if (header.length >= 0x40 && header.toString("latin1", 0, 2) === "MZ") {
    const pe = header.readUInt32LE(0x3c);
    if (pe + 6 <= header.length && header.readUInt32BE(pe) === 0x50450000)
      return { format: "PE", arch: name(PE_MACHINES, header.readUInt16LE(pe + 4)) };
  }
  return undefined;
}
