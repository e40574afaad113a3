/** Local filters and the choice of the newest COMPLETED backup, on typed backups. */
import { applyFilters } from "../../../provider/selection/filters";
import { latestCompleted } from "../../../provider/selection/latestCompleted";
import type { Backup } from "../../../provider/types";

function backup(id: string, createdAt: string, overrides: Partial<Backup> = {}): Backup {
  return {
    id,
    name: id,
    description: "",
    instanceId: "i",
    instanceName: "n",
    status: "COMPLETED",
    sizeKb: 1,
    createdAt,
    updatedAt: createdAt,
    timeZone: "UTC",
    backupType: "Db",
    backupLevel: 1,
    backupMethod: "Db",
    useDetail: "",
    ...overrides,
  };
}

describe("the newest COMPLETED backup", () => {
  test("greatest createdAt, whatever the order", () => {
    const list = [backup("a", "2026-01-01T00:00:00Z"), backup("b", "2026-03-01T00:00:00Z"), backup("c", "2026-02-01T00:00:00Z")];
    expect(latestCompleted(list)?.id).toBe("b");
    expect(latestCompleted([...list].reverse())?.id).toBe("b");
  });

  test("fractions of a second count: 09:30:30.250 is newer than 09:30:30", () => {
    const list = [
      backup("whole", "2026-01-04T09:30:30Z"),
      backup("fraction", "2026-01-04T09:30:30.250Z"),
      backup("earlier", "2026-01-04T09:30:29.999Z"),
    ];
    expect(latestCompleted(list)?.id).toBe("fraction");
    expect(latestCompleted([...list].reverse())?.id).toBe("fraction");
  });

  test("ties on createdAt break on updatedAt, then id", () => {
    const same = "2026-01-04T09:30:30Z";
    expect(latestCompleted([backup("x", same, { updatedAt: "2026-01-04T10:00:00Z" }), backup("y", same)])?.id).toBe("x");
    expect(latestCompleted([backup("x", same), backup("y", same)])?.id).toBe("y");
  });

  test("createdAt decides before updatedAt: an older backup updated later is still older", () => {
    const older = backup("older", "2026-01-01T00:00:00Z", { updatedAt: "2026-06-01T00:00:00Z" });
    const newer = backup("newer", "2026-02-01T00:00:00Z");
    expect(latestCompleted([older, newer])?.id).toBe("newer");
    expect(latestCompleted([newer, older])?.id).toBe("newer");
  });

  test("updatedAt breaks a tie in either order", () => {
    const same = "2026-01-04T09:30:30Z";
    const late = backup("late", same, { updatedAt: "2026-01-04T10:00:00Z" });
    const early = backup("early", same, { updatedAt: "2026-01-04T09:40:00Z" });
    expect(latestCompleted([early, late])?.id).toBe("late");
    expect(latestCompleted([late, early])?.id).toBe("late");
  });

  test("only COMPLETED ones count", () => {
    expect(
      latestCompleted([backup("new", "2026-05-01T00:00:00Z", { status: "BUILDING" }), backup("old", "2026-01-01T00:00:00Z")])?.id,
    ).toBe("old");
    expect(latestCompleted([backup("f", "2026-01-01T00:00:00Z", { status: "FAILED" })])).toBeUndefined();
  });
});

describe("local filters", () => {
  const list = [
    backup("jan", "2026-01-01T00:00:00Z"),
    backup("feb", "2026-02-01T00:00:00Z", { status: "FAILED", backupType: "Snapshot" }),
    backup("mar", "2026-03-01T00:00:00Z"),
  ];

  test("none given: everything, as a copy", () => {
    const kept = applyFilters(list, {});
    expect(kept).toEqual(list);
    expect(kept).not.toBe(list);
  });

  test("createdAfter is inclusive and createdBefore exclusive", () => {
    const kept = applyFilters(list, { createdAfter: "2026-02-01T00:00:00Z", createdBefore: "2026-03-01T00:00:00Z" });
    expect(kept.map((b) => b.id)).toEqual(["feb"]);
  });

  test("each filter alone", () => {
    expect(applyFilters(list, { createdAfter: "2026-02-01T00:00:00Z" }).map((b) => b.id)).toEqual(["feb", "mar"]);
    expect(applyFilters(list, { createdBefore: "2026-02-01T00:00:00Z" }).map((b) => b.id)).toEqual(["jan"]);
    expect(applyFilters(list, { backupTypes: ["Snapshot"] }).map((b) => b.id)).toEqual(["feb"]);
    expect(applyFilters(list, { statuses: ["COMPLETED"] }).map((b) => b.id)).toEqual(["jan", "mar"]);
  });

  test("statuses and backup types", () => {
    expect(applyFilters(list, { statuses: ["FAILED"] }).map((b) => b.id)).toEqual(["feb"]);
    expect(applyFilters(list, { backupTypes: ["Db"] }).map((b) => b.id)).toEqual(["jan", "mar"]);
  });
});
