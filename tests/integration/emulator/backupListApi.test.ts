/** ShowInstanceBackups through real HTTP: paging, orders, filters, field types, errors, IAM. */
import { startEmulator, type RunningEmulator } from "pulumi-taurusdb-backups/emulator";
import { BACKUP_LEVELS, BACKUP_STATUSES, BACKUP_TYPES } from "../../../provider/api/rules";
import type { WireBackup, WireBackupPage, WireError, WireProjectList } from "../../../provider/api/wire";
import { backupsUrl, getJson, tokenHeaders } from "../../support/emulatorRequests";

const FIXED_NOW = Date.UTC(2026, 0, 4, 9, 30, 30);

describe("backup list", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 250, seed: 42, now: () => FIXED_NOW });
  });
  afterAll(() => emulator.close());

  const list = (query = "", extra: Record<string, string> = {}) =>
    getJson<WireBackupPage>(backupsUrl(emulator, query), tokenHeaders(emulator, extra));

  async function collect(query: string, limit: number): Promise<WireBackup[]> {
    const all: WireBackup[] = [];
    for (let offset = 0; ; offset += limit) {
      const { body } = await list(`offset=${offset}&limit=${limit}${query}`);
      all.push(...body.backups);
      if (body.backups.length < limit) return all;
    }
  }

  it("serves the first 100 newest first by default, with a string total_count", async () => {
    const { status, body, headers } = await list();
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^application\/json/);
    expect(headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(body.total_count).toBe("250");
    expect(body.backups).toHaveLength(100);
    expect(body.backups).toEqual(emulator.control.backups().slice(0, 100));
    const created = body.backups.map((b) => b.created);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it("sends every field as a string shaped like the vendor's example", async () => {
    const { body } = await list("limit=100");
    for (const b of body.backups) {
      for (const value of Object.values(b)) expect(typeof value).toBe("string");
      expect(Object.keys(b)).toEqual([
        "id",
        "description",
        "instance_id",
        "instance_name",
        "name",
        "size",
        "size_unit",
        "status",
        "created",
        "updated",
        "backup_type",
        "backup_level",
        "backup_method",
        "use_detail",
        "time_zone",
      ]);
      expect(b.id).toMatch(/^[0-9a-f]{32}br01$/);
      expect(b.instance_id).toBe(emulator.instanceId);
      expect(b.size).toMatch(/^\d+\.0$/);
      expect(b.size_unit).toBe("KB");
      expect(BACKUP_STATUSES).toContain(b.status);
      expect(BACKUP_TYPES).toContain(b.backup_type);
      expect(BACKUP_TYPES).toContain(b.backup_method);
      expect(BACKUP_LEVELS).toContain(b.backup_level);
      expect(b.created).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(b.updated >= b.created).toBe(true);
      expect(b.time_zone).toBe("UTC+08:00");
    }
    // The fixed clock is 09:30:30 UTC, so nothing is newer than 17:30:30 in UTC+08:00.
    expect(body.backups[0].created <= "2026-01-04 17:30:30").toBe(true);
  });

  it("pages by record offset without gaps or repeats", async () => {
    const paged = await collect("", 7);
    expect(paged).toHaveLength(250);
    expect(new Set(paged.map((b) => b.id)).size).toBe(250);
    expect(paged).toEqual(emulator.control.backups());
  });

  it("answers an empty page past the end, still with the total", async () => {
    const { status, body } = await list("offset=250&limit=10");
    expect(status).toBe(200);
    expect(body).toEqual({ backups: [], total_count: "250" });
    expect((await list("offset=9999999")).body.backups).toEqual([]);
  });

  it.each([
    ["name", "asc", (a: WireBackup, b: WireBackup) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)],
    ["name", "desc", (a: WireBackup, b: WireBackup) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0)],
    ["type", "asc", (a: WireBackup, b: WireBackup) => (a.backup_type < b.backup_type ? -1 : a.backup_type > b.backup_type ? 1 : 0)],
    ["beginTime", "asc", (a: WireBackup, b: WireBackup) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0)],
  ] as const)("orders by %s %s, deterministically across pages", async (field, rule, compare) => {
    const paged = await collect(`&order_field=${field}&order_rule=${rule}`, 30);
    expect(paged).toHaveLength(250);
    expect(new Set(paged.map((b) => b.id)).size).toBe(250);
    for (let i = 1; i < paged.length; i++) expect(compare(paged[i - 1], paged[i])).toBeLessThanOrEqual(0);
    expect(await collect(`&order_field=${field}&order_rule=${rule}`, 100)).toEqual(paged);
  });

  it("makes descending the exact reverse of ascending, and desc the default rule", async () => {
    const ascending = await collect("&order_field=name&order_rule=asc", 100);
    const descending = await collect("&order_field=name&order_rule=desc", 100);
    expect(descending).toEqual([...ascending].reverse());
    expect(await collect("&order_field=name", 100)).toEqual(descending);
    // order_rule alone orders by begin time.
    expect(await collect("&order_rule=asc", 100)).toEqual([...emulator.control.backups()].reverse());
    expect(await collect("&order_field=beginTime&order_rule=desc", 100)).toEqual(emulator.control.backups());
  });

  it("filters by a case-insensitive substring of the name; total_count counts the matches", async () => {
    const expected = emulator.control.backups().filter((b) => b.name.toLowerCase().includes("daily-backup-2025"));
    expect(expected.length).toBeGreaterThan(0);
    const { body } = await list("filter_field=name&filter_content=DAILY-Backup-2025&limit=100");
    expect(body.total_count).toBe(String(expected.length));
    expect(body.backups).toEqual(expected.slice(0, 100));
    const none = await list("filter_field=name&filter_content=no-such-name");
    expect(none.body).toEqual({ backups: [], total_count: "0" });
    // An empty filter matches every name.
    expect((await list("filter_field=name&filter_content=")).body.total_count).toBe("250");
  });

  it("filters by non-ASCII text sent percent-encoded or form-encoded", async () => {
    const id = emulator.control.addBackup({ name: "升级前 备份 (v2)*" }).id;
    const encoded = await list(`filter_field=name&filter_content=${encodeURIComponent("升级前 备份 (")}`);
    const formEncoded = await list(`filter_field=name&${new URLSearchParams({ filter_content: "前 备份 (v2)*" })}`);
    expect(encoded.body.backups.map((b) => b.id)).toEqual([id]);
    expect(formEncoded.body.backups.map((b) => b.id)).toEqual([id]);
    emulator.control.deleteBackup(id);
  });

  it("ignores unknown query parameters", async () => {
    expect((await list("limit=3&marker=abc")).body.backups).toHaveLength(3);
  });

  it.each([
    ["offset=-1", "offset"],
    ["offset=1.5", "offset"],
    ["offset=abc", "offset"],
    ["offset=", "offset"],
    ["offset=99999999999999999999", "offset"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["limit=5&limit=6", "limit"],
    ["order_field=size", "order_field"],
    ["order_field=Name", "order_field"],
    ["order_field=name&order_rule=up", "order_rule"],
    ["filter_field=status&filter_content=x", "filter_field"],
    ["filter_field=name", "filter_field"],
    ["filter_content=daily", "filter_content"],
  ])("rejects %s with 400 DBS.280234 naming %s", async (query, parameter) => {
    const { status, body } = await getJson<WireError>(backupsUrl(emulator, query), tokenHeaders(emulator));
    expect(status).toBe(400);
    expect(body.error_code).toBe("DBS.280234");
    expect(body.error_msg).toContain(parameter);
  });

  it("answers in Chinese when X-Language is zh-cn", async () => {
    const { status, body } = await getJson<WireError>(backupsUrl(emulator, "limit=0"), tokenHeaders(emulator, { "X-Language": "zh-cn" }));
    expect(status).toBe(400);
    expect(body.error_code).toBe("DBS.280234");
    expect(body.error_msg).toMatch(/参数limit无效/);
    const english = await getJson<WireError>(backupsUrl(emulator, "limit=0"), tokenHeaders(emulator, { "X-Language": "en-us" }));
    expect(english.body.error_msg).toMatch(/^Invalid parameter limit/);
  });

  it("rejects malformed ids with 400, other projects with 403 and unknown instances with 404", async () => {
    const headers = tokenHeaders(emulator);
    const at = (project: string, instance: string) =>
      getJson<WireError>(`${emulator.url}/v3/${project}/instances/${instance}/backups`, headers);
    const shortProject = await at("abc", emulator.instanceId);
    expect([shortProject.status, shortProject.body.error_code]).toEqual([400, "DBS.280234"]);
    expect(shortProject.body.error_msg).toContain("project_id");
    const badInstance = await at(emulator.projectId, "x".repeat(36));
    expect([badInstance.status, badInstance.body.error_code]).toEqual([400, "DBS.280234"]);
    expect(badInstance.body.error_msg).toContain("instance_id");
    const otherProject = await at("0".repeat(32), emulator.instanceId);
    expect([otherProject.status, otherProject.body.error_code]).toEqual([403, "DBS.200010"]);
    const unknownInstance = await at(emulator.projectId, `${"0".repeat(32)}in07`);
    expect([unknownInstance.status, unknownInstance.body.error_code]).toEqual([404, "DBS.200002"]);
    const zh = await getJson<WireError>(`${emulator.url}/v3/${emulator.projectId}/instances/${"0".repeat(32)}in07/backups`, {
      ...headers,
      "X-Language": "zh-cn",
    });
    expect(zh.body.error_msg).toBe("实例不存在。");
  });

  it("serves other instances of the same project", async () => {
    const second = emulator.control.addInstance({ backups: 3, seed: 42, timeZone: "UTC-05:00", name: "analytics" });
    expect(second).toMatch(/^[A-Za-z0-9]{32}in07$/);
    expect(second).not.toBe(emulator.instanceId);
    const { body } = await getJson<WireBackupPage>(backupsUrl(emulator, "", second), tokenHeaders(emulator));
    expect(body.total_count).toBe("3");
    expect(body.backups.every((b) => b.instance_name === "analytics" && b.time_zone === "UTC-05:00")).toBe(true);
    expect(emulator.control.instances().map((i) => i.id)).toEqual([emulator.instanceId, second]);
  });
});

