/** From the wire's strings to typed backups: times, zones, sizes and enums, each typed or refused. */
import { toBackup } from "../../../provider/backups/toBackup";
import { typePage } from "../../../provider/backups/typePage";
import { describeSchemaIssues, wirePageSchema } from "../../../provider/backups/wireSchema";
import { z } from "zod";
import { toUtcInstant, zoneOffsetMinutes } from "../../../provider/backups/wallClock";
import type { WireBackup } from "../../../provider/api/wire";

const vendorExample: WireBackup = {
  id: "backup-001",
  description: "每日自动备份",
  instance_id: "instance-123",
  instance_name: "prod-db",
  name: "daily-backup-20231101",
  size: "74464.0",
  size_unit: "KB",
  status: "COMPLETED",
  created: "2026-01-04 17:30:30",
  updated: "2026-01-04 17:34:24",
  backup_type: "Db",
  backup_level: "2",
  backup_method: "Db",
  use_detail: "生产环境备份",
  time_zone: "UTC+08:00",
};

function convert(overrides: Partial<Record<keyof WireBackup, unknown>>) {
  const parsed = wirePageSchema.safeParse({ backups: [{ ...vendorExample, ...overrides }], total_count: "1" });
  if (!parsed.success) return { rejected: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  const result = toBackup(parsed.data.backups[0]);
  return "backup" in result ? { backup: result.backup } : { rejected: result.problems.join("; ") };
}

describe("wall-clock times in a zone become UTC instants", () => {
  test.each([
    ["2026-01-04 17:30:30", "UTC+08:00", "2026-01-04T09:30:30Z"],
    ["2026-01-04 17:30:30", "UTC", "2026-01-04T17:30:30Z"],
    ["2026-01-04 17:30:30", "UTC-03:30", "2026-01-04T21:00:30Z"],
    ["2026-01-04 00:10:00", "UTC+05:45", "2026-01-03T18:25:00Z"],
    ["2026-03-01 01:00:00", "UTC+08:00", "2026-02-28T17:00:00Z"],
    ["2024-02-29 12:00:00", "UTC+0800", "2024-02-29T04:00:00Z"],
    ["2026-01-04T17:30:30+08:00", "UTC", "2026-01-04T09:30:30Z"],
    ["2026-01-04T09:30:30Z", "UTC+08:00", "2026-01-04T09:30:30Z"],
    ["2026-01-04 17:30:30.250", "UTC+08:00", "2026-01-04T09:30:30.250Z"],
    // Years below 100 are years, not 1900 + year (the trap of Date.UTC).
    ["0050-01-04 17:30:30", "UTC+08:00", "0050-01-04T09:30:30Z"],
    ["0000-03-01 00:00:00", "UTC", "0000-03-01T00:00:00Z"],
    ["0099-12-31 23:59:59", "UTC-01:00", "0100-01-01T00:59:59Z"],
  ])("%s in %s is %s", (wall, zone, utc) => {
    expect(toUtcInstant(wall, zone)).toEqual({ instant: utc });
  });

  test.each([
    ["2026-02-30 10:00:00", "UTC+08:00", "not a real date"],
    ["2026-01-04 24:00:00", "UTC+08:00", "not a real date"],
    ["04/01/2026 17:30", "UTC+08:00", "YYYY-MM-DD HH:mm:ss"],
    ["", "UTC+08:00", "YYYY-MM-DD HH:mm:ss"],
    ["2026-01-04 17:30:30", "CST", "time zone"],
    ["2026-01-04 17:30:30", "UTC+15:00", "time zone"],
  ])("%s in %s is refused (%s)", (wall, zone, why) => {
    const result = toUtcInstant(wall, zone);
    expect("problem" in result && result.problem).toContain(why);
  });

  test.each([
    // Leap years: every fourth, but not centuries unless divisible by 400.
    ["2000-02-29 00:00:00", "UTC", "2000-02-29T00:00:00Z"],
    ["2026-02-28 23:59:59", "UTC", "2026-02-28T23:59:59Z"],
    ["2026-12-31 00:00:00", "UTC", "2026-12-31T00:00:00Z"],
    // The separator T, spaces around the time or the zone, and fractions of every length.
    ["2026-01-04T17:30:30", "UTC+08:00", "2026-01-04T09:30:30Z"],
    [" 2026-01-04 17:30:30 ", "UTC+08:00", "2026-01-04T09:30:30Z"],
    ["2026-01-04 17:30:30", " UTC+08:00 ", "2026-01-04T09:30:30Z"],
    ["2026-01-04 17:30:30.5", "UTC", "2026-01-04T17:30:30.500Z"],
    ["2026-01-04 17:30:30.123456789", "UTC", "2026-01-04T17:30:30.123Z"],
    ["2026-01-04T17:30:30-0130", "UTC+08:00", "2026-01-04T19:00:30Z"],
    // The widest offsets there are.
    ["2026-01-04 14:00:00", "UTC+14:00", "2026-01-04T00:00:00Z"],
    // Past the first century of a 400-year era (2100-2399, 1700-1999), where the calendar skips leap days.
    ["2150-03-01 00:00:00", "UTC", "2150-03-01T00:00:00Z"],
    ["2150-06-01 00:00:00", "UTC", "2150-06-01T00:00:00Z"],
    ["1999-12-31 23:59:59", "UTC", "1999-12-31T23:59:59Z"],
    ["2026-01-04 00:00:00", "UTC-12:00", "2026-01-04T12:00:00Z"],
  ])("%s in %s is %s (edges)", (wall, zone, utc) => {
    expect(toUtcInstant(wall, zone)).toEqual({ instant: utc });
  });

  test.each([
    ["1900-02-29 00:00:00", "UTC", "not a real date"],
    ["2023-02-29 00:00:00", "UTC", "not a real date"],
    ["2026-04-31 00:00:00", "UTC", "not a real date"],
    ["2024-04-31 00:00:00", "UTC", "not a real date"],
    ["2026-00-10 00:00:00", "UTC", "not a real date"],
    ["2026-13-10 00:00:00", "UTC", "not a real date"],
    ["2026-01-00 00:00:00", "UTC", "not a real date"],
    ["2026-01-04 17:60:00", "UTC", "not a real date"],
    ["2026-01-04 17:30:60", "UTC", "not a real date"],
    // Each separator matters, and only digits are digits (":" and "/" sit just after and before them).
    ["2026/01-04 17:30:30", "UTC", "YYYY-MM-DD HH:mm:ss"],
    ["2026-01/04 17:30:30", "UTC", "YYYY-MM-DD HH:mm:ss"],
    ["2026-01-04_17:30:30", "UTC", "YYYY-MM-DD HH:mm:ss"],
    ["2026-01-04 17-30:30", "UTC", "YYYY-MM-DD HH:mm:ss"],
    ["2026-01-04 17:30-30", "UTC", "YYYY-MM-DD HH:mm:ss"],
    ["2026-01-04 17:30:3:", "UTC", "YYYY-MM-DD HH:mm:ss"],
    ["2026-01-04 17:30:3/", "UTC", "YYYY-MM-DD HH:mm:ss"],
    ["2026-01-04T17:30:30+15:00", "UTC", "unreadable offset"],
    ["2026-01-04T17:30:30+08:60", "UTC", "unreadable offset"],
    ["2026-01-04 17:30:30", "UTC+14:30", "time zone"],
    ["2026-01-04 17:30:30", "UTC+08:60", "time zone"],
    // The reason names what is wrong, and only that: a time with its own offset needs no zone.
    ["2026-02-30T10:00:00+08:00", "CST", "not a real date"],
    ["2026-02-30T10:00:00+08:00", "UTC", "not a real date"],
    ["2026-02-30T10:00:00Z", "UTC", "not a real date"],
    [" 2026-02-30 10:00:00 ", "UTC", "not a real date"],
  ])("%s in %s is refused (%s, edges)", (wall, zone, why) => {
    const result = toUtcInstant(wall, zone);
    expect("problem" in result && result.problem).toContain(why);
  });

  test("zone offsets", () => {
    expect(zoneOffsetMinutes("UTC+13:59")).toBe(839);
    expect(zoneOffsetMinutes("UTC+08:59")).toBe(539);
    expect(zoneOffsetMinutes("UTC+08:00")).toBe(480);
    expect(zoneOffsetMinutes("UTC-03:30")).toBe(-210);
    expect(zoneOffsetMinutes("GMT")).toBe(0);
    expect(zoneOffsetMinutes("UTC+8")).toBe(480);
    expect(zoneOffsetMinutes("Asia/Shanghai")).toBeUndefined();
  });
});

describe("the vendor's example record", () => {
  test("is typed exactly", () => {
    expect(convert({})).toEqual({
      backup: {
        id: "backup-001",
        name: "daily-backup-20231101",
        description: "每日自动备份",
        instanceId: "instance-123",
        instanceName: "prod-db",
        status: "COMPLETED",
        sizeKb: 74464,
        createdAt: "2026-01-04T09:30:30Z",
        updatedAt: "2026-01-04T09:34:24Z",
        timeZone: "UTC+08:00",
        backupType: "Db",
        backupLevel: 2,
        backupMethod: "Db",
        useDetail: "生产环境备份",
      },
    });
  });

  test("backup_mode is passed on when sent", () => {
    expect(convert({ backup_mode: "differential" }).backup?.backupMode).toBe("differential");
  });
});

describe("each field is typed correctly or refused clearly", () => {
  test.each([
    [{ size: "1.5e3" }, { sizeKb: 1500 }],
    [{ size: 74464 }, { sizeKb: 74464 }],
    [{ size: "2", size_unit: "MB" }, { sizeKb: 2048 }],
    [{ size: "3", size_unit: "GB" }, { sizeKb: 3 * 1024 * 1024 }],
    [{ size: "1", size_unit: "TB" }, { sizeKb: 1024 ** 3 }],
    [{ size: "2048", size_unit: "B" }, { sizeKb: 2 }],
    [{ size: "5", size_unit: "kb" }, { sizeKb: 5 }],
    [{ backup_level: 1 }, { backupLevel: 1 }],
    [{ extra_field: "ignored" }, { id: "backup-001" }],
    [{ description: null }, { description: "" }],
  ] as Array<[Record<string, unknown>, Record<string, unknown>]>)("%j is typed", (overrides, expected) => {
    expect(convert(overrides).backup).toMatchObject(expected);
  });

  test.each([
    [{ size: "" }, "size must be a non-negative decimal number"],
    [{ size: "abc" }, "size must be a non-negative decimal number"],
    [{ size: "-5" }, "size must be a non-negative decimal number"],
    [{ size: true }, "size"],
    [{ size_unit: "PB" }, "size_unit must be one of"],
    [{ size_unit: "constructor" }, 'size_unit must be one of B, KB, MB, GB, TB (got "constructor")'],
    [{ size_unit: "toString" }, 'size_unit must be one of B, KB, MB, GB, TB (got "toString")'],
    [{ size_unit: "__proto__" }, "size_unit must be one of"],
    [{ size: "1e400" }, 'size must be a finite number of KB (got "1e400")'],
    [{ size: "1e305", size_unit: "TB" }, "size must be a finite number of TB"],
    [{ status: "RESTORING" }, 'status must be one of BUILDING, COMPLETED, FAILED, DELETING (got "RESTORING")'],
    [{ backup_type: "auto" }, "backup_type must be one of Db, Snapshot"],
    [{ backup_level: "x" }, "backup_level must be a positive integer"],
    [{ created: "yesterday" }, "created is not a time"],
    [{ updated: "2026-13-01 00:00:00" }, "updated is not a real date"],
    [{ time_zone: "Beijing" }, "time zone"],
    [{ id: 17 }, "id"],
    [{ name: undefined }, "name"],
    [{ backup_mode: "full" }, "backup_mode must be one of differential, completed"],
  ] as Array<[Record<string, unknown>, string]>)("%j is refused", (overrides, message) => {
    expect(convert(overrides).rejected).toContain(message);
  });
});

describe("toBackup on its own (what the wire schema lets through, and what it would not)", () => {
  const record = (overrides: Record<string, unknown>) => ({ ...vendorExample, ...overrides });
  const problemsOf = (value: unknown) => {
    const result = toBackup(value);
    return "problems" in result ? result.problems : [];
  };

  test.each([
    [null, "must be an object (got null)"],
    [[vendorExample], "must be an object (got an array)"],
    ["backup-001", 'must be an object (got "backup-001")'],
    [7, "must be an object (got number 7)"],
  ])("%j is not a record", (value, message) => {
    expect(problemsOf(value)).toEqual([message]);
  });

  test("each wrong value is described for what it is: missing, null, boolean, object, array, long text cut at 40 characters", () => {
    expect(problemsOf(record({ name: undefined }))).toEqual(["name must be a string (got nothing: the field is missing)"]);
    expect(problemsOf(record({ name: null }))).toEqual(["name must be a string (got null)"]);
    expect(problemsOf(record({ status: true }))).toEqual([expect.stringMatching(/got boolean true\)$/)]);
    expect(problemsOf(record({ status: {} }))).toEqual([expect.stringMatching(/got an object\)$/)]);
    expect(problemsOf(record({ status: [] }))).toEqual([expect.stringMatching(/got an array\)$/)]);
    expect(problemsOf(record({ status: "X".repeat(40) }))).toEqual([expect.stringContaining(`(got "${"X".repeat(40)}")`)]);
    expect(problemsOf(record({ status: "X".repeat(41) }))).toEqual([expect.stringContaining(`(got "${"X".repeat(37)}...")`)]);
  });

  test("an empty id is refused; absent free text is empty; an empty backup_mode is no mode", () => {
    expect(problemsOf(record({ id: "" }))).toEqual(["id must not be empty"]);
    expect(problemsOf(record({ id: 5 }))).toEqual(["id must be a string (got number 5)"]);
    const typed = toBackup(record({ description: undefined, use_detail: null, backup_mode: "" }));
    expect(typed).toMatchObject({ backup: { description: "", useDetail: "" } });
    expect("backup" in typed && typed.backup).not.toHaveProperty("backupMode");
    expect(toBackup(record({ backup_mode: "differential" }))).toMatchObject({ backup: { backupMode: "differential" } });
  });

  test("a missing size_unit is one problem, not two; a size that is no finite number is refused", () => {
    expect(problemsOf(record({ size_unit: undefined }))).toEqual(["size_unit must be a string (got nothing: the field is missing)"]);
    expect(problemsOf(record({ size: Infinity }))).toEqual(["size must be a number in a string (got number Infinity)"]);
    expect(problemsOf(record({ size: "12" }))).toEqual([]);
  });
});

