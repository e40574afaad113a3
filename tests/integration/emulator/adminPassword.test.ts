/** The admin password call: the vendor's rule, 409 while busy, and the password never seen again. */
import { startEmulator, type RunningEmulator } from "pulumi-taurusdb-backups/emulator";
import { passwordPath } from "../../../provider/api/instanceWire";
import type { WireError } from "../../../provider/api/wire";
import { callApi } from "../../support/emulatorRequests";

describe("admin password", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 3 });
  });
  afterAll(() => emulator.close());

  const setPassword = (password: unknown, headers: Record<string, string> = {}) =>
    callApi<WireError>(emulator, passwordPath(emulator.projectId, emulator.instanceId), { body: JSON.stringify({ password }), headers });

  it("sets a password that meets the rule, answers {}, and keeps only what can check it", async () => {
    expect(emulator.control.passwordMatches("Taurus-2026")).toBe(false);
    const { status, text } = await setPassword("Taurus-2026");
    expect([status, text]).toEqual([200, "{}"]);
    expect(emulator.control.passwordMatches("Taurus-2026")).toBe(true);
    expect(emulator.control.passwordMatches("taurus-2026")).toBe(false);
    expect(emulator.control.passwordChanges()).toBe(1);
    const other = emulator.control.addInstance();
    expect(emulator.control.passwordMatches("Taurus-2026", other)).toBe(false);
    expect(emulator.control.passwordChanges(other)).toBe(0);
  });

  it.each([
    ["7 characters", "Ab1-xyz", "8 to 32"],
    ["33 characters", `Ab1-${"x".repeat(29)}`, "8 to 32"],
    ["a space", "Abc 12345", "special characters"],
    ["a character outside the special set", "Abc12345'", "special characters"],
    ["only two kinds", "abcdefgh1234", "at least three"],
  ])("refuses a password of %s with 400 DBS.280234, never repeating it", async (_label, password, mentioned) => {
    const changes = emulator.control.passwordChanges();
    for (const language of ["en-us", "zh-cn"]) {
      const { status, body, text } = await setPassword(password, { "X-Language": language });
      expect([status, body.error_code]).toEqual([400, "DBS.280234"]);
      expect(text).not.toContain(password);
      if (language === "en-us") expect(body.error_msg).toContain(mentioned);
    }
    expect(emulator.control.passwordChanges()).toBe(changes);
  });

  it("accepts every special character of the vendor's set, and three kinds are enough", async () => {
    for (const password of ["~!@#$%^*-_=+?,()&|.Ab", "abcdefg_1", "ABCDEFG-1", "Abcdefgh1"]) {
      expect([password, (await setPassword(password)).status]).toEqual([password, 200]);
      expect(emulator.control.passwordMatches(password)).toBe(true);
    }
  });

  it("refuses a missing or non-text password, and a body that is not a JSON object", async () => {
    expect((await setPassword(undefined)).body.error_msg).toContain("password");
    expect((await setPassword(12345678)).body.error_code).toBe("DBS.280234");
    const notJson = await callApi<WireError>(emulator, passwordPath(emulator.projectId, emulator.instanceId), {
      body: "password=Abc12345",
    });
    expect([notJson.status, notJson.body.error_code]).toEqual([400, "DBS.280234"]);
  });

  it("answers 409 while the instance is busy, and sets nothing", async () => {
    const changes = emulator.control.passwordChanges();
    const release = emulator.control.makeBusy();
    const busy = await setPassword("Busy-Time-1");
    expect([busy.status, busy.body.error_code]).toEqual([409, "DBS.200019"]);
    release();
    expect(emulator.control.passwordMatches("Busy-Time-1")).toBe(false);
    expect(emulator.control.passwordChanges()).toBe(changes);
    expect((await setPassword("Busy-Time-1")).status).toBe(200);
  });

  it("keeps passwords out of the request log, the stats and every answer", async () => {
    const secret = "Never-Logged-9";
    const answer = await setPassword(secret);
    const refused = await setPassword(`${secret} `);
    expect(answer.text).not.toContain(secret);
    expect(refused.text).not.toContain(secret);
    const recorded = JSON.stringify([
      emulator.control.requests(),
      emulator.control.stats(),
      emulator.control.jobs(),
      emulator.control.instances(),
    ]);
    expect(recorded).not.toContain(secret);
  });
});
