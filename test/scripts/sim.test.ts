// The simulator CLI end to end, as a child process: exit codes, one-line errors, the JSON contract,
// byte-identical results whatever the worker count, and the CSV file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { SCENARIOS } from '../../shared/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the CLI as `node --import tsx scripts/sim.ts …` and collects its exit code and output. */
const run = (...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sim.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const dir = mkdtempSync(join(tmpdir(), 'guarantor-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The classroom scenario with one bad field, written where the CLI can read it. */
const badScenario = (): string => {
  const scenario = SCENARIOS['classroom'];
  if (!scenario) throw new Error('no classroom scenario');
  const [first, ...rest] = scenario.nations;
  if (!first) throw new Error('classroom has no nations');
  const path = join(dir, 'bad.json');
  writeFileSync(path, JSON.stringify({ ...scenario, nations: [{ ...first, gdp: -5 }, ...rest] }));
  return path;
};

const base = ['--scenario', 'classroom', '--games', '4', '--seed', '1', '--workers', '1'];

describe.concurrent('argument errors: exit code 2 and one line naming the problem', () => {
  test.each([
    ['bad --games', ['--scenario', 'classroom', '--games', '0', '--seed', '1'], /--games must be a positive integer/],
    ['non-numeric --games', ['--scenario', 'classroom', '--games', '10x', '--seed', '1'], /--games .*"10x"/],
    ['bad --seed', ['--scenario', 'classroom', '--games', '4', '--seed', '1.5'], /--seed must be an integer/],
    ['bad --workers', [...base, '--workers', '0'], /--workers must be a positive integer/],
    ['unknown flag', [...base, '--gmaes', '3'], /unknown option '--gmaes'/i],
    ['missing --scenario', ['--games', '4', '--seed', '1'], /missing --scenario/],
    ['unknown scenario', ['--scenario', 'atlantis', '--games', '4', '--seed', '1'], /unknown scenario "atlantis"/],
    ['a prototype key as scenario', ['--scenario', 'constructor', '--games', '4', '--seed', '1'], /unknown scenario/],
    ['unknown policy', [...base, '--bots', 'varkal=berserk'], /unknown policy "berserk"/],
    ['policy for the wrong role', [...base, '--bots', 'varkal=honor'], /seat "varkal".*plays only guarantor/],
    ['unknown seat', [...base, '--bots', 'ruritania=hawk'], /unknown seat "ruritania"/],
    ['missing file', ['--scenario', join(dir, 'missing.json'), '--games', '4', '--seed', '1'], /no such file/],
    ['invalid scenario file', () => ['--scenario', badScenario(), '--games', '4', '--seed', '1'], /nations\.0\.gdp/],
  ] as const)('%s', async (_name, args, message) => {
    const { code, stdout, stderr } = await run(...(typeof args === 'function' ? args() : args));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe.concurrent('results', () => {
  const games = 40;
  const common = ['--scenario', 'classroom', '--games', String(games), '--seed', '7', '--json'];
  /** The output without the machine-dependent part (a reviver returning undefined drops the key). */
  const withoutTiming = (stdout: string): string =>
    JSON.stringify(JSON.parse(stdout, (key, value: unknown) => (key === 'timing' ? undefined : value)));

  test('--json prints one JSON object with the required keys; 1 and 2 workers agree byte for byte', async () => {
    const csv = join(dir, 'out.csv');
    const [one, two] = await Promise.all([
      run(...common, '--workers', '1'),
      run(...common, '--workers', '2', '--csv', csv),
    ]);
    expect([one.code, two.code, one.stderr, two.stderr]).toEqual([0, 0, '', '']);
    expect(one.stdout.trimEnd().split('\n')).toHaveLength(1);
    const summary: unknown = JSON.parse(one.stdout);
    expect(summary).toMatchObject({ scenario: 'classroom', games, seed: 7 });
    for (const key of [
      'meanTurns',
      'honorRate',
      'partialRate',
      'abandonRate',
      'deterrenceSuccessRate',
      'nuclearWarRate',
      'escalationPeak',
      'scores',
      'timing',
    ])
      expect(summary).toHaveProperty(key);
    expect(summary).toHaveProperty('scores.challenger.p50');
    for (const key of [
      'homelandAttackShare',
      'defenseShareRatio.p10',
      'defenseShareRatio.p90',
      'umbrellaRatio.p10',
      'partialShare',
      ...['red_line', 'clarify', 'narrow', 'exit_ramp', 'sanction', 'lift_sanctions'].map(
        (k) => `statementsPerMatch.${k}`,
      ),
    ])
      expect(summary).toHaveProperty(`botBehaviour.${key}`);
    expect(summary).toHaveProperty('timing.matchesPerSecond');
    // Calibration and win rates under fixed names and types (outside tools read them).
    const rate = expect.toSatisfy((x: unknown) => typeof x === 'number' && x >= 0 && x <= 1);
    const cases = expect.toSatisfy((x: unknown) => Number.isInteger(x) && (x as number) >= 0);
    const band = [rate, rate];
    expect(summary).toMatchObject({
      calibration: {
        era: 'cold_war',
        honorRate: rate,
        honorCases: cases,
        honorBand: band,
        deterrenceStrict: rate,
        challenges: cases,
        deterrenceBand: band,
        inBand: expect.any(Boolean),
      },
      winRate: { guarantor: rate, ally: rate, challenger: rate },
    });
    expect(withoutTiming(two.stdout)).toBe(withoutTiming(one.stdout));

    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(games + 1);
    expect(lines[0]).toMatch(
      /^match,seed,turns,outcome,peak_rung,honored,partial,abandoned,challenges,deterred,armed_decisions,armed_honored,strict_challenges,strict_deterred,.*score_varkal,win_aurelia,.*win_varkal$/,
    );
    expect(lines.slice(1).every((l) => /,[01]$/.test(l))).toBe(true);
  });

  test('the table names the scenario and the rates, and --bots changes the policy', async () => {
    const { code, stdout } = await run(...base, '--bots', 'varkal=hawk', '--bots', 'aurelia=honor');
    expect(code).toBe(0);
    expect(stdout).toMatch(/scenario "classroom", 4 games, seed 1/);
    expect(stdout).toMatch(/aurelia=honor .*varkal=hawk/);
    expect(stdout).toMatch(/honor\s+\d+\.\d%/);
    expect(stdout).toMatch(/calibration \(cold war\)/);
    expect(stdout).toMatch(/honored, armed attacks\s+\d+\.\d%\s+25–55%/);
    expect(stdout).toMatch(/deterred, strict\s+\d+\.\d%\s+45–65%/);
    expect(stdout).toMatch(/win rate: guarantor \d+\.\d%, ally \d+\.\d%, challenger \d+\.\d%/);
  });
});
