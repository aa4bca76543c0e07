// docs/RULES.md must not drift from the code: every parameter is named in it, the parameter table
// gives every default exactly, and every inline "`name` = value" agrees with DEFAULT_PARAMS.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../shared/model/params.js';

const doc = readFileSync(new URL('../../docs/RULES.md', import.meta.url), 'utf8');

/** Every number in the defaults, by the path the doc writes: `key`, `key.sub.leaf` or `key[i]`. */
const numericLeaves = (value: unknown, path: string, out: Map<string, number>): Map<string, number> => {
  if (typeof value === 'number') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => numericLeaves(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) numericLeaves(v, path === '' ? k : `${path}.${k}`, out);
  return out;
};

const LEAVES = numericLeaves(DEFAULT_PARAMS, '', new Map());
const TOP_KEYS = Object.keys(DEFAULT_PARAMS);

/** The parameter a path starts with: `moveGain.probe` → moveGain, `thresholdResistance[2]` → thresholdResistance. */
const root = (path: string): string => path.split(/[.[]/)[0] ?? '';

/** Rows of every markdown table whose first cell is a single name in backticks. */
const tableRows = (markdown: string): { name: string; cells: string[] }[] =>
  markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
    )
    .flatMap((cells) => {
      const m = /^`([^`]+)`$/.exec(cells[0] ?? '');
      return m?.[1] ? [{ name: m[1], cells }] : [];
    });

/** "`name` = 0.25" written anywhere in the text. */
const inlineValues = (markdown: string): { name: string; value: string }[] =>
  [...markdown.matchAll(/`([A-Za-z][\w.[\]]*)`\s*=\s*(-?\d+(?:\.\d+)?)/g)].map((m) => ({
    name: m[1] ?? '',
    value: m[2] ?? '',
  }));

const parameterRows = tableRows(doc).filter((r) => TOP_KEYS.includes(root(r.name)));

describe('docs/RULES.md', () => {
  it('names every key of DEFAULT_PARAMS in backticks', () => {
    const missing = TOP_KEYS.filter((key) => !doc.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });

  it('has a parameter-table row for every default value', () => {
    const rowNames = new Set(parameterRows.map((r) => r.name));
    const missing = [...LEAVES.keys()].filter((path) => !rowNames.has(path));
    expect(missing).toEqual([]);
  });

  it('gives each default in the parameter table exactly as the code does', () => {
    const wrong: string[] = [];
    for (const row of parameterRows) {
      const expected = LEAVES.get(row.name);
      if (expected === undefined) {
        // A group row (e.g. `moveGain`) may stand above its leaves; any other name is a typo.
        if (!TOP_KEYS.includes(row.name)) wrong.push(`${row.name}: not a parameter`);
        continue;
      }
      const cell = (row.cells[1] ?? '').replaceAll('`', '').trim();
      if (cell === '' || Number(cell) !== expected)
        wrong.push(`${row.name}: the doc says "${cell}", DEFAULT_PARAMS says ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives each inline "`name` = value" exactly as the code does', () => {
    const wrong: string[] = [];
    for (const { name, value } of inlineValues(doc)) {
      if (!TOP_KEYS.includes(root(name))) continue;
      const expected = LEAVES.get(name);
      if (expected === undefined) wrong.push(`${name}: not a numeric parameter`);
      else if (Number(value) !== expected)
        wrong.push(`${name}: the doc says ${value}, DEFAULT_PARAMS says ${expected}`);
    }
    expect(wrong).toEqual([]);
  });
});