describe("IAM projects", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ region: "ap-southeast-1" });
  });
  afterAll(() => emulator.close());

  it("lists the project of its region by name, and none for another region", async () => {
    const mine = await getJson<WireProjectList>(`${emulator.url}/v3/projects?name=ap-southeast-1`, tokenHeaders(emulator));
    expect(mine.status).toBe(200);
    expect(mine.body.projects).toHaveLength(1);
    expect(mine.body.projects[0]).toMatchObject({ id: emulator.projectId, name: "ap-southeast-1", enabled: true });
    expect(mine.body.projects[0].domain_id).toMatch(/^[0-9a-f]{32}$/);
    const other = await getJson<WireProjectList>(`${emulator.url}/v3/projects?name=cn-north-4`, tokenHeaders(emulator));
    expect(other.body).toEqual({ projects: [] });
  });

  it("requires authentication too", async () => {
    const { status, body } = await getJson<WireError>(`${emulator.url}/v3/projects?name=ap-southeast-1`);
    expect(status).toBe(401);
    expect(body.error_code).toBe("APIGW.0301");
  });
});

describe("generated data", () => {
  it("is the same for the same seed and clock, and different for another seed", async () => {
    const now = () => FIXED_NOW;
    const [a, b, c] = await Promise.all([
      startEmulator({ seed: 5, backups: 40, now }),
      startEmulator({ seed: 5, backups: 40, now }),
      startEmulator({ seed: 6, backups: 40, now }),
    ]);
    try {
      expect(a.projectId).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(a.instanceId).toMatch(/^[A-Za-z0-9]{32}in07$/);
      expect([b.projectId, b.instanceId, b.credentials]).toEqual([a.projectId, a.instanceId, a.credentials]);
      expect(b.control.backups()).toEqual(a.control.backups());
      expect(c.projectId).not.toBe(a.projectId);
      expect(c.control.backups()).not.toEqual(a.control.backups());
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it("generates 50,000 backups and serves deep pages", async () => {
    const big = await startEmulator({ backups: 50_000 });
    try {
      const first = await getJson<WireBackupPage>(
        backupsUrl(big, "offset=49990&limit=100&order_field=name&order_rule=asc"),
        tokenHeaders(big),
      );
      expect(first.body.total_count).toBe("50000");
      expect(first.body.backups).toHaveLength(10);
      const statuses = new Set(big.control.backups().map((b) => b.status));
      expect(statuses.has("COMPLETED") && statuses.has("FAILED")).toBe(true);
      expect(new Set(big.control.backups().map((b) => b.backup_type))).toEqual(new Set(["Db", "Snapshot"]));
    } finally {
      await big.close();
    }
  });
});
