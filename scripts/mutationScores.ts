/**
 * The mutation score of each part of the core, from StrykerJS's JSON report, and the gate of
 * `npm run mutation`: the parts the project holds to 90% (the data path from the API's answers to
 * the result, and the signing, retries and limiter on the way) fail the run below it; the others
 * are shown. The table it prints is the one the README shows.
 *
 * Stryker's own `thresholds.break` judges only the whole run; a weak module would hide behind
 * strong ones.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../harness/repoRoot";

interface Part {
  readonly name: string;
  /** Files by path from the repository root; a path ending in "/" is a folder. */
  readonly files: readonly string[];
  readonly gated: boolean;
}

/** The parts and the gate, as tests/mutation/scope.cjs defines them for StrykerJS too; each mutated file belongs to the first part that names it. */
const scope = require(path.join(repoRoot(), "tests", "mutation", "scope.cjs")) as { PARTS: readonly Part[]; GATE_PERCENT: number };
export const PARTS = scope.PARTS;
export const GATE_PERCENT = scope.GATE_PERCENT;

/** Statuses that count: detected (killed, or an endless loop timed out) against undetected. */
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

interface Report {
  readonly files: Record<string, { readonly mutants: ReadonlyArray<{ readonly status: string }> }>;
}

export interface Score {
  readonly name: string;
  readonly gated: boolean;
  readonly detected: number;
  readonly undetected: number;
}

export function percent(score: Pick<Score, "detected" | "undetected">): number {
  const counted = score.detected + score.undetected;
  return counted === 0 ? 100 : (100 * score.detected) / counted;
}

export function scoresOf(report: Report): { parts: Score[]; total: Score } {
  const tally = new Map(PARTS.map((part) => [part.name, { detected: 0, undetected: 0 }]));
  const total = { detected: 0, undetected: 0 };
  for (const [file, { mutants }] of Object.entries(report.files)) {
    // Stryker names files from the project's root, as PARTS does.
    const part = PARTS.find((p) => p.files.some((f) => (f.endsWith("/") ? file.startsWith(f) : file === f)));
    for (const { status } of mutants) {
      const key = DETECTED.has(status) ? "detected" : UNDETECTED.has(status) ? "undetected" : undefined;
      if (key === undefined) continue;
      total[key]++;
      if (part) tally.get(part.name)![key]++;
    }
  }
  return {
    parts: PARTS.map((part) => ({ name: part.name, gated: part.gated, ...tally.get(part.name)! })),
    total: { name: "all of the core", gated: false, ...total },
  };
}

function markdown(parts: readonly Score[], total: Score): string {
  const row = (s: Score) =>
    `| ${s.name} | ${percent(s).toFixed(1)}% | ${s.detected} of ${s.detected + s.undetected} | ${s.gated ? `${GATE_PERCENT}%` : "-"} |`;
  return ["| part | score | mutants detected | gate |", "| --- | --- | --- | --- |", ...parts.map(row), row(total)].join("\n");
}

function main(): void {
  // npm runs scripts from the package's root, where Stryker wrote its report.
  const reportPath = path.resolve("reports/mutation/mutation.json");
  if (!fs.existsSync(reportPath)) {
    console.error(`No mutation report at ${reportPath}: run \`npm run mutation\` first.`);
    process.exit(2);
  }
  const { parts, total } = scoresOf(JSON.parse(fs.readFileSync(reportPath, "utf8")) as Report);
  const below = parts.filter((s) => s.gated && percent(s) < GATE_PERCENT);
  console.log(markdown(parts, total));
  if (below.length > 0) {
    console.error(`\nBelow ${GATE_PERCENT}%: ${below.map((s) => `${s.name} ${percent(s).toFixed(1)}%`).join("; ")}.`);
    process.exit(1);
  }
  console.log(`\nEvery gated part is at ${GATE_PERCENT}% or above.`);
}

if (require.main === module) main();
