// The simulator's command line: parsed with node:util parseArgs, then every value checked, so the
// rest of the CLI only ever sees typed, valid options. Errors are one line naming the problem.
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { SCENARIOS, type Scenario } from '../../shared/index.js';
import { POLICY_NAMES, type PolicyName, policyProblem } from '../../shared/bots/policies.js';
import { type ScenarioSource, resolveScenario } from './source.js';

export const USAGE =
  'usage: npm run sim -- --scenario <id|path.json> --games N --seed S [--bots seat=policy ...] [--workers K] [--csv out.csv] [--json]';

/** What --help prints: the usage line and the names the flags accept. */
export const helpText = (): string =>
  [
    USAGE,
    `  --scenario  a shipped scenario (${Object.keys(SCENARIOS).join(', ')}) or the path of a scenario .json file`,
    `  --bots      seat=policy, repeatable; policies: ${POLICY_NAMES.join(', ')}`,
    '  --workers   worker threads (default: the number of cores)',
    '  --csv       also write one row per match to this file',
    '  --json      print one JSON object instead of the table, and no progress bar',
  ].join('\n');

export interface SimOptions {
  scenario: Scenario;
  /** How workers rebuild the scenario. */
  source: ScenarioSource;
  games: number;
  /** Match i plays with deriveSeed(seed, i), so results never depend on the worker count. */
  seed: number;
  /** Policy per seat: the scenario's defaults with --bots on top, each checked against its role. */
  policies: Record<string, PolicyName>;
  workers: number;
  csv: string | null;
  json: boolean;
}

export type Parsed = { ok: true; options: SimOptions } | { ok: true; help: true } | { ok: false; error: string };

const OPTIONS = {
  scenario: { type: 'string' },
  games: { type: 'string' },
  seed: { type: 'string' },
  bots: { type: 'string', multiple: true },
  workers: { type: 'string' },
  csv: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** deriveSeed mixes the seed as a uint32, so larger seeds would silently repeat smaller ones. */
const MAX_SEED = 2 ** 32 - 1;
/** A typo guard: each worker is a whole V8 isolate. */
const MAX_WORKERS = 256;

/** A whole number written in decimal within [min, max], or a reason (`expected` says what is allowed). */
const integer = (
  flag: string,
  text: string | undefined,
  min: number,
  max: number,
  expected: string,
): number | string => {
  if (text === undefined) return `missing --${flag}`;
  const n = /^-?\d+$/.test(text.trim()) ? Number(text) : NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : `--${flag} must be ${expected}, got "${text}"`;
};

/** Catches a CSV path that cannot be written before the run, not after it. */
const checkCsvPath = (path: string): string | null => {
  if (path === '') return '--csv needs a file name';
  try {
    accessSync(dirname(path), constants.W_OK);
    return null;
  } catch {
    return `--csv ${path}: directory ${dirname(path)} does not exist or is not writable`;
  }
};

/** The raw flag values, or parseArgs's complaint (unknown flag, missing value, stray positional). */
const readFlags = (argv: readonly string[]) => {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    // parseArgs spreads its message over lines (problem, then hints); the CLI prints one line.
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ');
    const stray = argv.find((a) => !a.startsWith('-') && a.includes('='));
    return stray && message.includes('positional') ? `${message} (repeat --bots for each seat)` : message;
  }
};

/** Effective policy per seat, or the first problem: unknown seat, unknown policy, or the wrong role. */
const policiesFor = (scenario: Scenario, bots: readonly string[]): Record<string, PolicyName> | string => {
  const overrides = new Map<string, string>();
  for (const pair of bots.flatMap((b) => b.split(',')).filter((p) => p.trim() !== '')) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(pair);
    if (!match?.[1] || !match[2]) return `--bots expects seat=policy, got "${pair}"`;
    if (overrides.has(match[1])) return `--bots gives seat "${match[1]}" twice`;
    overrides.set(match[1], match[2]);
  }
  const seats = new Set(scenario.seats.map((s) => s.id));
  for (const seat of overrides.keys())
    if (!seats.has(seat))
      return `--bots: unknown seat "${seat}" in scenario ${scenario.id} (seats: ${[...seats].join(', ')})`;
  const policies: Record<string, PolicyName> = {};
  for (const seat of scenario.seats) {
    const name = overrides.get(seat.id) ?? seat.bot;
    const problem = policyProblem(name, seat.role);
    // The schema accepts any string as a seat's default bot, so a file's defaults are checked here too.
    if (problem)
      return `${overrides.has(seat.id) ? '--bots' : 'scenario default bot'} for seat "${seat.id}": ${problem}`;
    const policy = POLICY_NAMES.find((p) => p === name);
    if (policy) policies[seat.id] = policy;
  }
  return policies;
};

/** Parses argv (without node and script); `cores` is the default worker count. */
export const parseSimArgs = (argv: readonly string[], cores: number): Parsed => {
  const values = readFlags(argv);
  if (typeof values === 'string') return { ok: false, error: values };
  if (values.help) return { ok: true, help: true };
  if (values.scenario === undefined) return { ok: false, error: 'missing --scenario' };
  const games = integer('games', values.games, 1, Number.MAX_SAFE_INTEGER, 'a positive integer');
  if (typeof games === 'string') return { ok: false, error: games };
  const seed = integer('seed', values.seed, 0, MAX_SEED, `an integer from 0 to ${MAX_SEED}`);
  if (typeof seed === 'string') return { ok: false, error: seed };
  const workers =
    values.workers === undefined
      ? cores
      : integer('workers', values.workers, 1, MAX_WORKERS, `a positive integer up to ${MAX_WORKERS}`);
  if (typeof workers === 'string') return { ok: false, error: workers };
  const csvProblem = values.csv === undefined ? null : checkCsvPath(values.csv);
  if (csvProblem) return { ok: false, error: csvProblem };
  const loaded = resolveScenario(values.scenario);
  if (!loaded.ok) return loaded;
  const policies = policiesFor(loaded.scenario, values.bots ?? []);
  if (typeof policies === 'string') return { ok: false, error: policies };
  return {
    ok: true,
    options: {
      scenario: loaded.scenario,
      source: loaded.source,
      games,
      seed,
      policies,
      workers,
      csv: values.csv ?? null,
      json: values.json ?? false,
    },
  };
};