describe("a page as a whole", () => {
  const response = (body: unknown) => ({
    body,
    context: { instanceId: "i", method: "GET", url: "http://127.0.0.1/", attempts: 1, status: 200 },
    quote: () => "",
  });

  test("total_count up to the limit is taken, one more is refused", () => {
    expect(typePage(response({ backups: [], total_count: "1000" }), 1000).totalCount).toBe(1000);
    expect(() => typePage(response({ backups: [], total_count: "1001" }), 1000)).toThrow(/total_count 1001 is more than the 1000 backups/);
  });

  test("total_count must be a whole number", () => {
    expect(() => typePage(response({ backups: [], total_count: "12abc" }))).toThrow(/total_count must be a whole number \(got "12abc"\)/);
    expect(() => typePage(response({ backups: [], total_count: "99999999999999999999" }))).toThrow(/total_count must be a whole number/);
    // Digits only, from the first character to the last, though Number() would read each of these.
    for (const lenient of ["+12", "12 ", " 12", "1e2"]) {
      expect(() => typePage(response({ backups: [], total_count: lenient }))).toThrow(/total_count must be a whole number/);
    }
  });

  test("a bad record is named by its index, and by its id when it has one", () => {
    const bad = { ...vendorExample, status: "LOST" };
    expect(() => typePage(response({ backups: [vendorExample, bad], total_count: "2" }))).toThrow(
      /^.*backups\[1\] \(id backup-001\): status/,
    );
    expect(() => typePage(response({ backups: [{ ...bad, id: 7 }], total_count: "1" }))).toThrow(/backups\[0\]: /);
  });
});

describe("problems with a page's envelope", () => {
  const issuesOf = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) throw new Error("expected a problem");
    return describeSchemaIssues(parsed.error);
  };

  test("each problem is named by its path, the body itself as (body)", () => {
    expect(issuesOf(wirePageSchema, { backups: {}, total_count: "1" })).toBe("backups: must be an array of backups");
    expect(issuesOf(wirePageSchema, null)).toMatch(/^\(body\): /);
    expect(issuesOf(z.object({ a: z.array(z.object({ b: z.string() })) }), { a: [{ b: 1 }] })).toMatch(/^a\[0\]\.b: /);
  });

  test("five problems are listed; more are counted", () => {
    const six = z.object(Object.fromEntries(["a", "b", "c", "d", "e", "f"].map((key) => [key, z.string()])));
    const five = z.object(Object.fromEntries(["a", "b", "c", "d", "e"].map((key) => [key, z.string()])));
    const sixIssues = issuesOf(six, {});
    expect(sixIssues.split("; ").filter((line) => /^[a-f]: /.test(line))).toHaveLength(5);
    expect(sixIssues).toMatch(/; and 1 more$/);
    expect(issuesOf(five, {})).not.toContain("more");
  });
});
