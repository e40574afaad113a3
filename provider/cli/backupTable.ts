/** The backups as a table for people: id, status, type, size and creation time (UTC). */
import type { Backup } from "../types";

const COLUMNS = ["ID", "STATUS", "TYPE", "SIZE", "CREATED"] as const;

export function backupTable(backups: readonly Backup[]): string {
  const rows = [COLUMNS as readonly string[], ...backups.map((b) => [b.id, b.status, b.backupType, formatSize(b.sizeKb), b.createdAt])];
  // A reduce, not Math.max(...): a listing may have a million rows, more than a call takes arguments.
  const widths = COLUMNS.map((_, i) => rows.reduce((widest, row) => Math.max(widest, row[i].length), 0));
  const sizeColumn = COLUMNS.indexOf("SIZE");
  return rows
    .map((row) =>
      row.map((cell, i) => (i === sizeColumn ? cell.padStart(widths[i]) : i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join("  "),
    )
    .join("\n");
}

/** Sizes in the largest binary unit that keeps them at 1 or more: `0 KB`, `512 KB`, `72.7 MB`, `1.2 GB`. */
export function formatSize(sizeKb: number): string {
  const units = ["KB", "MB", "GB", "TB"];
  let value = sizeKb;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
