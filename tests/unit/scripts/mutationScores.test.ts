/** The per-part gate of `npm run mutation` (scripts/mutationScores.ts), on hand-made reports. */
import { PARTS, percent, scoresOf } from "../../../scripts/mutationScores";

const mutants = (statuses: Record<string, number>) =>
  Object.entries(statuses).flatMap(([status, count]) => Array.from({ length: count }, () => ({ status })));

describe("mutation scores", () => {
  test("killed and timed-out mutants count as detected, survivors and uncovered ones as not, the rest not at all", () => {
    const { parts, total } = scoresOf({
      files: {
        "provider/listing.ts": { mutants: mutants({ Killed: 7, Timeout: 2, Survived: 1, NoCoverage: 1, CompileError: 5, Ignored: 3 }) },
      },
    });
    expect(parts.find((p) => p.name.startsWith("listing"))).toMatchObject({ detected: 9, undetected: 2, gated: true });
    expect(total).toMatchObject({ detected: 9, undetected: 2 });
  });

  test("a file goes to the first part that names it: the client to retries, the rest of http/ to transport", () => {
    const { parts } = scoresOf({
      files: {
        "provider/http/client.ts": { mutants: mutants({ Killed: 1 }) },
        "provider/http/redact.ts": { mutants: mutants({ Survived: 1 }) },
      },
    });
    expect(parts.find((p) => p.name.startsWith("retries"))).toMatchObject({ detected: 1, undetected: 0 });
    expect(parts.find((p) => p.name.startsWith("transport"))).toMatchObject({ detected: 0, undetected: 1 });
  });

  test("the gated parts are the ones the project holds to 90%", () => {
    expect(PARTS.filter((p) => p.gated).map((p) => p.name.split(" ")[0])).toEqual([
      "listing",
      "paging",
      "selection",
      "typing",
      "settings",
      "signing",
      "retries",
      "limiter",
    ]);
  });

  test("a part without counted mutants scores 100%, otherwise detected over counted", () => {
    expect(percent({ detected: 0, undetected: 0 })).toBe(100);
    expect(percent({ detected: 9, undetected: 1 })).toBe(90);
  });
});
