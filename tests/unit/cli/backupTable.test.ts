/** The `list` table: aligned columns, sizes in a readable unit, and no limit on the row count. */
import { backupTable, formatSize } from "../../../provider/cli/backupTable";
import type { Backup } from "../../../provider/types";

const backup = (id: string, sizeKb: number): Backup => ({
  id,
  name: id,
  description: "",
  instanceId: "i",
  instanceName: "n",
  status: "COMPLETED",
  sizeKb,
  createdAt: "2026-01-04T09:30:30Z",
  updatedAt: "2026-01-04T09:40:30Z",
  timeZone: "UTC+08:00",
  backupType: "Db",
  backupMethod: "Db",
  backupLevel: 1,
  useDetail: "",
});

test("columns line up, sizes right-aligned", () => {
  expect(backupTable([backup("short", 512), backup("a-longer-id", 74464)]).split("\n")).toEqual([
    "ID           STATUS     TYPE     SIZE  CREATED",
    "short        COMPLETED  Db     512 KB  2026-01-04T09:30:30Z",
    "a-longer-id  COMPLETED  Db    72.7 MB  2026-01-04T09:30:30Z",
  ]);
});

test("sizes take the largest unit that keeps them at 1 or more", () => {
  expect([0, 1023, 1024, 74464, 1258291, 5 * 1024 ** 3].map(formatSize)).toEqual([
    "0 KB",
    "1023 KB",
    "1.0 MB",
    "72.7 MB",
    "1.2 GB",
    "5.0 TB",
  ]);
});

test("a table longer than a call takes arguments (200,000 rows; a listing may have a million)", () => {
  const rows = Array.from({ length: 200_000 }, (_, i) => backup(`b${i}`, i));
  expect(backupTable(rows).split("\n")).toHaveLength(200_001);
});
